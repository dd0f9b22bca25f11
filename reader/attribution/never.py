"""Words that are never a speaker on their own, however they are capitalised.

A one-word "name" is refused when it is

* a contraction (``He’s``, ``I'm``),
* a party, nationality or other adjective that only modifies a name
  (``Democratic``, ``American``, ``Former``: "Democratic nominee Ann Lee"),
* a number, or
* the first word of its sentence while the article also writes it in lower
  case elsewhere: a common word capitalised by its place (``Shortly``,
  ``Walking``, ``Sanctions``, ``Meanwhile``), not a name; or a word that
  opens sentences (``Hours later``, ``Perhaps``, ``Thanks to``); or a
  participle (``Appearing before supporters, ...``, ``Dismayed``) that the
  article never capitalises mid-sentence (``Manning`` in ``Peyton Manning`` is a name).

>>> never = NeverSpeaker("Shortly after, we left. Sanctions hit. The sanctions bite; it ended shortly.")
>>> never.rejects("Shortly", at_sentence_start=True), never.rejects("Sanctions", True)
(True, True)
>>> never.rejects("Baker", True), never.rejects("Democratic", False), never.rejects("He’s", False)
(False, True, True)
>>> never.rejects("Opponents", True), never.rejects("Moody’s", False)
(False, False)
>>> never = NeverSpeaker("Appearing on TV, she spoke. Manning said no. Beijing insists.")
>>> never.rejects("Appearing", True), never.rejects("Manning", True), never.rejects("Beijing", True)
(True, False, False)
"""

from __future__ import annotations

import re

from .lexicon.people import NEVER_ALONE, NEVER_AT_START
from .names import speaker_head

_WORD = re.compile(r"\b[a-z][a-z\-]+\b")
_CONTRACTION = re.compile(r"(?:i|he|she|it|that|there|here|we|they|you|who|what)[’'](?:s|m|re|ve|ll|d)$", re.I)
# plural nouns of people and bodies are speakers ("Opponents said", "Pollsters found")
_GROUP_ENDINGS = ("ers", "ents", "ants", "ists", "ians", "ies", "ors")
# a participle opening a sentence ("Appearing", "Dismayed"): no name unless written so mid-sentence
_VERB_ENDINGS = ("ing", "ed")
_AFTER_PARTICIPLE = frozenset((
    "before", "after", "on", "at", "in", "into", "with", "by", "to", "from", "about", "for", "over", "through",
    "up", "out", "off", "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
    "these", "those", "some", "many", "hundreds", "thousands", "dozens",
))
# a sentence's start: nothing, a line break, an end mark (and closing marks), an opening mark or bracket
_SENTENCE_START = re.compile(r"(?:^|\n\s*|[.!?;:][\"”’')\]]*\s+|[“‘(\[]\s*)$")


class NeverSpeaker:
    """The refusals for one article (its lower-case words read once, on first need)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._lower: frozenset[str] | None = None
        self._participles: dict[str, bool] = {}  # word -> only ever a sentence-opening participle

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
            if lw in NEVER_AT_START:
                return True
            if self._lower is None:
                self._lower = frozenset(_WORD.findall(self.source))
            if lw in self._lower:
                return True
            return lw.endswith(_VERB_ENDINGS) and self._only_a_participle(w)
        return False

    def _only_a_participle(self, word: str) -> bool:
        """Does ``word`` only ever open a sentence as a participle, followed by
        a preposition, article or pronoun ("Appearing before supporters, ...",
        "Dismayed by the vote, ...")?  Not when it is written capitalised
        elsewhere ("Peyton Manning") or followed by a verb ("Beijing insists")."""
        known = self._participles.get(word)
        if known is None:
            known = self._participles[word] = all(
                self.starts_sentence(m.start()) and (m.group(1) or "").lower() in _AFTER_PARTICIPLE
                for m in re.finditer(r"\b" + re.escape(word) + r"\b(?:\s+(\w+))?", self.source))
        return known

    def starts_sentence(self, pos: int) -> bool:
        """Does the word at ``pos`` in the source open a sentence?"""
        return _SENTENCE_START.search(self.source, max(0, pos - 6), pos) is not None
