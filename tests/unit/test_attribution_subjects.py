"""The speaker of a quotation named by the sentence around it: a title as
the head of a description ("the mayor said"), the subject of a speech verb a
participle continues ("the mayor said, adding ..."), "as X put it"."""

from __future__ import annotations

import re

import pytest

from reader.attribution import extract
from reader.model import Span


def speakers(*lines: str) -> list[str | None]:
    source = "\n\n".join(lines)
    spans = tuple(Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", source))
    return [q.speaker for q in extract(source, spans).quotes if q.kind != "reported"]


SUBJECTS = [
    ('"We see no link," Mayor Ann Ruiz said, adding that it would take "several more hours" to know.',
     ["Ann Ruiz", "Ann Ruiz"]),
    ('As Ann Ruiz put it in a letter, the plan is "a gift to the rich."', ["Ann Ruiz"]),
    ('Sen. Claire Dunn scolded him: "You are wrong."', ["Claire Dunn"]),
    ('The senator said it was "a mistake" to wait.', ["senator"]),
    ('"The bridge stays shut," the mayor said.', ["mayor"]),
]


@pytest.mark.parametrize("line, expected", SUBJECTS)
def test_the_subject_speaks(line, expected):
    assert speakers(line) == expected


NOBODY = [
    # half a coordinated description is not the speaker
    'The former first lady and senator said it was "a mistake" to wait.',
    # a crowd is no speaker
    '"We are here," the crowd chanted.',
]


@pytest.mark.parametrize("line", NOBODY)
def test_nobody_is_named(line):
    assert speakers(line) == [None]


STILL_NAMED = [
    # "and" opening a new clause: the description after it is the speaker
    ('The firm kept quiet, and a person close to the talks said a deal was "not likely this year."',
     ["person close to the talks"]),
    # an organisation and a role after the name are its appositive
    ('Ruth Amsel, Acme associate professor of design, said, "The prints matter more."', ["Ruth Amsel"]),
]


@pytest.mark.parametrize("line, expected", STILL_NAMED)
def test_names_and_descriptions_still_speak(line, expected):
    assert speakers(line) == expected
