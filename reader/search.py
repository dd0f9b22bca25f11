"""Search over quotes, speakers, titles and body text: the engine core.

No UI here.  The index is built from ``(Article, Attribution)`` pairs, one
document per quote, per speaker, per title and per paragraph, and answers
the queries of :mod:`reader.query` keystroke by keystroke.

Design
------
* **Terms.** Text is normalised (casefold, accents stripped) and split into
  letter/digit terms (:func:`reader.query.terms`).  Each distinct term gets an
  int id; ``_post[id]`` is the posting list (``array('I')`` of document ids;
  a plain list while terms are being added, packed on the next rebuild) and
  ``_fwd`` the forward index (each document's term ids, one shared
  ``array('I')`` sliced by ``_fwd_off``).  A word twice in a document is
  listed twice in both: a set per document cost about a sixth of the
  build, and every reader takes them as sets.  Per-document fields are
  parallel arrays; texts are references to the caller's strings.
* **Term lookup.** Each query word is expanded into tiers of vocabulary
  terms: exact, prefix (a sorted vocabulary and bisect), infix (a search in
  the vocabulary joined into one string), and only when the real matches
  give fewer than ``limit`` results, fuzzy ones: whole words within an
  edit distance scaled by length (rapidfuzz over the vocabulary bucketed by
  length), and for the word being typed, prefixes within an edit distance.
* **Candidates.** Constraints (words, phrase words, speaker and outlet
  filters) are sorted by estimated size; the small ones are materialised as
  sets of documents and intersected in C, the large ones checked per
  candidate through the forward index.  Candidates are capped, so a one- or
  two-letter query costs no more than a long one.
* **Ranking.** Documents with a fuzzy-only word always rank below documents
  whose words all match for real; then by per-word match quality, kind
  (quotes and speakers first, then titles, then paragraphs), word adjacency
  in query order, and shorter documents first.  ``Hit`` objects are built
  only for the results returned.
"""

from __future__ import annotations

import gc
import heapq
from itertools import islice
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from reader.model import Article, Attribution, Speaker
from reader.query import Query, normalize, parse_query, term_spans, terms

__all__ = ["Hit", "SearchIndex", "parse_query"]

KIND_QUOTE, KIND_SPEAKER, KIND_ARTICLE, KIND_TEXT = 0, 1, 2, 3
KIND_NAMES = ("quote", "speaker", "article", "text")
KIND_BONUS = (0.3, 0.3, 0.2, 0.0)

# Match qualities of one query word against one document.
Q_EXACT = 1.0
Q_PREFIX_TYPING = 0.85  # the word being typed is a prefix of the term
Q_PREFIX = 0.7  # a finished word is a prefix of the term
Q_INFIX = 0.6
Q_FUZZY = (0.5, 0.42, 0.34)  # by edit distance 1, 2, 3
Q_FUZZY_PREFIX = (0.45, 0.38)
FUZZY_PENALTY = 100.0  # per fuzzy-only word: always below real matches
ADJACENT_BONUS = 0.15

MATERIALISE = 40_000  # constraints estimated below this many postings become sets
CAP = 2_000  # most candidates scored per query
RERANK = 20  # rescore the top limit + RERANK candidates with adjacency
_TOP = chr(0x10FFFF)


def _fuzzy_k(n: int) -> int:
    """How many edits a word of ``n`` letters may have."""
    if n < 4:
        return 0
    if n == 4:
        return 1
    if n <= 9:
        return 2
    return 3


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # "quote" | "speaker" | "article" (title) | "text" (body paragraph)
    article_id: str
    path: str
    text: str
    speaker: str | None
    start: int
    end: int
    score: float
    matches: tuple[tuple[int, int], ...]


class _Term:
    """One query word resolved against the vocabulary."""

    __slots__ = ("word", "tiers", "allids", "allterms", "est", "fuzzy_capable")

    def __init__(self, word: str, tiers: list[tuple[float, int, set[int]]], est: int, fuzzy_capable: bool):
        self.word = word
        self.tiers = tiers  # [(quality, is_fuzzy, term ids)], best first, disjoint
        self.allids: set[int] = set().union(*(t[2] for t in tiers)) if tiers else set()
        self.est = est
        self.allterms: set[str] | None = None  # filled by the first _finish
        self.fuzzy_capable = fuzzy_capable


