"""Dates in articles: publication dates and wire datelines."""

from __future__ import annotations

from reader.cleaning import parse_article
from reader.dates import dateline, day_of_year


def _line(body: str):
    return dateline(parse_article(f"A HEADLINE FOR THE TEST\n\n{body}\n\nA second paragraph.\n", "t.txt"))


def test_wire_datelines_give_place_and_day():
    found = _line("SALVADOR, Feb 26 - Showers continued in the cocoa zone, the review said.")
    assert (found.text, found.place, found.month, found.day) == ("SALVADOR, Feb 26", "SALVADOR", 2, 26)
    found = _line("CALGARY, Alberta, March 4 - The company said it will drill two wells.")
    assert (found.text, found.month, found.day) == ("CALGARY, Alberta, March 4", 3, 4)
    assert _line("GREENWICH, Conn., MARCH 6 - The board met.").text == "GREENWICH, Conn., MARCH 6"
    assert _line("New York, march 9 - Shares rose.").month == 3
    assert _line("LONDON, Sept. 3 (Reuters) - Sterling fell.").text == "LONDON, Sept. 3"


def test_text_that_only_looks_like_a_dateline_is_not_one():
    assert _line("The council met on Tuesday, March 3, to vote on the roads.") is None
    assert _line("WASHINGTON - The Senate voted on Monday.") is None  # a place but no day
    assert _line("PARIS, Smarch 3 - Not a month.") is None
    assert _line("PARIS, March 34 - Not a day.") is None


def test_days_of_the_year():
    assert day_of_year(1, 1) == 1
    assert day_of_year(2, 29) == 60
    assert day_of_year(12, 31) == 366

