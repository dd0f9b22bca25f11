"""Tokens: the words and punctuation of a stretch of text, with offsets.

>>> [t.text for t in tokenize("Sen. Ann Lee, al-Amr said", 0, 25)]
['Sen.', 'Ann', 'Lee', ',', 'al-Amr', 'said']
>>> tokenize("Ann Lee", 0, 7)[1]
Token(text='Lee', start=4, end=7)
>>> is_cap_token("al-Amr"), is_cap_token("al"), is_word(",")
(True, False, False)
"""

from __future__ import annotations

from typing import NamedTuple

from .patterns import MASK, MASK_RUN, PARTICLE_INITIALS, PARTICLE_NAME, TOKEN


class Token(NamedTuple):
    """A word or punctuation mark; ``start``/``end`` are offsets in the text it came from."""

    text: str
    start: int
    end: int


_new = tuple.__new__  # Token(...) without the Python-level __new__: tokens are made by the million


def tokenize(text: str, lo: int, hi: int) -> list[Token]:
    """The tokens of ``text[lo:hi]`` (offsets into ``text``).

    In a masked paragraph each :data:`~reader.attribution.patterns.MASK`
    is a token of its own and no other token holds one, so a run of them
    (a quotation, often most of the characters) becomes its tokens without
    the regular expression: the same tokens, several times faster.

    >>> [t.text for t in tokenize("He said " + MASK * 2 + " then", 0, 15)] == ["He", "said", MASK, MASK, "then"]
    True
    """
    k = text.find(MASK, lo, hi)
    if k < 0:
        return [_new(Token, (m.group(), m.start(), m.end())) for m in TOKEN.finditer(text, lo, hi)]
    out: list[Token] = []
    pos = lo
    while k >= 0:
        out += [_new(Token, (m.group(), m.start(), m.end())) for m in TOKEN.finditer(text, pos, k)]
        pos = MASK_RUN.match(text, k, hi).end()
        out += [_new(Token, (MASK, i, i + 1)) for i in range(k, pos)]
        k = text.find(MASK, pos, hi)
    out += [_new(Token, (m.group(), m.start(), m.end())) for m in TOKEN.finditer(text, pos, hi)]
    return out


def is_cap_token(tok: str) -> bool:
    """Does the token start a name: a capital, or a particle joined by a hyphen ("al-Amr")?"""
    c = tok[:1]
    return c.isupper() or c in PARTICLE_INITIALS and PARTICLE_NAME.match(tok) is not None


def is_word(tok: str) -> bool:
    """A word or number, not punctuation."""
    return tok[:1].isalnum()


def words_of(tokens: list[Token]) -> list[str]:
    """The texts of ``tokens``."""
    return [t.text for t in tokens]
