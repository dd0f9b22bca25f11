"""Command palette provider: jump to any article by its title."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from reader.sanitize import one_line


def plain(text: str) -> Content:
    """Untrusted text for the palette: never parsed as markup (a title may say
    ``[@click=app.quit]``), control characters made visible."""
    return Content(one_line(text))


def highlighted(matcher: Matcher, title: str) -> Content:
    """``title`` as plain text with the letters the query matched styled, like
    ``Matcher.highlight`` but without reading the title as markup."""
    content = plain(title)
    score, offsets = matcher.fuzzy_search.match(matcher.query, content.plain)
    if not score:
        return content
    for offset in offsets:
        if not content.plain[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ArticleCommands(Provider):
    """Every loaded article, found by fuzzy title."""

    def _articles(self):
        return self.app.corpus.articles  # type: ignore[attr-defined]

    async def discover(self) -> Hits:
        for article in self._articles():
            yield DiscoveryHit(
                plain(article.title),
                partial(self.app.open_article, article.id),  # type: ignore[attr-defined]
                text=one_line(article.title),
                help=plain(article.outlet_label),  # type: ignore[arg-type]  # Content is kept as is
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for article in self._articles():
            title = one_line(article.title)
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    highlighted(matcher, title),
                    partial(self.app.open_article, article.id),  # type: ignore[attr-defined]
                    text=title,
                    help=plain(article.outlet_label),  # type: ignore[arg-type]
                )
