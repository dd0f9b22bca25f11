"""Query parsing and text normalisation for the search engine.

A query is a mix of free words, filters and phrases::

    @wang balloon            quotes by a speaker named like "wang" with "balloon"
    speaker:"antony blinken" the same filter, with a multi-word name
    outlet:npr tariffs       only articles from an outlet like "npr"
    "exact phrase"           the words in this order, next to each other

Words are normalised the same way as indexed text: casefolded, accents
stripped (``Wiśniewski`` -> ``wisniewski``), split on anything that is not a
letter or a digit.  The last word of a query that does not end in a space is
*partial*: the user is still typing it, so it is matched as a prefix.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Query", "parse_query", "normalize", "terms", "term_spans"]

# Letters NFKD does not decompose into base letter + combining mark.
_FOLD = str.maketrans(
    {
        "ł": "l", "đ": "d", "ð": "d", "ø": "o", "ħ": "h", "ı": "i", "ŀ": "l",
        "æ": "ae", "œ": "oe", "þ": "th", "ß": "ss", "ŧ": "t", "ƒ": "f",
    }
)

_ASCII_WORD = re.compile(r"[a-z0-9]+")
_ASCII_WORD_ANY_CASE = re.compile(r"[A-Za-z0-9]+")
# A word in raw text: letters/digits, plus combining marks of decomposed input.
_RAW_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
_NORM_WORD = re.compile(r"[^\W_]+")


def normalize(text: str) -> str:
    """Casefold and strip accents; keeps everything else (spaces, punctuation)."""
    text = text.casefold()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.translate(_FOLD)


def _norm_token(token: str) -> list[str]:
    return _NORM_WORD.findall(normalize(token))


# ASCII bytes: letters/digits lowercased, everything else a space.
_ASCII_FOLD = bytes(
    (ord(chr(i).lower()) if chr(i).isalnum() else 32) if i < 128 else 32 for i in range(256)
)


def terms(text: str) -> list[str]:
    """The normalised index terms of ``text``, in order (duplicates kept)."""
    if text.isascii():
        # same as _ASCII_WORD.findall(text.lower()), three times faster
        return text.encode("ascii").translate(_ASCII_FOLD).decode("ascii").split()
    out: list[str] = []
    for tok in _RAW_WORD.findall(text):
        if tok.isascii():
            out.append(tok.lower())
        else:
            out.extend(_norm_token(tok))
    return out


def term_spans(text: str) -> list[tuple[str, int, int]]:
    """``(term, start, end)`` for every term of ``text``; spans are in ``text``.

    Yields the same terms, in the same order, as :func:`terms`.  A raw word
    that normalises to several terms yields each with the word's span.
    """
    if text.isascii():
        return [(m.group().lower(), m.start(), m.end()) for m in _ASCII_WORD_ANY_CASE.finditer(text)]
    out: list[tuple[str, int, int]] = []
    for m in _RAW_WORD.finditer(text):
        tok = m.group()
        if tok.isascii():
            out.append((tok.lower(), m.start(), m.end()))
        else:
            for t in _norm_token(tok):
                out.append((t, m.start(), m.end()))
    return out


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query.  All strings are normalised (see :func:`normalize`)."""

    words: tuple[str, ...] = ()
    """Free terms, in query order."""
    phrases: tuple[tuple[str, ...], ...] = ()
    """Each phrase's terms, in order."""
    speakers: tuple[str, ...] = ()
    """Speaker filters (``@wang``, ``speaker:"wang yi"``), space-joined terms."""
    outlets: tuple[str, ...] = ()
    """Outlet filters (``outlet:npr``), space-joined terms."""
    partial_word: bool = False
    """The last free word is still being typed: match it as a prefix."""
    partial_phrase: bool = False
    """The last phrase is unterminated and its last term still being typed."""

    @property
    def empty(self) -> bool:
        return not (self.words or self.phrases or self.speakers or self.outlets)


_TOKEN = re.compile(
    r"""
    (?P<field>@|(?:speaker|by|outlet|source):)?
    (?:
        "(?P<quoted>[^"]*)(?P<close>"?)
      | (?P<bare>[^\s"]+)
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)


def parse_query(text: str) -> Query:
    """Parse a query typed in the search box.  Never raises."""
    words: list[str] = []
    phrases: list[tuple[str, ...]] = []
    speakers: list[str] = []
    outlets: list[str] = []
    partial_word = partial_phrase = False
    ends_open = bool(text) and not text[-1].isspace()
    for m in _TOKEN.finditer(text):
        field = (m.group("field") or "").lower()
        quoted = m.group("quoted")
        raw = quoted if quoted is not None else m.group("bare")
        toks = terms(raw or "")
        at_end = m.end() == len(text)
        if field in ("@", "speaker:", "by:"):
            if toks:
                speakers.append(" ".join(toks))
        elif field in ("outlet:", "source:"):
            if toks:
                outlets.append(" ".join(toks))
        elif quoted is not None:
            if toks:
                phrases.append(tuple(toks))
                # An unterminated phrase at the end: its last word is being typed.
                partial_phrase = not m.group("close") and at_end and ends_open
        else:
            if toks:
                words.extend(toks)
                partial_word = at_end and ends_open and raw[-1:].isalnum()
    return Query(
        words=tuple(words),
        phrases=tuple(phrases),
        speakers=tuple(speakers),
        outlets=tuple(outlets),
        partial_word=partial_word,
        partial_phrase=partial_phrase,
    )
