"""Attribution cues: the words that say who spoke a quotation.

Each finder looks at one place and returns a :class:`Cue` (the speaker
mention and the speech verb, with paragraph-local offsets) or ``None``:

* :func:`after_cue`: after the closing mark, ``"...," Price said`` /
  ``"...," said Price, a spokesman``;
* :func:`left_cue`: before the opening mark in its sentence, ``Price said:
  "..."`` / ``Price told reporters, "..."`` / ``according to Price, "..."``;
* :func:`colon_cue`: a previous paragraph ending ``Price said:``;
* :func:`previous_sentence_cue`: ``Senator X issued a statement. "..."``.

Which one wins is decided in :mod:`reader.attribution.engine`.

>>> from reader.attribution.paragraph import Paragraph
>>> par = Paragraph(0, 0, '"We are ready," Ned Price told reporters on Monday.')
>>> cue = after_cue(par, par.pieces[0])
>>> cue.mention.text, par.text[cue.verb_start:cue.verb_end]
('Ned Price', 'told reporters')
>>> par = Paragraph(0, 0, 'Price said: "We are ready."')
>>> cue, adjacent = left_cue(par, par.pieces[0])
>>> cue.mention.text, adjacent
('Price', True)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from .inverted import np_after
from .lexicon.grammar import FUNCTION_WORDS
from .lexicon.speech import NOUN_HOMOGRAPHS, SOURCE_PHRASES, TELL_VERBS
from .mentions import ANONYMOUS, NAME, PRONOUN, ROLE, Mention
from .names import looks_org
from .openers import sentence_subject
from .patterns import (
    ADJACENT_GAP,
    ADJACENT_TOLD,
    APPOSITIVE_TAIL,
    ARTICLE_GAP,
    CAP_BEFORE,
    CUE_LEAD,
    FILLER,
    INVERTED_GAP,
    MARK,
    MASK,
    PARTICIPLE_SET,
    ROLE_WORDS,
    SIGNOFF,
    SPEECH_OPENING,
    STATEMENT,
    TOLD_OBJECT,
    VERB,
    WORD,
)
from .roles import role_then_name
from .runs import run_mention
from .subjects import np_at_end
from .tokens import is_cap_token, tokenize

if TYPE_CHECKING:
    from .paragraph import Paragraph, Piece

_VERB_REACH = 160  # characters after a quotation in which "X said" may follow
_TERMINAL_WORDS = 8  # words after a sentence-final cue before it is a new clause
_SHORT_SENTENCE = 5  # words: 'Whitlock disagreed.' introduces the next quotation
_INNER_WORDS = 5  # words of the subject of a reported clause before a quotation ("said Wang "urged ...")
_CLOSING_GAP_WORDS = 8  # words between a quotation and a sentence-closing ", she said."
_CLOSING_REST_WORDS = 3  # words after that cue's verb ("said on Monday")
_ROLE_WORD = re.compile(r"[A-Za-z][\w\-.]*")  # a word of a role ("Air", "vice-chairman", "U.S.")


class Cue(NamedTuple):
    """A speaker mention found by a cue, and the verb (or colon) that makes it one.

    ``par`` is the index of the paragraph the mention is in; the offsets are
    local to it.  The cue's words run from the mention to the verb, or the
    other way round (``said Price``); ``verb_end`` reaches over what joins
    the verb to a quotation after it (``told reporters:``).  ``route`` is
    where the cue was found: ``after``, ``before``, ``colon``,
    ``previous-sentence``, ``reported``, or ``according-to`` (any place).
    """

    mention: Mention
    par: int
    verb_start: int
    verb_end: int
    route: str
    reporter: Mention | None = None  # 'CGTN said Wang "urged ..."': CGTN reported Wang's words

    @property
    def span(self) -> tuple[int, int]:
        """The cue's words, paragraph-local."""
        m = self.mention
        lo = min(m.start, self.verb_start) if self.reporter is None else min(self.reporter.start, self.verb_start)
        return lo, max(m.end, self.verb_end)


