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
]


@pytest.mark.parametrize("text, word", NEVER)
def test_a_word_that_is_not_a_name_is_never_the_speaker(text, word):
    assert word not in speakers(text)


STILL_SPEAKERS = [
    ('"We will appeal," Baker said. The baker down the road agreed.', "Baker"),
    ('Opponents said the plan was "a gift to developers." The opponents met in May.', "Opponents"),
    ('"The vote is close," said Ann Young, a young pollster.', "Ann Young"),
]


@pytest.mark.parametrize("text, speaker", STILL_SPEAKERS)
def test_names_and_groups_still_speak(text, speaker):
    assert speaker in speakers(text)


def test_the_module_examples_hold():
    import doctest

    from reader.attribution import never

    assert doctest.testmod(never).failed == 0
