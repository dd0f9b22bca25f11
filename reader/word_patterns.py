"""Case-insensitive patterns of whole words, quick to search.

A pattern ``\\b(?:a | b | ...)\\b`` over dozens of words is tried at every
word start of the text; a look-ahead for the letters those words start with
lets the search pass over most word starts at once.
"""

from __future__ import annotations

import re

__all__ = ["any_word_of"]


def any_word_of(alternatives: str) -> re.Pattern:
    r"""``\b(?:alternatives)\b``, case-insensitive and verbose, with a look-ahead
    for the first letters of the alternatives: the search passes over most
    word starts at once (twice as fast on prose; the same matches, as every
    alternative starts with one of those letters).

    >>> pattern = any_word_of(r"sign[\s-]?up | log[\s-]?in")
    >>> pattern.pattern[:10], [m.group() for m in pattern.finditer("Sign-up, LOG IN, blog in")]
    ('\\b(?=[ls])', ['Sign-up', 'LOG IN'])
    """
    parts, depth, start = [], 0, 0
    for i, c in enumerate(alternatives):
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            parts.append(alternatives[start:i])
            start = i + 1
    parts.append(alternatives[start:])
    words = [part.strip() for part in parts]
    # each must start with a letter that is there (not "a?b", which may start with b)
    assert all(w[0].isalpha() and w[1:2] not in ("?", "*", "{") for w in words), words
    firsts = {w[0] for w in words}
    letters = "".join(sorted(firsts))
    return re.compile(rf"\b(?=[{letters}])(?:{alternatives})\b", re.IGNORECASE | re.VERBOSE)
