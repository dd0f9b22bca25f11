"""The help screen: every key, grouped by where it works."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Articles",
        (
            ("j / k", "next / previous article (opens it)"),
            ("↓ / ↑", "next / previous article, in the list"),
            ("enter, click", "open the highlighted article"),
            ("m", "bookmark the open article (again to remove)"),
            ("u", "mark the open article read / unread"),
            ("f", "filter the list: all, unread, bookmarked, grouped by story"),
            ("s", "speakers: everyone quoted in the corpus, and what they said"),
            ("t", "stories: the same event across outlets, who quoted whom"),
            ("ctrl+p", "command palette: jump to an article, change the theme"),
        ),
    ),
    (
        "Reading",
        (
            ("space / pgdn", "scroll the article down a page"),
            ("b / pgup", "scroll the article up a page"),
            ("↓ / ↑", "scroll a line, in the reading pane"),
            ("g / G", "top / bottom of the article"),
            ("] / [", "next / previous quotation"),
            ("y", "copy the chosen quotation as a citation"),
            ("enter, click", "in the speakers panel: show only that speaker's quotes"),
            ("escape", "show every speaker's quotes again"),
        ),
    ),
    (
        "Anywhere",
        (
            ("e", "export what is on screen: the article's quotes, or the search results"),
            ("tab / shift+tab", "move focus between panes"),
            ("?", "this help"),
            ("q", "quit"),
        ),
    ),
)


def help_table() -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold")
    table.add_column()
    for group, keys in KEYS:
        table.add_row(Text(group, style="bold underline"), "")
        for key, what in keys:
            table.add_row(key, what)
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """Lists every key; any of escape, q or ? closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "escape to close"
            yield Static(help_table(), id="help-keys")

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