def speech_verbs(text: str, lo: int, hi: int, floor: int | None = None) -> list[re.Match]:
    """Speech verbs in ``text[lo:hi]``, without capitalised words inside a name
    (``the United States also include`` has no verb ``states``; the name is
    looked for from ``floor``, by default ``lo``).

    >>> [m.group() for m in speech_verbs("The United States said Acme Says Inc warned", 0, 43)]
    ['said', 'warned']
    """
    out = []
    floor = lo if floor is None else floor
    for vm in VERB.finditer(text, lo, hi):
        if vm.group()[0].isupper() and CAP_BEFORE.search(text, max(floor, vm.start() - 40), vm.start()):
            continue
        out.append(vm)
    return out


def trailing_cue(index: int, text: str, masked: str, close: int, hi: int, terminal: bool) -> Cue | None:
    """The cue in ``masked[close + 1 : hi]`` right after a quotation closing at
    ``close``: an inverted verb and its subject (``said Price``) or a subject
    and its verb (``Price said``, ``team member Rodaba Noori told``).  With
    ``terminal`` (the quotation ends a sentence) a long clause after the cue
    means it is not one (``"..." Price said the talks would go on until ...``
    still is; eight words and more of new clause are not)."""
    tr = masked[close + 1 : hi]
    off = close + 1 + CUE_LEAD.match(tr).end()  # type: ignore[union-attr]  # the pattern matches the empty string: never None
    vm = VERB.match(masked, off, hi)
    found = _inverted(masked, vm, hi) if vm else _subject_first(masked, off, hi)
    if found is None:
        return None
    mention, vend, verb = found
    route = "according-to" if verb.group().lower() in SOURCE_PHRASES else "after"
    if terminal:
        rest = masked[vend:hi] if vend is not None else ""
        rest = FILLER.sub("", rest, count=1)
        if len(WORD.findall(rest)) > _TERMINAL_WORDS:
            return None
    end = verb.end()
    if verb.group().lower() in TELL_VERBS:  # the cue's words reach over the audience: "she told reporters"
        om = TOLD_OBJECT.match(masked, end, hi)
        end = om.end() if om else end
    return Cue(mention, index, verb.start(), end, route)


def _inverted(masked: str, vm: re.Match, hi: int) -> tuple[Mention, int | None, re.Match] | None:
    """``said Luis Ferreira, the club's captain``: the subject after the verb
    ``vm`` and where the cue ends (after any appositive)."""
    mention = np_after(masked, vm.end(), hi)
    if mention is None:
        return None
    vend = mention.end
    if mention.role:
        am = APPOSITIVE_TAIL.match(masked[mention.end : hi])  # skip the appositive
        if am:
            vend = mention.end + am.end()
    return mention, vend, vm


def _subject_first(masked: str, off: int, hi: int) -> tuple[Mention, int, re.Match] | None:
    """``Price said`` / ``the spokesman said`` / ``team member Rodaba Noori
    told``: the first speech verb after ``off`` with its subject starting the
    trailer (after "the"/"a" at most, or lower-case role words before a name)."""
    for vm2 in speech_verbs(masked, off, min(hi, off + _VERB_REACH)):
        if vm2.group().lower() == "according to":
            return None
        if _plural_noun(masked, vm2):
            continue  # "one of the states suing the agency, said": a noun, the verb comes later
        mention = np_at_end(masked, off, vm2.start())
        if mention is not None and mention.start > off + 1 and mention.kind is NAME:
            # "team member Rodaba Noori told the press"
            pre = masked[off : mention.start]
            if ROLE_WORDS.fullmatch(pre) and not any(w in FUNCTION_WORDS for w in pre.split()):
                return mention.with_role(mention.role or pre.strip()), vm2.end(), vm2
            rm = _employer_role_name(masked, off, mention)  # "NBC host Carl Benning said"
            if rm is None:
                rm = _role_with_body(masked, off, mention)  # "Senate Majority Leader Tom Smith said"
            if rm is not None:
                return rm, vm2.end(), vm2
        if mention is not None and (mention.start <= off + 1 or ARTICLE_GAP.fullmatch(masked[off : mention.start])
                                    or mention.role and masked[off : mention.start].strip() == mention.role):
            return mention, vm2.end(), vm2
        if mention is not None and _closing_cue(masked, off, mention, vm2, hi):
            return mention, vm2.end(), vm2
        return None
    return None


