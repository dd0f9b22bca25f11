"""The steps of parse_article, each on its own (reader.cleaning); whole pages
are in test_cleaning.py.  Rows are paragraphs (invented text) and what the
step makes of them."""

from __future__ import annotations

import doctest

import pytest

import reader.cleaning
import reader.paragraphs
from reader.cleaning import (
    _header_metadata,
    _headline,
    _mark_footer,
    _mark_furniture,
    _markdown_headings,
    _Para,
    _title_text,
    parse_article,
)
from reader.model import Caption, Span
from reader.outlets import copyright_line, outlet_and_via, sign_off

PROSE = "The council voted on Tuesday to rebuild the harbour wall before the winter storms."
PROSE2 = "Work will start in May and is expected to take two years, the council said."


def _page(*texts: str, roles: dict[int, str] | None = None) -> tuple[str, list[_Para]]:
    """The paragraphs as a plain-text file, one blank line between them."""
    source = "\n\n".join(texts) + "\n"
    paras, pos = [], 0
    for i, text in enumerate(texts):
        paras.append(_Para(pos, pos + len(text), text, (roles or {}).get(i, "body")))
        pos += len(text) + 2
    return source, paras


@pytest.mark.parametrize(
    "texts, headline",
    [
        (["Council votes to rebuild harbour wall", PROSE], 0),  # a first line on its own
        (["WEKU", "World", "Council votes to rebuild the harbour wall", PROSE], 2),  # first header line of 5 words
        (["WEKU", "World", "Harbour wall vote", PROSE], 2),  # else the longest
        (["Home | News | Local", "Harbour wall vote", PROSE], 1),  # a navigation line is no headline
        (["Council votes to rebuild the harbour wall today.", PROSE], 0),  # short prose first: the headline
        ([PROSE + " " + PROSE + " " + PROSE2, PROSE2], -1),  # long prose first: none
        ([], -1),
    ],
)
def test_headline(texts, headline):
    source, paras = _page(*texts)
    assert _headline(source, paras) == headline


@pytest.mark.parametrize(
    "texts, roles, captions",
    [
        # a caption printed twice, then its credit
        (["Divers inspect the old wall", "Divers inspect the old wall", "Jane Doe/AP", PROSE],
         ["caption", "duplicate", "credit", "body"], [Caption("Divers inspect the old wall", "Jane Doe/AP")]),
        # a caption followed by a photo credit
        (["Divers inspect the old wall at dawn", "Photograph: Jane Doe", PROSE],
         ["caption", "credit", "body"], [Caption("Divers inspect the old wall at dawn", "Photograph: Jane Doe")]),
        # a credit in brackets at its end
        (["Divers inspect the old wall. (Jane Doe/Elwin Bugle)", PROSE],
         ["caption", "body"], [Caption("Divers inspect the old wall.", "Jane Doe/Elwin Bugle")]),
        (["Copyright 2024 Elwin Bugle. All rights reserved.", PROSE], ["copyright", "body"], []),
        (["Sign up for our newsletter", PROSE], ["boilerplate", "body"], []),
        (["Home | News | Local", PROSE], ["boilerplate", "body"], []),
        (["Share this story", PROSE, "Share this story"], ["boilerplate", "body", "boilerplate"], []),
        (["Most popular", PROSE, "Most popular"], ["boilerplate", "body", "boilerplate"], []),
        (["Harbour news", PROSE, "Harbour news"], ["repeat", "body", "repeat"], []),  # a repeated short line
        (["March 3, 2024", PROSE], ["date", "body"], []),
        ([PROSE, PROSE2], ["body", "body"], []),
    ],
)
def test_mark_furniture(texts, roles, captions):
    _source, paras = _page(*texts)
    assert _mark_furniture(paras) == captions
    assert [p.role for p in paras] == roles


