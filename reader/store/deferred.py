"""Quotes and speakers of cached articles, read after the articles are listed.

A warm start lists every article first.  :class:`Deferred` keeps the read
snapshot of the parse cache in which the articles were read (a connection
of its own, in one transaction): each article's quotes and speakers come
from that same snapshot, read and checked when first used, or all at once
by :meth:`Deferred.finish`, which the loader calls right after the listing.
Rows that fail a check are never served: that article's quotes are
extracted again from its text (itself checked), and :meth:`finish` names
its file, which the cache then writes again.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from typing import cast

from reader.model import Article, Attribution, Quote, Speaker
from reader.records import Lazy, attribution_from_rows
from reader.store import cache_db

_BAD_ROW = (ValueError, TypeError, IndexError, RecursionError)


class Deferred:
    """The quotes and speakers of ``articles`` (article key -> ``(file id, article)``),
    read through ``db``, a connection whose read transaction holds the snapshot."""

    def __init__(self, db: sqlite3.Connection, articles: dict[int, tuple[int, Article]]) -> None:
        self._db: sqlite3.Connection | None = db
        self._articles = articles
        self._made: dict[int, Attribution] = {}
        self._bad: set[int] = set()  # articles whose rows failed a check
        self._lock = threading.RLock()

    def placeholder(self, key: int) -> Attribution:
        """What the loader hands out for article ``key``: made from the rows when first used."""
        # a Lazy stands in for the tuple (it compares, hashes and iterates as one)
        return Attribution(quotes=cast(tuple[Quote, ...], Lazy(_quotes, None, self, key)),
                           speakers=cast(tuple[Speaker, ...], Lazy(_speakers, None, self, key)))

    def attribution(self, key: int) -> Attribution:
        """Article ``key``'s quotes and speakers (from its rows, or extracted again)."""
        with self._lock:
            made = self._made.get(key)
            if made is None:
                rows = None  # the snapshot is gone (closed before finishing): extracted again
                if self._db is not None:
                    try:
                        rows = cache_db.read_attribution(self._db, key)
                    except sqlite3.Error:
                        rows = None
                made = self._make(key, rows)
            return made

    def _make(self, key: int, rows: tuple[list, list] | None) -> Attribution:
        article = self._articles[key][1]
        try:
            if rows is None:
                raise ValueError("cache entry: unreadable")
            made = attribution_from_rows(rows[0], rows[1], article.source)
        except _BAD_ROW:
            self._bad.add(key)
            from reader.attribution import extract_article  # only for a damaged cache

            made = extract_article(article)
        self._made[key] = made
        return made

    def finish(self) -> set[int]:
        """Read and check every article's rows now, end the snapshot, and return
        the file ids whose rows were wrong (their quotes extracted again)."""
        with self._lock:
            if self._db is None:
                return set()
            wanted = {fid for fid, _ in self._articles.values()}
            found: tuple[dict[int, list], dict[int, list]] | None
            try:
                found = cache_db.read_attributions(self._db, wanted)
            except sqlite3.Error:
                found = None
            for key in self._articles:
                if key not in self._made:
                    rows = None if found is None else (found[0].get(key, []), found[1].get(key, []))
                    self._make(key, rows)
            self.close()
            return {self._articles[key][0] for key in self._bad}

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")  # a read transaction: nothing to keep
                self._db.close()
                self._db = None

    def items(self, fid: int) -> list[tuple[Article, Attribution]]:
        """The articles of file ``fid`` and their quotes, made now (to write them again)."""
        return [(article, self.attribution(key)) for key, (f, article) in self._articles.items() if f == fid]


def _quotes(deferred: Deferred, key: int) -> tuple:
    return tuple(deferred.attribution(key).quotes)


def _speakers(deferred: Deferred, key: int) -> tuple:
    return tuple(deferred.attribution(key).speakers)
