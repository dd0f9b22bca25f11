"""Term lookup: one query word -> tiers of vocabulary terms, best first.

A :class:`Vocabulary` is a sorted snapshot of the index's terms, made when
the index is prepared after additions.  :meth:`Vocabulary.resolve` expands a
query word into disjoint tiers of term ids, each with its match quality:
exact, prefix (bisect in the sorted terms), infix (a substring search in the
terms joined into one string), and, when asked, fuzzy ones: whole words
within an edit distance scaled by length (rapidfuzz over the terms bucketed
by length) and, for the word being typed, prefixes within an edit distance::

    >>> terms = ["balloon", "ballot", "ball", "football", "baloney"]
    >>> vocab = Vocabulary(terms, {t: i for i, t in enumerate(terms)}, [[0]] * 5)
    >>> [(q, sorted(terms[i] for i in ids)) for q, _fz, ids in vocab.resolve("ball", False, False, True).tiers]
    [(1.0, ['ball']), (0.7, ['balloon', 'ballot']), (0.6, ['football'])]
    >>> [(q, sorted(terms[i] for i in ids)) for q, _fz, ids in vocab.resolve("baloon", False, False, True).tiers]
    [(0.5, ['balloon']), (0.42, ['ballot'])]
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

__all__ = ["Term", "Vocabulary", "fuzzy_k"]

# Match qualities of one query word against one document.
Q_EXACT = 1.0
Q_PREFIX_TYPING = 0.85  # the word being typed is a prefix of the term
Q_PREFIX = 0.7  # a finished word is a prefix of the term
Q_INFIX = 0.6
Q_FUZZY = (0.5, 0.42, 0.34)  # by edit distance 1, 2, 3
Q_FUZZY_PREFIX = (0.45, 0.38)
TOP = chr(0x10FFFF)  # sorts after every term: ``w + TOP`` bounds the terms starting with ``w``


def fuzzy_k(n: int) -> int:
    """How many edits a word of ``n`` letters may have."""
    if n < 4:
        return 0
    if n == 4:
        return 1
    if n <= 9:
        return 2
    return 3


class Term:
    """One query word resolved against the vocabulary."""

    __slots__ = ("word", "tiers", "allids", "allterms", "est", "fuzzy_capable")

    def __init__(self, word: str, tiers: list[tuple[float, int, set[int]]], est: int, fuzzy_capable: bool):
        self.word = word
        self.tiers = tiers  # [(quality, is_fuzzy, term ids)], best first, disjoint
        self.allids: set[int] = set().union(*(t[2] for t in tiers)) if tiers else set()
        self.est = est  # postings of all its terms: an upper bound of its documents
        self.allterms: set[str] | None = None  # filled by the first use in ranking.rerank
        self.fuzzy_capable = fuzzy_capable


class Vocabulary:
    """The index's terms, sorted, for prefix, infix and fuzzy look-ups.

    ``terms`` (term id -> term), ``term_id`` and ``post`` (term id -> its
    documents) are the index's own; the snapshot is valid until the index
    adds more.  The infix blob and the prefix lists are built on first use,
    or all at once by :meth:`build_all`.
    """

    def __init__(self, terms: list[str], term_id: dict[str, int], post: list) -> None:
        self.terms = terms
        self.term_id = term_id
        self.post = post
        ids = sorted(range(len(terms)), key=terms.__getitem__)
        self.sorted_ids = ids
        self.sorted = [terms[i] for i in ids]
        by_len: dict[int, tuple[list[str], list[int]]] = {}
        alpha = []
        for t, i in zip(self.sorted, ids, strict=False):
            if not t.isdigit():
                alpha.append(t)
                bucket = by_len.get(len(t))
                if bucket is None:
                    bucket = by_len[len(t)] = ([], [])
                bucket[0].append(t)
                bucket[1].append(i)
        self.by_len = by_len
        self.alpha = alpha  # sorted, without numbers
        self.blob: str | None = None
        self.blob_starts = array("I")
        self.prefixes: dict[int, list[str]] = {}

    def build_all(self) -> None:
        """Build now what is otherwise built on first use (the infix blob, the
        prefix lists for fuzzy prefixes), so the first keystrokes don't pay for it."""
        self.ensure_blob()
        for m in range(4, 10):  # longer typed words are rarer: built on use
            self.prefix_list(m)

    def resolve(self, w: str, typing: bool, exact_only: bool, fuzzy: bool) -> Term:
        """The tiers of terms that query word ``w`` matches (see the module docstring).

        ``typing``: ``w`` is the word being typed (its prefixes rank higher,
        fuzzy prefixes count); ``exact_only``: a phrase word, exact or (when
        typing) prefix matches only; ``fuzzy``: add the fuzzy tiers.
        """
        tiers: list[tuple[float, int, set[int]]] = []
        seen: set[int] = set()

        def tier(q: float, fz: int, ids: Iterable[int]) -> None:
            s = set(ids)
            s.difference_update(seen)
            if s:
                seen.update(s)
                tiers.append((q, fz, s))

        tid = self.term_id.get(w)
        if tid is not None:
            tier(Q_EXACT, 0, (tid,))
        if typing or not exact_only:
            tier(Q_PREFIX_TYPING if typing else Q_PREFIX, 0, self.prefix_ids(w))
        fuzzy_capable = False
        if not exact_only:
            if len(w) >= 3 and not w.isdigit():
                tier(Q_INFIX, 0, self.infix_ids(w))
            fuzzy_capable = fuzzy_k(len(w)) > 0 and not w.isdigit()
            if fuzzy and fuzzy_capable:
                found = self.fuzzy_ids(w)
                for dist, q in enumerate(Q_FUZZY, 1):
                    tier(q, 1, (i for i, d in found if d == dist))
                if typing:
                    found = self.fuzzy_prefix_ids(w)
                    for dist, q in enumerate(Q_FUZZY_PREFIX, 1):
                        tier(q, 1, (i for i, d in found if d == dist))
        post = self.post
        est = 0
        for _q, _fz, ids in tiers:
            for i in ids:
                est += len(post[i])
        return Term(w, tiers, est, fuzzy_capable)

    def prefix_ids(self, w: str) -> list[int]:
        """Terms starting with ``w`` (``w`` itself included)."""
        lo = bisect_left(self.sorted, w)
        hi = bisect_left(self.sorted, w + TOP, lo)
        return self.sorted_ids[lo:hi]

    def ensure_blob(self) -> str:
        """The sorted vocabulary as one string, for substring search in C."""
        if self.blob is None:
            starts = array("I")
            pos = 0
            for t in self.sorted:
                starts.append(pos)
                pos += len(t) + 1
            self.blob_starts = starts
            self.blob = "\n".join(self.sorted)
        return self.blob

    def infix_ids(self, w: str) -> list[int]:
        """Terms containing ``w`` other than at their start."""
        blob = self.ensure_blob()
        starts, ids = self.blob_starts, self.sorted_ids
        out: list[int] = []
        i = blob.find(w, 1)
        while i >= 0 and len(out) < 5000:
            k = bisect_right(starts, i) - 1
            if starts[k] != i:
                out.append(ids[k])
            # skip to the next term: one hit per term is enough
            nxt = blob.find("\n", i)
            if nxt < 0:
                break
            i = blob.find(w, nxt + 1)
        return out

    def fuzzy_ids(self, w: str) -> list[tuple[int, int]]:
        """``(term id, distance)`` of whole terms within the edit budget."""
        k = fuzzy_k(len(w))
        out: list[tuple[int, int]] = []
        if not k:
            return out
        for n in range(max(1, len(w) - k), len(w) + k + 1):
            bucket = self.by_len.get(n)
            if not bucket:
                continue
            for _t, dist, i in process.extract(
                w, bucket[0], scorer=OSA.distance, score_cutoff=k, limit=None
            ):
                if dist:
                    out.append((bucket[1][i], dist))
        return out

    def prefix_list(self, m: int) -> list[str]:
        """The distinct ``m``-letter starts of the (non-numeric) vocabulary."""
        prefixes = self.prefixes.get(m)
        if prefixes is None:
            prefixes = self.prefixes[m] = list(
                dict.fromkeys([t[:m] for t in self.alpha if len(t) >= m])
            )
        return prefixes

    def fuzzy_prefix_ids(self, w: str) -> list[tuple[int, int]]:
        """Terms whose start is within an edit budget of ``w`` (being typed)."""
        n = len(w)
        k = 1 if n <= 6 else 2
        out: dict[int, int] = {}
        for m in (n, n + 1):
            prefixes = self.prefix_list(m)
            for p, dist, _i in process.extract(
                w, prefixes, scorer=OSA.distance, score_cutoff=k, limit=None
            ):
                if not dist:
                    continue
                for tid in self.prefix_ids(p):
                    if out.get(tid, 9) > dist:
                        out[tid] = dist
        return list(out.items())
