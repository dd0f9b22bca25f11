"""Reported speech: speech without quotation marks.

``X said (that) CLAUSE``, ``CLAUSE, X said.``, ``CLAUSE, said X.``,
``According to X, CLAUSE``, ``CLAUSE, according to X``; one per sentence
for each speech verb that starts a cue (a second cue later in the clause
ends it: ``..., the Pentagon claims that``).

>>> from reader.attribution.paragraph import Paragraph
>>> par = Paragraph(0, 0, "The minister said on Monday that the plant would reopen in May.")
>>> [(par.text[r.lo:r.hi], r.cue.mention.text) for r in reported(par)]
[('the plant would reopen in May', 'The minister')]
>>> par = Paragraph(0, 0, "Sales rose by a tenth in March, according to Acme Corp.")
>>> [(par.text[r.lo:r.hi], r.cue.mention.text) for r in reported(par)]
[('Sales rose by a tenth in March', 'Acme Corp')]
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .cues import Cue
from .inverted import np_after
from .lexicon.grammar import NOT_CLAUSE_OPENERS, OBJECT_PRONOUNS
from .lexicon.speech import INVERTED_VERBS, TELL_VERBS
from .mentions import NAME, Mention
from .paragraph import Paragraph
from .patterns import ACCORDING, ACCORDING_APPOSITIVE, ACCORDING_CLAUSE_START, CLAUSE_AFTER_SUBJECT, FILLER, MASK, \
    REPORT_VERB, SENTENCE_TAIL, THAT, TIME_TAIL, TOLD_OBJECT, TRAILING_ARTICLE, WORD
from .subjects import np_at_end

_SHORTEST_CLAUSE = 8  # characters
_FEWEST_WORDS = 3


class Reported(NamedTuple):
    """A reported clause ``text[lo:hi]`` of a paragraph and the cue that attributes it."""

    lo: int
    hi: int
    cue: Cue


def reported(par: Paragraph) -> list[Reported]:
    """Every reported clause of the paragraph, in text order."""
    m = par.masked
    out: list[Reported] = []
    for s, e in par.sentences:
        if "according to" in m[s:e].lower():
            r = according(par, s, e)
            if r:
                out.append(r)
                continue
        pos = s
        while True:
            vm = REPORT_VERB.search(m, pos, e)
            if vm is None:
                break
            pos = vm.end()
            r = reported_at(par, s, e, vm)
            if r is not None:
                out.append(r)
                pos = max(pos, r.hi)
    return out


def clause_end(m: str, e: int) -> int:
    """The end of a clause ending at ``e``, before closing punctuation and space."""
    hi = e
    while hi > 0 and (m[hi - 1].isspace() or m[hi - 1] in ".!?\"”’')"):
        hi -= 1
    return hi


def ok_clause(m: str, lo: int, hi: int) -> bool:
    """Can ``m[lo:hi]`` be a reported clause: three words or more, no quotation
    in it, not opening with a preposition, a conjunction or an auxiliary?"""
    if hi - lo < _SHORTEST_CLAUSE:
        return False
    c = m[lo:hi]
    if MASK in c or '"' in c or "“" in c or "”" in c:
        return False
    w = WORD.findall(c)
    if len(w) < _FEWEST_WORDS:
        return False
    first = w[0].lower()
    return first not in NOT_CLAUSE_OPENERS or first == "it" and len(w) > 3


def _before_comma(m: str, s: int, k: int) -> int | None:
    """The end of the clause before the comma that precedes ``k`` (a cue's
    subject), or ``None`` when no comma does."""
    pre = m[s:k].rstrip()
    if not pre.endswith(","):
        return None
    hi = s + len(pre) - 1
    while hi > s and m[hi - 1] in " ,":
        hi -= 1
    return hi


def _found(par: Paragraph, lo: int, hi: int, mention: Mention, verb: re.Match, verb_end: int = -1,
           route: str = "reported") -> Reported | None:
    """The clause ``[lo, hi)``, if it can be one, with its cue (the verb's
    words reaching to ``verb_end`` when given: "told reporters")."""
    m = par.masked
    if not ok_clause(m, lo, hi):
        return None
    return Reported(lo, hi, Cue(mention, par.index, verb.start(), max(verb.end(), verb_end), route))


def according(par: Paragraph, s: int, e: int) -> Reported | None:
    """``According to X, CLAUSE`` / ``CLAUSE, according to X`` in the sentence ``[s, e)``."""
    m = par.masked
    am = ACCORDING.search(m, s, e)
    if am is None:
        return None
    mention = np_after(m, am.end(), e)
    if mention is None:
        return None
    before = m[s : am.start()]
    if before.strip(" ,") == "" or before.strip() == "":
        # According to X, CLAUSE.
        lo = mention.end
        rm = ACCORDING_APPOSITIVE.match(m[mention.end : e]) if mention.role else None
        cm = ACCORDING_CLAUSE_START.match(m, mention.end, e)
        if rm:
            lo = mention.end + rm.end()
        elif cm:
            lo = cm.end()
        while lo < e and m[lo] in " ,":
            lo += 1
        return _found(par, lo, clause_end(m, e), mention, am, route="according-to")
    # CLAUSE, according to X
    hi = am.start()
    while hi > s and m[hi - 1] in " ,;—–-":
        hi -= 1
    return _found(par, s, hi, mention, am, route="according-to")


def reported_at(par: Paragraph, s: int, e: int, vm: re.Match) -> Reported | None:
    """The reported clause the speech verb ``vm`` (in the sentence ``[s, e)``) attributes, if any."""
    m = par.masked
    after = m[vm.end() : e]
    if after.lstrip().startswith((":", '"', "“")) or MASK in after[:3]:
        return None  # it introduces a quotation
    fm = FILLER.match(m, vm.end(), e)
    if SENTENCE_TAIL.fullmatch(m[fm.end() : e]):
        # sentence-final cue: "CLAUSE, X said." / "CLAUSE, said X."
        mention = np_at_end(m, s, vm.start())
        if mention is None:
            return None
        hi = _before_comma(m, s, mention.start)
        return None if hi is None else _found(par, s, hi, mention, vm)
    verb = vm.group().lower()
    if verb in INVERTED_VERBS and m[s : vm.start()].rstrip().endswith(","):
        # inverted sentence-final: ", said the source, who declined ..."
        mention = np_after(m, vm.end(), e)
        if mention is not None:
            tail = m[mention.end : e]
            if CLAUSE_AFTER_SUBJECT.fullmatch(tail) or TIME_TAIL.fullmatch(tail):
                return _found(par, s, _before_comma(m, s, vm.start()), mention, vm)
    # "X said (on Thursday) (that) CLAUSE"
    mention = np_at_end(m, s, vm.start())
    if mention is None:
        return None
    if mention.kind is NAME and mention.tokens and mention.tokens[-1].lower() in OBJECT_PRONOUNS:
        return None
    pos = vm.end()
    told_end = -1
    if verb in TELL_VERBS:
        om = TOLD_OBJECT.match(m, pos, e)
        if om is None:
            return None
        pos = told_end = om.end()
    pos = FILLER.match(m, pos, e).end()
    tm = THAT.match(m, pos, e)
    if tm:
        pos = tm.end()
    while pos < e and m[pos] in " ,":
        pos += 1
    return _found(par, pos, _second_cue(m, pos, clause_end(m, e)), mention, vm, told_end)


def _second_cue(m: str, pos: int, hi: int) -> int:
    """Where a clause ``m[pos:hi]`` ends when a second cue follows in it
    (``..., the Pentagon claims that``): before that cue's comma."""
    for vm2 in REPORT_VERB.finditer(m, pos, hi):
        sub2 = np_at_end(m, pos, vm2.start())
        if sub2 is not None:
            head = TRAILING_ARTICLE.sub("", m[pos : sub2.start].rstrip()).rstrip()
            if head.endswith(","):
                end = pos + len(head) - 1
                while end > pos and m[end - 1] in " ,":
                    end -= 1
                return end
    return hi
