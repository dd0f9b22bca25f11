"""Descriptions of a source: ``a source with knowledge of the matter``,
``Chinese officials``, ``the general manager of an oil company``.

>>> from reader.attribution.tokens import tokenize
>>> text = "Earlier, a source with knowledge of the matter"
>>> m = common_np(tokenize(text, 0, len(text)))
>>> m.text, m.head, m.definite
('a source with knowledge of the matter', 'source', False)
"""

from __future__ import annotations

from .lexicon.grammar import (
    DEFINITE_WORDS,
    DETERMINERS,
    FUNCTION_WORDS,
    NP_PREPOSITIONS,
    OF_PREPOSITIONS,
    PRONOUNS,
    RELATIVE_PRONOUNS,
)
from .mentions import ANONYMOUS, Mention
from .names import norm, speaker_head
from .patterns import REPORT_VERB_SET
from .tokens import Token, is_cap_token, is_word, words_of

_LONGEST = 12  # words in a description


def _head_of(words: list[str], k: int) -> str:
    """The head of the phrase starting at ``words[k]``: its last word before
    the first preposition (``source`` in ``source with knowledge``)."""
    head = words[k]
    for x in words[k + 1 :]:
        if x.lower() in NP_PREPOSITIONS:
            break
        head = x
    return head


_AMOUNTS = frozenset(("hundred", "thousand", "million", "billion", "trillion", "percent"))


def _modifiers_start(words: list[str], s: int, digits_stop: bool) -> int:
    """Extend a phrase starting at ``words[s]`` leftwards over its modifiers,
    taking one determiner and stopping at a function word, preposition,
    pronoun or speech verb (and a number, when ``digits_stop``)."""
    while s > 0:
        pl = words[s - 1].lower()
        if pl in DETERMINERS:
            return s - 1
        if pl in FUNCTION_WORDS or pl in NP_PREPOSITIONS or pl in PRONOUNS or pl in REPORT_VERB_SET or (
                digits_stop and (pl.isdigit() or pl in _AMOUNTS)):
            return s  # "$20 million experts say": the experts, not "million experts"
        s -= 1
    return s


def common_np(toks: list[Token]) -> Mention | None:
    """A description of a source at the end of ``toks``, headed by a speaker
    noun (:func:`~reader.attribution.names.speaker_head`), or ``None``.

    The rightmost word that starts a phrase with such a head wins; the phrase
    reaches left over modifiers to a determiner, and up over "of"/"at" to a
    speaker noun it belongs to (``the general manager of an oil company``).
    A relative clause inside (``officials who ...``) makes it no subject.
    """
    n = len(toks)
    lo = n
    while lo > 0 and is_word(toks[lo - 1].text) and n - lo < _LONGEST:
        lo -= 1
    words = words_of(toks[lo:])
    for k in range(len(words) - 1, -1, -1):
        if words[k].lower() in NP_PREPOSITIONS:
            continue
        head = _head_of(words, k)
        if not speaker_head(head) or is_cap_token(head) and norm(head) != "police":
            continue
        s = _modifiers_start(words, k, digits_stop=True)
        # "the general manager of an oil company": the phrase is headed by
        # the speaker noun before the preposition
        while s >= 2 and words[s - 1].lower() in OF_PREPOSITIONS and \
                speaker_head(words[s - 2]) and not is_cap_token(words[s - 2]):
            head = words[s - 2]
            k = s = s - 2
            s = _modifiers_start(words, s, digits_stop=False)
        if any(x.lower() in RELATIVE_PRONOUNS for x in words[s:]):
            return None
        definite = words[s].lower() in DEFINITE_WORDS or any(x.endswith(("'s", "’s")) for x in words[s:k])
        return Mention(ANONYMOUS, toks[lo + s].start, toks[-1].end, " ".join(words[s:]), tuple(words[s:]),
                       definite=definite, head=head)
    return None
