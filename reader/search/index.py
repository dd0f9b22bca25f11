"""The search index: documents, their terms, speakers and outlets.

:class:`SearchIndex` stores what :meth:`SearchIndex.add` is given and
answers :meth:`SearchIndex.search` by running the steps of
:mod:`reader.search.ranking` over a :class:`~reader.search.vocabulary.Vocabulary`
snapshot (see :mod:`reader.search` for the design).
"""

from __future__ import annotations

import threading
from array import array
from bisect import bisect_left
from collections.abc import Iterable
from typing import NamedTuple

from rapidfuzz import fuzz, process

from reader.gcpause import collector_paused
from reader.model import Article, Attribution, Speaker
from reader.query import Query, parse_query, terms
from reader.search import ranking
from reader.search.hits import KIND_ARTICLE, KIND_BONUS, KIND_NAMES, KIND_QUOTE, KIND_SPEAKER, KIND_TEXT, Hit
from reader.search.vocabulary import TOP, Term, Vocabulary

__all__ = ["SearchIndex"]


class _Vocab(dict):
    """term -> id; looking up an unknown term interns it."""

    __slots__ = ("terms", "post")

    def __init__(self, terms_: list[str], post: list[array | list[int]]) -> None:
        super().__init__()
        self.terms = terms_
        self.post = post

    def __missing__(self, t: str) -> int:
        tid = self[t] = len(self.terms)
        self.terms.append(t)
        self.post.append([])  # an array("I") from the next _rebuild on
        return tid



