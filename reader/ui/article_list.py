"""The article list: title, outlet and byline, with an unread marker."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import Article
from reader.sanitize import one_line

UNREAD_MARK = "●"


def article_prompt(article: Article, unread: bool) -> Text:
    """Two lines: a marker and the title; outlet and byline below."""
    prompt = Text(no_wrap=False, overflow="fold")
    prompt.append(f"{UNREAD_MARK} " if unread else "  ", style="bold #3daee9")
    prompt.append(one_line(article.title), style="bold" if unread else "")
    details = " · ".join(one_line(part) for part in (article.outlet_label, article.byline or "") if part)
    if details:
        prompt.append("\n  ")
        prompt.append(details, style="dim")
    return prompt


class ArticleList(OptionList):
    """Every loaded article; highlighting one opens it."""

    @dataclass
    class ArticleChosen(Message):
        """The user moved to (or clicked) an article."""

        article: Article

    def __init__(self, articles: list[Article], read: set[str], **kwargs) -> None:
        self.articles = {article.id: article for article in articles}
        self.read = read
        super().__init__(
            *(Option(article_prompt(a, a.id not in read), id=a.id) for a in articles),
            **kwargs,
        )

    def add_articles(self, articles: list[Article]) -> None:
        """Append articles that arrived while loading."""
        self.articles.update((a.id, a) for a in articles)
        self.add_options(Option(article_prompt(a, a.id not in self.read), id=a.id) for a in articles)

    def mark_read(self, article_id: str, read: bool = True) -> None:
        if read:
            self.read.add(article_id)
        else:
            self.read.discard(article_id)
        self.replace_option_prompt(article_id, article_prompt(self.articles[article_id], not read))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.ArticleChosen(self.articles[event.option.id]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
