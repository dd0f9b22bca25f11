"""Who published an article: a wire service's sign-off, the copyright holder, the site it came through.

Each function reads the paragraphs :mod:`reader.cleaning` has split and marked
(the last lines of a wire story, the copyright line) and may mark a sign-off
line too::

    >>> wire_name("REUTER"), wire_name("Reueter"), wire_name("AFP"), wire_name("Smith")
    ('Reuters', 'Reuters', 'AFP', None)
    >>> outlet_and_via("NPR", "MPR News"), outlet_and_via("NPR", "npr"), outlet_and_via(None, "inkl")
    (('NPR', 'MPR News'), ('NPR', None), ('inkl', None))
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

if TYPE_CHECKING:
    from reader.cleaning import _Para as Para

__all__ = ["COPYRIGHT", "copyright_line", "outlet_and_via", "sign_off", "wire_name"]

COPYRIGHT = re.compile(
    r"^(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?P<holder>[^.,;:]*)",
    re.IGNORECASE,
)
# A sign-off that names a wire service: one capitalised word ("Reuter", "AFP";
# two words would more often be the writer's name).
_SIGNED = re.compile(r"[A-Z][A-Za-z]{1,15}$")
_NOT_SIGNED = frozenset({"END", "ENDS", "MORE", "ENDIT", "ENDITEM", "FIN", "FINIS", "INTERRUPTED", "CORRECTED"})
# Wire services that sign off their copy, as they write their names.
_WIRES = {
    w.lower(): w
    for w in "Reuters AFP AP UPI dpa Xinhua Kyodo Bloomberg TASS ANSA EFE AAP PTI Bernama Yonhap".split()
} | {"reuter": "Reuters"}  # the agency's old sign-off: one outlet, one name
# What transmission leaves after a sign-off: "REUTER...", "Reuter...^M".
_TRAILER = re.compile(r"(?:\s|\.|\^M)+$")
# A sign-off glued to the last sentence: '... the sources said. REUTER', '... 17 REUTER',
# '... <DAI>. reuter^M', 'REUTER11:43/VB' (only a known wire's name counts: see wire_name).
_GLUED = re.compile(r"(?<=[.!?\"”'’)>\d])\s+(?P<wire>[A-Za-z][A-Za-z]{1,9})(?:\d\d?:\d\d/[A-Z]{1,4})?(?:\s|\.|\^M)*$")


def sign_off(paras: list[Para]) -> str | None:
    """A one- or two-word line closing the file, no sentence and no digits
    (``"Reuter"``, ``"ENDS"``), leaves the body; when it is one capitalised
    word that is no end marker, or a wire service however written
    (``"reuter"``, ``"REUTER..."``, a typo like ``"Reueter"``), it names the
    wire service (``"REUTER"`` -> ``"Reuters"``; ``"AFP"`` stays).  A wire's
    name glued to the last sentence (``"... sources said. REUTER"``) is cut
    off it the same way."""
    closing = next((p for p in reversed(paras) if p.text.strip()), None)
    if closing is not None and closing.role != "body" and closing.words <= 2:
        # a sign-off already taken out of the body with the footer above it
        wire = wire_name(_TRAILER.sub("", closing.text))
        if wire:
            return wire
    tail = [p for p in paras if p.role == "body"]
    if len(tail) < 2:
        return None
    last = tail[-1]
    text = _TRAILER.sub("", last.text)
    if not text:
        return None
    raw = last.text.rstrip()
    # "He left." is a sentence and "All..." a teaser cut short; only a wire's
    # name may trail dots or a stray ^M ("REUTER...").
    sentence = raw.endswith(".") and not (raw.endswith("..") and wire_name(text))
    if any(c.isdigit() for c in text) or last.words > 2 or sentence or raw.endswith("^M") and not wire_name(text) \
            or text[-1] in "!?":
        return _glued_sign_off(last)
    last.role = "signoff"
    wire = wire_name(text)
    if wire:
        return wire
    if not _SIGNED.match(text) or text.upper() in _NOT_SIGNED:
        return None
    return text.capitalize() if text.isupper() and len(text) > 4 else text


def _glued_sign_off(last: Para) -> str | None:
    """The wire service whose name is glued to the end of the last paragraph
    (``"... total 55.8 (33.7).        REUTER"``), cut off it; else None."""
    glued = _GLUED.search(last.text)
    wire = wire_name(glued.group("wire")) if glued else None
    if glued and wire:
        last.text = last.text[: glued.start()]
        last.end = last.start + len(last.text)
    return wire


def wire_name(word: str) -> str | None:
    """A wire service's name however a sign-off writes it: ``reuter``,
    ``REUTER``, ``Reueter`` -> ``Reuters``; ``AFP``; else None."""
    key = word.lower()
    if key in _WIRES:
        return _WIRES[key]
    if len(key) >= 5:
        for known, name in _WIRES.items():
            if len(known) >= 5 and fuzz.ratio(key, known) >= 80:
                return name
    return None


def copyright_line(paras: list[Para]) -> tuple[str | None, str | None]:
    """The first copyright line, without a trailing "To see more ..." pitch,
    and its holder when it names one in five words or fewer
    (``"Copyright 2023 NPR."`` -> ``("Copyright 2023 NPR.", "NPR")``)."""
    text = next((p.text for p in paras if p.role == "copyright"), None)
    if not text:
        return text, None
    match = COPYRIGHT.match(text)
    holder = match.group("holder").strip() if match else None
    holder = holder if holder and len(holder.split()) <= 5 else None
    return re.sub(r"\.\s*(?:To see more|Read more|For more)\b.*$", ".", text, flags=re.I), holder


def outlet_and_via(outlet: str | None, host: str | None) -> tuple[str | None, str | None]:
    """The outlet, and the site it came through when that is another:
    ``("NPR", "MPR News")`` stays, ``("NPR", "npr")`` is ``("NPR", None)``,
    and with no outlet the host is the outlet."""
    via = host
    if via and outlet and via.lower() == outlet.lower():
        via = None
    if outlet is None and via is not None:
        outlet, via = via, None
    return outlet, via