class _Ready(NamedTuple):
    """What searching needs beyond the stored documents, rebuilt after additions."""

    vocab: Vocabulary
    speaker_keys: list[str]  # every name/alias term of a speaker, sorted


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
        self._text: ranking.Texts = []
        self._fwd = array("I")
        self._fwd_off = array("I", [0])
        self._fwd_extra: dict[int, set[int]] = {}  # speaker documents grow
        # vocabulary
        self._terms: list[str] = []
        self._post: list[array | list[int]] = []  # a term's documents: a list until packed
        self._term_id: dict[str, int] = _Vocab(self._terms, self._post)
        self._packed = 0  # posting lists before this are arrays, after it lists
        # speakers
        self._spk_id: dict[str, int] = {}
        self._spk_names: list[str] = []
        self._spk_doc: list[int] | array = []  # an array in a loaded index (reader.search.stored)
        self._spk_terms: list[tuple[str, ...]] = []
        self._spk_docs: list[array] = []  # documents of each speaker
        self._spk_keys: dict[str, set[int]] = {}  # name/alias term -> speakers
        self._spk_aliases: list[set[str]] = []
        # derived: None after additions, rebuilt by the next _prepare
        self._ready: _Ready | None = None
        self._cache: dict[tuple, object] = {}  # query word / filter -> its resolution, for this _ready
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ build

    @classmethod
    def build(cls, items: Iterable[tuple[Article, Attribution]]) -> SearchIndex:
        index = cls()
        # The index allocates no reference cycles; the garbage collector would
        # only walk the caller's (large) article graph over and over.
        with collector_paused():
            for article, attribution in items:
                index.add(article, attribution)
            index._prepare(eager=True)
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
                known = resolved.get(q.speaker)
                if known is None:  # a speaker the attribution did not list
                    known = resolved[q.speaker] = self._speaker(q.speaker, a, None)
                sid = known
                toks.extend(self._spk_terms[sid])
            d = self._add_doc(KIND_QUOTE, a, q.start, q.end, sid, q.text, toks, n)
            if sid >= 0:
                self._spk_docs[sid].append(d)
        self._art_end.append(len(self._kind))
        self._ready = None

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
        self._ready = None
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

    # --------------------------------------------------------------- derived

    def _prepare(self, eager: bool = False) -> _Ready:
        """The sorted vocabulary and friends, rebuilt if :meth:`add` ran since.

        ``eager`` also builds what is otherwise built on first use (the
        infix blob, the prefix lists for fuzzy prefixes), so that the first
        keystrokes after a bulk build don't pay for it.
        """
        ready = self._ready
        if ready is None:
            with self._lock:
                if self._ready is None:
                    self._rebuild(eager)
                ready = self._ready
        assert ready is not None
        return ready

    def _rebuild(self, eager: bool) -> None:
        post = self._post
        for i in range(self._packed, len(post)):
            post[i] = array("I", post[i])
        self._packed = len(post)
        vocab = Vocabulary(self._terms, self._term_id, post)
        if eager:
            vocab.build_all()
        self._cache = {}
        self._ready = _Ready(vocab, sorted(self._spk_keys))

    def _cached(self, key, compute):
        cache = self._cache
        value = cache.get(key)
        if value is None:
            value = compute()
            if len(cache) > 4096:
                cache.clear()
            cache[key] = value
        return value

    # ------------------------------------------------------------ query side

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """The best ``limit`` hits for ``query``, best first."""
        if limit <= 0:
            return []
        q = parse_query(query)
        if q.empty or not self._kind:
            return []
        ready = self._prepare()
        ranked, words = self._run(q, limit, False, ready)
        if len(ranked) < limit and any(t.fuzzy_capable for t in words):
            ranked, words = self._run(q, limit, True, ready)
        docs = self._docs()
        return [self._hit(*found) for found in ranking.rerank(q, ranked, words, limit, docs, self._terms)]

    def _run(self, q: Query, limit: int, fuzzy: bool, ready: _Ready) -> tuple[list[tuple[float, int]], list[Term]]:
        """``(score, document)`` of the best candidates, and the query words resolved."""
        words, phrase_words = self._query_terms(q, fuzzy, ready.vocab)
        all_terms = words + phrase_words
        if any(not t.tiers for t in all_terms):
            return [], words
        spk_quality = self._speaker_filter(q.speakers, ready.speaker_keys)
        if spk_quality is not None and not spk_quality:
            return [], words
        arts = self._outlet_filter(q.outlets)
        if arts is not None and not arts:
            return [], words
        spk_docs = [self._spk_docs[s] for s in spk_quality] if spk_quality else []
        outlet_docs = self._outlet_docs(q.outlets, arts) if arts is not None else 0
        docs = self._docs()
        cand = ranking.candidates(ranking.constraints(all_terms, spk_docs, arts, outlet_docs), docs)
        if cand is None:
            return [], words
        total = ranking.score(cand, all_terms, docs, spk_quality, arts)
        return ranking.top(total, limit, bool(q.phrases)), words

    def _query_terms(self, q: Query, fuzzy: bool, vocab: Vocabulary) -> tuple[list[Term], list[Term]]:
        """The query's words and its phrases' words, resolved (the last typed one as being typed)."""
        words: list[Term] = []
        for i, w in enumerate(q.words):
            typing = q.partial_word and i == len(q.words) - 1
            words.append(self._resolve(vocab, w, typing, False, fuzzy))
        phrase_words: list[Term] = []
        for j, phrase in enumerate(q.phrases):
            for i, w in enumerate(phrase):
                typing = q.partial_phrase and j == len(q.phrases) - 1 and i == len(phrase) - 1
                phrase_words.append(self._resolve(vocab, w, typing, True, False))
        return words, phrase_words

    def _resolve(self, vocab: Vocabulary, w: str, typing: bool, exact_only: bool, fuzzy: bool) -> Term:
        key = ("t", w, typing, exact_only, fuzzy)
        return self._cached(key, lambda: vocab.resolve(w, typing, exact_only, fuzzy))

    def _speaker_filter(self, names: tuple[str, ...], speaker_keys: list[str]) -> dict[int, float] | None:
        """Speaker -> match quality for ``@name`` filters (all of them), None without any."""
        spk_quality: dict[int, float] | None = None
        for f in names:
            m = self._match_speakers(f, speaker_keys)
            spk_quality = m if spk_quality is None else {s: min(v, m[s]) for s, v in spk_quality.items() if s in m}
        return spk_quality

    def _outlet_filter(self, outlets: tuple[str, ...]) -> set[int] | None:
        """The articles of every ``outlet:`` filter, None without any."""
        arts: set[int] | None = None
        for f in outlets:
            m = self._match_outlets(f)
            arts = m if arts is None else arts & m
        return arts

    def _match_speakers(self, f: str, speaker_keys: list[str]) -> dict[int, float]:
        return self._cached(("s", f), lambda: self._match_speakers_uncached(f, speaker_keys))

    def _match_speakers_uncached(self, f: str, speaker_keys: list[str]) -> dict[int, float]:
        keys = self._spk_keys
        combined: dict[int, float] | None = None
        for ft in f.split():
            best: dict[int, float] = {}

            def give(sids, score, best=best):
                for s in sids:
                    if best.get(s, 0.0) < score:
                        best[s] = score

            give(keys.get(ft, ()), 1.0)
            lo = bisect_left(speaker_keys, ft)
            hi = bisect_left(speaker_keys, ft + TOP, lo)
            for key in speaker_keys[lo:hi]:
                give(keys[key], 0.9)
            if len(ft) >= 3:
                for key, score, _i in process.extract(
                    ft, speaker_keys, scorer=fuzz.ratio, score_cutoff=75, limit=None
                ):
                    give(keys[key], 0.8 * score / 100)
            combined = best if combined is None else {s: min(v, best[s]) for s, v in combined.items() if s in best}
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


    def _docs(self) -> ranking.Docs:
        return ranking.Docs(
            self._kind, self._art, self._spk, self._base, self._text, self._fwd, self._fwd_off,
            self._fwd_extra, self._post, self._art_first, self._art_end,
        )

    def _hit(self, score: float, d: int, marks: tuple[tuple[int, int], ...]) -> Hit:
        a = self._articles[self._art[d]]
        sid = self._spk[d]
        return Hit(
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
