"""Searching from the reader: /, results per keystroke, enter, escape, n/N."""

from __future__ import annotations

from textual.widgets import Input

from reader.corpus import load
from reader.ui.app import NewsReaderApp
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.search_panel import SearchPanel, SearchResults


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


async def test_results_are_two_lines_each_with_the_match_in_view():
    app = NewsReaderApp(load())
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await type_query(pilot, "hysterical")
        results = app.query_one(SearchResults)
        assert results.option_count > 1
        for index in range(results.option_count):
            prompt = results.get_option_at_index(index).prompt
            lines = str(prompt).split("\n")
            assert len(lines) == 2 and lines[1].startswith("        ")  # where it is, indented
            assert prompt.no_wrap  # one line each, cut with an ellipsis, never wrapped
        first = str(results.get_option_at_index(0).prompt).split("\n")[0]
        assert "hysterical" in first[:60].lower()  # the matched word within the first columns


async def test_moving_through_results_previews_them_and_escape_goes_back():
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        pane = app.query_one(ReadingPane)
        reading = pane.article
        await type_query(pilot, "balloon")
        panel = app.query_one(SearchPanel)
        other = next(i for i, hit in enumerate(panel.hits) if hit.article_id != reading.id)
        await pilot.press(*["down"] * other)
        await pilot.pause()
        assert pane.article.id == panel.hits[other].article_id  # shown while still searching
        assert panel.display and app.focused is app.query_one("#search-input", Input)
        assert not app.state.is_read(pane.article.id)  # a preview is not reading
        await pilot.press("escape")
        await pilot.pause()
        assert pane.article is reading


async def test_capped_results_say_first_100_and_how_to_export():
    from reader.corpus import Corpus
    from reader.model import Article, Span

    text = "Harbour notes\n\n" + "\n\n".join(f"The harbour opened berth {n}." for n in range(150))
    spans, at = [], len("Harbour notes\n\n")
    for part in text[at:].split("\n\n"):
        spans.append(Span(at, at + len(part), part))
        at += len(part) + 2
    app = NewsReaderApp(Corpus([Article("h", "h.txt", text, "Harbour notes", tuple(spans))]))
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await type_query(pilot, "harbour")
        panel = app.query_one(SearchPanel)
        assert len(panel.hits) == 100
        assert panel.border_title == "first 100 results"
        assert "tab, e exports" in str(panel.border_subtitle)
        await type_query(pilot, " berth 7")
        assert not str(panel.border_title).startswith("first")
