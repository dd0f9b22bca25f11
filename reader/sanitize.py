"""Make untrusted article text safe to show in a terminal.

Article files come from the web.  Control characters (ESC sequences that move
the cursor, clear the screen or write the clipboard, other C0/C1 controls)
and bidi overrides must never reach the terminal.  :func:`visible` swaps each
one for a visible stand-in of the same length, so offsets into the text still
point at the same characters.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _stand_in(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␛ for ESC, ␇ for BEL, ...
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def visible(text: str) -> str:
    """``text`` with every control or bidi-override character made visible.

    Newlines and tabs are kept; the result has the same length as ``text``.
    """
    return _UNSAFE.sub(_stand_in, text)


def one_line(text: str) -> str:
    """Visible text folded onto one line (for tables and list rows)."""
    return " ".join(visible(text).split())
