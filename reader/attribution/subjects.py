"""The subject of a speech verb: the noun phrase that ends right before it.

``Ned Price, a spokesperson for the State Department, said`` -> Ned Price
(role "spokesperson for the State Department"); ``Moody's said`` -> the firm
Moody's; ``Cornyn's statement added`` -> Cornyn; ``he also said`` -> he.

>>> text = "Ned Price, a spokesperson for the State Department, said on Monday"
>>> m = np_at_end(text, 0, text.index(" said"))
>>> m.text, m.role
('Ned Price', 'spokesperson for the State Department')
>>> text = "Chinese officials said"
>>> np_at_end(text, 0, 17).text
'Chinese officials'
"""

from __future__ import annotations

import re

from .appositives import appositive_seg, comma_segments
from .descriptions import common_np
from .lexicon.grammar import (
    AFFILIATION_PREPOSITIONS,
    CLAUSE_OPENERS,
    DETERMINERS,
    FUNCTION_WORDS,
    NOT_THIRD_PERSON,
    PRONOUNS,
    SPECIFIERS,
)
from .lexicon.organisations import ORG_WORDS
from .lexicon.people import NAME_PARTICLES, THING_NOUNS
from .lexicon.places import COUNTRIES, PLACES
from .mentions import ANONYMOUS, NAME, PRONOUN, ROLE, Mention, pronoun
from .names import is_title, looks_org, norm, speaker_head, split_role, strip_det
from .patterns import COMMA_AUXILIARY, IN_A, MASK, PAREN_PARTY_TAG, TRAIL_ADVERBIAL, TRAIL_LAST_WORDS
from .roles import strip_asked_by, strip_party_tag
from .runs import and_extend, of_the_at, of_the_mention, org_with_preposition, person_of, run_mention
from .tokens import Token, TokenisedText, is_cap_token, is_word, tokenize, words_of

_PARTICIPLE = re.compile(r"\s*[a-z]+ing\b")  # the verb after the subject: "footage of Lee saying"
_NOUN_PREPOSITIONS = frozenset(("of", "in", "from", "at", "to"))  # "the court of Ohio", "the envoy to Burma"

_PRONOUN_CONTRACTIONS = frozenset(("he's", "she's", "they're", "they've", "he'd", "she'd", "they'd"))
_TRAIL_WINDOW = 160  # characters searched for a trailing adverbial
_SUBJECT_WINDOW = 300  # characters before the verb a subject can take
_MARK_TOKENS = frozenset('"“”' + MASK)  # characters that are a token alone, never a word's


def may_trail(seg: str) -> bool:
    """Could :data:`~reader.attribution.patterns.TRAIL_ADVERBIAL` match at the
    end of ``seg``? (A cheap test first.)"""
    tail = seg.rstrip().rstrip(",").rstrip()
    word = tail[tail.rfind(" ") + 1 :].strip(".,'’\"").lower()
    if word in TRAIL_LAST_WORDS or word.isdigit():
        return True
    return IN_A.search(seg, max(0, len(seg) - _TRAIL_WINDOW)) is not None


def strip_trailing_adverbials(seg: str) -> str:
    """``Price, on Monday, also`` -> ``Price``: time phrases, auxiliaries and
    adverbs off the end (an appositive's comma before "has" is kept)."""
    while may_trail(seg):
        m = TRAIL_ADVERBIAL.search(seg, max(0, len(seg) - _TRAIL_WINDOW))
        if not m or m.start() == 0:
            break
        cut = m.start()
        if seg[cut] == "," and COMMA_AUXILIARY.match(seg, cut):
            cut += 1  # "X, an Australian woman, has claimed": keep the appositive's comma
        seg = seg[:cut]
        if seg.endswith(","):
            break
    return seg


def np_at_end(text: str, lo: int, hi: int) -> Mention | None:
    """The subject noun phrase that ends right before ``hi`` (found once per
    place in a masked paragraph: see :meth:`~.tokens.TokenisedText.remembered`)."""
    if type(text) is TokenisedText:
        return text.remembered(_np_at_end, lo, hi)
    return _np_at_end(text, lo, hi)


