"""Plain-text articles: a byline or desk line right under the headline goes in its field."""

from __future__ import annotations

from reader.cleaning import parse_article

BODY = (
    "The port of Elwin closed on Monday as the storm reached the coast, officials said.\n\n"
    '"We have never seen water this high," the harbour master said.\n'
)


def parse(head: str):
    return parse_article(head + "\n\n" + BODY, "story.txt")


def test_byline_on_the_next_line_is_not_part_of_a_long_headline():
    a = parse("Storm shuts Elwin port as winds reach record speeds\nBy Jane Doe, Example Ledger Staff Writer")
    assert a.title == "Storm shuts Elwin port as winds reach record speeds"
    assert a.byline == "Jane Doe, Example Ledger Staff Writer"
    assert a.paragraphs[0].text.startswith("The port of Elwin")


def test_byline_under_a_short_headline_is_not_taken_for_the_headline():
    a = parse("Storm shuts Elwin port\nBy Jane Doe, Example Ledger Staff Writer")
    assert (a.title, a.byline) == ("Storm shuts Elwin port", "Jane Doe, Example Ledger Staff Writer")


def test_desk_on_the_next_line_becomes_the_section():
    a = parse("Storm shuts Elwin port as winds reach record speeds along the coast\nIndustry Desk")
    assert a.title == "Storm shuts Elwin port as winds reach record speeds along the coast"
    assert a.section == "Industry Desk"
    assert "Industry Desk" not in [p.text for p in a.paragraphs]


def test_byline_then_desk():
    a = parse("Storm shuts Elwin port\nBy Jane Doe and John Roe\nWashington Bureau")
    assert (a.title, a.byline, a.section) == ("Storm shuts Elwin port", "Jane Doe and John Roe", "Washington Bureau")
    assert len(a.paragraphs) == 2


def test_a_wrapped_paragraph_with_a_line_starting_by_stays_one_paragraph():
    text = (
        "Storm shuts Elwin port\n\n"
        "The harbour master kept the gates shut all through the night and into Monday,\n"
        "By then the water had reached the quay and the fishing fleet was stuck at sea.\n"
    )
    a = parse_article(text, "story.txt")
    assert len(a.paragraphs) == 1 and a.byline is None


def test_a_desk_in_capitals_is_a_desk_too():
    a = parse("Storm shuts Elwin port\nWASHINGTON BUREAU")
    assert (a.title, a.section) == ("Storm shuts Elwin port", "WASHINGTON BUREAU")
