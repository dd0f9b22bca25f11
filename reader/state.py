"""Persisted user state: read/unread, bookmarks, last position, theme.

The state lives in one JSON file (``Locations.state_file``, in the user data
dir)::

    {"schema": 1,
     "read":      {"<article id>": [true, 1732289400.5], ...},
     "bookmarks": {"<article id>": [false, 1732289412.0], ...},
     "position":  ["<article id>", 0.42, 1732289415.1],
     "theme":     ["textual-dark", 1732289300.0]}

Every value carries the time it was set, so two newsreader processes sharing
the file merge per key: the newest value of each key wins, whichever process
saves last.  Un-reading and un-bookmarking are kept as ``false`` entries so
they survive a merge too.

Saving (``StateStore.save``) takes an advisory lock (``fcntl.flock`` on
``state.json.lock``; skipped where ``fcntl`` does not exist), re-reads the
file, merges it with the in-memory state, writes a temporary file in the
same folder, flushes and fsyncs it, renames it over the old file and fsyncs
the folder.  A reader therefore sees either the old or the new complete
file, never a partial one, even if the writer is killed.

Nothing here raises on a bad file or a bad disk: a corrupt file, or one with
an unknown schema, is moved aside to ``state.json.corrupt-YYYYmmdd-HHMMSS``
(never deleted) and the app starts fresh; a read-only folder, a full disk or
a held lock turn into a one-line warning and the state stays in memory.
"""

from __future__ import annotations

import errno
import json
import math
import os
import time
from collections.abc import Callable
from pathlib import Path

from reader.sanitize import loads_json
from reader.userfile import read_user_file

try:  # POSIX only; elsewhere saves are not locked.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

SCHEMA = 1
LOCK_TIMEOUT = 2.0
_TEMP_SUFFIX = ".tmp"

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


class StateFormatError(ValueError):
    """The bytes are not a state file this version understands."""


def _number(value: object, what: str = "timestamp") -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise StateFormatError(f"{what} is not a number")
    try:
        value = float(value)
    except OverflowError:
        raise StateFormatError(f"{what} is out of range") from None
    if not math.isfinite(value):
        raise StateFormatError(f"{what} is not finite")
    return value


def _entries(value: object, what: str) -> dict[str, Entry]:
    if not isinstance(value, dict):
        raise StateFormatError(f"{what!r} is not an object")
    out: dict[str, Entry] = {}
    for key, entry in value.items():
        if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], bool)):
            raise StateFormatError(f"bad {what!r} entry for {key!r}")
        out[key] = (entry[0], _number(entry[1]))
    return out


def decode_state(data: bytes, clock: Callable[[], float] = time.time) -> State:
    """Parse a state file's bytes.  Raises only ``StateFormatError``."""
    try:  # as json.loads(bytes) decodes, but a lone surrogate becomes U+FFFD (it could not be saved again)
        raw = loads_json(data.decode(json.detect_encoding(data), "surrogatepass"))
    except (ValueError, RecursionError, TypeError):  # JSONDecodeError, bad UTF-8, deep nesting
        raise StateFormatError("not valid JSON") from None
    if not isinstance(raw, dict):
        raise StateFormatError("not a JSON object")
    schema = raw.get("schema")
    if type(schema) is not int or schema != SCHEMA:
        shown = repr(schema) if isinstance(schema, (int, float, str, type(None))) and len(str(schema)) < 20 else "?"
        raise StateFormatError(f"unknown schema version {shown}")
    state = State(clock)
    state._read = _entries(raw.get("read", {}), "read")
    state._bookmarks = _entries(raw.get("bookmarks", {}), "bookmarks")
    position = raw.get("position", [None, 0.0, 0.0])
    if not (
        isinstance(position, list)
        and len(position) == 3
        and (position[0] is None or isinstance(position[0], str))
    ):
        raise StateFormatError("bad 'position'")
    state._position = (position[0], _number(position[1], "scroll"), _number(position[2]))
    theme = raw.get("theme", [None, 0.0])
    if not (isinstance(theme, list) and len(theme) == 2 and (theme[0] is None or isinstance(theme[0], str))):
        raise StateFormatError("bad 'theme'")
    state._theme = (theme[0], _number(theme[1]))
    return state


