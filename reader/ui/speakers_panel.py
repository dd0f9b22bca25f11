"""The speakers of the open article: name, role and number of quotes."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import Attribution, Speaker
from reader.sanitize import one_line
from reader.ui.palette import speaker_colour


def speaker_prompt(speaker: Speaker) -> Text:
    text = Text()
    text.append("■ ", style=speaker_colour(speaker.name))
    text.append(one_line(speaker.name), style="bold")
    text.append(f"  {speaker.quotes} quote{'s' if speaker.quotes != 1 else ''}", style="dim")
    if speaker.role:
        text.append(f"\n  {one_line(speaker.role)}", style="dim italic")
    return text


class SpeakersPanel(OptionList):
    """Choosing a speaker highlights only their quotes."""

    @dataclass
    class SpeakerChosen(Message):
        name: str | None

    def show(self, attribution: Attribution) -> None:
        speakers = sorted(
            (s for s in attribution.speakers if s.quotes),
            key=lambda s: (-s.quotes, s.name.casefold()),
        )
        self.set_options(Option(speaker_prompt(s), id=s.name) for s in speakers)
        self.border_title = f"Speakers ({len(speakers)})"
        self.set_class(not speakers, "-empty")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.SpeakerChosen(event.option.id))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
