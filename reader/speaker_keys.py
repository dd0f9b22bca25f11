"""The keys by which speakers' names are compared across articles.

Public API::

    name_key(name)      casefolded words:            "José Álvarez" -> "jose alvarez"
    person_key(name)    a person's name, no initials or suffixes, no title typo
    org_key(name)       an organisation's name, no "the" or corporate suffix,
                        a government body's words in any order
    initials(name)      "General Motors Corp" -> "GM"
    acronym(alias)      "WHO", "S&P", "S and P" -> "WHO", "SP", "SP"; else None
    anonymous_key(name) "Some traders", "the traders" -> "traders"
    is_place(name)      "Poland", "Washington", "the United States": a place speaking
    is_generic(name)    a description rather than a name ("the company")

Worked examples (each pair has one key, so the directory merges them)::

    >>> org_key("Baker Hughes Inc") == org_key("Baker Hughes")
    True
    >>> org_key("U.S. Agriculture Department") == org_key("U.S. Department of Agriculture")
    True
    >>> initials("Standard and Poor's Corp"), acronym("S and P")
    ('SP', 'SP')
    >>> person_key("Secertary James Baker"), person_key("Treasury Secretary Ana Lindqvist")
    ('james baker', 'ana lindqvist')
    >>> person_key("Joseph R. Biden Jr."), person_key("Mary Jane Watson")
    ('joseph biden', 'mary jane watson')

Pure Python, no UI imports.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz

from reader.attribution.lexicon.grammar import DETERMINERS
from reader.attribution.lexicon.people import SPEAKER_NOUNS, THING_NOUNS, TITLES
from reader.attribution.lexicon.places import COUNTRIES, MULTI_WORD_PLACES, PLACES
from reader.query import normalize

__all__ = [
    "acronym",
    "anonymous_key",
    "initials",
    "is_generic",
    "is_honorific",
    "is_place",
    "name_key",
    "org_key",
    "person_key",
]

_WORD = re.compile(r"[^\W_]+")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_ORG_SKIP = frozenset({"of", "the", "and", "for", "de", "du", "la", "le", "des", "on", "in", "at", "&"})
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,9}$")
# "S and P", "S&P", "A & P": single letters joined by "and" or "&".
_LETTERS_AND = re.compile(r"^[A-Z]\.?(?:\s*(?:&|and)\s*[A-Z]\.?)+$")

# Legal forms that end a company's name and do not tell two companies apart.
CORPORATE_SUFFIXES = frozenset(
    "inc corp corporation co cos ltd limited llc plc ag sa nv gmbh bv spa ab asa oyj kk lp".split()
)
# Nouns of government and public bodies, whose names are written in either
# order ("Agriculture Department", "Department of Agriculture").
BODY_NOUNS = frozenset("department ministry office agency bureau commission council committee board".split())

# Words that alone never make a name: "the company", "Corp", "a statement".
_GENERIC_WORDS = (
    SPEAKER_NOUNS
    | THING_NOUNS
    | DETERMINERS
    | CORPORATE_SUFFIXES
    | frozenset(
        """
        exchange department ministry firm unit subsidiary parent concern bank group agency company companies
        """.split()
    )
)
_LONG_TITLES = sorted(t for t in TITLES if len(t) >= 6 and t.isalpha())


def is_generic(name: str) -> bool:
    """A description rather than a name (``the company``, ``Corp``, ``report``):
    such speakers stay per article, like anonymous sources."""
    stripped = name.strip()
    if not stripped or not stripped[0].isupper():
        return True
    words = _WORD.findall(normalize(stripped))
    return all(w in _GENERIC_WORDS for w in words)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Casefolded, accent-free words of a name joined by single spaces."""
    return " ".join(_WORD.findall(normalize(name)))


