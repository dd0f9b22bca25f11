"""The reading pane: the cleaned article, with every quotation and its
speaker highlighted in that speaker's colour."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from reader.model import Article, Attribution, Quote, Span
from reader.sanitize import one_line, visible
from reader.ui.palette import speaker_colour

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


def quote_style(quote: Quote, dimmed: bool) -> Style:
    colour = speaker_colour(quote.speaker)
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
) -> Text:
    """One paragraph as a Rich Text: untrusted text, styles by offset only."""
    text = Text(paragraph_text(paragraph))
    base = paragraph.start
    for quote in quotes:
        dimmed = focus_speaker is not None and quote.speaker != focus_speaker
        style = quote_style(quote, dimmed)
        start, end = quote.start - base, quote.end - base
        if quote.kind != "reported":  # take the quotation marks in too
            start, end = max(start - 1, 0), min(end + 1, len(text))
        text.stylize(style, start, end)
        if quote is current:
            text.stylize(Style(reverse=True), start, end)
    for start, end, name in mentions:
        if focus_speaker is not None and name != focus_speaker:
            continue
        text.stylize(Style(color=speaker_colour(name), bold=True, underline=True), start - base, end - base)
    if marked is not None and marked[1] > base and marked[0] < paragraph.end:
        text.stylize(Style(reverse=True), max(marked[0] - base, 0), min(marked[1] - base, len(text)))
    return text


class ReadingPane(VerticalScroll, can_focus=True):
    """Shows one article; ``]`` and ``[`` walk through its quotes."""

    BINDINGS = [
        Binding("right_square_bracket", "next_quote", "Next quote"),
        Binding("left_square_bracket", "previous_quote", "Prev quote"),
    ]

    article: reactive[Article | None] = reactive(None, init=False)
    focus_speaker: reactive[str | None] = reactive(None, init=False)

    @dataclass
    class QuoteChanged(Message):
        """The current quote moved (for the footer / status)."""

        index: int
        total: int

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.attribution = Attribution()
        self.current_quote = -1
        self.marked: tuple[int, int] | None = None

    def compose(self):
        yield Static(id="article-header")
        yield Static(id="article-captions")
        yield Static(id="article-body")

    def show(self, article: Article, attribution: Attribution) -> None:
        self.attribution = attribution
        self.current_quote = -1
        self.marked = None
        self.set_reactive(ReadingPane.focus_speaker, None)  # rendered just below, once
        self.article = article
        self._render_article()
        self.scroll_home(animate=False)

    def watch_focus_speaker(self) -> None:
        if self.article is not None:
            self._render_article()

    def _render_article(self) -> None:
        article = self.article
        if article is None:
            return
        header = Text()
        header.append(one_line(article.title), style="bold")
        details = [one_line(part) for part in (article.byline, article.outlet_label, article.section, article.date) if part]
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

        by_paragraph: dict[int, list[Quote]] = {}
        for quote in self.attribution.quotes:
            by_paragraph.setdefault(quote.paragraph, []).append(quote)
        mentions = sorted(
            (start, end, speaker.name) for speaker in self.attribution.speakers for start, end in speaker.mentions
        )
        current = self.attribution.quotes[self.current_quote] if self.current_quote >= 0 else None
        body = Text()
        for i, paragraph in enumerate(article.paragraphs):
            if i:
                body.append("\n\n")
            inside = [m for m in mentions if paragraph.start <= m[0] and m[1] <= paragraph.end]
            body.append_text(
                render_paragraph(
                    paragraph, by_paragraph.get(i, []), inside, self.focus_speaker, current, self.marked
                )
            )
        self.query_one("#article-body", Static).update(body)

    def _line_of(self, offset: int) -> int:
        """The body line showing source offset ``offset``, at the current width."""
        article = self.article
        assert article is not None
        body = self.query_one("#article-body", Static)
        width = max(body.content_region.width, 1)
        prefix = Text()
        for paragraph in article.paragraphs:
            if paragraph.end < offset:
                prefix.append(paragraph_text(paragraph) + "\n\n")
            else:
                prefix.append(paragraph_text(paragraph)[: max(offset - paragraph.start, 0)])
                break
        lines = prefix.wrap(self.app.console, width)
        return max(len(lines) - 1, 0)

    def _scroll_to_offset(self, offset: int) -> None:
        body = self.query_one("#article-body", Static)
        inside = any(p.start <= offset <= p.end for p in self.article.paragraphs) if self.article else False
        if not inside:
            self.scroll_home(animate=False)
            return
        line = self._line_of(offset)
        self.scroll_to(y=max(body.virtual_region.y + line - 2, 0), animate=False)

    def mark(self, start: int, end: int) -> None:
        """Highlight a span of the article (a search hit) and bring it into view."""
        self.marked = (start, end)
        self._render_article()
        self.call_after_refresh(self._scroll_to_offset, start)

    def _visible_quotes(self) -> list[int]:
        return [
            i
            for i, q in enumerate(self.attribution.quotes)
            if self.focus_speaker is None or q.speaker == self.focus_speaker
        ]

    def _go_to_quote(self, step: int) -> None:
        candidates = self._visible_quotes()
        if not candidates or self.article is None:
            self.app.bell()
            return
        if self.current_quote not in candidates:
            target = candidates[0] if step > 0 else candidates[-1]
        else:
            position = candidates.index(self.current_quote) + step
            target = candidates[position % len(candidates)]
        self.current_quote = target
        self._render_article()
        self._scroll_to_offset(self.attribution.quotes[target].start)
        self.post_message(self.QuoteChanged(candidates.index(target) + 1, len(candidates)))

    def action_next_quote(self) -> None:
        self._go_to_quote(1)

    def action_previous_quote(self) -> None:
        self._go_to_quote(-1)
