"""The feeds' tables in the state database (schema steps 2 and 3 of
:mod:`reader.store.state_db`)::

    feeds      (url TEXT PRIMARY KEY, kind TEXT,     -- 'feed', or 'page': one article added by its address
                title TEXT, added REAL, last_fetch REAL, last_error TEXT, etag TEXT, modified TEXT)
    feed_items (url TEXT PRIMARY KEY, feed TEXT REFERENCES feeds (url) ON DELETE CASCADE,
                title TEXT, date TEXT, fetched REAL, full INTEGER,  -- 0: the feed's summary only
                html BLOB,                                            -- the page, zlib-compressed UTF-8
                expired INTEGER)                                      -- 1: let go (see expire), html empty

Fetched articles are kept here, with the rest of what the user chose, so
the reader starts without the network and a page that later disappears
from the web is not lost.

>>> from reader.store.state_db import open_state
>>> db = open_state(":memory:")
>>> add_feed(db, "https://news.example/rss", "feed", 1.0)
True
>>> put_item(db, "https://news.example/rss", "https://news.example/a", "A", None, 2.0, True, "<p>Hi</p>")
>>> [(row.url, row.articles) for row in feeds(db)], item_html(db, "https://news.example/a")
([('https://news.example/rss', 1)], '<p>Hi</p>')
>>> expire(db, [url for url, _feed in fetched_before(db, 3.0)])
>>> items(db), item_urls(db), feeds(db)[0].articles
([], {'https://news.example/a'}, 0)
"""

from __future__ import annotations

import sqlite3
import zlib
from dataclasses import dataclass

from reader.store.sqlite import transaction


@dataclass(frozen=True)
class FeedRow:
    url: str
    kind: str
    title: str | None
    added: float
    last_fetch: float | None
    last_error: str | None
    etag: str | None
    modified: str | None
    articles: int


def add_feed(db: sqlite3.Connection, url: str, kind: str, at: float, title: str | None = None) -> bool:
    """Subscribe (or remember one page); False if ``url`` was there already."""
    with transaction(db):
        found = db.execute("INSERT OR IGNORE INTO feeds (url, kind, title, added) VALUES (?, ?, ?, ?)",
                           (url, kind, title, at))
    return found.rowcount == 1


def remove_feed(db: sqlite3.Connection, url: str) -> int | None:
    """Forget a feed and its articles; the number of articles, or None if there was no such feed."""
    with transaction(db):
        count = db.execute("SELECT count(*) FROM feed_items WHERE feed = ?", (url,)).fetchone()[0]
        gone = db.execute("DELETE FROM feeds WHERE url = ?", (url,)).rowcount
    return count if gone else None


def feeds(db: sqlite3.Connection) -> list[FeedRow]:
    """Every feed and page, in the order they were added, with its number of articles."""
    rows = db.execute(
        "SELECT f.url, f.kind, f.title, f.added, f.last_fetch, f.last_error, f.etag, f.modified,"
        " (SELECT count(*) FROM feed_items i WHERE i.feed = f.url AND NOT i.expired) FROM feeds f"
        " ORDER BY f.added, f.url"
    ).fetchall()
    return [FeedRow(*row) for row in rows]


def fetched(db: sqlite3.Connection, url: str, at: float, *, title: str | None = None, etag: str | None = None,
            modified: str | None = None, error: str | None = None) -> None:
    """Record a fetch: its time and error (None: it worked, and the title and validators are kept)."""
    with transaction(db):
        if error is not None:
            db.execute("UPDATE feeds SET last_fetch = ?, last_error = ? WHERE url = ?", (at, error, url))
        else:
            db.execute("UPDATE feeds SET last_fetch = ?, last_error = NULL, title = coalesce(?, title),"
                       " etag = ?, modified = ? WHERE url = ?", (at, title, etag, modified, url))


def item_urls(db: sqlite3.Connection) -> set[str]:
    """The address of every article kept (of any feed)."""
    return {row[0] for row in db.execute("SELECT url FROM feed_items")}


def put_item(db: sqlite3.Connection, feed: str, url: str, title: str, date: str | None, at: float, full: bool,
             html: str) -> None:
    """Keep one article (replacing an older copy of the same address)."""
    blob = zlib.compress(html.encode("utf-8", "surrogatepass"), 6)
    with transaction(db):
        db.execute("INSERT OR REPLACE INTO feed_items (url, feed, title, date, fetched, full, html)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?)", (url, feed, title, date, at, int(full), blob))


def items(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """(article address, feed address) of every article kept: feed by feed, in the order
    they were added, each feed's newest first (undated last), whatever order the pages came in."""
    return db.execute("SELECT i.url, i.feed FROM feed_items i JOIN feeds f ON f.url = i.feed WHERE NOT i.expired"
                      " ORDER BY f.added, f.url, i.date IS NULL, i.date DESC, i.url").fetchall()


def fetched_before(db: sqlite3.Connection, at: float) -> list[tuple[str, str]]:
    """(article address, feed address) of the articles still kept that were fetched before ``at``."""
    return db.execute("SELECT url, feed FROM feed_items WHERE NOT expired AND fetched < ?", (at,)).fetchall()


def expire(db: sqlite3.Connection, urls: list[str]) -> None:
    """Let these articles go: their pages are dropped, their addresses stay known (:func:`item_urls`)
    so that a feed still listing them does not fetch them again."""
    with transaction(db):
        db.executemany("UPDATE feed_items SET expired = 1, html = x'' WHERE url = ?", [(url,) for url in urls])


def item_html(db: sqlite3.Connection, url: str) -> str | None:
    """One article's stored page, or None (missing, or damaged)."""
    row = db.execute("SELECT html FROM feed_items WHERE url = ?", (url,)).fetchone()
    if row is None or not isinstance(row[0], bytes):
        return None
    try:
        return zlib.decompress(row[0]).decode("utf-8", "surrogatepass")
    except (zlib.error, UnicodeDecodeError):
        return None
