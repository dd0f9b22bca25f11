"""The article list: title, outlet and byline, with unread and bookmark marks.

A virtual list: each article is two lines (title; outlet, byline and wire
dateline, else the date or the file name), and
only the lines on screen are drawn, so 20,000 articles list as fast as two.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

from rich.text import Text
from textual.binding import Binding
from textual.content import Content
from textual.message import Message

from reader.dates import dateline, readable_date, when
from reader.model import Article, Attribution
from reader.sanitize import one_line
from reader.state import State
from reader.ui.palette import colour_at
from reader.ui.widgets.virtual_list import VirtualList

UNREAD_MARK = "●"
BOOKMARK_MARK = "★"
FILTERS = ("all", "unread", "bookmarked", "by story")
_NO_DATE = date.min
SORTS = ("as loaded", "newest first", "by outlet", "by title", "most quotes")


def sort_key(name: str, quotes: Callable[[str], int | None]) -> Callable[[Article], tuple] | None:
    """How ``name`` (one of :data:`SORTS`) orders articles; None: as loaded.
    Articles without a date, an outlet or known quotes come last."""
    if name == "newest first":
        return lambda a: (-(when(a)[0] or _NO_DATE).toordinal(),)
    if name == "by outlet":
        return lambda a: (not a.outlet_label, one_line(a.outlet_label).casefold(), one_line(a.title).casefold())
    if name == "by title":
        return lambda a: (one_line(a.title).casefold(),)
    if name == "most quotes":
        return lambda a: (-(quotes(a.id) or 0),)
    return None


def article_prompt(
    article: Article, unread: bool, bookmarked: bool = False, story: str = "", quotes: int | None = None
) -> Text:
    """Two lines: marks and the title; the story (when grouped), the number of
    quotes (once known), outlet and byline below."""
    prompt = Text(no_wrap=True, overflow="ellipsis")
    prompt.append(UNREAD_MARK if unread else " ", style=f"bold {colour_at(0)}")  # readable on the theme
    prompt.append(BOOKMARK_MARK if bookmarked else " ", style=f"bold {colour_at(1)}")
    prompt.append(" ")
    prompt.append(one_line(article.title), style="bold" if unread else "")
    prompt.append("\n   ")
    if story:
        prompt.append(story + " ", style="bold")
    line = dateline(article)
    parts = (article.outlet_label, article.byline or "", line.text if line is not None else "")
    details = " · ".join(one_line(part) for part in parts if part)
    # nothing to say where it is from: when, else which file
    prompt.append(details or one_line(readable_date(article.date or "") or PurePath(article.path).name), style="dim")
    if quotes is not None:
        prompt.append(" · ", style="dim")
        prompt.append(f"{quotes} quote{'s' * (quotes != 1)}", style="" if quotes else "dim")
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

    BINDINGS = [  # moving opens already
        binding for binding in VirtualList.BINDINGS if not (isinstance(binding, Binding) and binding.key == "enter")
    ]

    @dataclass
    class ArticleChosen(Message):
        """The user moved to (or clicked) an article."""

        article: Article

    def __init__(self, articles: list[Article], state: State, **kwargs) -> None:
        super().__init__(**kwargs)
        self.articles: dict[str, Article] = {article.id: article for article in articles}
        self.state = state
        self.filter = "all"
        self.feed: tuple[str, str] | None = None  # (folder of its articles' files, title): only its articles
        self._rows: list[str] = [a.id for a in articles]
        self._position: dict[str, int] = {}
        self.story_of: dict[str, tuple[int, int]] = {}  # article id -> (story number, size)
        self.sort = SORTS[0]
        self.attributions: Mapping[str, Attribution] = {}  # the app's, as they are worked out
        self._reindex()

    # --- contents ----------------------------------------------------------------

    def _reindex(self) -> None:
        self.rows = self._rows
        self._position = {article_id: i for i, article_id in enumerate(self._rows)}
        self.resize_rows()
        self._update_title()

    def _shown(self, article: Article) -> bool:
        if self.feed is not None and PurePath(article.path).parent.name != self.feed[0]:
            return False
        if self.filter == "unread":
            return not self.state.is_read(article.id)
        if self.filter == "bookmarked":
            return self.state.is_bookmarked(article.id)
        return True

    def _update_title(self) -> None:
        total = len(self.articles)
        if self.feed is not None:  # a feed's title is untrusted text: never markup
            shown = sum(1 for article_id in self._rows if self._shown(self.articles[article_id]))
            named = "" if self.filter == "all" else f"{self.filter}, "
            self.border_title = Content(one_line(f"{self.feed[1]} ({named}{shown:,} of {total:,})"))
            self.border_subtitle = "" if self.sort == SORTS[0] else self.sort
            return
        if self.filter == "all":
            self.border_title = f"Articles ({total:,})"
        elif self.filter == "by story":
            stories = len({number for number, _ in self.story_of.values()})
            self.border_title = f"Articles ({total:,}) in {stories:,} stor{'y' if stories == 1 else 'ies'}"
        else:
            shown = sum(1 for article_id in self._rows if self._shown(self.articles[article_id]))
            kept = " + the open one" if shown < len(self._rows) else ""  # kept listed, though read
            self.border_title = f"{self.filter.capitalize()} ({shown:,} of {total:,}){kept}"
        self.border_subtitle = "" if self.sort == SORTS[0] else self.sort

    def quotes(self, article_id: str) -> int | None:
        """The article's number of quotes, once its quotes are worked out."""
        attribution = self.attributions.get(article_id)
        return None if attribution is None else len(attribution.quotes)

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
        unread, bookmarked = not state.is_read(article.id), state.is_bookmarked(article.id)
        return Row(article.id, article_prompt(article, unread, bookmarked, story, self.quotes(article.id)))

    def current_id(self) -> str | None:
        """The id of the article under the cursor (None: no cursor)."""
        row = self.highlighted
        return self._rows[row] if row is not None and row < len(self._rows) else None

    def listed(self, article_id: str) -> bool:
        return article_id in self._position

    def add_articles(self, articles: list[Article]) -> None:
        """Append articles that arrived while loading."""
        self.articles.update((a.id, a) for a in articles)
        self._rows.extend(a.id for a in articles if self._shown(a))
        if self.sort != SORTS[0] or self.filter == "by story":
            self._order()
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
        self._order()
        self._reindex()
        self._keep(keep)

    def set_feed(self, feed: tuple[str, str] | None, keep: str | None = None) -> None:
        """Show only one feed's articles (``feed``: the folder of their files, and a title), or all."""
        self.feed = feed
        self.set_filter(self.filter, keep)

    def set_sort(self, name: str, keep: str | None = None) -> None:
        """Order the list by ``name`` (one of :data:`SORTS`); keep ``keep`` highlighted."""
        self.sort = name
        self._order()
        self._reindex()
        self._keep(keep)

    def _order(self) -> None:
        """Sort the rows (stable: equal rows stay as loaded); grouped by story first."""
        listed = set(self._rows)
        self._rows = [article_id for article_id in self.articles if article_id in listed]  # as loaded
        key = sort_key(self.sort, self.quotes)
        if key is not None:
            articles = self.articles
            self._rows.sort(key=lambda article_id: key(articles[article_id]))
        if self.filter == "by story":
            last = len(self.story_of) + 1
            self._rows.sort(key=lambda article_id: self.story_of.get(article_id, (last, 0))[0])

    def _keep(self, keep: str | None) -> None:
        if keep is not None and keep in self._position:
            self.set_reactive(ArticleList.highlighted, self._position[keep])
            self.scroll_to_row(self._position[keep])
        else:
            self.set_reactive(ArticleList.highlighted, None)

    # --- the VirtualList's hooks -----------------------------------------------------

    def row_key(self, index: int) -> tuple:
        article_id = self._rows[index]
        story = self.story_of.get(article_id) if self.filter == "by story" else None
        state = self.state
        return (article_id, state.is_read(article_id), state.is_bookmarked(article_id), story, self.quotes(article_id))

    def row_text(self, index: int) -> Text:
        return self.get_option_at_index(index).prompt

    def announce(self, index: int) -> None:
        self.post_message(self.ArticleChosen(self.articles[self._rows[index]]))
