"""The speaker directory: everyone quoted in the corpus, and what they said.

``s`` opens it with the filter focused: type part of a name (typos are
forgiven), and the best match's quotes show at once, each with its article
and outlet and, when the same words appear in other articles of the story,
who else quoted them.  Enter on a quote opens the article at that quote.
Every speaker is listed (a virtual list: 13,000 cost nothing); anonymous
sources ("traders · 410 quotes in 240 articles") are hidden until ``a``.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from reader.dates import span_label
from reader.directory import Directory, SpeakerEntry
from reader.export import quote_records
from reader.model import Article, Quote
from reader.sanitize import one_line
from reader.stories import Story
from reader.ui import keys
from reader.ui.messages import InsightsReady, LoadProgress, QuoteTarget
from reader.ui.palette import SpeakerColours
from reader.ui.quote_card import copy_quote_card
from reader.ui.waiting import waiting_note
from reader.ui.widgets.virtual_list import VirtualList

KIND_LABELS = {"anonymous": "anonymous sources", "place": "a place, speaking as its government"}


def speaker_line(entry: SpeakerEntry, colours: SpeakerColours) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(colours.shape(entry.name) + " ", style=colours.colour(entry.name))
    text.append(one_line(entry.name), style="bold")
    text.append(f"  {entry.quote_count} · {entry.article_count} art.", style="dim")
    if entry.role:
        text.append(f"\n  {one_line(entry.role)}", style="dim italic")
    elif entry.kind in KIND_LABELS:
        text.append(f"\n  {KIND_LABELS[entry.kind]}", style="dim italic")
    return text


class SpeakersScreen(Screen[QuoteTarget | None]):
    """Filter on the left, the chosen speaker's words on the right."""

    AUTO_FOCUS = "#speaker-filter"
    BINDINGS = keys.bindings(keys.SPEAKERS_VIEW)

    def __init__(self, directory: Directory | None, stories: list[Story], query: str = "") -> None:
        """``directory`` may be ``None`` while the reader still builds it: the
        screen opens at once, takes typing, and fills in on :meth:`set_directory`."""
        super().__init__()
        self.directory: Directory | None = None
        self.story_of: dict[str, Story] = {}
        self.shared: dict[tuple[str, int], tuple[Article, ...]] = {}
        self.entries: list[SpeakerEntry] = []
        self.quotes: list[tuple[Article, Quote]] = []
        self._entry: SpeakerEntry | None = None  # the speaker whose quotes are shown
        self._query = query
        self.show_anonymous = False
        self._progress: tuple[int, int] | None = None
        self._built = False  # the widgets exist (on_mount ran): only then are they filled in
        self.colours = SpeakerColours()  # in the directory's order: most quoted first
        if directory is not None:
            self._take(directory, stories)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a name is typed in the filter, ``a`` and ``y`` are letters of it: their
        bindings leave the footer until the list or the quotes have the focus."""
        return not (action in ("toggle_anonymous", "copy_card") and isinstance(self.focused, Input))

    def _take(self, directory: Directory, stories: list[Story]) -> None:
        self.directory = directory
        named = [entry.name for entry in directory.speakers if entry.kind != "anonymous"]  # listed at first
        self.colours = SpeakerColours([*named, *(entry.name for entry in directory.speakers)])
        self.story_of = {a.id: story for story in stories for a in story.articles}
        self.shared = {}
        for story in stories:
            for shared in story.shared_quotes:
                for article, quote in shared.occurrences:
                    self.shared[(article.id, quote.start)] = tuple(a for a in shared.articles if a is not article)

    def waiting(self, progress: tuple[int, int] | None) -> None:
        """Say what the directory waits for: ``(files read, files)`` while loading.

        The reader may call this (and :meth:`set_directory`) as soon as the
        screen is pushed, before its widgets exist: what it is told is kept
        and shown by ``on_mount``."""
        self._progress = progress
        if self._built and self.directory is None:
            self.query_one("#speaker-summary", Static).update(waiting_note(
                progress, "The speaker directory follows.",
                "Building the speaker directory: it shows here as soon as it is ready.",
            ))

    def on_load_progress(self, message: LoadProgress) -> None:
        self.waiting(message.progress)

    def on_insights_ready(self, message: InsightsReady) -> None:
        if self.directory is None:
            self.set_directory(message.directory, message.stories)

    def set_directory(self, directory: Directory, stories: list[Story]) -> None:
        """The directory is ready: list the speakers the filter typed so far matches."""
        self._take(directory, stories)
        if self._built:
            self.query_one("#speaker-list", VirtualList).loading = False
            self._refilter(self.query_one("#speaker-filter", Input).value)

    def compose(self) -> ComposeResult:
        with Vertical(id="speakers-left"):
            yield Input(self._query, placeholder="filter speakers: a name, part of one, typos ok", id="speaker-filter")
            yield VirtualList(lambda entry: speaker_line(entry, self.colours), id="speaker-list")
        with Vertical(id="speakers-right"):
            yield Static(id="speaker-summary")
            yield OptionList(id="speaker-quotes")
        yield Footer()

    def on_mount(self) -> None:
        self._built = True
        if self.directory is None:
            listing = self.query_one("#speaker-list", VirtualList)
            listing.border_title = "Speakers"
            listing.loading = True
            self.waiting(self._progress)
            return
        self._refilter(self.query_one("#speaker-filter", Input).value)

    # --- the list of speakers -----------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        if self.directory is not None:
            self._refilter(event.value)

    def _refilter(self, query: str) -> None:
        assert self.directory is not None
        every = self.directory.filter(query) if query.strip() else self.directory.speakers
        self.entries = every if self.show_anonymous else [e for e in every if e.kind != "anonymous"]
        listing = self.query_one("#speaker-list", VirtualList)
        hidden = len(every) - len(self.entries)
        listing.border_title = f"Speakers ({len(self.entries):,})"
        listing.border_subtitle = f"{hidden:,} anonymous hidden · a in the list" if hidden else ""
        listing.set_rows(self.entries)
        if not self.entries:
            self._show(None, hidden)

    def action_toggle_anonymous(self) -> None:
        """Show or hide anonymous sources (``traders``, ``officials``)."""
        self.show_anonymous = not self.show_anonymous
        if self.directory is not None:
            self._refilter(self.query_one("#speaker-filter", Input).value)

    def action_move(self, step: int) -> None:
        listing = self.query_one("#speaker-list", VirtualList)
        if self.focused is self.query_one("#speaker-quotes"):
            quotes = self.query_one("#speaker-quotes", OptionList)
            quotes.action_cursor_down() if step > 0 else quotes.action_cursor_up()
            return
        listing.action_cursor_down() if step > 0 else listing.action_cursor_up()

    def on_virtual_list_highlighted(self, event: VirtualList.Highlighted) -> None:
        event.stop()
        self._show(self.entries[event.index])

    def on_virtual_list_selected(self, event: VirtualList.Selected) -> None:
        event.stop()
        self._focus_quotes()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._focus_quotes()

    def _focus_quotes(self) -> None:
        quotes = self.query_one("#speaker-quotes", OptionList)
        if quotes.option_count:
            quotes.focus()
            quotes.highlighted = 0

    # --- one speaker's words --------------------------------------------------------

    def _show(self, entry: SpeakerEntry | None, hidden: int = 0) -> None:
        summary = self.query_one("#speaker-summary", Static)
        quotes = self.query_one("#speaker-quotes", OptionList)
        self._entry = entry
        if entry is None:
            note = f" ({hidden:,} anonymous sources are hidden: a shows them)" if hidden else ""
            summary.update(Text("No speaker matches." + note, style="dim"))
            quotes.clear_options()
            self.quotes = []
            return
        text = Text()
        text.append(one_line(entry.name), style=f"bold {self.colours.colour(entry.name)}")
        if entry.role:
            text.append(f", {one_line(entry.role)}")
        others = [a for a in entry.aliases if a != entry.name]
        if others:
            text.append("\nalso named: ", style="dim")
            text.append("; ".join(one_line(a) for a in others[:6]))
        outlets = list(dict.fromkeys(one_line(a.outlet_label) for a in entry.articles if a.outlet_label))
        if len(outlets) > 6:
            outlets = outlets[:6] + [f"and {len(outlets) - 6} more"]
        text.append(f"\n{entry.quote_count} quote{'s' * (entry.quote_count != 1)} in ", style="dim")
        text.append(f"{entry.article_count} article{'s' * (entry.article_count != 1)}", style="dim")
        when = span_label(entry.articles)
        if when:
            text.append(f", {when}", style="dim")
        if outlets:
            text.append(": ", style="dim")
            text.append(", ".join(outlets))
        quoted_ids = {a.id for a in entry.articles}
        elsewhere: dict[str, Article] = {}
        for article in entry.articles:
            story = self.story_of.get(article.id)
            if story is not None:
                elsewhere.update((other.id, other) for other in story.articles if other.id not in quoted_ids)
        if elsewhere:
            text.append("\nthe same stories were also reported in ", style="dim")
            text.append(other_articles(list(elsewhere.values())))
        summary.update(text)

        self.quotes = list(entry.quotes)
        options = []
        for i, (article, quote) in enumerate(self.quotes):
            line = Text()
            line.append(f"{quote.kind:<9}", style="dim")
            line.append("“" if quote.kind != "reported" else "")
            line.append(one_line(quote.text), style=self.colours.colour(entry.name))
            line.append("”" if quote.kind != "reported" else "")
            line.append(f"\n         {one_line(article.title)}", style="dim")
            if article.outlet_label:
                line.append(f" · {one_line(article.outlet_label)}", style="dim")
            also = self.shared.get((article.id, quote.start))
            if also:
                line.append(f"\n         also quoted in {other_articles(list(also))}", style="bold")
            options.append(Option(line, id=str(i)))
        quotes.set_options(options)
        quotes.border_title = Text(f"What {one_line(entry.name)} said")  # a Text: never markup

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            article, quote = self.quotes[int(event.option.id)]
            self.dismiss(QuoteTarget(article.id, quote.start, quote.end))

    def action_copy_card(self) -> None:
        """Copy the highlighted quote as a citation (a quote card)."""
        quotes = self.query_one("#speaker-quotes", OptionList)
        if quotes.highlighted is None or not self.quotes or self._entry is None:
            self.app.notify("Move to a quote first (enter); y copies it as a citation.", timeout=4)
            return
        article, quote = self.quotes[quotes.highlighted]
        record = quote_records([(article, quote)])[0]
        record["role"] = self._entry.role
        copy_quote_card(self.app, record)

    def action_close(self) -> None:
        self.dismiss(None)


def other_articles(articles: list[Article]) -> str:
    """``1 other article · WEKU``, ``3 other articles · Reuters, AP``: how many, and their outlets
    (each once: a wire that filed three versions is one outlet, not three "also reported by";
    a file name is no outlet, so an article without one is only counted)."""
    outlets = list(dict.fromkeys(one_line(a.outlet_label) for a in articles if a.outlet_label))
    more = f" and {len(outlets) - 6} more" if len(outlets) > 6 else ""
    n = len(articles)
    return f"{n} other article{'s' * (n != 1)}" + (f" · {', '.join(outlets[:6])}{more}" if outlets else "")