class _Vocab(dict):
    """term -> id; looking up an unknown term interns it."""

    __slots__ = ("terms", "post")

    def __init__(self, terms_: list[str], post: list[array]) -> None:
        super().__init__()
        self.terms = terms_
        self.post = post

    def __missing__(self, t: str) -> int:
        tid = self[t] = len(self.terms)
        self.terms.append(t)
        self.post.append([])  # an array("I") from the next _rebuild on
        return tid


class SearchIndex:
    """An incremental full-text index of articles, their quotes and speakers.

    ``search`` may run in several threads at once; ``add`` must not run while
    another thread searches (add everything, then publish the index, as
    :meth:`build` does).  After ``add``, the next search rebuilds the sorted
    vocabulary (tens of milliseconds for a large index).
    """

    def __init__(self) -> None:
        self._articles: list[Article] = []
        self._outlet_of: list[str] = []  # normalised outlet label per article
        self._art_first = array("I")  # first document of each article
        self._art_end = array("I")
        # documents: parallel arrays
        self._kind = array("B")
        self._art = array("I")
        self._start = array("I")
        self._end = array("I")
        self._spk = array("i")
        self._base = array("f")  # kind bonus minus length penalty
        self._text: list[str] = []
        self._fwd = array("I")
        self._fwd_off = array("I", [0])
        self._fwd_extra: dict[int, set[int]] = {}  # speaker documents grow
        # vocabulary
        self._terms: list[str] = []
        self._post: list[array] = []
        self._term_id: dict[str, int] = _Vocab(self._terms, self._post)
        self._packed = 0  # posting lists before this are arrays, after it lists
        # speakers
        self._spk_id: dict[str, int] = {}
        self._spk_names: list[str] = []
        self._spk_doc: list[int] = []
        self._spk_terms: list[tuple[str, ...]] = []
        self._spk_docs: list[array] = []  # documents of each speaker
        self._spk_keys: dict[str, set[int]] = {}  # name/alias term -> speakers
        self._spk_aliases: list[set[str]] = []
        # derived, rebuilt lazily after additions
        self._dirty = True
        self._sorted: list[str] = []
        self._sorted_ids: list[int] = []
        self._by_len: dict[int, tuple[list[str], list[int]]] = {}
        self._alpha: list[str] = []
        self._blob: str | None = None
        self._blob_starts = array("I")
        self._prefixes: dict[int, list[str]] = {}
        self._spk_sorted: list[str] = []
        self._cache: dict[tuple, object] = {}
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ build

    @classmethod
    def build(cls, items: Iterable[tuple[Article, Attribution]]) -> SearchIndex:
        index = cls()
        # The index allocates no reference cycles; the garbage collector would
        # only walk the caller's (large) article graph over and over.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            for article, attribution in items:
                index.add(article, attribution)
            index._prepare(eager=True)
        finally:
            if was_enabled:
                gc.enable()
        return index

    def __len__(self) -> int:
        return len(self._kind)

    def add(self, article: Article, attribution: Attribution) -> None:
        """Index one article, its paragraphs, quotes and speakers."""
        a = len(self._articles)
        self._articles.append(article)
        label = " ".join(x for x in (article.outlet, article.via) if x)
        self._outlet_of.append(" ".join(terms(label)))
        self._art_first.append(len(self._kind))
        source = article.source
        title = article.title
        if title and title.strip():
            start = source.find(title)
            if start < 0:
                start = end = 0
            else:
                end = start + len(title)
            self._add_doc(KIND_ARTICLE, a, start, end, -1, title, terms(title))
        for span in article.paragraphs:
            self._add_doc(KIND_TEXT, a, span.start, span.end, -1, span.text, terms(span.text))
        resolved = {s.name: self._speaker(s.name, a, s) for s in attribution.speakers}
        for q in attribution.quotes:
            sid = -1
            toks = terms(q.text)
            n = len(toks)
            if q.speaker:
                sid = resolved.get(q.speaker)
                if sid is None:  # a speaker the attribution did not list
                    sid = resolved[q.speaker] = self._speaker(q.speaker, a, None)
                toks.extend(self._spk_terms[sid])
            d = self._add_doc(KIND_QUOTE, a, q.start, q.end, sid, q.text, toks, n)
            if sid >= 0:
                self._spk_docs[sid].append(d)
        self._art_end.append(len(self._kind))
        self._dirty = True

    def _add_doc(self, kind, a, start, end, sid, text, toks, n=None) -> int:
        """Append one document; the hot loop of a build."""
        d = len(self._kind)
        self._kind.append(kind)
        self._art.append(a)
        self._start.append(start)
        self._end.append(end)
        self._spk.append(sid)
        if n is None:
            n = len(toks)
        self._base.append(KIND_BONUS[kind] - 0.002 * (n if n < 100 else 100))
        self._text.append(text)
        # term ids (new terms get one through _Vocab.__missing__); a word twice
        # in a document is listed twice: cheaper than a set, and every reader
        # of the postings and the forward index takes them as sets anyway
        ids = list(map(self._term_id.__getitem__, toks))
        fwd = self._fwd
        fwd.extend(ids)
        post = self._post
        for i in ids:
            post[i].append(d)
        self._fwd_off.append(len(fwd))
        return d

    def _intern(self, t: str) -> int:
        return self._term_id[t]

    def _speaker(self, name: str, a: int, info: Speaker | None) -> int:
        sid = self._spk_id.get(name)
        if sid is not None:  # known, maybe with every alias already
            known = self._spk_aliases[sid]
            if name in known and (info is None or known.issuperset(info.aliases)):
                return sid
        names = [name]
        if info is not None:
            names.extend(info.aliases)
        if sid is None:
            sid = self._spk_id[name] = len(self._spk_names)
            self._spk_names.append(name)
            self._spk_terms.append(tuple(dict.fromkeys(terms(name))))
            self._spk_aliases.append(set())
            source = self._articles[a].source
            start = end = 0
            if info is not None and info.mentions:
                start, end = info.mentions[0]
            else:
                i = source.find(name)
                if i >= 0:
                    start, end = i, i + len(name)
            d = self._add_doc(KIND_SPEAKER, a, start, end, sid, name, [])
            self._spk_doc.append(d)
            self._spk_docs.append(array("I", (d,)))
            self._fwd_extra[d] = set()
        d = self._spk_doc[sid]
        known = self._spk_aliases[sid]
        extra = self._fwd_extra[d]
        for alias in names:
            if alias in known:
                continue
            known.add(alias)
            for t in terms(alias):
                self._spk_keys.setdefault(t, set()).add(sid)
                tid = self._intern(t)
                if tid not in extra:
                    extra.add(tid)
                    self._post[tid].append(d)
        self._dirty = True
        return sid

    def prepare(self) -> None:
        """Pack what :meth:`add` grew and build the lookup tables now.

        Searching does this on demand; a loader calls it once at the end so
        that the index holds no growth room and the first search is quick.
        """
        self._prepare(eager=True)

    def speakers(self) -> list[str]:
        """Canonical names of every speaker indexed, sorted."""
        return sorted(self._spk_names)

    # --------------------------------------------------------------- derived

    def _prepare(self, eager: bool = False) -> None:
        """Rebuild the sorted vocabulary and friends after additions.

        ``eager`` also builds what is otherwise built on first use (the
        infix blob, the prefix lists for fuzzy prefixes), so that the first
        keystrokes after a bulk build don't pay for it.
        """
        if not self._dirty:
            return
        with self._lock:
            if self._dirty:
                self._rebuild(eager)

    def _rebuild(self, eager: bool) -> None:
        post = self._post
        for i in range(self._packed, len(post)):
            post[i] = array("I", post[i])
        self._packed = len(post)
        terms_ = self._terms
        ids = sorted(range(len(terms_)), key=terms_.__getitem__)
        self._sorted_ids = ids
        self._sorted = [terms_[i] for i in ids]
        by_len: dict[int, tuple[list[str], list[int]]] = {}
        alpha = []
        for t, i in zip(self._sorted, ids):
            if not t.isdigit():
                alpha.append(t)
                bucket = by_len.get(len(t))
                if bucket is None:
                    bucket = by_len[len(t)] = ([], [])
                bucket[0].append(t)
                bucket[1].append(i)
        self._by_len = by_len
        self._alpha = alpha  # sorted, without numbers
        self._blob = None
        self._prefixes = {}
        self._spk_sorted = sorted(self._spk_keys)
        self._cache = {}
        self._dirty = False
        if eager:
            self._ensure_blob()
            for m in range(4, 10):  # longer typed words are rarer: built on use
                self._prefix_list(m)

    def _cached(self, key, compute):
        cache = self._cache
        value = cache.get(key)
        if value is None:
            value = compute()
            if len(cache) > 4096:
                cache.clear()
            cache[key] = value
        return value

    def _prefix_ids(self, w: str) -> list[int]:
        lo = bisect_left(self._sorted, w)
        hi = bisect_left(self._sorted, w + _TOP, lo)
        return self._sorted_ids[lo:hi]

    def _ensure_blob(self) -> str:
        """The sorted vocabulary as one string, for substring search in C."""
        if self._blob is None:
            starts = array("I")
            pos = 0
            for t in self._sorted:
                starts.append(pos)
                pos += len(t) + 1
            self._blob_starts = starts
            self._blob = "\n".join(self._sorted)
        return self._blob

    def _infix_ids(self, w: str) -> list[int]:
        """Terms containing ``w`` other than at their start."""
        blob = self._ensure_blob()
        starts, ids = self._blob_starts, self._sorted_ids
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

    def _fuzzy_ids(self, w: str) -> list[tuple[int, int]]:
        """``(term id, distance)`` of whole terms within the edit budget."""
        k = _fuzzy_k(len(w))
        out: list[tuple[int, int]] = []
        if not k:
            return out
        for n in range(max(1, len(w) - k), len(w) + k + 1):
            bucket = self._by_len.get(n)
            if not bucket:
                continue
            for _t, dist, i in process.extract(
                w, bucket[0], scorer=OSA.distance, score_cutoff=k, limit=None
            ):
                if dist:
                    out.append((bucket[1][i], dist))
        return out

    def _prefix_list(self, m: int) -> list[str]:
        """The distinct ``m``-letter starts of the (non-numeric) vocabulary."""
        prefixes = self._prefixes.get(m)
        if prefixes is None:
            prefixes = self._prefixes[m] = list(
                dict.fromkeys([t[:m] for t in self._alpha if len(t) >= m])
            )
        return prefixes

    def _fuzzy_prefix_ids(self, w: str) -> list[tuple[int, int]]:
        """Terms whose start is within an edit budget of ``w`` (being typed)."""
        n = len(w)
        k = 1 if n <= 6 else 2
        out: dict[int, int] = {}
        for m in (n, n + 1):
            prefixes = self._prefix_list(m)
            for p, dist, _i in process.extract(
                w, prefixes, scorer=OSA.distance, score_cutoff=k, limit=None
            ):
                if not dist:
                    continue
                for tid in self._prefix_ids(p):
                    if out.get(tid, 9) > dist:
                        out[tid] = dist
        return list(out.items())

    # ------------------------------------------------------------ query side

    def _resolve(self, w: str, typing: bool, exact_only: bool, fuzzy: bool) -> _Term:
        key = ("t", w, typing, exact_only, fuzzy)
        return self._cached(key, lambda: self._resolve_uncached(w, typing, exact_only, fuzzy))

    def _resolve_uncached(self, w: str, typing: bool, exact_only: bool, fuzzy: bool) -> _Term:
        tiers: list[tuple[float, int, set[int]]] = []
        seen: set[int] = set()

        def tier(q: float, fz: int, ids: Iterable[int]) -> None:
            s = set(ids)
            s.difference_update(seen)
            if s:
                seen.update(s)
                tiers.append((q, fz, s))

        tid = self._term_id.get(w)
        if tid is not None:
            tier(Q_EXACT, 0, (tid,))
        if typing or not exact_only:
            tier(Q_PREFIX_TYPING if typing else Q_PREFIX, 0, self._prefix_ids(w))
        fuzzy_capable = False
        if not exact_only:
            if len(w) >= 3 and not w.isdigit():
                tier(Q_INFIX, 0, self._infix_ids(w))
            fuzzy_capable = _fuzzy_k(len(w)) > 0 and not w.isdigit()
            if fuzzy and fuzzy_capable:
                found = self._fuzzy_ids(w)
                for dist, q in enumerate(Q_FUZZY, 1):
                    tier(q, 1, (i for i, d in found if d == dist))
                if typing:
                    found = self._fuzzy_prefix_ids(w)
                    for dist, q in enumerate(Q_FUZZY_PREFIX, 1):
                        tier(q, 1, (i for i, d in found if d == dist))
        post = self._post
        est = 0
        for _q, _fz, ids in tiers:
            for i in ids:
                est += len(post[i])
        return _Term(w, tiers, est, fuzzy_capable)

    def _match_speakers(self, f: str) -> dict[int, float]:
        return self._cached(("s", f), lambda: self._match_speakers_uncached(f))

    def _match_speakers_uncached(self, f: str) -> dict[int, float]:
        keys = self._spk_keys
        combined: dict[int, float] | None = None
        for ft in f.split():
            best: dict[int, float] = {}

            def give(sids, score):
                for s in sids:
                    if best.get(s, 0.0) < score:
                        best[s] = score

            give(keys.get(ft, ()), 1.0)
            lo = bisect_left(self._spk_sorted, ft)
            hi = bisect_left(self._spk_sorted, ft + _TOP, lo)
            for key in self._spk_sorted[lo:hi]:
                give(keys[key], 0.9)
            if len(ft) >= 3:
                for key, score, _i in process.extract(
                    ft, self._spk_sorted, scorer=fuzz.ratio, score_cutoff=75, limit=None
                ):
                    give(keys[key], 0.8 * score / 100)
            if combined is None:
                combined = best
            else:
                combined = {s: min(v, best[s]) for s, v in combined.items() if s in best}
        if not combined:
            return {}
        if max(combined.values()) >= 0.9:  # real matches: drop the fuzzy ones
            combined = {s: v for s, v in combined.items() if v >= 0.9}
        return combined

    def _match_outlets(self, f: str) -> set[int]:
        return self._cached(("o", f), lambda: self._match_outlets_uncached(f))

    def _match_outlets_uncached(self, f: str) -> set[int]:
        labels = {lab for lab in self._outlet_of if lab}
        # "npr" in "npr via mpr news"; and "reuters" finds "reuter" (a wire's sign-off)
        good = {lab for lab in labels if f in lab or len(lab) >= 4 and lab in f}
        if not good and len(f) >= 3:
            good = {lab for lab in labels if fuzz.partial_ratio(f, lab) >= 80}
        return {a for a, lab in enumerate(self._outlet_of) if lab in good}

    def _outlet_docs(self, outlets: tuple[str, ...], arts: set[int]) -> int:
        """How many documents the articles ``arts`` (of ``outlets``) have."""
        key = ("od", outlets)
        return self._cached(key, lambda: sum(self._art_end[a] - self._art_first[a] for a in arts))

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """The best ``limit`` hits for ``query``, best first."""
        if limit <= 0:
            return []
        q = parse_query(query)
        if q.empty or not self._kind:
            return []
        self._prepare()
        ranked, terms_ = self._run(q, limit, fuzzy=False)
        if len(ranked) < limit and any(t.fuzzy_capable for t in terms_):
            ranked, terms_ = self._run(q, limit, fuzzy=True)
        return self._finish(q, ranked, terms_, limit)

    def _run(self, q: Query, limit: int, fuzzy: bool):
        words: list[_Term] = []
        for i, w in enumerate(q.words):
            typing = q.partial_word and i == len(q.words) - 1
            words.append(self._resolve(w, typing, False, fuzzy))
        phrase_terms: list[_Term] = []
        for j, phrase in enumerate(q.phrases):
            for i, w in enumerate(phrase):
                typing = q.partial_phrase and j == len(q.phrases) - 1 and i == len(phrase) - 1
                phrase_terms.append(self._resolve(w, typing, True, False))
        all_terms = words + phrase_terms
        if any(not t.tiers for t in all_terms):
            return [], words

        # filters
        spk_quality: dict[int, float] | None = None
        spk_docs: list[array] = []
        if q.speakers:
            for f in q.speakers:
                m = self._match_speakers(f)
                spk_quality = m if spk_quality is None else {
                    s: min(v, m[s]) for s, v in spk_quality.items() if s in m
                }
            if not spk_quality:
                return [], words
            spk_docs = [self._spk_docs[s] for s in spk_quality]
        arts: set[int] | None = None
        if q.outlets:
            for f in q.outlets:
                m = self._match_outlets(f)
                arts = m if arts is None else arts & m
            if not arts:
                return [], words

        # candidates: intersect the small constraints, check the large per doc
        constraints: list[tuple[int, str, object]] = [(t.est, "t", t) for t in all_terms]
        if spk_docs:
            constraints.append((sum(len(p) for p in spk_docs), "s", spk_docs))
        if arts is not None:
            constraints.append((self._outlet_docs(q.outlets, arts), "o", arts))
        constraints.sort(key=lambda c: c[0])
        post = self._post
        cand: set[int] | None = None
        # per query, not on the (cached, shared between threads) _Term objects
        docsets_of: dict[int, list[tuple[float, int, set[int]]]] = {}
        check_spk = spk_quality is not None
        check_art = arts is not None
        for est, kind, c in constraints:
            if est > MATERIALISE and cand is not None:
                continue  # checked per candidate
            cap = CAP if est > MATERIALISE else None
            if kind == "t":
                docsets = []
                union: set[int] = set()
                for qual, fz, ids in c.tiers:
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
                docsets_of[id(c)] = docsets
                s = union
            elif kind == "s":
                s = set()
                for p in c:
                    s.update(p)
                    if cap and len(s) >= cap:
                        break
                check_spk = False
            else:
                s = set()
                for a in c:
                    s.update(range(self._art_first[a], self._art_end[a]))
                    if cap and len(s) >= cap:
                        break
                check_art = False
            cand = s if cand is None else (cand & s)
            if not cand:
                return [], words
        assert cand is not None
        if len(cand) > CAP:
            cand = set(islice(cand, CAP))

        # score: per-term qualities as dicts built by C-level set operations
        spks, arts_of = self._spk, self._art
        if check_spk:
            cand = {d for d in cand if spks[d] in spk_quality}
        if check_art:
            cand = {d for d in cand if arts_of[d] in arts}
        base = self._base
        total = {d: base[d] for d in cand}
        fwd, off, extra = self._fwd, self._fwd_off, self._fwd_extra
        for t in all_terms:
            docsets = docsets_of.get(id(t))
            part: dict[int, float] = {}
            if docsets is not None:
                if len(docsets) == 1:
                    qual, fz, _s = docsets[0]
                    part = dict.fromkeys(total, qual - FUZZY_PENALTY * fz)
                else:
                    for qual, fz, s in reversed(docsets):  # best tier last, wins
                        part.update(dict.fromkeys(s.intersection(total), qual - FUZZY_PENALTY * fz))
            else:  # a large term: look at each candidate's terms
                tiers = [(qual - FUZZY_PENALTY * fz, ids) for qual, fz, ids in t.tiers]
                for d in total:
                    toks = extra.get(d)
                    if toks is None:
                        toks = fwd[off[d] : off[d + 1]]
                    for qa, ids in tiers:
                        if not ids.isdisjoint(toks):
                            part[d] = qa
                            break
            total = {d: v + part[d] for d, v in total.items() if d in part}
        if spk_quality is not None:
            total = {d: v + 0.5 * spk_quality.get(spks[d], 0.0) for d, v in total.items()}
        n = 2 * limit + RERANK  # room for duplicates and adjacency reranking
        if q.phrases:
            n = max(n, 4 * limit)  # some will fail the phrase check
        top = heapq.nlargest(n, zip(total.values(), map(int.__neg__, total)))
        return [(v, -d) for v, d in top], words

    def _finish(self, q: Query, ranked: list[tuple[float, int]], words: list[_Term], limit: int) -> list[Hit]:
        terms_ = self._terms
        word_sets = []
        for t in words:
            if t.allterms is None:
                t.allterms = {terms_[i] for i in t.allids}
            word_sets.append(t.allterms)
        lit: set[str] = set().union(*word_sets)
        phrases: list[tuple[tuple[str, ...], bool]] = []
        for j, phrase in enumerate(q.phrases):
            phrases.append((phrase, q.partial_phrase and j == len(q.phrases) - 1))
            lit.update(phrase)
        typed_last = q.phrases[-1][-1] if q.partial_phrase else None

        want = limit + RERANK if len(words) > 1 else limit
        out: list[tuple[float, int, tuple[tuple[int, int], ...]]] = []
        seen: set[tuple[int, str, int]] = set()
        for score, d in ranked:
            if len(out) >= want:
                break
            text = self._text[d]
            key = (self._kind[d], text, self._spk[d])
            if key in seen:  # the same words by the same speaker in another article
                continue
            seen.add(key)
            toks = terms(text)
            if phrases and not _has_phrases(toks, phrases):
                continue
            if len(words) > 1:
                flags = [[t in ws for t in toks] for ws in word_sets]
                for a, b in zip(flags, flags[1:]):
                    if any(x and y for x, y in zip(a, b[1:])):
                        score += ADJACENT_BONUS
            hit_words = lit.intersection(toks)
            if typed_last is not None:
                hit_words.update(t for t in toks if t.startswith(typed_last))
            out.append((score, d, _marks(text, hit_words)))
        out.sort(key=lambda x: (-x[0], x[1]))
        hits = []
        for score, d, marks in out[:limit]:
            a = self._articles[self._art[d]]
            sid = self._spk[d]
            hits.append(
                Hit(
                    kind=KIND_NAMES[self._kind[d]],
                    article_id=a.id,
                    path=a.path,
                    text=self._text[d],
                    speaker=self._spk_names[sid] if sid >= 0 else None,
                    start=self._start[d],
                    end=self._end[d],
                    score=round(score, 4),
                    matches=marks,
                )
            )
        return hits


