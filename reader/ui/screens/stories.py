"""Stories: articles about the same event, side by side.

For the chosen story: which outlet quoted whom (a table, one column per
article), and the quotations that appear in more than one article, first
report first, with how the wording changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher
from pathlib import PurePath

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from reader.dates import short_day, when
from reader.directory import Directory
from reader.model import Article
from reader.sanitize import one_line
from reader.stories import SharedQuote, Story
from reader.ui import keys
from reader.ui.messages import InsightsReady, LoadProgress, QuoteTarget
from reader.ui.palette import SpeakerColours
from reader.ui.waiting import waiting_note
from reader.ui.widgets.virtual_list import VirtualList


def story_line(story: Story) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{len(story.articles):>2} ", style="bold")
    text.append(one_line(story.title))
    outlets = list(dict.fromkeys(one_line(a.outlet_label) for a in story.articles if a.outlet_label))
    if outlets or story.shared_quotes:
        text.append("\n   ")
        text.append(", ".join(outlets), style="dim")
        if story.shared_quotes:
            text.append(
                f"  {len(story.shared_quotes)} shared quote{'s' * (len(story.shared_quotes) != 1)}", style="dim"
            )
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
        labels = [
            f"{label} {extra}".strip() if counts[label] > 1 else label
            for label, extra in zip(labels, tail, strict=False)
        ]
    return labels


def who_quoted_whom(
    story: Story, directory: Directory | None = None, colours: SpeakerColours | None = None
) -> Table | Text:
    """Rows: speakers (one row per person across the articles when a directory
    merges their names); columns: the story's articles; cells: number of quotes.
    Speakers get ``colours`` in row order (the most quoted first)."""
    colours = colours if colours is not None else SpeakerColours()
    counts: dict[str, list[int]] = {}
    width = min(len(story.articles), COLUMNS + 1)
    for column, (article, attribution) in enumerate(zip(story.articles, story.attributions, strict=False)):
        for quote in attribution.quotes:
            if quote.speaker:
                entry = directory.entry_for(article, quote.speaker) if directory is not None else None
                name = entry.name if entry is not None else quote.speaker
                counts.setdefault(name, [0] * width)[min(column, COLUMNS)] += 1
    if not counts:
        return Text("Nobody is quoted in these articles.", style="dim")
    table = Table(box=None, pad_edge=False, show_edge=False, expand=False, header_style="bold")
    table.add_column("speaker", no_wrap=True, max_width=28, overflow="ellipsis")
    for label, article in zip(column_labels(story.articles[:COLUMNS]), story.articles, strict=False):
        _, day = when(article)
        header = Text(label)  # never markup
        if day is not None and short_day(*day) not in label:
            header.append("\n" + short_day(*day), style="dim")
        table.add_column(header, justify="center", max_width=18, overflow="ellipsis")
    if len(story.articles) > COLUMNS:
        table.add_column(f"{len(story.articles) - COLUMNS} more", justify="center")
    for name, row in sorted(counts.items(), key=lambda item: -sum(item[1]))[:40]:
        cell = Text(colours.shape(name) + " ", style=colours.colour(name))
        cell.append(one_line(name))
        table.add_row(cell, *[str(n) if n else "·" for n in row])
    return table


def changed_words(first: str, later: str) -> Text:
    """``later`` against ``first`` word by word: words it dropped struck
    through, words it added underlined::

        >>> changed_words("we will reopen the port", "we will reopen the harbour soon").plain
        'we will reopen the port harbour soon'
    """
    a, b = first.split(), later.split()

    def keys(words: list[str]) -> list[str]:  # "months," and "months" are one word
        return [w.strip(".,;:!?\"'“”‘’()").casefold() for w in words]

    text = Text()
    for op, i1, i2, j1, j2 in SequenceMatcher(a=keys(a), b=keys(b), autojunk=False).get_opcodes():
        if op == "equal":
            parts = [(w, "") for w in b[j1:j2]]
        else:
            parts = [(w, "strike dim") for w in a[i1:i2]] + [(w, "underline bold") for w in b[j1:j2]]
        for word, style in parts:
            if text:
                text.append(" ")
            text.append(one_line(word), style=style)
    return text


def merged_name(directory: Directory | None, article: Article, speaker: str | None) -> str | None:
    """The speaker's name across the corpus (as in the who-quoted-whom table)."""
    entry = directory.entry_for(article, speaker) if directory is not None and speaker else None
    return entry.name if entry is not None else speaker


def report_label(article: Article) -> str:
    """``Reuters, Mar 12``: who published a report and on which day (a wire that filed two
    versions is told apart by the day); the file name when no outlet is known."""
    _, day = when(article)
    label = one_line(article.outlet_label or PurePath(article.path).name)
    return f"{label}, {short_day(*day)}" if day else label


