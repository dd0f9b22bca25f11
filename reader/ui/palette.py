"""Speaker colours: one colour per speaker, the same in every view and article."""

from __future__ import annotations

import zlib

# Readable on dark and light backgrounds alike.
SPEAKER_COLOURS = (
    "#e5a50a",  # amber
    "#3daee9",  # sky
    "#e66100",  # orange
    "#2ec27e",  # green
    "#c061cb",  # violet
    "#f66151",  # coral
    "#1c9fa8",  # teal
    "#9a8c1b",  # olive
    "#8f7fe8",  # lavender
    "#d0689a",  # rose
)
UNATTRIBUTED = "#9a9996"


def speaker_colour(name: str | None) -> str:
    """A stable colour for a canonical speaker name."""
    if not name:
        return UNATTRIBUTED
    return SPEAKER_COLOURS[zlib.crc32(name.encode("utf-8")) % len(SPEAKER_COLOURS)]
