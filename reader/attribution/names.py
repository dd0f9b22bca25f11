"""Names, titles, roles and aliases: who a mention in an article refers to.

Pure functions used by the mention finders and by the per-article registry
(:mod:`reader.attribution.registry`, which applies the rules below).  The
word lists they test against are in :mod:`reader.attribution.lexicon`;
nothing is tuned to particular articles.

Canonical-name rules (documented, and relied on by the tests):

* **Persons**: titles and roles are not part of the name.  ``Secretary of
  State Antony Blinken`` is ``Antony Blinken`` with role ``Secretary of
  State``; a bare surname (``Blinken``) or a bare given name of a name written
  family-name first (``Wang`` for ``Wang Yi``) becomes the longest full name
  seen anywhere in the article that ends (or, failing that, starts) with it.
  ``the Secretary`` / ``the spokesperson`` becomes the person whose role
  contains that title word.  A name never written in full stays as written
  (``Biden``).
* **Organisations**: the name as written without a leading ``the``
  (``Pentagon``, ``State Department``).  ``Full Name (ACR)`` makes one
  speaker: the canonical name is the full name and the acronym is an alias,
  so later ``ACR`` mentions resolve to the full name.
* **Anonymous sources**: the noun phrase as written without its leading
  determiner (a/an/the/one/another/some) and without trailing relative
  clauses: ``a source with knowledge of the matter`` -> ``source with
  knowledge of the matter``; a later definite reference with the same head
  noun (``the source``) joins that speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .lexicon.grammar import DETERMINERS
from .lexicon.organisations import COMPANY_SUFFIXES, NAME_CLOSERS, ORDINALS, ORG_WORDS
from .lexicon.people import (
    DESCRIPTOR_SUFFIXES,
    DESCRIPTORS,
    FEMALE_TITLES,
    GENERAL_AFTER,
    MALE_TITLES,
    NOT_PERSON_NOUNS,
    ORG_TITLES,
    PARTY_MEMBERS,
    PERSON_SUFFIXES,
    ROLE_HEADS,
    ROLE_MODIFIERS,
    ROLE_NOUNS,
    SPEAKER_NOUNS,
    TITLES,
    WEAK_TITLES,
)
from .lexicon.places import COUNTRIES, PLACES, US_STATES
from .patterns import ROLE_BEFORE

# "the mayor", "the senator", "the nominee": titles and role nouns that head a
# description of a person (not the abbreviations and forms of address)
_TITLE_HEADS = (TITLES | ROLE_NOUNS) - frozenset(
    "mr mrs ms miss mx dr sir dame lord lady madam sen rep prof rev gen adm col capt maj lt sgt cpl cmdr supt "
    "det dr. mp mep qc kc chief general major father mother son daughter wife husband brother sister mate "
    "partner head deputy".split())


@lru_cache(maxsize=16384)
def norm(word: str) -> str:
    """Lower-case a token and drop a trailing period (``Mr.`` -> ``mr``)."""
    return word.lower().rstrip(".")


def is_title(word: str) -> bool:
    return norm(word) in TITLES


def speaker_head(word: str) -> bool:
    """Can a noun phrase headed by ``word`` be a source of speech?

    >>> speaker_head("spokeswoman"), speaker_head("Economist"), speaker_head("human")
    (True, True, False)
    """
    w = word.lower()
    if w in SPEAKER_NOUNS or w in _TITLE_HEADS:
        return True
    return len(w) > 4 and w.endswith(PERSON_SUFFIXES) and w not in NOT_PERSON_NOUNS


def split_role(tokens: Sequence[str]) -> tuple[str | None, list[str]]:
    role, name = _split_role(tuple(tokens))
    return role, list(name)


@lru_cache(maxsize=8192)
def _split_role(tokens: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
    """Split a capitalised run into ``(role, name tokens)``.

    ``["U.S.", "Secretary", "of", "State", "Antony", "Blinken"]`` ->
    ``("U.S. Secretary of State", ["Antony", "Blinken"])``.  The role is
    everything up to the last title word (plus an ``of <Dept>`` tail);
    ``General`` only counts as a title when two or more words follow it
    (``General Motors`` stays a name).
    """
    last = -1
    n = len(tokens)
    if n >= 2 and tokens[0].lower().endswith("-based"):
        # "California-based Baker", "Ohio-based Gencorp": where it is based is a description
        role, rest = _split_role(tokens[1:])
        return (tokens[0] + (" " + role if role else "")), rest
    p = leading_place(tokens)
    if p and n - p >= 2 and norm(tokens[p]) in PARTY_MEMBERS and not any(norm(t) in ORG_WORDS for t in tokens[p:]):
        # "Maryland Democrat Barbara Mikulski", "New York Republican Al Doe": a place and a party describe
        role, rest = _split_role(tokens[p + 1 :])
        return " ".join(tokens[: p + 1]) + (" " + role if role else ""), rest
    if n >= 3 and is_descriptor(tokens[0]) and not any(norm(t) in ORG_WORDS for t in tokens[1:]):
        # "Scientologist Tom Cruise", "Democrat Nancy Pelosi", "Swedish
        # striker ..." capitalised at a sentence start: a description
        role, rest = _split_role(tokens[1:])
        return (tokens[0] + (" " + role if role else "")), rest
    for i, tok in enumerate(tokens):
        w = norm(tok)
        if w in TITLES and i < n - 1:
            if w in WEAK_TITLES and n - i - 1 < 2:
                continue
            if w in ORG_TITLES:
                if i > 0 and norm(tokens[i - 1]) in GENERAL_AFTER:
                    last = i  # "Attorney General", "Secretary General"
                    continue
                if any(norm(t) in ORG_WORDS for t in tokens[i + 1 :]):
                    continue  # "General Motors Corp", "General Electric Co": a name
            last = i
    if last < 0:
        return None, tokens
    end = last + 1
    # "Secretary of State", "Minister of Foreign Affairs"
    if end < n - 1 and tokens[end].lower() == "of":
        j = end + 1
        while j < n - 1 and (norm(tokens[j]) in ROLE_MODIFIERS or tokens[j] in ("and", "&") and j > end + 1
                             and j + 2 < n and norm(tokens[j + 1]) in ROLE_MODIFIERS):
            j += 1  # "Minister of Energy and Mines Subroto"
        if j == end + 1 and j < n - 2 and tokens[j][:1].isupper():
            j += 1  # "Governor of Washington Chris Gregoire"
        if j > end + 1:
            end = j
    # "Secretary Blinken" fine; "Prime Minister" already in role.
    rest = tokens[end:]
    if not rest:
        return " ".join(tokens), ()
    return " ".join(tokens[:end]), rest


def written_name(name: str) -> str:
    """A name as written, without the wire's ticker markup around or after it.

    >>> written_name("Swissair <SWSZ.Z"), written_name("Willemijn Holding BV> of Rotterdam")
    ('Swissair', 'Willemijn Holding BV')
    >>> written_name("<Bond Corp International Ltd>"), written_name("Ann Lee")
    ('Bond Corp International Ltd', 'Ann Lee')
    """
    if "<" not in name and ">" not in name:
        return name
    name = name.lstrip("<")
    cut = min((i for i in (name.find("<"), name.find(">")) if i >= 0), default=len(name))
    return name[:cut].strip()


def is_descriptor(word: str) -> bool:
    """A capitalised occupation, party or nationality word that can stand
    before a name without being part of it."""
    w = norm(word)
    return w in DESCRIPTORS or (len(w) > 6 and w.endswith(DESCRIPTOR_SUFFIXES))


def leading_place(tokens: Sequence[str]) -> int:
    """How many of the first tokens name a US state, a country or a capital
    (one or two words), or 0.

    >>> leading_place(["New", "York", "Republican"]), leading_place(["Texas", "Republican"])
    (2, 1)
    >>> leading_place(["Barbara", "Mikulski"])
    0
    """
    if len(tokens) >= 2 and "-".join(tokens[:2]).lower() in US_STATES:
        return 2
    w = norm(tokens[0]) if tokens else ""
    return 1 if w in US_STATES or w in COUNTRIES or w in PLACES else 0


def is_place_description(words: Sequence[str]) -> bool:
    """A place and a party member and nothing else: ``Maryland Democrat``,
    ``Texas Republicans`` (a description, never a name).

    >>> is_place_description(["Maryland", "Democrat"]), is_place_description(["Maryland", "Casualty"])
    (True, False)
    """
    p = leading_place(words)
    return bool(p) and len(words) == p + 1 and norm(words[p]) in PARTY_MEMBERS


def is_group_word(word: str) -> bool:
    """A plural descriptor naming a group: ``Democrats``, ``Palestinians``
    (not ``Swiss``, which is no plural).

    >>> is_group_word("Democrats"), is_group_word("Swiss"), is_group_word("Democrat")
    (True, False, False)
    """
    w = norm(word)
    return w.endswith("s") and w[:-1] in DESCRIPTORS


_MODEL_CODE = re.compile(r"[A-Z]{1,5}-?\d+")
_GROUP_OF_N = re.compile(r"G-?\d+")  # "G-7", "G10": the Group of Seven, Ten: nations speaking together


def is_model_code(word: str) -> bool:
    """A product or model code (``A340``, ``DC-10``, ``M-2``, ``F-16``): no one who speaks.
    Firms written with digits inside (``G4S``, ``S4C``) and ``G-7`` are not codes.

    >>> [is_model_code(w) for w in ("A340", "DC-10", "M-2", "G4S", "G-7", "Airbus")]
    [True, True, True, False, False, False]
    """
    return _MODEL_CODE.fullmatch(word) is not None and _GROUP_OF_N.fullmatch(word) is None


def is_group(words: Sequence[str]) -> bool:
    """A party or nationality in the plural, after at most two capitalised
    words: ``Democrats``, ``House Republicans``, ``New York Democrats``.

    >>> is_group(["House", "Republicans"]), is_group(["Tom", "Democrat"]), is_group(["Acme", "Liberals", "Ltd"])
    (True, False, False)
    """
    return len(words) <= 3 and is_group_word(words[-1]) and not any(norm(w) in ORG_WORDS for w in words)


def gender_of_title(role: str | None) -> str | None:
    if not role:
        return None
    for w in role.split():
        w = norm(w)
        if w in MALE_TITLES:
            return "m"
        if w in FEMALE_TITLES:
            return "f"
    return None


@lru_cache(maxsize=16384)
def looks_org(name: str) -> bool:
    words = name.split()
    if not words:
        return False
    if any(norm(w) in ORG_WORDS for w in words):
        return True
    if "and" in words or "&" in words:
        return True  # "S and P", "Procter & Gamble": joined names (see and_joins) are firms'
    if len(words) == 1:
        w = words[0]
        if len(w) >= 2 and w.replace(".", "").replace("&", "").isupper():
            return True
        if norm(w) in PLACES:
            return True
    return False


def and_joins(left: Sequence[str], right: Sequence[str]) -> bool:
    """Are the capitalised words ``left``, "and" (or "&"), ``right`` one
    organisation's name?

    Initials (``S and P``, ``AT and T``, ``A and W Brands``) are; so is a
    right side ending with an organisation word when the left side is not a
    name of its own (``Savings and Loan Association``, ``Procter and Gamble
    Co``, ``Securities and Exchange Commission``, ``Merrill Lynch and Co``),
    but not ``Acme Corp and Bolt Inc`` (two firms) or ``Reagan and Congress``.
    """
    if not left or not right:
        return False
    lw, rw = left[-1], right[0]
    if len(lw) <= 2 and len(rw) <= 2 and lw.isalpha() and rw.isalpha() and lw.isupper() and rw.isupper() \
            and (len(lw) == 1 or len(rw) == 1):
        return True
    if norm(right[-1]) not in ORG_WORDS or (len(right) == 1 and norm(rw) not in COMPANY_SUFFIXES):
        return False
    if lw.endswith(("'s", "’s")) or (len(left) == 1 and (norm(lw) in PLACES or norm(lw) in COUNTRIES)):
        return False
    for w in left:
        wl = norm(w)
        if wl in NAME_CLOSERS or wl in TITLES:
            return False
    return not any(norm(w) in TITLES for w in right)


@lru_cache(maxsize=4096)
def short_names(org: str) -> tuple[str, ...]:
    """Single words an organisation named with "and", a leading possessive or
    an ordinal goes by: the words either side of "and" (``Lilly``, ``Vining``),
    the word after ``Hudson's`` or ``First``."""
    words = org.split()
    out = []
    if len(words) > 2 and (words[0][-2:] in ("'s", "’s") or norm(words[0]) in ORDINALS):
        out.append(words[1])
    for i in range(1, len(words) - 1):
        if words[i] in ("and", "&"):
            out += [words[i - 1], words[i + 1]]
    return tuple(w for w in out if norm(w) not in NAME_CLOSERS)


