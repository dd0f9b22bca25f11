"""Query evaluation: candidate documents, their scores, the best of them.

The steps, each a function of what it is given:

1. :func:`constraints`: every query word (its resolved :class:`Term`), the
   speaker filter's documents and the outlet filter's articles, smallest
   estimated first;
2. :func:`candidates`: the small constraints are materialised as sets of
   documents and intersected in C, the large ones (over
   :data:`MATERIALISE` postings) are left to be checked per candidate;
   at most :data:`CAP` candidates, so a one-letter query costs no more than
   a long one;
3. :func:`score`: per candidate, the kind bonus, plus for each word the
   quality of its best tier there (a fuzzy-only word costs
   :data:`FUZZY_PENALTY`: such documents always rank below real matches),
   plus the speaker filter's match quality;
4. :func:`top`: the best ``2 * limit + RERANK`` (more with phrases);
5. :func:`rerank`: drops repeats (the same words by the same speaker in
   another article) and documents without the phrases, adds
   :data:`ADJACENT_BONUS` per pair of query words side by side, and marks
   the matched words.
"""

from __future__ import annotations

import heapq
from array import array
from collections.abc import Iterable
from itertools import islice
from typing import NamedTuple, Protocol

from reader.query import Query, terms
from reader.search.hits import has_phrases, marks
from reader.search.vocabulary import Term

__all__ = ["Candidates", "Docs", "candidates", "constraints", "rerank", "score", "top"]

FUZZY_PENALTY = 100.0  # per fuzzy-only word: always below real matches
ADJACENT_BONUS = 0.15
MATERIALISE = 40_000  # constraints estimated below this many postings become sets
CAP = 2_000  # most candidates scored per query
RERANK = 20  # rescore the top limit + RERANK candidates with adjacency

DocSets = list[tuple[float, int, set[int]]]  # a term's documents per tier: (quality, is_fuzzy, documents)


class Texts(Protocol):
    """The documents' texts: a list, or the stored index's texts cut from the articles when asked."""

    def __len__(self) -> int: ...

    def __getitem__(self, d: int, /) -> str: ...

    def append(self, text: str, /) -> None: ...


class Docs(NamedTuple):
    """The index's per-document arrays that evaluation reads (see SearchIndex)."""

    kind: array
    art: array  # document -> article
    spk: array  # document -> speaker, -1 for none
    base: array  # kind bonus minus length penalty
    text: Texts
    fwd: array  # every document's term ids, sliced by fwd_off
    fwd_off: array
    fwd_extra: dict[int, set[int]]  # a speaker document's term ids (they grow)
    post: list  # term id -> its documents
    art_first: array  # article -> its first document
    art_end: array


class Constraint(NamedTuple):
    est: int  # how many documents it may have (postings)
    kind: str  # "t": a query word, "s": the speaker filter, "o": the outlet filter
    what: Term | list[array] | set[int]  # the Term; the speakers' document arrays; the set of articles


class Candidates(NamedTuple):
    docs: set[int]
    docsets: dict[int, DocSets]  # id(term) -> its documents per tier, for the materialised terms
    speakers_applied: bool  # the speaker filter is already in ``docs``
    outlets_applied: bool


def constraints(words: list[Term], spk_docs: list[array], arts: set[int] | None, outlet_docs: int) -> list[Constraint]:
    """What a document must satisfy, smallest estimate first (``outlet_docs``:
    how many documents the articles ``arts`` have)."""
    out = [Constraint(t.est, "t", t) for t in words]
    if spk_docs:
        out.append(Constraint(sum(len(p) for p in spk_docs), "s", spk_docs))
    if arts is not None:
        out.append(Constraint(outlet_docs, "o", arts))
    out.sort(key=lambda c: c[0])
    return out


def candidates(cons: list[Constraint], docs: Docs) -> Candidates | None:
    """The documents satisfying every small constraint (None when there are none).

    The first constraint is always materialised; a later one only when its
    estimate is at most :data:`MATERIALISE`.  A large one that is the first
    gives at most :data:`CAP` documents.
    """
    cand: set[int] | None = None
    docsets_of: dict[int, DocSets] = {}
    speakers_applied = outlets_applied = False
    for est, kind, c in cons:
        if est > MATERIALISE and cand is not None:
            continue  # checked per candidate
        cap = CAP if est > MATERIALISE else None
        if kind == "t":
            assert isinstance(c, Term)
            docsets_of[id(c)], s = term_docsets(c, docs.post, cap)
        elif kind == "s":
            assert isinstance(c, list)
            s = union_capped(c, cap)
            speakers_applied = True
        else:
            assert isinstance(c, set)
            s = union_capped((range(docs.art_first[a], docs.art_end[a]) for a in c), cap)
            outlets_applied = True
        cand = s if cand is None else (cand & s)
        if not cand:
            return None
    assert cand is not None
    if len(cand) > CAP:
        cand = set(islice(cand, CAP))
    return Candidates(cand, docsets_of, speakers_applied, outlets_applied)


def term_docsets(t: Term, post: list, cap: int | None) -> tuple[DocSets, set[int]]:
    """A word's documents per tier (best tier first, disjoint) and all of them,
    at most ``cap`` when given."""
    docsets: DocSets = []
    union: set[int] = set()
    for qual, fz, ids in t.tiers:
        s: set[int] = set()
        for i in ids:
            if cap:
                room = cap - len(s) - len(union)
                if room <= 0:
                    break
                s.update(post[i][:room] if len(post[i]) > room else post[i])
            else:
                s.update(post[i])
        s.difference_update(union)
        union |= s
        docsets.append((qual, fz, s))
        if cap and len(union) >= cap:
            break
    return docsets, union


