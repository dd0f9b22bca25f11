"""Feeds in the reader: ``r`` refreshes the open article's feed, ``R`` every
feed, in a worker thread (the list stays usable), with the progress bar;
each feed's new articles are listed as they arrive.  ``F`` shows one feed's
articles at a time; ``o`` opens the article's address in the browser.

A failing feed is a notification (and its error is kept for
``newsreader feeds``), never a traceback.  :class:`FeedRefreshing` is a part
of :class:`~reader.ui.app.NewsReaderApp`, like
:class:`~reader.ui.loading.BackgroundLoading`.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import webbrowser
from pathlib import Path, PurePath

from textual import work
from textual.widgets import Label, ProgressBar

from reader.feeds.library import FeedPlaces
from reader.feeds.refresh import Progress
from reader.model import Article, Attribution
from reader.sanitize import one_line
from reader.ui.loading import BackgroundLoading
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane


class FeedRefreshing(BackgroundLoading):
    """The reader's feed keys and the refresh worker."""

    feeds: FeedPlaces | None = None
    _refreshing = False

    def _feed_of(self, article: Article | None) -> tuple[str, str, str] | None:
        """(folder, url, title) of the feed an article was fetched from, or None."""
        if article is None or self.feeds is None:
            return None
        folder = PurePath(article.path).parent.name
        found = self.feeds.titles.get(folder)
        return (folder, *found) if found else None

    def action_refresh_feeds(self, which: str) -> None:
        if self.feeds is None:
            self.notify("Feeds are refreshed in the reader opened without paths.", timeout=4)
            return
        if self._refreshing or self._progress is not None:
            self.notify("Still loading; try again in a moment.", timeout=3)
            return
        urls = None
        if which == "open":
            feed = self._feed_of(self.query_one(ReadingPane).article)
            if feed is None:
                self.notify("The open article is not from a feed; R refreshes every feed.", timeout=4)
                return
            urls = [feed[1]]
        self._refreshing = True
        self.query_one("#loading").display = True
        self.query_one("#loading-label", Label).update("Refreshing feeds")
        self.query_one(ProgressBar).update(total=None, progress=0)
        self.refresh_in_background(urls)

    @work(thread=True, exclusive=True, group="feeds")
    def refresh_in_background(self, urls: list[str] | None) -> None:
        """Fetch, store and read the new articles, a feed at a time (in a worker thread)."""
        from reader.feeds.fetch import Fetcher
        from reader.feeds.library import Library, LibraryError, feed_titles
        from reader.feeds.refresh import KEEP_DAYS, refresh
        from reader.loader import load_all

        assert self.feeds is not None
        errors: list[str] = []
        titles: dict[str, tuple[str, str]] = {}
        try:
            with Library.open(self.feeds.state_file, self.feeds.folder) as library, Fetcher() as fetcher:
                library.merge(self.feeds.config_feeds)

                def arrived(path: Path) -> None:  # each article listed as soon as it is stored
                    self.call_from_thread(self._add_feed_articles, load_all([str(path)]).items)

                keep_days = KEEP_DAYS if self.feeds.keep_days is None else self.feeds.keep_days
                for progress in refresh(library, fetcher, urls, on_article=arrived, keep_days=keep_days):
                    if progress.error:
                        errors.append(f"{one_line(progress.title)}: {progress.error}")
                    self.call_from_thread(self._feed_refreshed, progress)
                titles = feed_titles(library)
        except (LibraryError, OSError, sqlite3.Error) as exc:  # the store, not a feed: say so, keep reading
            errors.append(f"feeds not refreshed: {one_line(str(exc))}")
        self.call_from_thread(self._refresh_done, titles, errors)
        self._build_insights([(article, self.attribution(article)) for article in list(self.corpus.articles)])

    def _add_feed_articles(self, items: list[tuple[Article, Attribution]]) -> None:
        new = [(article, attribution) for article, attribution in items if article.id not in self._by_id]
        for article, attribution in new:
            self._attributions[article.id] = attribution
            self._by_id[article.id] = article
            self._titles[article.id] = article.title
        articles = [article for article, _ in new]
        self.corpus.articles.extend(articles)
        with self._index_lock:
            if self.index is not None:
                for article, attribution in new:
                    self.index.add(article, attribution)
        self.query_one(ArticleList).add_articles(articles)

    def _feed_refreshed(self, progress: Progress) -> None:
        self.query_one(ProgressBar).update(total=max(progress.total, 1), progress=progress.done)
        self.query_one("#loading-label", Label).update(f"Refreshed {progress.done} of {progress.total} feeds")
        if progress.added:
            count = len(progress.added)
            self.notify(f"{count} new article{'s' * (count != 1)} from {one_line(progress.title)}", timeout=3)

    def _refresh_done(self, titles: dict[str, tuple[str, str]], errors: list[str]) -> None:
        self._refreshing = False
        self.query_one("#loading").display = False
        if self.feeds is not None and titles:
            self.feeds.titles = titles
        for error in errors[:5]:
            self.notify(error, title="Feed not refreshed", severity="warning", timeout=10)
        if len(errors) > 5:
            self.notify(f"{len(errors) - 5} more feeds failed: see newsreader feeds", severity="warning", timeout=10)
        if not errors:
            self.notify("Feeds refreshed", timeout=2)

    def action_cycle_feed(self) -> None:
        listing = self.query_one(ArticleList)
        present = {PurePath(article.path).parent.name for article in self.corpus.articles}
        choices = [(folder, title) for folder, (_, title) in (self.feeds.titles.items() if self.feeds else ())
                   if folder in present]
        if not choices:
            self.notify("No feed articles here: newsreader add URL subscribes to a feed.", timeout=4)
            return
        now = listing.feed
        at = next((n for n, choice in enumerate(choices) if now and choice[0] == now[0]), -1)
        chosen = choices[at + 1] if at + 1 < len(choices) else None
        listing.set_feed(chosen, keep=self._open_id())
        self.notify(f"Showing {one_line(chosen[1])}" if chosen else "Showing every article", timeout=2)

    def action_open_url(self) -> None:
        article = self.query_one(ReadingPane).article
        if article is None or not article.url:
            self.notify("This article has no web address.", timeout=3)
            return
        self._open_in_browser(article.url)

    @work(thread=True, group="browser")
    def _open_in_browser(self, url: str) -> None:
        """A browser of its own window opens ``url``; one that would run in this terminal
        (lynx, w3m: what ``webbrowser`` picks without a display) is not started over the
        reader: the address goes to the clipboard instead."""
        try:
            browser = webbrowser.get()
        except webbrowser.Error:
            browser = None
        if browser is None or _runs_in_the_terminal(browser):
            self.call_from_thread(self.copy_to_clipboard, url)
            self.call_from_thread(self.notify, f"No browser outside the terminal; the address is copied: {url}",
                                  timeout=8)
            return
        try:
            opened = browser.open(url, new=2)
        except Exception:  # noqa: BLE001 - a browser that fails is a message, not a crash
            opened = False
        if not opened:
            self.call_from_thread(self.notify, f"The browser did not open {url}", severity="warning", timeout=6)


def _runs_in_the_terminal(browser: webbrowser.BaseBrowser) -> bool:
    """Python's console browsers are plain ``GenericBrowser`` s, chosen when there is no display."""
    display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    no_display = sys.platform.startswith("linux") and not display
    return type(browser) is webbrowser.GenericBrowser and no_display
