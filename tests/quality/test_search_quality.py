"""Search quality: for each query a person would type, the hit they want
comes first (or in the top three, for deliberately vague queries).

The corpus is the seeds plus the gold-set articles (three Wikinews-free
articles written for the project, and Wikinews articles, CC BY 2.5), read
through the real pipeline: cleaning, quote extraction, index.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.attribution import extract_article
from reader.corpus import load
from reader.search import SearchIndex
from tests.support.paths import SEEDS

GOLD_ARTICLES = Path(__file__).parents[1] / "gold" / "articles"

# query, where the wanted hit may rank (1 = first), kind, words its text contains, speaker (None = any)
CASES = [
    ("@wang absurd", 1, "quote", "absurd and hysterical", "Wang Yi"),
    ("speaker:wang absurd", 1, "quote", "absurd and hysterical", "Wang Yi"),
    ("blinkin lethal", 1, "quote", "lethal support to Russia", "Antony Blinken"),
    ("hysterical absurd", 1, "quote", "absurd and hysterical", "Wang Yi"),
    ("surveilance balon", 3, None, "surveillance balloon", None),
    ('"ice in his veins"', 1, "quote", "ice in his veins", "Luis Ferreira"),
    ("expensive bet", 1, "quote", "a very expensive bet", "Marta Lindgren"),
    ("pacing ourselves market", 1, "quote", "pacing ourselves to the market", "Ingrid Solberg"),
    ("rawiri coppers", 1, "quote", "coppers", "Tāne Rāwiri"),
    ("whitlok transects", 1, "quote", "transects", "Hannah Whitlock"),
    ("@okafor painful", 1, "quote", "painful but unavoidable", "Denise Okafor"),
    ("ferry terminal", 3, "article", "ferry terminal", None),
    ("outlet:weku balloon", 1, None, "balloon", None),
    ("@ferreira", 3, None, "Ferreira", None),
    ("demand cliff", 1, None, "demand cliff", None),
    ("ba", 3, None, "ba", None),
]


@pytest.fixture(scope="module")
def searched():
    corpus = load([*SEEDS, GOLD_ARTICLES])
    index = SearchIndex.build((a, extract_article(a)) for a in corpus.articles)
    outlets = {a.id: a.outlet_label for a in corpus.articles}
    return index, outlets


@pytest.mark.parametrize(("query", "within", "kind", "words", "speaker"), CASES, ids=[c[0] for c in CASES])
def test_expected_hit_ranks_where_a_reader_wants_it(searched, query, within, kind, words, speaker):
    index, outlets = searched
    hits = index.search(query, limit=20)
    assert hits, f"no hits for {query!r}"

    def wanted(hit) -> bool:
        return (
            (kind is None or hit.kind == kind)
            and words.casefold() in hit.text.casefold()
            and (speaker is None or hit.speaker == speaker)
        )

    top = [(h.kind, h.speaker, h.text[:70]) for h in hits[:within]]
    assert any(wanted(h) for h in hits[:within]), f"{query!r}: wanted {kind} {words!r} by {speaker} in top {within}, got {top}"
    if query.startswith("outlet:weku"):
        assert all(outlets[h.article_id].startswith("WEKU") for h in hits)
