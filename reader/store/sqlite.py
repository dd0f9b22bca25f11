"""Opening newsreader's SQLite files: WAL, short transactions, migrations.

Both databases (the parse cache and the user's state) open through
:func:`open_database`, which

* refuses what is not a regular file (a FIFO would hang ``sqlite3`` for ever),
* checks that the file is ours (``PRAGMA application_id``) or empty,
* switches on WAL (readers never wait for the writer; one writer at a time,
  others wait up to ``busy_timeout``),
* runs the migrations the file lacks (``PRAGMA user_version`` counts the
  steps done), in one transaction, so a migration killed half-way is undone.

A file written by a newer newsreader (more steps than we know) or by another
program raises :class:`NotOurs`; a damaged one raises
:class:`sqlite3.DatabaseError`.  The caller decides: the cache is rebuilt,
the state is moved aside.

>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "demo.sqlite"
>>> db = open_database(path, 0x1234, ["CREATE TABLE t(x)"])
>>> db.execute("PRAGMA user_version").fetchone()[0], db.execute("PRAGMA journal_mode").fetchone()[0]
(1, 'wal')
"""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

BUSY_MS = 10_000  # how long a writer waits for another one before giving up
_RETRY_S = 0.02  # between tries to open a file another process is creating


class NotOurs(Exception):
    """The file is a database, but not one this version of newsreader can use."""


def check_regular(path: Path) -> None:
    """Raise ``OSError`` unless ``path`` is missing or a regular file."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(info.st_mode):
        kinds = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                 (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))
        kind = next((name for test, name in kinds if test(info.st_mode)), "not a regular file")
        raise OSError(f"is {kind}, not a regular file")


def open_database(path: Path | str, application_id: int, migrations: Sequence[str], *,
                  synchronous: str = "NORMAL", busy_ms: int = BUSY_MS) -> sqlite3.Connection:
    """A connection to ``path`` (``":memory:"`` too), migrated to the latest schema.

    ``migrations[i]`` is the SQL script taking the schema from version ``i`` to
    ``i + 1``.  Raises :class:`NotOurs`, ``sqlite3.DatabaseError`` or ``OSError``.
    """
    if str(path) != ":memory:":
        path = Path(path)
        check_regular(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + busy_ms / 1000
    while True:
        db = sqlite3.connect(str(path), timeout=busy_ms / 1000, isolation_level=None, check_same_thread=False)
        try:
            db.execute(f"PRAGMA busy_timeout={int(busy_ms)}")
            _check_ours(db, application_id, len(migrations))
            db.execute("PRAGMA journal_mode=WAL").fetchone()
            db.execute(f"PRAGMA synchronous={synchronous}")
            db.execute("PRAGMA foreign_keys=ON")
            _migrate(db, application_id, migrations)
            return db
        except sqlite3.OperationalError as exc:
            db.close()
            # Two processes creating one file: switching a new file to WAL takes an
            # exclusive lock that SQLite's busy handler does not wait for.  Try again.
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(_RETRY_S)
        except BaseException:
            db.close()
            raise


def _check_ours(db: sqlite3.Connection, application_id: int, known: int) -> None:
    found = db.execute("PRAGMA application_id").fetchone()[0]  # "file is not a database" raises here
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if found == 0 and version == 0:
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise NotOurs("a database of another program")
        return
    if found != application_id:
        raise NotOurs("a database of another program")
    if version > known:
        raise NotOurs(f"written by a newer newsreader (schema {version}, this one knows {known})")


def _migrate(db: sqlite3.Connection, application_id: int, migrations: Sequence[str]) -> None:
    with transaction(db):
        version = db.execute("PRAGMA user_version").fetchone()[0]  # again: another process may have migrated
        for step in range(version, len(migrations)):
            for statement in migrations[step].split(";\n"):
                if statement.strip():
                    db.execute(statement)
        if version < len(migrations):
            db.execute(f"PRAGMA user_version={len(migrations)}")
            db.execute(f"PRAGMA application_id={application_id}")


@contextmanager
def transaction(db: sqlite3.Connection, *, write: bool = True) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (or ``ROLLBACK`` on any exception):
    the write lock is taken at the start, so the transaction never fails
    half-way for want of it.  ``write=False``: a plain ``BEGIN``, one
    consistent snapshot for several reads, never waiting for a writer."""
    db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
    try:
        yield db
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def remove_database(path: Path) -> None:
    """Delete a database file and its WAL and shared-memory files."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")
