"""A sorted list that stays cheap to insert into anywhere.

``bisect.insort`` into one Python list moves every later item, so building a
list of n items in random order costs n squared; an article's mention
timeline is built that way (every name first, then each pronoun and "the
company" in the middle of it).  :class:`SortedList` keeps its items in blocks
of at most ``2 * BLOCK`` and a list of each block's largest item: an insert
is a binary search plus a short insert into one block.

Given a ``label`` function, each block also counts the labels of its items,
so a backward walk that passes over some labels (:meth:`SortedList.before`
with ``skip``) jumps a block holding only those at once.

>>> items = SortedList()
>>> for x in (5, 1, 4, 1, 3):
...     items.add(x)
>>> list(items.before(4))  # items < 4, the largest first
[3, 1, 1]
>>> items.discard(1); len(items)
4
>>> named = SortedList(label=lambda item: item[1])
>>> for item in [(1, "a"), (2, "b"), (3, "b")]:
...     named.add(item)
>>> next(named.before((3,), skip={"b"}))
(1, 'a')
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Collection, Iterator, Set
from typing import Any

BLOCK = 256
_FEW_CHANGES = 64  # more changes than this since the last ask: last_before walks anew
_UNKNOWN = object()


def _no_label(item: Any) -> Any:
    raise TypeError("SortedList.before(skip=...) needs a list made with a label function")


class SortedList:
    """Items in ascending order (duplicates kept), in blocks."""

    __slots__ = ("_blocks", "_maxes", "_len", "_label", "_counts", "_changes", "_last")

    def __init__(self, label: Callable[[Any], Any] | None = None) -> None:
        self._blocks: list[list[Any]] = []
        self._maxes: list[Any] = []  # the last (largest) item of each block
        self._len = 0
        self._label = label
        self._counts: list[dict[Any, int]] = []  # per block: label -> items (with a label function)
        self._changes: list[Any] = []  # with a label: every item added or discarded, in order (see last_before)
        self._last: dict[frozenset, tuple[Any, Any, int]] = {}  # skip -> (key, answer, len(_changes)) of the last ask

    @classmethod
    def from_sorted(cls, items: list[Any], label: Callable[[Any], Any] | None = None) -> SortedList:
        """A list of ``items``, which must be in ascending order already."""
        out = cls(label)
        out._blocks = [items[i : i + BLOCK] for i in range(0, len(items), BLOCK)]
        out._maxes = [block[-1] for block in out._blocks]
        out._len = len(items)
        if label is not None:
            out._counts = [_count(block, label) for block in out._blocks]
        return out

    def __len__(self) -> int:
        return self._len

    def add(self, item: Any) -> None:
        blocks, maxes = self._blocks, self._maxes
        self._len += 1
        if self._label is not None:
            self._changes.append(item)
        if not blocks:
            blocks.append([item])
            maxes.append(item)
            if self._label is not None:
                self._counts.append({self._label(item): 1})
            return
        i = bisect_left(maxes, item)
        if i == len(blocks):  # the largest so far: the common case
            i -= 1
            blocks[i].append(item)
            maxes[i] = item
        else:
            insort(blocks[i], item)
        if self._label is not None:
            counts = self._counts[i]
            lab = self._label(item)
            counts[lab] = counts.get(lab, 0) + 1
        if len(blocks[i]) > 2 * BLOCK:
            block = blocks[i]
            blocks[i : i + 1] = [block[:BLOCK], block[BLOCK:]]
            maxes[i : i + 1] = [block[BLOCK - 1], block[-1]]
            if self._label is not None:
                self._counts[i : i + 1] = [_count(blocks[i], self._label), _count(blocks[i + 1], self._label)]

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
        if self._label is not None:
            self._changes.append(item)
        if self._label is not None:
            counts = self._counts[i]
            lab = self._label(item)
            counts[lab] -= 1
            if not counts[lab]:
                del counts[lab]
        if not block:
            del blocks[i]
            del maxes[i]
            if self._label is not None:
                del self._counts[i]
        elif j == len(block):
            maxes[i] = block[-1]

    def first_from(self, key: Any) -> Any | None:
        """The smallest item ``>= key``, or None."""
        i = bisect_left(self._maxes, key)
        if i == len(self._blocks):
            return None
        block = self._blocks[i]
        return block[bisect_left(block, key)]

    def before(self, key: Any, skip: Collection[Any] = ()) -> Iterator[Any]:
        """Items ``< key``, the largest first; with ``skip``, only those whose
        label is not in it (blocks of skipped labels only are jumped)."""
        blocks = self._blocks
        label = _no_label if self._label is None else self._label
        skipped: Set[Any] = skip if isinstance(skip, (set, frozenset)) else frozenset(skip)
        i = bisect_left(self._maxes, key)
        if i < len(blocks):
            block = blocks[i]
            for k in range(bisect_left(block, key) - 1, -1, -1):
                if not skipped or label(block[k]) not in skipped:
                    yield block[k]
        for b in range(min(i, len(blocks)) - 1, -1, -1):
            if not skipped:
                yield from reversed(blocks[b])
                continue
            if self._counts[b].keys() <= skipped:  # nothing but skipped labels in this block
                continue
            for item in reversed(blocks[b]):
                if label(item) not in skipped:
                    yield item

    def last_before(self, key: Any, skip: Collection[Any] = ()) -> Any | None:
        """``next(self.before(key, skip), None)``, in time that does not grow
        with the list when asked again and again with the same ``skip`` and
        growing keys (the pronouns of an article, in text order, each passing
        over the speaker it quotes): the answer to the ask before holds
        unless an item with a label not skipped lies between the two keys, or
        an item below the earlier key was added or discarded since.

        >>> named = SortedList(label=lambda item: item[1])
        >>> for item in [(1, "a"), (2, "b"), (3, "b")]:
        ...     named.add(item)
        >>> named.last_before((3,), skip={"b"}), named.last_before((9,), skip={"b"})
        ((1, 'a'), (1, 'a'))
        >>> named.add((4, "c")); named.discard((1, "a"))
        >>> named.last_before((9,), skip={"b"}), named.last_before((4,), skip={"b"})
        ((4, 'c'), None)
        """
        if not skip:
            return next(self.before(key), None)
        skipped = skip if isinstance(skip, frozenset) else frozenset(skip)
        last = self._last.get(skipped)
        found = _UNKNOWN
        if last is not None and last[0] <= key and len(self._changes) - last[2] <= _FEW_CHANGES \
                and all(item >= last[0] for item in self._changes[last[2] :]):
            found = last[1]
            label = self._label or _no_label
            for item in self._down_to(key, last[0]):
                if label(item) not in skipped:
                    found = item
                    break
        if found is _UNKNOWN:
            found = next(self.before(key, skipped), None)
        self._last[skipped] = (key, found, len(self._changes))
        return found

    def _down_to(self, key: Any, floor: Any) -> Iterator[Any]:
        """Items ``< key`` and ``>= floor``, the largest first."""
        blocks = self._blocks
        i = bisect_left(self._maxes, key)
        for b in range(min(i, len(blocks) - 1), -1, -1):
            block = blocks[b]
            for k in range(bisect_left(block, key) - 1 if b == i else len(block) - 1, -1, -1):
                if block[k] < floor:
                    return
                yield block[k]

    def __iter__(self) -> Iterator[Any]:
        for block in self._blocks:
            yield from block


def _count(block: list[Any], label: Callable[[Any], Any]) -> dict[Any, int]:
    """Label -> how many items of ``block`` have it."""
    counts: dict[Any, int] = {}
    for item in block:
        lab = label(item)
        counts[lab] = counts.get(lab, 0) + 1
    return counts
