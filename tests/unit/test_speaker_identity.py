"""Who is who across a corpus, measured: a gold sample of speakers as
articles name them (invented names), the pairs that must be one entry and
the kind each entry must have; precision and recall of the merges, and
kind accuracy, must stay at or above 0.9."""

from __future__ import annotations

from itertools import combinations

from reader.directory import build_directory
from reader.model import Article, Attribution, Quote, Speaker

# (name as an article gives it, kind the article gave, gold identity, gold kind)
GOLD = [
    ("Baker Hughes Inc", "organisation", "bakerhughes", "organisation"),
    ("Baker Hughes", "organisation", "bakerhughes", "organisation"),
    ("Standard and Poor's Corp", "organisation", "sp", "organisation"),
    ("S and P", "organisation", "sp", "organisation"),
    ("S&P", "person", "sp", "organisation"),
    ("U.S. Agriculture Department", "organisation", "usda", "organisation"),
    ("U.S. Department of Agriculture", "organisation", "usda", "organisation"),
    ("U.S. Commerce Department", "organisation", "commerce", "organisation"),
    ("Harlow Motors Corp", "organisation", "harlow", "organisation"),
    ("HM", "organisation", "harlow", "organisation"),
    ("Harlow Motors", "person", "harlow", "organisation"),
    ("Torvik Steel Ltd", "organisation", "torvik", "organisation"),
    ("Treasury Secretary Ana Lindqvist", "person", "lindqvist", "person"),
    ("Ana Lindqvist", "person", "lindqvist", "person"),
    ("Secertary Ana Lindqvist", "person", "lindqvist", "person"),
    ("Lindqvist", "person", None, "person"),  # two Lindqvists in the corpus: a bare surname stays alone
    ("Per Lindqvist", "person", "per", "person"),
    ("Marta Quell", "person", "quell", "person"),
    ("Quell", "person", "quell", "person"),
    ("Poland", "person", "poland", "place"),
    ("Poland", "organisation", "poland", "place"),
    ("Washington", "person", "washington", "place"),
    ("Lima", "person", "lima", "place"),
    ("Warsaw", "organisation", "warsaw", "place"),
    ("traders", "anonymous", "traders", "anonymous"),
    ("Some traders", "anonymous", "traders", "anonymous"),
    ("oil traders", "anonymous", "oiltraders", "anonymous"),
    ("the company", "organisation", None, "organisation"),  # a description: never merged
    ("the company", "organisation", None, "organisation"),
]


def _items():
    out = []
    for i, (name, kind, _identity, _gold_kind) in enumerate(GOLD):
        quote = Quote(0, 5, "words", "direct", name, 0)
        speaker = Speaker(name, kind, None, (name,), (), 1)  # type: ignore[arg-type]
        out.append((Article(id=f"a{i}", path=f"a{i}.txt", source="words", title=f"a{i}"), Attribution((quote,), (speaker,))))
    return out


def test_merges_and_kinds_against_the_gold_sample():
    items = _items()
    directory = build_directory(items)
    entry_of = [directory.entry_for(article, GOLD[i][0]) for i, (article, _) in enumerate(items)]
    pairs = list(combinations(range(len(GOLD)), 2))
    gold = {p for p in pairs if GOLD[p[0]][2] is not None and GOLD[p[0]][2] == GOLD[p[1]][2]}
    found = {p for p in pairs if entry_of[p[0]] is entry_of[p[1]]}
    precision = len(gold & found) / len(found) if found else 1.0
    recall = len(gold & found) / len(gold)
    kinds = sum(entry_of[i].kind == g[3] for i, g in enumerate(GOLD)) / len(GOLD)
    print(f"\nspeaker merges: precision {precision:.2f} recall {recall:.2f}; kinds right {kinds:.2f}")
    assert precision >= 0.9 and recall >= 0.9 and kinds >= 0.9
    assert found <= gold | {p for p in found if GOLD[p[0]][2] == GOLD[p[1]][2]}  # no wrong merge at all
