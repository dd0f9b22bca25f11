"""The union-find that merges speakers (directory) and articles and quotes (stories)."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

import reader.unionfind
from reader.unionfind import UnionFind


@pytest.mark.parametrize(
    "n, unions, groups",
    [
        (0, [], []),
        (3, [], [[0], [1], [2]]),
        (4, [(0, 1), (2, 3)], [[0, 1], [2, 3]]),
        (4, [(3, 2), (1, 0)], [[0, 1], [2, 3]]),  # the order of a pair does not matter
        (5, [(4, 3), (3, 2), (2, 1)], [[0], [1, 2, 3, 4]]),  # a chain
        (5, [(1, 3), (3, 1), (1, 1)], [[0], [1, 3], [2], [4]]),  # repeats and self-unions change nothing
        (6, [(5, 4), (1, 0), (4, 0)], [[0, 1, 4, 5], [2], [3]]),  # two sets joined through any members
    ],
)
def test_groups_are_the_connected_members_in_order(n, unions, groups):
    uf = UnionFind(n)
    for a, b in unions:
        uf.union(a, b)
    assert uf.groups() == groups
    assert len(uf) == n


_PAIRS = st.integers(1, 30).flatmap(
    lambda n: st.tuples(st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))))
)


@given(_PAIRS)
def test_any_order_of_unions_gives_the_same_sets_rooted_at_their_smallest_member(case):
    n, pairs = case
    forward, backward = UnionFind(n), UnionFind(n)
    for a, b in pairs:
        root = forward.union(a, b)
        assert root == forward.find(a) == forward.find(b)
    for a, b in reversed(pairs):
        backward.union(b, a)
    assert forward.groups() == backward.groups()
    for group in forward.groups():
        assert all(forward.find(x) == group[0] for x in group)
    # the sets are the connected components of the pairs
    seen = {x: {x} for x in range(n)}
    for a, b in pairs:
        joined = seen[a] | seen[b]
        for x in joined:
            seen[x] = joined
    assert sorted(map(sorted, {frozenset(s) for s in seen.values()})) == forward.groups()


def test_add_grows_the_universe_with_singletons():
    uf = UnionFind()
    assert [uf.add() for _ in range(3)] == [0, 1, 2]
    uf.union(2, 0)
    assert uf.add() == 3
    assert uf.groups() == [[0, 2], [1], [3]]


def test_the_worked_example_in_the_docstring_is_right():
    assert doctest.testmod(reader.unionfind).failed == 0
