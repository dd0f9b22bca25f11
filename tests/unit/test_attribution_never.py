"""Words that are never a speaker: a reader that names the wrong "person" is
worse than one that names nobody.  Each row is a hand-written article; the
quotation must get no speaker (or the right one, never the word)."""

from __future__ import annotations

import re

import pytest

from reader.attribution import extract
from reader.model import Span


def speakers(*lines: str) -> list[str | None]:
    source = "\n\n".join(lines)
    spans = tuple(Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", source))
    return [q.speaker for q in extract(source, spans).quotes]


NEVER = [
    # a party adjective left alone by a role it modifies
    ('Democratic hopefuls gathered. Democratic said it was "a fine day for the party."', "Democratic"),
    # a sentence-opening word the article also writes in lower case
    ('Shortly said the count was "nearly done." It ended shortly after.', "Shortly"),
    ('Sanctions said the talks were "going nowhere." The sanctions were lifted in May.', "Sanctions"),
    # a contraction
    ('He’s said it was "a fine day for the party."', "He’s"),
    # a participle or a sentence adverb opening a sentence, never a name a pronoun can mean
    ('Appearing before cheering supporters at party headquarters, Ana Kyaw, 70, said it was too early '
     'but added, "I think you all have an idea of the results." "It is not important who wins," she said.',
     "Appearing"),
    ('Perhaps not by chance, Mr. Okafor has started asking supporters to raise their hands. "They will vote," he said.',
     "Perhaps"),
    ('Hours later, the mayor spoke. "We won," he said.', "Hours"),
    # a noun after a possessive name is no verb: "claims" here is what Okafor claims
    ("A judge may not enforce the subpoena because of Okafor's Fifth Amendment claims, prosecutors rarely "
     "pursue such cases.", "Fifth Amendment"),
    # an amount is no part of who speaks
    ("That is a small part of the $20 million experts say a campaign costs.", "million experts"),
]


@pytest.mark.parametrize("text, word", NEVER)
def test_a_word_that_is_not_a_name_is_never_the_speaker(text, word):
    assert word not in speakers(text)


STILL_SPEAKERS = [
    ('"We will appeal," Baker said. The baker down the road agreed.', "Baker"),
    ('Opponents said the plan was "a gift to developers." The opponents met in May.', "Opponents"),
    ('"The vote is close," said Ann Young, a young pollster.', "Ann Young"),
    # a name ending like a participle: written mid-sentence, or followed by a verb
    ('Manning said the game was "a fine one." Fans cheered Peyton Manning.', "Peyton Manning"),
    ('Beijing insists the craft was "a civilian balloon."', "Beijing"),
]


@pytest.mark.parametrize("text, speaker", STILL_SPEAKERS)
def test_names_and_groups_still_speak(text, speaker):
    assert speaker in speakers(text)


def test_the_module_examples_hold():
    import doctest

    from reader.attribution import never

    assert doctest.testmod(never).failed == 0
