"""The steps of story grouping and quote matching, each on its own
(reader.stories, reader.shared_quotes); the whole pipeline is in test_stories.py."""

from __future__ import annotations

import doctest
import math

import pytest

import reader.stories
from reader.model import Article, Attribution, Quote
from reader.shared_quotes import _match_quotes, _quotable, _quote_key
from reader.stories import Headline, _join, _links, _vectors


@pytest.mark.parametrize(
    "n, edges, groups",
    [
        (2, [], [[0], [1]]),
        (3, [(0.5, 0, 1)], [[0, 1], [2]]),
        # a triangle joins; a lone link from it to a fourth article is 1 of 3 pairs: too few
        (4, [(0.75, 0, 1), (0.5, 0, 2), (0.25, 1, 2), (0.25, 2, 3)], [[0, 1, 2], [3]]),
        # two linked pairs join when half of the four pairs between them are links ...
        (4, [(0.9, 0, 1), (0.9, 2, 3), (0.5, 1, 2), (0.4, 0, 3)], [[0, 1, 2, 3]]),
        # ... but one link is a quarter: a chain of pairs stays two stories
        (4, [(0.9, 0, 1), (0.9, 2, 3), (0.5, 1, 2)], [[0, 1], [2, 3]]),
        # strongest first: the pair that links first decides which group a shared article joins
        (3, [(0.9, 1, 2), (0.5, 0, 1)], [[0, 1, 2]]),
    ],
)
def test_join_links_without_chaining(n, edges, groups):
    uf, strength = _join(edges, n)
    assert uf.groups() == groups
    joined = {x for g in groups if len(g) > 1 for x in g}
    # strength counts the links inside a story only
    for x in range(n):
        inside = [sim for sim, i, j in edges if x in (i, j) and uf.find(i) == uf.find(j)]
        assert strength[x] == pytest.approx(sum(inside))
        assert (strength[x] > 0) == (x in joined)


def test_vectors_keep_shared_features_and_index_the_rare_ones():
    raw = [{"oil": 1.0, "opec": 2.0}, {"opec": 2.0, "quota": 1.0}, {"wheat": 1.0}]
    v = _vectors(raw)
    assert [set(vec) for vec in v.vectors] == [{"opec"}, {"opec"}, set()]  # features of one article only: dropped
    assert set(v.postings) == {"opec"} and [i for i, _w in v.postings["opec"]] == [0, 1]
    # the norm counts the dropped features: "opec" weighs less where "oil" or "quota" stand beside it
    idf = {f: math.log(3 + 20) - math.log(d + 0.5) for f, d in {"oil": 1, "opec": 2}.items()}
    opec, oil = 2.0 * idf["opec"], 1.0 * idf["oil"]
    assert v.vectors[0]["opec"] == pytest.approx(opec / math.hypot(opec, oil))


def test_links_are_the_pairs_above_threshold_seen_once_strongest_first():
    vectors = [{"a": 1.0}, {"a": 0.6, "b": 0.8}, {"b": 1.0}, {"a": 1.0}]
    n = len(vectors)
    partial = {i * n + j: sum(vectors[i].get(f, 0) * w for f, w in vectors[j].items()) for i in range(n) for j in range(n)}
    undated = [(None, None)] * n
    edges = _links(partial, vectors, undated, [Headline("", str(i), "") for i in range(n)])
    assert [(i, j) for _s, i, j in edges] == [(0, 3), (1, 2), (1, 3), (0, 1)]  # ties: the later pair first
    assert [s for s, _i, _j in edges] == pytest.approx([1.0, 0.8, 0.6, 0.6])


def _quote(text: str) -> Quote:
    return Quote(start=0, end=len(text), text=text, kind="direct", speaker="Someone", paragraph=0)


@pytest.mark.parametrize(
    "texts, groups",
    [
        # light rewording of a short quote: ratio
        ([(0, "We have no plans to sell"), (1, "We've no plans to sell")], [[0, 1]]),
        # a long quote inside a longer one: partial_ratio
        (
            [(0, "The port stays closed until the pilots are paid"),
             (1, "Nothing moves. The port stays closed until the pilots are paid, and that is final")],
            [[0, 1]],
        ),
        # a short quote (under 25 characters) is not found inside a long one, either way round
        ([(0, "No ship moves at all"), (1, "No ship moves at all, and that is final, said the board")], [[0], [1]]),
        ([(0, "No ship moves at all, and that is final, said the board"), (1, "No ship moves at all")], [[0], [1]]),
        # the same words twice in one article are not shared
        ([(0, "We have no plans to sell"), (0, "We have no plans to sell")], [[0], [1]]),
        # different words
        ([(0, "We have no plans to sell"), (1, "They have every plan to buy")], [[0], [1]]),
    ],
)
def test_match_quotes(texts, groups):
    quotes = [(m, _quote(t), _quote_key(t)) for m, t in texts]
    assert _match_quotes(quotes).groups() == groups


@pytest.mark.parametrize(
    "text, kind, kept",
    [
        ("We have no plans to sell", "direct", True),
        ("no plans to sell", "partial", False),  # four words: too short to compare
        ("a mere four words", "direct", False),
        ("The company has no plans to sell the plant", "reported", False),  # a paraphrase, not a quotation
        ("the plant is not for sale, ever", "partial", True),
    ],
)
def test_quotable(text, kind, kept):
    quote = Quote(start=0, end=len(text), text=text, kind=kind, speaker=None, paragraph=0)
    members = [(Article(id="a", path="a", source=text, title="t"), Attribution((quote,), ()))]
    assert bool(_quotable(members)) is kept


def test_the_worked_examples_in_the_docstrings_are_right():
    assert doctest.testmod(reader.stories).failed == 0
