"""Copying a quote as a citation: from the reading pane and from the speakers view alike."""

from __future__ import annotations

from textual.app import App

from reader.citation import card


def copy_quote_card(app: App, record: dict) -> None:
    """Put one quote's citation (:func:`reader.citation.card` of an export ``record``)
    on the clipboard and say so in a notification."""
    text = card(record)
    app.copy_to_clipboard(text)
    app.notify(text, title="Copied to the clipboard", timeout=6, markup=False)
