"""Capitalised runs: the tokens of a name, a title or an organisation, made
into a :class:`~reader.attribution.mentions.Mention`.

>>> from reader.attribution.tokens import tokenize
>>> text = "U.S. Secretary of State Antony Blinken"
>>> m = run_mention(tokenize(text, 0, len(text)), False)
>>> m.kind.value, m.role, text[m.name_start:m.end]
('name', 'U.S. Secretary of State', 'Antony Blinken')
>>> text = "Chancellor of the Exchequer Nigel Lawson"
>>> m, end = of_the_mention(tokenize(text, 0, len(text)), 0, 1)
>>> m.role, m.text
('Chancellor of the Exchequer', 'Nigel Lawson')
"""

from __future__ import annotations

from collections.abc import Sequence

from .lexicon.grammar import FUNCTION_WORDS
from .lexicon.organisations import LEGAL_FORMS, NONPERSON_WORDS, ORDINALS, ORG_WORDS
from .lexicon.people import (
    DESCRIPTORS,
    HONORIFICS,
    NAME_PARTICLES,
    NATIONALITY_ENDINGS,
    PARTY_MEMBERS,
    ROLE_MODIFIERS,
    SPEAKER_NOUNS,
    SURNAME_TITLES,
    TITLES,
)
from .lexicon.places import COUNTRIES, MULTI_WORD_PLACES, PLACES
from .mentions import ANONYMOUS, NAME, ROLE, Mention
from .names import and_joins, is_group, is_model_code, is_place_description, is_title, norm, split_role
from .patterns import INITIAL
from .tokens import Token, is_cap_token, words_of

_PLACE_FIRST = frozenset(p[0] for p in MULTI_WORD_PLACES)


def possessive_in_name(toks: list[Token], i: int) -> bool:
    """Is the possessive ``toks[i]`` part of an organisation's name
    (``Moody's Investors Service Inc``, ``Standard and Poor's Corp``) rather
    than its owner (``Japan's Finance Ministry``, ``Acme Corp's Bolt unit``)?

    It is when it opens the run (or the right side of a joined "and"), the
    run ends with an organisation word, and the possessor is not a place, an
    organisation word or a title.
    """
    if i > 0 and toks[i - 1].text != "and":
        return False
    if norm(toks[-1].text) not in ORG_WORDS:
        return False
    t = toks[i].text
    w = norm(t[:-2] if t[-2:] in ("'s", "’s") else t[:-1])
    return not (w in PLACES or w in COUNTRIES or w in ORG_WORDS or w in TITLES or w in FUNCTION_WORDS)


def _drop_leading_words(toks: list[Token]) -> list[Token]:
    """Sentence-initial function words and name particles off the front
    (``The``, ``But``, ``of``), keeping ``A and B Ratings`` and ``First Union Corp``."""
    while toks and norm(toks[0].text) in FUNCTION_WORDS and not is_title(toks[0].text):
        if len(toks) > 1 and (toks[1].text == "and" or norm(toks[0].text) in ORDINALS and len(toks) > 2
                              and norm(toks[-1].text) in ORG_WORDS):
            break  # "A and B Ratings" (joined by and_joins), "First Union Corp"
        toks = toks[1:]
    while toks and toks[0].text.lower() in NAME_PARTICLES:
        toks = toks[1:]
    return toks


def clean_run(toks: list[Token]) -> list[Token]:
    """Trim a capitalised run to the part that names one thing.

    Drops sentence-initial function words, a possessive owner (``Saudi
    Arabia's Civil Defense Authority`` -> ``Civil Defense Authority``), a
    leading multi-word place (``United States Hamdullah Mohib``) and an
    organisation before a person (``Islamic Relations Alia Salem``).
    """
    toks = _drop_leading_words(toks)
    n = len(toks)
    if n < 2:
        return toks
    for i in range(n - 2, -1, -1):
        if toks[i].text.endswith(("'s", "’s", "s'", "s’")):
            if not possessive_in_name(toks, i):
                toks = toks[i + 1 :]
            break
    n = len(toks)
    if n >= 4 and toks[0].text in _PLACE_FIRST:
        words = tuple(words_of(toks))
        for pl in MULTI_WORD_PLACES:
            if n >= len(pl) + 2 and words[: len(pl)] == pl:
                rest = words[len(pl) :]
                if not any(norm(w) in ORG_WORDS for w in rest) and norm(rest[0]) not in PARTY_MEMBERS:
                    toks = toks[len(pl) :]  # not "New York Stock Exchange", "New York Republican Al Doe"
                break
    n = len(toks)
    if n >= 3:
        orgs = [norm(t.text) in ORG_WORDS for t in toks]
        i = max((k for k in range(n) if orgs[k]), default=-1)
        if 0 <= i <= n - 3 and all(t.text[:1].isupper() for t in toks[i + 1 :]):
            toks = toks[i + 1 :]
    return toks


