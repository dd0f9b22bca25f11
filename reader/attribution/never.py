"""Words that are never a speaker on their own, however they are capitalised.

A one-word "name" is refused when it is

* a contraction (``He’s``, ``I'm``),
* a party, nationality or other adjective that only modifies a name
  (``Democratic``, ``American``, ``Former``: "Democratic nominee Ann Lee"),
* a number, or
* the first word of its sentence while the article also writes it in lower
  case elsewhere: a common word capitalised by its place (``Shortly``,
  ``Walking``, ``Sanctions``, ``Meanwhile``), not a name.

>>> never = NeverSpeaker("Shortly after, we left. Sanctions hit. The sanctions bite; it ended shortly.")
>>> never.rejects("Shortly", at_sentence_start=True), never.rejects("Sanctions", True)
(True, True)
>>> never.rejects("Baker", True), never.rejects("Democratic", False), never.rejects("He’s", False)
(False, True, True)
>>> never.rejects("Opponents", True), never.rejects("Moody’s", False)
(False, False)
"""

from __future__ import annotations

import re

from .lexicon.people import NEVER_ALONE
from .names import speaker_head

_WORD = re.compile(r"\b[a-z][a-z\-]+\b")
_CONTRACTION = re.compile(r"(?:i|he|she|it|that|there|here|we|they|you|who|what)[’'](?:s|m|re|ve|ll|d)$", re.I)
# plural nouns of people and bodies are speakers ("Opponents said", "Pollsters found")
_GROUP_ENDINGS = ("ers", "ents", "ants", "ists", "ians", "ies", "ors")
# a sentence's start: nothing, a line break, an end mark (and closing marks), an opening mark or bracket
_SENTENCE_START = re.compile(r"(?:^|\n\s*|[.!?;:][\"”’')\]]*\s+|[“‘(\[]\s*)$")


class NeverSpeaker:
    """The refusals for one article (its lower-case words read once, on first need)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._lower: frozenset[str] | None = None

    def rejects(self, name: str, at_sentence_start: bool) -> bool:
        """Is ``name`` (a resolved speaker name) no speaker at all?"""
        if " " in name:
            return False
        w = name.strip(".")
        if not w or _CONTRACTION.search(w) or w.replace(",", "").replace("-", "").isdigit():
            return True
        lw = w.lower()
        if lw in NEVER_ALONE:
            return True
        if at_sentence_start and w[:1].isupper() and not w.isupper() and not speaker_head(lw) \
                and not lw.endswith(_GROUP_ENDINGS):
            if self._lower is None:
                self._lower = frozenset(_WORD.findall(self.source))
            return lw in self._lower
        return False

    def starts_sentence(self, pos: int) -> bool:
        """Does the word at ``pos`` in the source open a sentence?"""
        return _SENTENCE_START.search(self.source, max(0, pos - 6), pos) is not None
