"""A virtual list of two-line rows: only the rows on screen are drawn.

The speakers view lists every speaker of a corpus with it (13,000 on
Reuters): setting the rows costs nothing, moving draws two rows.  Rows are
any objects; ``describe(row) -> Text`` gives their two lines, drawn on demand
and kept per row, width and highlight::

    listing = VirtualList(describe=lambda entry: Text(entry.name + "\\n  " + entry.role))
    listing.set_rows(entries)            # highlights the first row
    listing.highlighted = 3              # posts VirtualList.Highlighted(listing, 3)
    # enter (or a click on the highlighted row) posts VirtualList.Selected(listing, 3)

A subclass may say what a row's drawn lines depend on (:meth:`row_key`,
the article list adds its read and bookmark marks), how it is described
(:meth:`row_text`) and what moving to it announces (:meth:`announce`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

ROW_HEIGHT = 2
STRIPS_KEPT = 512  # drawn lines kept: a few screens of rows


class VirtualList(ScrollView, can_focus=True):
    """Rows of two lines, a cursor, and messages when it moves or a row is chosen."""

    COMPONENT_CLASSES = {"virtual-list--cursor"}

    BINDINGS = [
        Binding("down", "cursor(1)", "Next", show=False),
        Binding("up", "cursor(-1)", "Previous", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "edge(0)", "First", show=False),
        Binding("end", "edge(-1)", "Last", show=False),
        Binding("enter", "select", "Open", show=False),
    ]

    DEFAULT_CSS = """
    VirtualList > .virtual-list--cursor {
        background: $primary 40%;
    }
    VirtualList:focus > .virtual-list--cursor {
        background: $primary;
        color: $text;
    }
    """

    # watch_highlighted redraws the two rows it changes, not the whole list
    highlighted: reactive[int | None] = reactive(None, init=False, always_update=True, repaint=False)

    @dataclass
    class Highlighted(Message):
        """The cursor moved to row ``index``."""

        virtual_list: VirtualList
        index: int

        @property
        def control(self) -> VirtualList:
            return self.virtual_list

    @dataclass
    class Selected(Message):
        """Row ``index`` was chosen (enter, or a click on the highlighted row)."""

        virtual_list: VirtualList
        index: int

        @property
        def control(self) -> VirtualList:
            return self.virtual_list

    def __init__(self, describe: Callable[[Any], Text] = Text, **kwargs) -> None:
        super().__init__(**kwargs)
        self.describe = describe
        self.rows: Sequence[Any] = ()
        self._strips: dict[tuple, Strip] = {}  # (row key, line, width, style) -> the drawn line
        self._pending_row: int | None = None  # to scroll to once laid out

    # --- what a subclass may change --------------------------------------------

    def row_key(self, index: int) -> Hashable:
        """What row ``index``'s drawing depends on (it is drawn again when this changes)."""
        return id(self.rows[index])

    def row_text(self, index: int) -> Text:
        """Row ``index``'s two lines."""
        return self.describe(self.rows[index])

    def announce(self, index: int) -> None:
        """The cursor moved to row ``index``: tell the parents."""
        self.post_message(self.Highlighted(self, index))

    def resize_rows(self) -> None:
        """The number of rows changed (``rows`` kept its identity): size the scroll area again."""
        self.virtual_size = Size(0, len(self.rows) * ROW_HEIGHT)
        self.refresh()

    @property
    def option_count(self) -> int:
        return len(self.rows)

    def redraw(self) -> None:
        """Draw every row again (their colours changed with the theme)."""
        self._strips.clear()
        self.refresh()

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show these rows, the first highlighted (none when empty)."""
        self.rows = rows
        self._strips.clear()
        self.resize_rows()
        self.scroll_to(y=0, animate=False)
        self.highlighted = 0 if rows else None

    # --- the cursor --------------------------------------------------------------

    def validate_highlighted(self, value: int | None) -> int | None:
        if value is None or not self.rows:
            return None
        return max(0, min(value, len(self.rows) - 1))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        if old is not None:
            self._refresh_row(old)
        if new is None:
            return
        self._refresh_row(new)
        self.scroll_to_row(new)
        self.announce(new)

    def scroll_to_row(self, row: int) -> None:
        """Bring row ``row`` into view; a list not laid out yet (hidden while
        searching, or before its first layout) does so once it has a size."""
        top = row * ROW_HEIGHT
        height = self.scrollable_content_region.height
        if height <= 0:
            self._pending_row = row
            return
        self._pending_row = None
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif top + ROW_HEIGHT > self.scroll_y + height:
            self.scroll_to(y=top + ROW_HEIGHT - height, animate=False)

    def on_resize(self, event: events.Resize) -> None:
        if self._pending_row is not None and self.scrollable_content_region.height > 0:
            self.call_after_refresh(self.scroll_to_row, self._pending_row)

    def action_cursor(self, step: int) -> None:
        if self.rows:
            self.highlighted = 0 if self.highlighted is None else self.highlighted + step

    def action_cursor_down(self) -> None:
        self.action_cursor(1)

    def action_cursor_up(self) -> None:
        self.action_cursor(-1)

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(self.scrollable_content_region.height // ROW_HEIGHT, 1))

    def action_edge(self, which: int) -> None:
        if self.rows:
            self.highlighted = 0 if which == 0 else len(self.rows) - 1

    def action_select(self) -> None:
        if self.highlighted is not None:
            self.post_message(self.Selected(self, self.highlighted))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = (offset.y + int(self.scroll_y)) // ROW_HEIGHT
        if 0 <= row < len(self.rows):
            if row == self.highlighted:
                self.action_select()
            else:
                self.highlighted = row

    # --- drawing -----------------------------------------------------------------

    def _refresh_row(self, row: int) -> None:
        self.refresh_lines(row * ROW_HEIGHT - int(self.scroll_y), ROW_HEIGHT)

    def render_line(self, y: int) -> Strip:
        row, part = divmod(y + int(self.scroll_y), ROW_HEIGHT)
        width = self.scrollable_content_region.width
        base = self.rich_style
        if row >= len(self.rows):
            return Strip.blank(width, base)
        style = base + self.get_component_rich_style("virtual-list--cursor") if row == self.highlighted else base
        key = (self.row_key(row), part, width, style)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) >= STRIPS_KEPT:
                self._strips.clear()
            strip = self._strips[key] = self._draw(row, part, width, style)
        return strip

    def _draw(self, row: int, part: int, width: int, style: Style) -> Strip:
        lines = self.row_text(row).split("\n")
        text = Text(" ") + (lines[part] if part < len(lines) else Text(""))
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = list(text.render(self.app.console))
        return Strip(Segment.apply_style(segments, style), text.cell_len).crop_extend(0, width, style)