def run_mention(toks: list[Token], definite: bool) -> Mention | None:
    """A mention from capitalised tokens (leading function words trimmed).

    A bare speaker noun (``Officials``) is anonymous, a run ending with a
    title (``the Foreign Minister``) a role, anything else a name.
    """
    definite = definite or bool(toks) and toks[0].text in ("The", "the")  # "The Chancellor, Rachel Reeves,"
    toks = clean_run(toks)
    if not toks:
        return None
    words = words_of(toks)
    last = words[-1]
    if last.endswith(("'s", "’s")) or last.lower() in NAME_PARTICLES:
        return None
    if all(norm(w) in FUNCTION_WORDS or norm(w) in LEGAL_FORMS for w in words):
        return None  # "The", or "BV" cut from "Holding (Netherlands) BV": no name
    if any(is_model_code(w) for w in words) and norm(last) not in ORG_WORDS:
        return None  # "The A340 has", "Saab SF340": a product, not a speaker
    role, name = split_role(words)
    start, end = toks[0].start, toks[-1].end
    if len(words) == 1 and words[0].lower() in SPEAKER_NOUNS or is_group(words):
        # sentence-initial "Officials said", "Democrats said", "House Republicans said": a group, not a name
        return Mention(ANONYMOUS, start, end, " ".join(words), tuple(words), head=words[-1], definite=definite)
    if is_place_description(words) or len(words) == 1 and norm(words[0]) in DESCRIPTORS:
        # "the Maryland Democrat said", "the Democrat report": a description of someone named elsewhere
        return Mention(ROLE, start, end, " ".join(words), tuple(words), role=" ".join(words), definite=definite,
                       head=norm(words[-1]))
    if is_title(words[-1]) and (len(words) > 1 or definite) and not surname_title(words, definite):
        role, name = " ".join(words), []
    if not name:
        return Mention(ROLE, start, end, " ".join(words), tuple(words), role=role, definite=definite,
                       head=norm(words[-1]))
    k = len(words) - len(name)
    return Mention(NAME, start, end, " ".join(words), tuple(words), role=role, definite=definite,
                   name_start=toks[k].start)


def surname_title(words: Sequence[str], definite: bool) -> bool:
    """Is the title word ending ``words`` a surname: ``Mr. King``, ``Charlie
    King``, ``John Major`` (not ``the King``, ``Jordanian King``, ``Chief
    Justice``)?

    >>> surname_title(["Charlie", "King"], False), surname_title(["Jordanian", "King"], False)
    (True, False)
    """
    if definite or len(words) < 2 or norm(words[-1]) not in SURNAME_TITLES:
        return False
    prev = norm(words[-2])
    if prev in HONORIFICS:
        return True
    return len(words) <= 3 and words[-2][:1].isupper() and not (
        is_title(prev) or prev in ROLE_MODIFIERS or prev in DESCRIPTORS or prev in PLACES or prev in COUNTRIES
        or prev in ORG_WORDS or prev in FUNCTION_WORDS or prev.endswith(NATIONALITY_ENDINGS))


def and_extend(toks: list[Token], lo: int, k: int) -> int:
    """``toks[lo:k]`` is a capitalised run and ``toks[k]`` may be "and": the end
    of the run when the capitalised words after "and" join it into one name
    (``Savings and Loan Association``, ``S and P``), else ``k``."""
    if k <= lo or k + 1 >= len(toks) or toks[k].text != "and":
        return k
    r = k + 1
    while r < len(toks) and is_cap_token(toks[r].text):
        r += 1
    if r > k + 1 and and_joins(words_of(toks[lo:k]), words_of(toks[k + 1 : r])):
        return r
    return k


def cap_run_end(toks: list[Token], k: int) -> int:
    """Where the capitalised run starting at ``toks[k]`` ends, over name
    particles between capitals (``Rio de Janeiro``) and joining "and"s
    (``Savings and Loan``)."""
    lo = k
    while True:
        while k < len(toks) and (is_cap_token(toks[k].text) or (toks[k].text.lower() in NAME_PARTICLES
                                                                  and k + 1 < len(toks)
                                                                  and is_cap_token(toks[k + 1].text))):
            k += 1
        k2 = and_extend(toks, lo, k)
        if k2 == k:
            return k
        k = k2


