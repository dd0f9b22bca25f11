"""The steps of a search, each on its own (reader.search.vocabulary,
.ranking, .hits); whole searches are in test_search.py and test_search_quality.py."""

from __future__ import annotations

import doctest
from array import array

import pytest

import reader.search.hits
import reader.search.vocabulary
from reader.query import parse_query
from reader.search import ranking
from reader.search.hits import has_phrases, marks
from reader.search.ranking import Docs, _adjacent_pairs, candidates, constraints, term_docsets, top, union_capped
from reader.search.vocabulary import Term, Vocabulary

WORDS = ["balloon", "ballot", "ball", "football", "baloney", "surveillance", "survey", "1987", "19"]


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary(WORDS, {t: i for i, t in enumerate(WORDS)}, [[0]] * len(WORDS))


def _tiers(term: Term) -> list[tuple[float, int, list[str]]]:
    return [(q, fz, sorted(WORDS[i] for i in ids)) for q, fz, ids in term.tiers]


@pytest.mark.parametrize(
    "word, typing, exact_only, fuzzy, tiers",
    [
        ("ball", False, False, False, [(1.0, 0, ["ball"]), (0.7, 0, ["balloon", "ballot"]), (0.6, 0, ["football"])]),
        ("ball", True, False, False, [(1.0, 0, ["ball"]), (0.85, 0, ["balloon", "ballot"]), (0.6, 0, ["football"])]),
        ("ball", False, True, False, [(1.0, 0, ["ball"])]),  # a phrase word: exact only
        ("ball", True, True, False, [(1.0, 0, ["ball"]), (0.85, 0, ["balloon", "ballot"])]),  # ... or typed on
        ("baloon", False, False, False, []),  # typos wait for the fuzzy pass
        ("baloon", False, False, True, [(0.5, 1, ["balloon"]), (0.42, 1, ["ballot"])]),
        ("surveilance", False, False, True, [(0.5, 1, ["surveillance"])]),
        ("surv", True, False, True, [(0.85, 0, ["surveillance", "survey"])]),
        ("surc", True, False, True, [(0.45, 1, ["surveillance", "survey"])]),  # a typo in the word being typed
        ("bal", False, False, True, [(0.7, 0, ["ball", "balloon", "ballot", "baloney"]), (0.6, 0, ["football"])]),  # no fuzzy
        ("19", False, False, True, [(1.0, 0, ["19"]), (0.7, 0, ["1987"])]),  # numbers: no infix, no fuzzy
    ],
)
def test_resolve_tiers(vocab, word, typing, exact_only, fuzzy, tiers):
    assert _tiers(vocab.resolve(word, typing, exact_only, fuzzy)) == tiers


def test_resolve_estimates_documents_and_says_whether_typos_could_help(vocab):
    assert vocab.resolve("ball", False, False, False).est == 4  # one posting per term found
    assert vocab.resolve("ball", False, False, False).fuzzy_capable
    assert not vocab.resolve("bal", False, False, True).fuzzy_capable
    assert not vocab.resolve("1987", False, False, True).fuzzy_capable


def _docs(post: list[list[int]], arts: list[int]) -> Docs:
    n = len(arts)
    first = array("I", [arts.index(a) for a in sorted(set(arts))])
    end = array("I", [n - arts[::-1].index(a) for a in sorted(set(arts))])
    return Docs(array("B", [0] * n), array("I", arts), array("i", [-1] * n), array("f", [0.0] * n),
                [""] * n, array("I"), array("I", [0] * (n + 1)), {}, post, first, end)


def _term(*tiers: tuple[float, int, set[int]], est: int) -> Term:
    return Term("w", list(tiers), est, True)


def test_candidates_intersect_small_constraints_and_leave_large_ones():
    post = [[0, 1, 2, 3], [2, 3, 4], list(range(ranking.MATERIALISE + 1))]
    docs = _docs(post, [0, 0, 1, 1, 2])
    small, other = _term((1.0, 0, {0}), est=4), _term((1.0, 0, {1}), est=3)
    large = _term((1.0, 0, {2}), est=ranking.MATERIALISE + 1)
    cons = constraints([small, large, other], [], {1, 2}, outlet_docs=3)
    assert [c.kind for c in cons] == ["t", "o", "t", "t"]  # smallest estimate first, ties in order
    found = candidates(cons, docs)
    assert found.docs == {2, 3}  # the words' and the outlets' documents
    assert set(found.docsets) == {id(small), id(other)}  # the large word is checked per candidate
    assert found.outlets_applied and not found.speakers_applied
    assert candidates(constraints([small, _term((1.0, 0, {1}), est=0)], [], None, 0), _docs([[0], [1]], [0, 0])) is None


