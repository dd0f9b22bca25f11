"""Each stage of the attribution engine on its own (reader/attribution/):
tables of made-up sentences, what the stage finds in each.

The whole engine is tested in test_quotes.py and against the gold set in
test_quote_accuracy.py; here each stage is called directly, so a rule can be
changed and checked without the rest of the pipeline.
"""

from __future__ import annotations

import re

import pytest

from reader.attribution.cues import after_cue, colon_cue, left_cue, previous_sentence_cue
from reader.attribution.descriptions import common_np
from reader.attribution.direct import shape_of
from reader.attribution.engine import extract, read_paragraphs
from reader.attribution.inverted import np_after
from reader.attribution.mentions import Kind
from reader.attribution.openers import sentence_subject
from reader.attribution.paragraph import MASK, Paragraph, pair_marks
from reader.attribution.patterns import alternation
from reader.attribution.prepass import learn_names
from reader.attribution.reported import reported
from reader.attribution.resolve import Resolver
from reader.attribution.subjects import np_at_end
from reader.attribution.tokens import tokenize
from reader.model import Span

# --- paragraph: marks, masking, sentences ------------------------------------------------

MARKS = {
    "straight pair": ('He said "yes" today.', [(8, 12)], None),
    "curly pairs": ("“One,” she said, “two.”", [(0, 5), (17, 22)], None),
    "open at the end": ('She said: "We will go on', [], 10),
    "apostrophe mis-encoded": ('We don"t know, "he said" later', [(15, 23)], None),
    "wrongly curled closer": ("“It is a decision.“ However, no.", [(0, 18)], None),
    "guillemets": ("Il a dit «oui» hier.", [(9, 13)], None),
    "stray closing mark": ('Words here" and more', [], None),
}


@pytest.mark.parametrize("text, pairs, open_at_end", MARKS.values(), ids=MARKS.keys())
def test_quotation_marks_pair_up(text, pairs, open_at_end):
    assert pair_marks(text) == (pairs, open_at_end)


SENTENCES = {
    "abbreviated title": ("Mr. Lee spoke. Then he left.", ["Mr. Lee spoke.", " Then he left."]),
    "initials before a name": ("The U.S. Navy sailed. It rained.", ["The U.S. Navy sailed.", " It rained."]),
    "a quote ending a sentence": ('"We are done." The talks ended.', ['"We are done."', " The talks ended."]),
    "a short cue after it keeps it": ('"We are done." Lee said. It rained.', ['"We are done." Lee said.', " It rained."]),
    "full stops inside a quote": ('Lee said: "No. Never. Not now." Then he left.',
                                  ['Lee said: "No. Never. Not now."', " Then he left."]),
}


@pytest.mark.parametrize("text, expected", SENTENCES.values(), ids=SENTENCES.keys())
def test_a_paragraph_is_cut_into_sentences(text, expected):
    par = Paragraph(0, 0, text)
    assert [text[s:e] for s, e in par.sentences] == expected


def test_the_inside_of_quotations_is_masked_and_offsets_hold():
    par = Paragraph(3, 40, 'Lee said "we will, said I" and left.')
    assert par.masked == 'Lee said "' + MASK * 15 + '" and left.'
    assert len(par.masked) == len(par.text) and (par.index, par.base) == (3, 40)
    assert [par.text[p.lo : p.hi] for p in par.pieces] == ["we will, said I"]


def test_a_quotation_left_open_continues_in_the_next_paragraph_that_reopens():
    text = '"We start here,\n\n"and we end here," Lee said.\n\nNo more.'
    pars = read_paragraphs(text, _paragraphs(text))
    assert [par.open_at_end for par in pars] == [True, False, False]
    assert [p.joins_previous for p in pars[1].pieces] == [True]


# --- the noun-phrase finders -------------------------------------------------------------

