"""What a view opened before the corpus-wide results are ready says while it waits."""

from __future__ import annotations

from rich.text import Text


def waiting_note(progress: tuple[int, int] | None, follows: str, building: str) -> Text:
    """``progress`` is ``(files read, files)`` while loading, else ``None``."""
    if progress is not None and progress[0] < progress[1]:
        done, total = progress
        return Text(f"Reading the articles: {done:,} of {total:,} files. {follows}", style="dim")
    return Text(building, style="dim")
