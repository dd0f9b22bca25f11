"""The speakers of the open article: name, role and number of quotes."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import Attribution, Speaker
from reader.sanitize import one_line
from reader.ui.palette import SpeakerColours


def speaker_prompt(speaker: Speaker, colours: SpeakerColours) -> Text:
    text = Text()
    text.append(colours.shape(speaker.name) + " ", style=colours.colour(speaker.name))
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

    def show(self, attribution: Attribution, colours: SpeakerColours) -> None:
        """The article's quoted speakers, most quoted first, in the reading pane's colours."""
        speakers = sorted((s for s in attribution.speakers if s.quotes), key=lambda s: colours.index(s.name))
        self.set_options(Option(speaker_prompt(s, colours), id=s.name) for s in speakers)
        self.border_title = f"Speakers ({len(speakers)})"
        self.set_class(not speakers, "-empty")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.SpeakerChosen(event.option.id))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
