"""The export dialog: where to write what is on screen, in which format."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from reader.export import (
    FORMATS,
    SUFFIX_FORMATS,
    NoFolderError,
    NotAFileError,
    format_for,
    render,
    write_export,
)
from reader.sanitize import one_line
from reader.ui import keys


@dataclass(frozen=True)
class ExportRequest:
    what: str  # "12 quotes from …", for the dialog
    fields: tuple[str, ...]
    records: list[dict]
    suggested: Path


class ExportScreen(ModalScreen[Path | None]):
    """Asks for a path (the suffix picks the format); asks again before
    replacing a file or creating a folder; refuses a target that is not a
    regular file (a link, a FIFO, a device, a folder)."""

    AUTO_FOCUS = "#export-path"
    BINDINGS = keys.bindings(keys.EXPORT_VIEW)

    def __init__(self, request: ExportRequest) -> None:
        super().__init__()
        self.request = request
        self._confirmed: tuple[str, Path] | None = None  # ("replace" or "create", path) asked about

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box") as box:
            box.border_title = "Export"
            box.border_subtitle = "enter to save · escape to cancel"
            yield Label(f"Export {one_line(self.request.what)}", id="export-what", markup=False)
            suffixes = ", ".join("." + f for f in ("md", "csv", "json", "jsonl", "txt"))
            yield Label(f"Format from the file name: {suffixes}, or .cards for quote cards", id="export-help")
            yield Input(str(self.request.suggested), id="export-path")
            yield Label("", id="export-problem", markup=False)  # paths are shown as typed

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._confirmed = None
        self._problem("")

    def _problem(self, text: str) -> None:
        self.query_one("#export-problem", Label).update(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        raw = event.value.strip()
        if not raw:
            return
        target = Path(raw).expanduser()
        suffix = target.suffix.lower()
        if suffix and suffix not in SUFFIX_FORMATS and target.name != suffix:
            known = ", ".join(sorted({s for s in SUFFIX_FORMATS if s not in (".markdown", ".card")}))
            self._problem(
                f"{suffix} is not a format newsreader writes: end the name with {known} (.csv opens in spreadsheets)."
            )
            return
        fmt = format_for(target)
        assert fmt in FORMATS
        text = render(self.request.records, self.request.fields, fmt)
        asked, self._confirmed = self._confirmed, None
        shown = one_line(str(target))
        try:
            written = write_export(
                target, text, overwrite=asked == ("replace", target), create_folder=asked == ("create", target)
            )
        except FileExistsError:
            self._confirmed = ("replace", target)
            self._problem(f"{shown} exists:\npress enter again to replace it, or change the name.")
        except NoFolderError:
            self._confirmed = ("create", target)
            folder = one_line(str(target.parent))
            self._problem(f"The folder {folder} does not exist:\npress enter again to create it, or change the name.")
        except NotAFileError as exc:
            self._problem(f"Not written: {one_line(str(exc))}. Choose another name.")
        except OSError as exc:
            self._problem(f"Could not write: {one_line(str(exc.strerror or exc))}")
        else:
            self.dismiss(written)

    def action_cancel(self) -> None:
        self.dismiss(None)
