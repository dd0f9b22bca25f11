"""Persisted user state: read/unread, bookmarks, last position, theme.

:class:`State` is the state in memory; every value carries the time it was
set, so two newsreaders sharing the store keep the newest value of each key,
whichever saves last (un-reading and un-bookmarking are kept as ``False``
entries so they survive too).  :class:`StateStore` keeps it in the state
database (``Locations.state_file``, ``state.sqlite``; the SQL in
:mod:`reader.store.state_db`): a save writes, in one short transaction, each
key that is newer than the stored one, then reads back what other processes
saved meanwhile (only if one did: ``PRAGMA data_version``).  SQLite's write-ahead log makes the save all or nothing,
even if the process is killed half-way.

On first start an old ``state.json`` beside the database is imported once
and renamed ``state.json.imported`` (:mod:`reader.state_json`).

Nothing here raises on a bad file or a bad disk: a corrupt database, or
another program's, is moved aside to ``state.sqlite.corrupt-YYYYmmdd-HHMMSS``
(never deleted) and the app starts fresh; a read-only folder, a full disk or
a long-held lock turn into a one-line warning and the state stays in memory.

>>> import tempfile, pathlib
>>> store = StateStore(pathlib.Path(tempfile.mkdtemp()) / "state.sqlite")
>>> state, messages = store.load()
>>> state.set_read("article-1"); store.save(state)
>>> StateStore(store.path).load()[0].read_ids()
frozenset({'article-1'})
"""

from __future__ import annotations

import contextlib
import math
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from reader.store import state_db
from reader.store.sqlite import NotOurs

SCHEMA = 1  # of the old state.json (see reader.state_json)
LOCK_TIMEOUT = state_db.BUSY_MS / 1000
LEGACY_NAME = "state.json"

Entry = tuple[bool, float]


class State:
    """The user's state in memory, with a timestamp per key.

    ``clock`` gives the time recorded with each change (``time.time`` by
    default; tests pass a fake one).  ``dirty`` is true when something
    changed since the last successful save.
    """

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self._read: dict[str, Entry] = {}
        self._bookmarks: dict[str, Entry] = {}
        self._position: tuple[str | None, float, float] = (None, 0.0, 0.0)
        self._theme: tuple[str | None, float] = (None, 0.0)
        self.dirty = False

    # -- read / unread -------------------------------------------------

    def is_read(self, article_id: str) -> bool:
        entry = self._read.get(article_id)
        return bool(entry and entry[0])

    def set_read(self, article_id: str, read: bool = True) -> None:
        self._read[article_id] = (bool(read), self._now())
        self.dirty = True

    def read_ids(self) -> frozenset[str]:
        return frozenset(k for k, (on, _) in self._read.items() if on)

    # -- bookmarks -----------------------------------------------------

    def is_bookmarked(self, article_id: str) -> bool:
        entry = self._bookmarks.get(article_id)
        return bool(entry and entry[0])

    def set_bookmark(self, article_id: str, on: bool = True) -> None:
        self._bookmarks[article_id] = (bool(on), self._now())
        self.dirty = True

    def bookmarked_ids(self) -> frozenset[str]:
        return frozenset(k for k, (on, _) in self._bookmarks.items() if on)

    # -- last position -------------------------------------------------

    @property
    def last_article(self) -> str | None:
        return self._position[0]

    @property
    def last_scroll(self) -> float:
        return self._position[1]

    def set_position(self, article_id: str | None, scroll: float = 0.0) -> None:
        """Remember the open article and how far down it is scrolled.

        Setting the same position again is a no-op, so the UI may call this
        on every scroll event.
        """
        scroll = float(scroll)
        if not math.isfinite(scroll):
            scroll = 0.0
        if (article_id, scroll) == self._position[:2]:
            return
        self._position = (article_id, scroll, self._now())
        self.dirty = True

    # -- theme ---------------------------------------------------------

    @property
    def theme(self) -> str | None:
        return self._theme[0]

    @theme.setter
    def theme(self, name: str | None) -> None:
        self._theme = (name, self._now())
        self.dirty = True

    # -- merging and (de)serialising ------------------------------------

    def merge(self, other: State) -> None:
        """Take every key of ``other`` that is newer than ours.

        On equal timestamps ours wins.  Does not change ``dirty``: what comes
        from ``other`` is already on disk.
        """
        for mine, theirs in ((self._read, other._read), (self._bookmarks, other._bookmarks)):
            for key, entry in theirs.items():
                if key not in mine or entry[1] > mine[key][1]:
                    mine[key] = entry
        if other._position[2] > self._position[2]:
            self._position = other._position
        if other._theme[1] > self._theme[1]:
            self._theme = other._theme

    def copy(self) -> State:
        """An independent copy (the dictionaries are copied, cheaply, in C)."""
        twin = State(self._clock)
        twin._read, twin._bookmarks = dict(self._read), dict(self._bookmarks)
        twin._position, twin._theme, twin.dirty = self._position, self._theme, self.dirty
        return twin

    def newer_than(self, other: State) -> State:
        """Only the keys of ours that ``other`` lacks or holds older: what
        ``other.merge`` would take from us, as a small state of its own.

        >>> old, new = State(clock=lambda: 1.0), State(clock=lambda: 2.0)
        >>> old.set_read("a"); new.set_read("a"); new.set_read("b")
        >>> sorted(new.newer_than(old).read_ids()), sorted(old.newer_than(new).read_ids())
        (['a', 'b'], [])
        """
        delta = State(self._clock)
        for mine, theirs, into in (
            (self._read, other._read, delta._read),
            (self._bookmarks, other._bookmarks, delta._bookmarks),
        ):
            for key, entry in mine.items():
                if key not in theirs or entry[1] > theirs[key][1]:
                    into[key] = entry
        if self._position[2] > other._position[2]:
            delta._position = self._position
        if self._theme[1] > other._theme[1]:
            delta._theme = self._theme
        return delta

    def to_json(self) -> dict:
        return {
            "schema": SCHEMA,
            "read": {k: [on, t] for k, (on, t) in sorted(self._read.items())},
            "bookmarks": {k: [on, t] for k, (on, t) in sorted(self._bookmarks.items())},
            "position": list(self._position),
            "theme": list(self._theme),
        }

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, State):
            return NotImplemented
        return self.to_json() == other.to_json()

    def __repr__(self) -> str:
        return (
            f"State(read={len(self.read_ids())}, bookmarks={len(self.bookmarked_ids())}, "
            f"position={self._position[:2]!r}, theme={self.theme!r}, dirty={self.dirty})"
        )

    def _now(self) -> float:
        t = self._clock()
        return t if isinstance(t, (int, float)) and math.isfinite(t) else 0.0