BEFORE_VERB = {  # the text before "said": who is the subject?
    "plain name": ("Ned Price", "Ned Price", Kind.NAME, None),
    "title and name": ("Foreign Minister Ana Ruiz", "Foreign Minister Ana Ruiz", Kind.NAME, "Foreign Minister"),
    "appositive role": ("Ana Ruiz, a spokeswoman for the port,", "Ana Ruiz", Kind.NAME, "spokeswoman for the port"),
    "time phrase trimmed": ("Ana Ruiz on Monday", "Ana Ruiz", Kind.NAME, None),
    "pronoun": ("Later, she", "she", Kind.PRONOUN, None),
    "unnamed source": ("a source close to the talks", "a source close to the talks", Kind.ANONYMOUS, None),
    "a title alone": ("the Foreign Minister", "Foreign Minister", Kind.ROLE, "Foreign Minister"),
    "a one-word title is a description": ("the Minister", "Minister", Kind.ANONYMOUS, None),
    "firm's possessive": ("Acme's", "Acme's", Kind.NAME, None),
    "owner of a statement": ("Ruiz's statement", "Ruiz", Kind.NAME, None),
    "of the institution": ("Chancellor of the Exchequer Tom Vale", "Tom Vale", Kind.NAME, "Chancellor of the Exchequer"),
}


@pytest.mark.parametrize("before, text, kind, role", BEFORE_VERB.values(), ids=BEFORE_VERB.keys())
def test_the_subject_before_a_speech_verb(before, text, kind, role):
    sentence = before + " said the port would reopen."
    m = np_at_end(sentence, 0, len(before))
    assert (m.text, m.kind, m.role) == (text, kind, role)


@pytest.mark.parametrize("before", ["You", "In May", "The port would reopen, and"])
def test_no_subject_a_reader_could_be_given(before):
    assert np_at_end(before + " said", 0, len(before)) is None


AFTER_VERB = {  # the text after "said": who is the inverted subject?
    "name and role": (" Luis Brum, the club's captain.", "Luis Brum", "club's captain"),
    "description": (" a spokesman for the council.", "a spokesman for the council", None),
    "title then name": (" the Foreign Minister, Rui Vale.", "Rui Vale", "Foreign Minister"),
    "a title alone": (" the Foreign Minister.", "Foreign Minister", "Foreign Minister"),
    "pronoun": (" he.", "he", None),
}


@pytest.mark.parametrize("after, text, role", AFTER_VERB.values(), ids=AFTER_VERB.keys())
def test_the_subject_after_an_inverted_verb(after, text, role):
    m = np_after("said" + after, 4, 4 + len(after))
    assert (m.text, m.role) == (text, role)


OPENERS = {
    "after an introduction": ("In an interview on Monday, Ana Ruiz defended the plan.", "Ana Ruiz"),
    "after a wire dateline": ("LISBON, May 3 - Acme Corp opened a plant.", "Acme Corp"),
    "organisation, role, name": ("Port Authority head Rui Vale spoke.", "Rui Vale"),
    "description": ("A spokesman for the council spoke.", "A spokesman for the council"),
}


@pytest.mark.parametrize("sentence, text", OPENERS.values(), ids=OPENERS.keys())
def test_the_first_noun_phrase_of_a_sentence(sentence, text):
    assert sentence_subject(sentence, 0, len(sentence)).text == text


@pytest.mark.parametrize("words, head", [("two officials familiar with the plan", "officials"),
                                         ("the general manager of a ferry company", "manager"),
                                         ("local residents", "residents")])
def test_a_description_of_a_source_and_its_head(words, head):
    m = common_np(tokenize(words, 0, len(words)))
    assert (m.text, m.head) == (words, head)


# --- cues ----------------------------------------------------------------------------------

AFTER = {
    "name then verb": ('"We are ready," Ana Ruiz said on Monday.', "Ana Ruiz", "Ana Ruiz said"),
    "verb then name": ('"We are ready," said Ana Ruiz, the mayor.', "Ana Ruiz", "said Ana Ruiz"),
    "pronoun": ('"We are ready," she added.', "she", "she added"),
    "told someone": ('"We are ready," she told reporters on Monday.', "she", "she told reporters"),
    "a long new clause is no cue": ('"We are ready." Ruiz said the port would reopen next spring after repairs '
                                    'to the northern breakwater.', None, None),
}


