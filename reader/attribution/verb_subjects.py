"""Who speaks through a reporting verb: the subject before ``said``, ``claims``, ``told``.

The noun phrase right before the verb, read over a party tag or an aside,
or the sentence's subject after "and"; and the subjects that say nothing
(a relative clause's gap, a passive, a noun that looks like a verb)::

    >>> m = "Sen. Ann Lee (D-Ore.) said the bill would pass."
    >>> verb_subject(m, 0, m.index(" said")).text
    'Sen. Ann Lee'
"""

from __future__ import annotations

import re

from .lexicon.grammar import (
    ADJECTIVE_NAMES,
    BE_FORMS,
    CLAUSE_LINKS,
    NP_PREPOSITIONS,
    NUMBER_WORDS,
    OBJECT_RELATIVES,
    PREPOSITIONS,
)
from .lexicon.speech import (
    NOUN_HOMOGRAPHS,
    PARTICIPLE_FORMS,
)
from .mentions import ANONYMOUS, NAME, PRONOUN, ROLE, Mention
from .names import speaker_head
from .openers import sentence_subject
from .patterns import (
    AND_BEFORE,
    ASIDE_AT_END,
    CLAUSE_LEAD,
    PARTY_TAG,
    PARTY_TAG_ANY,
    PERCENT_SUBJECT,
    WORD,
)
from .subjects import np_at_end

_TAG_WINDOW = 40  # characters before a verb searched for a party tag or "and"
_SUBJECT_WINDOW = 300  # characters before a verb read for a subject with asides
_BURIED_WORDS = 4  # words before a subject in its comma segment that make it no subject
_LONGEST_SOURCE = 10  # words of a subject phrase read without the noun-phrase reader
_POSSESSIVE_END = re.compile(r"\w['’]s?\s+$")  # "Pagliano's " right before a name


def verb_subject(m: str, s: int, k: int) -> Mention | None:
    """The subject of a speech verb at ``k`` in the sentence starting at
    ``s``: the noun phrase before it (over a party tag, ``Sen. Ann Lee
    (D-Ore.) said``), or after "and" the sentence's subject (``X did Y and
    said CLAUSE``)."""
    head = m[max(s, k - _TAG_WINDOW) : k]
    tm = PARTY_TAG.search(head)
    if tm is not None:
        k -= len(head) - tm.start()
    if AND_BEFORE.search(m, max(s, k - _TAG_WINDOW), k):
        # "X did Y and said ...": the sentence's subject, not the words before "and"
        mention = sentence_subject(m, s, k)
        return None if mention is None or mention.kind is ROLE or mention.end >= k else mention
    return np_at_end(m, s, k) or _subject_over_asides(m, s, k) or _plain_subject(m, s, k)


def _plain_subject(m: str, s: int, k: int) -> Mention | None:
    """Subjects the noun-phrase reader leaves out: a share of people
    (``Another 19 percent said``) and a sentence-opening description with a
    capital (``Experts on shipping and port security said``)."""
    pm = PERCENT_SUBJECT.search(m, max(s, k - _TAG_WINDOW * 2), k)
    if pm is not None:
        words = tuple(WORD.findall(pm.group(1)))
        return Mention(ANONYMOUS, pm.start(1), pm.end(1), pm.group(1), words, head=words[-1])
    lo = CLAUSE_LEAD.match(m, s, k).end()
    words = WORD.findall(m[lo:k])
    if 2 <= len(words) <= _LONGEST_SOURCE and words[0][:1].isupper() and speaker_head(words[0]) and \
            words[1].lower() in NP_PREPOSITIONS and not any(c in m[lo:k] for c in ",;:\x00"):
        end = lo + len(m[lo:k].rstrip())
        return Mention(ANONYMOUS, lo, end, m[lo:end], tuple(words), head=words[0])
    return None


def _subject_over_asides(m: str, s: int, k: int) -> Mention | None:
    """The subject before ``k`` read with its asides blanked out: a party tag
    (``Rep. Gary Moss (D-N.Y.), chairman of the fund, said``), a relative
    clause (``Derek Marsh, who served in Oslo until 2010, said``) or a
    dashed aside (``Kell -- co-author of a book -- said``)."""
    lo = max(s, k - _SUBJECT_WINDOW)
    seg = PARTY_TAG_ANY.sub(_blank, m[lo:k])
    am = ASIDE_AT_END.search(seg)
    if am is not None:
        seg = seg[: am.start()] + " " * (len(seg) - am.start())
    if seg == m[lo:k]:
        return None
    mention = np_at_end(seg, 0, len(seg))
    if mention is None:
        return None
    return mention._replace(start=mention.start + lo, end=mention.end + lo,
                            name_start=mention.name_start + lo if mention.name_start >= 0 else -1)


def _blank(mm: re.Match) -> str:
    return " " * len(mm.group())


def buried(m: str, s: int, mention: Mention, k: int) -> bool:
    """``A did not go well with the board, and B fell apart, said one
    source``: a "subject" found deep inside the comma segment before a verb
    that follows a comma is a word of the clause, not the speaker."""
    if not m[s:k].rstrip().endswith(","):
        return False
    pre = m[s : mention.start]
    seg = pre[pre.rfind(",") + 1 :]
    return len(WORD.findall(seg)) >= _BURIED_WORDS


def not_a_speaker(m: str, s: int, mention: Mention, vm: re.Match) -> bool:
    """Subjects that say nothing: "the target it pledged to reach", "what
    experts say it does" (a relative clause's gap), "Reagan was asked" (a
    passive), "member states trump" ("states" as a noun), "Democratic
    claims" (an adjective)."""
    verb = vm.group()
    if mention.kind is PRONOUN and _relative_gap(m, s, mention.start):
        return True
    before = m[max(s, mention.start - 30) : mention.start].split()
    if before and before[-1] in OBJECT_RELATIVES and (len(before) < 2 or before[-2] not in PREPOSITIONS):
        return True  # "what he says ...", not "in which he said ..."
    gap = m[mention.end : vm.start()]
    if (verb.endswith("ed") or verb in PARTICIPLE_FORMS) and "," not in gap and \
            any(w in BE_FORMS for w in gap.lower().split()[-3:]):
        return True  # "Reagan was once asked how ..."
    if verb in NOUN_HOMOGRAPHS and (mention.kind not in (PRONOUN, NAME) or _POSSESSIVE_END.search(m, s, mention.start)):
        return True  # "his claims", "Pagliano's Fifth Amendment claims": a noun
    if mention.kind is NAME and (mention.text.split()[0] in PREPOSITIONS or
                                 mention.name_start >= 0 and m[mention.name_start : mention.name_start + 1].islower()):
        return True  # "of California" (from "Feinstein, Democrat of California, said")
    last = mention.text.split()[-1].lower() if mention.text else ""
    return mention.kind is NAME and len(mention.tokens) == 1 and (
        last in ADJECTIVE_NAMES or all(part in NUMBER_WORDS for part in last.split("-")))


def _relative_gap(m: str, s: int, k: int) -> bool:
    """``the target it pledged to reach``: a pronoun right after a noun opens
    a relative clause whose object is missing; what follows is no clause."""
    before = m[max(s, k - 40) : k].split()
    if not before:
        return False
    w = before[-1]
    if w in OBJECT_RELATIVES and len(before) > 1 and before[-2] in PREPOSITIONS:
        return False  # "an interview in which he said ..."
    return w.isalpha() and w.islower() and w not in CLAUSE_LINKS