def _has_phrases(toks: list[str], phrases: list[tuple[tuple[str, ...], bool]]) -> bool:
    """Does every phrase occur in ``toks`` (the last word of a partial one as a prefix)?"""
    for phrase, partial in phrases:
        n = len(phrase)
        head, last = list(phrase[:-1]), phrase[-1]
        for i in range(len(toks) - n + 1):
            if toks[i : i + n - 1] == head and (
                toks[i + n - 1].startswith(last) if partial else toks[i + n - 1] == last
            ):
                break
        else:
            return False
    return True


def _marks(text: str, hit_words: set[str]) -> tuple[tuple[int, int], ...]:
    """Spans of ``text`` whose words normalise to one of ``hit_words``."""
    if not hit_words:
        return ()
    spans: list[tuple[int, int]] = []
    if text.isascii():
        low = text.lower()
        n = len(low)
        for w in hit_words:
            i = low.find(w)
            while i >= 0:
                e = i + len(w)
                if (i == 0 or not low[i - 1].isalnum()) and (e == n or not low[e].isalnum()):
                    spans.append((i, e))
                i = low.find(w, e)
        spans.sort()
        return tuple(spans)
    for t, a, e in term_spans(text):
        if t in hit_words:
            if spans and spans[-1][1] >= a:  # parts of one word
                spans[-1] = (spans[-1][0], max(spans[-1][1], e))
            else:
                spans.append((a, e))
    return tuple(spans)
