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
from itertools import islice
from typing import NamedTuple

from .cues import Cue
from .inverted import np_after
from .lexicon.grammar import (
    AUXILIARIES,
    NOT_CLAUSE_OPENERS,
    NUMBER_OPENERS,
    OBJECT_PRONOUNS,
)
from .lexicon.speech import (
    ASK_VERBS,
    AUDIENCE_VERBS,
    INVERTED_VERBS,
    OBJECT_CONTENT_VERBS,
    QUESTION_OPENERS,
    TELL_VERBS,
    THAT_ONLY_CUES,
)
from .mentions import ANONYMOUS, NAME, ROLE, Mention
from .names import looks_org, strip_det
from .openers import sentence_subject
from .paragraph import Paragraph
from .patterns import (
    ACCORDING,
    ACCORDING_APPOSITIVE,
    ACCORDING_CLAUSE_START,
    AND_SPEECH_VERB,
    BY_NAME,
    CLAUSE_AFTER_SUBJECT,
    CLAUSE_LEAD,
    CLAUSE_STOP,
    COMMA_CONJUNCTION,
    COMMA_GERUND,
    DAY_TAIL,
    FILLER,
    GAP_THAT,
    MASK,
    NEXT_WORD,
    OBJECT_THAT,
    PARTICIPLE_CUE,
    REPORT_VERB,
    SENTENCE_TAIL,
    SOURCE_PHRASE,
    SUBJECT_TAIL,
    THAT,
    TIME_TAIL,
    TO_VERB,
    TOLD_OBJECT,
    TRAILING_ARTICLE,
    WORD,
)
from .roles import cut_asked_by
from .subjects import np_at_end
from .verb_subjects import buried, not_a_speaker, verb_subject

_SHORTEST_CLAUSE = 8  # characters
_NO_CLAUSE_OPENING = frozenset(MASK + '"“”')  # characters no reported clause holds (see ok_clause)
_FEWEST_WORDS = 3
_LONGEST_SOURCE = 10  # words of a source phrase after "according to"


class Reported(NamedTuple):
    """A reported clause ``text[lo:hi]`` of a paragraph and the cue that attributes it."""

    lo: int
    hi: int
    cue: Cue


def reported(par: Paragraph) -> list[Reported]:
    """Every reported clause of the paragraph, in text order."""
    m = par.masked
    out: list[Reported] = []
    according_somewhere = "according to" in m.lower()  # lower() maps letter by letter: a sentence's is in it
    for s, e in par.sentences:
        if according_somewhere and "according to" in m[s:e].lower():
            r = according(par, s, e)
            if r:
                out.append(r)
                continue
        found: list[Reported] = []
        vm = REPORT_VERB.search(m, s, e)
        while vm is not None:
            # the next verb, found once: the end of this verb's clause looks for it, the loop goes on from it
            nxt = REPORT_VERB.search(m, vm.end(), e)
            r = reported_at(par, s, e, vm, nxt.start() if nxt is not None else e)
            pos = vm.end()
            if r is not None:
                found.append(r)
                pos = max(pos, r.hi)
            vm = nxt if nxt is None or nxt.start() >= pos else REPORT_VERB.search(m, pos, e)
        for pm in PARTICIPLE_CUE.finditer(m, s, e):
            r = participle_at(par, s, e, pm, found)
            if r is not None:
                found.append(r)
        out += _in_order(found)
    return out


def _in_order(found: list[Reported]) -> list[Reported]:
    """The clauses by position; of two cues that give one span (``X wanted
    Y to ..., the SEC said, so that ..., the agency said``) the first found
    keeps it.  Sorted on the span alone: cues do not compare."""
    out: list[Reported] = []
    seen: set[tuple[int, int]] = set()
    for r in sorted(found, key=lambda r: (r.lo, r.hi)):
        if (r.lo, r.hi) not in seen:
            seen.add((r.lo, r.hi))
            out.append(r)
    return out


def clause_end(m: str, e: int) -> int:
    """The end of a clause ending at ``e``, before closing punctuation and space."""
    hi = e
    while hi > 0 and (m[hi - 1].isspace() or m[hi - 1] in ".!?\"”’')"):
        hi -= 1
    return hi


