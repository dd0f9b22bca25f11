"""Reported (indirect) speech: the clause a reader sees credited, and to whom.

Every sentence here is written for these tests.  Each row is one article
(one paragraph per line) and the reported clause that must be found with its
speaker; the negative tables list sentences where a clause must NOT be
credited to anyone (a wrong name is worse than none).
"""

from __future__ import annotations

import re

import pytest

from reader.attribution import extract
from reader.model import Span


def _paragraphs(source: str) -> tuple[Span, ...]:
    return tuple(Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", source) if m.group().strip())


def reported_of(*lines: str) -> list[tuple[str, str | None]]:
    """(clause, speaker) of every reported find of the article made of ``lines``."""
    source = "\n\n".join(lines)
    att = extract(source, _paragraphs(source))
    return [(q.text, q.speaker) for q in att.quotes if q.kind == "reported"]


def assert_found(lines: tuple[str, ...], clause: str, speaker: str) -> None:
    found = reported_of(*lines)
    assert (clause, speaker) in found, found


def assert_nobody(lines: tuple[str, ...], words: str) -> None:
    """No reported clause holding ``words`` is credited to anyone."""
    found = reported_of(*lines)
    assert not [(c, s) for c, s in found if words in c and s], found


# --- sentence-final cues: "CLAUSE, the agency said." -----------------------------

FINAL_CUES = [
    (("Dock workers at Ravensmouth will strike next week, the union said.",),
     "Dock workers at Ravensmouth will strike next week", "union"),
    (("The Harwick Trust is a charity. Rents in the old town will rise by a third, the Harwick Trust said.",),
     "Rents in the old town will rise by a third", "Harwick Trust"),
    (("But the ferry will not sail before spring, a port official said.",),
     "the ferry will not sail before spring", "port official"),
]


@pytest.mark.parametrize("lines, clause, speaker", FINAL_CUES)
def test_sentence_final_cue_after_a_description(lines, clause, speaker):
    assert_found(lines, clause, speaker)


# --- "that" as the clause's subject: "said that would help" ----------------------

def test_that_followed_by_an_auxiliary_stays_in_the_clause():
    assert_found(("Mayor Odile Brandt praised the grant. Brandt said that would pay for two new buses.",),
                 "that would pay for two new buses", "Odile Brandt")


# --- verbs beyond "said" ----------------------------------------------------------

VERBS = [
    (("Senator Maria Kovacs spoke in Dover. Kovacs vowed to block the pipeline in committee.",),
     "to block the pipeline in committee", "Maria Kovacs"),
    (("Governor Ray Tulle met farmers on Monday. Tulle pledged that the state would cover half the repairs.",),
     "the state would cover half the repairs", "Ray Tulle"),
    (("Councillor Ada Brook visited the depot. Brook urged the council to buy electric buses.",),
     "the council to buy electric buses", "Ada Brook"),
    (("Tenant leader Sam Ortiz spoke at the hearing. Ortiz called for an inquiry into the landlord's accounts.",),
     "an inquiry into the landlord's accounts", "Sam Ortiz"),
    (("Ines Marlow chairs the panel. Marlow called on the ministry to publish the report.",),
     "the ministry to publish the report", "Ines Marlow"),
    (("Judge Petra Lind heard the case. Lind asked whether the contract had ever been signed.",),
     "whether the contract had ever been signed", "Petra Lind"),
    (("Coach Dara Fenn faced the press. Fenn promised the team would play without fear.",),
     "the team would play without fear", "Dara Fenn"),
    (("Tomas Reyes, an engineer, reviewed the bridge. Reyes pointed out that the bolts had rusted through.",),
     "the bolts had rusted through", "Tomas Reyes"),
]


@pytest.mark.parametrize("lines, clause, speaker", VERBS)
def test_speech_verbs_beyond_said(lines, clause, speaker):
    assert_found(lines, clause, speaker)


# --- participle clauses: "X did Y, saying CLAUSE" ----------------------------------

PARTICIPLES = [
    (("Mayor Lena Fisk closed the beach on Sunday, saying the water was unsafe for swimmers.",),
     "the water was unsafe for swimmers", "Lena Fisk"),
    (("Fire chief Omar Haddad spoke first. He praised the volunteers, adding that the blaze was under control.",),
     "the blaze was under control", "Omar Haddad"),
    (("Rita Vance said the vote was fair, arguing that turnout had never been higher.",),
     "turnout had never been higher", "Rita Vance"),
    (("Rita Vance said the vote was fair, arguing that turnout had never been higher.",),
     "the vote was fair", "Rita Vance"),
    (("Colm Daly, a nurse, left the ward early, promising to return before the night shift.",),
     "to return before the night shift", "Colm Daly"),
]


@pytest.mark.parametrize("lines, clause, speaker", PARTICIPLES)
def test_participle_clause_credits_the_sentence_subject(lines, clause, speaker):
    assert_found(lines, clause, speaker)


NOT_REPORTED = [
    # a gerund after the cue is not what was said
    (('"We will fight on," Hal Boyd said, cutting off a reporter who asked about money.',), "cutting off"),
    (('"It is over," Hal Boyd said, walking away from the microphones.',), "walking away"),
    # an object is not a clause: "pointed out the exits", ", noting the date"
    (("Guide Wren Ashby pointed out the exits to the visitors before the tour.",), "the exits to the visitors"),
    (("Wren Ashby opened the hall, noting the fresh paint on the doors.",), "the fresh paint"),
    # "asked" takes a question, not a request or an infinitive
    (("Wren Ashby asked to speak to the manager before noon.",), "to speak to the manager"),
    # a conjunction after the cue's comma opens no clause of the speaker's
    (('"We check every door," she said, but refused to name the guard on duty.',), "refused to name"),
    # a participle whose sentence opens with no speaker
    (("The storm hit the coast on Friday, saying nothing of the damage to come.",), "nothing of the damage"),
]


@pytest.mark.parametrize("lines, words", NOT_REPORTED)
def test_not_reported_speech(lines, words):
    assert_nobody(lines, words)


# --- the subject: descriptions, party tags, "X did Y and said CLAUSE" ----------------

SUBJECTS = [
    (("Harbour news. The county's tax commissioner says an internal audit found no leak.",),
     "an internal audit found no leak", "county's tax commissioner"),
    (("Harbour news. Many lawmakers say the tunnel budget is far too small.",),
     "the tunnel budget is far too small", "lawmakers"),
    (("Sen. Ann Lee (D-Ore.) said the bill would die in committee.",),
     "the bill would die in committee", "Ann Lee"),
    (("The levy could pass in spring, but only if the budget holds, Rep. Bo Hart (R-Tex.) told reporters on Friday.",),
     "The levy could pass in spring, but only if the budget holds", "Bo Hart"),
    (("Governor Ray Tulle toured the dam on Tuesday and said the spillway would be rebuilt by June.",),
     "the spillway would be rebuilt by June", "Ray Tulle"),
    (("Ann Strand accused the board of trying to scare the families and asserted that they were tired of waiting.",),
     "they were tired of waiting", "Ann Strand"),
    (("Lee stressed that the repairs were not complete, and tenant groups warned that the lifts still failed.",),
     "the lifts still failed", "tenant groups"),
    (("Lee stressed that the repairs were not complete, and tenant groups warned that the lifts still failed.",),
     "the repairs were not complete", "Lee"),
]


@pytest.mark.parametrize("lines, clause, speaker", SUBJECTS)
def test_subject_of_the_speech_verb(lines, clause, speaker):
    assert_found(lines, clause, speaker)


NO_SPEAKER = [
    # a pronoun right after a noun opens a relative clause: the content is elsewhere
    (("The quota is the target it pledged to reach at the summit in Oslo last year.",), "to reach at the summit"),
]


@pytest.mark.parametrize("lines, words", NO_SPEAKER)
def test_no_speaker_for_a_relative_clause(lines, words):
    assert_nobody(lines, words)


# --- where the clause ends (and starts) ------------------------------------------------

BOUNDARIES = [
    # a semicolon ends what was said
    (("Ilse Marr said the delay was not planned; the crew learned of it only on Friday.",),
     "the delay was not planned", "Ilse Marr"),
    # ", including ..." is the writer's addition
    (("Ben Alder, a critic, has said the same thing, including in a long essay for the local paper.",),
     "the same thing", "Ben Alder"),
    # a second cue after ", though": its own clause and speaker
    (("Paul Dore said the crew would work overnight, though Mia Sand warned the rain could stop them.",),
     "the crew would work overnight", "Paul Dore"),
    (("Paul Dore said the crew would work overnight, though Mia Sand warned the rain could stop them.",),
     "the rain could stop them", "Mia Sand"),
    # a cue inside the sentence: both parts are the content
    (("If the loan falls through, Mr. Ortega argues, the town has other ways to pay.",),
     "If the loan falls through, Mr. Ortega argues, the town has other ways to pay", "Ortega"),
]


@pytest.mark.parametrize("lines, clause, speaker", BOUNDARIES)
def test_clause_boundaries(lines, clause, speaker):
    assert_found(lines, clause, speaker)


# --- "according to X": names, roles, documents, data --------------------------------

ACCORDING_TO = [
    (("As it stands, the county jail holds a quarter of the inmates, according to the state Bureau of Prisons.",),
     "As it stands, the county jail holds a quarter of the inmates", "state Bureau of Prisons"),
    (("Some families would pay more under the levy, according to an analysis by Ida Grahn, a former tax aide.",),
     "Some families would pay more under the levy", "Ida Grahn"),
    (("About 9,000 single fathers live in the county, according to federal statistics.",),
     "About 9,000 single fathers live in the county", "federal statistics"),
    (("According to the data, farmers make up less than a tenth of the arrivals.",),
     "farmers make up less than a tenth of the arrivals", "data"),
    (("The gallery drew 9,000 visitors in 2011, according to curator Ada Lind.",),
     "The gallery drew 9,000 visitors in 2011", "Ada Lind"),
]


@pytest.mark.parametrize("lines, clause, speaker", ACCORDING_TO)
def test_according_to(lines, clause, speaker):
    assert_found(lines, clause, speaker)


# --- asides around the subject and the cue ------------------------------------------

ASIDES = [
    (("Derek Marsh, who served as consul in Oslo until last year, said Lee had called the mayor in 2009.",),
     "Lee had called the mayor in 2009", "Derek Marsh"),
    (("Kell -- co-author of a book about the race -- said the candidate liked to make news at rallies.",),
     "the candidate liked to make news at rallies", "Kell"),
    (("Rep. Gary Moss (D-N.Y.), chairman of the caucus fund, said members would help him raise cash.",),
     "members would help him raise cash", "Gary Moss"),
    (("The refusal did not go down well with the board, and the talks fell apart, said one union source in the room.",),
     "The refusal did not go down well with the board, and the talks fell apart", "union source"),
    (("Coach Ines Vidal spoke after the match. Though the last transfer was smooth, she said, replacing the keeper would be harder.",),
     "Though the last transfer was smooth, she said, replacing the keeper would be harder", "Ines Vidal"),
    (("The ban is an insult to all farmers, top county officials said Friday afternoon, as they met the minister.",),
     "The ban is an insult to all farmers, top county officials said Friday afternoon, as they met the minister",
     "top county officials"),
    (("Mayor Lena Fisk spoke on Monday. She said that, if elected, she would keep the pool open.",),
     "if elected, she would keep the pool open", "Lena Fisk"),
]


@pytest.mark.parametrize("lines, clause, speaker", ASIDES)
def test_asides_around_the_cue(lines, clause, speaker):
    assert_found(lines, clause, speaker)


def test_a_word_inside_the_clause_is_no_subject():
    # "the board" ends a clause, it does not say anything
    found = reported_of("The refusal did not go down well with the board, and the talks fell apart, said one union "
                        "source in the room.")
    assert all(speaker != "board" for _, speaker in found), found


# --- what is never reported speech ---------------------------------------------------

NEVER = [
    # nouns that look like verbs: "states", "claims"
    (("Twenty-seven states led by the coastal provinces are challenging the fishing rules in court.",), "led by the coastal"),
    (("At the council, the interests of member states trump everything else.",), "trump everything else"),
    (("The panel rated 30% of Labour claims as false, compared to 10% of Green claims – a 3 to 1 margin.",), "margin"),
    # a passive: the subject was asked, it did not ask
    (("Mayor Ruth Olsen was once asked how the strike would end.",), "how the strike would end"),
    # a place after "of" is no speaker ("Senator Ada Lund, Democrat of Oregon, said")
    (("Senator Ada Lund, Democrat of Oregon, said the levy had sent a poor message to farmers.",), "poor message"),
    # a relative clause whose object is missing
    (("The gap between what Mayor Olsen says her budget would do and what it does has grown.",), "her budget would do"),
    (("Parents protested the funding formula, which advocates say disadvantages small schools.",), "disadvantages small"),
    # not speech at all: "a search revealed", "maintains a program"
    (("A search of the archive revealed the letters of the first harbour master.",), "the letters of the first"),
    (("The Ridley Centre in Leeds maintains a program to train young reporters.",), "a program to train"),
    # a quotation inside the clause makes it a quote, not reported speech
    (("Ada Brook said the plan was ''a fine piece of work'' and would pass.",), "the plan was"),
]


@pytest.mark.parametrize("lines, words", NEVER)
def test_never_reported_speech(lines, words):
    assert_nobody(lines, words)


STILL_REPORTED = [
    (("Tom Vale gave an interview on Monday, in which he said he doubted the figures.",), "he doubted the figures",
     "Tom Vale"),
    (("Mayor Ruth Olsen has said about 20 people applied for the post.",), "about 20 people applied for the post",
     "Ruth Olsen"),
    (("Ada Brook said the deal would pass. ''It is a fine piece of work,'' she added.",), "the deal would pass",
     "Ada Brook"),
    (("Mayor Ruth Olsen said Friday the pool would reopen in June.",), "the pool would reopen in June", "Ruth Olsen"),
]


@pytest.mark.parametrize("lines, clause, speaker", STILL_REPORTED)
def test_reported_speech_next_to_those_shapes(lines, clause, speaker):
    assert_found(lines, clause, speaker)


# --- words between the verb and its clause; more subjects ------------------------------

BETWEEN = [
    (("Mayor Lena Fisk says at a stop in Dayton, Ohio, that the cuts will hurt farmers.",),
     "the cuts will hurt farmers", "Lena Fisk"),
    (("In Oslo last week, Ola Brekke told a meeting of island leaders that few people understood the risk.",),
     "few people understood the risk", "Ola Brekke"),
    (('Ada Brook told WKRP\'s "Morning Show" that nobody doubted the count.',), "nobody doubted the count", "Ada Brook"),
    (("Mr. Lund, who knew a vote would fail, told his aides to find a way around the council.",),
     "his aides to find a way around the council", "Lund"),
    (("A poll came out on Friday. Another 19 percent said they would not vote at all.",),
     "they would not vote at all", "19 percent"),
    (("Experts on shipping and port security said the new scanner could change that.",),
     "the new scanner could change that", "Experts on shipping and port security"),
    (("Police announced on Friday the arrest of a man and said a curfew would continue.",),
     "a curfew would continue", "Police"),
    (("Her aides say it is too early to talk but noted that Lund had won hard races.",),
     "it is too early to talk", "aides"),
    (("Her aides say it is too early to talk but noted that Lund had won hard races.",),
     "Lund had won hard races", "aides"),
]


@pytest.mark.parametrize("lines, clause, speaker", BETWEEN)
def test_words_between_verb_and_clause(lines, clause, speaker):
    assert_found(lines, clause, speaker)


PROGRESSIVE_AND_FINAL = [
    (("Governor Ray Tulle is warning voters that a rival win would bring back the old tolls.",),
     "a rival win would bring back the old tolls", "Ray Tulle"),
    (("Ted Lund is calling for a process to name a successor.",), "a process to name a successor", "Ted Lund"),
    (("After some delays, the dam work is meeting every standard, one county official said.",),
     "After some delays, the dam work is meeting every standard", "county official"),
]


@pytest.mark.parametrize("lines, clause, speaker", PROGRESSIVE_AND_FINAL)
def test_progressive_cues_and_final_cues(lines, clause, speaker):
    assert_found(lines, clause, speaker)


def test_a_participle_without_be_is_no_progressive_cue():
    # "the warning signs" is no speech: only "is/was ... warning" is a cue
    assert_nobody(("The warning signs said the road was closed to all traffic.",), "the road was closed")


def test_two_cues_giving_one_clause_credit_it_once_and_never_fail(caplog):
    """'..., the FCA said, so that ..., the regulator said.': both cues reach
    the same words; the first keeps them (this shape once stopped the whole
    article's extraction)."""
    found = reported_of("Marsh wanted Tamm to sell some of its bonds, the FCA said, so that Marsh and Co "
                        "could meet its cash needs, the regulator said.")
    assert [s for _, s in found] == ["FCA"]
    assert "quote extraction failed" not in caplog.text
