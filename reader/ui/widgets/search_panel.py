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

from reader.sanitize import one_line, visible
from reader.search import Hit
from reader.ui import keys
from reader.ui.palette import SpeakerColours

KIND_LABEL = {"quote": "quote", "speaker": "speaker", "article": "title", "text": "text"}
MATCH = Style(bold=True, underline=True)


RESULT_LIMIT = 100  # results asked of the index; "first 100 results" when it gives that many
BEFORE_MATCH = 12  # characters of context shown before the first matched word


def snippet(hit: Hit) -> Text:
    """The hit's text on one line, starting a little before its first matched
    word (so the match is on screen), matched words marked."""
    text = visible(hit.text).replace("\n", " ").replace("\r", " ")
    body = Text(text)
    for start, end in hit.matches:
        body.stylize(MATCH, start, end)
    first = min((start for start, _ in hit.matches), default=0)
    if first > BEFORE_MATCH:
        cut = text.rfind(" ", 0, first - BEFORE_MATCH + 1) + 1 or first - BEFORE_MATCH
        body = Text("…") + body[cut:]
    return body[:400]


def hit_prompt(hit: Hit, title: str, colours: SpeakerColours) -> Text:
    """A result in two lines: its kind and the matched text (one line, the
    match in view); who said it and where."""
    prompt = Text(no_wrap=True, overflow="ellipsis")
    prompt.append(f"{KIND_LABEL.get(hit.kind, hit.kind):<7} ", style="dim")
    body = snippet(hit)
    if hit.kind == "quote":
        prompt.append("“")
        prompt.append_text(body)
        prompt.append("”")
    else:
        prompt.append_text(body)
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

    @dataclass
    class Previewed(Message):
        """The cursor rested on a hit: show it without leaving the search."""

        hit: Hit

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
            Option(hit_prompt(hit, titles.get(hit.article_id, hit.path), self.colours), id=str(i))
            for i, hit in enumerate(hits)
        )
        if hits:
            results.highlighted = 0
        if note:
            self.border_title = note
        elif not self.query_text.strip():
            self.border_title = "Search"
        elif len(hits) >= RESULT_LIMIT:
            self.border_title = f"first {len(hits)} results"
        else:
            self.border_title = f"{len(hits)} result{'s' if len(hits) != 1 else ''}"
        self.border_subtitle = "enter opens · tab, e exports" if hits else ""

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
        """Move through the results; the reading pane previews the one reached
        (typing does not: it would open an article on every keystroke)."""
        results = self.query_one(SearchResults)
        if step > 0:
            results.action_cursor_down()
        else:
            results.action_cursor_up()
        index = results.highlighted
        if index is not None and 0 <= index < len(self.hits):
            self.post_message(self.Previewed(self.hits[index]))

    def action_open(self) -> None:
        results = self.query_one(SearchResults)
        index = results.highlighted
        if index is not None and 0 <= index < len(self.hits):
            self.post_message(self.Opened(self.hits[index], index))

    def action_close(self) -> None:
        self.post_message(self.Closed())