def ok_clause(m: str, lo: int, hi: int, any_opener: bool = False) -> bool:
    """Can ``m[lo:hi]`` be a reported clause: three words or more, no quotation
    in it, not opening with a preposition, a conjunction or an auxiliary
    (``any_opener``: content of a verb like "urged" or "vowed", which may
    open with "to" or an object)?"""
    if hi - lo < _SHORTEST_CLAUSE:
        return False
    c = m[lo:hi]
    if MASK in c or '"' in c or "“" in c or "”" in c or "''" in c:  # '' : a double mark in archive text
        return False
    if not c[:1].isalnum():
        return False  # "– a 3 to 1 margin": no clause opens with a dash
    w = [x.group() for x in islice(WORD.finditer(c), _FEWEST_WORDS + 1)]  # all the words this test reads
    if len(w) < _FEWEST_WORDS:
        return False
    first = w[0].lower()
    if first in NUMBER_OPENERS and w[1][:1].isdigit():
        return True  # "about 20 people have ..."
    return any_opener or first not in NOT_CLAUSE_OPENERS or first == "it" and len(w) > 3


def _before_comma(m: str, s: int, k: int) -> int | None:
    """The end of the clause before the comma that precedes ``k`` (a cue's
    subject), or ``None`` when no comma does."""
    pre = TRAILING_ARTICLE.sub("", m[s:k].rstrip()).rstrip()
    if not pre.endswith(","):
        return None
    hi = s + len(pre) - 1
    while hi > s and m[hi - 1] in " ,":
        hi -= 1
    return hi


def _found(par: Paragraph, lo: int, hi: int, mention: Mention, verb: re.Match, any_opener: bool = False,
           verb_end: int = -1, route: str = "reported") -> Reported | None:
    """The clause ``[lo, hi)``, if it can be one (see :func:`ok_clause`), with
    its cue (the verb's words reaching to ``verb_end`` when given: "told
    reporters"; ``route``: where the cue was found)."""
    m = par.masked
    while lo < hi and m[lo].isspace():
        lo += 1
    if not ok_clause(m, lo, hi, any_opener):
        return None
    g = verb.lastindex or 0  # a participle cue's group 1 is the participle
    return Reported(lo, hi, Cue(mention, par.index, verb.start(g), max(verb.end(g), verb_end), route))


def according(par: Paragraph, s: int, e: int) -> Reported | None:
    """``According to X, CLAUSE`` / ``CLAUSE, according to X`` in the sentence ``[s, e)``."""
    m = par.masked
    am = ACCORDING.search(m, s, e)
    if am is None:
        return None
    mention = np_after(m, am.end(), e) or according_source(m, am.end(), e)
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
    # CLAUSE, according to X (the clause may open with anything: "As it stands, ...")
    hi = am.start()
    while hi > s and m[hi - 1] in " ,;—–-":
        hi -= 1
    lo = CLAUSE_LEAD.match(m, s, hi).end()  # type: ignore[union-attr]  # the pattern matches the empty string: never None
    return _found(par, lo, hi, mention, am, any_opener=True, route="according-to")


def according_source(m: str, pos: int, e: int) -> Mention | None:
    """What "according to" names when it is no person or organisation name:
    ``an analysis by Ann Lee`` -> Ann Lee; ``federal statistics``, ``the
    post-debate analysis``, ``a poll released last week`` -> the phrase."""
    sm = SOURCE_PHRASE.match(m, pos, e)
    if sm is None:
        return None
    by = BY_NAME.search(m, sm.start(), sm.end())
    if by is not None and by.start() < cut_asked_by(m, sm.start(), sm.end()):  # not "a copy obtained by Reuters"
        named = np_after(m, by.end(), e)
        if named is not None and named.kind is NAME:
            return named
    end = sm.end()
    while end > sm.start() and m[end - 1] in ".'’-":
        end -= 1  # "statistics." at the end of the sentence
    phrase = m[sm.start() : end]
    words = WORD.findall(phrase)
    if not words or len(words) > _LONGEST_SOURCE or words[0].lower() in NOT_CLAUSE_OPENERS:
        return None
    k = len(words)
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    if k > 0 and len(words) - k >= 2 and all(w.islower() for w in words[:k]) and not looks_org(" ".join(words[k:])):
        # "curator Ada Lind": a lower-case role before a person's name
        at = sm.start() + phrase.rindex(" " + words[k]) + 1
        return Mention(NAME, at, end, m[at:end], tuple(words[k:]), role=strip_det(" ".join(words[:k])), name_start=at)
    return Mention(ANONYMOUS, sm.start(), end, phrase, tuple(words), head=words[-1])


