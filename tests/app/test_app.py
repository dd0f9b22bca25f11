"""The reader driven with the keyboard and mouse through Textual's Pilot."""

from __future__ import annotations

import io
import re

from rich.console import Console
from textual import events
from textual.widgets import Static

from reader.corpus import Corpus, load
from reader.ui.app import NewsReaderApp
from reader.ui.widgets.article_body import ArticleBody
from reader.ui.widgets.article_list import UNREAD_MARK, ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.speakers_panel import SpeakersPanel
from tests.support.long_article import synthetic


def make_app() -> NewsReaderApp:
    return NewsReaderApp(load())


def static_text(static: Static, width: int = 200) -> str:
    """What a Static shows, as plain text."""
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(static.content)
    return console.export_text()


def shown_title(app: NewsReaderApp) -> str:
    return static_text(app.query_one("#article-header", Static)).splitlines()[0]


def body_text(app: NewsReaderApp) -> str:
    return app.query_one(ArticleBody).plain


def list_prompt(app: NewsReaderApp, index: int) -> str:
    return str(app.query_one(ArticleList).get_option_at_index(index).prompt)


def where_from(app: NewsReaderApp, index: int) -> str:
    """The second line of a row, without its number of quotes."""
    return re.sub(r" · \d+ quotes?$", "", list_prompt(app, index).splitlines()[1].strip())


async def test_starts_with_the_first_article_open_and_the_rest_unread():
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert shown_title(app).startswith("Blinken meets with China's top diplomat")
        assert not list_prompt(app, 0).startswith(UNREAD_MARK)
        assert list_prompt(app, 1).startswith(UNREAD_MARK)
        assert "Grow the Future of Public Media" not in body_text(app)


async def test_the_list_says_where_an_article_is_from(tmp_path):
    (tmp_path / "wire.txt").write_text(
        "COCOA RAINS IMPROVE CROP PROSPECTS\n\nSALVADOR, Feb 26 - Showers continued in the cocoa zone.\n"
    )
    (tmp_path / "signed.txt").write_text(
        "GRAIN SHIPMENTS RISE\n\nNEW YORK, March 2 - Grain shipments rose, the board said.\n\n"
        "Loadings were steady.\n\nReuter\n"
    )
    (tmp_path / "notes.txt").write_text("Council notes\n\nThe council met and voted on the roads.\n")
    app = NewsReaderApp(load([tmp_path / "wire.txt", tmp_path / "signed.txt", tmp_path / "notes.txt"]))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        rows = {list_prompt(app, i).splitlines()[0][3:]: where_from(app, i) for i in range(3)}
        assert rows["COCOA RAINS IMPROVE CROP PROSPECTS"] == "SALVADOR, Feb 26"  # no outlet: the dateline
        assert rows["GRAIN SHIPMENTS RISE"] == "Reuters · NEW YORK, March 2"  # the wire's sign-off, then the dateline
        assert rows["Council notes"] == "notes.txt"  # nothing else: the file
    seeds = make_app()
    async with seeds.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert where_from(seeds, 0) == "NPR (via MPR News)"  # outlet and byline first
        assert re.search(r" · \d+ quotes$", list_prompt(seeds, 0))  # and how many quotes it has


async def test_j_and_k_move_between_articles_and_open_them():
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j")
        assert shown_title(app).startswith("Secretary of State Blinken and China's top diplomat")
        assert not list_prompt(app, 1).startswith(UNREAD_MARK)
        await pilot.press("k")
        assert shown_title(app).startswith("Blinken meets")
        await pilot.press("down")
        assert shown_title(app).startswith("Secretary of State")


async def test_keys_sent_faster_than_articles_open_leave_the_one_under_the_cursor_open():
    """j j j k (and the arrow keys) typed in one go, each article longer than
    the last: articles open in the order the cursor reached them, never again
    after it left them (no flicker back), and what stays open is the one the
    cursor is on.  ``j``/``k`` open each article they reach."""
    stories = [synthetic(paragraphs) for paragraphs in range(1, 9)]
    app = NewsReaderApp(Corpus([article for article, _ in stories]))
    app._attributions = {article.id: attribution for article, attribution in stories}
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        listing, pane = app.query_one(ArticleList), app.query_one(ReadingPane)
        opened: list[int] = []
        show = pane.show
        pane.show = lambda article, attribution: (opened.append(len(article.paragraphs)), show(article, attribution))
        for keys, row, path in (  # path: the articles (by paragraphs) the cursor goes through
            (["j", "j", "j", "k"], 2, [2, 3, 4, 3]),
            (["down", "down", "up", "down", "down"], 5, [4, 5, 4, 5, 6]),
            (["k"] * 4, 1, [5, 4, 3, 2]),
        ):
            opened.clear()
            for key in keys:  # all queued before the first is handled, as a fast typist's keys arrive
                event = events.Key(key, key if len(key) == 1 else None)
                event.set_sender(app)
                await app._post_message(event)
            await pilot.pause()
            along = iter(path)
            assert all(paragraphs in along for paragraphs in opened), f"{opened} went back along {path}"
            assert opened[-1] == path[-1] and (opened == path or keys[0] not in "jk")
            assert listing.highlighted == row
            assert pane.article is stories[row][0]
            assert shown_title(app) == stories[row][0].title
            assert len(body_text(app).split("\n\n")) == row + 1


