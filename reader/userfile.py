"""Reading a file the user pointed us at, without hanging or filling memory.

Any path may be a FIFO (opening one waits for a writer for ever), a device
(``/dev/zero`` never ends), a symlink to either, or simply enormous.
:func:`read_user_file` reads regular files only: it looks with ``stat``
first (which never blocks and never opens a device), opens with
``O_NONBLOCK``, checks the open file again with ``fstat`` (the path may
have been swapped in between) and reads at most ``limit`` bytes::

    >>> read_user_file("/dev/zero", limit=10)
    Traceback (most recent call last):
    reader.userfile.NotRegularFile: is a character device, not a regular file

and a regular file bigger than ``limit`` raises ``TooLarge("larger than 64 MB")``.

Article files are capped at :func:`file_limit` (64 MB unless
``NEWSREADER_MAX_FILE_MB`` says otherwise; the CLI sets it from the config
key ``max_file_mb``); a file over it is skipped with a warning rather than
cut short, since half an article or half a JSON Lines file would pass for
the whole.  Corpus, config, state and parse cache all read through here.
"""

from __future__ import annotations

import errno
import os
import stat

MB = 1024 * 1024
DEFAULT_LIMIT_MB = 64
LIMIT_ENV = "NEWSREADER_MAX_FILE_MB"

_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class UnsafeFile(OSError):
    """A file we will not read; ``str()`` is the one-line reason."""

    def __str__(self) -> str:
        return self.strerror or ""


class NotRegularFile(UnsafeFile):
    """A FIFO, device, socket: reading it could block or never end."""


class TooLarge(UnsafeFile):
    """More bytes than the limit."""


def parse_limit_mb(value: object) -> float | None:
    """A positive number of megabytes (``64``, ``"0.5"``), or None if ``value`` is not one."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return number if 0 < number < float("inf") else None


def file_limit() -> int:
    """The most bytes read from one article file (``NEWSREADER_MAX_FILE_MB``, else 64 MB)."""
    mb = parse_limit_mb(os.environ.get(LIMIT_ENV, DEFAULT_LIMIT_MB)) or DEFAULT_LIMIT_MB
    return int(mb * MB)


def describe_mb(limit: int) -> str:
    """``64 MB``, ``0.5 MB``."""
    return f"{round(limit / MB, 4):g} MB"


def read_user_file(path: str | os.PathLike[str], limit: int | None) -> bytes:
    """The bytes of a regular file, at most ``limit`` of them (None: no cap).

    Raises :class:`NotRegularFile`, :class:`TooLarge`, ``IsADirectoryError``
    or the ``OSError`` of ``stat``/``open`` (not found, permission denied...).
    """
    _check(os.stat(path), limit)  # never blocks, never opens anything
    fd = os.open(path, _FLAGS)
    with open(fd, "rb", buffering=0) as handle:
        info = os.fstat(fd)
        _check(info, limit)  # what was opened, in case the path changed since the stat
        data = _read_capped(handle, info.st_size, limit)
    if limit is not None and len(data) > limit:
        raise TooLarge(0, f"larger than {describe_mb(limit)}")  # it grew while being read
    return data


def _check(info: os.stat_result, limit: int | None) -> None:
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory")
    if not stat.S_ISREG(mode):
        kind = next((name for test, name in _KINDS if test(mode)), "a special file")
        raise NotRegularFile(0, f"is {kind}, not a regular file")
    if limit is not None and info.st_size > limit:
        raise TooLarge(0, f"larger than {describe_mb(limit)}")


def _read_capped(handle, size: int, limit: int | None) -> bytes:
    """Read to the end, or to one byte past ``limit``; one read when ``size`` is right."""
    cap = None if limit is None else limit + 1
    parts: list[bytes] = []
    total = 0
    want = size + 1  # +1: see the end of the file in the same read
    while cap is None or total < cap:
        chunk = handle.read(want if cap is None else min(want, cap - total))
        if not chunk:
            break
        parts.append(chunk)
        total += len(chunk)
        want = MB  # more than stat said (a file in /proc, one growing): go on in steps
    return b"".join(parts)
