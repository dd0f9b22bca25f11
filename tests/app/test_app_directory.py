"""Who said what across the corpus: the speakers view and the stories view."""

from __future__ import annotations

import asyncio
import io
import threading
from dataclasses import replace

from rich.console import Console
from textual.widgets import OptionList, Static

import reader.ui.loading as loading_module
from reader.corpus import load
from reader.loader import Batch
from reader.model import Attribution
from reader.ui.app import NewsReaderApp
from reader.ui.screens.speakers import SpeakersScreen
from reader.ui.screens.stories import StoriesScreen
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from tests.support.paths import FIXTURES, SEEDS
from tests.support.stories import write_story


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
        assert "5 quotes in 1 article: NPR (via MPR News)" in summary  # one of them reported by CGTN
        assert "the same stories were also reported in 1 other article · WEKU (via inkl)" in summary
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
        listing = screen.query_one("#story-list")
        listing.highlighted = with_shared[0]
        await pilot.pause()
        story = screen.stories[with_shared[0]]
        table = shown(screen.query_one("#story-table", Static))
        for article in story.articles:
            assert (article.outlet_label or "")[:12] in table
        shared = shown(screen.query_one("#story-shared", Static))
        assert "first reported by" in shared and "also in 1 later report: " in shared
        # enter moves to the story's reports and quotations; enter on one opens it
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert app.query_one(ReadingPane).article.id == story.articles[1].id  # the second report, not the first


async def test_a_shared_quotation_chosen_in_the_story_view_opens_at_its_first_report():
    app = NewsReaderApp(load([FIXTURES / "stories"]))
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(app, pilot)
        await pilot.press("t")
        screen = app.screen
        index = next(i for i, s in enumerate(screen.stories) if s.shared_quotes)
        screen.query_one("#story-list").highlighted = index
        await pilot.pause()
        story = screen.stories[index]
        await pilot.press("enter", *["down"] * len(story.articles), "enter")  # past the reports, the first quotation
        await pilot.pause()
        article, quote = story.shared_quotes[0].first
        pane = app.query_one(ReadingPane)
        assert pane.article.id == article.id and pane.marked == (quote.start, quote.end)


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


def hold_directory(monkeypatch) -> threading.Event:
    """Keep the speaker directory from being built until the test opens the gate."""
    gate = threading.Event()
    build = loading_module.build_directory

    def held(items):
        gate.wait(timeout=60)
        return build(items)

    monkeypatch.setattr(loading_module, "build_directory", held)
    return gate


async def test_speakers_view_opens_before_the_directory_is_ready_and_keeps_what_was_typed(monkeypatch):
    gate = hold_directory(monkeypatch)
    app = NewsReaderApp(load())
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.press("s", *"wang")
            screen = app.screen
            assert isinstance(screen, SpeakersScreen)
            listing = screen.query_one("#speaker-list")
            assert listing.loading
            assert "Building the speaker directory" in shown(screen.query_one("#speaker-summary", Static))
            assert screen.query_one("#speaker-filter").value == "wang"
            gate.set()
            await ready(app, pilot)
            assert app.screen is screen and not listing.loading
            assert shown(screen.query_one("#speaker-summary", Static)).startswith("Wang Yi, China's top diplomat")
            await pilot.press("enter", "enter")  # to the quotes, and open the first
            await pilot.pause()
            assert not isinstance(app.screen, SpeakersScreen)
            assert app.query_one(ReadingPane).marked is not None
    finally:
        gate.set()


async def test_stories_view_opens_before_the_stories_are_grouped(monkeypatch):
    gate = hold_directory(monkeypatch)
    app = NewsReaderApp(load([FIXTURES / "stories"]))
    try:
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.press("t")
            screen = app.screen
            assert isinstance(screen, StoriesScreen)
            listing = screen.query_one("#story-list")
            assert listing.loading and listing.option_count == 0
            await pilot.press("enter")  # nothing to open yet: the view stays
            assert app.screen is screen
            gate.set()
            await ready(app, pilot)
            assert not listing.loading and listing.option_count == len(screen.stories) > 0
            assert "first report first" in shown(screen.query_one("#story-title", Static))
    finally:
        gate.set()


