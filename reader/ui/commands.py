"""Command palette providers: every action of the reader (:class:`ActionCommands`,
from the key table), and any article by its title (:class:`ArticleCommands`).

Matching is bounded whatever the titles: Textual's own fuzzy matcher tries
every way of spreading the query over a title, which never ends on a long
title that repeats its letters.  Here the query's words are looked up in a
word index of the titles (:class:`~reader.ui.title_index.TitleIndex`: exact,
prefix, infix or within a typo), on at most :data:`MATCHED_CHARS` of each
title and :data:`QUERY_CHARS` of the query; only the best :data:`LIMIT` are
shown, their matched letters found with rapidfuzz's alignment.

>>> best_window("set to meet", "secretary of state blinken and china's top diplomat set to meet")
(52, 63)
>>> matched_letters("set meet", "Diplomats set to meet", (10, 21))
[10, 11, 12, 17, 18, 19, 20]
"""

from __future__ import annotations

import threading
from functools import partial
from weakref import WeakKeyDictionary

from rapidfuzz import fuzz
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from reader.model import Article
from reader.sanitize import one_line
from reader.ui import keys
from reader.ui.title_index import TitleIndex

MATCHED_CHARS = 200  # of each title; a longer one is matched on its start
QUERY_CHARS = 64
LIMIT = 12  # hits shown for a query: what the palette shows at once (each costs ~1 ms to draw)
SHOWN_FIRST = 100  # articles listed before anything is typed


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


def title_index(app) -> TitleIndex:
    """The app's titles, indexed once and extended as articles load (the
    reader's loading thread does it ahead of the palette, under a lock)."""
    with _LOCK:
        index = _INDEXES.get(app)
        if index is None:
            index = _INDEXES[app] = TitleIndex()
        articles = app.corpus.articles
        if len(index) < len(articles):
            index.extend(article.title for article in articles[len(index) :])
        return index


_INDEXES: WeakKeyDictionary = WeakKeyDictionary()
_LOCK = threading.Lock()


class ArticleCommands(Provider):
    """Every loaded article, found by the words of its title (typos forgiven)."""

    async def startup(self) -> None:
        self._articles: list[Article] = self.app.corpus.articles  # type: ignore[attr-defined]
        self._index = title_index(self.app)

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
        for number, score in self._index.search(query, LIMIT):
            article = self._articles[number]
            yield self._hit(article, min(score, 1.0), highlighted(query, article.title, self.match_style))


class ActionCommands(Provider):
    """Every action of the reader's key table, named as in the help, with its key."""

    def _commands(self) -> list[tuple[keys.Key, str]]:
        keymap = getattr(self.app, "keymap", None)
        return [(key, keys.shown_key(key, keymap)) for key in keys.palette_keys()]

    def _run(self, action: str) -> None:
        self.app.call_later(self.app.run_action, action)

    async def discover(self) -> Hits:
        for key, shown in self._commands():
            yield DiscoveryHit(
                plain(key.label),
                partial(self._run, key.action),
                text=key.label,
                help=plain(f"{shown} · {key.help}"),  # type: ignore[arg-type]
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for key, shown in self._commands():
            score = max(matcher.match(key.label), matcher.match(key.help) * 0.8)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(key.label),
                    partial(self._run, key.action),
                    text=key.label,
                    help=plain(f"{shown} · {key.help}"),  # type: ignore[arg-type]
                )