async def test_the_header_names_the_open_article_and_the_chosen_quote():
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j")
        header = app.query_one("HeaderTitle", Static)
        assert str(header.render()).startswith("Secretary of State Blinken")
        await pilot.press("tab", "right_square_bracket")
        assert "quote 1 of " in str(header.render())
        await pilot.press("k")
        assert str(header.render()).startswith("Blinken meets") and "quote" not in str(header.render())


async def test_j_works_while_reading_too():
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("tab")
        assert app.focused is app.query_one(ReadingPane)
        await pilot.press("j")
        assert shown_title(app).startswith("Secretary of State")


async def test_tab_moves_focus_between_panes():
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        assert isinstance(app.focused, ArticleList)
        await pilot.press("tab")
        assert isinstance(app.focused, ReadingPane)
        await pilot.press("tab")
        assert isinstance(app.focused, SpeakersPanel)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, ReadingPane)


async def test_space_b_g_and_G_scroll_the_article():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        assert pane.max_scroll_y > 0
        await pilot.press("space")
        assert pane.scroll_y > 0
        first_page = pane.scroll_y
        await pilot.press("G")
        assert pane.scroll_y == pane.max_scroll_y > first_page
        await pilot.press("b")
        assert pane.scroll_y < pane.max_scroll_y
        await pilot.press("g")
        assert pane.scroll_y == 0
        await pilot.press("pagedown")
        assert pane.scroll_y == first_page


async def test_q_quits():
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("q")
        assert not app.is_running


async def test_clicking_an_article_opens_it():
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        # Each article takes two lines below the border: the second one starts on line 3.
        await pilot.click(ArticleList, offset=(5, 3))
        assert shown_title(app).startswith("Secretary of State")


async def test_command_palette_jumps_to_an_article_by_title():
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"set to meet")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert shown_title(app).startswith("Secretary of State")


async def test_speaker_choice_keeps_only_their_quotes_and_brackets_walk_quotes():
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        panel = app.query_one(SpeakersPanel)
        names = [panel.get_option_at_index(i).id for i in range(panel.option_count)]
        assert "Wang Yi" in names and "Ned Price" in names
        pane = app.query_one(ReadingPane)
        await pilot.press("tab", "tab")  # speakers panel
        panel.highlighted = names.index("Wang Yi")
        await pilot.press("enter")
        assert pane.focus_speaker == "Wang Yi"
        await pilot.press("shift+tab", "right_square_bracket")
        assert pane.attribution.quotes[pane.current_quote].speaker == "Wang Yi"
        await pilot.press("right_square_bracket")
        assert pane.attribution.quotes[pane.current_quote].speaker == "Wang Yi"
        await pilot.press("escape")
        assert pane.focus_speaker is None


async def test_narrow_terminals_stack_and_do_not_crash():
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-narrow")
        articles, pane = app.query_one(ArticleList), app.query_one(ReadingPane)
        assert articles.region.y < pane.region.y  # stacked, not side by side
        await pilot.press("j", "space", "G", "question_mark", "escape", "k")
        assert shown_title(app).startswith("Blinken")
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert not app.screen.has_class("-narrow")
        assert articles.region.x < pane.region.x


async def test_a_machine_date_is_shown_as_a_reader_writes_it(tmp_path):
    (tmp_path / "feed-item.md").write_text(
        "---\ntitle: Port reopens\ndate: 2026-12-01T10:22:00+00:00\n---\n\nThe port reopened, the board said.\n"
    )
    app = NewsReaderApp(load([tmp_path / "feed-item.md"]))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        header = static_text(app.query_one("#article-header", Static))
        assert "Dec 1, 2026, 10:22" in header and "T10:22" not in header
        assert where_from(app, 0) == "Dec 1, 2026, 10:22"