async def test_speakers_view_opened_while_loading_counts_the_files_then_fills_in(tmp_path, monkeypatch):
    for n in range(40):
        write_story(tmp_path, n)
    half_read, rest = threading.Event(), threading.Event()
    load_batches = loading_module.load_batches

    def two_halves(*args, **kwargs):
        items = [item for batch in load_batches(*args, **kwargs) for item in batch.items]
        yield Batch(items[:20], done=20, total=40)
        half_read.set()
        rest.wait(timeout=60)
        yield Batch(items[20:], done=40, total=40)

    monkeypatch.setattr(loading_module, "load_batches", two_halves)
    app = NewsReaderApp(paths=[tmp_path])
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            assert await asyncio.get_running_loop().run_in_executor(None, half_read.wait, 60)
            await pilot.press("s", *"lopez")
            screen = app.screen
            assert isinstance(screen, SpeakersScreen)
            summary = screen.query_one("#speaker-summary", Static)
            assert "Reading the articles: 20 of 40 files" in shown(summary)
            rest.set()
            await ready(app, pilot)
            assert shown(summary).startswith("Ana Lopez")
            assert "40 quotes in 40 articles" in shown(summary)
    finally:
        rest.set()


async def test_views_told_about_the_directory_before_their_widgets_exist_show_it_once_they_do():
    app = NewsReaderApp(load([FIXTURES / "stories"]))
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(app, pilot)
        directory, stories = app.directory, app.stories
        for screen, listing_id in ((SpeakersScreen(None, []), "#speaker-list"), (StoriesScreen(None), "#story-list")):
            mounted = app.push_screen(screen)  # in the stack at once, composed a moment later
            app._tell_waiting()  # the loader's progress, then the directory, in that moment
            app._insights_ready(directory, stories)
            await mounted
            await pilot.pause()
            assert app.screen is screen
            listing = screen.query_one(listing_id)
            assert not listing.loading and listing.option_count > 0
            await pilot.press("escape")
            assert app.screen is not screen


def test_story_columns_tell_apart_articles_of_one_outlet(tmp_path):
    from reader.ui.screens.stories import column_labels

    def wire(name: str, dateline: str, later: str = "Talks continue."):
        (tmp_path / name).write_text(
            f"PORT STRIKE\n\n{dateline} - Pilots walked out, the board said.\n\n{later}\n\nReuter\n"
        )
        return tmp_path / name

    articles = load(
        [wire("a.txt", "ELWIN, March 3"), wire("b.txt", "ELWIN, March 4"), wire("c.txt", "ELWIN, March 4", "Talks end.")]
    ).articles
    assert sorted(column_labels(articles)) == ["Mar 3", "Mar 4 b", "Mar 4 c"]  # one outlet: the days
    other = replace(load([wire("d.txt", "ELWIN, March 5")]).articles[0], outlet="UPI")
    assert sorted(column_labels([*articles, other])) == ["Reuters Mar 3", "Reuters Mar 4 b", "Reuters Mar 4 c", "UPI"]
    seeds = load().articles
    assert column_labels(seeds) == [a.outlet_label for a in seeds]  # different outlets: as they are


def test_story_table_has_one_row_per_speaker_however_each_outlet_spelled_them(tmp_path):
    from reader.directory import build_directory
    from reader.model import Quote, Speaker
    from reader.stories import Story
    from reader.ui.screens.stories import who_quoted_whom

    items = []
    for n, name in enumerate(("Elwin Harbour Board", "Elwin Harbour BOARD")):
        path = tmp_path / f"{n}.txt"
        text = f"Pilots walked out over pay number {n}, the board said."
        path.write_text(f"PORT STRIKE\n\n\"{text}\" {name} said.\n")
        article = load([path]).articles[0]
        start = article.source.index(text)
        quote = Quote(start, start + len(text), text, "direct", name, 0)
        items.append((article, Attribution((quote,), (Speaker(name, kind="organisation", quotes=1),))))
    story = Story("PORT STRIKE", tuple(a for a, _ in items), (), tuple(t for _, t in items))
    raw = Console(width=120, record=True, file=io.StringIO())
    raw.print(who_quoted_whom(story))
    merged = Console(width=120, record=True, file=io.StringIO())
    merged.print(who_quoted_whom(story, build_directory(items)))
    assert raw.export_text().count("Elwin Harbour") == 2  # as each article wrote it
    rows = [line for line in merged.export_text().splitlines() if "Elwin Harbour" in line]
    assert len(rows) == 1 and rows[0].split()[-2:] == ["1", "1"]


SURNAMES = ["Abbott", "Barros", "Chen", "Dalby", "Eze", "Fagan", "Gupta", "Halden", "Ilves", "Jarvi",
            "Kowal", "Lund", "Moreau", "Nakata", "Osei", "Pryce", "Quint", "Rossi", "Sato", "Tamm"]
FIRST_NAMES = ["Ada", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gil", "Hana", "Ivo", "Jo",
               "Kai", "Lia", "Max", "Nia", "Oto", "Pia", "Rex", "Sol", "Tia", "Uma"]


