"""Searching from the reader: /, results per keystroke, enter, escape, n/N."""

from __future__ import annotations

from textual.widgets import Input

from reader.corpus import load
from reader.ui.app import NewsReaderApp
from reader.ui.reading_pane import ReadingPane
from reader.ui.search_panel import SearchPanel, SearchResults


async def ready(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_query(pilot, text: str) -> None:
    await pilot.press("slash", *text)
    await ready(pilot)


async def test_typing_at_wang_absurd_finds_wang_yis_words_first_and_enter_opens_them():
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("j")  # start on the other article
        await type_query(pilot, "@wang absurd")
        panel = app.query_one(SearchPanel)
        assert app.focused is app.query_one("#search-input", Input)
        first = panel.hits[0]
        assert (first.kind, first.speaker, first.text) == ("quote", "Wang Yi", "absurd and hysterical.")
        await pilot.press("enter")
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        assert pane.article.id == first.article_id
        assert pane.marked == (first.start, first.end)
        assert pane.article.source[first.start : first.end] == "absurd and hysterical."
        assert app.focused is pane
        assert pane.scroll_y > 0  # scrolled down to the hit
        assert not app.query_one(SearchPanel).display
        assert app.query_one("#articles").display


async def test_results_follow_each_keystroke():
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await type_query(pilot, "hysterical")
        panel = app.query_one(SearchPanel)
        assert panel.hits and "hysterical" in panel.hits[0].text
        await pilot.press(*" balon")  # a typo'd second word narrows, still finds it
        await ready(pilot)
        top = panel.hits[0].text.lower()
        assert "hysterical" in top and "balloon" in top


async def test_escape_returns_to_where_the_user_was():
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await pilot.press("tab")  # reading pane
        pane = app.query_one(ReadingPane)
        await pilot.press("space")
        scrolled = pane.scroll_y
        await type_query(pilot, "balloon")
        await pilot.press("escape")
        assert app.focused is pane
        assert pane.scroll_y == scrolled
        assert not app.query_one("#left").has_class("-searching")


async def test_arrows_and_ctrl_n_p_move_through_results():
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await type_query(pilot, "balloon")
        results = app.query_one(SearchResults)
        assert results.highlighted == 0 and results.option_count > 2
        await pilot.press("down", "ctrl+n")
        assert results.highlighted == 2
        await pilot.press("ctrl+p")
        assert results.highlighted == 1
        await pilot.press("up")
        assert results.highlighted == 0


async def test_n_and_N_walk_the_hits_of_the_last_search():
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await type_query(pilot, "balloon")
        hits = list(app.query_one(SearchPanel).hits)
        await pilot.press("enter")
        pane = app.query_one(ReadingPane)
        await pilot.press("n")
        assert pane.article.id == hits[1].article_id
        if hits[1].kind != "speaker":
            assert pane.marked == (hits[1].start, hits[1].end)
        await pilot.press("N")
        assert pane.marked == (hits[0].start, hits[0].end)
