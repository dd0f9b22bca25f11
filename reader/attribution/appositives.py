"""Appositives: the comma-separated descriptions around a name.

``Ned Price, a spokesperson for the State Department, said``: the segments
between commas before a speech verb, and which of them describe the noun
phrase before them.

>>> from reader.attribution.tokens import tokenize
>>> text = "Ned Price, a spokesperson for the State Department,"
>>> toks = tokenize(text, 0, len(text))
>>> [" ".join(t.text for t in toks[a:b]) for a, b in comma_segments(toks)]
['Ned Price', 'a spokesperson for the State Department']
>>> appositive_seg(toks, comma_segments(toks)[1], comma_segments(toks)[0])
True
"""

from __future__ import annotations

from .lexicon.grammar import ARTICLES, AUXILIARIES, CONJUNCTIONS, SPECIFIERS
from .lexicon.people import POSTNOMINALS
from .mentions import ANONYMOUS, NAME, ROLE, Mention
from .names import is_title, looks_org, norm, speaker_head, strip_det
from .patterns import APPOSED_NAME, MASK, PARTY
from .runs import run_mention
from .tokens import Token, is_cap_token, is_word, tokenize, words_of

HARD_STOPS = frozenset((";", ":", MASK, '"', "“", "”"))
_MAX_SEGMENTS = 6
_MAX_TOKENS = 60
_MAX_WORDS = 24  # a lower-case description longer than this is a clause


def comma_segments(toks: list[Token]) -> list[tuple[int, int]]:
    """Comma-separated segments before the final comma of ``toks`` (token index
    ranges, left to right); a parenthesis is kept inside its segment."""
    segs: list[tuple[int, int]] = []
    b = len(toks) - 1
    k = b - 1
    depth = 0
    while k >= 0 and len(segs) < _MAX_SEGMENTS and len(toks) - k < _MAX_TOKENS:
        w = toks[k].text
        if w == ")":
            depth += 1
        elif w == "(":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (w in HARD_STOPS or w == ","):
            if w != ",":
                break
            segs.append((k + 1, b))
            b = k
        k -= 1
    segs.append((k + 1, b))
    segs.reverse()
    return [(a, b) for a, b in segs if b > a] or [(0, 0)]


# prepositions that end the head of a description ("professor of art history")
_HEAD_ENDS = frozenset(("of", "at", "for", "in", "with", "from"))

def appositive_seg(toks: list[Token], seg: tuple[int, int], prev: tuple[int, int]) -> bool:
    """Does this comma segment describe the noun phrase before it?

    ``a spokesperson for X`` / ``the club's captain`` / ``who runs the shop`` /
    ``45`` / ``QC`` / ``CEO of Acme`` / a place after a descriptive segment
    (``..., curator at the University of Arkansas, Fayetteville,``).
    """
    words = words_of(toks[seg[0] : seg[1]])
    if not words:
        return True
    w0 = words[0]
    l0 = w0.lower()
    if l0 in CONJUNCTIONS:
        # "..., and president of the Society," continues the description;
        # "..., and Jones," adds a second subject
        return len(words) > 1 and (not words[1][:1].isupper() or words[1].lower() in ARTICLES)
    if len(words) <= 2 and PARTY.fullmatch(" ".join(words)):
        return True  # "Sen. David Pryor, D-Ark., said"
    if not words[-1][:1].isupper() and (is_title(words[-1]) or speaker_head(words[-1])) and \
            not any(is_title(w) for w in words[:-1] if w[:1].isupper()):
        return True  # "Hernan Dario Gomez, Panama coach, said"
    head = next((words[k - 1] for k in range(1, len(words)) if words[k] in _HEAD_ENDS), words[-1])
    if head[:1].islower() and (is_title(head) or speaker_head(head)) and not is_title(w0):
        return True  # "Hilary Braysmith, USI associate professor of art history, said"
    if not w0[:1].isupper():
        # lowercase start: a description, an age, a relative clause; not a
        # predicate ("Acme, a unit of X, is raising ..., said")
        return len(words) <= _MAX_WORDS and l0 not in AUXILIARIES
    if l0 in SPECIFIERS or l0.endswith(("'s", "’s")):
        return True
    if len(words) == 1 and norm(w0) in POSTNOMINALS:
        return True
    if is_title(w0):
        # "CEO of Acme" describes; "Professor Tāne Rāwiri of X" names
        k = 1
        while k < len(words) and is_cap_token(words[k]):
            k += 1
        run = words[1:k]
        return not (len(run) >= 2 and not looks_org(" ".join(run)))
    pw = words_of(toks[prev[0] : prev[1]])
    descriptive = bool(pw) and (not pw[0][:1].isupper() or pw[0].lower() in ARTICLES)
    return descriptive and len(words) <= 3 and all(is_cap_token(w) for w in words) and is_cap_token(pw[-1])


def apposed_name(text: str, m: Mention | None, hi: int) -> Mention | None:
    """``Dunmore's manager, Gary Whitcombe, called ...``: a role or common noun
    subject followed by a person's name in apposition is that person.

    >>> from reader.attribution.mentions import Mention, ANONYMOUS
    >>> text = "Dunmore's manager, Gary Whitcombe, called"
    >>> m = apposed_name(text, Mention(ANONYMOUS, 0, 17, "Dunmore's manager"), len(text))
    >>> m.text, m.role
    ('Gary Whitcombe', "Dunmore's manager")
    """
    if m is None or m.kind not in (ANONYMOUS, ROLE):
        return m
    nm = APPOSED_NAME.match(text, m.end, hi)
    if nm is None:
        return m
    toks = [x for x in tokenize(text, nm.start(1), nm.end(1)) if is_word(x.text)]
    pm = run_mention(toks, False)
    if pm is None or pm.kind is not NAME or len(pm.tokens) < 2 or looks_org(" ".join(pm.tokens)):
        return m
    return pm.with_role(strip_det(m.text))
