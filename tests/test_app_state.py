"""What the reader remembers and exports: read marks, bookmarks, filters,
the last position, the theme, and exports of what is on screen."""

from __future__ import annotations

import json

from reader.corpus import load
from reader.state import StateStore
from reader.ui.app import NewsReaderApp
from reader.ui.article_list import BOOKMARK_MARK, UNREAD_MARK, ArticleList
from reader.ui.export_screen import ExportScreen
from reader.ui.reading_pane import ReadingPane


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
    store = StateStore(tmp_path / "state.json")
    first = await run_session(store, ["j", "tab", "space", "m"])
    second_id = first.corpus.articles[1].id
    saved = json.loads((tmp_path / "state.json").read_text())
    assert saved["schema"] == 1

    state, messages = StateStore(tmp_path / "state.json").load()
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
    store = StateStore(tmp_path / "state.json")
    state, _ = store.load()
    app = NewsReaderApp(load(), state=state, store=store)
    async with app.run_test(size=(120, 36)) as pilot:
        app.theme = "nord"
        await pilot.pause()
    state, _ = StateStore(tmp_path / "state.json").load()
    assert state.theme == "nord"
    again = NewsReaderApp(load(), state=state, store=store)
    async with again.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_corrupt_state_is_set_aside_and_the_user_told(tmp_path):
    path = tmp_path / "state.json"
    path.write_text("{ not json")
    state, messages = StateStore(path).load()
    assert len(messages) == 1 and "corrupt" in messages[0]
    assert list(tmp_path.glob("state.json.corrupt-*"))


async def test_e_exports_the_open_articles_quotes_and_confirms_overwrite(tmp_path):
    target = tmp_path / "out" / "quotes.csv"
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one("#export-path")
        field.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        lines = target.read_text().splitlines()
        assert lines[0] == "article,title,outlet,speaker,kind,text,start,end"
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
