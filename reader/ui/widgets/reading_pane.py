"""The reading pane: the cleaned article, with every quotation and its
speaker highlighted in that speaker's colour.

The body is an :class:`~reader.ui.widgets.article_body.ArticleBody`: only the
paragraphs on screen are styled, and moving to the next quote restyles the
two paragraphs it leaves and enters, so a 20,000-paragraph article answers
keys as fast as a short one.  Each paragraph finds its quotes and speaker
mentions by bisection in lists sorted once, when the article opens
(:class:`Prepared`).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter

from rich.style import Style
from rich.text import Text
from textual._spatial_map import SpatialMap
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.layout import DockArrangeResult
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from reader.dates import readable_date
from reader.model import Article, Attribution, Quote, Span
from reader.sanitize import one_line, visible
from reader.ui import keys
from reader.ui.evidence_text import describe
from reader.ui.palette import SpeakerColours, by_prominence
from reader.ui.widgets.article_body import ArticleBody, Paragraphs

_TABLE_HINT = "   "


def paragraph_text(paragraph: Span) -> str:
    """Display text of a paragraph, the same length as its source span.

    A hard-wrapped paragraph flows again (its newlines become spaces); a table
    keeps its lines.
    """
    text = visible(paragraph.text).replace("\r", " ")
    if "\n" in text and _TABLE_HINT not in text:
        text = text.replace("\n", " ")
    return text


def quote_style(quote: Quote, dimmed: bool, colours: SpeakerColours) -> Style:
    colour = colours.colour(quote.speaker)
    if dimmed:
        return Style(dim=True)
    if quote.kind == "reported":
        return Style(color=colour, italic=True)
    return Style(color=colour, bold=quote.kind == "direct")


def render_paragraph(
    paragraph: Span,
    quotes: list[Quote],
    mentions: list[tuple[int, int, str]],
    focus_speaker: str | None = None,
    current: Quote | None = None,
    marked: tuple[int, int] | None = None,
    colours: SpeakerColours | None = None,
) -> Text:
    """One paragraph as a Rich Text: untrusted text, styles by offset only.

    The ``current`` quote is reversed, and its cue (the words that attribute
    it, in this paragraph or another) underlined in its speaker's colour."""
    text = Text(paragraph_text(paragraph))
    colours = colours if colours is not None else SpeakerColours()
    base = paragraph.start
    for quote in quotes:
        dimmed = focus_speaker is not None and quote.speaker != focus_speaker
        style = quote_style(quote, dimmed, colours)
        start, end = quote.start - base, quote.end - base
        if quote.kind != "reported":  # take the quotation marks in too
            start, end = max(start - 1, 0), min(end + 1, len(text))
        text.stylize(style, start, end)
        if quote is current:
            text.stylize(Style(reverse=True), start, end)
    for start, end, name in mentions:
        if focus_speaker is not None and name != focus_speaker:
            continue
        text.stylize(Style(color=colours.colour(name), bold=True, underline=True), start - base, end - base)
    evidence = current.evidence if current is not None else None
    if current is not None and evidence is not None and evidence.end > base and evidence.start < paragraph.end:
        text.stylize(Style(color=colours.colour(current.speaker), underline=True),
                     max(evidence.start - base, 0), min(evidence.end - base, len(text)))
    if marked is not None and marked[1] > base and marked[0] < paragraph.end:
        text.stylize(Style(reverse=True), max(marked[0] - base, 0), min(marked[1] - base, len(text)))
    return text


Mention = tuple[int, int, str]  # start, end, speaker name


