"""Tokens: the words and punctuation of a stretch of text, with offsets.

>>> [t.text for t in tokenize("Sen. Ann Lee, al-Amr said", 0, 25)]
['Sen.', 'Ann', 'Lee', ',', 'al-Amr', 'said']
>>> tokenize("Ann Lee", 0, 7)[1]
Token(text='Lee', start=4, end=7)
>>> is_cap_token("al-Amr"), is_cap_token("al"), is_word(",")
(True, False, False)
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from itertools import repeat
from operator import itemgetter
from typing import Any, NamedTuple, TypeVar

from .patterns import MASK, MASK_RUN, PARTICLE_INITIALS, PARTICLE_NAME, TOKEN


class Token(NamedTuple):
    """A word or punctuation mark; ``start``/``end`` are offsets in the text it came from."""

    text: str
    start: int
    end: int


_T = TypeVar("_T")
_start = itemgetter(1)  # a token's start
_new = tuple.__new__  # Token(...) without the Python-level __new__: tokens are made by the million


def tokenize(text: str, lo: int, hi: int) -> list[Token]:
    """The tokens of ``text[lo:hi]`` (offsets into ``text``); a
    :class:`TokenisedText` answers from its own tokens."""
    if type(text) is TokenisedText:
        return text.tokens(lo, hi)
    return _tokenize(text, lo, hi)


class TokenisedText(str):
    """A text asked for its tokens many times (a masked paragraph: one
    search for a subject per quotation, each reading up to 300 characters
    back): once the stretches read add up to the length of the text, the
    tokens of the whole text are made, and each answer after that is a
    slice of them (so a text costs at most about twice one reading).

    A slice is what :func:`_tokenize` would give: a token starts wherever
    its first character can start one, whatever comes before, so reading
    from ``lo`` finds the same tokens as reading from 0, unless a token runs
    over ``lo`` or ``hi`` (then the stretch is read anew).

    >>> t = TokenisedText("Ann Lee said, Mr. Roe said")
    >>> [tokenize(t, 4, 12) for _ in range(5)] == [_tokenize(t, 4, 12)] * 5
    True
    >>> tokenize(t, 14, 16), tokenize(t, 14, 17)[0].text
    ([Token(text='Mr', start=14, end=16)], 'Mr.')
    """

    _memo: dict[tuple[Callable[..., Any], int, int], Any]  # see remembered(); set on first use

    def tokens(self, lo: int, hi: int) -> list[Token]:
        toks = self.__dict__.get("_tokens")
        if toks is None:
            read = self.__dict__.get("_read", 0)
            if read < len(self):
                self._read = read + max(0, hi - lo)
                return _tokenize(self, lo, hi)
            toks = self._tokens = _tokenize(self, 0, len(self))
        i = bisect_left(toks, lo, key=_start)
        j = bisect_left(toks, hi, lo=i, key=_start)
        if i >= j:
            return [] if i == 0 or toks[i - 1].end <= lo else _tokenize(self, lo, hi)
        if i > 0 and toks[i - 1].end > lo or toks[j - 1].end > hi:
            return _tokenize(self, lo, hi)  # a token runs over an end
        return toks[i:j]

    def remembered(self, finder: Callable[[str, int, int], _T], lo: int, hi: int) -> _T:
        """``finder(self, lo, hi)``, worked out once per ``(finder, lo, hi)``:
        the cues of a quotation and the reported clause of its sentence
        often ask for the same subject.  ``finder`` must be a pure function of
        its arguments whose answer is immutable (a :class:`~.mentions.Mention`).

        >>> t = TokenisedText("Ann Lee said")
        >>> t.remembered(_tokenize, 0, 7) is t.remembered(_tokenize, 0, 7)
        True
        """
        memo = self.__dict__.get("_memo")
        if memo is None:
            memo = self._memo = {}
        key = (finder, lo, hi)
        if key in memo:
            return memo[key]
        found = memo[key] = finder(self, lo, hi)
        return found


def _tokenize(text: str, lo: int, hi: int) -> list[Token]:
    """The tokens of ``text[lo:hi]``, read with :data:`~reader.attribution.patterns.TOKEN`.

    In a masked paragraph each :data:`~reader.attribution.patterns.MASK`
    is a token of its own and no other token holds one, so a run of them
    (a quotation, often most of the characters) becomes its tokens without
    the regular expression: the same tokens, several times faster.

    >>> [t.text for t in tokenize("He said " + MASK * 2 + " then", 0, 15)] == ["He", "said", MASK, MASK, "then"]
    True
    """
    lo, hi = min(max(lo, 0), len(text)), min(max(hi, 0), len(text))  # as re reads pos and endpos
    k = text.find(MASK, lo, hi)
    if k < 0:
        return read_tokens(text, lo, hi)
    out: list[Token] = []
    pos = lo
    while k >= 0:
        out += read_tokens(text, pos, k)
        pos = MASK_RUN.match(text, k, hi).end()  # type: ignore[union-attr]  # text[k] is a MASK: it matches
        out += map(_new, repeat(Token), zip(repeat(MASK), range(k, pos), range(k + 1, pos + 1)))  # all in C
        k = text.find(MASK, pos, hi)
    out += read_tokens(text, pos, hi)
    return out


def read_tokens(text: str, lo: int, hi: int) -> list[Token]:
    """The tokens of ``text[lo:hi]`` by the regular expression: its words
    (``findall``), each placed with ``str.find`` from the end of the one
    before, which lands on the match itself (no token can start in the gap
    between two matches: a character that starts a token is matched there).

    >>> t = "a Mr. Lee, 'x' -x"
    >>> read_tokens(t, 0, 17) == [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(t)]
    True
    """
    out: list[Token] = []
    add = out.append
    find = text.find
    pos = lo
    for w in TOKEN.findall(text, lo, hi):
        pos = find(w, pos)
        end = pos + len(w)
        add(_new(Token, (w, pos, end)))
        pos = end
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
