"""When newsreader itself fails: one line for the user, the details in a file.

A bug must not exit 0, and must not bury the terminal under a traceback
whose locals hold article text.  :func:`report` writes the traceback (no
locals; long lines cut) to ``crash-<time>.txt`` in the cache dir and
returns the line to show::

    newsreader: internal error (TypeError: 'NoneType' object is not
    subscriptable); the full report is in ~/.cache/newsreader/crash-20250301-101500.txt

The command then exits with :data:`EXIT_CRASH`.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
import traceback
from pathlib import Path

from reader import __version__
from reader.paths import locations
from reader.sanitize import one_line, visible

EXIT_CRASH = 70  # EX_SOFTWARE in sysexits.h: an internal software error
LINE_LIMIT = 2000  # characters per report line: an error message may quote a whole article
SUMMARY_LIMIT = 160


def report(error: BaseException, folder: Path | None = None) -> str:
    """Write the report for ``error`` and return the one-line message.

    ``folder`` defaults to the cache dir; when it cannot be written, the
    system's temporary folder is tried.  Never raises.
    """
    summary = one_line(f"{type(error).__name__}: {error}")
    if len(summary) > SUMMARY_LIMIT:
        summary = summary[: SUMMARY_LIMIT - 1] + "…"
    try:
        text = _report_text(error)
    except Exception as exc:  # noqa: BLE001 - the report must not fail the failure
        text = f"(the traceback could not be formatted: {type(exc).__name__})\n"
    problem = None
    for where in (folder or locations().cache_dir, Path(tempfile.gettempdir())):
        try:
            path = _write(Path(where), text)
        except OSError as exc:
            problem = problem or (exc.strerror or str(exc))
            continue
        return f"newsreader: internal error ({summary}); the full report is in {path}"
    return f"newsreader: internal error ({summary}); no report written ({problem})"


def _report_text(error: BaseException) -> str:
    lines = [
        f"newsreader {__version__} crashed at {time.strftime('%Y-%m-%d %H:%M:%S %z')}",
        f"python {platform.python_version()} on {platform.platform()}",
        f"command: {' '.join(sys.argv)}",
        "",
    ]
    for chunk in traceback.format_exception(error):
        for line in chunk.rstrip("\n").split("\n"):
            lines.append(line if len(line) <= LINE_LIMIT else line[:LINE_LIMIT] + f"… ({len(line):,} characters)")
    return visible("\n".join(lines) + "\n")


def _write(folder: Path, text: str) -> Path:
    """A new ``crash-<time>.txt`` in ``folder``, readable by the user only."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for n in range(100):
        path = folder / (f"crash-{stamp}.txt" if n == 0 else f"crash-{stamp}-{n}.txt")
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace") as out:
            out.write(text)
        return path
    raise FileExistsError(17, "too many crash reports this second", str(folder))
