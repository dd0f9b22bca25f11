"""What the reader remembers and exports: read marks, bookmarks, filters,
the last position, the theme, and exports of what is on screen."""

from __future__ import annotations

import asyncio
import json
import threading

from reader.corpus import load
from reader.state import StateStore
from reader.ui.app import NewsReaderApp
from reader.ui.screens.export import ExportScreen
from reader.ui.widgets.article_list import BOOKMARK_MARK, UNREAD_MARK, ArticleList
from reader.ui.widgets.reading_pane import ReadingPane


def prompt(app, index: int) -> str:
    return str(app.query_one(ArticleList).get_option_at_index(index).prompt)


async def run_session(store: StateStore, keys: list[str], size=(120, 36)) -> NewsReaderApp:
    state, _ = store.load()
    app = NewsReaderApp(load(), state=state, store=store)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
    return app


async def test_read_marks_bookmarks_and_position_survive_a_restart(tmp_path):
    store = StateStore(tmp_path / "state.sqlite")
    first = await run_session(store, ["j", "tab", "space", "m"])
    second_id = first.corpus.articles[1].id
    assert (tmp_path / "state.sqlite").is_file()

    state, messages = StateStore(tmp_path / "state.sqlite").load()
    assert messages == []
    assert state.is_read(second_id) and state.is_bookmarked(second_id)
    assert state.last_article == second_id and state.last_scroll > 0

    app = NewsReaderApp(load(), state=state, store=store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        assert pane.article.id == second_id  # back where the user was
        assert pane.scroll_y == state.last_scroll
        assert prompt(app, 1).startswith(f" {BOOKMARK_MARK}")  # read, bookmarked


async def test_u_marks_unread_and_f_filters_unread_then_bookmarked(tmp_path):
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        listing = app.query_one(ArticleList)
        assert not prompt(app, 0).startswith(UNREAD_MARK)
        await pilot.press("u")
        assert prompt(app, 0).startswith(UNREAD_MARK)
        await pilot.press("u")
        await pilot.press("f")  # unread only: the open article stays, the other unread one shows
        assert listing.filter == "unread"
        assert listing.option_count == 2
        await pilot.press("f")  # bookmarked: none yet but the open one is kept in view
        assert listing.filter == "bookmarked"
        assert listing.option_count == 1
        await pilot.press("m", "f", "f", "f", "f")  # by story, all, unread, bookmarked again
        assert listing.filter == "bookmarked" and listing.option_count == 1
        assert listing.get_option_at_index(0).id == app.corpus.articles[0].id
        await pilot.press("f", "f")
        assert listing.filter == "all" and listing.option_count == 2


async def test_theme_choice_is_remembered(tmp_path):
    store = StateStore(tmp_path / "state.sqlite")
    state, _ = store.load()
    app = NewsReaderApp(load(), state=state, store=store)
    async with app.run_test(size=(120, 36)) as pilot:
        app.theme = "nord"
        await pilot.pause()
    state, _ = StateStore(tmp_path / "state.sqlite").load()
    assert state.theme == "nord"
    again = NewsReaderApp(load(), state=state, store=store)
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_corrupt_state_is_set_aside_and_the_user_told(tmp_path):
    path = tmp_path / "state.sqlite"
    path.write_text("{ not a database" * 100)
    state, messages = StateStore(path).load()
    assert len(messages) == 1 and "corrupt" in messages[0]
    assert list(tmp_path.glob("state.sqlite.corrupt-*"))


async def test_e_exports_the_open_articles_quotes_and_confirms_overwrite(tmp_path):
    target = tmp_path / "out" / "quotes.csv"
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one("#export-path")
        field.value = str(target)
        await pilot.press("enter")  # the folder "out" does not exist: it asks first
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen) and not target.parent.exists()
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        lines = target.read_text().splitlines()
        assert lines[0] == "article,title,outlet,speaker,kind,text,start,end,cue,cue_start,cue_end,via,role,date,url,reported_by"
        assert any("Wang Yi" in line and "absurd and hysterical" in line for line in lines)
        # Exporting again to the same file asks first.
        await pilot.press("e")
        app.screen.query_one("#export-path").value = str(target)
        target.write_text("keep me")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen) and target.read_text() == "keep me"
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text().startswith("article,title")


