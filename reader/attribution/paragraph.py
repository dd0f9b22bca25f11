"""One paragraph, read whole on construction: its quotation marks paired,
the quotations masked, its sentences cut.

>>> par = Paragraph(0, 100, 'Price said: "We are ready. We wait." He left.')
>>> [par.text[p.lo:p.hi] for p in par.pieces]
['We are ready. We wait.']
>>> par.masked.count(MASK), [par.text[s:e] for s, e in par.sentences]
(22, ['Price said: "We are ready. We wait."', ' He left.'])

The masked text has every character inside a quotation replaced by
:data:`~reader.attribution.patterns.MASK` (same length, so offsets hold):
sentence cutting, speech-verb search and subject finding run on it, so the
words inside a quotation never act as cues.  A quotation whose words end a
sentence ends the sentence there, unless a short attribution follows
(``"... occur." Price said.``).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from .cues import speech_verbs, trailing_cue
from .lexicon.grammar import ABBREVIATIONS, FUNCTION_WORDS
from .marks import normalise_marks
from .names import norm
from .patterns import (
    DOTTED_INITIALS,
    MARK,
    MASK,
    NAME_AFTER,
    NAME_BEFORE,
    NEXT_SENTENCE,
    NEXT_WORD,
    OPEN_MARKS,
    SENT_END,
)
from .tokens import TokenisedText

LONGEST_SENTENCE = 1000  # characters (news sentences stay under 750); longer runs are cut at a space


class Piece(NamedTuple):
    """The words of one quotation within one paragraph (offsets paragraph-local)."""

    lo: int  # the quoted words, without the marks and the space inside them
    hi: int
    open: int  # the opening mark
    close: int  # the closing mark, or the paragraph's length when left open
    joins_previous: bool  # continues the quotation left open by the paragraph before


def pair_marks(t: str) -> tuple[list[tuple[int, int]], int | None]:
    """Pair the double quotation marks of one paragraph.

    Returns ``(pairs, open_at_end)``: ``pairs`` are ``(open_index, close_index)``
    mark positions; ``open_at_end`` is the position of an opening mark left
    unclosed at the end of the paragraph (or ``None``).  Straight and curly
    marks pair alike; a straight mark between two letters is a mis-encoded
    apostrophe (``don"t``) and ignored.

    >>> pair_marks('He said "yes" and "no')
    ([(8, 12)], 18)
    >>> pair_marks('”Go home.” He left.')
    ([(0, 9)], None)
    """
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    n = len(t)
    for mm in MARK.finditer(t):
        i = mm.start()
        c = t[i]
        prev = t[i - 1] if i > 0 else " "
        nxt = t[i + 1] if i + 1 < n else " "
        if c == '"':
            if prev.isalpha() and nxt.isalpha():
                continue  # mis-encoded apostrophe: country"s, don"t
            if open_at is None:
                # a stray closing mark, unless it follows a speech tag's
                # comma or colon with the space misplaced: 'said," It...'
                closing = (nxt.isspace() or i + 1 == n) and not (prev.isspace() or i == 0)
                if closing and not (prev in ",:" and i + 1 < n and MARK.search(t, i + 1)):
                    continue
                open_at = i
            elif (prev.isspace() and not nxt.isspace() and nxt not in ".,;:!?)") and i - open_at > 1:
                open_at = i  # looks like an opener: the previous quote was never closed
            else:
                pairs.append((open_at, i))
                open_at = None
        elif c in OPEN_MARKS:
            if open_at is not None and c == "“" and not prev.isspace() and (
                    nxt.isspace() or i + 1 == n or nxt in ".,;:!?)"):
                # a wrongly curled closing mark: 'decision.“ However'
                pairs.append((open_at, i))
                open_at = None
                continue
            open_at = i
        elif open_at is not None:  # a closing curly mark
            pairs.append((open_at, i))
            open_at = None
        elif c == "”" and (i == 0 or prev.isspace()) and (nxt.isalnum() or t.startswith(("…", " …"), i + 1)):
            open_at = i  # a closing mark typed as the opener: '”Fear. I am afraid.”'
    return pairs, open_at


def starts_with_open(t: str) -> bool:
    """Does the paragraph's text start with an opening quotation mark?"""
    s = t.lstrip()
    return bool(s) and (s[0] in OPEN_MARKS or s[0] == '"')


class Paragraph:
    """One paragraph of the article, everything computed on construction.

    ``index`` is its position among the article's paragraphs, ``base`` its
    offset in the source; ``after_open_quote`` says the paragraph before
    left a quotation open (so a first quotation opening this one continues it);
    ``single_marks``: the article quotes with single marks (British style).
    """

    def __init__(self, index: int, base: int, text: str, after_open_quote: bool = False,
                 single_marks: bool = False) -> None:
        self.index = index
        self.base = base
        self.text = text = normalise_marks(text, single_marks)  # same length: offsets hold
        pairs, open_at = pair_marks(text)
        nicknames = [span for span in pairs if _is_nickname(text, span)]
        if nicknames:
            pairs = [span for span in pairs if span not in nicknames]
        # the text with each nickname blanked: names read over it (``Marcia "Cia" Price``)
        self.name_text = _mask(text, [], nicknames) if nicknames else text
        self.spans: list[tuple[int, int]] = pairs + ([(open_at, len(text))] if open_at is not None else [])
        self.open_at_end = open_at is not None
        self.pieces = _pieces(text, self.spans, after_open_quote and starts_with_open(text))
        self.masked = TokenisedText(_mask(text, self.spans, nicknames))  # read for subjects again and again
        self._ends = [mm.span() for mm in SENT_END.finditer(self.masked)]
        self._end_starts = [s for s, _ in self._ends]
        self.sentences = self._cut_sentences()
        self._sentence_starts = [s for s, _ in self.sentences]
        self._sentence_ends = [e for _, e in self.sentences]
        self._verbs = self._verbs_before_quotes()

    @property
    def last_sentence_start(self) -> int:
        return self.sentences[-1][0] if self.sentences else 0

    @property
    def indent(self) -> int:
        """Where the paragraph's first non-space character is (a quotation
        opening there opens the paragraph)."""
        return len(self.text) - len(self.text.lstrip())

    def sentence_of(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos`` (a binary search: sentences are sorted
        and do not overlap, so a paragraph of thousands of quotations costs n log n)."""
        i = bisect_right(self._sentence_starts, pos) - 1
        if i >= 0 and self.sentences[i][0] <= pos < self.sentences[i][1]:
            return self.sentences[i]
        return 0, len(self.text)

    def sentences_before(self, pos: int) -> list[tuple[int, int]]:
        """The sentences that end by ``pos``, in text order."""
        return self.sentences[: bisect_right(self._sentence_ends, pos)]

    def last_verb(self, s: int, hi: int) -> re.Match | None:
        """The last speech verb (:func:`~reader.attribution.cues.speech_verbs`)
        of the sentence starting at ``s`` that ends by ``hi``, a quotation's
        opening mark in it."""
        verbs, ends = self._verbs.get(s, ((), ()))
        k = bisect_right(ends, hi)
        return verbs[k - 1] if k else None

    # -- construction ----------------------------------------------------------

    def _cut_sentences(self) -> list[tuple[int, int]]:
        """Sentence spans: cut after each sentence end that is not an
        abbreviation, after a quotation ending a sentence with no short
        attribution after it, and every :data:`LONGEST_SENTENCE` characters
        of a run-on line (at a space), so the work for each cue stays bounded."""
        m = self.masked
        cuts = {end for start, end in self._ends if not self._abbreviation_at(start, end)}
        for p in self.pieces:
            if self._quote_ends_sentence(p):
                cuts.add(p.close + 1)
        cuts.add(len(m))
        out = []
        s = 0
        for c in sorted(cuts):
            if c > s:
                while c - s > LONGEST_SENTENCE:
                    cut = m.rfind(" ", s + 1, s + LONGEST_SENTENCE)
                    cut = cut if cut > s else s + LONGEST_SENTENCE
                    out.append((s, cut))
                    s = cut
                out.append((s, c))
                s = c
        return out

    def _abbreviation_at(self, i: int, end: int) -> bool:
        """Is the period at ``i`` an abbreviation's (``Mr.``, ``J.``, ``U.S.`` before a name)?"""
        m = self.masked
        if m[i] != ".":
            return False
        w = word_before(m, max(0, i - 40), i)
        if not w:
            return False
        if w.lower().rstrip(".") in ABBREVIATIONS or (len(w) == 1 and w.isupper()):
            return True
        if DOTTED_INITIALS.fullmatch(w):
            nxt = NEXT_WORD.match(m, end)
            return bool(nxt and norm(nxt.group(1)) not in FUNCTION_WORDS)
        return False

    def _quote_ends_sentence(self, p: Piece) -> bool:
        """A quotation whose words end a sentence ("... occur.") ends the
        sentence unless a short attribution follows (``"... occur." Price said.``)."""
        t = self.text
        c = p.close
        if c >= len(t) or t[p.hi - 1] not in ".!?…" or not NEXT_SENTENCE.match(t, c + 1):
            return False
        hi = len(t)
        nm = MARK.search(t, c + 1)
        if nm:
            hi = nm.start()
        k = bisect_left(self._end_starts, c + 1)  # the next sentence end, as SENT_END.search(m, c + 1) finds it
        if k < len(self._ends):
            hi = min(hi, self._ends[k][1])
        return trailing_cue(self.index, t, self.masked, c, hi, terminal=True) is None

    def _verbs_before_quotes(self) -> dict[int, tuple[list[re.Match], list[int]]]:
        """For each sentence holding a quotation's opening mark, its speech
        verbs up to the last such mark (one scan per sentence, however many
        quotations it holds)."""
        last_open: dict[int, int] = {}
        for p in self.pieces:
            s = self.sentence_of(p.open)[0]
            last_open[s] = max(last_open.get(s, p.open), p.open)
        out = {}
        for s, hi in last_open.items():
            verbs = speech_verbs(self.masked, s, hi)
            out[s] = (verbs, [vm.end() for vm in verbs])
        return out


def word_before(t: str, lo: int, i: int) -> str:
    """The word (letters, digits, ``_`` and periods) that ends at ``i``,
    starting at ``lo`` at the earliest; ``""`` when none does.

    >>> word_before("said Mr. Lee", 0, 7), word_before("said Mr. Lee", 0, 9), word_before("U.S.A", 2, 5)
    ('Mr', '', 'S.A')

    A walk back from ``i``: the pattern ``[\\w.]+$`` searched from ``lo``
    finds the same word but tries every place from ``lo`` on.
    """
    j = i
    while j > lo and (t[j - 1].isalnum() or t[j - 1] in "._"):  # isalnum or "_": what \w means
        j -= 1
    return t[j:i]


def _pieces(t: str, spans: list[tuple[int, int]], continues: bool) -> list[Piece]:
    """The non-empty quotations of ``spans``, their words trimmed of space."""
    out = []
    for k, (o, c) in enumerate(spans):
        lo, hi = o + 1, c
        while lo < hi and t[lo].isspace():
            lo += 1
        while hi > lo and t[hi - 1].isspace():
            hi -= 1
        if hi > lo:
            out.append(Piece(lo, hi, o, c, k == 0 and continues and t[:o].strip() == ""))
    return out


def _mask(t: str, spans: list[tuple[int, int]], blanks: Sequence[tuple[int, int]] = ()) -> str:
    """``t`` with every character strictly inside each span made :data:`MASK`,
    and each of ``blanks`` (a nickname and its marks) made spaces, so the
    name around it reads as one (``Marcia "Cia" Price`` -> ``Marcia       Price``)."""
    parts = []
    pos = 0
    for o, c in spans:
        parts.append(t[pos : o + 1])
        parts.append(MASK * (c - o - 1))
        pos = c
    parts.append(t[pos:])
    out = "".join(parts)
    for o, c in blanks:
        out = out[:o] + " " * (c + 1 - o) + out[c + 1 :]
    return out


def _is_nickname(t: str, span: tuple[int, int]) -> bool:
    """Are the marks at ``span`` around a nickname inside a name: one to
    three capitalised words (or "the") between a given name and a surname
    (``Marcia "Cia" Price``, ``Dwayne "The Rock" Johnson``)?"""
    o, c = span
    words = t[o + 1 : c].split()
    if not 1 <= len(words) <= 3 or not all(w[:1].isupper() or w.lower() == "the" for w in words):
        return False
    return NAME_BEFORE.search(t, max(0, o - 30), o) is not None and NAME_AFTER.match(t, c + 1) is not None
