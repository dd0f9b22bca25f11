"""The article list: title, outlet and byline, with unread and bookmark marks.

A virtual list: each article is two lines (title; outlet, byline and wire
dateline, else the date or the file name), and
only the lines on screen are drawn, so 20,000 articles list as fast as two.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

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

from reader.dates import dateline
from reader.model import Article
from reader.sanitize import one_line
from reader.state import State

UNREAD_MARK = "●"
BOOKMARK_MARK = "★"
FILTERS = ("all", "unread", "bookmarked", "by story")
ROW_HEIGHT = 2
STRIPS_KEPT = 512  # drawn lines kept: a few screens of rows, in every state they are drawn in


def article_prompt(article: Article, unread: bool, bookmarked: bool = False, story: str = "") -> Text:
    """Two lines: marks and the title; the story (when grouped), outlet and byline below."""
    prompt = Text(no_wrap=True, overflow="ellipsis")
    prompt.append(UNREAD_MARK if unread else " ", style="bold #3daee9")
    prompt.append(BOOKMARK_MARK if bookmarked else " ", style="bold #e5a50a")
    prompt.append(" ")
    prompt.append(one_line(article.title), style="bold" if unread else "")
    prompt.append("\n   ")
    if story:
        prompt.append(story + " ", style="bold #c061cb")
    line = dateline(article)
    parts = (article.outlet_label, article.byline or "", line.text if line is not None else "")
    details = " · ".join(one_line(part) for part in parts if part)
    # nothing to say where it is from: when, else which file
    prompt.append(details or one_line(article.date or PurePath(article.path).name), style="dim")
    return prompt


@dataclass(frozen=True)
class Row:
    """One listed article, as ``get_option_at_index`` returns it."""

    id: str
    prompt: Text


class ArticleList(ScrollView, can_focus=True):
    """The loaded articles, all or filtered; moving to one opens it."""

    COMPONENT_CLASSES = {"article-list--cursor"}

    BINDINGS = [
        Binding("down", "cursor(1)", "Next", show=False),
        Binding("up", "cursor(-1)", "Previous", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home", "edge(0)", "First", show=False),
        Binding("end", "edge(-1)", "Last", show=False),
    ]

    DEFAULT_CSS = """
    ArticleList > .article-list--cursor {
        background: $primary 40%;
    }
    ArticleList:focus > .article-list--cursor {
        background: $primary;
        color: $text;
    }
    """

    highlighted: reactive[int | None] = reactive(None, init=False, always_update=True)

    @dataclass
    class ArticleChosen(Message):
        """The user moved to (or clicked) an article."""

        article: Article

    def __init__(self, articles: list[Article], state: State, **kwargs) -> None:
        super().__init__(**kwargs)
        self.articles: dict[str, Article] = {article.id: article for article in articles}
        self.state = state
        self.filter = "all"
        self._rows: list[str] = [a.id for a in articles]
        self._position: dict[str, int] = {}
        self.story_of: dict[str, tuple[int, int]] = {}  # article id -> (story number, size)
        self._strips: dict[tuple, Strip] = {}  # (id, read, bookmarked, story, line, width, style) -> line
        self._reindex()

    # --- contents ----------------------------------------------------------------

    def _reindex(self) -> None:
        self._position = {article_id: i for i, article_id in enumerate(self._rows)}
        self.virtual_size = Size(0, len(self._rows) * ROW_HEIGHT)
        self._update_title()
        self.refresh()

    def _shown(self, article: Article) -> bool:
        if self.filter == "unread":
            return not self.state.is_read(article.id)
        if self.filter == "bookmarked":
            return self.state.is_bookmarked(article.id)
        return True

    def _update_title(self) -> None:
        total = len(self.articles)
        if self.filter == "all":
            self.border_title = f"Articles ({total:,})"
        elif self.filter == "by story":
            stories = len({number for number, _ in self.story_of.values()})
            self.border_title = f"Articles ({total:,}) in {stories:,} stories"
        else:
            self.border_title = f"{self.filter.capitalize()} ({len(self._rows):,} of {total:,})"

    @property
    def option_count(self) -> int:
        return len(self._rows)

    def get_option_index(self, article_id: str) -> int:
        """The row of an article; KeyError if it is not listed."""
        return self._position[article_id]

    def get_option_at_index(self, index: int) -> Row:
        article = self.articles[self._rows[index]]
        state = self.state
        story = ""
        if self.filter == "by story" and article.id in self.story_of:
            number, size = self.story_of[article.id]
            story = f"§{number}" + (f" ({size})" if size > 1 else "")
        return Row(
            article.id, article_prompt(article, not state.is_read(article.id), state.is_bookmarked(article.id), story)
        )

    def listed(self, article_id: str) -> bool:
        return article_id in self._position

    def add_articles(self, articles: list[Article]) -> None:
        """Append articles that arrived while loading."""
        self.articles.update((a.id, a) for a in articles)
        self._rows.extend(a.id for a in articles if self._shown(a))
        self._reindex()

    def refresh_article(self, article_id: str) -> None:
        """Redraw one article's marks after its state changed."""
        row = self._position.get(article_id)
        if row is not None:
            self._refresh_row(row)

    def set_filter(self, name: str, keep: str | None = None) -> None:
        """Show all, unread or bookmarked articles; keep ``keep`` highlighted and listed."""
        self.filter = name
        self._rows = [a.id for a in self.articles.values() if self._shown(a) or a.id == keep]
        if name == "by story":
            last = len(self.story_of) + 1
            self._rows.sort(key=lambda article_id: self.story_of.get(article_id, (last, 0))[0])
        self._reindex()
        if keep is not None and keep in self._position:
            self.set_reactive(ArticleList.highlighted, self._position[keep])
            self.scroll_to_row(self._position[keep])
        else:
            self.set_reactive(ArticleList.highlighted, None)

    # --- the cursor --------------------------------------------------------------

    def validate_highlighted(self, value: int | None) -> int | None:
        if value is None or not self._rows:
            return None
        return max(0, min(value, len(self._rows) - 1))

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        if old is not None:
            self._refresh_row(old)
        if new is None:
            return
        self._refresh_row(new)
        self.scroll_to_row(new)
        self.post_message(self.ArticleChosen(self.articles[self._rows[new]]))

    def scroll_to_row(self, row: int) -> None:
        top = row * ROW_HEIGHT
        height = self.scrollable_content_region.height
        if top < self.scroll_y:
            self.scroll_to(y=top, animate=False)
        elif top + ROW_HEIGHT > self.scroll_y + height:
            self.scroll_to(y=top + ROW_HEIGHT - height, animate=False)

    def action_cursor(self, step: int) -> None:
        if not self._rows:
            return
        self.highlighted = 0 if self.highlighted is None else self.highlighted + step

    def action_cursor_down(self) -> None:
        self.action_cursor(1)

    def action_cursor_up(self) -> None:
        self.action_cursor(-1)

    def action_page(self, direction: int) -> None:
        rows = max(self.scrollable_content_region.height // ROW_HEIGHT, 1)
        self.action_cursor(direction * rows)

    def action_edge(self, which: int) -> None:
        if self._rows:
            self.highlighted = 0 if which == 0 else len(self._rows) - 1

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        row = (offset.y + int(self.scroll_y)) // ROW_HEIGHT
        if 0 <= row < len(self._rows):
            self.highlighted = row

    # --- drawing -----------------------------------------------------------------

    def _refresh_row(self, row: int) -> None:
        y = row * ROW_HEIGHT - int(self.scroll_y)
        self.refresh_lines(y, ROW_HEIGHT)

    def render_line(self, y: int) -> Strip:
        line = y + int(self.scroll_y)
        row, part = divmod(line, ROW_HEIGHT)
        width = self.scrollable_content_region.width
        base = self.rich_style
        if row >= len(self._rows):
            return Strip.blank(width, base)
        style = base
        if row == self.highlighted:
            style = base + self.get_component_rich_style("article-list--cursor")
        article_id = self._rows[row]
        key = (article_id, self.state.is_read(article_id), self.state.is_bookmarked(article_id),
               self.story_of.get(article_id) if self.filter == "by story" else None, part, width, style)
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) >= STRIPS_KEPT:
                self._strips.clear()
            strip = self._strips[key] = self._render_row_line(row, part, width, style)
        return strip

    def _render_row_line(self, row: int, part: int, width: int, style: Style) -> Strip:
        """Line ``part`` of a row, drawn (the list asks again on every repaint: kept in ``_strips``)."""
        lines = self.get_option_at_index(row).prompt.split("\n")
        text = Text(" ") + (lines[part] if part < len(lines) else Text(""))
        text.truncate(width, overflow="ellipsis", pad=True)
        segments = list(text.render(self.app.console))
        strip = Strip(Segment.apply_style(segments, style), text.cell_len)
        return strip.crop_extend(0, width, style)
