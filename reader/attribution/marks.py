"""Quotation conventions: a paragraph's marks rewritten, length for length,
into the double marks the pairing reads.

* ``''`` (two apostrophes, the New York Times archive's double mark) becomes
  one double mark and a space: an opening one before a word
  (``''We`` -> `` "We``), a closing one elsewhere (``ready,''`` -> ``ready," ``);
  ``'''`` keeps the single mark it holds (``'no.'''`` -> ``'no.'" ``).

Every rewrite keeps the length, so offsets into the rewritten text are
offsets into the source (the quotation's words are always cut from the source).

>>> normalise_marks("''We are ready,'' Price said.")
' "We are ready,"  Price said.'
>>> normalise_marks("She said ''No.''") == 'She said  "No." '
True
>>> normalise_marks("the Jones' house")
"the Jones' house"
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


def normalise_marks(text: str) -> str:
    """``text`` with its quotation conventions made plain double marks (same length)."""
    if "''" in text:
        text = _TWO_APOSTROPHES.sub(_two_apostrophes, text)
    return text