def shared_quotes_text(story: Story, colours: SpeakerColours | None = None, directory: Directory | None = None) -> Text:
    colours = colours if colours is not None else SpeakerColours()
    text = Text()
    if not story.shared_quotes:
        text.append("No quotation appears in more than one of these articles.", style="dim")
        return text
    for i, shared in enumerate(story.shared_quotes):
        if i:
            text.append("\n\n")
        first_article, first_quote = shared.first
        colour = colours.colour(merged_name(directory, first_article, shared.speaker))
        text.append("“" + one_line(first_quote.text) + "”", style=colour)
        text.append(f"\n  {one_line(shared.speaker or 'no speaker')}", style="bold")
        text.append(f" · first reported by {report_label(first_article)}")
        later = [a for a in shared.articles if a is not first_article]
        if later:
            shown = "; ".join(report_label(a) for a in later[:4])
            shown += f" and {len(later) - 4} more" if len(later) > 4 else ""
            text.append(f" · also in {len(later)} later report{'s' * (len(later) != 1)}: {shown}")
        for article, quote in shared.occurrences[1:]:
            if quote.text != first_quote.text:
                text.append(f"\n  {one_line(article.outlet_label or PurePath(article.path).name)} has: ", style="dim")
                text.append("“")
                text.append(changed_words(first_quote.text, quote.text))
                text.append("”")
    return text


def report_line(article: Article) -> Text:
    """One report of a story, to open: its day, outlet and title."""
    _, day = when(article)
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"{short_day(*day) if day else '':<7}", style="dim")
    text.append(one_line(article.outlet_label or PurePath(article.path).name), style="bold")
    text.append("  " + one_line(article.title))
    return text


def shared_line(shared: SharedQuote, colour: str) -> Text:
    """A shared quotation, to open where it was first reported."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append("“" + one_line(shared.first[1].text) + "”", style=colour)
    text.append(f"  {one_line(shared.speaker or 'no speaker')}, in {len(shared.articles)} reports", style="dim")
    return text


class StoriesScreen(Screen[QuoteTarget | None]):
    """Stories on the left; the chosen one side by side on the right.

    Enter on a story moves to its reports and shared quotations; enter on
    one of those opens it in the reader (a quotation at its first report)."""

    BINDINGS = keys.bindings(keys.STORIES_VIEW)

    def __init__(self, stories: list[Story] | None, directory: Directory | None = None) -> None:
        """``stories`` may be ``None`` while the reader still groups them: the
        screen opens at once and fills in on :meth:`set_stories`."""
        super().__init__()
        self.stories: list[Story] | None = None if stories is None else self._shown(stories)
        self.directory = directory
        self._current: Story | None = None
        self._targets: list[QuoteTarget] = []  # what each row of #story-items opens
        self._progress: tuple[int, int] | None = None
        self._built = False  # the widgets exist (on_mount ran): only then are they filled in

    @staticmethod
    def _shown(stories: list[Story]) -> list[Story]:
        grouped = [s for s in stories if len(s.articles) > 1]
        return grouped or stories

    def compose(self) -> ComposeResult:
        yield VirtualList(story_line, id="story-list")
        with VerticalScroll(id="story-detail"), Vertical():
            yield Static(id="story-title")
            yield Static(id="story-table")
            yield OptionList(id="story-items")
            yield Static(id="story-shared")
        yield Footer()

    def on_mount(self) -> None:
        self._built = True
        listing = self.query_one("#story-list", VirtualList)
        listing.focus()
        self.query_one("#story-items", OptionList).border_title = "Reports and shared quotations · enter opens"
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
            self.query_one("#story-title", Static).update(
                waiting_note(
                    progress,
                    "The stories follow.",
                    "Grouping the articles into stories: they show here as soon as they are ready.",
                )
            )

    def on_load_progress(self, message: LoadProgress) -> None:
        self.waiting(message.progress)

    def on_insights_ready(self, message: InsightsReady) -> None:
        if self.stories is None:
            self.set_stories(message.stories, message.directory)

    def set_stories(self, stories: list[Story], directory: Directory | None = None) -> None:
        """The stories are ready."""
        self.stories = self._shown(stories)
        self.directory = directory
        if self._built:
            self.query_one("#story-list", VirtualList).loading = False
            self._fill()

    def _fill(self) -> None:
        assert self.stories is not None
        listing = self.query_one("#story-list", VirtualList)
        listing.border_title = f"Stories ({len(self.stories):,})"
        listing.set_rows(self.stories)

    def on_virtual_list_highlighted(self, event: VirtualList.Highlighted) -> None:
        event.stop()
        if self.stories is not None:
            self._show(self.stories[event.index])

    def on_virtual_list_selected(self, event: VirtualList.Selected) -> None:
        event.stop()
        items = self.query_one("#story-items", OptionList)
        if items.option_count:
            items.focus()
            items.highlighted = 0

    def _show(self, story: Story) -> None:
        title = Text(one_line(story.title), style="bold")
        dated = any(when(article)[1] is not None for article in story.articles)
        count = f"{len(story.articles)} article{'s' * (len(story.articles) != 1)}"
        title.append(f"\n{count}, first report first" if dated else f"\n{count}", style="dim")
        self.query_one("#story-title", Static).update(title)
        colours = SpeakerColours()  # given in the table's order, most quoted first
        self.query_one("#story-table", Static).update(who_quoted_whom(story, self.directory, colours))
        self.query_one("#story-shared", Static).update(shared_quotes_text(story, colours, self.directory))
        self._current = story
        self._targets = [QuoteTarget(a.id, -1, -1) for a in story.articles]
        options = [Option(report_line(a)) for a in story.articles]
        for shared in story.shared_quotes:
            article, quote = shared.first
            self._targets.append(QuoteTarget(article.id, quote.start, quote.end))
            colour = colours.colour(merged_name(self.directory, article, shared.speaker))
            options.append(Option(shared_line(shared, colour)))
        self.query_one("#story-items", OptionList).set_options(options)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self._targets[event.option_index])

    def action_close(self) -> None:
        self.dismiss(None)
