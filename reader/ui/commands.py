"""Command palette provider: jump to any article by its title."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.sanitize import one_line


class ArticleCommands(Provider):
    """Every loaded article, found by fuzzy title."""

    def _articles(self):
        return self.app.corpus.articles  # type: ignore[attr-defined]

    async def discover(self) -> Hits:
        for article in self._articles():
            yield DiscoveryHit(
                one_line(article.title),
                partial(self.app.open_article, article.id),  # type: ignore[attr-defined]
                help=one_line(article.outlet_label),
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for article in self._articles():
            title = one_line(article.title)
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(title),
                    partial(self.app.open_article, article.id),  # type: ignore[attr-defined]
                    help=one_line(article.outlet_label),
                )