@dataclass
class Prepared:
    """What the pane works out once per article (kept for the last few opened,
    so going back to a long article, ``j`` then ``k``, is instant): the text
    of each paragraph, the quotes in paragraph order and the speaker
    mentions in source order, so each paragraph finds its own by bisection.
    Flat lists, not one list per paragraph: fewer objects for the garbage
    collector to walk on every full collection.

    >>> text = 'Ana Lopez spoke. "Yes," Lopez said.'
    >>> article = Article("a", "a.txt", text, "t", (Span(0, 16, text[:16]), Span(17, 35, text[17:])))
    >>> from reader.model import Speaker
    >>> speaker = Speaker("Ana Lopez", mentions=((0, 9), (24, 29)))
    >>> prepared = Prepared.of(article, Attribution((Quote(18, 21, "Yes", "direct", "Ana Lopez", 1),), (speaker,)))
    >>> prepared.quotes_in(1), prepared.mentions_in(article.paragraphs[1])
    ([Quote(start=18, ...)], [(24, 29, 'Ana Lopez')])
    """

    article: Article
    attribution: Attribution
    paragraphs: Paragraphs  # their texts, and their layouts once worked out
    starts: list[int]  # paragraph starts, to find the paragraph of an offset
    quotes: list[Quote]  # by paragraph
    quote_paragraphs: list[int]  # the paragraph of each of ``quotes``
    mentions: list[Mention]  # by start
    colours: SpeakerColours  # the article's speakers, most quoted first

    @classmethod
    def of(cls, article: Article, attribution: Attribution) -> Prepared:
        quotes = sorted(attribution.quotes, key=attrgetter("paragraph"))
        mentions = [(start, end, s.name) for s in attribution.speakers for start, end in s.mentions]
        mentions.sort()
        return cls(
            article,
            attribution,
            Paragraphs([paragraph_text(paragraph) for paragraph in article.paragraphs]),
            [paragraph.start for paragraph in article.paragraphs],
            quotes,
            [quote.paragraph for quote in quotes],
            mentions,
            SpeakerColours([*by_prominence(attribution.speakers), *(q.speaker for q in attribution.quotes)]),
        )

    def quotes_in(self, index: int) -> list[Quote]:
        keys = self.quote_paragraphs
        return self.quotes[bisect_left(keys, index) : bisect_right(keys, index)]

    def mentions_in(self, paragraph: Span) -> list[Mention]:
        """The mentions wholly inside ``paragraph``."""
        mentions = self.mentions
        found = mentions[bisect_left(mentions, (paragraph.start,)) : bisect_left(mentions, (paragraph.end + 1,))]
        return [mention for mention in found if mention[1] <= paragraph.end]


KEPT = 4  # articles whose preparation is kept


