"""Speaker colours: distinct within a view, readable on every theme.

A view (an article, a story, the speakers directory, a search) gives its
speakers colours in order of prominence with a :class:`SpeakerColours`: the
first :data:`len(BASE) <BASE>` speakers get different colours; after that the
colours repeat with another shape (■ ● ▲ ◆) beside the name, and a speaker
keeps its colour for as long as the view lasts.

Colours are made readable for the theme in use (:func:`use_theme_colours`):
each base colour is lightened (on a dark background) or darkened (on a light
one) until its contrast with the background and the surface is at least
:data:`MIN_CONTRAST` (WCAG 2's 4.5:1 for text).

>>> colours = SpeakerColours(["Ana", "Bo"])
>>> colours.index("Ana"), colours.index("Bo"), colours.index("Cy"), colours.index("Ana")
(0, 1, 2, 0)
>>> round(contrast("#ffffff", "#000000"), 1), round(contrast("#777777", "#ffffff"), 2)
(21.0, 4.48)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache

MIN_CONTRAST = 4.5

# Hues far apart from each other (the order they are given in: the most
# quoted speaker gets the first).
BASE = (
    "#3daee9",  # sky blue
    "#f5a623",  # amber
    "#2ec27e",  # green
    "#e0607e",  # rose
    "#9b7bf0",  # violet
    "#e8d44d",  # yellow
    "#1fb8a8",  # teal
    "#f0703c",  # orange
    "#c070d0",  # orchid
    "#8fb33a",  # olive green
)
SHAPES = ("■", "●", "▲", "◆")
UNATTRIBUTED = "#9a9996"


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def luminance(colour: str) -> float:
    r, g, b = (_channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _mix(colour: str, toward: str, amount: float) -> str:
    return "#" + "".join(
        f"{round(a + (b - a) * amount):02x}" for a, b in zip(_rgb(colour), _rgb(toward), strict=True)
    )


def readable(colour: str, backgrounds: Sequence[str]) -> str:
    """``colour``, lightened or darkened just enough to reach
    :data:`MIN_CONTRAST` against every one of ``backgrounds``."""
    dark = sum(luminance(b) for b in backgrounds) / len(backgrounds) < 0.18
    toward = "#ffffff" if dark else "#000000"
    for step in range(21):
        candidate = _mix(colour, toward, step / 20)
        if all(contrast(candidate, b) >= MIN_CONTRAST for b in backgrounds):
            return candidate
    return toward


@lru_cache(maxsize=32)
def palette_for(backgrounds: tuple[str, ...]) -> tuple[str, ...]:
    """The speaker colours (and, last, the unattributed grey) for these backgrounds."""
    return tuple(readable(colour, backgrounds) for colour in (*BASE, UNATTRIBUTED))


_palette: tuple[str, ...] = palette_for(("#121212", "#1e1e1e"))  # textual-dark until told


def use_theme_colours(background: str, surface: str) -> None:
    """Make speaker colours readable on this theme (the app calls it on a change)."""
    global _palette
    _palette = palette_for((background, surface))


def colour_at(index: int) -> str:
    return _palette[index % len(BASE)]


def unattributed() -> str:
    return _palette[-1]


class SpeakerColours:
    """The colours of one view's speakers, given in order of prominence;
    a speaker not named at first gets the next free place when first seen."""

    def __init__(self, names: Iterable[str | None] = ()) -> None:
        self._index: dict[str, int] = {}
        for name in names:
            self.index(name)

    def index(self, name: str | None) -> int:
        if not name:
            return -1
        found = self._index.get(name)
        if found is None:
            found = self._index[name] = len(self._index)
        return found

    def colour(self, name: str | None) -> str:
        index = self.index(name)
        return unattributed() if index < 0 else colour_at(index)

    def shape(self, name: str | None) -> str:
        """■ for the first round of colours, then ● ▲ ◆: two speakers never share both."""
        index = max(self.index(name), 0)
        return SHAPES[(index // len(BASE)) % len(SHAPES)]


def by_prominence(speakers: Iterable) -> list[str]:
    """Names of an article's speakers (``Speaker`` objects), most quotes first,
    then by first mention."""
    ranked = sorted(
        speakers, key=lambda s: (-s.quotes, s.mentions[0][0] if s.mentions else 1 << 60, s.name.casefold())
    )
    return [speaker.name for speaker in ranked]
