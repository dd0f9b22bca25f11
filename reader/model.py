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
    url: str | None = None  # where it was published (http or https only; see reader.sanitize.web_url)

    @property
    def outlet_label(self) -> str:
        """``"NPR (via MPR News)"``, ``"NPR"`` or ``""``."""
        if self.outlet and self.via and self.via != self.outlet:
            return f"{self.outlet} (via {self.via})"
        return self.outlet or self.via or ""


QuoteKind = Literal["direct", "partial", "reported"]

# How a speaker was found (see :class:`Evidence`).
Via = Literal["named", "description", "role", "pronoun", "according-to", "colon", "previous-sentence", "continued"]
VIAS: tuple[str, ...] = ("named", "description", "role", "pronoun", "according-to", "colon", "previous-sentence",
                         "continued")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a quote was given to its speaker.

    ``start``/``end``: the cue, the words that attribute the quote (``Ned
    Price said``, ``according to Price``, ``she added``, ``told reporters:``),
    offsets into the source.  ``via`` says how the speaker was found, one
    word of :data:`VIAS`, the first that applies:

    * ``continued``: no cue of its own; the speaker of the quote before (in
      the paragraph, or ending the paragraph before) carries on, and the cue
      is that quote's;
    * ``pronoun``: the cue is a pronoun (``she added``) resolved to an
      earlier mention;
    * ``role``: the cue is a title (``the Foreign Minister said``) resolved to the
      person holding it;
    * ``according-to``: ``according to X``, ``in the words of X``;
    * ``colon``: ``X said:`` ending the paragraph before, or a sentence that
      ends with a colon before the quote (``Sunak defended the record:``);
    * ``previous-sentence``: the sentence before introduces the quote
      (``Whitlock disagreed.``);
    * ``description``: the cue describes the speaker without naming them:
      an unnamed source (``a source said``), or a description taken to mean
      someone named before (``the company said``, ``the Minister said``);
    * ``named``: the cue names the speaker (``Price said``).

    ``antecedent``: what a pronoun or title was taken to mean (the mention
    of the speaker it refers back to), or for ``continued`` the quote whose
    speaker carries on.
    """

    start: int
    end: int
    via: Via
    antecedent: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation (or piece of reported speech) and who said it.

    ``text`` is ``source[start:end]``: the quoted words without the outer
    quotation marks, or the reported clause.  ``speaker`` is the canonical
    name (``"Antony Blinken"``) or ``None`` when nobody is credited.
    ``cue`` is the span of the speaker mention this quote was attributed
    through (``"Price"`` in ``Price said``), if any; ``evidence`` the whole
    cue and how the speaker was found (whenever there is a speaker).
    ``reported_by``: who reported the speaker's words, when the article
    quotes them second hand (``CGTN also said Wang "urged ..."``: the
    speaker is Wang Yi, ``reported_by`` CGTN).
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None
    paragraph: int
    cue: tuple[int, int] | None = None
    evidence: Evidence | None = None
    reported_by: str | None = None


# "place": a country or capital speaking as its government ("Poland said"); the
# directory gives it across articles (reader.speaker_keys.is_place).
SpeakerKind = Literal["person", "organisation", "anonymous", "place"]


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