def _plural_noun(masked: str, vm: re.Match) -> bool:
    """Is the verb form ``vm`` a plural noun here (``the states``, ``his
    claims``): one of :data:`NOUN_HOMOGRAPHS` after a function word?"""
    if vm.group().lower() not in NOUN_HOMOGRAPHS:
        return False
    before = masked[max(0, vm.start() - 20) : vm.start()].split()
    return bool(before) and before[-1].lower() in FUNCTION_WORDS


def _closing_cue(masked: str, off: int, mention: Mention, vm: re.Match, hi: int) -> bool:
    """``"..." for bad behaviour, she said.`` / ``A clerk who "..." is
    punished, Warren said.``: the cue closes the sentence after a comma, and
    the words between the quotation and it are few, with no other quotation:
    the speaker said the whole sentence.

    >>> t = MASK + ' for bad behaviour, Ana Ruiz said.'
    >>> from reader.attribution.subjects import np_at_end
    >>> vm = VERB.search(t)
    >>> _closing_cue(t, 1, np_at_end(t, 1, vm.start()), vm, len(t))
    True
    >>> t = MASK + ' cuts, the Harbour Authority said.'
    >>> vm = VERB.search(t)
    >>> _closing_cue(t, 1, np_at_end(t, 1, vm.start()), vm, len(t))
    True
    """
    gap = masked[off : mention.start]
    det = gap.rstrip().rpartition(" ")[2]
    if det in ("the", "The", "a", "an") and gap.rstrip()[: -len(det)].rstrip().endswith(","):
        gap = gap.rstrip()[: -len(det)]  # "..., the Local Government Association said": the subject's article
    if not gap.rstrip().endswith(",") or MASK in gap or len(WORD.findall(gap)) > _CLOSING_GAP_WORDS:
        return False
    rest = FILLER.sub("", masked[vm.end() : hi], count=1)
    return mention.kind is not ANONYMOUS and len(WORD.findall(rest)) <= _CLOSING_REST_WORDS


def _role_with_body(masked: str, off: int, mention: Mention) -> Mention | None:
    """A name with a role whose body or rank stands before it: ``Senate
    Majority Leader Tom Smith``, ``retired Air Force general Ann Lee``.  The
    words before ``mention`` (from ``off``) are at most four, none a function
    word, and either all capitalised (when ``mention`` already has a role) or
    ending in a lower-case role noun.

    >>> from reader.attribution.subjects import np_at_end
    >>> t = "Senate Majority Leader Tom Smith"
    >>> _role_with_body(t, 0, np_at_end(t, 0, len(t))).role
    'Senate Majority Leader'
    """
    words = masked[off : mention.start].split()
    if not 1 <= len(words) <= 4 or any(w.lower() in FUNCTION_WORDS or not _ROLE_WORD.fullmatch(w) for w in words):
        return None
    if all(w[0].isupper() for w in words) and mention.role:
        return mention.with_role(" ".join(words) + " " + mention.role)
    if words[-1][0].islower() and not mention.role and not looks_org(" ".join(mention.tokens)):
        return mention.with_role(" ".join(words))
    return None


def _employer_role_name(masked: str, off: int, mention: Mention) -> Mention | None:
    """``NBC host Carl Benning`` (at most "the" and three capitalised words
    before the role words): the name ``mention`` ends the trailer's subject."""
    toks = tokenize(masked, off, mention.end)
    j = 1 if toks and toks[0].text.lower() == "the" else 0
    k = j
    while k < len(toks) and k - j < 3 and is_cap_token(toks[k].text):
        k += 1
    if k == j or k >= len(toks):
        return None
    rm = role_then_name(toks, k, j)
    return rm if rm is not None and rm.end == mention.end else None