def reported_at(par: Paragraph, s: int, e: int, vm: re.Match, next_verb: int = -1) -> Reported | None:
    """The reported clause the speech verb ``vm`` (in the sentence ``[s, e)``)
    attributes, if any; ``next_verb``: where the sentence's next speech verb
    after ``vm`` starts (``e`` when none), if known (see :func:`_second_cue`)."""
    m = par.masked
    after = m[vm.end() : e]
    if after.lstrip().startswith((":", '"', "“")) or MASK in after[:3]:
        return None  # it introduces a quotation
    verb = vm.group().lower()
    tail = vm.end()
    if verb in TELL_VERBS:
        om = TOLD_OBJECT.match(m, tail, e)  # "CLAUSE, X told reporters on Monday."
        tail = om.end() if om else tail
    # "said on Friday", "said Friday afternoon" (both patterns match the empty string: never None)
    tail = DAY_TAIL.match(m, FILLER.match(m, tail, e).end(), e).end()  # type: ignore[union-attr]
    if SENTENCE_TAIL.fullmatch(m[tail:e]):
        return _final_cue(par, s, vm)  # "CLAUSE, X said." / "CLAUSE, said X."
    if verb in INVERTED_VERBS and m[s : vm.start()].rstrip().endswith(","):
        # inverted sentence-final: ", said the source, who declined ..."
        mention = np_after(m, vm.end(), e)
        if mention is not None:
            rest = m[mention.end : e]
            if CLAUSE_AFTER_SUBJECT.fullmatch(rest) or TIME_TAIL.fullmatch(rest) or \
                    verb not in TELL_VERBS and SUBJECT_TAIL.fullmatch(rest):
                hi = _before_comma(m, s, vm.start())
                if hi is not None:  # (the comma checked above is there)
                    return _found(par, s, hi, mention, vm)
    # "X said (on Thursday) (that) CLAUSE"
    mention = verb_subject(m, s, vm.start())
    if mention is None or buried(m, s, mention, vm.start()):
        return None
    if mention.kind is NAME and mention.tokens and mention.tokens[-1].lower() in OBJECT_PRONOUNS:
        return None
    if not_a_speaker(m, s, mention, vm):
        return None
    front = _before_comma(m, s, mention.start)
    if front is not None and m[vm.end() : tail + 1].rstrip().endswith(",") and MASK not in m[s:front] and \
            len(WORD.findall(m[s:front])) >= 2:
        # "If the plan fails, she argues, there are other tools", "A, X said
        # Friday, as they ...": the whole sentence
        lo = CLAUSE_LEAD.match(m, s, front).end()  # type: ignore[union-attr]  # the pattern matches the empty string: never None
        return _found(par, lo, _clause_hi(m, vm.end(), e, next_verb), mention, vm, True)
    if COMMA_GERUND.match(after) and not PARTICIPLE_CUE.match(after):
        return None  # "..., he said, cutting off a reporter": no clause of his
    pos = vm.end()
    if verb in TELL_VERBS:
        om = TOLD_OBJECT.match(m, pos, e)
        if om is None:
            return None
        if TO_VERB.match(m, om.end(), e):
            # "told his aides to find a way": the audience and what they were told to do
            return _found(par, pos + 1, _clause_hi(m, pos, e, next_verb), mention, vm, True, om.end())
        pos = om.end()
    return _content(par, pos, e, mention, vm, verb.split()[0], pos if verb in TELL_VERBS else -1, next_verb)


def _final_cue(par: Paragraph, s: int, vm: re.Match) -> Reported | None:
    """``CLAUSE, X said.``: the clause before the subject's comma."""
    m = par.masked
    k = vm.start()
    lead = s
    while lead < k and m[lead].isspace():
        lead += 1
    if lead < k and m[lead] in _NO_CLAUSE_OPENING:
        return None  # '"...," she said.': the clause would hold a quotation (see ok_clause)
    mention = verb_subject(m, s, k)
    if mention is None:
        return None
    hi = _before_comma(m, s, mention.start)
    # " But the ferry ...": the clause after space and a leading conjunction
    # (it may open with anything: "After some delays, the work is done, an official said.")
    if hi is None:
        return None
    lo = CLAUSE_LEAD.match(m, s, hi).end()  # type: ignore[union-attr]  # the pattern matches the empty string: never None
    return _found(par, lo, hi, mention, vm, True)


def _content(par: Paragraph, pos: int, e: int, mention: Mention, vm: re.Match, verb: str,
             verb_end: int = -1, next_verb: int = -1) -> Reported | None:
    """The clause a cue ending at ``pos`` introduces (``verb``: its first
    word, lower case): after time phrases and "that", up to a second cue or
    a participle cue (``, adding that``); ``next_verb``: see :func:`reported_at`."""
    m = par.masked
    any_opener = verb in OBJECT_CONTENT_VERBS
    pos = DAY_TAIL.match(m, FILLER.match(m, pos, e).end(), e).end()  # type: ignore[union-attr]  # (both match "")
    tm = THAT.match(m, pos, e) or GAP_THAT.match(m, pos, e)  # "says in Ohio that", "told a meeting of X that"
    if tm is None and verb in AUDIENCE_VERBS:
        tm = OBJECT_THAT.match(m, pos, e)  # "warned voters that", "assured the court that"
    if tm and _that_is_subject(m, tm.end(), e):
        any_opener = True  # "said that would help": "that" is the subject
    elif tm:
        pos = tm.end()
        any_opener = True  # after "that" a clause: "said that, if elected, he would ..."
    elif verb in THAT_ONLY_CUES:
        return None
    while pos < e and m[pos] in " ,":
        pos += 1
    if verb in ASK_VERBS:
        wm = WORD.match(m, pos, e)
        if wm is None or wm.group().lower() not in QUESTION_OPENERS:
            return None
    return _found(par, pos, _clause_hi(m, pos, e, next_verb), mention, vm, any_opener, verb_end)


