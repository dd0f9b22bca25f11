"""The article list: title, outlet and byline, with unread and bookmark marks.

A virtual list: each article is two lines (title; outlet, byline and wire
dateline, else the date or the file name), and
only the lines on screen are drawn, so 20,000 articles list as fast as two.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from rich.text import Text
from textual.message import Message

from reader.dates import dateline
from reader.model import Article
from reader.sanitize import one_line
from reader.state import State
from reader.ui.virtual_list import VirtualList

UNREAD_MARK = "●"
BOOKMARK_MARK = "★"
FILTERS = ("all", "unread", "bookmarked", "by story")


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


class ArticleList(VirtualList):
    """The loaded articles, all or filtered; moving to one opens it.

    A :class:`VirtualList` whose rows are article ids, drawn with their read
    and bookmark marks (and story numbers when grouped)."""

    BINDINGS = [binding for binding in VirtualList.BINDINGS if binding.key != "enter"]  # moving opens already

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
        self._reindex()

    # --- contents ----------------------------------------------------------------

    def _reindex(self) -> None:
        self.rows = self._rows
        self._position = {article_id: i for i, article_id in enumerate(self._rows)}
        self.resize_rows()
        self._update_title()

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

    # --- the VirtualList's hooks -----------------------------------------------------

    def row_key(self, index: int) -> tuple:
        article_id = self._rows[index]
        story = self.story_of.get(article_id) if self.filter == "by story" else None
        return (article_id, self.state.is_read(article_id), self.state.is_bookmarked(article_id), story)

    def row_text(self, index: int) -> Text:
        return self.get_option_at_index(index).prompt

    def announce(self, index: int) -> None:
        self.post_message(self.ArticleChosen(self.articles[self._rows[index]]))
