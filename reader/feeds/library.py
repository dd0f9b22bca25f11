"""Subscriptions and fetched articles: kept in the state database, read as files.

The state database (:mod:`reader.store.feeds_db`) holds every feed and
every article fetched, its page included, so nothing depends on the network
once fetched.  The loader reads articles from files, so each stored article
also has an ``.html`` copy under the cache folder (``feeds/``), one folder
per feed; :meth:`Library.sync` writes the copies that are missing (after the
cache folder was cleared, say) and deletes those of removed feeds.  Those
files are only a copy: the database is what counts.

>>> import tempfile, pathlib
>>> top = pathlib.Path(tempfile.mkdtemp())
>>> library = Library.open(top / "state.sqlite", top / "feeds")
>>> library.subscribe("https://news.example/rss", "feed")
True
>>> path = library.keep("https://news.example/rss", "https://news.example/port", "Port reopens", None, True,
...                     "<title>Port reopens</title><p>Ships are back.</p>")
>>> path.relative_to(top).as_posix()
'feeds/news-example-271f7a1b/port-e7a83980.html'
>>> path.unlink(); library.sync() == [path] and path.exists()
True
"""

from __future__ import annotations

import hashlib
import re
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from reader.atomic import write_atomically
from reader.formats import parse_html
from reader.store import feeds_db, state_db
from reader.store.feeds_db import FeedRow
from reader.store.sqlite import NotOurs, open_database


@dataclass
class FeedPlaces:
    """What the reader needs to refresh feeds: where they are kept, the config's feeds,
    how many days fetched articles are kept (None: the default), and each feed folder's
    name -> (feed address, title)."""

    state_file: Path
    folder: Path
    config_feeds: tuple[str, ...] = ()
    titles: dict[str, tuple[str, str]] = field(default_factory=dict)
    keep_days: float | None = None


class LibraryError(Exception):
    """The state database cannot be used; the message is one line."""


class Library:
    """The feeds in the state database at ``state_file``, their articles' copies in ``folder``."""

    def __init__(self, db: sqlite3.Connection, folder: Path, clock: Callable[[], float] = time.time) -> None:
        self.db, self.folder, self._clock = db, folder, clock

    @classmethod
    def open(cls, state_file: Path, folder: Path) -> Library:
        try:  # without open_state's integrity check, which the reader's StateStore does (and acts on)
            db = open_database(state_file, state_db.APPLICATION_ID, state_db.MIGRATIONS, synchronous="FULL",
                               busy_ms=state_db.BUSY_MS)
        except (NotOurs, sqlite3.Error, OSError) as exc:
            raise LibraryError(f"cannot use the state database {state_file}: {exc}") from None
        return cls(db, folder)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- subscriptions ---------------------------------------------------------------

    def feeds(self) -> list[FeedRow]:
        return feeds_db.feeds(self.db)

    def feed(self, url: str) -> FeedRow | None:
        return next((row for row in self.feeds() if row.url == url), None)

    def subscribe(self, url: str, kind: str, title: str | None = None) -> bool:
        """Add a feed (``kind`` "feed") or a single page ("page"); False if it was there."""
        return feeds_db.add_feed(self.db, url, kind, self._clock(), title)

    def merge(self, urls: Iterable[str]) -> None:
        """Subscribe to the config file's feeds that are not subscribed yet."""
        for url in urls:
            feeds_db.add_feed(self.db, url, "feed", self._clock())

    def remove(self, url: str) -> int | None:
        """Forget a feed or page and its articles (files too); how many articles, or None."""
        count = feeds_db.remove_feed(self.db, url)
        if count is not None:
            shutil.rmtree(self.folder / feed_folder(url), ignore_errors=True)
        return count

    def fetched(self, url: str, *, title: str | None = None, etag: str | None = None, modified: str | None = None,
                error: str | None = None) -> None:
        feeds_db.fetched(self.db, url, self._clock(), title=title, etag=etag, modified=modified, error=error)

    # --- articles ------------------------------------------------------------------------

    def known(self) -> set[str]:
        """Addresses of the articles kept already."""
        return feeds_db.item_urls(self.db)

    def keep(self, feed: str, url: str, title: str, date: str | None, full: bool, html: str) -> Path:
        """Store one article and write its copy; the copy's path."""
        feeds_db.put_item(self.db, feed, url, title, date, self._clock(), full, html)
        path = self.folder / feed_folder(feed) / _article_name(url)
        write_atomically(path, html.encode("utf-8", "surrogatepass"))
        return path

    def expire(self, days: float) -> int:
        """Let go of the articles fetched more than ``days`` ago (``0``: keep them all), except
        bookmarked ones: their pages and copies go, their addresses stay known, so a feed that
        still lists them does not fetch them again.  How many went."""
        if days <= 0:
            return 0
        old = feeds_db.fetched_before(self.db, self._clock() - days * 86_400)
        if not old:
            return 0
        _read, bookmarks, _position, _theme = state_db.read_all(self.db)
        kept = {article for article, (on, _at) in bookmarks.items() if on}
        gone = []
        for url, feed in old:
            path = self.folder / feed_folder(feed) / _article_name(url)
            html = feeds_db.item_html(self.db, url)
            if html is None or parse_html(html, str(path)).id not in kept:
                gone.append(url)
                path.unlink(missing_ok=True)
        feeds_db.expire(self.db, gone)
        return len(gone)

    def sync(self) -> list[Path]:
        """Every stored article's copy, written where missing; copies of forgotten articles deleted."""
        wanted = {self.folder / feed_folder(feed) / _article_name(url): url for url, feed in feeds_db.items(self.db)}
        for path, url in wanted.items():
            if not path.is_file():
                html = feeds_db.item_html(self.db, url)
                if html is not None:
                    write_atomically(path, html.encode("utf-8", "surrogatepass"))
        if self.folder.is_dir():
            for path in self.folder.glob("*/*.html"):
                if path not in wanted:
                    path.unlink(missing_ok=True)
        return [path for path in wanted if path.is_file()]



def feed_titles(library: Library) -> dict[str, tuple[str, str]]:
    """Each feed folder's name -> (the feed's address, its title): the reader's feed filter
    and ``r`` (pages added by their address are no feed)."""
    return {feed_folder(row.url): (row.url, row.title or row.url) for row in library.feeds() if row.kind == "feed"}


def _slug(text: str, limit: int) -> str:
    words = re.findall(r"[a-z0-9]+", text.casefold())
    return "-".join(words)[:limit].strip("-") or "article"


def _digest(url: str) -> str:
    return hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def feed_folder(url: str) -> str:
    """``https://www.news.example/rss`` -> ``news-example-1a2b3c4d``."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        host = ""
    return f"{_slug(host.removeprefix('www.'), 40)}-{_digest(url)}"


def _article_name(url: str) -> str:
    """From the address alone, so a copy is found again whatever the title became."""
    try:
        path = urlsplit(url).path
    except ValueError:
        path = ""
    stem = path.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return f"{_slug(stem, 50)}-{_digest(url)}.html"
