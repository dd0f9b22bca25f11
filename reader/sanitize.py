"""The character rules: what untrusted text may contain on the way in and out.

Article files come from the web, and file names from anywhere.

On the way in, JSON may carry a lone surrogate (``"\\ud800"``), which no
UTF-8 encoder accepts: :func:`loads_json` reads each one as U+FFFD, so no
article ever holds one.  (File names decoded with ``os.fsdecode`` hold
surrogates on purpose, one per undecodable byte: they stay, to open the
file with, and are only replaced when shown.)

On the way out, control characters (ESC sequences that move the cursor,
clear the screen or write the clipboard, other C0/C1 controls), bidi
overrides and surrogates must never reach the terminal or a file:
:func:`visible` swaps each for a visible stand-in of the same length, so
offsets into the text still point at the same characters, and
:class:`SafeStream` passes everything written to stdout and stderr through it
as UTF-8.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from typing import TextIO

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

# A JSON escaped backslash (skipped whole, so "\\\\ud800" is no escape), a
# surrogate pair (kept), a lone surrogate escape, or a raw surrogate (replaced).
_JSON_SURROGATE = re.compile(
    r"\\\\|\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[dD][89a-fA-F][0-9a-fA-F]{2}"
    "|[\ud800-\udfff]"
)


def _stand_in(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␇ for BEL, ...
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def visible(text: str) -> str:
    r"""``text`` with every control, bidi-override or surrogate character made visible.

    Newlines and tabs are kept; the result has the same length as ``text``::

        >>> visible("a\x1b[2Jb\udcff")
        'a␛[2Jb�'
    """
    return _UNSAFE.sub(_stand_in, text)


def one_line(text: str) -> str:
    """Visible text folded onto one line (for tables and list rows)."""
    return " ".join(visible(text).split())


def visible_name(name: str) -> str:
    r"""A file name shown exactly, but on one line: newlines and tabs made visible too::

        >>> visible_name("a\nb\x1b]0;x\x07.txt")
        'a␊b␛]0;x␇.txt'
    """
    return visible(name).replace("\n", "\u240a").replace("\t", "\u2409")


def _lone_to_fffd(match: re.Match[str]) -> str:
    found = match.group()
    if len(found) == 1:
        return "\ufffd"
    return "\\ufffd" if len(found) == 6 else found


def loads_json(raw: str) -> object:
    r"""``json.loads``, with every lone surrogate, escaped or raw, read as U+FFFD::

        >>> loads_json(r'"a\ud800b \ud83d\ude00 \\ud800"')
        'a�b 😀 \\ud800'

    Raises what ``json.loads`` raises.
    """
    return json.loads(_JSON_SURROGATE.sub(_lone_to_fffd, raw))


class SafeStream(io.TextIOBase):
    """A text stream that writes only :func:`visible` text, as UTF-8, to ``stream``.

    ``sys.stdout = SafeStream(sys.stdout)``: whatever is printed (a table,
    a warning naming a file, argparse echoing an argument), no control
    character reaches the terminal and the bytes are valid UTF-8.
    """

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError, io.UnsupportedOperation):
                reconfigure(encoding="utf-8", errors="replace")

    encoding = "utf-8"  # what write() sends, whatever the stream's own encoding

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.stream.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()


_WEB_URL = re.compile(r"https?://[^\s<>\"'`\\\x00-\x1f\x7f-\x9f]{1,2040}", re.IGNORECASE)


def web_url(value: object) -> str | None:
    """An ``http``/``https`` address fit to show and cite, else None: no other
    scheme (``javascript:``, ``file:``), no spaces, quotes or control characters::

        >>> web_url(" https://news.example/a?id=1 "), web_url("javascript:alert(1)"), web_url("https://x/\\x1b[2J")
        ('https://news.example/a?id=1', None, None)
    """
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value if _WEB_URL.fullmatch(value) else None
