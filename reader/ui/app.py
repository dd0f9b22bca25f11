"""The newsreader Textual app: article list, reading pane, speakers panel."""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import Executor
from pathlib import Path

from textual import work
from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import Reactive
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Label, ProgressBar
from textual.worker import WorkerFailed

from reader import __version__
from reader.attribution import extract_article
from reader.cache import ParseCache
from reader.corpus import Corpus, is_repeat
from reader.crash import EXIT_CRASH, report
from reader.directory import Directory
from reader.export import HIT_FIELDS, QUOTE_FIELDS, hit_records, quote_records
from reader.feeds.library import FeedPlaces
from reader.loader import stop_workers
from reader.model import Article, Attribution
from reader.sanitize import one_line, visible
from reader.search import Hit, SearchIndex
from reader.state import State, StateStore
from reader.stories import Story
from reader.ui import keys
from reader.ui.commands import ActionCommands, ArticleCommands
from reader.ui.feeds import FeedRefreshing
from reader.ui.messages import QuoteTarget
from reader.ui.palette import use_theme_colours
from reader.ui.quote_card import copy_quote_card
from reader.ui.screens.export import ExportRequest, ExportScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.speakers import SpeakersScreen
from reader.ui.screens.stories import StoriesScreen
from reader.ui.state_saver import StateSaved, StateSaver
from reader.ui.widgets.article_list import FILTERS, SORTS, ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.search_panel import RESULT_LIMIT, SearchPanel
from reader.ui.widgets.speakers_panel import SpeakersPanel

log = logging.getLogger(__name__)