@pytest.mark.parametrize(
    "cap, tiers, docsets, union",
    [
        (None, [(1.0, 0, {0}), (0.7, 0, {1})], [(1.0, 0, {0, 1}), (0.7, 0, {2})], {0, 1, 2}),
        (2, [(1.0, 0, {0}), (0.7, 0, {1})], [(1.0, 0, {0, 1})], {0, 1}),  # capped: the better tier first
        (4, [(1.0, 0, {0}), (0.7, 0, {1})], [(1.0, 0, {0, 1}), (0.7, 0, {2})], {0, 1, 2}),
    ],
)
def test_term_docsets_best_tier_first_disjoint_and_capped(cap, tiers, docsets, union):
    post = [[0, 1], [1, 2]]
    assert term_docsets(Term("w", tiers, 4, True), post, cap) == (docsets, union)


@pytest.mark.parametrize(
    "groups, cap, result",
    [([[1, 2], [3], [4, 5]], None, {1, 2, 3, 4, 5}), ([[1, 2], [3], [4, 5]], 3, {1, 2, 3}), ([], 2, set())],
)
def test_union_capped(groups, cap, result):
    assert union_capped(groups, cap) == result


def test_top_keeps_room_for_reranking_and_breaks_ties_by_document():
    total = {d: float(d % 3) for d in range(100)}
    best = top(total, 5, phrases=False)
    assert len(best) == 2 * 5 + ranking.RERANK
    assert best[:3] == [(2.0, 2), (2.0, 5), (2.0, 8)]
    assert len(top(total, 10, phrases=True)) == 40


@pytest.mark.parametrize(
    "toks, words, pairs",
    [
        (["oil", "prices", "rise"], [{"oil"}, {"prices"}], 1),
        (["prices", "oil"], [{"oil"}, {"prices"}], 0),  # in query order only
        (["oil", "prices", "rise"], [{"oil"}, {"prices"}, {"rise"}], 2),
        (["oil", "and", "prices"], [{"oil"}, {"prices"}], 0),
        (["crude", "prices"], [{"oil", "crude"}, {"prices", "price"}], 1),  # any term a word matched
    ],
)
def test_adjacent_pairs(toks, words, pairs):
    assert _adjacent_pairs(toks, words) == pairs


@pytest.mark.parametrize(
    "text, words, spans",
    [
        ("Oil prices rose; oil fell.", {"oil"}, ((0, 3), (17, 20))),
        ("Boiling oil", {"oil"}, ((8, 11),)),  # whole words only
        ("Café Müller said", {"cafe", "muller"}, ((0, 4), (5, 11))),  # accents: the word as written
        ("Nothing here", set(), ()),
    ],
)
def test_marks(text, words, spans):
    assert marks(text, words) == spans


@pytest.mark.parametrize(
    "query, toks, ok",
    [
        ('"trade deficit"', ["the", "trade", "deficit", "widened"], True),
        ('"trade deficit"', ["the", "deficit", "trade"], False),
        ('"trade def', ["the", "trade", "deficit"], True),  # the phrase being typed: its last word a prefix
        ('"trade def"', ["the", "trade", "deficit"], False),
        ('"trade deficit" "oil price', ["trade", "deficit", "oil", "prices"], True),
    ],
)
def test_has_phrases(query, toks, ok):
    q = parse_query(query)
    phrases = [(p, q.partial_phrase and j == len(q.phrases) - 1) for j, p in enumerate(q.phrases)]
    assert has_phrases(toks, phrases) is ok


@pytest.mark.parametrize("module", [reader.search.vocabulary, reader.search.hits])
def test_the_worked_examples_in_the_docstrings_are_right(module):
    assert doctest.testmod(module).failed == 0
