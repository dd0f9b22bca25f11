"""Union-find (disjoint sets) over the integers ``0 .. n-1``.

The speaker directory merges per-article speakers into corpus-wide people
with it, and stories merge linked articles and matching quotations.

A set's root is always its smallest member, so the groups come out in a
stable order (by their first member) whatever order the unions ran in::

    >>> uf = UnionFind(5)
    >>> uf.union(3, 1)
    1
    >>> uf.union(4, 3)
    1
    >>> uf.find(4), uf.find(0)
    (1, 0)
    >>> uf.groups()
    [[0], [1, 3, 4], [2]]
    >>> uf.add()  # one more member, alone in its set
    5
"""

from __future__ import annotations

__all__ = ["UnionFind"]


class UnionFind:
    """Disjoint sets of ``0 .. n-1``; :meth:`add` appends one more."""

    __slots__ = ("parent",)

    def __init__(self, n: int = 0) -> None:
        self.parent = list(range(n))

    def __len__(self) -> int:
        return len(self.parent)

    def add(self) -> int:
        """A new member in a set of its own; returns it."""
        x = len(self.parent)
        self.parent.append(x)
        return x

    def find(self, x: int) -> int:
        """The root (smallest member) of ``x``'s set, halving the path on the way."""
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> int:
        """Join the sets of ``a`` and ``b``; returns the root of the joined set."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        return ra

    def groups(self) -> list[list[int]]:
        """Every set, its members ascending, the sets ordered by their smallest member."""
        by_root: dict[int, list[int]] = {}
        find = self.find
        for x in range(len(self.parent)):
            root = find(x)
            group = by_root.get(root)
            if group is None:
                by_root[root] = [x]
            else:
                group.append(x)
        return list(by_root.values())
