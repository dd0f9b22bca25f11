"""Loading in the background: the corpus read in batches (through the parse
cache) and indexed off the UI thread, then the speaker directory and the
stories built; the reader lists each batch as it arrives, and the open views
are told how far it got (:class:`~reader.ui.messages.LoadProgress`) and when
the directory and stories are ready (:class:`~reader.ui.messages.InsightsReady`).

:class:`BackgroundLoading` is a part of :class:`~reader.ui.app.NewsReaderApp`
(its attributes are the app's: ``corpus``, ``index``, ``_paths``, ``_cache``...).
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from concurrent.futures import Executor
from pathlib import Path

from textual import work
from textual.app import App
from textual.widgets import Label, ProgressBar

from reader.cache import ParseCache
from reader.corpus import Corpus
from reader.directory import Directory, build_directory
from reader.loader import Batch, give_back_memory, load_batches
from reader.model import Article, Attribution
from reader.search import SearchIndex
from reader.stories import Story, group_stories
from reader.ui.commands import title_index
from reader.ui.messages import InsightsReady, LoadProgress
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.search_panel import SearchPanel

log = logging.getLogger(__name__)


class BackgroundLoading(App[None]):
    """The app's loading workers and what they hand back to the UI thread
    (the attributes below are set by the app's ``__init__``)."""

    corpus: Corpus
    index: SearchIndex | None
    directory: Directory | None
    stories: list[Story]
    _paths: list[Path | str] | None
    _cache: ParseCache | None
    _executor: Executor | None
    _index_lock: threading.Lock
    _attributions: dict[str, Attribution]
    _by_id: dict[str, Article]
    _titles: dict[str, str]
    _restored: bool
    _progress: tuple[int, int] | None
    _duplicates: int

    def attribution(self, article: Article) -> Attribution:
        raise NotImplementedError

    def _warn(self, warnings: list[str]) -> None:
        raise NotImplementedError

    def _restore_position(self) -> None:
        raise NotImplementedError

    def _open_id(self) -> str | None:
        raise NotImplementedError

    def run_search(self, query: str) -> object:
        raise NotImplementedError

    @work(thread=True, exclusive=True, group="index")
    def build_index(self) -> None:
        """Extract every article's quotes and index them, off the UI thread."""
        items = [(article, self.attribution(article)) for article in self.corpus.articles]
        index = SearchIndex.build(items)
        with self._index_lock:
            self.index = index
        self.call_from_thread(self._index_ready)
        title_index(self)  # the palette's, ready before ctrl+p
        self._build_insights(items)

    @work(thread=True, exclusive=True, group="load")
    def load_in_background(self) -> None:
        """Read the corpus in batches; each batch is indexed here and listed by the UI.
        A corpus served whole by the parse cache gets its search index from there too."""
        index = SearchIndex()
        with self._index_lock:
            self.index = index
        cache, key, stored = self._cache, "", False
        for batch in load_batches(self._paths, cache, executor=self._executor):
            self.call_from_thread(self._add_batch, batch)  # listed first, indexed next
            key = batch.corpus_key
            if cache is not None and not len(index) and batch.done == batch.total:
                found = cache.search_index(key, [article for article, _ in batch.items])
                if found is not None:
                    index, stored = found, True
                    with self._index_lock:
                        self.index = index
                    self.call_from_thread(self._index_ready)
                    continue
            if cache is not None:
                cache.finish()  # the listed articles' quotes, read in one go before they are indexed
            for start in range(0, len(batch.items), 50):
                with self._index_lock:
                    for article, attribution in batch.items[start : start + 50]:
                        index.add(article, attribution)
                time.sleep(0.002)  # let the UI thread in between: keys stay quick while loading
            self.call_from_thread(self._index_ready)
        with self._index_lock:
            index.prepare()  # packs the posting lists: tens of megabytes less
        note = None
        if cache is not None:
            note = cache.save()
            cache.entries.clear()  # saved: the cache's copy of every article can go
            self._cache = None
        self.call_from_thread(self._loading_done, note)
        title_index(self)  # the palette's, ready before ctrl+p
        self._build_insights([(article, self._attributions[article.id]) for article in list(self.corpus.articles)])
        if cache is not None and not stored:  # for the next start
            warning = cache.keep_search_index(key, index)
            if warning:
                log.warning(warning)
            give_back_memory()

    def _build_insights(self, items: list[tuple[Article, Attribution]]) -> None:
        """The speaker directory and the stories (runs in a worker thread)."""
        directory = build_directory(items)
        stories = group_stories(items, directory=directory)
        give_back_memory()
        self.call_from_thread(self._insights_ready, directory, stories)

    def _insights_ready(self, directory: Directory, stories: list[Story]) -> None:
        self.directory, self.stories = directory, stories
        # Everything built so far lives as long as the reader: out of the garbage
        # collector's sight (until on_unmount), its full collections, every few
        # keys, stop walking hundreds of thousands of articles, quotes and index
        # entries (100 ms and more each, on the UI thread).  The worker has just
        # collected, so little garbage is frozen with them.
        gc.freeze()
        for screen in self.screen_stack:  # views opened before this was ready fill in
            screen.post_message(InsightsReady(directory, stories))
        listing = self.query_one(ArticleList)
        listing.story_of = {
            article.id: (number, len(story.articles))
            for number, story in enumerate(stories, 1)
            for article in story.articles
        }
        if listing.filter == "by story":
            listing.set_filter("by story", keep=self._open_id())

    def _add_batch(self, batch: Batch) -> None:
        articles = [article for article, _ in batch.items]
        for article, attribution in batch.items:
            self._attributions[article.id] = attribution
            self._by_id[article.id] = article
            self._titles[article.id] = article.title
        self.corpus.articles.extend(articles)
        self.corpus.warnings.extend(batch.warnings)
        listing = self.query_one(ArticleList)
        listing.add_articles(articles)
        if not self._restored and articles:
            self._restore_position()
        bar = self.query_one(ProgressBar)
        bar.update(total=max(batch.total, 1), progress=batch.done)
        self.query_one("#loading-label", Label).update(f"Loading {batch.done:,} of {batch.total:,} files")
        self._progress = (batch.done, batch.total)
        self._tell_waiting()
        self._warn(batch.warnings)

    def _tell_waiting(self) -> None:
        """Views opened before the directory was built say what they wait for."""
        for screen in self.screen_stack:
            screen.post_message(LoadProgress(self._progress))

    def _loading_done(self, note: str | None) -> None:
        self.query_one("#loading").display = False
        self._progress = None
        self._tell_waiting()
        if self._duplicates:
            repeated = f"{self._duplicates:,} files repeat another article's text; each story is listed once."
            self.notify(repeated, timeout=6)
        if note:
            self._warn([note])
        if not self.corpus.articles:
            self.notify("No readable articles were found.", severity="error", timeout=10)
        self._duplicates = 0

    def _index_ready(self) -> None:
        self.query_one(ArticleList).refresh()  # quote counts worked out since
        panel = self.query_one(SearchPanel)
        if panel.query_text.strip():
            self.run_search(panel.query_text)