class NewsReaderApp(FeedRefreshing):
    """Read the news and see who said what."""

    CSS_PATH = "app.tcss"
    TITLE = "newsreader"
    SUB_TITLE = f"v{__version__}"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]
    COMMANDS = App.COMMANDS | {ActionCommands, ArticleCommands}

    BINDINGS = keys.bindings(keys.APP)  # every key is in reader/ui/keys.py

    # The header shows them (it watches them); App's own would repaint the whole
    # screen on every change, and they change with every article and quote.
    title: Reactive[str] = Reactive("", compute=False, repaint=False)
    sub_title: Reactive[str] = Reactive("", compute=False, repaint=False)

    def __init__(
        self,
        corpus: Corpus | None = None,
        *,
        paths: Sequence[Path | str] | None = None,
        cache: ParseCache | None = None,
        warnings: Sequence[str] = (),
        executor: Executor | None = None,
        state: State | None = None,
        store: StateStore | None = None,
        theme: str | None = None,
        layout: str | None = None,
        keymap: Mapping[str, str] | None = None,
        feeds: FeedPlaces | None = None,
    ) -> None:
        """Show a loaded ``corpus``, or load ``paths`` in the background
        (through the parse ``cache``, if given) while the reader is open.
        ``keymap``: the config's ``[keys]`` table, key id -> keys; ``feeds``: where
        the feeds are kept, for ``r`` and ``R`` (see :mod:`reader.ui.feeds`)."""
        super().__init__()
        self.feeds = feeds
        self.keymap, problems = keys.check_keymap(keymap or {})
        warnings = [*warnings, *problems]
        self.set_keymap(self.keymap)
        self.corpus = corpus or Corpus()
        self.corpus.warnings.extend(warnings)
        self._paths = None if corpus is not None else list(paths or [])
        self._cache = cache
        self._executor = executor
        self.state = state if state is not None else State()
        self._saver = StateSaver(self, store) if store is not None else None
        self._start_theme = self.state.theme or theme
        if layout == "stacked":
            self.HORIZONTAL_BREAKPOINTS = [(0, "-narrow")]
        elif layout == "wide":
            self.HORIZONTAL_BREAKPOINTS = [(0, "-wide")]
        self._restored = False
        self._attributions: dict[str, Attribution] = {}
        self._by_id: dict[str, Article] = {article.id: article for article in self.corpus.articles}
        self._titles: dict[str, str] = {article.id: article.title for article in self.corpus.articles}
        self.index: SearchIndex | None = None
        self._index_lock = threading.Lock()
        self.directory: Directory | None = None
        self.stories: list[Story] = []
        self.hits: list[Hit] = []
        self.hit_index = -1
        self._focus_before_search: Widget | None = None
        self._before_preview: tuple[Article, float] | None = None  # open before a search result was previewed
        self._warned = 0
        self._duplicates = 0
        self._progress: tuple[int, int] | None = None  # (files read, files) while loading

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            with Vertical(id="left"):
                yield SearchPanel(id="search")
                yield ArticleList(self.corpus.articles, self.state, id="articles")
            with Vertical(id="article-side"):
                yield ReadingPane(id="reading")
                yield SpeakersPanel(id="speakers")
        with Horizontal(id="loading"):
            yield Label("Loading", id="loading-label")
            yield ProgressBar(id="loading-bar", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        self._warn(self.corpus.warnings)
        if self._start_theme:
            if self._start_theme in self.available_themes:
                self.theme = self._start_theme
            else:
                self._warn([f"unknown theme {self._start_theme!r}; using {self.theme!r}"])
        self._theme_colours()
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.watch(self.query_one(ReadingPane), "scroll_y", self._remember_scroll, init=False)
        self.set_interval(2.0, self.save_state)
        listing = self.query_one(ArticleList)
        listing.attributions = self._attributions  # each row shows its number of quotes once known
        listing.focus()
        if self.corpus.articles:
            self._restore_position()
        if self._paths is None:
            self.query_one("#loading").display = False
            self._loading_done(None)
            self.build_index()
        else:
            self.load_in_background()

    def notify(self, message: str, *, title: str = "", markup: bool = False, **kwargs) -> None:
        """Notifications are plain text: file names and article text in them are
        never markup, and control characters are shown, not sent to the terminal."""
        super().notify(message if markup else visible(message), title=visible(title), markup=markup, **kwargs)

    MAIN_SCREEN_ACTIONS = keys.MAIN_SCREEN_ACTIONS
    TYPED_KEY_ACTIONS = keys.TYPED_KEY_ACTIONS

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The reader's own keys work on the reader's screen only, not over a dialog
        or the speaker and story views (where a key may be text being typed)."""
        if action in self.MAIN_SCREEN_ACTIONS and len(self.screen_stack) > 1:
            return False
        # a typed key is text for the focused field
        return not (action in self.TYPED_KEY_ACTIONS and isinstance(self.focused, Input))

    def _warn(self, warnings: list[str]) -> None:
        """Up to five warnings as notifications, then a count; repeated texts are
        only counted (a wire service sends the same story many times)."""
        for warning in warnings:
            if is_repeat(warning):
                self._duplicates += 1
                continue
            self._warned += 1
            if self._warned <= 5:
                self.notify(warning, title="Skipped or changed", severity="warning", timeout=8)
        if self._warned > 5 and warnings:
            self.notify(f"{self._warned - 5} more warnings so far", severity="warning", timeout=4)

    # --- state -------------------------------------------------------------------

    def _restore_position(self) -> None:
        """Open the article the user was reading last time, where they left it."""
        self._restored = True
        listing = self.query_one(ArticleList)
        last = self.state.last_article
        if last is not None and listing.listed(last):
            scroll = self.state.last_scroll
            listing.highlighted = listing.get_option_index(last)
            self.show_article(listing.articles[last])
            pane = self.query_one(ReadingPane)
            self.call_after_refresh(lambda: pane.scroll_to(y=scroll, animate=False))
        elif listing.option_count:
            listing.highlighted = 0

    def _remember_theme(self, theme) -> None:
        self.state.theme = theme.name
        self._theme_colours()
        self.query_one(ArticleList).redraw()
        pane = self.query_one(ReadingPane)
        pane.repaint()
        if pane.article is not None:
            self.query_one(SpeakersPanel).show(pane.attribution, pane.colours)

    def _theme_colours(self) -> None:
        """Speaker colours readable on the theme's background and surface."""
        variables = self.get_css_variables()
        background, surface = variables.get("background", ""), variables.get("surface", "")
        if all(len(c) == 7 and c.startswith("#") for c in (background, surface)):
            use_theme_colours(background, surface)

    def _remember_scroll(self, scroll_y: float) -> None:
        pane = self.query_one(ReadingPane)
        if pane.article is not None:
            self.state.set_position(pane.article.id, round(scroll_y))

    def save_state(self) -> None:
        """Save what changed, in a thread (nothing to do when nothing did)."""
        if self._saver is not None:
            self._saver.save_soon(self.state)

    def on_state_saved(self, message: StateSaved) -> None:
        assert self._saver is not None
        warning = self._saver.saved(self.state, message)
        if warning:
            self.notify(warning, title="State not saved", severity="warning", timeout=10)

    def on_unmount(self) -> None:
        stop_workers(self._executor)  # a worker stuck on one file must not keep the reader open
        if self._saver is not None:
            self._saver.save_now(self.state)  # all of it, after any save under way
        gc.unfreeze()  # what was frozen in _insights_ready can be collected again

    crash_message: str | None = None  # set when an unhandled error ended the app

    def _handle_exception(self, error: Exception) -> None:
        """End the app as Textual does (return code, Pilot re-raises), but with a one-line
        message and a report file (reader.crash) instead of a traceback full of article text."""
        if self.crash_message is None:
            self.crash_message = report(error.error if isinstance(error, WorkerFailed) else error)
        super()._handle_exception(error)
        self._exit_renderables.clear()  # the traceback with locals Textual would print
        self._return_code = EXIT_CRASH

    def _open_id(self) -> str | None:
        article = self.query_one(ReadingPane).article
        return article.id if article is not None else None

    def action_toggle_bookmark(self) -> None:
        article_id = self._open_id()
        if article_id is None:
            return
        on = not self.state.is_bookmarked(article_id)
        self.state.set_bookmark(article_id, on)
        self.query_one(ArticleList).refresh_article(article_id)
        self.notify("Bookmarked" if on else "Bookmark removed", timeout=2)

    def action_toggle_read(self) -> None:
        article_id = self._open_id()
        if article_id is None:
            return
        read = not self.state.is_read(article_id)
        self.state.set_read(article_id, read)
        self.query_one(ArticleList).refresh_article(article_id)
        self.notify("Marked read" if read else "Marked unread", timeout=2)

    def action_cycle_filter(self) -> None:
        listing = self.query_one(ArticleList)
        name = FILTERS[(FILTERS.index(listing.filter) + 1) % len(FILTERS)]
        listing.set_filter(name, keep=self._open_id())
        self.notify(f"Showing {name} articles", timeout=2)

    def action_cycle_sort(self) -> None:
        listing = self.query_one(ArticleList)
        name = SORTS[(SORTS.index(listing.sort) + 1) % len(SORTS)]
        listing.set_sort(name, keep=self._open_id())
        self.notify(f"Articles sorted {name}" if name != SORTS[0] else "Articles as loaded", timeout=2)

    async def action_export(self) -> None:
        """Export what is on screen: the search results, or the open article's quotes."""
        searching = self.query_one("#left").has_class("-searching")
        panel = self.query_one(SearchPanel)
        if searching and panel.hits:
            records = hit_records(panel.hits, self._titles, self._paths or ())
            request = ExportRequest(
                f"{len(records)} search results for {panel.query_text!r}", HIT_FIELDS, records, _suggest("search")
            )
        else:
            pane = self.query_one(ReadingPane)
            if pane.article is None:
                self.notify("Nothing to export yet.", timeout=3)
                return
            records = quote_records(
                ((pane.article, q) for q in pane.attribution.quotes),
                {pane.article.id: pane.attribution},
                self._paths or (),
            )
            request = ExportRequest(
                f"{len(records)} quotes from {pane.article.title!r}",
                QUOTE_FIELDS,
                records,
                _suggest(pane.article.title),
            )

        def done(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Exported to {path}", title="Export", timeout=8)

        await self.push_screen(ExportScreen(request), done)

    def action_quote(self, step: int) -> None:
        """``]`` / ``[``: the next or previous quotation of the open article, wherever the focus is
        in the reader (the list, the pane or the speakers panel), as ``y`` copies it from anywhere."""
        self.query_one(ReadingPane).go_to_quote(step)

    def action_copy_card(self) -> None:
        """Copy the quote chosen with ``]``/``[`` as a citation (a quote card)."""
        pane = self.query_one(ReadingPane)
        if pane.article is None or pane.current_quote < 0:
            self.notify("Choose a quote with ] first; y copies it as a citation.", timeout=4)
            return
        quote = pane.attribution.quotes[pane.current_quote]
        record = quote_records([(pane.article, quote)], {pane.article.id: pane.attribution}, self._paths or ())[0]
        copy_quote_card(self, record)

    async def action_speakers(self) -> None:
        """The speakers view; before the directory is built it opens waiting for it."""

        def done(target: QuoteTarget | None) -> None:
            if target is not None:
                self.open_at(target.article_id, target.start, target.end)

        await self.push_screen(SpeakersScreen(self.directory, self.stories), done)
        self._tell_waiting()

    async def action_stories(self) -> None:
        """The stories view; before the stories are grouped it opens waiting for them."""

        def done(target: QuoteTarget | None) -> None:
            if target is not None:
                if target.start < 0:
                    self.open_at(target.article_id)
                else:
                    self.open_at(target.article_id, target.start, target.end)

        ready = self.directory is not None
        await self.push_screen(StoriesScreen(self.stories if ready else None, self.directory), done)
        self._tell_waiting()

    def open_at(self, article_id: str, start: int | None = None, end: int | None = None) -> None:
        """Open an article (listing it even if the filter hid it), optionally at a span."""
        article = self._by_id.get(article_id)
        if article is None:
            return
        listing = self.query_one(ArticleList)
        if not listing.listed(article_id):
            listing.set_filter("all", keep=article_id)
        self.open_article(article_id)
        self.show_article(article)
        if start is not None and end is not None:
            self.query_one(ReadingPane).mark(start, end)
        self.query_one(ReadingPane).focus()

    # --- the core, asked lazily ------------------------------------------------

    def attribution(self, article: Article) -> Attribution:
        if article.id not in self._attributions:
            self._attributions[article.id] = extract_article(article)
        return self._attributions[article.id]

    # --- opening articles ------------------------------------------------------

    def on_article_list_article_chosen(self, event: ArticleList.ArticleChosen) -> None:
        """The list's cursor moved (arrow keys, a click).  The message may be
        older than the cursor (``j`` opens at once; ``j j k`` queues three
        messages behind it): only the article under the cursor is opened."""
        if self.query_one(ArticleList).current_id() == event.article.id:
            self.show_article(event.article)

    def show_article(self, article: Article, preview: bool = False) -> None:
        """Open ``article``; a ``preview`` (a search result under the cursor)
        neither marks it read nor moves the list."""
        pane = self.query_one(ReadingPane)
        if pane.article is article and (preview or self._before_preview is None):
            return
        if preview and self._before_preview is None and pane.article is not None:
            self._before_preview = (pane.article, pane.scroll_y)  # escape goes back to it
        elif not preview:
            self._before_preview = None
        if pane.article is not article:
            attribution = self.attribution(article)
            pane.show(article, attribution)
            self.query_one(SpeakersPanel).show(attribution, pane.colours)
        if preview:
            self.title, self.sub_title = one_line(article.title) or "newsreader", "preview: enter opens it"
            return
        self.state.set_read(article.id, True)
        self.state.set_position(article.id, 0)
        self.query_one(ArticleList).refresh_article(article.id)
        self.title = one_line(article.title) or "newsreader"
        self.sub_title = ""  # "quote 2 of 5" or "hit 3 of 21" belonged to the article before

    def open_article(self, article_id: str) -> None:
        """Highlight an article in the list, which opens it (command palette)."""
        articles = self.query_one(ArticleList)
        articles.highlighted = articles.get_option_index(article_id)

    # --- actions ---------------------------------------------------------------

    def action_move(self, step: int) -> None:
        """``j``/``k``: the next or previous article, opened at once, so the
        list's cursor and the article change in the same frame (not one
        frame each, with the list's message on its way in between)."""
        articles = self.query_one(ArticleList)
        if step > 0:
            articles.action_cursor_down()
        else:
            articles.action_cursor_up()
        article_id = articles.current_id()
        if article_id is not None:
            self.show_article(articles.articles[article_id])

    def action_scroll_page(self, direction: int) -> None:
        pane = self.query_one(ReadingPane)
        if direction > 0:
            pane.scroll_page_down(animate=False)
        else:
            pane.scroll_page_up(animate=False)

    def action_scroll_edge(self, edge: str) -> None:
        pane = self.query_one(ReadingPane)
        if edge == "top":
            pane.scroll_home(animate=False)
        else:
            pane.scroll_end(animate=False)

    # --- search ------------------------------------------------------------------

    def action_search(self) -> None:
        search_input = self.query_one("#search-input", Input)
        left = self.query_one("#left")
        if not left.has_class("-searching"):
            self._focus_before_search = self.focused
            left.add_class("-searching")
            # Show and focus at once, so keys typed right after / are not lost.
            self.query_one(SearchPanel).display = True
            self.query_one(ArticleList).display = False
        self.screen.set_focus(search_input)

    def on_search_panel_changed(self, event: SearchPanel.Changed) -> None:
        self.run_search(event.query)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str) -> None:
        """Search off the UI thread; a newer keystroke cancels this one."""
        with self._index_lock:
            index = self.index
            if index is None:
                hits, note = [], "indexing…"
            else:
                hits, note = (index.search(query, limit=RESULT_LIMIT) if query.strip() else []), None
        self.call_from_thread(self._show_hits, query, hits, note)

    def _show_hits(self, query: str, hits: list[Hit], note: str | None) -> None:
        panel = self.query_one(SearchPanel)
        if panel.query_text != query:
            return  # a newer query is on its way
        panel.show_hits(hits, self._titles, note)

    def on_search_panel_opened(self, event: SearchPanel.Opened) -> None:
        self.hits = list(self.query_one(SearchPanel).hits)
        self.hit_index = event.index
        self._close_search(focus=self.query_one(ReadingPane))
        self.open_hit(event.hit)

    def on_search_panel_previewed(self, event: SearchPanel.Previewed) -> None:
        """Show the result under the search cursor in the reading pane."""
        hit = event.hit
        article = self._by_id.get(hit.article_id)
        if article is None:
            return
        self.show_article(article, preview=True)
        if hit.kind != "speaker" and hit.end > hit.start:
            self.query_one(ReadingPane).mark(hit.start, hit.end)

    def on_search_panel_closed(self, event: SearchPanel.Closed) -> None:
        if self._before_preview is not None:  # back to the article read before the search
            article, scroll = self._before_preview
            self.show_article(article)
            pane = self.query_one(ReadingPane)
            self.call_after_refresh(lambda: pane.scroll_to(y=scroll, animate=False))
        self._close_search(focus=self._focus_before_search)

    def _close_search(self, focus: Widget | None) -> None:
        self.query_one("#left").remove_class("-searching")
        self.query_one(SearchPanel).display = False
        self.query_one(ArticleList).display = True
        target = focus if focus is not None and focus.is_attached else self.query_one(ArticleList)
        target.focus()

    def open_hit(self, hit: Hit) -> None:
        if hit.kind != "speaker" and hit.end > hit.start:
            self.open_at(hit.article_id, hit.start, hit.end)
        else:
            self.open_at(hit.article_id)
        if self.hits:
            self.sub_title = f"hit {self.hit_index + 1} of {len(self.hits)}"

    def action_next_hit(self, step: int) -> None:
        if not self.hits:
            self.notify("No search yet: press / to search.", timeout=3)
            return
        self.hit_index = (self.hit_index + step) % len(self.hits)
        self.open_hit(self.hits[self.hit_index])

    def action_command_palette(self) -> None:
        if (
            self.query_one("#left").has_class("-searching")
            and self.focused is not None
            and (self.focused.id in ("search-input", "search-results"))
        ):
            self.query_one(SearchPanel).action_move(-1)
        else:
            super().action_command_palette()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_all_speakers(self) -> None:
        self.query_one(ReadingPane).focus_speaker = None

    def on_speakers_panel_speaker_chosen(self, event: SpeakersPanel.SpeakerChosen) -> None:
        pane = self.query_one(ReadingPane)
        pane.focus_speaker = None if pane.focus_speaker == event.name else event.name
        if pane.focus_speaker:
            self.notify(f"Showing only {pane.focus_speaker}'s quotes; escape shows everyone's.", timeout=4)

    def on_reading_pane_quote_changed(self, event: ReadingPane.QuoteChanged) -> None:
        self.sub_title = f"quote {event.index} of {event.total}" + (f" · {event.how}" if event.how else "")


def _suggest(name: str) -> Path:
    """A safe default file name in the user's home: letters, digits and dashes only."""
    slug = "".join(c if c.isalnum() else "-" for c in name.casefold())[:48].strip("-")
    slug = "-".join(part for part in slug.split("-") if part) or "export"
    return Path("~") / f"newsreader-{slug}.md"
