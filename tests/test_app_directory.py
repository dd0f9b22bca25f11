"""Who said what across the corpus: the speakers view and the stories view."""

from __future__ import annotations

import io

from rich.console import Console
from textual.widgets import OptionList, Static

from reader.corpus import load
from reader.ui.app import NewsReaderApp
from reader.ui.article_list import ArticleList
from reader.ui.reading_pane import ReadingPane
from reader.ui.speakers_screen import SpeakersScreen
from reader.ui.stories_screen import StoriesScreen
from tests.conftest import FIXTURES, SEEDS


def shown(widget: Static) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


async def ready(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_three_keys_answer_what_wang_yi_said_where_and_who_else_reported_it():
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("s", "w", "enter")
        screen = app.screen
        assert isinstance(screen, SpeakersScreen)
        summary = shown(screen.query_one("#speaker-summary", Static))
        assert summary.startswith("Wang Yi, China's top diplomat")
        assert "4 quotes in 1 article: NPR (via MPR News)" in summary
        assert "the same story was also reported by: WEKU (via inkl)" in summary
        quotes = screen.query_one("#speaker-quotes", OptionList)
        assert app.focused is quotes
        texts = [q.text for _, q in screen.quotes]
        assert "absurd and hysterical." in texts
        # Enter opens the article at the chosen quote.
        chosen = screen.quotes[quotes.highlighted]
        await pilot.press("enter")
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        assert pane.article.id == chosen[0].id
        assert pane.marked == (chosen[1].start, chosen[1].end)


async def test_speaker_filter_forgives_typos_and_merges_aliases():
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("s", *"blinkin")
        screen = app.screen
        assert screen.entries[0].name == "Antony Blinken"
        assert {"Blinken", "Antony Blinken"} <= set(screen.entries[0].aliases)
        await pilot.press("escape")
        assert not isinstance(app.screen, SpeakersScreen)


async def test_story_view_shows_who_quoted_whom_and_shared_quotes():
    app = NewsReaderApp(load([FIXTURES / "stories"]))
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("t")
        screen = app.screen
        assert isinstance(screen, StoriesScreen)
        with_shared = [i for i, s in enumerate(screen.stories) if s.shared_quotes]
        assert with_shared, "the fixture stories repeat quotes across outlets"
        listing = screen.query_one("#story-list", OptionList)
        listing.highlighted = with_shared[0]
        await pilot.pause()
        story = screen.stories[with_shared[0]]
        table = shown(screen.query_one("#story-table", Static))
        for article in story.articles:
            assert (article.outlet_label or "")[:12] in table
        shared = shown(screen.query_one("#story-shared", Static))
        assert "first reported by" in shared and "also quoted by" in shared
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(ReadingPane).article.id == story.articles[0].id


async def test_list_grouped_by_story():
    app = NewsReaderApp(load([*SEEDS, FIXTURES / "stories"]))
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        listing = app.query_one(ArticleList)
        await pilot.press("f", "f", "f")
        assert listing.filter == "by story"
        numbers = [listing.story_of[listing.get_option_at_index(i).id][0] for i in range(listing.option_count)]
        assert numbers == sorted(numbers)
        assert "§" in str(listing.get_option_at_index(0).prompt)


async def test_reader_keys_do_nothing_over_the_speakers_view():
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("s", *"wang/n", "tab", "n", "j", "m")
        assert isinstance(app.screen, SpeakersScreen)
        assert app.screen.query_one("#speaker-filter").value == "wang/n"
        assert app.is_running
