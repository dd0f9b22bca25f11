"""The first noun phrase of a sentence, after an introductory phrase: who a
sentence is about when no speech verb names them (``Sunak defended the
record: "..."``) and what a later "he" most likely means.

>>> text = "In an interview with CBS News, Polish National Bank head Wladyslaw Baka, 52, said"
>>> m = sentence_subject(text, 0, len(text))
>>> m.text, m.role
('Wladyslaw Baka', 'Polish National Bank head')
>>> text = "NEW YORK, March 2 - Chemical Bank said it would"
>>> sentence_subject(text, 0, len(text)).text
'Chemical Bank'
"""

from __future__ import annotations

from .appositives import apposed_name
from .descriptions import common_np
from .lexicon.grammar import (
    APPOSITIVE_OPENERS,
    ARTICLES,
    AUXILIARIES,
    FUNCTION_WORDS,
    HEAD_PREFIXES,
    INTRO_PREPOSITIONS,
    INTRO_SUFFIXES,
    INTRO_WORDS,
    NOT_THIRD_PERSON,
    PRONOUNS,
)
from .lexicon.people import NEVER_AT_START
from .lexicon.places import US_STATES
from .mentions import NAME, Mention, pronoun
from .names import is_title, looks_org, speaker_head
from .patterns import DATELINE, MASK, REPORT_VERB_SET
from .roles import role_then_name
from .runs import cap_run_end, of_the_at, of_the_mention, run_mention
from .tokens import Token, is_cap_token, is_word, tokenize, words_of

_INTRO_TOKENS = 9  # an introductory phrase ends with a comma within this many tokens
_LONG_INTRO_TOKENS = 12  # ... or this many, for a verbless phrase opening with a preposition
_APPOSITIVE_TOKENS = 14
_SHORT_NP = 6  # words of a sentence-initial common noun phrase


def sentence_subject(text: str, lo: int, hi: int) -> Mention | None:
    """The first noun phrase of the sentence ``text[lo:hi]``, after an
    introductory phrase and a wire dateline."""
    dm = DATELINE.match(text, lo, hi)
    if dm:
        lo = dm.end()  # "NEW YORK, March 2 - Chemical Bank said ..."
    toks = skip_introduction(tokenize(text, lo, hi))
    if not toks:
        return None
    t0 = toks[0].text
    if t0.lower() in PRONOUNS and t0.lower() not in NOT_THIRD_PERSON:
        return pronoun(toks[0].start, toks[0].end, t0)
    j = 0
    definite = False
    if t0.lower() in ARTICLES:
        definite = t0.lower() == "the"
        j = 1
    k = cap_run_end(toks, j)
    if k > j and of_the_at(toks, k):
        r = of_the_mention(toks, j, k)
        if r is not None:
            return r[0]  # "Chancellor of the Exchequer Nigel Lawson said"
    rm = None
    if k > j and k + 1 < len(toks) and toks[k].text[:1].islower():
        # "Polish National Bank head Wladyslaw Baka", "Acme campaign chairman Tim Rourke"
        pm = role_then_name(toks, k, j)
        if pm is None and (is_title(toks[k].text) or speaker_head(toks[k].text)):
            pm = _org_role_name(toks, j, k)
        if pm is not None:
            return pm
    if k > j:
        rm = run_mention(toks[j:k], definite)
        if (j == 0 and rm is not None) or k >= len(toks) or not toks[k].text[:1].islower():
            return apposed_name(text, rm, hi)
        # "the Crown prosecutor" / "a USI instructor": the capitalised words
        # modify a common noun, tried below
    return apposed_name(text, _short_common_np(toks) or rm, hi)


def skip_introduction(toks: list[Token]) -> list[Token]:
    """The tokens after an introductory phrase ending with a comma: "Earlier
    on Saturday," / "Hours later," / "In an interview with CBS news," / "Speaking to
    reporters," / "Asked about the plan," (and an appositive closing it:
    "For Kevin Allton, a USI instructor, Warhol was ...")."""
    long_intro = bool(toks) and toks[0].text.lower() in INTRO_PREPOSITIONS
    for i, t in enumerate(toks[: _LONG_INTRO_TOKENS if long_intro else _INTRO_TOKENS]):
        if i >= _INTRO_TOKENS and t.text.lower() in AUXILIARIES:
            break  # "During the talks the minister was ...,": a clause, no introduction
        if t.text == ",":
            if i + 1 < len(toks):
                first = toks[0].text.lower()
                if first in FUNCTION_WORDS or first in INTRO_WORDS or first in NEVER_AT_START or (
                        len(first) > 4 and first.endswith(INTRO_SUFFIXES) and first not in REPORT_VERB_SET):
                    toks = _after_state(toks[i + 1 :])  # "Speaking in Salem, New Hampshire, Trump ..."
                    if toks and toks[0].text.lower() in APPOSITIVE_OPENERS:
                        for i2, t2 in enumerate(toks[:_APPOSITIVE_TOKENS]):
                            if t2.text in (";", ":", MASK):
                                break
                            if t2.text == ",":
                                toks = toks[i2 + 1 :]
                                break
            break
    return toks


def _after_state(toks: list[Token]) -> list[Token]:
    """``toks`` without a US state opening them before a comma (the end of
    "in Salem, New Hampshire,"), else ``toks``."""
    for k in range(1, 4):
        if k < len(toks) and toks[k].text == "," and "-".join(t.text for t in toks[:k]).lower() in US_STATES:
            return toks[k + 1 :]
    return toks


def _org_role_name(toks: list[Token], j: int, k: int) -> Mention | None:
    """"Polish National Bank head Wladyslaw Baka, ...": ORG ROLE NAME, with
    ``toks[j:k]`` the organisation and ``toks[k]`` the role word."""
    k2 = k + 1
    while k2 < len(toks) and is_cap_token(toks[k2].text):
        k2 += 1
    if k2 - (k + 1) >= 2:
        pm = run_mention(toks[k + 1 : k2], False)
        if pm is not None and pm.kind is NAME and not looks_org(" ".join(pm.tokens)):
            return pm.with_role(" ".join(words_of(toks[j : k + 1])))
    return None


def _short_common_np(toks: list[Token]) -> Mention | None:
    """"One poster admitted ..., writing" / "A spokesman for Airbus confirmed":
    a short common noun phrase opening the sentence, ending at its head or a
    prepositional tail."""
    k = 0
    while k < len(toks) and k < _SHORT_NP and is_word(toks[k].text) and toks[k].text.lower() not in REPORT_VERB_SET:
        k += 1
    best = None
    for end in range(1, k + 1):
        cm = common_np(toks[:end])
        if cm is None or cm.start != toks[0].start:
            continue
        last = toks[end - 1].text
        prev = toks[end - 2].text.lower() if end >= 2 else ""
        if last == cm.head or is_cap_token(last) or prev in HEAD_PREFIXES:
            best = cm
    return best
