"""The export dialog: where to write what is on screen, in which format."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from reader.export import FORMATS, format_for, write_export
from reader.sanitize import one_line


@dataclass(frozen=True)
class ExportRequest:
    what: str  # "12 quotes from …", for the dialog
    fields: tuple[str, ...]
    records: list[dict]
    suggested: Path


class ExportScreen(ModalScreen[Path | None]):
    """Asks for a path (the suffix picks the format), confirms before overwriting."""

    AUTO_FOCUS = "#export-path"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, request: ExportRequest) -> None:
        super().__init__()
        self.request = request
        self._confirm_overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box") as box:
            box.border_title = "Export"
            box.border_subtitle = "enter to save · escape to cancel"
            yield Label(f"Export {one_line(self.request.what)}", id="export-what", markup=False)
            yield Label(f"Format from the file name: {', '.join('.' + f for f in ('md', 'csv', 'json', 'jsonl', 'txt'))}", id="export-help")
            yield Input(str(self.request.suggested), id="export-path")
            yield Label("", id="export-problem", markup=False)  # paths are shown as typed

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._confirm_overwrite = None
        self.query_one("#export-problem", Label).update("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        from reader.export import render

        raw = event.value.strip()
        if not raw:
            return
        target = Path(raw).expanduser()
        fmt = format_for(target)
        assert fmt in FORMATS
        overwrite = self._confirm_overwrite == target
        try:
            written = write_export(target, render(self.request.records, self.request.fields, fmt), overwrite=overwrite)
        except FileExistsError:
            self._confirm_overwrite = target
            self.query_one("#export-problem", Label).update(f"{one_line(str(target))} exists: press enter again to replace it.")
            return
        except OSError as exc:
            self.query_one("#export-problem", Label).update(f"Could not write: {one_line(str(exc.strerror or exc))}")
            return
        self.dismiss(written)

    def action_cancel(self) -> None:
        self.dismiss(None)
