"""Resizing the terminal from 200×60 down to 20×6 and back, while reading,
while searching and while a folder loads: no crash, nothing lost."""

from __future__ import annotations

from pathlib import Path

from reader.corpus import load
from reader.ui.app import NewsReaderApp
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.search_panel import SearchPanel

SIZES = [(200, 60), (120, 36), (80, 24), (60, 20), (40, 12), (30, 8), (20, 6), (25, 7), (80, 24), (200, 60), (120, 36)]


async def resize_through(app, pilot) -> None:
    for size in SIZES:
        await pilot.resize_terminal(*size)
        await pilot.pause()
        app.export_screenshot()  # every cell drawn at this size
        assert app.is_running


def state_of(app) -> tuple:
    pane = app.query_one(ReadingPane)
    return (
        pane.article.id if pane.article else None,
        sorted(app.state.read_ids()),
        app.state.is_bookmarked(pane.article.id) if pane.article else None,
    )


async def test_resize_while_reading_keeps_the_article_and_read_state():
    app = NewsReaderApp(load())
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        await pilot.press("j", "m", "tab", "space", "right_square_bracket")
        before = state_of(app)
        quote = app.query_one(ReadingPane).current_quote
        await resize_through(app, pilot)
        assert state_of(app) == before
        assert app.query_one(ReadingPane).current_quote == quote
        await pilot.press("k")
        assert app.query_one(ReadingPane).article.title.startswith("Blinken meets")


async def test_resize_while_the_search_panel_shows_results():
    app = NewsReaderApp(load())
    async with app.run_test(size=(200, 60)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("slash", *"balloon")
        await app.workers.wait_for_complete()
        await pilot.pause()
        panel = app.query_one(SearchPanel)
        hits = list(panel.hits)
        assert hits
        before = state_of(app)
        await resize_through(app, pilot)
        assert panel.query_text == "balloon"
        assert panel.hits == hits and app.query_one("#left").has_class("-searching")
        assert state_of(app) == before
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(ReadingPane).article.id == hits[0].article_id


def write_stories(folder: Path, count: int) -> None:
    for n in range(count):
        (folder / f"story{n:04d}.txt").write_text(
            f"Council story number {n} in the resize corpus\n\n"
            f'"We will fix road {n} this year," Mayor Ana Lopez said on Monday.\n'
        )


async def test_resize_while_a_folder_loads_in_the_background(tmp_path):
    write_stories(tmp_path, 300)
    app = NewsReaderApp(paths=[tmp_path])
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        opened = app.query_one(ReadingPane).article
        await resize_through(app, pilot)  # loading goes on meanwhile
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.query_one(ArticleList).option_count == 300
        assert app.query_one(ReadingPane).article is opened
        assert not app.query_one("#loading").display
        await resize_through(app, pilot)
        assert app.query_one(ArticleList).option_count == 300