def _clause_hi(m: str, pos: int, e: int, next_verb: int = -1) -> int:
    """Where a clause from ``pos`` in a sentence ending at ``e`` ends: at a
    semicolon or ", including", before a second cue or a participle cue
    (``next_verb``: see :func:`_second_cue`)."""
    hi = clause_end(m, e)
    q = m.find("''", pos, hi)
    if q >= 0 and m[pos:q].rstrip().endswith((".", "!", "?")):
        hi = clause_end(m, q)  # "imports. ''We must ...'': archive text, no sentence was cut before ''"
    sm = CLAUSE_STOP.search(m, pos, hi)
    if sm is not None:
        hi = clause_end(m, sm.start())  # "...; they only learned", ", including ..."
    am = AND_SPEECH_VERB.search(m, pos, hi)
    if am is not None:
        hi = clause_end(m, am.start())  # "... and said a curfew would", "... but noted that"
    hi = _second_cue(m, pos, hi, next_verb)
    pm = PARTICIPLE_CUE.search(m, pos, hi)
    if pm is not None:
        hi = clause_end(m, pm.start())
    return hi


def participle_at(par: Paragraph, s: int, e: int, pm: re.Match, earlier: list[Reported]) -> Reported | None:
    """``X did Y, saying (that) CLAUSE``: the participle's subject is the cue
    before it in the sentence (``X said A, adding that B``), else the
    sentence's subject (a name, a pronoun or a description of a speaker)."""
    m = par.masked
    before = [r for r in earlier if r.cue.verb_end <= pm.start()]
    mention: Mention | None
    if before:
        mention = before[-1].cue.mention
    else:
        mention = sentence_subject(m, s, pm.start())
        if mention is None or mention.kind is ROLE or mention.end > pm.start():
            return None
    word = pm.group(1).lower()
    pos = pm.end()
    if word == "telling":
        om = TOLD_OBJECT.match(m, pos, e)
        if om is None:
            return None
        pos = om.end()
    return _content(par, pos, e, mention, pm, word.split()[0])


_WORD_CHAR = re.compile(r"[\w\-]")  # a character after which a verb is none (REPORT_VERB's end)


def _that_is_subject(m: str, pos: int, e: int) -> bool:
    """``said that would help``: "that" is the clause's subject (an auxiliary follows), not its conjunction."""
    wm = NEXT_WORD.match(m, pos, e)
    return wm is not None and wm.group(1).lower() in AUXILIARIES


def _second_cue(m: str, pos: int, hi: int, next_verb: int = -1) -> int:
    """Where a clause ``m[pos:hi]`` ends when a second cue follows in it
    (``..., the Pentagon claims that``): before that cue's comma.

    ``next_verb``, when known (not -1), is where the first speech verb from
    the end of the clause's own verb (at or before ``pos``) starts in the
    sentence: at ``hi`` or later the clause holds no verb and is not read
    again (unless a word character follows ``hi``, where a verb cut short
    by the bound would count).

    >>> m = "Lee said the plan, Ann claims, would fail."
    >>> m[8 : _second_cue(m, 8, 41)], _second_cue(m, 8, 41, m.index("claims")) == _second_cue(m, 8, 41)
    (' the plan', True)
    >>> _second_cue(m, 8, 17, 41)
    17
    """
    if next_verb >= hi and (hi >= len(m) or not _WORD_CHAR.match(m, hi)):
        return hi  # no speech verb in the clause
    for vm2 in REPORT_VERB.finditer(m, pos, hi):
        sub2 = np_at_end(m, pos, vm2.start())
        if sub2 is not None:
            head = TRAILING_ARTICLE.sub("", m[pos : sub2.start].rstrip()).rstrip()
            head = COMMA_CONJUNCTION.sub(",", head)  # "..., though she acknowledged"
            if head.endswith(","):
                end = pos + len(head) - 1
                while end > pos and m[end - 1] in " ,":
                    end -= 1
                return end
    return hi