class ReadingPane(VerticalScroll, can_focus=True):
    """Shows one article; ``]`` and ``[`` walk through its quotes."""

    BINDINGS = keys.bindings(keys.PANE)

    article: reactive[Article | None] = reactive(None, init=False)
    focus_speaker: reactive[str | None] = reactive(None, init=False)

    @dataclass
    class QuoteChanged(Message):
        """The current quote moved (for the footer / status); ``how``: how its
        speaker was found (:func:`~reader.ui.evidence_text.describe`)."""

        index: int
        total: int
        how: str = ""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.attribution = Attribution()
        self.current_quote = -1
        self.marked: tuple[int, int] | None = None
        self._prepared: OrderedDict[str, Prepared] = OrderedDict()
        self._now: Prepared | None = None
        self._shown: Sequence[int] = ()  # the quotes ] and [ walk through

    def compose(self):
        yield Static(id="article-header")
        yield Static(id="article-captions")
        yield ArticleBody(id="article-body")

    def show(self, article: Article, attribution: Attribution) -> None:
        self.attribution = attribution
        self.current_quote = -1
        self.marked = None
        self.set_reactive(ReadingPane.focus_speaker, None)
        self.article = article
        self._now = self._prepare(article, attribution)
        self._shown = range(len(attribution.quotes))
        self._render_header(article)
        self.query_one(ArticleBody).show(self._now.paragraphs, self._paint)
        self.scroll_home(animate=False)

    def arrange(self, size: Size, optimal: bool = False) -> DockArrangeResult:
        """Textual's arrangement of the header, captions and body, with a
        coarser map of where they are: Textual files each child under every
        20-line band it covers, 3,350 bands for the body of a 20,000-paragraph
        article, on each of the three layouts an opened article takes (2 ms
        each).  Bands of 10,000 lines find the same three children (the map
        may name a child not in view; Textual checks)."""
        arrangement = super().arrange(size, optimal)
        if getattr(arrangement, "_spatial_map", False) is None:  # Textual 8.2's private map; else leave it be
            try:
                coarse: SpatialMap = SpatialMap(grid_width=1_000, grid_height=10_000)
                coarse.insert(
                    (place.region.grow(place.margin), place.offset, place.fixed, place.overlay, place)
                    for place in arrangement.placements
                )
            except (AttributeError, TypeError):  # another Textual: its own map, slower on huge articles
                return arrangement
            arrangement._spatial_map = coarse
        return arrangement

    @property
    def colours(self) -> SpeakerColours:
        """The open article's speaker colours (the speakers panel uses them too)."""
        return self._now.colours if self._now is not None else SpeakerColours()

    def repaint(self) -> None:
        """Draw the article again (the theme, and so the colours, changed)."""
        if self.article is not None:
            self.query_one(ArticleBody).repaint()

    def _prepare(self, article: Article, attribution: Attribution) -> Prepared:
        kept = self._prepared.pop(article.id, None)
        if kept is None or kept.article is not article or kept.attribution is not attribution:
            kept = Prepared.of(article, attribution)
        self._prepared[article.id] = kept
        while len(self._prepared) > KEPT:
            self._prepared.popitem(last=False)
        return kept

    def watch_focus_speaker(self, speaker: str | None) -> None:
        quotes = self.attribution.quotes
        everyone = range(len(quotes))
        self._shown = everyone if speaker is None else [i for i in everyone if quotes[i].speaker == speaker]
        if self.article is not None:
            self.query_one(ArticleBody).repaint()

    def _render_header(self, article: Article) -> None:
        header = Text()
        header.append(one_line(article.title), style="bold")
        details = [
            one_line(part)
            for part in (article.byline, article.outlet_label, article.section, readable_date(article.date or ""))
            if part
        ]
        if details:
            header.append("\n")
            header.append(" · ".join(details), style="italic")
        self.query_one("#article-header", Static).update(header)

        captions = self.query_one("#article-captions", Static)
        if article.captions:
            text = Text()
            for i, caption in enumerate(article.captions):
                if i:
                    text.append("\n")
                text.append("▣ ", style="dim")
                text.append(one_line(caption.text))
                if caption.credit:
                    text.append(f"  ({one_line(caption.credit)})", style="dim")
            captions.update(text)
            captions.display = True
        else:
            captions.display = False

    def _paint(self, index: int) -> Text:
        """Paragraph ``index`` as it looks now (the body asks for those on screen)."""
        assert self.article is not None and self._now is not None
        current = self.attribution.quotes[self.current_quote] if self.current_quote >= 0 else None
        return render_paragraph(
            self.article.paragraphs[index],
            self._now.quotes_in(index),
            self._now.mentions_in(self.article.paragraphs[index]),
            self.focus_speaker,
            current,
            self.marked,
            self._now.colours,
        )

    def _paragraph_of(self, offset: int) -> int | None:
        """The paragraph holding source offset ``offset`` (its end included)."""
        assert self.article is not None and self._now is not None
        index = bisect_right(self._now.starts, offset) - 1
        return index if index >= 0 and offset <= self.article.paragraphs[index].end else None

    def _paragraphs_of(self, span: tuple[int, int] | None) -> range:
        """The paragraphs a span of the source touches."""
        if span is None or self._now is None:
            return range(0)
        first = bisect_right(self._now.starts, span[0]) - 1
        last = bisect_right(self._now.starts, max(span[1] - 1, span[0])) - 1
        return range(max(first, 0), last + 1)

    def _scroll_to_offset(self, offset: int, again: bool = True) -> None:
        """Scroll so that character ``offset`` is near the top.  When the
        article was just opened its layout may not be done yet (a busy
        machine): a target beyond the current end is tried once more after
        the next refresh, which lays it out."""
        article = self.article
        index = self._paragraph_of(offset) if article is not None else None
        if article is None or index is None:
            self.scroll_home(animate=False)
            return
        body = self.query_one(ArticleBody)
        line = body.line_of(index, offset - article.paragraphs[index].start)
        target = max(body.virtual_region.y + line - 2, 0)
        if again and target > self.max_scroll_y:
            self.call_after_refresh(self._scroll_to_offset, offset, False)
        self.scroll_to(y=target, animate=False)

    def mark(self, start: int, end: int) -> None:
        """Highlight a span of the article (a search hit) and bring it into view."""
        changed = self._paragraphs_of(self.marked)
        self.marked = (start, end)
        self.query_one(ArticleBody).repaint([*changed, *self._paragraphs_of(self.marked)])
        self.call_after_refresh(self._scroll_to_offset, start)

    def go_to_quote(self, step: int) -> None:
        candidates = self._shown
        if not candidates or self.article is None:
            self.app.bell()
            return
        position = bisect_left(candidates, self.current_quote)
        if position == len(candidates) or candidates[position] != self.current_quote:
            position = 0 if step > 0 else len(candidates) - 1
        else:
            position = (position + step) % len(candidates)
        quotes = self.attribution.quotes
        changed = [*self._paragraphs_of_quote(self.current_quote)]
        self.current_quote = candidates[position]
        quote = quotes[self.current_quote]
        self.query_one(ArticleBody).repaint([*changed, *self._paragraphs_of_quote(self.current_quote)])
        self._scroll_to_offset(quote.start)
        self.post_message(self.QuoteChanged(position + 1, len(candidates), describe(quote, self.article.source)))

    def _paragraphs_of_quote(self, index: int) -> list[int]:
        """The paragraphs quote ``index`` and its cue are drawn in."""
        if index < 0:
            return []
        quote = self.attribution.quotes[index]
        evidence = quote.evidence
        return [quote.paragraph, *self._paragraphs_of((evidence.start, evidence.end) if evidence else None)]


