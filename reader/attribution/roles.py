"""A role before a name: ``NBC host Carl Benning``, ``Acme campaign
chairman Tim Rourke``, ``Democratic presidential nominee Maria Olsen``,
``psychologist Nancy Ruiz``.  The employer, party or place and the
lower-case role words are the role; the person is the name after them.

>>> from reader.attribution.tokens import tokenize
>>> text = "NBC host Carl Benning"
>>> m = role_then_name(tokenize(text, 0, len(text)), 1)
>>> m.text, m.role
('Carl Benning', 'NBC host')
>>> text = "Acme campaign chairman Tim Rourke"
>>> role_then_name(tokenize(text, 0, len(text)), 1).role
'Acme campaign chairman'
>>> text = "Acme said Tim Rourke"
>>> role_then_name(tokenize(text, 0, len(text)), 1) is None
True
"""

from __future__ import annotations

import re

from .lexicon.grammar import FUNCTION_WORDS
from .lexicon.people import DESCRIPTOR_SUFFIXES, ROLE_NOUNS
from .mentions import NAME, Mention
from .names import is_title, looks_org, norm, speaker_head
from .patterns import REPORT_VERB_SET
from .runs import run_mention
from .tokens import Token, is_cap_token, words_of

_ROLE_WORDS = 4  # lower-case words in a role ("conservative talk radio host")
_NAME_WORDS = 4  # capitalised words in the person's name
# a number among the role words: "9/11 widow" (read as "9", "11"), "34-year-old teacher", "2016 nominee"
_NUMBER_WORD = re.compile(r"\d+(?:-[a-z]+)*$")

# "(R-Fla.)", ", D-Md.,": a US party and state tag after a name
PARTY_TAG = re.compile(r"\s*(?:\(\s*[RDI]\s*-\s*[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\s*\)|,\s*[RDI]\s*-\s*[A-Z][A-Za-z.]*,?)\s*$")


def is_role_noun(word: str) -> bool:
    """Can ``word`` end a role before a name (``host``, ``chairman``, ``psychologist``)?"""
    w = word.lower()
    return w in ROLE_NOUNS or is_title(w) or speaker_head(w) or w.endswith(DESCRIPTOR_SUFFIXES)


def role_words_end(toks: list[Token], k: int) -> int | None:
    """Where the lower-case role words starting at ``toks[k]`` end (the index
    of the capitalised word after them), or ``None``: one to four words
    (numbers too: ``9/11 widow``, ``34-year-old teacher``), no function word
    or speech verb, the last a role noun."""
    e = k
    while e < len(toks) and e - k < _ROLE_WORDS and (toks[e].text[:1].islower() or _NUMBER_WORD.match(toks[e].text)):
        w = toks[e].text.lower()
        if norm(w) in FUNCTION_WORDS or w in REPORT_VERB_SET or not (w.replace("-", "").isalpha()
                                                                     or _NUMBER_WORD.match(w)):
            return None
        e += 1
    if e == k or e >= len(toks) or not is_cap_token(toks[e].text) or not is_role_noun(toks[e - 1].text):
        return None
    return e


def role_then_name(toks: list[Token], k: int, lo: int = 0) -> Mention | None:
    """The person named after the role words starting at ``toks[k]`` (with
    ``toks[lo:k]`` the capitalised employer, party or place before them), the
    whole as the role: a name of two to four capitalised words, not an
    organisation's, running to the end of ``toks`` or to a non-capital."""
    e = role_words_end(toks, k)
    if e is None:
        return None
    n = e
    while n < len(toks) and is_cap_token(toks[n].text):
        n += 1
    if not 2 <= n - e <= _NAME_WORDS:
        return None
    pm = run_mention(toks[e:n], False)
    if pm is None or pm.kind is not NAME or looks_org(" ".join(pm.tokens)):
        return None
    return pm.with_role(" ".join(words_of(toks[lo:e])))


# "Economists polled by Reuters": the outlet that asked is not the speaker
ASKED_BY = re.compile(r"\s+(?:polled|contacted|surveyed|interviewed|questioned|asked|reached|queried|canvassed"
                      r"|consulted)\s+by\s+"
                      r"(?:the\s+)?[A-Z][\w.&'’\-]*(?:\s+[A-Z][\w.&'’\-]*){0,3}\s*$")


_ASKED_BY_ANYWHERE = re.compile(r"\s+(?:polled|contacted|surveyed|interviewed|questioned|asked|reached|queried"
                                r"|canvassed|consulted|obtained|seen|quoted)\s+by\s+")


def cut_asked_by(text: str, pos: int, hi: int) -> int:
    """Where the words after ``pos`` stop naming the source: before "polled
    by ..." (``according to fund managers polled by Reuters here``), else ``hi``."""
    m = _ASKED_BY_ANYWHERE.search(text, pos, hi)
    return m.start() if m else hi


def strip_asked_by(seg: str) -> str:
    """``Economists polled by Reuters`` -> ``Economists``."""
    m = ASKED_BY.search(seg, max(0, len(seg) - 80))
    return seg[: m.start()] if m else seg


def strip_party_tag(seg: str) -> str:
    """``Rep. Jane Holt (R-Ore.)`` -> ``Rep. Jane Holt``: a party tag is never the speaker."""
    if "(" not in seg and "D-" not in seg and "R-" not in seg and "I-" not in seg:
        return seg  # no tag can match (one is "(...)", the other ", D-Ark."): no search over the segment
    m = PARTY_TAG.search(seg)
    return seg[: m.start()] if m else seg
