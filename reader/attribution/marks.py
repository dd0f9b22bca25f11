"""Quotation conventions: a paragraph's marks rewritten, length for length,
into the double marks the pairing reads.

* ``''`` (two apostrophes, the New York Times archive's double mark) becomes
  one double mark and a space: an opening one before a word
  (``''We`` -> `` "We``), a closing one elsewhere (``ready,''`` -> ``ready," ``);
  ``'''`` keeps the single mark it holds (``'no.'''`` -> ``'no.'" ``).

* Single marks (British and Australian papers: ``'We won,' said Lynch.``,
  ``‘…’``) become double marks in a paragraph that quotes with them: one
  whose double marks, if any, all sit inside single-quoted words (``'He
  said "no",' she said.``: those inner marks then become single ones).
  Apostrophes are never marks: ``don't``, ``the '90s``, ``rock 'n' roll``,
  and a possessive ``Dons' fans`` closes a quotation only when nothing
  better does.

Every rewrite keeps the length, so offsets into the rewritten text are
offsets into the source (the quotation's words are always cut from the source).

>>> normalise_marks("''We are ready,'' Price said.")
' "We are ready,"  Price said.'
>>> normalise_marks("She said ''No.''") == 'She said  "No." '
True
>>> normalise_marks("the Jones' house")
"the Jones' house"
>>> print(normalise_marks("'We don't know,' said Lynch."))
“We don't know,” said Lynch.
>>> print(normalise_marks("'He said “no” in the '90s,' she said."))
“He said ‘no’ in the '90s,” she said.
>>> print(normalise_marks("She said “it's 'fine'” today."))
She said “it's 'fine'” today.
"""

from __future__ import annotations

import re

# '' or ''' : the double mark (and a single one beside it)
_TWO_APOSTROPHES = re.compile(r"''('?)")


def _two_apostrophes(mm: re.Match) -> str:
    """`` "`` before a word, ``" `` elsewhere; a third apostrophe kept on the word's side."""
    t, e = mm.string, mm.end()
    nxt = t[e] if e < len(t) else " "
    single = mm.group(1)
    if nxt.isalnum():
        return ' "' + single  # ''We / '''Sir: the double mark opens (then a single one)
    return single + '" '  # ready,'' / no.''': a single one closes first, then the double


_SINGLE = re.compile(r"['‘’]")
_DOUBLE = re.compile(r"[\"“”„«»]")
# after an opening single mark: an apostrophe's word, not a quotation ('90s, 'em, 'n', 'til)
_ELISION = re.compile(r"(?:\d\d?s?\b|(?:em|n|til|cause|tis|twas|s)\b)", re.I)
_OPEN_BEFORE = " \t\n([{—–-/"
_CLOSE_AFTER = " \t\n.,;:!?)]}—–-…"


def _single_pairs(t: str) -> list[tuple[int, int]]:
    """The single marks of ``t`` that pair as quotations (opener, closer)."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    weak: int | None = None  # a possessive "Dons' " that may close
    n = len(t)
    for mm in _SINGLE.finditer(t):
        i = mm.start()
        prev = t[i - 1] if i else " "
        nxt = t[i + 1] if i + 1 < n else " "
        if open_at is None or (weak is not None and prev in _OPEN_BEFORE):
            if prev in _OPEN_BEFORE and t[i] != "’" and (nxt.isalnum() or nxt in "\"“…") and \
                    not _ELISION.match(t, i + 1):
                if weak is not None and open_at is not None:
                    pairs.append((open_at, weak))  # the possessive closed it after all
                    weak = None
                open_at = i
            continue
        if prev.isspace() or t[i] == "‘" or nxt.isalnum():
            continue  # an opener inside, or an apostrophe (don't)
        if nxt not in _CLOSE_AFTER and nxt not in "\"”":
            continue
        if prev in "sz" and nxt in " \t" and i + 2 < n and t[i + 2].isalpha():
            weak = i if weak is None else weak  # "Dons' fans": close here only if nothing better
            continue
        pairs.append((open_at, i))
        open_at = weak = None
    if open_at is not None and weak is not None:
        pairs.append((open_at, weak))
    return pairs


def _single_convention(t: str) -> str:
    """``t`` with single-mark quotations made double, when it quotes with
    single marks (its double marks, if any, all inside them)."""
    pairs = _single_pairs(t)
    if not pairs:
        return t
    doubles = [mm.start() for mm in _DOUBLE.finditer(t)]
    k = 0
    for d in doubles:
        while k < len(pairs) and pairs[k][1] < d:
            k += 1
        if k == len(pairs) or not pairs[k][0] < d:
            return t  # a double mark outside: double marks quote here, singles nest
    chars = list(t)
    for o, c in pairs:
        chars[o], chars[c] = "“", "”"
    for d in doubles:
        chars[d] = "’" if d and not t[d - 1].isspace() else "‘"
    return "".join(chars)


def normalise_marks(text: str, single_marks: bool = True) -> str:
    """``text`` with its quotation conventions made plain double marks (same
    length); ``single_marks``: the article quotes with single marks (see
    :func:`quotes_with_single_marks`)."""
    if "''" in text:
        text = _TWO_APOSTROPHES.sub(_two_apostrophes, text)
    if single_marks and ("'" in text or "‘" in text):
        text = _single_convention(text)
    return text


def quotes_with_single_marks(source: str) -> bool:
    """Does the article quote with single marks?  When its single-mark
    quotations outnumber its double marks: an American article's few single
    marks are scare quotes or nest inside double ones, a British one's double
    marks nest inside single ones.

    >>> quotes_with_single_marks("'We won,' said Lynch. 'It was \u201chard\u201d.'")
    True
    >>> quotes_with_single_marks("“We won,” said Lynch, calling it a 'miracle'. “Yes.”")
    False
    """
    if "'" not in source and "‘" not in source:
        return False
    doubles = len(_DOUBLE.findall(source)) + source.count("''")
    return 2 * len(_single_pairs(source)) >= doubles
