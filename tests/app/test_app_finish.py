"""Rough edges of issue 17: the list cursor, sorting, the title bar, texts."""

from __future__ import annotations

import pytest

from reader.corpus import Corpus, load
from reader.model import Article, Span
from reader.state import State
from reader.ui.app import NewsReaderApp
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.virtual_list import ROW_HEIGHT

OUTLETS = ["Harbour Post", "Valley Times", "Coast Herald"]
WORDS = ["ferry", "bridge", "school", "market", "river", "council", "library", "tunnel", "garden", "museum"]


def article(n: int) -> Article:
    title = f"Story {n:02d} about the {WORDS[n % 10]} {WORDS[(n // 10) % 10]}"
    body = f"The board met about the {WORDS[n % 10]}. \"We will decide soon,\" said Mayor Ann Tern{n}."
    quotes = " ".join(f'"Item {i} is ready," said Clerk Bo Lind.' for i in range(n % 4))
    text = f"{title}\n\n{body}\n\n{quotes or 'No one spoke.'}\n\nzebra{n}word"
    paragraphs = []
    at = len(title) + 2
    for part in text[at:].split("\n\n"):
        paragraphs.append(Span(at, at + len(part), part))
        at += len(part) + 2
    return Article(
        id=f"id{n}", path=f"a{n}.txt", source=text, title=title, paragraphs=tuple(paragraphs),
        outlet=OUTLETS[n % 3], date=f"2023-03-{1 + (n * 7) % 28:02d}",
    )


def many(count: int = 40) -> Corpus:
    return Corpus([article(n) for n in range(count)])


def row_visible(listing: ArticleList, row: int) -> bool:
    top = row * ROW_HEIGHT
    return listing.scroll_y <= top and top + ROW_HEIGHT <= listing.scroll_y + listing.scrollable_content_region.height


@pytest.mark.parametrize("size", [(120, 36), (80, 24), (60, 20)])
@pytest.mark.parametrize("number", [3, 17, 33])
async def test_opening_a_search_hit_highlights_and_shows_its_article_in_the_list(size, number):
    app = NewsReaderApp(many())
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("slash", *f"zebra{number}word")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        listing = app.query_one(ArticleList)
        assert app.query_one(ReadingPane).article.id == f"id{number}"
        assert listing.highlighted == listing.get_option_index(f"id{number}")
        assert row_visible(listing, listing.highlighted)


async def test_after_a_restart_the_list_shows_the_article_being_read():
    state = State()
    state.set_position("id35", 0)
    app = NewsReaderApp(many(), state=state)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.pause()
        listing = app.query_one(ArticleList)
        assert app.query_one(ReadingPane).article.id == "id35"
        assert listing.highlighted == 35 and row_visible(listing, 35)


async def test_S_sorts_the_list_and_keeps_the_open_article():
    app = NewsReaderApp(many(12))
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        listing = app.query_one(ArticleList)
        await pilot.press("j", "j")
        opened = app.query_one(ReadingPane).article.id

        def order() -> list[Article]:
            return [listing.articles[listing.get_option_at_index(i).id] for i in range(listing.option_count)]

        await pilot.press("S")  # newest first
        dates = [a.date for a in order()]
        assert dates == sorted(dates, reverse=True) and listing.border_subtitle == "newest first"
        await pilot.press("S")  # by outlet
        assert [a.outlet for a in order()] == sorted(a.outlet for a in order())
        await pilot.press("S")  # by title
        assert [a.title for a in order()] == sorted(a.title for a in order())
        await pilot.press("S")  # most quotes
        counts = [len(app.attribution(a).quotes) for a in order()]
        assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
        assert f"{counts[0]} quote" in str(listing.get_option_at_index(0).prompt)
        assert listing.get_option_at_index(listing.highlighted).id == opened  # the open article stays under the cursor
        await pilot.press("S")
        assert [a.id for a in order()] == [f"id{n}" for n in range(12)]  # as loaded again


async def test_title_bar_shows_the_article_title_and_forgets_the_quote_when_you_move_on():
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        assert app.title == pane.article.title
        pane.focus()
        await pilot.press("right_square_bracket")
        assert app.sub_title.startswith("quote 1 of ")
        await pilot.press("j")
        await pilot.pause()
        assert app.title == app.query_one(ReadingPane).article.title
        assert "quote" not in app.sub_title


async def test_the_unread_filter_counts_only_unread_articles_and_says_the_open_one_is_kept():
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        listing = app.query_one(ArticleList)
        assert listing.option_count == 2  # the open article stays listed, under the cursor
        assert listing.border_title == "Unread (1 of 2) + the open one"


async def test_stories_say_first_report_first_only_when_articles_have_dates():
    from dataclasses import replace

    from textual.widgets import Static

    for dated in (False, True):
        corpus = load()
        if dated:
            corpus.articles[:] = [replace(a, date=f"2023-02-1{i}") for i, a in enumerate(corpus.articles)]
        app = NewsReaderApp(corpus)
        async with app.run_test(size=(120, 36)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("t")
            await pilot.pause()
            title = str(app.screen.query_one("#story-title", Static).render())
            assert "2 articles" in title
            assert ("first report first" in title) == dated


async def test_wide_terminals_centre_the_text():
    app = NewsReaderApp(load())
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        pane, body = app.query_one(ReadingPane), app.query_one("#article-body")
        left = body.region.x - pane.content_region.x
        right = pane.content_region.right - body.region.right
        assert body.region.width == 80 and left > 20 and abs(left - right) <= 2


async def test_views_stack_below_80_columns():
    app = NewsReaderApp(load())
    async with app.run_test(size=(70, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for view, top, bottom in (("s", "#speakers-left", "#speakers-right"), ("t", "#story-list", "#story-detail")):
            await pilot.press(view)
            await pilot.pause()
            upper, lower = app.screen.query_one(top), app.screen.query_one(bottom)
            assert upper.region.bottom <= lower.region.y  # one above the other
            assert upper.region.width >= 60 and lower.region.width >= 60  # each the terminal's width
            await pilot.press("escape")
