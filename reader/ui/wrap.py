"""Where a line of text wraps, exactly as Textual wraps it, but fast.

Textual (through Rich's ``divide_line``) wraps a line word by word in
Python.  A 20,000-paragraph article has about 700,000 words: two seconds
just to learn how tall the article is.  :func:`line_breaks` gives the same
break offsets, jumping a line at a time when every character is one cell
wide and the only space is `` `` (nearly all news text, curly quotes and
dashes included), and asks ``divide_line`` otherwise.

>>> line_breaks("The ferry ran on time, the harbour master said.", 20)
[17, 35]

that is ``"The ferry ran on "``, ``"time, the harbour "``, ``"master said."``.
>>> wrapped_height("one two\\nthree four five", 10)
3
"""

from __future__ import annotations

import re

from rich._wrap import divide_line
from rich.cells import get_character_cell_size

# Latin, Greek, Cyrillic, dashes, quotation marks, currency signs.
_COMMON = [(0x20, 0x7E), (0xA0, 0x2FF), (0x370, 0x482), (0x2010, 0x2027), (0x2030, 0x205E), (0x20A0, 0x20C0)]
# Of those, the ones one cell wide that the word splitter never takes for a space (but " ").
_FAST = frozenset(
    c
    for low, high in _COMMON
    for c in map(chr, range(low, high + 1))
    if c == " " or (get_character_cell_size(c) == 1 and not re.match(r"\s", c))
)

def _outside(characters: frozenset[str]) -> re.Pattern[str]:
    """A pattern matching any character not in ``characters``."""
    spans: list[list[int]] = []
    for code in sorted(map(ord, characters)):
        if spans and spans[-1][1] == code - 1:
            spans[-1][1] = code
        else:
            spans.append([code, code])
    return re.compile("[^" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in spans) + "]")


_SLOW = _outside(_FAST)
_NON_SPACE = re.compile("[^ ]")
_SPACE = re.compile(" ")


def _end_of(pattern: re.Pattern[str], line: str, position: int) -> int:
    found = pattern.search(line, position)
    return found.start() if found is not None else len(line)


def line_breaks(line: str, width: int) -> list[int]:
    """Offsets where ``line`` (no newline in it) wraps at ``width`` cells: the
    same as ``rich._wrap.divide_line(line, width, fold=True)``.

    A line starts at ``start``; a word fits on it when its last non-space
    character is within ``width`` cells of ``start``, so only the word
    across column ``width`` needs looking at.  A word longer than a line is
    cut every ``width`` cells, its trailing spaces included.
    """
    if width < 1 or not ((line.isascii() and line.isprintable()) or _SLOW.search(line) is None):
        return divide_line(line, max(width, 1), fold=True)
    breaks: list[int] = []
    size = len(line)
    if size <= width:
        return breaks
    start = 0
    word = _end_of(_NON_SPACE, line, 0)
    if word == size:
        return breaks  # no word at all
    word_end = _end_of(_SPACE, line, word)
    if word_end > width:  # the first word takes the line's leading spaces in
        start = _fold(line, 0, word_end, width, breaks)
    while start + width < size:
        edge = start + width
        if line[edge] == " ":
            word = edge + 1
            while word < size and line[word] == " ":
                word += 1
            if word == size:
                break  # only spaces are left: they stay on this line
        else:
            word = line.rfind(" ", start, edge) + 1
        if word + width < size and line.find(" ", word, word + width + 1) == -1:  # longer than a line
            start = _fold(line, word, _end_of(_SPACE, line, word), width, breaks)
        else:
            breaks.append(word)
            start = word
    return breaks


def _fold(line: str, word: int, word_end: int, width: int, breaks: list[int]) -> int:
    """Cut the too-long word at ``word`` into lines of ``width``, its trailing
    spaces included; the start of its last piece."""
    pieces = range(word, _end_of(_NON_SPACE, line, word_end), width)
    breaks.extend(pieces[1:] if word == 0 else pieces)  # no break before the very first piece
    return pieces[-1]


def wrapped_height(text: str, width: int) -> int:
    """Lines ``text`` takes at ``width``: each of its lines wrapped on its own,
    tabs expanded to 8 columns first, as Textual does."""
    if "\t" in text:
        text = text.expandtabs()  # column by column on each line, as Textual does
    if "\n" not in text:
        return len(line_breaks(text, width)) + 1
    return sum(len(line_breaks(line, width)) + 1 for line in text.split("\n"))