def parse_state(data: bytes) -> State | None:
    """``decode_state`` that returns ``None`` for anything it cannot use."""
    try:
        return decode_state(data)
    except StateFormatError:
        return None


_ENCODED_AT_ONCE = 5000  # entries per json.dumps call


def encode_state(state: State) -> bytes:
    """The state file's bytes: ``json.dumps`` of :meth:`State.to_json`, made
    a few thousand entries at a time, because one ``json.dumps`` call holds
    the interpreter lock throughout: a thread saving a big state would
    otherwise stop the UI thread for as long."""
    parts = []
    for key, value in state.to_json().items():
        if isinstance(value, dict) and len(value) > _ENCODED_AT_ONCE:
            items = list(value.items())
            slices = (items[at : at + _ENCODED_AT_ONCE] for at in range(0, len(items), _ENCODED_AT_ONCE))
            value_text = "{" + ",".join(_dumps(dict(part))[1:-1] for part in slices) + "}"
        else:
            value_text = _dumps(value)
        parts.append(f"{_dumps(key)}:{value_text}")
    return ("{" + ",".join(parts) + "}\n").encode()


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class _Unreadable(Exception):
    """The state file exists but could not be read (permissions, I/O)."""


class StateStore:
    """Loads and saves a ``State`` at ``path``.

    ``load`` and ``save`` never raise for file-system trouble; they report
    it as one-line messages for the user.
    """

    def __init__(self, path: str | os.PathLike[str], *, lock_timeout: float = LOCK_TIMEOUT,
                 clock: Callable[[], float] = time.time) -> None:
        self.path = Path(path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.lock_timeout = lock_timeout
        self.clock = clock
        self.last_warning: str | None = None
        self._told: str | None = None
        self._written: tuple[int, int, int] | None = None  # the file as we last wrote it (see _stamp)

    # -- public --------------------------------------------------------

    def load(self) -> tuple[State, list[str]]:
        """The saved state (fresh if none) and messages for the user."""
        messages: list[str] = []
        for _ in range(3):
            try:
                state, problem, data = self._read_disk()
            except _Unreadable as exc:
                messages.append(f"could not read state file {self.path}: {exc}; starting fresh, changes kept in memory")
                break
            if problem is None:
                return state or State(self.clock), messages
            note = self._set_aside(data, problem)
            if note is not None:
                messages.append(note)
                break
            # The file changed (another process saved) while we looked: read again.
        return State(self.clock), messages

    def save(self, state: State) -> str | None:
        """Merge ``state`` with the file on disk and write it atomically.

        Cheap when nothing changed (``state.dirty`` is false).  On success
        ``state`` also holds what other processes saved meanwhile.  Returns
        a one-line warning the first time a problem occurs (``None`` when
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

    # -- internals -----------------------------------------------------

    def _read_disk(self) -> tuple[State | None, str | None, bytes]:
        """(state, problem, raw bytes).  ``state`` is None if missing or bad."""
        try:
            data = read_user_file(self.path, None)  # a FIFO or device here: unreadable, never a hang
        except FileNotFoundError:
            return None, None, b""
        except OSError as exc:
            raise _Unreadable(_describe(exc, with_name=False)) from None
        try:
            return decode_state(data, self.clock), None, data
        except StateFormatError as exc:
            return None, str(exc), data

    def _save(self, state: State) -> str | None:
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            return f"state not saved: {folder} is not a folder; changes kept in memory for this session"
        except OSError as exc:
            return f"state not saved to {self.path}: {_describe(exc)}; changes kept in memory for this session"
        try:
            with _Lock(self.lock_path, self.lock_timeout) as lock:
                if not lock.acquired:
                    return (
                        f"state not saved: another newsreader is saving {self.path} "
                        f"(lock {self.lock_path.name} held for over {self.lock_timeout:g}s); will retry"
                    )
                if lock.exclusive:
                    self._remove_stale_temps()
                note = None
                for _ in range(3):
                    if self._written is not None and self._written == _stamp(self.path):
                        disk = None  # the file is as we last wrote it: nothing to merge, no need to read it
                        break
                    try:
                        disk, problem, data = self._read_disk()
                    except _Unreadable as exc:
                        return f"state not saved: could not read {self.path} to merge ({exc}); changes kept in memory"
                    if problem is None:
                        break
                    note = self._set_aside_locked(data, problem)
                    if note is not None and self.path.exists():  # not moved aside: never overwrite it
                        return f"state not saved: {note}"
                else:
                    return f"state not saved: {self.path} keeps changing; will retry"
                if disk is not None:
                    state.merge(disk)
                self._write(encode_state(state))
                self._written = _stamp(self.path)
                state.dirty = False
                return note
        except OSError as exc:
            return f"state not saved to {self.path}: {_describe(exc)}; changes kept in memory for this session"

    def _write(self, data: bytes) -> None:
        folder = self.path.parent
        temp = folder / f".{self.path.name}.{os.getpid()}.{time.monotonic_ns()}{_TEMP_SUFFIX}"
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, self.path)
        except BaseException:
            try:
                os.unlink(temp)
            except OSError:
                pass
            raise
        _fsync_dir(folder)

    def _remove_stale_temps(self) -> None:
        """Temporary files left by a process killed mid-save (we hold the lock)."""
        try:
            for leftover in self.path.parent.glob(f".{self.path.name}.*{_TEMP_SUFFIX}"):
                try:
                    leftover.unlink()
                except OSError:
                    pass
        except OSError:
            pass

    def _set_aside(self, data: bytes, problem: str) -> str | None:
        """Move a bad state file (``data``) to a timestamped backup.

        Returns the message for the user, or ``None`` when the file is no
        longer ``data`` (another process replaced or removed it): read again.
        The check is made under the lock, so a good file another process has
        just written is never moved aside in place of the bad one we read.
        """
        try:
            with _Lock(self.lock_path, self.lock_timeout) as lock:
                if lock.acquired:
                    return self._set_aside_locked(data, problem)
        except OSError:
            pass
        return self._set_aside_locked(data, problem)

    def _set_aside_locked(self, data: bytes, problem: str) -> str | None:
        try:
            if read_user_file(self.path, None) != data:
                return None
        except FileNotFoundError:
            return None
        except OSError:
            pass
        stamp = time.strftime("%Y%m%d-%H%M%S")
        backup = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        n = 1
        while backup.exists():
            backup = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{n}")
            n += 1
        try:
            os.replace(self.path, backup)
        except OSError as exc:
            return (
                f"state file {self.path} was {_problem(problem)} and could not be moved aside "
                f"({_describe(exc)}); starting fresh, changes kept in memory"
            )
        return f"state file was {_problem(problem)}; moved to {backup.name}, starting fresh"


def _stamp(path: Path) -> tuple[int, int, int] | None:
    """Which file ``path`` is: every save renames a new file over it, so another
    process's save changes the inode (and most likely the size and time)."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_ino, found.st_size, found.st_mtime_ns


def _problem(problem: str) -> str:
    if problem.startswith("unknown schema"):
        return f"written by another version ({problem})"
    return f"corrupt ({problem})"


def _describe(exc: OSError, *, with_name: bool = True) -> str:
    if exc.errno == errno.ENOSPC:
        return "disk full"
    if exc.errno in (errno.EROFS,):
        return "read-only file system"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    name = getattr(exc, "filename", None)
    reason = exc.strerror or type(exc).__name__
    return f"{reason} ({name})" if name and with_name else reason


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable; not possible everywhere (Windows), so best effort."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class _Lock:
    """``flock`` on a lock file with a timeout; a no-op lock without fcntl."""

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self.fd: int | None = None
        self.acquired = False
        self.exclusive = False

    def __enter__(self) -> _Lock:
        if fcntl is None:  # pragma: no cover - Windows
            self.acquired = True
            return self
        self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            return self._acquire()
        except BaseException:
            self.__exit__()
            raise

    def _acquire(self) -> _Lock:
        assert self.fd is not None
        deadline = time.monotonic() + self.timeout
        delay = 0.005
        while True:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    return self
                time.sleep(delay)
                delay = min(delay * 2, 0.05)
                continue
            except OSError as exc:
                if exc.errno in (errno.ENOLCK, errno.ENOTSUP, errno.EOPNOTSUPP):
                    self.acquired = True  # file system without locks: go on unlocked
                    return self
                raise
            self.acquired = self.exclusive = True
            return self

    def __exit__(self, *exc_info: object) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing releases the flock
            self.fd = None
