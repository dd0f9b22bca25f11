"""Quotation conventions of real newspapers: which marks make a quotation.

Each row is an article of hand-written paragraphs (one per line), the words
a reader should see highlighted as quotations (in order), and who said each
(``None``: nobody is named).  Negative rows list what must not become a quote.
"""

from __future__ import annotations

import re

import pytest

from reader.attribution import extract
from reader.model import Span


def paragraphs(source: str) -> tuple[Span, ...]:
    return tuple(Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", source) if m.group().strip())


def quotes_of(*lines: str) -> list[tuple[str, str | None]]:
    source = "\n\n".join(lines)
    att = extract(source, paragraphs(source))
    for q in att.quotes:
        assert source[q.start : q.end] == q.text
    return [(q.text, q.speaker) for q in att.quotes if q.kind != "reported"]


# --- two apostrophes as a double mark (newspaper archives) -------------------------

TWO_APOSTROPHES = [
    (("''The bridge will open in May,'' said Carla Menendez, the city engineer.",),
     [("The bridge will open in May,", "Carla Menendez")]),
    (("Tom Okafor said: ''We lost the vote. We will try again.''",),
     [("We lost the vote. We will try again.", "Tom Okafor")]),
    (("''It is a start,'' Ms. Lindqvist said. ''Nothing more.''",),
     [("It is a start,", "Lindqvist"), ("Nothing more.", "Lindqvist")]),
    (("Rita Adeyemi called the budget ''a quiet disaster'' on Tuesday.",),
     [("a quiet disaster", "Rita Adeyemi")]),
    # a single quotation nested at the end: 'no' keeps its own mark
    (("''He told me 'no,''' said Paul Varga.",),
     [("He told me 'no,'", "Paul Varga")]),
]


@pytest.mark.parametrize("lines, expected", TWO_APOSTROPHES)
def test_two_apostrophes_are_a_double_mark(lines, expected):
    assert quotes_of(*lines) == expected


def test_a_possessive_apostrophe_is_not_a_mark():
    assert quotes_of("The Jameses' house stood empty, Ann Kerr said.") == []


def test_the_convention_modules_examples_hold():
    import doctest

    from reader.attribution import marks, roles

    for module in (marks, roles):
        assert doctest.testmod(module).failed == 0


# --- a dash and a name signing a quotation off ------------------------------------

SIGN_OFFS = [
    (("“We will win this county, and then the state.” ― Ana Ruiz",),
     [("We will win this county, and then the state.", "Ana Ruiz")]),
    # several signed quotations in one paragraph, one per line, odd spaces kept
    (("“It is a disgrace.”\u00a0― Tom Baker\u00a0\n“Vote them out.” — Lena Fischer.",),
     [("It is a disgrace.", "Tom Baker"), ("Vote them out.", "Lena Fischer")]),
    (('"I never said that." - Mark Duval',), [("I never said that.", "Mark Duval")]),
]


@pytest.mark.parametrize("lines, expected", SIGN_OFFS)
def test_a_sign_off_names_the_speaker(lines, expected):
    assert quotes_of(*lines) == expected


NOT_SIGN_OFFS = [
    # the dash opens an aside, not a name: no speaker from it
    ('"It is over" - for now - and the crowd left.', [("It is over", None)]),
    # one capitalised word after the dash is no full name
    ('"Go home" — Never.', [("Go home", None)]),
]


@pytest.mark.parametrize("line, expected", NOT_SIGN_OFFS)
def test_a_dash_without_a_name_names_nobody(line, expected):
    assert quotes_of(line) == expected


# --- titles in quotation marks are nobody's words ----------------------------------

TITLES = [
    ('In an interview on "Meet the Voters," Senator Ann Ruiz said the plan would fail.', "Meet the Voters,"),
    ('Mayor Tom Reyes called the scheme "Operation Clean Sweep" on Monday.', "Operation Clean Sweep"),
    ("In his book ''Make Your Garden Grow,'' Paul Varga argued for compost.", "Make Your Garden Grow,"),
    # a comma between the naming word and the title
    ("In his 2002 book, ''Make Your Garden Grow,'' Mr. Varga suggested compost.", "Make Your Garden Grow,"),
]


@pytest.mark.parametrize("line, title", TITLES)
def test_a_title_in_quotation_marks_has_no_speaker(line, title):
    assert (title, None) in quotes_of(line)


def test_a_lower_case_partial_quotation_keeps_its_speaker():
    assert quotes_of('Mayor Tom Reyes said the scheme was "a total failure."') == [("a total failure.", "Tom Reyes")]


# --- a closing curly mark typed as the opener ---------------------------------------

REVERSED_OPENERS = [
    (("”Fear is what I feel,” said Rosa Lind.",), [("Fear is what I feel,", "Rosa Lind")]),
    (("Tom Baker wrote a column.", "” … the plan was never funded,” Baker wrote."),
     [("… the plan was never funded,", "Tom Baker")]),
]


@pytest.mark.parametrize("lines, expected", REVERSED_OPENERS)
def test_a_closing_mark_typed_as_opener_opens(lines, expected):
    assert quotes_of(*lines) == expected


def test_a_closing_mark_after_a_word_still_closes():
    assert quotes_of("“We are done,” said Rosa Lind.") == [("We are done,", "Rosa Lind")]


# --- single marks: British and Australian quoting --------------------------------------

SINGLE_MARKS = [
    (("'We have been left with no option,' said Ray Colter, the union's leader.",
      "Colter said: 'We don't want this. Nobody in the '90s wanted it either.'"),
     [("We have been left with no option,", "Ray Colter"),
      ("We don't want this. Nobody in the '90s wanted it either.", "Ray Colter")]),
    # curly single marks, with an apostrophe inside
    (("‘It’s a sad day for the club,’ said Fiona Hart.",), [("It’s a sad day for the club,", "Fiona Hart")]),
    # a possessive "Dons' fans" does not close the quotation early
    (("'The Dons' fans were superb all night,' said coach Ben Ogilvy.",),
     [("The Dons' fans were superb all night,", "Ben Ogilvy")]),
    # double marks nested inside single ones are not quotations of their own
    (("'He told me \"not today\" and walked off,' said Fiona Hart.",),
     [("He told me \"not today\" and walked off,", "Fiona Hart")]),
]


@pytest.mark.parametrize("lines, expected", SINGLE_MARKS)
def test_single_marks_quote_in_a_british_article(lines, expected):
    assert quotes_of(*lines) == expected


# British styling of who speaks: "Cllr", a capitalised title before the name in commas, an organisation with "the"
BRITISH_SPEAKERS = [
    (("Cllr Tom Ashdown, the board's chairman, said: 'We cannot keep doing more with less.'",),
     [("We cannot keep doing more with less.", "Tom Ashdown")]),
    (("The Chancellor, Rita Vance, told MPs the deal was fair. 'Councils have had a real rise,' she said.",),
     [("Councils have had a real rise,", "Rita Vance")]),
    (("Towns face 'unprecedented' pressure, the Harbour Towns Association has warned.",),
     [("unprecedented", "Harbour Towns Association")]),
]


@pytest.mark.parametrize("lines, expected", BRITISH_SPEAKERS)
def test_speakers_styled_the_british_way(lines, expected):
    assert quotes_of(*lines) == expected


NOT_SINGLE_MARKS = [
    # an American article: double marks quote, the single-marked word is a scare quote
    ('"We won," said Lynch, who called it a \'miracle\'.', [("We won,", "Lynch")]),
    # apostrophes only
    ("The Dons' fans don't remember the '90s, rock 'n' roll or the Smiths' songs, Ann Kerr said.", []),
]


@pytest.mark.parametrize("line, expected", NOT_SINGLE_MARKS)
def test_apostrophes_and_scare_quotes_are_not_single_mark_quotations(line, expected):
    assert quotes_of(line) == expected


# --- guillemets and low-high marks -------------------------------------------------------

OTHER_MARKS = [
    ("«We will win in May,» said Ana Ruiz.", [("We will win in May,", "Ana Ruiz")]),
    ("„We will win in May“, said Ana Ruiz.", [("We will win in May", "Ana Ruiz")]),
]


@pytest.mark.parametrize("line, expected", OTHER_MARKS)
def test_guillemets_and_low_high_marks_quote(line, expected):
    assert quotes_of(line) == expected


# --- a quote in the headline ---------------------------------------------------------------

HEADLINES = [
    # a name, a colon and one quotation: the quoted words, credited to the body's speaker
    ("Okafor: 'We will not close the ferry'", "Transport minister Tom Okafor spoke at the pier on Monday. "
     "'We will keep the service,' Okafor said.", [("We will not close the ferry", "direct", "Tom Okafor")]),
    ('Lindqvist: "The bridge opens in May."', 'City engineer Carla Lindqvist gave a date. "It is ready," '
     "Lindqvist said.", [("The bridge opens in May.", "direct", "Carla Lindqvist")]),
    # no marks after the colon: the rest of the headline is what was said, reported
    ("Okafor: Ferry Service Will Stay", "Tom Okafor said on Monday that the ferry would stay.",
     [("Ferry Service Will Stay", "reported", "Tom Okafor")]),
    # nobody the body quotes: no headline quote at all
    ("Poll: Voters Back the Ferry", "A poll of 800 voters found support for the ferry.", []),
    ("Okafor: 'We will not close the ferry'", "The ferry runs twice a day from the pier.", []),
]


@pytest.mark.parametrize("title, body, expected", HEADLINES)
def test_a_headline_quote_is_credited_to_the_speaker_the_body_quotes(title, body, expected):
    from reader.attribution import extract_article
    from reader.cleaning import parse_article

    article = parse_article(f"{title}\n\n{body}\n", "story.txt")
    found = [(q.text, q.kind, q.speaker) for q in extract_article(article).quotes if q.paragraph == -1]
    assert found == expected
    body_quotes = [q for q in extract_article(article).quotes if q.paragraph >= 0]
    assert all(q.start >= article.paragraphs[0].start for q in body_quotes)
