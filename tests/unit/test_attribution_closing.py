"""Quotations inside a sentence that a cue closes, and verbs that characterise.

``A clerk who "took a few coins" is jailed, Warren said.``: the speaker said
the whole sentence, so the quotation in it is hers.  ``The mayor likened the
plan to "a house of cards."``: a verb of judgement (likened, condemned,
praised, dismissed...) makes its subject the speaker of the partial
quotation that follows.  Negative rows: what must stay without a speaker.
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


CLOSING_CUE = [
    ('A clerk who "takes a handful of coins" goes to jail, Nora Warren said.', "Nora Warren"),
    ('"Nothing will change until bosses face jail" for what they did, Nora Warren said.', "Nora Warren"),
    ("''I admire the mechanics'' of the plan, Tom Eakin said on Monday.", "Tom Eakin"),
]


@pytest.mark.parametrize("line, speaker", CLOSING_CUE)
def test_a_cue_closing_the_sentence_speaks_for_the_quotation_in_it(line, speaker):
    assert speakers(line) == [speaker]


NOT_CLOSING = [
    # the cue is followed by a clause of its own: it does not close the sentence
    '"Nothing will change" for years, Nora Warren said, and the council then voted to adjourn the meeting early.',
    # a second quotation stands between: the cue belongs to that one
    '"Nothing will change" for years, the "reform" bill notwithstanding, the council ruled.',
]


@pytest.mark.parametrize("line", NOT_CLOSING)
def test_a_cue_that_does_not_close_the_sentence_claims_nothing_before_it(line):
    assert speakers(line)[0] is None


JUDGEMENT_VERBS = [
    ('Nora Warren likened the budget to "a house of cards built on sand."', "Nora Warren"),
    ('Nora Warren condemned the vote as "reckless and deeply cynical."', "Nora Warren"),
    ('Nora Warren dismissed the report as "a partisan hit job from start to finish."', "Nora Warren"),
    # verbs that characterise only with "as": the subject speaks the words after "as"
    ('Speaking on Monday, Nora Warren referred to Tom Okafor as "a bright, charismatic leader."', "Nora Warren"),
    ('Nora Warren heralded the deal with the union as a "breakthrough."', "Nora Warren"),
    ('Nora Warren defended her campaign manager as a "very decent man" on Tuesday.', "Nora Warren"),
]


def test_a_characterising_verb_without_as_names_nobody():
    assert speakers('Nora Warren defended the plan in a speech to "the Friends of the Park" group.') == [None]


@pytest.mark.parametrize("line, speaker", JUDGEMENT_VERBS)
def test_the_subject_of_a_judgement_verb_speaks_the_partial_quotation(line, speaker):
    assert speakers(line) == [speaker]


def test_a_short_lower_case_quotation_is_no_title():
    # "a con." is two short words, none capitalised: not the name of a show or book
    line = 'Ana Ruiz wrote in the early hours that the offer was "insulting" and "a con."'
    assert speakers(line) == ["Ana Ruiz", "Ana Ruiz"]


CONTINUED_SENTENCES = [
    # a short quotation that is a sentence of its own is no title: it continues the speaker
    ('"Does anyone here know what the plan is?" Nora Warren asked. "Neither do I."', ["Nora Warren"] * 2),
    ("''We are not a burden on this city,'' Tom Eakin added. ''We're Riverside.''", ["Tom Eakin"] * 2),
]


@pytest.mark.parametrize("line, expected", CONTINUED_SENTENCES)
def test_a_short_sentence_after_a_cue_continues_its_speaker(line, expected):
    assert speakers(line) == expected


DESCRIBED_SOURCES = [
    ('As the phone rang, the announcer said, "It is late and your children are asleep."', "announcer"),
    ('According to talk radio host Rush Okafor, the move reeks of "fear and desperation."', "Rush Okafor"),
    ('According to conservative talk radio host Rush Okafor, the plan is "dead on arrival."', "Rush Okafor"),
    ('Tom Eakin exhorted the delegates to "vote your conscience" at the convention.', "Tom Eakin"),
]


@pytest.mark.parametrize("line, speaker", DESCRIBED_SOURCES)
def test_sources_described_by_their_work(line, speaker):
    assert speakers(line) == [speaker]


def test_the_clause_after_according_to_x_is_not_x_s_role():
    source = 'According to radio host Rush Okafor, the move reeks of "fear and desperation."'
    quote = extract(source, (Span(0, len(source), source),)).quotes[0]
    assert quote.speaker == "Rush Okafor"
    att = extract(source, (Span(0, len(source), source),))
    assert "move" not in (att.speaker("Rush Okafor").role or "")


def test_a_manner_adverb_between_subject_and_verb():
    line = 'After the debate, the candidate Nora Warren boldly suggested that her rival "does not want voters to know."'
    assert speakers(line) == ["Nora Warren"]


def test_vowed_and_pledged_are_cues_for_a_partial_quotation():
    line = 'Nora Warren outlined her plan and vowed to punish "those who break the rules of the house."'
    assert speakers(line) == ["Nora Warren"]


@pytest.mark.parametrize("line", [
    'State Del. Marcia "Cia" Holt shouted to the crowd on Saturday.',
    'The wrestler Dwayne "The Rock" Okafor said he would run.',
])
def test_a_nickname_inside_a_name_is_nobody_s_quotation(line):
    assert speakers(line) == []


# a nickname does not cut the name around it: the speaker is the whole name, without the nickname
NICKNAMES = [
    ('"The river is rising," said Maria "Mia" Lopez.', ["Maria Lopez"]),
    ('"The river is rising," Maria "Mia" Lopez shouted to the crowd.', ["Maria Lopez"]),
    ('"We are ready," Sen. Robert "Bobby" Okafor said. "We will vote," Okafor added.', ["Robert Okafor"] * 2),
]


@pytest.mark.parametrize("line, expected", NICKNAMES)
def test_a_nickname_does_not_split_the_speaker_s_name(line, expected):
    assert speakers(line) == expected


def test_a_plural_noun_that_looks_like_a_verb_does_not_end_the_subject():
    line = ('"It is an invasion of the domain," Rosa Pruitt, the attorney general of Ohio, one of the states '
            'suing the agency, said at an event.')
    assert speakers(line) == ["Rosa Pruitt"]


def test_a_contracted_pronoun_is_the_subject():
    lines = ("Tom Ruiz spoke on Friday.",
             'He\'s claiming that fraud is "a big, big problem in this country" but "nobody talks about it."')
    assert speakers(*lines) == ["Tom Ruiz", "Tom Ruiz"]


PARTICIPLE_AFTER_A_LONG_OPENING = [
    ('During a national security speech earlier in the day, Nora Warren attacked her rival for his record '
     'in Iraq and Libya, saying, "He is reckless and very unstable."', "Nora Warren"),
    ('Tom Eakin, a former party chairman and candidate, poked at his rival during the debate, tweeting, '
     '"Notice him sniffing all the time. Nervous?"', "Tom Eakin"),
    ('Rosa Kall, the director of debate at the university, compared the senator to a coach who is '
     '"working the referees" in every game.', "Rosa Kall"),
]


@pytest.mark.parametrize("line, speaker", PARTICIPLE_AFTER_A_LONG_OPENING)
def test_the_subject_speaks_through_a_participle_or_comparison(line, speaker):
    assert speakers(line) == [speaker]


def test_a_judge_who_ruled_speaks_the_ruling():
    line = 'A federal judge ruled that the purge was "plainly at odds with the law."'
    assert speakers(line) == ["federal judge"]


@pytest.mark.parametrize("line", [
    'Acme Corp said its new warrants will trade on the exchange under the symbol "ACMEW."',
    'Brokers at the firm said the stock was rated a "buy" by several of them.',
])
def test_a_ticker_or_a_short_term_in_quotes_is_nobody_s_quotation(line):
    assert speakers(line)[0] is None
