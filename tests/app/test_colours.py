"""Speaker colours: distinct within an article, readable (>= 4.5:1) on every
shipped theme, like every panel title."""

from __future__ import annotations

import pytest
from textual.color import Color
from textual.theme import BUILTIN_THEMES

from reader.corpus import load
from reader.ui.app import NewsReaderApp
from reader.ui.palette import (
    BASE,
    MIN_CONTRAST,
    SpeakerColours,
    by_prominence,
    contrast,
    palette_for,
)
from reader.ui.screens.speakers import SpeakersScreen
from reader.ui.screens.stories import StoriesScreen
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.widgets.speakers_panel import SpeakersPanel

# Themes whose colours are the terminal's own (ANSI names) cannot be measured.
THEMES = sorted(name for name, theme in BUILTIN_THEMES.items() if not theme.ansi and "ansi" not in name)


def hex_of(colour: Color) -> str:
    return colour.hex[:7]


@pytest.mark.parametrize("name", THEMES)
def test_every_speaker_colour_reads_on_every_theme(name):
    variables = BUILTIN_THEMES[name].to_color_system().generate()
    backgrounds = (variables["background"], variables["surface"])
    for colour in palette_for(backgrounds):
        for background in backgrounds:
            assert contrast(colour, background) >= MIN_CONTRAST, (name, colour, background)


def test_the_first_speakers_all_differ_and_later_ones_change_shape():
    colours = SpeakerColours(f"speaker {i}" for i in range(len(BASE) + 2))
    first = [colours.colour(f"speaker {i}") for i in range(len(BASE))]
    assert len(set(first)) == len(BASE)
    assert colours.colour(f"speaker {len(BASE)}") == first[0]  # colours ran out: the shape tells them apart
    assert colours.shape(f"speaker {len(BASE)}") != colours.shape("speaker 0")


async def test_an_articles_speakers_get_distinct_colours_most_quoted_first():
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        quoted = [s for s in pane.attribution.speakers if s.quotes]
        quoted.sort(key=lambda s: by_prominence(pane.attribution.speakers).index(s.name))
        assert len(quoted) >= 6
        shown = [pane.colours.colour(s.name) for s in quoted[: len(BASE)]]
        assert len(set(shown)) == len(shown)  # seed 000: Blinken, CGTN and U.S. officials used to share one
        panel = app.query_one(SpeakersPanel)
        first = panel.get_option_at_index(0)
        assert first.id == quoted[0].name  # the panel lists them in the pane's order
        colour = pane.colours.colour(first.id)
        assert any(span.style == colour for span in first.prompt.spans)


def title_contrast(widget) -> float:
    """The contrast of a panel's border title with what is behind it."""
    background = widget.background_colors[0]
    colour, _, _ = widget._get_title_style_information(background)  # as Textual draws it
    if colour.a == 0:
        colour = widget.styles.border_top[1]  # no title colour: the border's
    return contrast(hex_of(background + colour), hex_of(background))


@pytest.mark.parametrize("name", THEMES)
async def test_speaker_colours_and_panel_titles_read_on_the_theme_in_use(name):
    app = NewsReaderApp(load(), theme=name)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        background = hex_of(pane.background_colors[0])
        for speaker in pane.attribution.speakers:
            assert contrast(pane.colours.colour(speaker.name), background) >= MIN_CONTRAST, (name, speaker.name)
        for view in (None, "s", "t"):
            if view:
                await pilot.press(view)
                await pilot.pause()
                assert isinstance(app.screen, (SpeakersScreen, StoriesScreen))
            for widget in app.screen.query("*"):
                if widget.border_title and widget.display:
                    assert title_contrast(widget) >= MIN_CONTRAST, (name, view, widget.id)
            if view:
                await pilot.press("escape")