def _np_at_end(text: str, lo: int, hi: int) -> Mention | None:
    participle = _PARTICIPLE.match(text, hi) is not None
    seg = strip_asked_by(strip_party_tag(strip_trailing_adverbials(text[lo:hi])))
    hi = lo + len(seg.rstrip())
    if hi - lo > _SUBJECT_WINDOW:
        sp = text.find(" ", hi - _SUBJECT_WINDOW, hi)
        lo = sp + 1 if sp >= 0 else lo
    if hi > lo and text[hi - 1] in _MARK_TOKENS:
        return None  # '"...," said X': the last token is a quotation mark (or in one), which np_simple takes for no one
    toks = tokenize(text, lo, hi)
    if "(" in text[lo:hi]:  # "Jim Holt (R-Ohio), a panel member, said": the tag is no word of the subject
        tags = [(m.start(), m.end()) for m in PAREN_PARTY_TAG.finditer(text, lo, hi)]
        toks = [t for t in toks if not any(a <= t.start < b for a, b in tags)]
    if not toks:
        return None
    if toks[-1].text == ",":
        return np_before_appositives(text, toks)
    m = np_simple(toks, participle)
    if m is not None and m.kind is ANONYMOUS and _after_and(toks, m.start):
        return None  # "the former first lady and senator": half a description names nobody
    if m is not None and participle and _word_before(toks, m.start) == "to":
        return None  # "an email to supporters stating": the addressee is not who states
    return m


def _word_before(toks: list[Token], start: int) -> str | None:
    """The lower-cased token before the one starting at ``start``, if any."""
    for i in range(len(toks) - 1, 0, -1):
        if toks[i].start == start:
            return toks[i - 1].text.lower()
    return None


def _after_and(toks: list[Token], start: int) -> bool:
    """Is the token before the one starting at ``start`` a joining "and"?"""
    for i in range(len(toks) - 1, 0, -1):
        if toks[i].start == start:
            # not "..., and a person familiar with the talks said": a new clause
            return toks[i - 1].text == "and" and toks[i].text.lower() not in DETERMINERS and \
                (i < 2 or toks[i - 2].text != ",")
    return False


def np_before_appositives(text: str, toks: list[Token]) -> Mention | None:
    """The subject before a speech verb when ``toks`` ends with a comma.

    ``Ned Price, a spokesperson for the State Department, said`` -> Ned Price;
    ``Cynthia Thompson, curator at the University of Arkansas, Fayetteville,
    said`` -> Cynthia Thompson; ``The secretary general of CEI, Nunzio
    Galantino, has called`` -> Nunzio Galantino; ``Her co-author, Professor
    Tāne Rāwiri of Lincoln University, said`` -> Tāne Rāwiri.
    """
    segs = comma_segments(toks)
    if len(segs) == 1:
        return np_simple(toks[:-1]) if len(toks) > 1 else None
    i = len(segs) - 1
    while i > 0 and appositive_seg(toks, segs[i], segs[i - 1]):
        i -= 1
    hb = segs[i][1]
    if hb <= 0:
        return None
    m = np_simple(toks[:hb])
    appositive = None
    app_toks: list[Token] = []
    if i + 1 < len(segs):
        app_toks = toks[segs[i + 1][0] : segs[-1][1]]
        if app_toks:
            appositive = text[app_toks[0].start : app_toks[-1].end]
            if appositive.split()[0].lower() in CLAUSE_OPENERS:
                appositive = None
    if m is not None and m.kind in (ANONYMOUS, ROLE, PRONOUN) and appositive and app_toks[0].text[:1].isupper():
        pm = _named_in_appositive(app_toks)
        if pm is not None:
            return pm
    if m is None or m.kind is ANONYMOUS:
        return m
    if appositive:
        return m.with_role(strip_det(appositive))
    if m.kind is NAME and i > 0 and m.start == toks[segs[i][0]].start:
        # "The secretary general of CEI, Nunzio Galantino,": the role before
        pa, pb = segs[i - 1]
        pw = words_of(toks[pa:pb])
        if pw and pw[0].lower() in SPECIFIERS and len(pw) > 1:
            return m.with_role(strip_det(text[toks[pa].start : toks[pb - 1].end]))
    return m


