"""Command palette provider: jump to any article by its title.

Matching is bounded whatever the titles: Textual's own fuzzy matcher tries
every way of spreading the query over a title, which never ends on a long
title that repeats its letters.  Here rapidfuzz scores the best-matching
part of each title (``partial_ratio``, linear in the title), on at most
:data:`MATCHED_CHARS` of it and :data:`QUERY_CHARS` of the query, a slice
of the corpus at a time so the event loop (keys, escape) never waits long;
only the best :data:`LIMIT` are shown.

>>> best_window("set to meet", "secretary of state blinken and china's top diplomat set to meet")
(52, 63)
>>> matched_letters("set meet", "Diplomats set to meet", (10, 21))
[10, 11, 12, 17, 18, 19, 20]
"""

from __future__ import annotations

import asyncio
import heapq
from functools import partial

from rapidfuzz import fuzz, process
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from reader.model import Article
from reader.sanitize import one_line

MATCHED_CHARS = 200  # of each title; a longer one is matched on its start
QUERY_CHARS = 64
LIMIT = 50  # hits shown for a query
SHOWN_FIRST = 100  # articles listed before anything is typed
CUTOFF = 60  # rapidfuzz partial_ratio, 0-100
SLICE = 2000  # titles scored between two looks at the event loop


def plain(text: str) -> Content:
    """Untrusted text for the palette: never parsed as markup (a title may say
    ``[@click=app.quit]``), control characters made visible."""
    return Content(one_line(text))


def best_window(query: str, title: str) -> tuple[int, int]:
    """Where in ``title`` (lower case) the lower-case ``query`` matches best:
    its first occurrence, else the part rapidfuzz aligns it with."""
    at = title.find(query)
    if at >= 0:
        return at, at + len(query)
    found = fuzz.partial_ratio_alignment(query, title)
    return (found.dest_start, found.dest_end) if found is not None else (0, 0)


def matched_letters(query: str, title: str, window: tuple[int, int]) -> list[int]:
    """Offsets in ``title`` of the query's letters, in order, inside ``window``
    (each query letter taken at its first place after the previous one)."""
    offsets: list[int] = []
    position, end = window
    for letter in query.lower():
        if letter.isspace():
            continue
        for at in range(position, end):
            if title[at].lower() == letter:
                offsets.append(at)
                position = at + 1
                break
    return offsets


def highlighted(query: str, title: str, style) -> Content:
    """``title`` as plain text with the letters the query matched styled."""
    shown = one_line(title)
    content = Content(shown)
    if style is None:
        return content
    key = shown[:MATCHED_CHARS].lower()
    window = best_window(query.lower(), key) if len(key) == len(shown[:MATCHED_CHARS]) else (0, len(key))
    for offset in matched_letters(query, shown, window):
        content = content.stylize(style, offset, offset + 1)
    return content


class ArticleCommands(Provider):
    """Every loaded article, found by fuzzy title."""

    async def startup(self) -> None:
        self._articles: list[Article] = list(self.app.corpus.articles)  # type: ignore[attr-defined]
        self._keys = [article.title[:MATCHED_CHARS].lower() for article in self._articles]

    def _hit(self, article: Article, score: float, prompt: Content) -> Hit:
        return Hit(
            score,
            prompt,
            partial(self.app.open_article, article.id),  # type: ignore[attr-defined]
            text=one_line(article.title),
            help=plain(article.outlet_label),  # type: ignore[arg-type]  # Content is kept as is
        )

    async def discover(self) -> Hits:
        for article in self._articles[:SHOWN_FIRST]:
            yield DiscoveryHit(
                plain(article.title),
                partial(self.app.open_article, article.id),  # type: ignore[attr-defined]
                text=one_line(article.title),
                help=plain(article.outlet_label),  # type: ignore[arg-type]
            )

    async def search(self, query: str) -> Hits:
        query = " ".join(query.split())[:QUERY_CHARS]
        if not query:
            return
        key = query.lower()
        best: list[tuple[float, int]] = []  # (score, -index): the best LIMIT so far
        for start in range(0, len(self._keys), SLICE):
            found = process.extract(
                key, self._keys[start : start + SLICE], scorer=fuzz.partial_ratio, limit=LIMIT, score_cutoff=CUTOFF
            )
            best = heapq.nlargest(LIMIT, [*best, *((score, -(start + i)) for _, score, i in found)])
            await asyncio.sleep(0)  # keys, escape and a newer query get their turn
        for score, index in best:
            article = self._articles[-index]
            closeness = fuzz.WRatio(key, self._keys[-index]) / 100  # orders titles that match equally well
            yield self._hit(article, (score + closeness) / 101, highlighted(query, article.title, self.match_style))
