"""The article model: immutable records that flow from files to the UI.

Every offset in these records is a character offset into ``Article.source``,
the decoded text of the file exactly as it was read (no newline translation),
so ``article.source[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass(frozen=True, slots=True)
class Span:
    """A run of the source text: a paragraph, a caption, a quote."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo caption and the credit that goes with it (either may be empty)."""

    text: str
    credit: str = ""


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: metadata, captions and body paragraphs."""

    id: str
    path: str
    source: str
    title: str
    paragraphs: tuple[Span, ...] = ()
    outlet: str | None = None
    via: str | None = None
    byline: str | None = None
    section: str | None = None
    copyright: str | None = None
    date: str | None = None
    captions: tuple[Caption, ...] = ()

    @property
    def outlet_label(self) -> str:
        """``"NPR (via MPR News)"``, ``"NPR"`` or ``""``."""
        if self.outlet and self.via and self.via != self.outlet:
            return f"{self.outlet} (via {self.via})"
        return self.outlet or self.via or ""


QuoteKind = Literal["direct", "partial", "reported"]


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation (or piece of reported speech) and who said it.

    ``text`` is ``source[start:end]``: the quoted words without the outer
    quotation marks, or the reported clause.  ``speaker`` is the canonical
    name (``"Antony Blinken"``) or ``None`` when nobody is credited.
    ``cue`` is the span of the speaker mention this quote was attributed
    through (``"Price"`` in ``Price said``), if any.
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None
    paragraph: int
    cue: tuple[int, int] | None = None


SpeakerKind = Literal["person", "organisation", "anonymous"]


@dataclass(frozen=True, slots=True)
class Speaker:
    """A canonical speaker of one article, with every way it was named."""

    name: str
    kind: SpeakerKind = "person"
    role: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[tuple[int, int], ...] = ()
    quotes: int = 0


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said what in one article."""

    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = field(default=())

    def speaker(self, name: str) -> Speaker | None:
        return next((s for s in self.speakers if s.name == name), None)