def _named_in_appositive(app_toks: list[Token]) -> Mention | None:
    """"Her co-author, Professor Tāne Rāwiri of Lincoln University, said": the
    person named at the start of the appositive, the rest as the role."""
    k = 0
    while k < len(app_toks) and is_cap_token(app_toks[k].text):
        k += 1
    pm = run_mention(app_toks[:k], False)
    if pm is not None and pm.kind is NAME and not looks_org(" ".join(pm.tokens)):
        return pm.with_role(" ".join(words_of(app_toks[k:])) or None)
    return None


def np_simple(toks: list[Token], participle: bool = False) -> Mention | None:
    """The noun phrase at the end of ``toks`` (no appositive commas): a
    pronoun, the owner of a statement, a capitalised name or role, or a
    description of a source; ``participle``: the verb after is one
    ("footage of Ann Lee saying": the name after "of" speaks)."""
    last = toks[-1].text
    ll = last.lower()
    if ll in PRONOUNS and ll != "i":
        return pronoun(toks[-1].start, toks[-1].end, last)
    if ll.replace("’", "'") in _PRONOUN_CONTRACTIONS:  # "He's claiming", "They're saying"
        base = re.split(r"['’]", last)[0]
        return pronoun(toks[-1].start, toks[-1].start + len(base), base)
    if ll in NOT_THIRD_PERSON:
        return None
    if ll in THING_NOUNS and len(toks) >= 2:
        owner = _owner_of_thing(toks)
        if owner is not None:
            return owner
    if is_cap_token(last) and not last.isdigit():
        m = _capitalised_np(toks, participle)
        if m is not None:
            return m
    return common_np(toks)


def _owner_of_thing(toks: list[Token]) -> Mention | None:
    """"Cornyn's statement added": the owner of the statement speaks."""
    ow, os_, oe = toks[-2]
    if ow.endswith(("'s", "’s")) and len(ow) > 2 and (is_cap_token(ow) or speaker_head(ow[:-2])):
        owner = np_simple(toks[:-2] + [Token(ow[:-2], os_, oe - 2)])
        if owner is not None and owner.kind in (NAME, ANONYMOUS):
            return owner
    return None


def _run_start(toks: list[Token], j: int) -> int:
    """Where the capitalised run ending at ``toks[j - 1]`` starts (over name
    particles between capitals)."""
    while j > 0:
        prev = toks[j - 1].text
        if is_cap_token(prev) or (prev.lower() in NAME_PARTICLES and j - 1 > 0 and is_cap_token(toks[j - 2].text)):
            j -= 1
            continue
        break
    return j


def _capitalised_np(toks: list[Token], participle: bool = False) -> Mention | None:
    """The name or role ending ``toks``: ``Savings and Loan Association``,
    ``Chancellor of the Exchequer Nigel Lawson``, ``Matthew Ingram of The
    Globe and Mail``, ``Professor Tāne Rāwiri of Lincoln University``,
    ``the Foreign Minister``, ``Moody's``."""
    j = _run_start(toks, len(toks) - 1)
    if j >= 2 and toks[j - 1].text == "and" and is_cap_token(toks[j - 2].text):
        # "Savings and Loan Association", "S and P": one name
        i = _run_start(toks, j - 2)
        if and_extend(toks, i, j - 1) == len(toks):
            j = i
        else:
            pm = _name_after_and_role(toks, i)  # "Minister of Energy and Mines Subroto"
            if pm is not None:
                return pm
    elif j >= 3 and of_the_at(toks, j - 2):
        # "Chancellor of the Exchequer Nigel Lawson": role, institution, name
        i = j - 3
        while i > 0 and is_cap_token(toks[i - 1].text):
            i -= 1
        r = of_the_mention(toks, i, j - 2)
        if r is not None and r[1] == len(toks):
            return r[0]
    org = org_with_preposition(toks, j)  # "the Council on Foreign Relations", not "Foreign Relations"
    if org is not None:
        return org
    if not participle and _object_of_a_noun(toks, j):
        return None  # "the appeals court of Ohio ruled": Ohio is not the subject
    run = toks[j:]
    definite = j > 0 and toks[j - 1].text.lower() == "the"
    return _person_before_affiliation(toks, j) or person_of(run, definite) or run_mention(run, definite) or \
        _firm_possessive(toks, j, definite)


