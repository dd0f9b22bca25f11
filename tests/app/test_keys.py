"""One key table (reader/ui/keys.py): the help, the README, the footer and the
config's [keys] table all follow it."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import Footer, Input, Static

from reader.config import load_config
from reader.corpus import load
from reader.ui import keys
from reader.ui.app import NewsReaderApp
from reader.ui.screens.export import ExportScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.speakers import SpeakersScreen
from reader.ui.screens.stories import StoriesScreen
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.search_panel import SearchPanel

README = Path(__file__).resolve().parents[2] / "README.md"
NEWCOMER_KEYS = ("/", "s", "t", "?", "q")


def help_text(app: NewsReaderApp) -> str:
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(app.screen.query_one("#help-keys", Static).content)
    return console.export_text()


def footer_keys(app: NewsReaderApp) -> dict[str, bool]:
    """The footer's keys as shown, and whether each fits inside the terminal."""
    footer = app.screen.query_one(Footer)
    width = app.size.width
    return {
        str(key.key_display): key.region.width > 0 and key.region.right <= width
        for key in footer.query("FooterKey")
    }


def test_readme_key_table_is_the_key_table():
    text = README.read_text(encoding="utf-8")
    match = re.search(r"<!-- keys -->\n(.*?)\n<!-- /keys -->", text, re.S)
    assert match, "the README's key table is marked <!-- keys --> ... <!-- /keys -->"
    assert match.group(1).strip() == keys.readme_table(), (
        "README key table differs from reader/ui/keys.py: paste `python -m reader.ui.keys`"
    )


def test_every_key_has_one_id_and_every_bound_key_is_bound_where_it_says():
    ids = [key.id for key in keys.KEYS]
    assert len(ids) == len(set(ids))
    owners = {
        keys.APP: NewsReaderApp, keys.PANE: ReadingPane, keys.SEARCH_PANEL: SearchPanel,
        keys.SPEAKERS_VIEW: SpeakersScreen, keys.STORIES_VIEW: StoriesScreen, keys.HELP_VIEW: HelpScreen,
        keys.EXPORT_VIEW: ExportScreen,
    }
    for owner, cls in owners.items():
        bound = {binding.id for binding in cls.BINDINGS}
        assert bound == {key.id for key in keys.KEYS if key.owner == owner}


async def test_help_lists_every_key_of_the_table_and_closes():
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(help_text(app).split())
        for key in keys.KEYS:
            assert " ".join(key.help.split()) in text
            assert key.shown in text
        for place in keys.PLACES:
            assert place in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize("size", [(120, 36), (80, 24), (60, 20)])
async def test_footer_shows_the_newcomer_keys(size):
    app = NewsReaderApp(load())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for focus in ("#articles", "#reading"):
            app.query_one(focus).focus()
            await pilot.pause()
            shown = footer_keys(app)
            for key in NEWCOMER_KEYS:
                assert shown.get(key), f"{key!r} not visible in the footer at {size} with {focus} focused: {shown}"


async def test_reader_keys_are_off_in_the_views_and_while_typing():
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        first = app.query_one(ReadingPane).article
        await pilot.press("s")
        assert isinstance(app.screen, SpeakersScreen)
        await pilot.press("j", "t")  # typed into the speakers filter
        assert isinstance(app.screen, SpeakersScreen)
        assert app.screen.query_one("#speaker-filter", Input).value == "jt"
        await pilot.press("escape")
        assert app.query_one(ReadingPane).article is first  # j did not move the reader
        await pilot.press("slash", "s", "t")
        assert app.query_one("#search-input", Input).value == "st"
        assert not isinstance(app.screen, (SpeakersScreen, StoriesScreen))


async def test_config_keys_table_remaps_a_key_by_its_id(tmp_path):
    config_file = tmp_path / "config.toml"
    config_file.write_text('[keys]\nsearch = "ctrl+f"\nstories = "T"\nnot_a_key = "x"\n')
    config, messages = load_config(config_file)
    assert messages == []
    app = NewsReaderApp(load(), keymap=dict(config.keys))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        assert not app.query_one(SearchPanel).display  # / is no longer search
        await pilot.press("ctrl+f")
        assert app.query_one(SearchPanel).display
        await pilot.press("escape", "T")
        assert isinstance(app.screen, StoriesScreen)
        await pilot.press("escape", "question_mark")
        text = help_text(app)
        assert "ctrl+f" in text and "not_a_key" not in text
        shown = [str(n.message) for n in app._notifications]
        assert any("'not_a_key' is not a key id" in message for message in shown)


def test_a_keys_table_of_the_wrong_shape_is_one_message(tmp_path):
    config_file = tmp_path / "config.toml"
    config_file.write_text('theme = "nord"\nkeys = ["ctrl+f"]\n')
    config, messages = load_config(config_file)
    assert config.theme == "nord" and config.keys == ()
    assert len(messages) == 1 and "'keys'" in messages[0]


def test_the_examples_in_the_ui_modules_hold():
    import doctest

    from reader.ui import commands, palette, title_index

    for module in (keys, palette, title_index, commands):
        assert doctest.testmod(module).failed == 0, module.__name__