def institution_end(words: Sequence[str]) -> int | None:
    """Where a person's name starts in the words after "<Title> of the":
    ``Exchequer Nigel Lawson`` -> 1, ``Bank of Japan Satoshi Sumita`` -> 3.

    The institution runs to its last organisation word (with an ``of <Place>``
    tail); without one, the name is the last two words (three with a middle
    initial).  ``None`` when what is left does not look like a person's name.

    >>> institution_end("Exchequer Nigel Lawson".split()), institution_end("Bank of Japan Satoshi Sumita".split())
    (1, 3)
    """
    n = len(words)
    k = -1
    for i in range(n - 1, -1, -1):
        if norm(words[i]) in ORG_WORDS:
            k = i + 1
            break
    if k >= 0:
        if k < n - 1 and words[k] == "of":
            k += 1
            for pl in MULTI_WORD_PLACES:
                if tuple(words[k : k + len(pl)]) == pl:
                    k += len(pl)
                    break
            else:
                k += 1
    else:
        k = n - 2
        if k >= 2 and INITIAL.fullmatch(words[k]):
            k -= 1  # "Nigel J. Lawson"
    if k < 1 or not 2 <= n - k <= 4:
        return None
    for w in words[k:]:
        wl = norm(w)
        if not is_cap_token(w) or wl in ORG_WORDS or wl in TITLES or wl in NONPERSON_WORDS or wl in FUNCTION_WORDS:
            return None
    return k


def of_the_mention(toks: list[Token], lo: int, p: int) -> tuple[Mention, int] | None:
    """``Chancellor of the Exchequer Nigel Lawson``: ``toks[lo:p]`` is a role
    ending with a title word, ``toks[p:p+2]`` is "of the"; the mention of the
    person after the institution, with the whole role, and where it ends."""
    q = p + 2
    hi = q
    while hi < len(toks) and (is_cap_token(toks[hi].text) or toks[hi].text == "of" and hi + 1 < len(toks)
                              and is_cap_token(toks[hi + 1].text)):
        hi += 1
    k = institution_end(words_of(toks[q:hi]))
    if k is None:
        return None
    name = toks[q + k : hi]
    w, ws, we = name[-1]
    if w[-2:] in ("'s", "’s"):
        name[-1] = Token(w[:-2], ws, we - 2)  # "... Nigel Lawson's remarks"
    pm = run_mention(name, False)
    if pm is None or pm.kind is not NAME:
        return None
    while lo < p - 1 and norm(toks[lo].text) in FUNCTION_WORDS:
        lo += 1
    return pm._replace(role=" ".join(words_of(toks[lo : q + k])), start=toks[lo].start), hi


# "Committee for a Responsible Federal Budget", "Council on Foreign Relations", "Committee to
# Protect Journalists": an organisation word, one of these, maybe an article, then the rest of its name.
_NAME_PREPOSITIONS = frozenset(("for", "on", "against", "to"))
_MORE_ORG_HEADS = frozenset(("campaign", "partnership", "project", "network", "initiative"))  # "Campaign for ..."


def org_with_preposition(toks: list[Token], j: int) -> Mention | None:
    """The organisation whose name runs over a preposition into the capitalised run ``toks[j:]``
    (``toks`` ends with the run), or ``None``.

    >>> from reader.attribution.tokens import tokenize
    >>> text = "The Committee for a Responsible Federal Budget"
    >>> toks = tokenize(text, 0, len(text))
    >>> org_with_preposition(toks, 4).text
    'Committee for a Responsible Federal Budget'
    >>> text = "The U.S. ambassador to Burma"
    >>> org_with_preposition(tokenize(text, 0, len(text)), 4) is None
    True
    """
    p = j - 1
    if p >= 1 and toks[p].text in ("a", "an", "the"):
        p -= 1
    if p < 1 or toks[p].text not in _NAME_PREPOSITIONS:
        return None
    head = toks[p - 1].text
    if not is_cap_token(head) or norm(head) not in ORG_WORDS and norm(head) not in _MORE_ORG_HEADS:
        return None
    start = p - 1
    while start > 0 and is_cap_token(toks[start - 1].text) and toks[start - 1].text not in ("The", "A", "An"):
        start -= 1
    definite = start > 0 and toks[start - 1].text.lower() == "the"
    words = tuple(words_of(toks[start:]))
    return Mention(NAME, toks[start].start, toks[-1].end, " ".join(words), words, definite=definite,
                   name_start=toks[start].start, firm=True)


def of_the_at(toks: list[Token], p: int) -> bool:
    """Do ``toks[p:p+2]`` read "of the" after a title word and before a capital?"""
    return p > 0 and p + 2 < len(toks) and toks[p].text == "of" and toks[p + 1].text == "the" and \
        toks[p - 1].text[:1].isupper() and is_title(toks[p - 1].text) and is_cap_token(toks[p + 2].text)


def person_of(run: list[Token], definite: bool) -> Mention | None:
    """"Professor Tāne Rāwiri of Lincoln University": the person before "of"."""
    for q in range(2, min(len(run) - 1, 6)):
        if run[q].text == "of":
            pw = words_of(run[:q])
            if not any(norm(w) in ORG_WORDS for w in pw) and not is_title(pw[-1]) and \
                    sum(1 for w in pw if not is_title(w)) >= 2:
                pm = run_mention(run[:q], definite)
                if pm is not None and pm.kind is NAME:
                    return pm.with_role(" ".join(words_of(run[q:])))
            break
    return None