def _name_after_and_role(toks: list[Token], i: int) -> Mention | None:
    """The person after a role with an "and" in it (``Minister of Energy and
    Mines Subroto`` -> Subroto, role ``Minister of Energy and Mines``), or ``None``."""
    role, name = split_role(words_of(toks[i:]))
    if not role or " and " not in role or not name:
        return None
    pm = run_mention(toks[len(toks) - len(name) :], False)
    return pm.with_role(role) if pm is not None and pm.kind is NAME else None


def _object_of_a_noun(toks: list[Token], j: int) -> bool:
    """Is the run ``toks[j:]`` the object of a preposition after a common
    noun (``the appeals court of Ohio``, ``a judge in Ohio``, ``the governor
    of the state of Ohio``)?  Then the noun before is the subject, not the run."""
    k = j - 1 if j > 0 and toks[j - 1].text.lower() == "the" else j
    if k < 2 or toks[k - 1].text.lower() not in _NOUN_PREPOSITIONS:
        return False
    before = toks[k - 2].text
    return before[:1].islower() and before.isalpha() and before.lower() not in FUNCTION_WORDS


def _person_before_affiliation(toks: list[Token], j: int) -> Mention | None:
    """"Matthew Ingram of The Globe and Mail": the person before "of" (or
    "from", "at"), the rest as the role; ``toks[j:]`` is the last run."""
    k = j
    if k >= 2 and toks[k - 1].text.lower() in ("and", "&") and is_cap_token(toks[k - 2].text):
        k -= 2
        while k > 0 and is_cap_token(toks[k - 1].text):
            k -= 1
    if k > 0 and toks[k - 1].text.lower() == "the":
        k -= 1
    if k >= 2 and toks[k - 1].text.lower() in AFFILIATION_PREPOSITIONS and is_cap_token(toks[k - 2].text):
        q = k - 1
        while q > 0 and is_cap_token(toks[q - 1].text) and k - 1 - q < 4:
            q -= 1
        person = toks[q : k - 1]
        pw = words_of(person)
        if 2 <= len(pw) <= 4 and not any(norm(w) in ORG_WORDS for w in pw) and not looks_org(" ".join(pw)):
            pm = run_mention(person, False)
            if pm is not None and pm.kind is NAME:
                return pm.with_role(" ".join(words_of(toks[k - 1 :])))
    return None


def _firm_possessive(toks: list[Token], j: int, definite: bool) -> Mention | None:
    """"Moody's said", "Standard and Poor's said": no noun follows the
    possessive, so it is a firm's name (a person's name has none); only as a
    subject ("challenging Continental's reported loss" is not)."""
    last = toks[-1].text
    if last[-2:] not in ("'s", "’s") or len(last) <= 3 or definite:
        return None
    i = j
    if j >= 2 and toks[j - 1].text == "and" and is_cap_token(toks[j - 2].text):
        i = j - 2
        while i > 0 and is_cap_token(toks[i - 1].text):
            i -= 1
    words = tuple(words_of(toks[i:]))
    if (i == 0 or not is_word(toks[i - 1].text)) and \
            not any(norm(w) in FUNCTION_WORDS and w != "and" or is_title(w) for w in words) and \
            norm(last[:-2]) not in PLACES and norm(last[:-2]) not in COUNTRIES:
        return Mention(NAME, toks[i].start, toks[-1].end, " ".join(words), words, name_start=toks[i].start, firm=True)
    return None