@pytest.mark.parametrize("text, mention, words", AFTER.values(), ids=AFTER.keys())
def test_the_cue_after_a_quotation(text, mention, words):
    par = Paragraph(0, 0, text)
    cue = after_cue(par, par.pieces[0])
    if mention is None:
        assert cue is None
    else:
        lo, hi = cue.span
        assert (cue.mention.text, text[lo:hi], cue.route) == (mention, words, "after")


BEFORE = {
    "said and a colon": ('Ana Ruiz said: "We are ready."', "Ana Ruiz", "Ana Ruiz said:", True),
    "told someone": ('Ruiz told reporters, "We are ready."', "Ruiz", "Ruiz told reporters,", True),
    "verb far before": ('Ruiz said the plan was "a mistake" and left.', "Ruiz", "Ruiz said", False),
    "according to": ('According to Ana Ruiz, "the port is ready."', "Ana Ruiz", "According to Ana Ruiz,", True),
    "a colon without a verb": ('Ruiz defended the plan: "It works."', "Ruiz", "Ruiz defended the plan:", True),
}


@pytest.mark.parametrize("text, mention, words, adjacent", BEFORE.values(), ids=BEFORE.keys())
def test_the_cue_before_a_quotation(text, mention, words, adjacent):
    par = Paragraph(0, 0, text)
    cue, next_to_it = left_cue(par, par.pieces[0])
    lo, hi = cue.span
    assert (cue.mention.text, text[lo:hi], next_to_it) == (mention, words, adjacent)


def test_a_paragraph_ending_with_a_colon_introduces_the_next():
    prev = Paragraph(0, 0, "At the quay, Ana Ruiz told the crowd:")
    cue = colon_cue(prev)
    assert (cue.mention.text, prev.text[slice(*cue.span)], cue.route) == ("Ana Ruiz", "Ana Ruiz told the crowd:", "colon")
    assert colon_cue(Paragraph(0, 0, "Ana Ruiz told the crowd.")) is None


@pytest.mark.parametrize("text, mention", [('Whitlock disagreed. "It is wrong."', "Whitlock"),
                                           ('Vale issued a statement on Friday. "We regret it."', "Vale"),
                                           ('The plan was changed again after the long meeting. "No."', None)])
def test_the_sentence_before_introduces_a_quotation(text, mention):
    par = Paragraph(0, 0, text)
    cue = previous_sentence_cue(par, par.pieces[0])
    assert (cue.mention.text if cue else None) == mention


# --- quotations: kind and scare quotes -----------------------------------------------------

SHAPES = {
    "after a colon": ('Ruiz said: "We are ready."', "direct", False),
    "inside a sentence": ('Ruiz called the plan "a costly mistake" on Monday.', "partial", False),
    "so-called": ('The so-called "harbour tax" was dropped.', "partial", True),
    "opening a sentence": ('"We are ready," Ruiz said.', "direct", False),
}


@pytest.mark.parametrize("text, kind, scare_prefix", SHAPES.values(), ids=SHAPES.keys())
def test_the_kind_of_a_quotation(text, kind, scare_prefix):
    par = Paragraph(0, 0, text)
    shape = shape_of(par, par.pieces[0], multi=False)
    assert (shape.kind, shape.scare_prefix) == (kind, scare_prefix)


# --- reported speech -----------------------------------------------------------------------

REPORTED = {
    "said that": ("Ana Ruiz said on Monday that the port would reopen.", [("the port would reopen", "Ana Ruiz")]),
    "told someone": ("Ruiz told reporters the port would reopen.", [("the port would reopen", "Ruiz")]),
    "cue at the end": ("The port would reopen in May, Ruiz said.", [("The port would reopen in May", "Ruiz")]),
    "inverted at the end": ("The port would reopen in May, said a spokesman.", [("The port would reopen in May",
                                                                                "a spokesman")]),
    "according to first": ("According to the council, the port would reopen.", [("the port would reopen",
                                                                                  "the council")]),
    "a quotation is not reported": ('Ruiz said: "The port will reopen."', []),
    "too short a clause": ("Ruiz said so.", []),
}


