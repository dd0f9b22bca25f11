"""A document as the subject of a speech verb: who issued it speaks.

"The statement said" names nobody: the speaker is whoever issued the
statement ("The Security Council issued a statement ... The statement
noted ..."), found in the text before it; when no issuer is named, the
quotation gets no speaker rather than "statement".

>>> text = "The Security Council issued a statement on Friday. The statement noted it was a breach."
>>> s, e = source_of_document(text, text.index("The statement"))
>>> text[s:e]
'The Security Council'
>>> source_of_document("The statement noted it was a breach.", 0) is None
True

A document with its owner's name before it speaks for the owner: "the
Finance Ministry statement said" is the Finance Ministry speaking.

>>> from reader.attribution.subjects import np_at_end
>>> document_owner(np_at_end("The Finance Ministry statement said", 0, 30)).text
'Finance Ministry'
"""

from __future__ import annotations

import re

from .lexicon.speech import DOCUMENT_HEADS, STATEMENT_VERBS
from .mentions import ANONYMOUS, NAME, Mention
from .names import strip_det
from .patterns import alternation

_LOOK_BACK = 1500  # characters before the document's mention searched for its issuer
_ISSUER = re.compile(
    r"((?:[Tt]he\s+)?[A-Z][\w.&'’\-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+)?[A-Z][\w.&'’\-]*){0,6})\s+"
    r"(?:\w+ly\s+)?" + alternation(STATEMENT_VERBS) + r"\s+(?:a|an|its|the|his|her|their)\s+(?:[\w\-]+\s+){0,2}?"
    + r"(?P<doc>" + alternation(DOCUMENT_HEADS) + r")\b")


def is_bare_document(m: Mention) -> bool:
    """Is ``m`` a document with nothing to say who wrote it (``the
    statement``, ``a report``)?"""
    return m.kind is ANONYMOUS and strip_det(m.text).lower() in DOCUMENT_HEADS


_OWNED = frozenset((*DOCUMENT_HEADS, "report", "letter"))  # documents whose owner may be named before them


def document_owner(m: Mention) -> Mention | None:
    """The owner named before a document (``the Atlas statement`` -> Atlas), or ``None``."""
    if m.kind is not ANONYMOUS or m.head.lower() not in _OWNED:
        return None
    words = m.text.split()
    lead = 1 if words and words[0].lower() in ("the", "a", "an") else 0
    owner = words[lead:-1]
    if not 1 <= len(owner) <= 5 or not all(w[:1].isupper() for w in owner) or words[-1].lower() != m.head.lower():
        return None
    start = m.start + len(" ".join(words[:lead])) + (1 if lead else 0)
    text = " ".join(owner)
    if m.text[start - m.start : start - m.start + len(text)] != text:
        return None  # spaced otherwise than one space: leave it
    return Mention(NAME, start, start + len(text), text, tuple(owner), name_start=start)


def source_of_document(source: str, at: int, head: str | None = None) -> tuple[int, int] | None:
    """Where the issuer named before ``at`` of the document (of kind
    ``head``, any kind when ``None``) is written ("The Security Council"),
    or ``None``: the last one issued before ``at``."""
    found = None
    for im in _ISSUER.finditer(source, max(0, at - _LOOK_BACK), at):
        if head is None or im.group("doc").lower() == head:
            found = im
    return found.span(1) if found else None
