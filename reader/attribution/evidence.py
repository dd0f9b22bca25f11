"""The evidence of an attribution: the cue's words in the source and how
the speaker was found (:class:`reader.model.Evidence`).

``via`` names the one inference a reader most needs to check, the first
that applies: a speaker carried on from the quote before (``continued``);
a pronoun or a title resolved to someone (``pronoun``, ``role``); a cue in
an unusual place (``according-to``, ``colon``, ``previous-sentence``);
else whether the cue describes the speaker or names them
(``description``, ``named``).

>>> from reader.attribution.mentions import Mention, PRONOUN
>>> from reader.attribution.paragraph import Paragraph
>>> from reader.attribution.resolve import Resolved
>>> par = Paragraph(0, 10, '"We are ready," she added.')
>>> cue = Cue(Mention(PRONOUN, 16, 19, "she"), 0, 20, 25, "after")
>>> evidence_of([par], cue, Resolved("Ana Ruiz", (26, 29), (0, 8)))
Evidence(start=26, end=35, via='pronoun', antecedent=(0, 8))
>>> continued(Evidence(26, 35, "pronoun", (0, 8)), (11, 24))
Evidence(start=26, end=35, via='continued', antecedent=(11, 24))
"""

from __future__ import annotations

from typing import cast

from ..model import Evidence, Via
from .cues import Cue
from .mentions import ANONYMOUS, PRONOUN, ROLE
from .paragraph import Paragraph
from .resolve import Resolved

_SPECIAL_ROUTES = ("according-to", "colon", "previous-sentence")


def via_of(cue: Cue) -> Via:
    """How a speaker found through ``cue`` was found (see the module docstring)."""
    kind = cue.mention.kind
    if kind is PRONOUN:
        return "pronoun"
    if kind is ROLE:
        return "role"
    if cue.route in _SPECIAL_ROUTES:
        return cast(Via, cue.route)
    return "description" if kind is ANONYMOUS else "named"


def evidence_of(paragraphs: list[Paragraph], cue: Cue, resolved: Resolved) -> Evidence:
    """The evidence of a speaker ``resolved`` from ``cue``."""
    base = paragraphs[cue.par].base
    lo, hi = cue.span
    return Evidence(base + lo, base + hi, via_of(cue), resolved.antecedent)


def continued(before: Evidence, quote: tuple[int, int]) -> Evidence:
    """The evidence of a speaker carried on from the attribution ``quote``
    (source span) whose evidence was ``before``: its cue."""
    return Evidence(before.start, before.end, "continued", quote)
