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
>>> document_owner(np_at_end("The company statement said", 0, 21)).text
'company'
"""

from __future__ import annotations

import re

from .lexicon.people import DESCRIPTORS, ORG_NOUNS
from .lexicon.speech import DOCUMENT_HEADS, STATEMENT_VERBS
from .mentions import ANONYMOUS, NAME, ROLE, Mention
from .names import is_place_description, norm, strip_det
from .patterns import alternation

_LOOK_BACK = 1500  # characters before the document's mention searched for its issuer
_ISSUER = re.compile(
    r"((?:[Tt]he\s+)?[A-Z][\w.&'’\-]*(?:\s+(?:of\s+the\s+|of\s+|for\s+)?[A-Z][\w.&'’\-]*){0,6})\s+"
    r"(?:\w+ly\s+)?" + alternation(STATEMENT_VERBS) + r"\s+(?:a|an|its|the|his|her|their)\s+(?:[\w\-]+\s+){0,2}?"
    + r"(?P<doc>" + alternation(DOCUMENT_HEADS) + r")\b")


def is_bare_document(m: Mention) -> bool:
    """Is ``m`` a document with nothing to say who wrote it (``the
    statement``, ``a report``)?"""
    if m.kind is not ANONYMOUS:
        return False
    words = strip_det(m.text).lower().split()
    # "the statement", "an official statement", "a joint statement": no owner in the words
    return bool(words) and words[-1] in DOCUMENT_HEADS and len(words) <= 3 \
        and all(w.replace("-", "").isalpha() and w not in ORG_NOUNS for w in words[:-1])


_OWNED = frozenset((*DOCUMENT_HEADS, "report", "letter"))  # documents whose owner may be named before them


def document_owner(m: Mention) -> Mention | None:
    """The owner named before a document (``the Atlas statement`` -> Atlas), or ``None``."""
    if m.kind is not ANONYMOUS or m.head.lower() not in _OWNED:
        return None
    words = m.text.split()
    lead = 1 if words and words[0].lower() in ("the", "a", "an") else 0
    owner = words[lead:-1]
    if not 1 <= len(owner) <= 5 or words[-1].lower() != m.head.lower():
        return None
    start = m.start + len(" ".join(words[:lead])) + (1 if lead else 0)
    text = " ".join(owner)
    if m.text[start - m.start : start - m.start + len(text)] != text:
        return None  # spaced otherwise than one space: leave it
    if len(owner) == 1 and norm(owner[0]) in DESCRIPTORS or is_place_description(owner):
        # "the Democrat report": whoever "the Democrat" is, not a person called Democrat
        return Mention(ROLE, start, start + len(text), text, tuple(owner), role=text, head=norm(owner[-1]))
    if all(w[:1].isupper() for w in owner):
        return Mention(NAME, start, start + len(text), text, tuple(owner), name_start=start)
    if len(owner) <= 2 and all(w.isalpha() and w.islower() for w in owner) and owner[-1] in ORG_NOUNS:
        # "the company statement said": the company speaks (whichever firm "the company" means)
        return Mention(ANONYMOUS, start, start + len(text), text, tuple(owner), head=owner[-1],
                       definite=words[0].lower() == "the")
    return None


def source_of_document(source: str, at: int, head: str | None = None) -> tuple[int, int] | None:
    """Where the issuer named before ``at`` of the document (of kind
    ``head``, any kind when ``None``) is written ("The Security Council"),
    or ``None``: the last one issued before ``at``."""
    found = None
    for im in _ISSUER.finditer(source, max(0, at - _LOOK_BACK), at):
        if head is None or im.group("doc").lower() == head:
            found = im
    return found.span(1) if found else None
