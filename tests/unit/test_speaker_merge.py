"""The directory's merging rules, one step at a time (reader.speaker_merge).

Each row is a list of speakers, one per article (name, kind, role, aliases),
and the sets of them one merging step makes; the later steps judge against
the sets of the earlier ones, so a row runs every step up to its own.
"""

from __future__ import annotations

import pytest

from reader.speaker_merge import (
    _full_name_ends,
    _merge_acronyms,
    _merge_bare_names,
    _merge_same_names,
    _Node,
)
from reader.unionfind import UnionFind

P, O, A = "person", "organisation", "anonymous"  # noqa: E741 (short names keep the tables aligned)


def _nodes(specs) -> list[_Node]:
    out = []
    for i, spec in enumerate(specs):
        name, kind, role, aliases = (*spec, None, None)[:4]
        out.append(_Node(i, name, kind, role, aliases or (name,)))
    return out


def _run(step: str, specs) -> list[list[int]]:
    nodes = _nodes(specs)
    uf = UnionFind(len(nodes))
    keyed = _merge_same_names(nodes, uf)
    if step in ("bare", "acronym"):
        _merge_bare_names(nodes, uf, keyed)
    if step == "acronym":
        _merge_acronyms(nodes, uf, keyed.org_nodes)
    return uf.groups()


@pytest.mark.parametrize(
    "step, speakers, groups",
    [
        # equal names, ignoring middle initials, suffixes, accents, a leading "the"
        ("same", [("Joseph R. Biden Jr.", P), ("Joseph Biden", P)], [[0, 1]]),
        ("same", [("José Álvarez", P), ("Jose Alvarez", P)], [[0, 1]]),
        ("same", [("The Federal Reserve", O), ("Federal Reserve", O)], [[0, 1]]),
        ("same", [("Anna Smith", P), ("John Smith", P)], [[0], [1]]),
        ("same", [("Pentagon", P), ("Pentagon", O)], [[0], [1]]),  # a person is never an organisation
        ("same", [("the company", O), ("the company", O)], [[0], [1]]),  # a description: per article
        ("same", [("Biden", P), ("Joseph Biden", P)], [[0], [1]]),  # bare names wait for the next step
        # a bare name joins the one full name it ends (or else starts)
        ("bare", [("Biden", P), ("Joseph Biden", P), ("Biden", P)], [[0, 1, 2]]),
        ("bare", [("Wang", P), ("Wang Yi", P)], [[0, 1]]),
        ("bare", [("Yi", P), ("Wang Yi", P), ("Yi", P, "Minister")], [[0, 1, 2]]),
        ("bare", [("Smith", P), ("Anna Smith", P), ("John Smith", P), ("Smith", P)], [[0, 3], [1], [2]]),
        (
            "bare",
            [
                ("Okafor", P, "Transport Minister"),
                ("Daniel Okafor", P, "Minister of Transport"),
                ("Grace Okafor", P, "union general secretary"),
                ("Okafor", P, "general secretary"),
            ],
            [[0, 1], [2, 3]],
        ),
        ("bare", [("Okafor", P, "spokesman"), ("Daniel Okafor", P), ("Grace Okafor", P)], [[0], [1], [2]]),
        ("bare", [("Reagan", P), ("Reagan", P)], [[0, 1]]),  # no full name: one entry all the same
        # an acronym joins the one organisation it stands for
        ("acronym", [("WHO", O), ("World Health Organization", O)], [[0, 1]]),
        ("acronym", [("CGTN", O), ("China Global Television", O, None, ("China Global Television", "CGTN"))], [[0, 1]]),
        ("acronym", [("BE", O), ("Bank of England", O)], [[0, 1]]),
        ("acronym", [("AA", O), ("American Airlines", O), ("Alcoholics Anonymous", O)], [[0], [1], [2]]),
        # an acronym is never a person's name: the article took the organisation for a person
        ("acronym", [("WHO", P), ("World Health Organization", O)], [[0, 1]]),
        ("acronym", [("S and P", O), ("Standard and Poor's Corp", O)], [[0, 1]]),
        ("acronym", [("GM", O), ("General Motors Corp", O)], [[0, 1]]),  # a legal form has no initial
        # several fit: the one named in two thirds of their articles (and three or more), else none
        ("acronym", [("GM", O)] + [("General Motors Corp", O)] * 3 + [("General Mills Inc", O)], [[0, 1, 2, 3], [4]]),
        ("acronym", [("GM", O), ("General Motors Corp", O), ("General Mills Inc", O)], [[0], [1], [2]]),
        # legal forms, reordered ministry names, a misspelt title, an organisation taken for a person
        ("same", [("Baker Hughes Inc", O), ("Baker Hughes", O)], [[0, 1]]),
        ("same", [("U.S. Agriculture Department", O), ("U.S. Department of Agriculture", O)], [[0, 1]]),
        ("same", [("Agriculture Department", O), ("Commerce Department", O)], [[0], [1]]),
        ("same", [("Dow Chemical", P), ("Dow Chemical Co", O)], [[0, 1]]),
        ("same", [("Secertary James Baker", P), ("James Baker", P)], [[0, 1]]),
        ("same", [("General Motors", P), ("Motors", P)], [[0], [1]]),
        # a country or capital speaks as its government, whatever kind the article gave it
        ("same", [("Poland", P), ("Poland", O), ("the United States", O), ("United States", P)], [[0, 1], [2, 3]]),
        # anonymous sources: one group per description, never with a named speaker
        ("same", [("Some traders", A), ("traders", A), ("oil traders", A), ("Traders", O)], [[0, 1], [2], [3]]),
    ],
)
def test_merging_steps(step, speakers, groups):
    assert _run(step, speakers) == groups


def test_full_name_ends_index_both_ends():
    by_last, by_first = _full_name_ends(["wang yi", "joseph biden", "hunter biden"])
    assert by_last["biden"] == {"joseph biden", "hunter biden"} and by_last["yi"] == {"wang yi"}
    assert by_first["wang"] == {"wang yi"} and "biden" not in by_first