async def test_speakers_view_lists_every_speaker_with_anonymous_sources_behind_a(tmp_path):
    """400 named speakers (more than any screen), and traders quoted in five
    articles: all 400 are listed, the traders only after `a`, as one group."""
    for i, (first, last) in enumerate((f, s) for f in FIRST_NAMES for s in SURNAMES):
        (tmp_path / f"s{i:03}.md").write_text(
            f"---\ntitle: Harbour report {i}\noutlet: Elwin Gazette\ndate: 2024-03-{1 + i % 28:02d}\n---\n\n"
            f'"The harbour needs dredging," said {first} {last}, a pilot.\n'
            + ('\n"Prices will rise," traders said.\n' if i < 5 else ""),
            encoding="utf-8",
        )
    app = NewsReaderApp(load([tmp_path]))
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("s")
        screen = app.screen
        listing = screen.query_one("#speaker-list")
        assert listing.option_count == 400 and all(e.kind != "anonymous" for e in screen.entries)
        assert "anonymous hidden" in str(listing.border_subtitle)
        assert "a" not in screen.active_bindings  # typing a name: `a` is a letter, the footer does not offer it
        await pilot.press("tab")  # from the filter to the list, where `a` is a key
        assert "a" in screen.active_bindings
        await pilot.press("a")
        traders = [e for e in screen.entries if e.kind == "anonymous"]
        assert len(traders) == 1 and traders[0].article_count == 5
        await pilot.press("end")
        assert listing.highlighted == 400  # the last of 401 rows, drawn on demand
        summary = shown(screen.query_one("#speaker-summary", Static))
        assert "Mar " in summary and "2024" in summary and "Elwin Gazette" in summary and ".md" not in summary


async def test_y_copies_the_chosen_quote_as_a_citation_in_the_reading_pane_and_the_speakers_view():
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        await pilot.press("j", "tab", "y")  # no quote chosen yet: nothing copied, a hint instead
        assert app.clipboard == ""
        await pilot.press("right_square_bracket", "y")
        pane = app.query_one(ReadingPane)
        quote = pane.attribution.quotes[pane.current_quote]
        assert app.clipboard.startswith("> ") and quote.text in app.clipboard
        assert f"— {quote.speaker}" in app.clipboard and pane.article.outlet_label in app.clipboard
        await pilot.press("s", *"wang", "enter", "y")
        assert app.clipboard.startswith("> “") and "— Wang Yi, China's top diplomat (as reported by China Global TV Network)." in app.clipboard


async def test_the_quote_keys_work_wherever_the_focus_is_in_the_reader():
    from reader.ui.widgets.article_list import ArticleList
    from reader.ui.widgets.speakers_panel import SpeakersPanel

    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(app, pilot)
        pane = app.query_one(ReadingPane)
        for widget in (app.query_one(ArticleList), app.query_one(SpeakersPanel)):
            widget.focus()
            before = pane.current_quote
            await pilot.press("right_square_bracket")
            assert pane.current_quote == before + 1 and app.focused is widget
        await pilot.press("y")
        assert app.clipboard.startswith("> ")


def test_a_reworded_shared_quote_shows_word_by_word_what_changed():
    from reader.ui.screens.stories import changed_words

    text = changed_words("the port will reopen on Friday", "the port will reopen on Monday")
    styles = {text.plain[span.start:span.end]: str(span.style) for span in text.spans}
    assert text.plain == "the port will reopen on Friday Monday"
    assert "strike" in styles["Friday"] and "underline" in styles["Monday"]


def test_other_reports_count_articles_and_name_each_outlet_once():
    from reader.model import Article
    from reader.ui.screens.speakers import other_articles

    wire = [Article(f"r{i}", f"/news/r{i}.txt", "", "Port strike", outlet="Reuters") for i in range(3)]
    assert other_articles(wire) == "3 other articles · Reuters"  # one wire's versions: one outlet
    unsigned = Article("u", "/news/notes.txt", "", "Port notes")
    assert other_articles([wire[0], unsigned]) == "2 other articles · Reuters"  # a file name is no outlet
    assert other_articles([unsigned]) == "1 other article"


def test_a_wire_s_two_versions_of_a_story_are_told_apart_by_their_day():
    from reader.cleaning import parse_article
    from reader.ui.screens.stories import report_label

    first = parse_article("PORT STRIKE\n\nELWIN, March 12 - Pilots walked out.\n\nREUTER\n", "a.txt")
    later = parse_article("PORT STRIKE ENDS\n\nELWIN, March 13 - Pilots went back.\n\nREUTER\n", "b.txt")
    unsigned = parse_article("Port notes\n\nThe pilots met.\n", "notes.txt")
    assert [report_label(a) for a in (first, later, unsigned)] == ["Reuters, Mar 12", "Reuters, Mar 13", "notes.txt"]
