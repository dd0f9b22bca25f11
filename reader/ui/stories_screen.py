"""Stories: articles about the same event, side by side.

For the chosen story: which outlet quoted whom (a table, one column per
article), and the quotations that appear in more than one article, first
report first, with how the wording changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from reader.dates import short_day, when
from reader.directory import Directory
from reader.model import Article
from reader.sanitize import one_line
from reader.stories import Story
from reader.ui.palette import speaker_colour
from reader.ui.waiting import waiting_note

SHOWN = 500


def story_line(story: Story) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{len(story.articles):>2} ", style="bold")
    text.append(one_line(story.title))
    outlets = list(dict.fromkeys(one_line(a.outlet_label) for a in story.articles if a.outlet_label))
    if outlets or story.shared_quotes:
        text.append("\n   ")
        text.append(", ".join(outlets), style="dim")
        if story.shared_quotes:
            text.append(f"  {len(story.shared_quotes)} shared quote{'s' * (len(story.shared_quotes) != 1)}", style="dim")
    return text


COLUMNS = 6  # articles side by side; the rest are summed in one column


def column_labels(articles: Sequence[Article]) -> list[str]:
    """One label per article: its outlet, with the day (else the file) when outlets
    repeat; just the day when every article is from one outlet."""
    labels = [one_line(a.outlet_label or PurePath(a.path).name) for a in articles]
    days = [short_day(*day) if day is not None else "" for _, day in map(when, articles)]
    files = [PurePath(a.path).stem for a in articles]
    tails = [days, files]
    if len(articles) > 1 and len(set(labels)) == 1 and all(days):
        labels, tails = days, [files]
    for tail in tails:
        counts = Counter(labels)
        if all(n == 1 for n in counts.values()):
            break
        labels = [f"{label} {extra}".strip() if counts[label] > 1 else label for label, extra in zip(labels, tail)]
    return labels


def who_quoted_whom(story: Story, directory: Directory | None = None) -> Table | Text:
    """Rows: speakers (one row per person across the articles when a directory
    merges their names); columns: the story's articles; cells: number of quotes."""
    counts: dict[str, list[int]] = {}
    width = min(len(story.articles), COLUMNS + 1)
    for column, (article, attribution) in enumerate(zip(story.articles, story.attributions)):
        for quote in attribution.quotes:
            if quote.speaker:
                entry = directory.entry_for(article, quote.speaker) if directory is not None else None
                name = entry.name if entry is not None else quote.speaker
                counts.setdefault(name, [0] * width)[min(column, COLUMNS)] += 1
    if not counts:
        return Text("Nobody is quoted in these articles.", style="dim")
    table = Table(box=None, pad_edge=False, show_edge=False, expand=False, header_style="bold")
    table.add_column("speaker", no_wrap=True, max_width=28, overflow="ellipsis")
    for label in column_labels(story.articles[:COLUMNS]):
        table.add_column(Text(label), justify="center", max_width=18, overflow="ellipsis")  # never markup
    if len(story.articles) > COLUMNS:
        table.add_column(f"{len(story.articles) - COLUMNS} more", justify="center")
    for name, row in sorted(counts.items(), key=lambda item: -sum(item[1]))[:40]:
        table.add_row(Text(one_line(name), style=speaker_colour(name)), *[str(n) if n else "·" for n in row])
    return table


def shared_quotes_text(story: Story) -> Text:
    text = Text()
    if not story.shared_quotes:
        text.append("No quotation appears in more than one of these articles.", style="dim")
        return text
    for i, shared in enumerate(story.shared_quotes):
        if i:
            text.append("\n\n")
        first_article, first_quote = shared.first
        text.append("“" + one_line(first_quote.text) + "”", style=speaker_colour(shared.speaker))
        text.append(f"\n  {one_line(shared.speaker or 'no speaker')}", style="bold")
        text.append(f" · first reported by {one_line(first_article.outlet_label or first_article.path)}")
        if shared.also_quoted_by:
            text.append(f" · also quoted by {', '.join(one_line(o) for o in shared.also_quoted_by)}")
        for article, quote in shared.occurrences[1:]:
            if quote.text != first_quote.text:
                text.append(f"\n  {one_line(article.outlet_label or article.path)} has: ", style="dim")
                text.append("“" + one_line(quote.text) + "”", style="italic")
    return text


class StoriesScreen(Screen[str | None]):
    """Stories on the left; the chosen one side by side on the right.

    Enter opens the story's first report in the reader."""

    BINDINGS = [Binding("escape", "close", "Back"), Binding("enter", "open", "Open first report")]

    def __init__(self, stories: list[Story] | None, directory: Directory | None = None) -> None:
        """``stories`` may be ``None`` while the reader still groups them: the
        screen opens at once and fills in on :meth:`set_stories`."""
        super().__init__()
        self.stories: list[Story] | None = None if stories is None else self._shown(stories)
        self.directory = directory
        self._progress: tuple[int, int] | None = None
        self._built = False  # the widgets exist (on_mount ran): only then are they filled in

    @staticmethod
    def _shown(stories: list[Story]) -> list[Story]:
        grouped = [s for s in stories if len(s.articles) > 1]
        return (grouped or stories)[:SHOWN]

    def compose(self) -> ComposeResult:
        yield OptionList(id="story-list")
        with VerticalScroll(id="story-detail"):
            with Vertical():
                yield Static(id="story-title")
                yield Static(id="story-table")
                yield Static(id="story-shared")
        yield Footer()

    def on_mount(self) -> None:
        self._built = True
        listing = self.query_one("#story-list", OptionList)
        listing.focus()
        if self.stories is None:
            listing.border_title = "Stories"
            listing.loading = True
            self.waiting(self._progress)
            return
        self._fill()

    def waiting(self, progress: tuple[int, int] | None) -> None:
        """Say what the stories wait for: ``(files read, files)`` while loading.

        The reader may call this (and :meth:`set_stories`) as soon as the
        screen is pushed, before its widgets exist: what it is told is kept
        and shown by ``on_mount``."""
        self._progress = progress
        if self._built and self.stories is None:
            self.query_one("#story-title", Static).update(waiting_note(
                progress, "The stories follow.",
                "Grouping the articles into stories: they show here as soon as they are ready.",
            ))

    def set_stories(self, stories: list[Story], directory: Directory | None = None) -> None:
        """The stories are ready."""
        self.stories = self._shown(stories)
        self.directory = directory
        if self._built:
            self.query_one("#story-list", OptionList).loading = False
            self._fill()

    def _fill(self) -> None:
        assert self.stories is not None
        listing = self.query_one("#story-list", OptionList)
        listing.set_options(Option(story_line(s), id=str(i)) for i, s in enumerate(self.stories))
        listing.border_title = f"Stories ({len(self.stories):,})"
        if self.stories:
            listing.highlighted = 0
            self._show(self.stories[0])

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id is not None and self.stories is not None:
            self._show(self.stories[int(event.option.id)])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def _show(self, story: Story) -> None:
        title = Text(one_line(story.title), style="bold")
        title.append(f"\n{len(story.articles)} articles, first report first", style="dim")
        self.query_one("#story-title", Static).update(title)
        self.query_one("#story-table", Static).update(who_quoted_whom(story, self.directory))
        self.query_one("#story-shared", Static).update(shared_quotes_text(story))
        self._current = story

    def action_open(self) -> None:
        if self.stories is None:
            return  # still grouping: enter waits with the user
        story = getattr(self, "_current", None)
        self.dismiss(story.articles[0].id if story is not None else None)

    def action_close(self) -> None:
        self.dismiss(None)
