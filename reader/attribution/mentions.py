"""A mention: a stretch of a paragraph that may name a speaker.

The finders in :mod:`reader.attribution.subjects` and its neighbours return
mentions; :mod:`reader.attribution.resolve` turns one into a canonical
speaker.  Offsets are local to the paragraph (its masked text).

>>> m = Mention(Kind.NAME, 4, 13, "Ned Price", ("Ned", "Price"))
>>> m.kind is Kind.NAME, m.with_role("spokesperson").role, m.role
(True, 'spokesperson', None)
"""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple


class Kind(Enum):
    """What sort of words a mention is."""

    NAME = "name"  # "Ned Price", "Acme Corp", "Moody's"
    PRONOUN = "pron"  # "he", "she", "they", "it"
    ANONYMOUS = "anon"  # "a source with knowledge of the matter", "officials"
    ROLE = "role"  # "the Secretary", "Foreign Minister"


NAME, PRONOUN, ANONYMOUS, ROLE = Kind.NAME, Kind.PRONOUN, Kind.ANONYMOUS, Kind.ROLE


class Mention(NamedTuple):
    """Immutable; :meth:`with_role` and ``_replace`` make changed copies."""

    kind: Kind
    start: int  # paragraph-local
    end: int
    text: str
    tokens: tuple[str, ...] = ()
    role: str | None = None
    definite: bool = False  # "the ..." (a definite description)
    head: str = ""  # the head noun of a description or role ("source", "secretary")
    name_start: int = -1  # where the name proper starts (after any title)
    firm: bool = False  # an organisation by its form: "Moody's said", "Campaign for Better Transport said"

    def with_role(self, role: str | None) -> Mention:
        return self._replace(role=role)


def pronoun(start: int, end: int, text: str) -> Mention:
    """A pronoun mention ("he", "they")."""
    return Mention(PRONOUN, start, end, text)