def after_cue(par: Paragraph, piece: Piece) -> Cue | None:
    """The cue after ``piece`` within its sentence and before the next quotation mark."""
    c = piece.close
    text = par.text
    if c >= len(text):
        return None
    hi = par.sentence_of(c)[1]
    nm = MARK.search(par.name_text, c + 1)  # a nickname's marks end no cue ('Maria "Mia" Lopez said')
    if nm and nm.start() < hi:
        hi = nm.start()
    terminal = text[piece.hi - 1 : piece.hi] in ".!?"
    return trailing_cue(par.index, text, par.masked, c, hi, terminal)


def signoff_cue(par: Paragraph, piece: Piece) -> Cue | None:
    """``"We will win." ― Ana Ruiz``: a dash and a name of two to four
    capitalised words right after the closing mark, then nothing but the end
    of the line or the next quotation's opening mark."""
    c = piece.close
    if c >= len(par.text):
        return None
    sm = SIGNOFF.match(par.text, c + 1)
    if sm is None:
        return None
    toks = tokenize(par.text, sm.start(1), sm.end(1))
    mention = run_mention(toks, False) if 2 <= len(toks) <= 4 else None
    if mention is None or mention.kind is not NAME or looks_org(" ".join(mention.tokens)):
        return None
    return Cue(mention, par.index, sm.start(), sm.start(1), "after")  # the cue: the dash and the name


def left_cue(par: Paragraph, piece: Piece) -> tuple[Cue | None, bool]:
    """``(cue, adjacent)``: the last speech verb before the quotation in its
    sentence and its subject; ``adjacent`` when only time phrases, "told
    <someone>" or a comma or colon stand between the verb and the quotation.

    Without a verb, a sentence ending with a colon before the quotation has
    its subject speak (``Sunak defended the record: "..."``)."""
    m = par.masked
    lo = par.sentence_of(piece.open)[0]
    vm = par.last_verb(lo, piece.open)
    if vm is None:
        colon = m[lo : piece.open].rstrip()
        if colon.endswith(":"):
            sm = sentence_subject(m, lo, piece.open)
            at = lo + len(colon) - 1
            return (Cue(sm, par.index, at, at + 1, "colon") if sm is not None else None), True
        return None, False
    verb = vm.group().lower()
    between = m[vm.end() : piece.open]
    adjacent = bool(ADJACENT_GAP.fullmatch(between)) or bool(ADJACENT_TOLD.fullmatch(between))
    if verb in SOURCE_PHRASES:
        mention = np_after(m, vm.end(), piece.open)
    else:
        mention = _subject_of_left_verb(m, lo, vm, piece.open)
    if mention is None:
        return None, adjacent
    end = vm.end() + len(between.rstrip()) if adjacent else vm.end()  # "told reporters:", "said on Monday:"
    route = "according-to" if verb in SOURCE_PHRASES else "before"
    inner = reported_subject(par, vm, piece) if route == "before" else None
    if inner is not None:  # 'CGTN also said Wang "urged ...": Wang's words, CGTN reported them
        return Cue(inner, par.index, vm.start(), inner.end, route, reporter=mention), False
    return Cue(mention, par.index, vm.start(), end, route), adjacent


def reported_subject(par: Paragraph, vm: re.Match, piece: Piece) -> Mention | None:
    """The subject of a clause that a quotation completes right after a
    speech verb: ``CGTN also said Wang "urged the U.S. side ..."`` -> Wang
    (the quotation opens with a speech verb, in lower case: it carries on
    Wang's clause and says what Wang said).

    >>> from reader.attribution.paragraph import Paragraph
    >>> par = Paragraph(0, 0, 'CGTN said that Wang Yi "urged restraint."')
    >>> reported_subject(par, VERB.search(par.masked), par.pieces[0]).text
    'Wang Yi'
    >>> par = Paragraph(0, 0, 'Blinken said China was "considering lethal aid."')
    >>> reported_subject(par, VERB.search(par.masked), par.pieces[0]) is None
    True
    """
    text = par.text
    if not SPEECH_OPENING.match(text, piece.lo, piece.hi):
        return None  # 'said China was "considering ...": the writer's words about China, not China's
    m = par.masked
    between = m[vm.end() : piece.open]
    lead = len(between) - len(between.lstrip())
    words = between.split()
    if words and words[0] == "that":
        lead += between.lstrip().index("that") + len("that")
        lead += len(between[lead:]) - len(between[lead:].lstrip())
        words = words[1:]
    if not 1 <= len(words) <= _INNER_WORDS:
        return None
    inner = np_at_end(m, vm.end() + lead, piece.open)
    if inner is None or inner.start != vm.end() + lead or inner.kind not in (NAME, PRONOUN, ROLE) \
            or m[inner.end : piece.open].strip():
        return None
    return inner


