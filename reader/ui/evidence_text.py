"""How a quote's speaker was found, in a few words for the status line.

>>> from reader.model import Evidence, Quote
>>> source = 'Wang Yi met Blinken. They talked. He said, "It went well."'
>>> quote = Quote(44, 57, "It went well.", "direct", "Wang Yi", 0, (34, 36), Evidence(34, 42, "pronoun", (0, 7)))
>>> describe(quote, source)
'Wang Yi: he, 2 sentences back (He said,)'
>>> describe(Quote(44, 57, "It went well.", "direct", "Wang Yi", 0, (0, 7), Evidence(0, 7, "named")), source)
'Wang Yi: named (Wang Yi)'
"""

from __future__ import annotations

import re

from reader.model import Quote
from reader.sanitize import one_line

_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s")
_LONGEST = 40  # characters of a cue shown


def describe(quote: Quote, source: str) -> str:
    """``Ned Price: named (Price said)``, ``Wang Yi: he, 2 sentences back
    (he said)``; empty when the quote has no speaker or no evidence."""
    evidence = quote.evidence
    if evidence is None or quote.speaker is None:
        return ""
    speaker = _short(quote.speaker)
    cue = _short(source[evidence.start : evidence.end])
    if evidence.via in ("pronoun", "role") and quote.cue is not None:
        words = source[quote.cue[0] : quote.cue[1]]
        said = _short(words.lower() if evidence.via == "pronoun" else words)
        where = _distance(source, evidence.antecedent, quote.cue[0])
        return f"{speaker}: {said}{', ' + where if where else ''} ({cue})"
    if evidence.via == "continued":
        return f"{speaker}: continued from the quote before ({cue})"
    return f"{speaker}: {evidence.via} ({cue})"


def _distance(source: str, antecedent: tuple[int, int] | None, at: int) -> str:
    """Where the antecedent is, counted in sentences back from ``at``."""
    if antecedent is None or antecedent[0] >= at:
        return ""
    n = len(_SENTENCE_END.findall(source, antecedent[1], at))
    if n == 0:
        return "same sentence"
    return "1 sentence back" if n == 1 else f"{n} sentences back"


def _short(text: str) -> str:
    text = one_line(" ".join(text.split()))
    return text if len(text) <= _LONGEST else text[: _LONGEST - 1] + "…"
