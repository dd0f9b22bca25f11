"""A sorted list that stays cheap to insert into anywhere.

``bisect.insort`` into one Python list moves every later item, so building a
list of n items in random order costs n squared; an article's mention
timeline is built that way (every name first, then each pronoun and "the
company" in the middle of it).  :class:`SortedList` keeps its items in blocks
of at most ``2 * BLOCK`` and a list of each block's largest item: an insert
is a binary search plus a short insert into one block.

>>> items = SortedList()
>>> for x in (5, 1, 4, 1, 3):
...     items.add(x)
>>> list(items.before(4))  # items < 4, the largest first
[3, 1, 1]
>>> items.discard(1); len(items)
4
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterator
from typing import Any

BLOCK = 256


class SortedList:
    """Items in ascending order (duplicates kept), in blocks."""

    __slots__ = ("_blocks", "_maxes", "_len")

    def __init__(self) -> None:
        self._blocks: list[list[Any]] = []
        self._maxes: list[Any] = []  # the last (largest) item of each block
        self._len = 0

    @classmethod
    def from_sorted(cls, items: list[Any]) -> SortedList:
        """A list of ``items``, which must be in ascending order already."""
        out = cls()
        out._blocks = [items[i : i + BLOCK] for i in range(0, len(items), BLOCK)]
        out._maxes = [block[-1] for block in out._blocks]
        out._len = len(items)
        return out

    def __len__(self) -> int:
        return self._len

    def add(self, item: Any) -> None:
        blocks, maxes = self._blocks, self._maxes
        self._len += 1
        if not blocks:
            blocks.append([item])
            maxes.append(item)
            return
        i = bisect_left(maxes, item)
        if i == len(blocks):  # the largest so far: the common case
            i -= 1
            blocks[i].append(item)
            maxes[i] = item
        else:
            insort(blocks[i], item)
        if len(blocks[i]) > 2 * BLOCK:
            block = blocks[i]
            blocks[i : i + 1] = [block[:BLOCK], block[BLOCK:]]
            maxes[i : i + 1] = [block[BLOCK - 1], block[-1]]

    def discard(self, item: Any) -> None:
        """Remove one occurrence of ``item`` if there is one."""
        blocks, maxes = self._blocks, self._maxes
        i = bisect_left(maxes, item)
        if i == len(blocks):
            return
        block = blocks[i]
        j = bisect_left(block, item)
        if j == len(block) or block[j] != item:
            return
        del block[j]
        self._len -= 1
        if not block:
            del blocks[i]
            del maxes[i]
        elif j == len(block):
            maxes[i] = block[-1]

    def first_from(self, key: Any) -> Any | None:
        """The smallest item ``>= key``, or None."""
        i = bisect_left(self._maxes, key)
        if i == len(self._blocks):
            return None
        block = self._blocks[i]
        return block[bisect_left(block, key)]

    def before(self, key: Any) -> Iterator[Any]:
        """Items ``< key``, the largest first."""
        blocks = self._blocks
        i = bisect_left(self._maxes, key)
        if i < len(blocks):
            block = blocks[i]
            j = bisect_left(block, key)
            for k in range(j - 1, -1, -1):
                yield block[k]
        for b in range(min(i, len(blocks)) - 1, -1, -1):
            yield from reversed(blocks[b])

    def __iter__(self) -> Iterator[Any]:
        for block in self._blocks:
            yield from block