class StateStore:
    """Loads and saves a ``State`` in the database at ``path``.

    ``load`` and ``save`` never raise for file-system trouble; they report
    it as one-line messages for the user.  ``legacy`` is the old
    ``state.json`` to import once (default: beside ``path``).
    """

    def __init__(self, path: str | os.PathLike[str], *, legacy: str | os.PathLike[str] | None = None,
                 lock_timeout: float = LOCK_TIMEOUT, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self.legacy = Path(legacy) if legacy is not None else self.path.with_name(LEGACY_NAME)
        self.lock_timeout = lock_timeout
        self.clock = clock
        self.last_warning: str | None = None
        self._told: str | None = None
        self._db: sqlite3.Connection | None = None
        self._problem: str | None = None  # why the database is not open, if it is not
        # read marks and bookmarks as last seen there
        self._stored: tuple[dict[str, Entry], dict[str, Entry]] = ({}, {})
        self._version: int | None = None  # PRAGMA data_version when last read (see state_db.others_wrote)

    # -- public --------------------------------------------------------

    def load(self) -> tuple[State, list[str]]:
        """The saved state (fresh if none) and messages for the user."""
        messages: list[str] = []
        self._open(messages)
        state = State(self.clock)
        if self._db is None:
            return state, messages
        _import_legacy(self._db, self.legacy, self.clock, messages)
        try:
            self._take_stored(self._db, state)
        except sqlite3.OperationalError as exc:
            messages.append(f"could not read state file {self.path}: {exc}; starting fresh, changes kept in memory")
        except sqlite3.DatabaseError as exc:
            messages.append(self._set_aside(f"corrupt ({exc})"))
            self._open(messages)
        state.dirty = False
        return state, messages

    def save(self, state: State) -> str | None:
        """Write what changed in ``state`` and take in what others saved.

        Cheap when nothing changed (``state.dirty`` is false).  Returns a
        one-line warning the first time a problem occurs (``None`` when
        saved, when nothing had changed, or when the same problem is
        repeated); ``last_warning`` always holds the current problem, if
        any.  A failed save leaves ``state`` dirty so the next one retries.
        """
        if not state.dirty:
            return None
        warning = self._save(state)
        self.last_warning = warning
        if warning is None or warning == self._told:
            self._told = warning
            return None
        self._told = warning
        return warning

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # -- internals -----------------------------------------------------

    def _open(self, messages: list[str]) -> None:
        """Open the database; a corrupt or foreign one is moved aside first."""
        self.close()
        self._version = None  # a new connection: read everything back at the next save
        for _ in range(2):
            try:
                self._db = state_db.open_state(self.path, busy_ms=int(self.lock_timeout * 1000))
                self._problem = None
                return
            except NotOurs as exc:
                if "newer" in str(exc):
                    self._problem = f"{self.path} was {exc}; it is left as it is"
                    messages.append(f"state file {self._problem}; changes kept in memory")
                    return
                messages.append(self._set_aside(str(exc)))
            except sqlite3.OperationalError as exc:  # locked, read-only, cannot create: not the file's fault
                self._problem = f"{self.path}: {exc}"
                messages.append(f"could not read state file {self.path}: {exc}; starting fresh, changes kept in memory")
                return
            except sqlite3.DatabaseError as exc:
                messages.append(self._set_aside(f"corrupt ({exc})"))
            except (FileExistsError, NotADirectoryError):
                self._problem = f"{self.path}: {self.path.parent} is not a folder"
                messages.append(
                    f"could not read state file {self.path}: {self.path.parent} is not a folder; "
                    "starting fresh, changes kept in memory"
                )
                return
            except OSError as exc:
                self._problem = f"{self.path}: {_describe(exc)}"
                messages.append(
                    f"could not read state file {self.path}: {_describe(exc)}; starting fresh, changes kept in memory"
                )
                return
        self._problem = f"{self.path} could not be opened"

    def _take_stored(self, db: sqlite3.Connection, state: State) -> None:
        """Merge what the database ``db`` holds into ``state`` (newest wins) and remember it."""
        _, self._version = state_db.others_wrote(db, None)
        read, bookmarks, position, theme = state_db.read_all(db)
        disk = State(self.clock)
        disk._read, disk._bookmarks = read, bookmarks
        if position is not None:
            disk._position = position
        if theme is not None:
            disk._theme = theme
        state.merge(disk)
        self._stored = (read, bookmarks)

    def _save(self, state: State) -> str | None:
        note = None
        if self._db is None:
            messages: list[str] = []
            self._open(messages)
            note = messages[0] if messages and self._db is not None else None
            if self._db is None:
                return f"state not saved to {self._problem}; changes kept in memory for this session"
        read, bookmarks = (
            {key: entry for key, entry in mine.items() if stored.get(key) != entry}
            for mine, stored in zip((state._read, state._bookmarks), self._stored, strict=False)
        )
        try:
            state_db.write(
                self._db,
                read,
                bookmarks,
                state._position if state._position[2] else None,
                state._theme if state._theme[1] else None,
            )
            changed, self._version = state_db.others_wrote(self._db, self._version)
            if changed:  # another newsreader saved since we last looked: take in what it saved
                self._take_stored(self._db, state)
            else:  # only we wrote: the database holds what we just wrote, no need to read it back
                self._stored[0].update(read)
                self._stored[1].update(bookmarks)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                return (
                    f"state not saved: another newsreader is saving {self.path} "
                    f"(held for over {self.lock_timeout:g}s); will retry"
                )
            return f"state not saved to {self.path}: {exc}; changes kept in memory, will retry"
        except sqlite3.DatabaseError as exc:  # damaged while we ran: set it aside, save everything afresh
            note = self._set_aside(f"corrupt ({exc})")
            self._stored, self._version = ({}, {}), None
            self._db = None
            return note + "; will save again"
        state.dirty = False
        return note

    def _set_aside(self, problem: str) -> str:
        """Move a bad database to a timestamped backup; the message for the user."""
        self.close()
        stamp = time.strftime("%Y%m%d-%H%M%S")
        backup = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while backup.exists():
            backup = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
            n += 1
        try:
            os.replace(self.path, backup)
        except FileNotFoundError:
            return f"state file {self.path} was {problem}; another newsreader moved it aside"
        except OSError as exc:
            return (
                f"state file {self.path} was {problem} and could not be moved aside "
                f"({_describe(exc)}); starting fresh, changes kept in memory"
            )
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(OSError):
                os.replace(f"{self.path}{suffix}", f"{backup}{suffix}")
        return f"state file was {problem}; moved to {backup.name}, starting fresh"


def _import_legacy(db: sqlite3.Connection, legacy: Path, clock: Callable[[], float], messages: list[str]) -> None:
    """Import an old ``state.json`` once: saved into the database, then renamed ``.imported``."""
    from reader.state_json import StateFormatError, decode_state
    from reader.userfile import read_user_file

    if not os.path.lexists(legacy):
        return
    try:
        old = decode_state(read_user_file(legacy, None), clock)
    except OSError as exc:
        messages.append(f"could not import the old state file {legacy}: {_describe(exc)}; left as it is")
        return
    except StateFormatError as exc:
        messages.append(f"could not import the old state file {legacy}: {exc}; left as it is")
        return
    try:
        state_db.write(
            db,
            old._read,
            old._bookmarks,
            old._position if old._position[2] else None,
            old._theme if old._theme[1] else None,
        )
        os.replace(legacy, legacy.with_name(legacy.name + ".imported"))
    except FileNotFoundError:
        return  # another newsreader imported it at the same moment: the same values, newest kept
    except (sqlite3.Error, OSError) as exc:
        messages.append(f"could not import the old state file {legacy}: {exc}; will try again next time")
        return
    messages.append(
        f"imported {legacy.name} ({len(old.read_ids())} read, {len(old.bookmarked_ids())} bookmarked); "
        f"the old file is kept as {legacy.name}.imported"
    )


def _describe(exc: OSError) -> str:
    reason = exc.strerror or str(exc) or type(exc).__name__
    return {28: "disk full", 30: "read-only file system", 13: "permission denied", 1: "permission denied"}.get(
        exc.errno or 0, reason
    )