@lru_cache(maxsize=65536)
def person_key(name: str) -> str:
    """A person's name without initials, ``Jr``-style suffixes or a leading
    title, even a misspelt one (``Secertary James Baker`` -> ``james baker``)."""
    words = _WORD.findall(normalize(name))
    kept = [w for w in words if len(w) > 1 and w not in _SUFFIXES]
    # "Treasury Secretary Ana Lindqvist": cut after the last title before the last two words
    titles = [i for i, w in enumerate(kept[:-2]) if _is_title(w)]
    if titles:
        kept = kept[titles[-1] + 1 :]
    return " ".join(kept or words)


def _is_title(word: str) -> bool:
    """``secretary`` or a typo of a long title (``secertary``, ``presidnet``)."""
    if word in TITLES:
        return True
    return len(word) >= 6 and any(fuzz.ratio(word, t) >= 85 for t in _LONG_TITLES if abs(len(t) - len(word)) <= 2)


@lru_cache(maxsize=65536)
def org_key(name: str) -> str:
    """An organisation's words without a leading ``the`` or a trailing legal
    form; a government body's words sorted, without ``of``/``the``/``for``."""
    words = _WORD.findall(normalize(name))
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in CORPORATE_SUFFIXES:
        words = words[:-1]
    if len(words) > 1 and words[-1] == "and":  # "Smith and Co" -> "smith"
        words = words[:-1]
    if any(w in BODY_NOUNS for w in words):
        return " ".join(sorted(w for w in words if w not in _ORG_SKIP))
    return " ".join(words)


def initials(name: str) -> str:
    """``China Global TV Network`` -> ``CGTN``; ``Bank of England`` -> ``BE``;
    a legal form does not count (``General Motors Corp`` -> ``GM``)."""
    out = []
    words = re.findall(r"[^\W_][\w'’\-]*", name)
    while len(words) > 1 and words[-1].lower().rstrip(".") in CORPORATE_SUFFIXES:
        words = words[:-1]
    for word in words:
        if word.lower() in _ORG_SKIP:
            continue
        if word.isupper() and len(word) > 1:
            out.append(word)  # an acronym inside a name ("TV") keeps its letters
        else:
            out.append(word[0])
    return "".join(out).upper()


def acronym(alias: str) -> str | None:
    """The letters of an acronym (``WHO``, ``U.S.D.A.``, ``S&P``, ``S and P``), else None."""
    if _LETTERS_AND.match(alias):
        return "".join(c for c in alias if c.isupper() and c.isalpha() and c != "&")
    compact = alias.replace(".", "").replace("&", "")
    return compact.upper() if _ACRONYM.match(alias) and compact.isupper() and len(compact) >= 2 else None


@lru_cache(maxsize=65536)
def anonymous_key(name: str) -> str:
    """An anonymous source's description without its determiner:
    ``Some traders``, ``the traders`` and ``traders`` are one group."""
    words = _WORD.findall(normalize(name))
    while len(words) > 1 and words[0] in DETERMINERS:
        words = words[1:]
    return " ".join(words)


# Bodies that the place lists name but that speak as organisations.
_NOT_PLACES = frozenset({"nato", "united nations", "european union", "white house"})
_PLACE_KEYS = (PLACES | COUNTRIES | frozenset(" ".join(p).lower() for p in MULTI_WORD_PLACES)) - _NOT_PLACES


def is_place(name: str) -> bool:
    """A country or capital, which speaks as its government::

    >>> is_place("Poland"), is_place("the United States"), is_place("White House"), is_place("Lima Bean Co")
    (True, True, False, False)
    """
    words = _WORD.findall(normalize(name))
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words) in _PLACE_KEYS


_HONORIFICS = frozenset("mr mrs ms miss mx sir dame madam madame lord lady dr herr frau monsieur mme".split())


def is_honorific(role: str) -> bool:
    """``Ms``, ``Mr.``, ``Sir``, ``Dr.``: a form of address, not a role::

    >>> is_honorific("Mr."), is_honorific("Sir"), is_honorific("Treasury Secretary")
    (True, True, False)
    """
    words = _WORD.findall(normalize(role))
    return bool(words) and all(w in _HONORIFICS for w in words)
