"""Quotations: what kind each is, and which cue speaks for it.

A quotation is *direct* when it stands as a sentence of its own or after a
speech verb, comma or colon (``Price said: "..."``), *partial* when it sits
inside the writer's sentence (``Price called the plan "a mistake"``).
After ``so-called``, ``the film`` and the like it is a title or scare quote,
and so is a short Title-Case or four-word partial quotation no cue claims.

The cue chosen, in order: for a direct quotation the one after it, else the
one before it; for a partial one the reverse; then a previous paragraph
ending with ``X said:`` (for a quotation opening its paragraph), then the
sentence before (for one opening its sentence).

>>> from reader.attribution.paragraph import Paragraph
>>> par = Paragraph(0, 0, 'Price called the plan "a mistake" on Monday.')
>>> shape = shape_of(par, par.pieces[0], multi=False)
>>> shape.kind, shape.words
('partial', 2)
>>> choose_cue([par], [(par, par.pieces[0])], shape).cue.mention.text
'Price'
"""

from __future__ import annotations

from typing import NamedTuple

from .cues import Cue, after_cue, colon_cue, left_cue, previous_sentence_cue, signoff_cue
from .paragraph import Paragraph, Piece
from .patterns import MASK, SO_CALLED, VERB, VERB_AT_END, WORD

_TITLE_WORDS = 5  # a Title-Case quotation this short is a title
_SCARE_WORDS = 4  # an unattributed partial quotation this short is a scare quote
# the small words a title leaves in lower case ("Face the Nation", "Gone with the Wind")
_TITLE_SMALL_WORDS = frozenset("a an the of and or in on at to for with by from as".split())


class Shape(NamedTuple):
    """What a quotation looks like, before anyone is credited with it."""

    kind: str  # "direct" or "partial"
    title_case: bool  # five words or fewer, each capitalised or short; one capitalised or a lone short word; no sentence end
    words: int
    scare_prefix: bool  # after "so-called", "the film", "known as" ...
    opens_sentence: bool  # nothing but earlier quotations before it in its sentence


class Choice(NamedTuple):
    """The cue chosen for a quotation, and the two it was chosen from."""

    cue: Cue | None
    left: Cue | None  # the cue before the quotation in its sentence
    adjacent: bool  # ... and nothing but time phrases or "told X," between
    after: Cue | None  # the cue after it


def shape_of(par: Paragraph, first: Piece, multi: bool) -> Shape:
    """The shape of the quotation whose first piece is ``first`` (``multi``:
    it runs over several paragraphs, which makes it direct)."""
    text = par.text[first.lo : first.hi]
    left_s = par.masked[par.sentence_of(first.open)[0] : first.open].rstrip()
    # drop any earlier masked quote in the same sentence for the kind decision
    left_tail = left_s.rsplit(MASK, 1)[-1].lstrip('"“” ')
    if multi or not left_tail or left_tail.endswith((",", ":", "—", "–")) or \
            VERB.search(left_tail[-25:] + " ") and VERB_AT_END.search(left_tail):
        kind = "direct"
    else:
        kind = "partial"
    words = WORD.findall(text)
    title_case = len(words) <= _TITLE_WORDS and (any(w[0].isupper() for w in words) or (len(words) == 1 and len(words[0]) <= 3)) and \
        not (len(words) > 1 and text.rstrip(" ,'\"’”").endswith((".", "!", "?"))) and \
        all(w[0].isupper() or not w[0].isalpha() or len(w) <= 3 for w in words)
    # (a nickname inside a name, 'Marcia "Cia" Price', is no quotation at all: see paragraph._is_nickname)
    scare_prefix = bool(SO_CALLED.search(left_s[-40:])) or (kind == "partial" and is_title_text(words))
    return Shape(kind, title_case, len(words), scare_prefix, not left_tail)


def is_title_text(words: list[str]) -> bool:
    """Is every word capitalised, as in the name of a show, book or song
    (``Face the Nation`` keeps its small words low), and not an exclamation?

    >>> is_title_text("Face the Nation".split()), is_title_text("a nasty man".split())
    (True, False)
    """
    caps = 0
    for w in words:
        if w[0].isupper():
            caps += 1
        elif w.isalpha() and w not in _TITLE_SMALL_WORDS:
            return False
    return caps >= 2


def choose_cue(paragraphs: list[Paragraph], group: list[tuple[Paragraph, Piece]], shape: Shape) -> Choice:
    """The cue that speaks for the quotation made of the pieces ``group``."""
    par, first = group[0]
    after = after_cue(*group[-1]) or signoff_cue(*group[-1])
    left, adjacent = left_cue(par, first)
    cue = None
    if not shape.scare_prefix:
        cue = (left or after) if shape.kind == "partial" else (after or left)
        if cue is None and shape.kind == "direct":
            if first.open == par.indent and par.index > 0:
                cue = colon_cue(paragraphs[par.index - 1])
            if cue is None and shape.opens_sentence:
                cue = previous_sentence_cue(par, first)
    return Choice(cue, left, adjacent, after)


def is_scare(shape: Shape, credited: bool) -> bool:
    """Is the quotation a title or scare quote, given whether anyone was credited?"""
    return shape.scare_prefix or (not credited and (shape.title_case or (shape.kind == "partial"
                                                                          and shape.words <= _SCARE_WORDS)))


def cue_is_weak(shape: Shape, choice: Choice) -> bool:
    """A short Title-Case partial quotation whose only cue is a verb earlier
    in the sentence, not next to it (``Price praised the book "Great
    Expectations"``): the cue is not trusted."""
    return shape.title_case and shape.kind == "partial" and choice.left is not None and not choice.adjacent \
        and choice.after is None
