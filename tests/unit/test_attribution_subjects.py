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
    # a place after "of"/"in" belongs to the noun before it: the noun speaks, never the place
    ('The appeals court of Oregon ruled that the map was "plainly unfair."', ["appeals court of Oregon"]),
    ('A judge in Utah said the map was "plainly unfair."', ["judge in Utah"]),
    # ... unless the verb is a participle: "footage of X saying" is X speaking
    ('The clip ends with footage of Ann Lee saying, "That makes me smart."', ["Ann Lee"]),
    # ... but who a message went "to" only received it: the sender speaks, or no one
    ('Her office sent a letter to the governor saying, "The bridge stays shut."', ["office"]),
    ('The group mailed a note to Ann Lee stating, "The bridge stays shut."', ["group"]),
]


@pytest.mark.parametrize("line, expected", SUBJECTS)
def test_the_subject_speaks(line, expected):
    assert speakers(line) == expected


# verbs of speaking beyond "said", and a subject after an opener ("Hours later,")
MORE_VERBS = [
    ('"Go back to your desk," Okafor barked as a guard led the man out.', ["Okafor"]),
    ('"Ann wants to be a tough guy tonight," Okafor shot back. "Let me talk."', ["Okafor", "Okafor"]),
    ('On Monday, Okafor groused to a crowd in Salem that the paper "does not treat me properly" before leaving.',
     ["Okafor"]),
    ('Okafor then accused the audience of consisting of "donors and special interests" on Monday.', ["Okafor"]),
    ('Hours later, Tom Okafor returned the favour, telling reporters, "She is a friend of mine."', ["Tom Okafor"]),
    # the state after a town closes the opening phrase; it is no subject
    ('Speaking at a town hall in Salem, New Hampshire, Tom Okafor went after Ann Lee, calling her "a total stiff."',
     ["Tom Okafor"]),
    ('Speaking in Nashua, N.H., Tom Okafor went after Ann Lee, calling her "a total stiff."', ["Tom Okafor"]),
]


@pytest.mark.parametrize("line, expected", MORE_VERBS)
def test_verbs_beyond_said_name_their_subject(line, expected):
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


# a quotation opening a paragraph continues the speaker before only when its own cue (if any) could mean them
CONTINUATION = [
    ('"The count is wrong," Rita Vance said.\n\n"We will check every box," she added.', ["Rita Vance", "Rita Vance"]),
    ('"The count is wrong," the voters said.\n\n"We will check every box," he said.', ["voters", None]),
    ('"The count is wrong," Mrs. Rita Vance said.\n\n"We will check every box," he said.', ["Rita Vance", None]),
]


@pytest.mark.parametrize("text, expected", CONTINUATION)
def test_a_pronoun_that_cannot_mean_the_last_speaker_does_not_continue_them(text, expected):
    assert speakers(*text.split("\n\n")) == expected


# an organisation's name runs over "for", "on", "to", "against": the whole name speaks, never its tail;
# a place after "<noun> to" belongs to the noun ("the envoy to Ruritania" is no one called Ruritania)
NAMES_WITH_PREPOSITIONS = [
    ("The Committee for a Balanced Harbour Budget said the plan would cost too much.",
     ("Committee for a Balanced Harbour Budget", "organisation")),
    ("The Council on Northern Relations said the talks had failed.", ("Council on Northern Relations", "organisation")),
    ("Campaign for Better Ferries said fares would rise in May.", ("Campaign for Better Ferries", "organisation")),
    ("The Committee to Protect Harbour Pilots said two pilots were held.",
     ("Committee to Protect Harbour Pilots", "organisation")),
    ("The former envoy to Ruritania said the talks had failed.", ("former envoy to Ruritania", "anonymous")),
]


@pytest.mark.parametrize("line, speaker", NAMES_WITH_PREPOSITIONS)
def test_a_name_with_a_preposition_speaks_whole(line, speaker):
    att = extract(line, (Span(0, len(line), line),))
    assert [(s.name, s.kind) for s in att.speakers] == [speaker]
