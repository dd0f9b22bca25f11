"""The help screen: every key, grouped by where it works."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui import keys


def help_table(keymap: Mapping[str, str] | None = None) -> Table:
    """Every key of :mod:`reader.ui.keys`, grouped by where it works (as remapped)."""
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold")
    table.add_column()
    for group, rows in keys.help_groups(keymap):
        table.add_row(Text(group, style="bold underline"), "")
        for key, what in rows:
            table.add_row(Text(key), Text(what))
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """Lists every key; any of escape, q or ? closes it."""

    BINDINGS = keys.bindings(keys.HELP_VIEW)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = "Keys"
            box.border_subtitle = "escape to close"
            yield Static(help_table(getattr(self.app, "keymap", None)), id="help-keys")

    def action_dismiss(self) -> None:  # type: ignore[override]
        self.dismiss(None)
