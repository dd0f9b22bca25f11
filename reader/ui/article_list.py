"""The article list: title, outlet and byline, with unread and bookmark marks."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import Article
from reader.sanitize import one_line
from reader.state import State

UNREAD_MARK = "●"
BOOKMARK_MARK = "★"
FILTERS = ("all", "unread", "bookmarked")


def article_prompt(article: Article, unread: bool, bookmarked: bool = False) -> Text:
    """Two lines: marks and the title; outlet and byline below."""
    prompt = Text(no_wrap=False, overflow="fold")
    prompt.append(UNREAD_MARK if unread else " ", style="bold #3daee9")
    prompt.append(BOOKMARK_MARK if bookmarked else " ", style="bold #e5a50a")
    prompt.append(" ")
    prompt.append(one_line(article.title), style="bold" if unread else "")
    details = " · ".join(one_line(part) for part in (article.outlet_label, article.byline or "") if part)
    if details:
        prompt.append("\n   ")
        prompt.append(details, style="dim")
    return prompt


class ArticleList(OptionList):
    """The loaded articles, all or filtered; highlighting one opens it."""

    @dataclass
    class ArticleChosen(Message):
        """The user moved to (or clicked) an article."""

        article: Article

    def __init__(self, articles: list[Article], state: State, **kwargs) -> None:
        self.articles: dict[str, Article] = {article.id: article for article in articles}
        self.state = state
        self.filter = "all"
        super().__init__(*(self._option(a) for a in articles), **kwargs)
        self._update_title()

    def _option(self, article: Article) -> Option:
        state = self.state
        return Option(article_prompt(article, not state.is_read(article.id), state.is_bookmarked(article.id)), id=article.id)

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
        else:
            self.border_title = f"{self.filter.capitalize()} ({self.option_count:,} of {total:,})"

    def add_articles(self, articles: list[Article]) -> None:
        """Append articles that arrived while loading."""
        self.articles.update((a.id, a) for a in articles)
        self.add_options(self._option(a) for a in articles if self._shown(a))
        self._update_title()

    def refresh_article(self, article_id: str) -> None:
        """Redraw one article's marks after its state changed."""
        if article_id in self.articles and self._has(article_id):
            self.replace_option_prompt(article_id, self._option(self.articles[article_id]).prompt)

    def _has(self, article_id: str) -> bool:
        try:
            self.get_option_index(article_id)
        except Exception:  # OptionDoesNotExist
            return False
        return True

    def set_filter(self, name: str, keep: str | None = None) -> None:
        """Show all, unread or bookmarked articles; keep ``keep`` highlighted if shown."""
        self.filter = name
        self.set_options(self._option(a) for a in self.articles.values() if self._shown(a) or a.id == keep)
        self._update_title()
        if keep is not None and self._has(keep):
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = self.get_option_index(keep)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.ArticleChosen(self.articles[event.option.id]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