@pytest.mark.parametrize("text, expected", REPORTED.values(), ids=REPORTED.keys())
def test_reported_speech(text, expected):
    par = Paragraph(0, 0, text)
    assert [(text[r.lo : r.hi], r.cue.mention.text) for r in reported(par)] == expected


# --- resolving mentions --------------------------------------------------------------------

RESOLVE = {  # the article, then the words of the mention to resolve (its last occurrence)
    "surname to full name": ("Ana Ruiz arrived. Ruiz spoke.", "Ruiz", "Ana Ruiz"),
    "title to its holder": ("Foreign Minister Ana Ruiz arrived. The Foreign Minister spoke.", "Foreign Minister",
                            "Ana Ruiz"),
    "pronoun to the subject before": ("Tom Vale thanked Ana Ruiz. He spoke.", "He", "Tom Vale"),
    "she is not a firm": ("Ana Ruiz visited Acme Corp. She spoke.", "She", "Ana Ruiz"),
    "acronym to its name": ("The Harbour Workers Union (HWU) met. HWU spoke.", "HWU", "Harbour Workers Union"),
}


@pytest.mark.parametrize("text, words, name", RESOLVE.values(), ids=RESOLVE.keys())
def test_a_mention_resolves_to_its_canonical_speaker(text, words, name):
    pars = [Paragraph(0, 0, text)]
    resolver = Resolver(text, learn_names(pars, text), pars)
    at = text.rindex(words)
    mention = np_at_end(text, text.rindex(".", 0, at) + 1, at + len(words))
    assert resolver.resolve(mention, 0).name == name


def test_a_span_is_resolved_once_and_a_pronoun_knows_its_antecedent():
    text = "Tom Vale arrived. He spoke."
    pars = [Paragraph(0, 0, text)]
    resolver = Resolver(text, learn_names(pars, text), pars)
    he = np_at_end(text, 18, 20)
    first, again = resolver.resolve(he, 0), resolver.resolve(he, 0)
    assert first == again and first.antecedent == (0, 8) and text[slice(*first.antecedent)] == "Tom Vale"


# --- the evidence of each attribution, through the whole engine ----------------------------

EVIDENCE = {  # article, quoted or reported words, speaker, via, the cue's words
    "named after": ('"We are ready," Ana Ruiz said.', "We are ready,", "Ana Ruiz", "named", "Ana Ruiz said"),
    "named before": ('Ana Ruiz told reporters: "We are ready."', "We are ready.", "Ana Ruiz", "named",
                     "Ana Ruiz told reporters:"),
    "pronoun": ('Ana Ruiz arrived late. "We are ready," she said.', "We are ready,", "Ana Ruiz", "pronoun", "she said"),
    "role": ('Foreign Minister Ana Ruiz arrived. "We are ready," the Foreign Minister said.', "We are ready,",
             "Ana Ruiz", "role", "Foreign Minister said"),
    "a description meaning someone named": ('Port Minister Ana Ruiz arrived. "We are ready," the Minister said.',
                                            "We are ready,", "Ana Ruiz", "description", "Minister said"),
    "description": ('"We are ready," a source at the port said.', "We are ready,", "source at the port",
                    "description", "a source at the port said"),
    "according to": ("The port will reopen in May, according to Ana Ruiz.", "The port will reopen in May",
                     "Ana Ruiz", "according-to", "according to Ana Ruiz"),
    "reported": ("Ana Ruiz said the port would reopen in May.", "the port would reopen in May", "Ana Ruiz",
                 "named", "Ana Ruiz said"),
    "continued": ('"We are ready," Ana Ruiz said. "The ships can come."', "The ships can come.", "Ana Ruiz",
                  "continued", "Ana Ruiz said"),
    "colon ending the paragraph before": ("Ana Ruiz told the crowd:\n\n\"We are ready.\"", "We are ready.",
                                          "Ana Ruiz", "colon", "Ana Ruiz told the crowd:"),
    "previous sentence": ('Ana Ruiz disagreed. "It is wrong."', "It is wrong.", "Ana Ruiz", "previous-sentence",
                          "Ana Ruiz disagreed."),
}