async def test_e_while_searching_exports_the_results(tmp_path):
    target = tmp_path / "hits.jsonl"
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("slash", *"@wang")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await app.action_export()
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        records = [json.loads(line) for line in target.read_text().splitlines()]
        assert records and all(r["speaker"] == "Wang Yi" for r in records)


class HeldStore(StateStore):
    """A state file whose saves wait until ``release`` is set, counting how many
    run at once (as a big state's save, seconds long, would)."""

    def __init__(self, path) -> None:
        super().__init__(path)
        self.release, self.started = threading.Event(), threading.Event()
        self._count = threading.Lock()
        self.running = self.most = self.calls = 0

    def save(self, state):
        with self._count:
            self.running += 1
            self.calls += 1
            self.most = max(self.most, self.running)
        self.started.set()
        try:
            self.release.wait(timeout=60)
            return super().save(state)
        finally:
            with self._count:
                self.running -= 1


async def wait_for(event: threading.Event) -> bool:
    return await asyncio.get_running_loop().run_in_executor(None, event.wait, 60)


async def test_a_long_state_save_never_holds_up_keys_and_saves_never_overlap(tmp_path):
    store = HeldStore(tmp_path / "state.sqlite")
    app = NewsReaderApp(load(), store=store)
    first, second = app.corpus.articles[0].id, app.corpus.articles[1].id
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.save_state()  # the first article is read: saving starts, and takes its time
        assert await wait_for(store.started)
        await pilot.press("j", "m")  # answered while the save runs
        assert app.query_one(ReadingPane).article.id == second and app.state.is_bookmarked(second)
        app.save_state()
        app.save_state()
        assert store.calls == 1  # no second save while one runs
        store.release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        app.save_state()  # now the changes made meanwhile
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert store.calls == 2 and store.most == 1
        saved, _ = StateStore(tmp_path / "state.sqlite").load()
        assert saved.is_read(first) and saved.is_read(second) and saved.is_bookmarked(second)


async def test_changes_made_while_a_save_runs_are_in_the_file_after_quitting(tmp_path):
    store = HeldStore(tmp_path / "state.sqlite")
    app = NewsReaderApp(load(), store=store)
    second = app.corpus.articles[1].id
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.save_state()
        assert await wait_for(store.started)
        await pilot.press("j", "m")
        store.release.set()
        await pilot.press("q")  # the last save waits for the one under way, then saves all
    saved, _ = StateStore(tmp_path / "state.sqlite").load()
    assert saved.is_bookmarked(second) and saved.last_article == second


async def test_a_big_state_saved_in_the_background_reads_back_the_same(tmp_path):
    state = StateStore(tmp_path / "state.sqlite").load()[0]
    for n in range(12_000):  # written a few thousand entries at a time
        state.set_read(f"article-{n}-\u00e9\u2019", n % 4 != 0)
        state.set_bookmark(f"article-{n}-\u00e9\u2019", n % 5 == 0)
    store = StateStore(tmp_path / "state.sqlite")
    app = NewsReaderApp(load(), state=state, store=store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        app.save_state()
        await app.workers.wait_for_complete()
        await pilot.pause()
        saved, messages = StateStore(tmp_path / "state.sqlite").load()
        assert messages == [] and saved == app.state


def drawn_row(listing: ArticleList, row: int) -> str:
    """The list's first line of ``row`` as drawn on screen (what the user sees)."""
    return "".join(segment.text for segment in listing.render_line(row * 2 - int(listing.scroll_y)))


async def test_marks_drawn_in_the_list_follow_u_and_m_at_once():
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        listing = app.query_one(ArticleList)
        assert UNREAD_MARK not in drawn_row(listing, 0) and UNREAD_MARK in drawn_row(listing, 1)
        await pilot.press("u", "m")
        await pilot.pause()
        assert UNREAD_MARK in drawn_row(listing, 0) and BOOKMARK_MARK in drawn_row(listing, 0)
        await pilot.press("u", "m")
        await pilot.pause()
        assert UNREAD_MARK not in drawn_row(listing, 0) and BOOKMARK_MARK not in drawn_row(listing, 0)
