"""The search bar and its results: quotes, speakers, titles and text."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from reader.search import Hit
from reader.sanitize import one_line, visible
from reader.ui import keys
from reader.ui.palette import SpeakerColours

KIND_LABEL = {"quote": "quote", "speaker": "speaker", "article": "title", "text": "text"}
MATCH = Style(bold=True, underline=True)


def hit_prompt(hit: Hit, title: str, colours: SpeakerColours) -> Text:
    """A result: its kind, the matched text with matched words marked, and where it is."""
    prompt = Text()
    prompt.append(f"{KIND_LABEL.get(hit.kind, hit.kind):<7} ", style="dim")
    body = Text(visible(hit.text).replace("\n", " ").replace("\r", " "))
    for start, end in hit.matches:
        body.stylize(MATCH, start, end)
    if hit.kind == "quote":
        prompt.append("“")
        prompt.append_text(body)
        prompt.append("”")
    else:
        prompt.append_text(body)
    prompt.truncate(400, overflow="ellipsis")
    where = Text("\n        ")
    if hit.speaker and hit.kind != "speaker":
        where.append(one_line(hit.speaker), style=f"bold {colours.colour(hit.speaker)}")
        where.append(" · ")
    where.append(one_line(title), style="dim")
    prompt.append_text(where)
    return prompt


class SearchResults(OptionList):
    """The ranked hits of the current query."""


class SearchPanel(Vertical):
    """`/` opens it; results follow every keystroke; enter opens a hit."""

    BINDINGS = keys.bindings(keys.SEARCH_PANEL)

    @dataclass
    class Changed(Message):
        """The query text changed."""

        query: str

    @dataclass
    class Opened(Message):
        """The user chose a hit."""

        hit: Hit
        index: int

    @dataclass
    class Closed(Message):
        """The user left the search."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.hits: list[Hit] = []
        self.colours = SpeakerColours()  # speakers in the order the results first show them

    def compose(self) -> ComposeResult:
        yield Input(placeholder="search quotes, speakers (@name), outlet:…, \"exact\"", id="search-input")
        yield SearchResults(id="search-results")

    @property
    def query_text(self) -> str:
        return self.query_one(Input).value

    def show_hits(self, hits: list[Hit], titles: dict[str, str], note: str | None = None) -> None:
        self.hits = hits
        results = self.query_one(SearchResults)
        results.set_options(
            Option(hit_prompt(hit, titles.get(hit.article_id, hit.path), self.colours), id=str(i)) for i, hit in enumerate(hits)
        )
        if hits:
            results.highlighted = 0
        self.border_title = note or (f"{len(hits)} result{'s' if len(hits) != 1 else ''}" if self.query_text.strip() else "Search")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_open()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()

    def action_move(self, step: int) -> None:
        results = self.query_one(SearchResults)
        if step > 0:
            results.action_cursor_down()
        else:
            results.action_cursor_up()

    def action_open(self) -> None:
        results = self.query_one(SearchResults)
        index = results.highlighted
        if index is not None and 0 <= index < len(self.hits):
            self.post_message(self.Opened(self.hits[index], index))

    def action_close(self) -> None:
        self.post_message(self.Closed())
