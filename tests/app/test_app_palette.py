"""The command palette (ctrl+p): any article by its title, quickly, whatever
the titles are."""

from __future__ import annotations

import signal
import string
from contextlib import contextmanager

from textual.command import CommandList, CommandPalette

from reader.corpus import Corpus
from reader.model import Article
from reader.ui.app import NewsReaderApp
from reader.ui.widgets.reading_pane import ReadingPane


class LoopBlocked(Exception):
    pass


@contextmanager
def deadline(seconds: float):
    """Fail (instead of hanging the suite) if the code inside takes over
    ``seconds``: from then on an alarm interrupts whatever runs, every second,
    until the block is left (a blocked event loop included)."""
    fired = []

    def interrupt(signum, frame):
        fired.append(True)
        raise LoopBlocked(f"still busy after {seconds} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
    try:
        yield fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def article(number: int, title: str) -> Article:
    text = f"{title}\n\nThe harbour board met for the {number}th time.\n"
    return Article(id=f"a{number}", path=f"a{number}.txt", source=text, title=title)


def palette_titles(app) -> list[str]:
    return [str(option.prompt).split("\n")[0] for option in app.screen.query_one(CommandList).options]


async def test_the_palette_answers_and_closes_on_a_long_title_that_repeats_the_alphabet():
    hostile = (string.ascii_lowercase * 40)[:1024]
    app = NewsReaderApp(Corpus([article(1, "Harbour board meets"), article(2, hostile)]))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        with deadline(30) as fired:
            # Every other letter: Textual's matcher tried each of the ~40^7 ways of
            # spreading "acegikm" over the title (already 3.6 s at "acegi").
            await pilot.press("ctrl+p", *"acegikmoqsuwy")
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press(*["backspace"] * 13, *"qrstuvwxyz")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
            assert palette_titles(app)[0].startswith("abcdefghijklmnopqrstuvwxyzabc")
            await pilot.press("escape")
            assert not isinstance(app.screen, CommandPalette)
            await pilot.press("q")
        assert not fired
        assert not app.is_running


async def test_the_palette_finds_any_of_thousands_of_titles_despite_a_typo():
    places = ["Porthaven", "Elmford", "Kessock", "Dunmere", "Ashby", "Wrenfield"]
    titles = [f"{places[n % 6]} council report number {n} on roads" for n in range(3000)]
    titles[2718] = "Ferry timetable changes for the winter crossing"
    app = NewsReaderApp(Corpus([article(n, title) for n, title in enumerate(titles)]))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        listed = [title for title in palette_titles(app) if title in titles]
        assert 0 < len(listed) <= 100  # a first screenful, not 3,000 rows to build
        await pilot.press(*"ferry timtable")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert palette_titles(app)[0] == "Ferry timetable changes for the winter crossing"
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(ReadingPane).article.id == "a2718"


async def test_every_action_of_the_key_table_is_in_the_palette_and_runs():
    from reader.corpus import load
    from reader.ui import keys
    from reader.ui.screens.speakers import SpeakersScreen
    from reader.ui.widgets.article_list import ArticleList

    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await app.workers.wait_for_complete()
        await pilot.pause()
        listed = palette_titles(app)
        for key in keys.palette_keys():
            assert key.label in listed, key.label
        await pilot.press(*"speakers")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert palette_titles(app)[0] == "Speakers"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SpeakersScreen)
        await pilot.press("escape", "ctrl+p", *"sort")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(ArticleList).sort != "as loaded"