def _paragraphs(text: str) -> list[Span]:
    out, pos = [], 0
    for chunk in text.split("\n\n"):
        out.append(Span(pos, pos + len(chunk), chunk))
        pos += len(chunk) + 2
    return out


@pytest.mark.parametrize("text, said, speaker, via, words", EVIDENCE.values(), ids=EVIDENCE.keys())
def test_each_attribution_carries_its_cue_and_how_the_speaker_was_found(text, said, speaker, via, words):
    [quote] = [q for q in extract(text, _paragraphs(text)).quotes if q.text == said]
    evidence = quote.evidence
    assert (quote.speaker, evidence.via, text[evidence.start : evidence.end]) == (speaker, via, words)


def test_a_pronoun_points_at_its_antecedent_and_a_continued_quote_at_the_one_before():
    text = 'Tom Vale opened the port. "We are ready," he said. "The ships can come."'
    first, second = extract(text, _paragraphs(text)).quotes
    assert text[slice(*first.evidence.antecedent)] == "Tom Vale"
    assert second.evidence.antecedent == (first.start, first.end)


def test_an_unattributed_quote_has_no_evidence():
    text = 'The so-called "harbour tax" was dropped.'
    [quote] = extract(text, _paragraphs(text)).quotes
    assert quote.speaker is None and quote.evidence is None


# --- speed-ups that must not change what is found ------------------------------------------


@pytest.mark.parametrize("words", [
    ["said", "says", "say", "sang", "told", "tells", "Sen", "sen", "S"],  # shared letters, both cases, a lone letter
    ["called\\s+for", "called", "calls\\s+on", "call", "a", "an", "the"],  # fragments, prefixes of one another
    ["Mr", "Mrs", "Ms", "Dr", "St", "Sr", "Jr"],
])
@pytest.mark.parametrize("flags", [0, re.I])
def test_a_word_list_pattern_matches_what_the_plain_list_matches(words, flags):
    """Grouped by first letter (re skips a whole group on one comparison),
    the alternation finds the same words, in the same places, as the plain one."""
    text = ("Mrs. Lee said the Sen. and SEN says; Sir S said call for an end, calls on a Ms "
            "told Dr. St. John, who called  for it. Sang, SAID, SAYs, the an a")
    plain = re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", flags)
    grouped = re.compile(r"(?<!\w)" + alternation(words) + r"(?!\w)", flags)
    assert alternation(words) != "(?:" + "|".join(words) + ")"  # it did group
    found = [(m.span(), m.group()) for m in plain.finditer(text)]
    assert found and [(m.span(), m.group()) for m in grouped.finditer(text)] == found


def test_a_masked_paragraph_read_many_times_gives_the_tokens_of_a_fresh_reading():
    """A masked paragraph indexes its tokens once it has been read often; a
    stretch cut inside a word ("Mr." cut after "Mr") is read anew."""
    par = Paragraph(0, 0, 'Mr. Lee said, "We will go on." Ms. Roe-Smith, 45, told reporters: "No."')
    m = par.masked
    stretches = [(lo, hi) for lo in range(0, len(m), 3) for hi in range(lo, len(m) + 1, 4)] + [(0, 2), (1, 3)]
    for lo, hi in stretches:
        assert tokenize(m, lo, hi) == tokenize(str(m), lo, hi), (lo, hi)
    assert [t.text for t in tokenize(m, 0, 2)] == ["Mr"]
    assert [t.text for t in tokenize(m, 31, 44)] == ["Ms.", "Roe-Smith"]
