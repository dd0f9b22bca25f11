"""Messages between the reader and its views.

The reader tells every open screen what the background work has reached
(:class:`LoadProgress`, :class:`InsightsReady`); a view that waits for it
handles the message, the others ignore it.  A view that closes on a quote
returns a :class:`QuoteTarget`.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from reader.directory import Directory
from reader.stories import Story


@dataclass(frozen=True)
class QuoteTarget:
    """Where to go when a quote (or, with ``start`` -1, an article) is chosen."""

    article_id: str
    start: int
    end: int


class LoadProgress(Message, bubble=False):
    """How far loading is: ``(files read, files)``, or None once it is done."""

    def __init__(self, progress: tuple[int, int] | None) -> None:
        super().__init__()
        self.progress = progress


class InsightsReady(Message, bubble=False):
    """The speaker directory and the stories are built."""

    def __init__(self, directory: Directory, stories: list[Story]) -> None:
        super().__init__()
        self.directory = directory
        self.stories = stories
