"""Who is named when a role, employer, party or place stands before the name.

``NBC host Carl Benning`` is Carl Benning (role: NBC host), never "NBC";
a party tag after a name (``(R-Ore.)``, ``, D-Md.,``) is never the speaker.
Negative rows: what must not become the speaker.
"""

from __future__ import annotations

import re

import pytest

from reader.attribution import extract
from reader.model import Span


def speakers(*lines: str) -> list[str | None]:
    source = "\n\n".join(lines)
    spans = tuple(Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", source))
    return [q.speaker for q in extract(source, spans).quotes if q.kind != "reported"]


ROLE_BEFORE_NAME = [
    ('"We will not back down on this," said NBC host Carl Benning.', "Carl Benning"),
    ('"We will not back down on this," NBC host Carl Benning said.', "Carl Benning"),
    ('"The data are clear," said psychologist Nora Ruiz.', "Nora Ruiz"),
    ('Acme campaign chairman Tim Rourke said the move was "a disgrace to the county."', "Tim Rourke"),
    ('Democratic presidential nominee Maria Olsen chimed in, saying the city must act "without any delay."',
     "Maria Olsen"),
    ('Olsen campaign manager Rob Meeks told a radio host that rivals spread "lies about the plan."', "Rob Meeks"),
    ('"We train every night," Riverside captain Luis Okoro said.', "Luis Okoro"),
    # a body or rank before the role: the whole is the role, the name speaks
    ('"The bill will clear the floor," Senate Majority Leader Tom Ashby said.', "Tom Ashby"),
    ('"The bill will clear the floor," Senate Majority Leader Tom Ashby, R-Ky., said Tuesday.', "Tom Ashby"),
    ('"The runway is safe," retired Air Force general Lena Marsh said.', "Lena Marsh"),
    # numbers among the role words
    ('"The river is rising," said 9/11 widow Ann Lee.', "Ann Lee"),
    ('"The river is rising," said 34-year-old teacher Ann Lee.', "Ann Lee"),
    # an occupation opening the sentence is capitalised, and still a role
    ('Engineer Tom Reed said the stones had moved. "The wall is tired," he added.', "Tom Reed"),
    ('Nurse Ada Kell said the ward was full. "We have no beds left," she said.', "Ada Kell"),
    ('Firefighter Leo Marsh said: "The roof went in minutes."', "Leo Marsh"),
    # a place and a party before the name: "Maryland Democrat", "New York Republican"
    ('"This is a good day for growers," said Ohio Democrat Rita Vance.', "Rita Vance"),
    ('"We will fight it," New York Republican Al Doe told reporters.', "Al Doe"),
    ('Oregon Independent Mia Cho said: "The count is wrong."', "Mia Cho"),
]


def test_a_role_with_a_number_keeps_its_writing():
    source = '"The river is rising," said 9/11 widow Ann Lee.'
    att = extract(source, (Span(0, len(source), source),))
    assert [(s.name, s.role) for s in att.speakers] == [("Ann Lee", "9/11 widow")]


def test_a_place_and_a_party_are_the_role_not_the_name():
    source = '"We will fight it," New York Republican Al Doe said. "It is over," the New York Republican added.'
    att = extract(source, (Span(0, len(source), source),))
    assert [(s.name, s.role) for s in att.speakers] == [("Al Doe", "New York Republican")]
    assert [q.speaker for q in att.quotes] == ["Al Doe", "Al Doe"]


# a party or its members as a group: an anonymous source, never a person; a place and a party alone name nobody
GROUPS = [
    ("The Democrats said the bill would cut costs for growers.", "Democrats"),
    ("House Republicans said the plan was dead.", "House Republicans"),
    ("Ohio Democrats said they would fight the plan.", "Ohio Democrats"),
]


@pytest.mark.parametrize("line, group", GROUPS)
def test_a_party_s_members_speak_as_a_group(line, group):
    att = extract(line, (Span(0, len(line), line),))
    assert [(s.name, s.kind) for s in att.speakers] == [(group, "anonymous")]


PLACE_AND_PARTY_AS_DESCRIPTION = [
    # the person whose role has the party: "the Ohio Democrat" after "Ohio Democrat Rita Vance"
    ("Ohio Democrat Rita Vance said the bill was flawed. The Ohio Democrat said she would vote against it.",
     ["Rita Vance", "Rita Vance"]),
    # no one known as a Democrat: no one (the person named last need not be the one meant)
    ("Sen. Rita Vance said the bill was flawed. The Ohio Democrat said she would vote against it.", ["Rita Vance"]),
    ("Acme Corp said it would cut jobs. The Ohio Democrat said she would vote against it.", ["Acme Corp"]),
    # a party word before a document is no one's name either
    ('Sen. Tom Ash, an Ohio Democrat, spoke. "The outlook is poor," the Democrat report said.', [None]),
    ('Ohio Democrat Tom Ash spoke. "The outlook is poor," the Democrat report said.', ["Tom Ash"]),
]


@pytest.mark.parametrize("text, expected", PLACE_AND_PARTY_AS_DESCRIPTION)
def test_the_place_and_party_is_someone_known_by_that_party(text, expected):
    att = extract(text, (Span(0, len(text), text),))
    assert [q.speaker for q in att.quotes] == expected


def test_a_place_and_a_party_alone_are_never_a_name():
    source = ("Sen. Rita Vance, an Ohio Democrat, said the bill was flawed. "
              "The Ohio Democrat said she would vote against it.")
    att = extract(source, (Span(0, len(source), source),))
    assert "Ohio Democrat" not in {s.name for s in att.speakers}
    assert {q.speaker for q in att.quotes} <= {"Rita Vance", None}


@pytest.mark.parametrize("line, speaker", ROLE_BEFORE_NAME)
def test_the_person_after_a_role_speaks(line, speaker):
    assert speakers(line) == [speaker]


PARTY_TAGS = [
    '"We will not back down on this," Rep. Jane Holt (R-Ore.) said.',
    '"We will not back down on this," said Rep. Jane Holt (R-Ore.).',
    'Rep. Jane Holt, R-Ore., said: "We will not back down on this."',
    'Sen. Jane Holt (D-Ore.) said the bill was "dead on arrival."',
    '"We will not back down on this," Rep. Jane Holt (R-Ore.), a panel member, said.',
]


@pytest.mark.parametrize("line", PARTY_TAGS)
def test_a_party_tag_is_not_the_speaker(line):
    assert speakers("Republicans said the vote would go ahead.", line) == ["Jane Holt"]


NOT_A_ROLE = [
    # a verb between the employer and the name: the employer speaks of the name
    ('Acme said Tim Rourke was "a fine manager."', "Acme"),
    # no name after the lower-case words: the employer speaks, no person is invented
    ('"We are hiring again," Acme Corp said on Monday.', "Acme Corp"),
]


@pytest.mark.parametrize("line, speaker", NOT_A_ROLE)
def test_words_that_are_not_a_role(line, speaker):
    assert speakers(line) == [speaker]


# --- the outlet that asked is not the speaker -----------------------------------------

ASKED_BY_AN_OUTLET = [
    ('Economists polled by Reuters said the rate would "stay where it is for now."', "Economists"),
    ('Ramon Ortiz, head of the audit board, told Reuters in an interview: "We will find the money."',
     "Ramon Ortiz"),
    ('"We will find the money," Ramon Ortiz told the Daily Courier.', "Ramon Ortiz"),
    ('Besides Baker, officials said the plan was "not on the table."', "officials"),
]


@pytest.mark.parametrize("line, speaker", ASKED_BY_AN_OUTLET)
def test_the_outlet_that_asked_is_not_the_speaker(line, speaker):
    assert speakers(line) == [speaker]


SURNAME_TITLES = [
    ('"Turnout makes the difference," said Carla King, a county organiser.', ["Carla King"]),
    ('"We will be there," Mr. Major added.', ["Major"]),
    ('Paul Dean spoke first. "We will be there," Mr. Dean said.', ["Paul Dean"]),
]


@pytest.mark.parametrize("line, expected", SURNAME_TITLES)
def test_a_surname_that_is_also_a_title_is_a_name(line, expected):
    assert speakers(line) == expected


@pytest.mark.parametrize("run", ["the King", "Jordanian King", "Chief Justice", "Deputy Chancellor"])
def test_a_title_after_a_nationality_or_a_rank_stays_a_role(run):
    from reader.attribution.mentions import ROLE
    from reader.attribution.runs import run_mention
    from reader.attribution.tokens import tokenize

    toks = tokenize(run, 0, len(run))
    definite = toks[0].text == "the"
    assert run_mention(toks[1:] if definite else toks, definite).kind is ROLE


# "the Indiana governor", "the Republican nominee": a place or a party in the description must be the person's
DESCRIPTIONS_WITH_A_PLACE_OR_PARTY = [
    ('"We must go on," said a former Oregon governor. "We will win," the Ohio governor said.',
     ["former Oregon governor", "Ohio governor"]),
    ('"Taxes will rise," said the Democratic nominee. "We will win," the Republican nominee said.',
     ["Democratic nominee", "Republican nominee"]),
    ('"We must go on," said a former Oregon governor. "We will win," the governor said.',
     ["former Oregon governor", "former Oregon governor"]),
]


@pytest.mark.parametrize("text, expected", DESCRIPTIONS_WITH_A_PLACE_OR_PARTY)
def test_a_description_with_a_place_or_party_means_no_one_of_another(text, expected):
    assert speakers(text) == expected
