"""The state database: what the user did, precious, never rebuilt.

Tables (every value carries the time it was set, ``at``, in seconds since
the epoch, so that two newsreaders sharing the file keep the newest of
each key, whichever saves last)::

    read_marks (article TEXT PRIMARY KEY, read INTEGER, at REAL)
    bookmarks  (article TEXT PRIMARY KEY, bookmarked INTEGER, at REAL)
    position   (slot INTEGER PRIMARY KEY CHECK (slot = 1), article TEXT, scroll REAL, at REAL)
    settings   (key TEXT PRIMARY KEY, value TEXT, at REAL)       -- 'theme'
    feeds, feed_items                                            -- step 2: see reader.store.feeds_db
    feed_items.expired                                           -- step 3: see feeds_db.expire

``article`` is the article's content id (``Article.id``), so marks survive
a moved or renamed file.  Un-reading and un-bookmarking are rows with 0,
so they win over an older 1 saved by another process.

>>> db = open_state(":memory:")
>>> write(db, {"a1": (True, 5.0)}, {}, None, None)
>>> write(db, {"a1": (False, 4.0)}, {}, None, None)  # older: ignored
>>> read_all(db)[0]
{'a1': (True, 5.0)}
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.store.sqlite import open_database, transaction

APPLICATION_ID = 0x4E525331  # "NRS1"
BUSY_MS = 2_000  # a save waits this long for another newsreader's save, then retries later

MIGRATIONS = (
    """
CREATE TABLE read_marks (article TEXT PRIMARY KEY, read INTEGER NOT NULL, at REAL NOT NULL) WITHOUT ROWID;
CREATE TABLE bookmarks (article TEXT PRIMARY KEY, bookmarked INTEGER NOT NULL, at REAL NOT NULL) WITHOUT ROWID;
CREATE TABLE position (slot INTEGER PRIMARY KEY CHECK (slot = 1), article TEXT, scroll REAL NOT NULL, at REAL NOT NULL);
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT, at REAL NOT NULL) WITHOUT ROWID
""",
    # step 2: feeds and the articles fetched from them (see reader.store.feeds_db)
    """
CREATE TABLE feeds (url TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT, added REAL NOT NULL,
                    last_fetch REAL, last_error TEXT, etag TEXT, modified TEXT) WITHOUT ROWID;
CREATE TABLE feed_items (url TEXT PRIMARY KEY, feed TEXT NOT NULL REFERENCES feeds (url) ON DELETE CASCADE,
                         title TEXT NOT NULL, date TEXT, fetched REAL NOT NULL, full INTEGER NOT NULL,
                         html BLOB NOT NULL);
CREATE INDEX feed_items_by_feed ON feed_items (feed)
""",
    # step 3: an article kept past its time keeps its address (so its feed does not bring it back), not its page
    """
ALTER TABLE feed_items ADD COLUMN expired INTEGER NOT NULL DEFAULT 0
""",
)

Entries = dict[str, tuple[bool, float]]
Position = tuple[str | None, float, float]  # article, scroll, at
Theme = tuple[str | None, float]  # name, at


def open_state(path: Path | str, busy_ms: int = BUSY_MS) -> sqlite3.Connection:
    """The state database; raises like :func:`open_database`, and
    ``sqlite3.DatabaseError`` when its pages fail SQLite's own check."""
    db = open_database(path, APPLICATION_ID, MIGRATIONS, synchronous="FULL", busy_ms=busy_ms)
    try:
        found = db.execute("PRAGMA quick_check").fetchone()[0]
    except BaseException:
        db.close()
        raise
    if found != "ok":
        db.close()
        raise sqlite3.DatabaseError(f"damaged ({found})")
    return db


_UPSERT = {
    "read_marks": "INSERT INTO read_marks (article, read, at) VALUES (?, ?, ?) ON CONFLICT (article)"
                  " DO UPDATE SET read = excluded.read, at = excluded.at WHERE excluded.at > read_marks.at",
    "bookmarks": "INSERT INTO bookmarks (article, bookmarked, at) VALUES (?, ?, ?) ON CONFLICT (article)"
                 " DO UPDATE SET bookmarked = excluded.bookmarked, at = excluded.at WHERE excluded.at > bookmarks.at",
}


def write(db: sqlite3.Connection, read: Entries, bookmarks: Entries, position: Position | None,
          theme: Theme | None) -> None:
    """Save these values, each only where it is newer than the one stored, in one transaction."""
    with transaction(db):
        for table, entries in (("read_marks", read), ("bookmarks", bookmarks)):
            db.executemany(_UPSERT[table], ((key, int(on), at) for key, (on, at) in entries.items()))
        if position is not None:
            db.execute("INSERT INTO position (slot, article, scroll, at) VALUES (1, ?, ?, ?) ON CONFLICT (slot)"
                       " DO UPDATE SET article = excluded.article, scroll = excluded.scroll, at = excluded.at"
                       " WHERE excluded.at > position.at", position)
        if theme is not None:
            db.execute("INSERT INTO settings (key, value, at) VALUES ('theme', ?, ?) ON CONFLICT (key)"
                       " DO UPDATE SET value = excluded.value, at = excluded.at WHERE excluded.at > settings.at", theme)


def others_wrote(db: sqlite3.Connection, since: int | None) -> tuple[bool, int]:
    """Has another connection committed since ``since`` (a ``PRAGMA data_version``)?
    And the version now.  Our own commits do not count."""
    now = db.execute("PRAGMA data_version").fetchone()[0]
    return since is None or now != since, now


def read_all(db: sqlite3.Connection) -> tuple[Entries, Entries, Position | None, Theme | None]:
    """Everything saved, read in one snapshot (rows of the wrong types are skipped)."""
    with transaction(db, write=False):
        read = _entries(db.execute("SELECT article, read, at FROM read_marks"))
        bookmarks = _entries(db.execute("SELECT article, bookmarked, at FROM bookmarks"))
        position = db.execute("SELECT article, scroll, at FROM position WHERE slot = 1").fetchone()
        theme = db.execute("SELECT value, at FROM settings WHERE key = 'theme'").fetchone()
    if position is not None and not (_text_or_none(position[0]) and _number(position[1]) and _number(position[2])):
        position = None
    if theme is not None and not (_text_or_none(theme[0]) and _number(theme[1])):
        theme = None
    return read, bookmarks, position, theme


def _entries(rows) -> Entries:
    return {key: (bool(on), float(at)) for key, on, at in rows
            if type(key) is str and type(on) is int and _number(at)}


def _number(value: object) -> bool:
    return (type(value) is int or type(value) is float) and value == value and abs(value) != float("inf")


def _text_or_none(value: object) -> bool:
    return value is None or type(value) is str