def acronym_of(name: str) -> str:
    """Initials of the significant words (``China Global TV Network`` -> ``CGTN``)."""
    out = []
    for w in name.split():
        if w.lower() in ("of", "the", "and", "for", "&", "de", "la"):
            continue
        if w.isupper() and len(w) <= 4:
            out.append(w)
        else:
            out.append(w[0].upper())
    return "".join(out)


def strip_det(phrase: str) -> str:
    """The phrase without its leading determiners: ``the club's captain`` -> ``club's captain``."""
    words = phrase.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def acronym_matches(tokens: Sequence[str], acronym: str) -> bool:
    """Is ``acronym`` the initials of the name in ``tokens``?

    Exactly (``China Global TV Network`` and ``CGTN``), or with extra words
    skipped, its letters in order as word initials from the first word on.

    >>> acronym_matches(["China", "Global", "TV", "Network"], "CGTN")
    True
    >>> acronym_matches(["European", "Central", "Bank"], "ECB"), acronym_matches(["Acme", "Corp"], "XC")
    (True, False)
    """
    _, name = split_role(list(tokens))
    a = acronym.replace(".", "").upper()
    full = acronym_of(" ".join(name)).upper()
    if a == full:
        return True
    initials = [w[0].upper() for w in name if w and w[0].isalpha()]
    i = 0
    for ch in a:
        while i < len(initials) and initials[i] != ch:
            i += 1
        if i == len(initials):
            return False
        i += 1
    return len(a) >= 2 and a[0] == (initials[0] if initials else "")


def role_before(source: str, start: int) -> str | None:
    """``China's top diplomat, Wang Yi,``: a role in apposition before a name
    starting at ``start``.

    >>> text = "He met China's top diplomat, Wang Yi, on Monday."
    >>> role_before(text, text.index("Wang"))
    "China's top diplomat"
    """
    if source[start - 2 : start] != ", ":
        return None  # no apposition comma right before the name (most names)
    match = ROLE_BEFORE.search(source, max(0, start - 80), start)
    if match is None or match.group(2) not in ROLE_HEADS:
        return None
    role = strip_det(match.group(1))
    return role if len(role.split()) >= 2 else None