def _subject_of_left_verb(m: str, lo: int, vm: re.Match, open_: int) -> Mention | None:
    """The subject of the verb ``vm`` before a quotation opening at ``open_``:
    before it (``Price said``), after it (``said Price: "..."``), or the
    sentence's subject (``Wang ..., describing its actions as "..."``)."""
    mention = None
    if vm.group().lower() not in PARTICIPLE_SET or not m[lo : vm.start()].rstrip().endswith(","):
        mention = np_at_end(m, lo, vm.start())
        if mention is None and vm.group().lower() not in ("told", "tells", "tell"):  # "told Reuters": the audience
            inv = np_after(m, vm.end(), open_)  # inverted: 'said Price: "..."'
            if inv is not None and INVERTED_GAP.fullmatch(m[inv.end : open_] or ","):
                mention = inv
    if mention is None and vm.group().lower() in PARTICIPLE_SET:
        # '"...," the mayor said, adding that it would take "more hours"'
        prev = speech_verbs(m, lo, vm.start())
        if prev and prev[-1].group().lower() not in PARTICIPLE_SET:
            start = max(lo, m.rfind(MASK, lo, prev[-1].start()) + 1)
            mention = np_at_end(m, start, prev[-1].start())
    if mention is None:
        # "Wang ..., describing its actions as" / "He did not ... but said"
        mention = sentence_subject(m, lo, vm.start())
    return mention


def colon_cue(prev: Paragraph) -> Cue | None:
    """``X said:`` ending the paragraph before a quotation that opens its own:
    the subject of the last speech verb of that paragraph's last sentence."""
    if not prev.text.rstrip().endswith(":"):
        return None
    pm = prev.masked
    ss = prev.last_sentence_start
    vms = speech_verbs(pm, ss, len(pm))
    if not vms:
        return None
    mm = np_at_end(pm, ss, vms[-1].start()) or sentence_subject(pm, ss, vms[-1].start())
    if mm is None:
        return None
    end = len(pm.rstrip())  # "X said on Monday:", unless a quotation stands between
    return Cue(mm, prev.index, vms[-1].start(), vms[-1].end() if MASK in pm[vms[-1].end() : end] else end, "colon")


def previous_sentence_cue(par: Paragraph, piece: Piece) -> Cue | None:
    """'Senator X issued a statement. "..."': the speaker in the sentence
    before the one the quotation opens (a sentence without quotations of its
    own, with a speech verb, a statement, or five words at most)."""
    s, _ = par.sentence_of(piece.open)
    if s == 0:
        return None
    ps, pe = par.sentence_of(s - 1)
    m = par.masked
    if MASK in m[ps:pe]:
        return None
    vms = speech_verbs(m, ps, pe)
    if vms:
        mm = np_at_end(m, ps, vms[-1].start()) or sentence_subject(m, ps, vms[-1].start())
        return Cue(mm, par.index, vms[-1].start(), vms[-1].end(), "previous-sentence") if mm is not None else None
    st = STATEMENT.search(m, ps, pe)
    if st or len(WORD.findall(m, ps, pe)) <= _SHORT_SENTENCE:
        # 'Whitlock disagreed. "..."': a short sentence introducing the quote
        sm = sentence_subject(m, ps, pe)
        if sm is not None and sm.kind in (NAME, PRONOUN, ROLE):
            end = st.end() if st else ps + len(m[ps:pe].rstrip())  # the statement, or the whole short sentence
            return Cue(sm, par.index, st.start() if st else sm.start, end, "previous-sentence")
    return None
