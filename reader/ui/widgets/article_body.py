"""The body of the reading pane, drawn a line at a time.

A 20,000-paragraph article is about 67,000 lines at 80 columns.  This
widget renders only the lines on screen: it knows how tall each paragraph
is at the current width (:mod:`reader.ui.wrap`, cheap), and styles and
wraps a paragraph only when one of its lines is shown, keeping the result
until that paragraph's look changes (:meth:`ArticleBody.repaint`).

It looks exactly as one ``Static`` holding the paragraphs joined by blank
lines would: each paragraph is rendered by Textual itself, as the text
``paragraph + "\\n"`` (the blank line after it included).  For paragraphs
of heights 2, 1 and 3 the lines are::

    y  0 1 2 | 3 4 | 5 6 7
       p0  _ | p1 _ | p2 (the last one has no blank line)

Mouse selection works as on a ``Static``: offsets are in lines of the
whole text ``"\\n\\n".join(paragraphs)``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import cast

from rich.text import Text
from textual._styles_cache import StylesCache
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Offset, Region, Size
from textual.selection import Selection
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions
from textual.widget import Widget

from reader.ui.wrap import line_breaks, wrapped_height


@dataclass(frozen=True)
class BodyLayout:
    """Where each paragraph sits at one width."""

    width: int
    tops: list[int]  # the first line of each paragraph
    heights: list[int]  # its lines, the blank line after it included
    total: int

    def paragraph_at(self, y: int) -> int | None:
        index = bisect_right(self.tops, y) - 1
        return index if index >= 0 and y < self.tops[index] + self.heights[index] else None


def layout(texts: Sequence[str], width: int) -> BodyLayout:
    """Tops and heights of ``texts`` as paragraphs with a blank line between them."""
    heights = [wrapped_height(text, width) + 1 for text in texts]
    if heights:
        heights[-1] -= 1
    tops = [0, *accumulate(heights)]
    total = tops.pop()
    return BodyLayout(width, tops, heights, total)


class Paragraphs:
    """The texts of an article's paragraphs and what the body works out about
    them: their layout at each width it was shown at (the latest few) and the
    line of the whole text each starts on.  Kept with the article, so showing
    it again costs nothing."""

    KEPT_WIDTHS = 4

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self._layouts: dict[int, BodyLayout] = {}
        self._first_lines: list[int] | None = None

    def layout_at(self, width: int) -> BodyLayout:
        found = self._layouts.get(width)
        if found is None:
            if len(self._layouts) >= self.KEPT_WIDTHS:  # resizing through many widths
                del self._layouts[next(iter(self._layouts))]
            found = self._layouts[width] = layout(self.texts, width)
        return found

    def first_line(self, index: int) -> int:
        """The line of ``"\\n\\n".join(texts)`` paragraph ``index`` starts on."""
        if self._first_lines is None:
            self._first_lines = [0, *accumulate(text.count("\n") + 2 for text in self.texts)]
        return self._first_lines[index]


class DrawnLines(StylesCache):
    """Textual's cache of a widget's drawn lines, for a widget 67,000 lines
    tall.  Textual marks every line of a changed region dirty, one set entry
    per line: 3.5 ms for the whole body of a 20,000-paragraph article, on
    every article opened and every resize.  A line that is not cached is
    drawn anyway, so only the cached lines need the mark (the same lines are
    drawn again, at a cost bounded by what was drawn)::

        >>> from textual.geometry import Region
        >>> lines = DrawnLines()
        >>> lines._cache = dict.fromkeys([3, 4, 90_000])
        >>> lines.set_dirty(Region(0, 0, 80, 67_000))
        >>> sorted(lines._dirty_lines)
        [3, 4]
    """

    def set_dirty(self, *regions: Region) -> None:
        cached = getattr(self, "_cache", None)
        if not regions or not isinstance(cached, dict) or not isinstance(getattr(self, "_dirty_lines", None), set):
            super().set_dirty(*regions)  # another Textual than 8.2's private cache: its own marking, slower
            return
        for region in regions:
            lines = region.line_range
            if len(cached) < len(lines):
                self._dirty_lines.update(y for y in cached if y in lines)
            else:
                self._dirty_lines.update(y for y in lines if y in cached)


class ArticleBody(Widget):
    """Paragraphs with a blank line between them; ``paint(i)`` styles paragraph ``i``."""

    DEFAULT_CSS = "ArticleBody { height: auto; }"
    KEPT_PARAGRAPHS = 500  # rendered paragraphs kept for scrolling back

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._styles_cache = DrawnLines()
        self.paragraphs = Paragraphs([])
        self._paint: Callable[[int], Text] = lambda index: Text(self.texts[index])
        self._strips: dict[int, list[Strip]] = {}  # by paragraph, at ``_strips_width``
        self._strips_width = 0
        self.rendered = 0  # paragraphs styled and wrapped so far (they are kept until they change)

    @property
    def texts(self) -> list[str]:
        return self.paragraphs.texts

    def show(self, paragraphs: Paragraphs, paint: Callable[[int], Text]) -> None:
        """Show new paragraphs; ``paint(i)`` gives the styled text of paragraph
        ``i`` (its plain text must be ``paragraphs.texts[i]``)."""
        self.paragraphs = paragraphs
        self._paint = paint
        self._strips.clear()
        self.refresh(layout=True)

    def repaint(self, paragraphs: Iterable[int] | None = None) -> None:
        """The look of these paragraphs (of all when ``None``) changed."""
        if paragraphs is None:
            self._strips.clear()
            self.refresh()
            return
        current = self.layout_at(self.size.width) if self.size.width else None
        for index in set(paragraphs):
            if 0 <= index < len(self.texts):
                self._strips.pop(index, None)
                if current is not None:
                    self.refresh(Region(0, current.tops[index], self.size.width, current.heights[index]))

    def layout_at(self, width: int) -> BodyLayout:
        return self.paragraphs.layout_at(width)

    def line_of(self, paragraph: int, offset: int) -> int:
        """The line showing character ``offset`` of paragraph ``paragraph``."""
        width = max(self.size.width, 1)
        text = self.texts[paragraph]
        before = text[:offset].split("\n")  # whole lines, then the one ``offset`` is on
        line = self.layout_at(width).tops[paragraph]
        line += sum(len(line_breaks(piece.expandtabs(), width)) + 1 for piece in before[:-1])
        column = len(before[-1].expandtabs())
        current = text.split("\n")[len(before) - 1].expandtabs()
        return line + sum(1 for cut in line_breaks(current, width) if cut <= column)

    @property
    def plain(self) -> str:
        """The whole text, as a ``Static`` holding it would have it."""
        return "\n\n".join(self.texts)

    # --- Textual's side ------------------------------------------------------------

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not width:
            return 0
        return self.layout_at(width).total or 1  # with no paragraphs, one blank line, as an empty Static

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        if width != self._strips_width:
            self._strips.clear()
            self._strips_width = width
        current = self.layout_at(width)
        index = current.paragraph_at(y)
        if index is None:
            return Strip.blank(width, self.visual_style.rich_style)
        strips = self._strips.get(index)
        if strips is None:
            strips = self._strips[index] = self._render_paragraph(index, width)
            if len(self._strips) > self.KEPT_PARAGRAPHS:  # scrolled through a long article: drop the oldest
                del self._strips[next(iter(self._strips))]
        line = y - current.tops[index]
        return strips[line] if line < len(strips) else Strip.blank(width, self.visual_style.rich_style)

    def _render_paragraph(self, index: int, width: int) -> list[Strip]:
        self.rendered += 1
        text = self._paint(index)
        if index < len(self.texts) - 1:
            text.append("\n")
        content = Content.from_rich_text(text, console=self.app.console)
        first = self.paragraphs.first_line(index)
        selection, selection_style = self._selection_in(first)
        # the styles stand in for the rules mapping (read with .get), as in Textual's own Visual.to_strips
        rules = cast(RulesMap, self.styles)
        strips = content.render_strips(
            width, None, self.visual_style, RenderOptions(self._get_style, rules, selection, selection_style)
        )
        starts = [
            (y, x)
            for y, piece in enumerate(content.plain.split("\n"))
            for x in (0, *line_breaks(piece.expandtabs(), width))
        ]
        if len(starts) != len(strips):
            return strips
        return [strip.apply_offsets(x, first + y) for strip, (y, x) in zip(strips, starts, strict=False)]

    def _selection_in(self, first: int) -> tuple[Selection | None, Style | None]:
        """The selection as seen from a paragraph starting on text line ``first``."""
        selection = self.text_selection
        if selection is None:
            return None, None
        start, end = (None if o is None else Offset(o.x, o.y - first) for o in selection)
        style = Style.from_styles(self.screen.get_component_styles("screen--selection"))
        return Selection(start, end), style

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return selection.extract(self.plain), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.repaint()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