@pytest.mark.parametrize(
    "texts, title_index, found, roles",
    [
        (["Elwin Gazette", "Local", "Priya Raman", "Harbour wall vote", PROSE], 3,
         {"outlet": "Elwin Gazette", "section": "Local", "byline": "Priya Raman"}, ["outlet", "section", "byline"]),
        (["By Priya Raman and Tom Reed", "Harbour wall vote", PROSE], 1,
         {"byline": "Priya Raman and Tom Reed"}, ["byline"]),
        (["Harbour wall vote", "By Priya Raman", PROSE], 0, {"byline": "Priya Raman"}, ["title", "byline"]),
        (["Get the app", "Harbour wall vote", PROSE], 1, {}, ["boilerplate"]),
    ],
)
def test_header_metadata(texts, title_index, found, roles):
    _source, paras = _page(*texts, roles={title_index: "title"})
    assert _header_metadata(paras, title_index) == found
    assert [p.role for p in paras[: len(roles)]] == roles


@pytest.mark.parametrize(
    "texts, marked, roles",
    [
        # after the last prose, once a pitch appears, the lines after it go too
        ([PROSE, "Support local news", "Elwin Bugle", "Top stories"], {1: "boilerplate"},
         ["body", "boilerplate", "boilerplate", "boilerplate"]),
        ([PROSE, "Copyright 2024 Elwin Bugle.", "Jane Doe"], {1: "copyright"}, ["body", "copyright", "boilerplate"]),
        ([PROSE, "Jane Doe", "Reuter"], {}, ["body", "body", "body"]),  # no pitch: left to the sign-off step
        # a pitch between two prose paragraphs takes nothing with it
        (["Support local news", "Elwin Bugle", PROSE], {0: "boilerplate"}, ["boilerplate", "body", "body"]),
    ],
)
def test_mark_footer(texts, marked, roles):
    _source, paras = _page(*texts, roles=marked)
    _mark_footer(paras)
    assert [p.role for p in paras] == roles


@pytest.mark.parametrize(
    "last, signed, role",
    [
        ("Reuter", "Reuters", "signoff"),
        ("REUTER", "Reuters", "signoff"),
        ("AFP", "AFP", "signoff"),
        ("Jane Doe", None, "signoff"),  # a name: more likely the writer
        ("ENDS", None, "signoff"),
        ("-30-", None, "body"),  # digits: kept, as a number would be
        ("Ends.", None, "body"),  # a sentence
        ("May 3", None, "body"),  # a date
        ("See you in May", None, "body"),  # three words
    ],
)
def test_sign_off(last, signed, role):
    _source, paras = _page(PROSE, last)
    assert sign_off(paras) == signed
    assert paras[-1].role == role


def test_a_lone_paragraph_is_never_a_sign_off():
    _source, paras = _page("Reuter")
    assert sign_off(paras) is None and paras[0].role == "body"


@pytest.mark.parametrize(
    "line, text, holder",
    [
        ("Copyright 2023 NPR. To see more, visit https://www.npr.org.", "Copyright 2023 NPR.", "NPR"),
        ("© 2024 The Elwin Bugle", "© 2024 The Elwin Bugle", "The Elwin Bugle"),
        ("(c) 1999-2024 Harbour Radio, all rights reserved", "(c) 1999-2024 Harbour Radio, all rights reserved", "Harbour Radio"),
        ("Copyright 2024 a very long list of six holders", "Copyright 2024 a very long list of six holders", None),
        (None, None, None),
    ],
)
def test_copyright(line, text, holder):
    texts = [PROSE] + ([line] if line else [])
    _source, paras = _page(*texts, roles={1: "copyright"})
    assert copyright_line(paras) == (text, holder)


@pytest.mark.parametrize(
    "outlet, host, result",
    [
        ("NPR", "MPR News", ("NPR", "MPR News")),
        ("NPR", "npr", ("NPR", None)),
        (None, "inkl", ("inkl", None)),
        ("WEKU", None, ("WEKU", None)),
        (None, None, (None, None)),
    ],
)
def test_outlet_and_via(outlet, host, result):
    assert outlet_and_via(outlet, host) == result


