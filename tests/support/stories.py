"""Small story files written on the fly, for tests that need many articles."""

from __future__ import annotations

from pathlib import Path


def write_story(folder: Path, n: int, said: str = "said") -> Path:
    path = folder / f"story{n:04d}.txt"
    path.write_text(
        f"Council story number {n} in the test corpus\n\n"
        f'"We will fix road {n} this year," Mayor Ana Lopez {said} on Monday.\n'
    )
    return path
