"""Quotes in a headline: ``Trump: 'I will win'``, ``Lynch: "We have no choice"``.

A headline that opens with a name and a colon credits the rest of the
headline to that name, but only when the body names the same speaker
(``Lynch`` in the headline, ``Mick Lynch`` in the body): a headline's
capitals are no evidence that a word is a name (``Poll:``, ``The Latest:``).

The quote is *direct* when the words after the colon are one quotation
(its text is then the words inside the marks), else *reported* (``Pence:
Flowers Won't Be at Debate``).  Headline quotes have ``paragraph == -1``:
they are not in any body paragraph, so the reading pane draws them in no
paragraph; exports, the speakers view and ``quotes --json`` list them like
any other quote, with offsets into the source (the headline's own line).

>>> text = "Lynch: 'We have no choice'\\n\\nMick Lynch spoke on Monday."
>>> [(text[s:e], kind, name) for s, e, kind, name, _ in headline_quotes(text, (0, 26), {"Lynch": "Mick Lynch"}.get)]
[('We have no choice', 'direct', 'Mick Lynch')]
>>> headline_quotes("Poll: Voters Move\\n\\nA poll found...", (0, 17), {}.get)
[]
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .marks import normalise_marks

# a name of one to four capitalised words (initials, hyphens, apostrophes) and a colon
_NAMED = re.compile(r"\s*(?P<name>[A-Z][\w.'’\-]*(?: [A-Z][\w.'’\-]*){0,3}):\s+(?P<said>\S.*?)\s*$", re.S)
_OPEN, _CLOSE = "\"“„«", "\"”“»"
_TRAIL = ".!?…"


def find_headline(source: str, title: str, body_start: int) -> tuple[int, int] | None:
    """Where ``title`` is written in ``source`` before the body (``None``
    when it is not there as written: a title from metadata, or one on
    several lines)."""
    title = title.strip()
    if not title or body_start <= 0:
        return None
    at = source.find(title, 0, body_start)
    return (at, at + len(title)) if at >= 0 else None


def headline_quotes(source: str, span: tuple[int, int],
                    speaker_of: Callable[[str], str | None]) -> list[tuple[int, int, str, str, int]]:
    """``(start, end, kind, speaker, cue end)`` of the quote in the headline at
    ``span`` of ``source``; ``speaker_of``: the body's canonical speaker for
    a name, or ``None`` when the body does not name it.  The cue is the
    name and its colon, from the headline's start to ``cue end``."""
    s, e = span
    m = _NAMED.match(source, s, e)
    if m is None:
        return []
    speaker = speaker_of(m.group("name"))
    if speaker is None:
        return []
    lo, hi = m.span("said")
    cue_end = m.end("name") + 1
    marked = normalise_marks(source[lo:hi])
    inner = _one_quotation(marked)
    if inner is not None:
        return [(lo + inner[0], lo + inner[1], "direct", speaker, cue_end)]
    while hi > lo and source[hi - 1] in _TRAIL:
        hi -= 1
    return [(lo, hi, "reported", speaker, cue_end)] if hi > lo else []


def _one_quotation(text: str) -> tuple[int, int] | None:
    """The words inside the marks when all of ``text`` is one quotation
    (a final period outside the marks allowed), else ``None``."""
    body = text.rstrip(_TRAIL + " ")
    if len(body) < 3 or body[0] not in _OPEN or body[-1] not in _CLOSE:
        return None
    inner = body[1:-1]
    if any(c in _OPEN + _CLOSE for c in inner):
        return None
    hi = len(body) - 1
    while hi > 1 and text[hi - 1] in ",":
        hi -= 1
    return (1, hi) if inner.strip() else None