def union_capped(groups: Iterable[Iterable[int]], cap: int | None) -> set[int]:
    """The union of ``groups``, stopping after the group that reaches ``cap``."""
    s: set[int] = set()
    for g in groups:
        s.update(g)
        if cap and len(s) >= cap:
            break
    return s


def score(
    cand: Candidates, words: list[Term], docs: Docs, spk_quality: dict[int, float] | None, arts: set[int] | None
) -> dict[int, float]:
    """Document -> score, for the candidates that match every word and filter."""
    found = cand.docs
    spks, arts_of = docs.spk, docs.art
    if spk_quality is not None and not cand.speakers_applied:
        found = {d for d in found if spks[d] in spk_quality}
    if arts is not None and not cand.outlets_applied:
        found = {d for d in found if arts_of[d] in arts}
    base = docs.base
    total = {d: base[d] for d in found}
    for t in words:
        part = word_quality(t, cand.docsets.get(id(t)), total, docs)
        total = {d: v + part[d] for d, v in total.items() if d in part}
    if spk_quality is not None:
        total = {d: v + 0.5 * spk_quality.get(spks[d], 0.0) for d, v in total.items()}
    return total


def word_quality(t: Term, docsets: DocSets | None, found: dict[int, float], docs: Docs) -> dict[int, float]:
    """Document -> the quality of word ``t`` there, for the documents of
    ``found`` that have it: from its materialised tiers when it has them,
    else by looking at each document's terms."""
    part: dict[int, float] = {}
    if docsets is not None:
        if len(docsets) == 1:
            qual, fz, _s = docsets[0]
            return dict.fromkeys(found, qual - FUZZY_PENALTY * fz)
        for qual, fz, s in reversed(docsets):  # best tier last, wins
            part.update(dict.fromkeys(s.intersection(found), qual - FUZZY_PENALTY * fz))
        return part
    tiers = [(qual - FUZZY_PENALTY * fz, ids) for qual, fz, ids in t.tiers]
    fwd, off, extra = docs.fwd, docs.fwd_off, docs.fwd_extra
    for d in found:
        toks: set[int] | array | None = extra.get(d)
        if toks is None:
            toks = fwd[off[d] : off[d + 1]]
        for qa, ids in tiers:
            if not ids.isdisjoint(toks):
                part[d] = qa
                break
    return part


def top(total: dict[int, float], limit: int, phrases: bool) -> list[tuple[float, int]]:
    """``(score, document)`` of the best, room left for repeats and reranking:
    ``2 * limit + RERANK`` of them, ``4 * limit`` or more when some may fail
    a phrase check.  Ties: the earlier document first."""
    n = 2 * limit + RERANK
    if phrases:
        n = max(n, 4 * limit)
    best = heapq.nlargest(n, zip(total.values(), map(int.__neg__, total), strict=False))
    return [(v, -d) for v, d in best]


def rerank(
    q: Query, ranked: list[tuple[float, int]], words: list[Term], limit: int, docs: Docs, vocab_terms: list[str]
) -> list[tuple[float, int, tuple[tuple[int, int], ...]]]:
    """The best ``limit`` ``(score, document, matched spans)`` (see step 5 above)."""
    word_sets = _word_sets(words, vocab_terms)
    lit: set[str] = set().union(*word_sets)
    phrases: list[tuple[tuple[str, ...], bool]] = []
    for j, phrase in enumerate(q.phrases):
        phrases.append((phrase, q.partial_phrase and j == len(q.phrases) - 1))
        lit.update(phrase)
    typed_last = q.phrases[-1][-1] if q.partial_phrase else None

    want = limit + RERANK if len(words) > 1 else limit
    out: list[tuple[float, int, tuple[tuple[int, int], ...]]] = []
    seen: set[tuple[int, str, int]] = set()
    for score_, d in ranked:
        if len(out) >= want:
            break
        text = docs.text[d]
        key = (docs.kind[d], text, docs.spk[d])
        if key in seen:  # the same words by the same speaker in another article
            continue
        seen.add(key)
        toks = terms(text)
        if phrases and not has_phrases(toks, phrases):
            continue
        if len(words) > 1:
            for _pair in range(_adjacent_pairs(toks, word_sets)):
                score_ += ADJACENT_BONUS  # one addition per pair, as the scores were always summed
        hit_words = lit.intersection(toks)
        if typed_last is not None:
            hit_words.update(t for t in toks if t.startswith(typed_last))
        out.append((score_, d, marks(text, hit_words)))
    out.sort(key=lambda x: (-x[0], x[1]))
    return out[:limit]


def _word_sets(words: list[Term], vocab_terms: list[str]) -> list[set[str]]:
    """Each query word's matching terms as strings (kept on the cached Term)."""
    out = []
    for t in words:
        if t.allterms is None:
            t.allterms = {vocab_terms[i] for i in t.allids}
        out.append(t.allterms)
    return out


def _adjacent_pairs(toks: list[str], word_sets: list[set[str]]) -> int:
    """How many consecutive query words match side by side, in query order:
    ``["oil", "prices", "rise"]`` with words {oil}, {prices}, {fall} -> 1."""
    flags = [[t in ws for t in toks] for ws in word_sets]
    pairs = zip(flags, flags[1:], strict=False)
    return sum(1 for a, b in pairs if any(x and y for x, y in zip(a, b[1:], strict=False)))