@pytest.mark.parametrize(
    "title, body, path, result",
    [
        ("Harbour  wall\nvote ", (), "a.txt", "Harbour wall vote"),
        (None, (Span(0, len(PROSE), PROSE),), "a.txt", PROSE),  # 83 characters: whole
        (None, (Span(0, 200, "word " * 40),), "a.txt", ("word " * 40)[:89].rstrip() + "…"),
        ("", (), "news/harbour.txt", "harbour.txt"),
        (None, (), "", "Untitled"),
    ],
)
def test_title_text(title, body, path, result):
    assert _title_text(title, body, path) == result


@pytest.mark.parametrize(
    "texts, meta_title, title, title_index, first",
    [
        (["# Harbour wall vote", PROSE], None, "Harbour wall vote", 0, ("title", "Harbour wall vote")),
        (["## Harbour wall vote ##", PROSE], None, "Harbour wall vote", 0, ("title", "Harbour wall vote ##")),
        (["# Harbour wall vote", PROSE], "Harbour wall vote", "Harbour wall vote", -1, ("title", "Harbour wall vote")),
        (["# Another heading", PROSE], "Harbour wall vote", "Harbour wall vote", -1, ("body", "Another heading")),
        ([PROSE, "# Later heading"], None, "Later heading", 1, ("body", PROSE)),
        ([PROSE], None, None, -1, ("body", PROSE)),
    ],
)
def test_markdown_headings(texts, meta_title, title, title_index, first):
    source, paras = _page(*texts)
    assert _markdown_headings(paras, meta_title) == (title, title_index)
    assert (paras[0].role, paras[0].text) == first
    assert all(source[p.start : p.end] == p.text for p in paras)  # offsets follow the stripped "#"


@pytest.mark.parametrize("module", [reader.cleaning, reader.paragraphs])
def test_the_worked_examples_in_the_docstrings_are_right(module):
    assert doctest.testmod(module).failed == 0


@pytest.mark.parametrize(
    "ending, outlet, last_body",
    [
        ("\n\nreuter\n", "Reuters", "Talks resume on Monday."),
        ("\n\nREUTER...\n", "Reuters", "Talks resume on Monday."),
        ("\n\nReuter...^M\n", "Reuters", "Talks resume on Monday."),
        ("\n\nReueter\n", "Reuters", "Talks resume on Monday."),  # a typo in transmission
        ("\n\nxinhua\n", "Xinhua", "Talks resume on Monday."),
        (" REUTER\n", "Reuters", "Talks resume on Monday."),  # glued to the last sentence
        ("\n\nInterrupted\n", None, "Talks resume on Monday."),  # an end marker, not an outlet
        ("\n\nHe left.\n", None, "He left."),  # a short last sentence is body, not a sign-off
        ("\n\nAll...\n", None, "All..."),  # a teaser cut short is not an outlet
        # glued after figures, a ticker, in lower case, with a transmission stamp
        ("\n\nTotal 55.8 (33.7).        REUTER\n", "Reuters", "Total 55.8 (33.7)."),
        ("\n\nShares trade under the symbol <HRB>. reuter^M\n", "Reuters", "Shares trade under the symbol <HRB>."),
        ("\n\nElwin 10.0 MM, Sao Paulo nil. REUTER11:43/VB\n", "Reuters", "Elwin 10.0 MM, Sao Paulo nil."),
    ],
)
def test_a_wire_sign_off_names_the_outlet_however_it_is_written(ending, outlet, last_body):
    source = ("PORT TALKS\n\nELWIN, March 3 - Harbour pilots and the port board met for talks, "
              "the board said.\n\nTalks resume on Monday." + ending)
    article = parse_article(source, "wire.txt")
    assert article.outlet == outlet
    assert article.paragraphs[-1].text == last_body


def test_a_sign_off_taken_out_with_the_footer_still_names_the_outlet():
    source = ("BOND ISSUE\n\nELWIN, March 2 - Harlow Tyre Co has launched a 200 mln franc bond, "
              "lead manager Bank of Elwin said.\n\nThe issue carries a call option from 1993.\n\n"
              "Subscriptions close March 18 and payment date is April 2.\n\nREUTER\n")
    assert parse_article(source, "wire.txt").outlet == "Reuters"
