"""Speakers in wire copy (Reuters style), named as a reader would name them:
no ticker markup, no "X-based" description, no document for its owner, no
half of a role.  Each row is a hand-written wire paragraph and the speakers
of its quotes and reported speech, in order."""

from __future__ import annotations

import re

import pytest

from reader.attribution import extract
from reader.model import Span


def speakers(*lines: str) -> list[str | None]:
    source = "\n\n".join(lines)
    spans = tuple(Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", source))
    return [q.speaker for q in extract(source, spans).quotes]


WIRE = [
    # a ticker in angle brackets is no part of the name
    ('Harlow Air <HARL.Z> said it would buy ten jets. "The deal is good," Harlow Air said.',
     ["Harlow Air", "Harlow Air"]),
    ("The seller, <Torvik Holding BV> of Rotterdam, said it agreed to the sale.", ["Torvik Holding BV"]),
    ("Torvik Holding BV> of Rotterdam said it agreed to the sale.", ["Torvik Holding BV"]),
    # a legal form cut off from its firm by a bracket names nobody
    ("Shares of Torvik Holding (Netherlands) BV said it agreed to the sale.", []),
    ("The buyer, Lund Trading (Sweden) AB, said the deal would close in May.", []),
    # a product or model code is no speaker, nor what "it" means
    ("Hanza has said it will decide soon whether to launch the long range HZ340. It says it has 104 orders for the plane.",
     ["Hanza"]),
    ('"We are proud of it," the DC-10 said.', [None]),
    # where a firm is based describes it
    ("The board of the Texas-based Quell had approved the merger. "
     "On May 3 Quell said it had signed an agreement to sell a unit.", ["Quell"]),
    ("A spokesman for Akron, Ohio-based Harlow Tyre said the talks would go on.", ["Harlow Tyre"]),
    # a role with an "and" in it stays whole, the name after it speaks
    ("Ruritania's Minister of Energy and Mines Subarto said today the cartel faces a choice.", ["Subarto"]),
    ('"The cartel faces a choice," Minister of Energy and Mines Subarto said.', ["Subarto"]),
    # a document speaks for the body named before it; an adjective names nobody
    ("The Finance Ministry statement said the rate would rise.", ["Finance Ministry"]),
    ("A French statement said the rate would rise.", []),
    ("Harlow Tyre Corp posted a loss. The company statement said the plant would close.", ["Harlow Tyre Corp"]),
    ("An official statement said the rate would rise.", []),
    ("The Harbour Council issued a joint statement on Friday. The joint statement noted it was a breach.",
     ["Harbour Council"]),
]


# the agency that heard or asked is never the speaker, nor whom a later "they said" means
NEVER_THE_AGENCY = [
    "Dock officials and grain traders told Reuters the deal was near. They said talks would end soon.",
    "Several banks queried by Reuters said much the same thing. They said rates would fall.",
    "Brokers canvassed by Reuters said the rate would hold.",
    "The fund will do well, according to most securities analysts polled by Reuters here.",
    "According to a copy of the draft bill obtained by Reuters, the agency will have wide powers.",
    '"It will hold," said a grain trader contacted by Reuters.',
]


@pytest.mark.parametrize("line", NEVER_THE_AGENCY)
def test_the_agency_that_heard_or_asked_never_speaks(line):
    assert "Reuters" not in speakers(line)


@pytest.mark.parametrize("line, expected", WIRE)
def test_wire_speakers_are_named_as_a_reader_would(line, expected):
    assert speakers(line) == expected


def test_a_ticker_or_a_place_never_enters_a_speaker_s_name_or_role():
    source = "Harlow Air <HARL.Z> said it would buy ten Texas-based jets. A Dallas-based Quell said no."
    att = extract(source, (Span(0, len(source), source),))
    for s in att.speakers:
        assert "<" not in s.name and ">" not in s.name and "-based" not in s.name



def test_a_ticker_is_no_part_of_any_alias():
    source = "Harlow National Corp <HNC> said it completed the deal. Harlow National Corp <HNC said it would pay more."
    att = extract(source, (Span(0, len(source), source),))
    assert [(s.name, s.aliases) for s in att.speakers] == [("Harlow National Corp", ("Harlow National Corp",))]


def test_a_reported_clause_starts_after_the_wire_dateline():
    source = "ELWIN, Feb 26 - The port board has accepted an offer for the dock, the Harbour Authority said."
    att = extract(source, (Span(0, len(source), source),))
    assert [(q.text, q.speaker) for q in att.quotes] == [
        ("The port board has accepted an offer for the dock", "Harbour Authority")]


# "the bank", "the ministry", "the company": an organisation of that kind, never merely the last one named
THE_INSTITUTION = [
    ("The offer was accepted, the Farm Department said. The bank said rates would hold.", [
        "Farm Department", "bank"]),
    ("Harlow Bank said it would lend more. The offer was accepted, the Farm Department said. "
     "The bank said rates would hold.", ["Harlow Bank", "Farm Department", "Harlow Bank"]),
    ("Harlow Bancorp Inc said it would lend more. The Farm Department said it would buy grain. "
     "The bank said rates would hold.", ["Harlow Bancorp Inc", "Farm Department", "Harlow Bancorp Inc"]),
    ("Harlow Tyre Corp said it would open a plant. The Farm Department said it would buy grain. "
     "The company said it would hire staff.", ["Harlow Tyre Corp", "Farm Department", "Harlow Tyre Corp"]),
]


@pytest.mark.parametrize("text, expected", THE_INSTITUTION)
def test_the_institution_is_one_of_its_kind(text, expected):
    assert speakers(text) == expected
