"""Shared quotes: the quotations that two or more articles of a story carry.

Public API::

    find_shared_quotes(members, order, speaker_of) -> tuple[SharedQuote, ...]

Inside each story of two or more articles, quotations of at least :data:`MIN_QUOTE_WORDS` words are
compared across articles on normalised text (casefolded, accents and punctuation removed) with
rapidfuzz: ``ratio`` (light rewording: ``We have`` / ``We've``) or, when the shorter quote is at
least 25 characters, ``partial_ratio`` (one outlet quoting part of a longer quote); a score of
:data:`QUOTE_SIMILARITY` or more is the same quotation. Matches are joined transitively and a group
spread over two or more articles is a :class:`SharedQuote`, its occurrences ordered by first report
(article date when parseable, else corpus order).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from reader.model import Article, Attribution, Quote
from reader.query import terms
from reader.unionfind import UnionFind

__all__ = ["SharedQuote", "SpeakerNamer", "find_shared_quotes"]

MIN_QUOTE_WORDS = 5
QUOTE_SIMILARITY = 85.0
QUOTE_KINDS = ("direct", "partial")  # reported speech is a paraphrase, not a quotation
PARTIAL_MIN_CHARS = 25

SpeakerNamer = Callable[[Article, str], str]  # (article, its speaker's name) -> the name to show


@dataclass(frozen=True, slots=True)
class SharedQuote:
    """One quotation reported by two or more articles of a story."""

    speaker: str | None
    occurrences: tuple[tuple[Article, Quote], ...]  # first report first

    @property
    def first(self) -> tuple[Article, Quote]:
        return self.occurrences[0]

    @property
    def articles(self) -> tuple[Article, ...]:
        out: list[Article] = []
        for article, _quote in self.occurrences:
            if article not in out:
                out.append(article)
        return tuple(out)

    @property
    def also_quoted_by(self) -> tuple[str, ...]:
        """Outlet labels (or paths) of the articles after the first report."""
        first = self.occurrences[0][0]
        out: list[str] = []
        for article in self.articles:
            if article is first:
                continue
            label = article.outlet_label or article.path
            if label not in out:
                out.append(label)
        return tuple(out)


def _quote_key(text: str) -> str:
    return " ".join(terms(text))


def find_shared_quotes(
    members: list[tuple[Article, Attribution]], order: list[tuple], speaker_of: SpeakerNamer
) -> tuple[SharedQuote, ...]:
    """The quotations of a story's articles that two or more of them carry,
    first report first (``order`` ranks the members: earlier reports first)."""
    quotes = _quotable(members)
    if len({m for m, _, _ in quotes}) < 2:
        return ()
    uf = _match_quotes(quotes)
    shared: list[tuple[tuple, SharedQuote]] = []
    for xs in uf.groups():
        if len({quotes[x][0] for x in xs}) < 2:
            continue
        xs.sort(key=lambda x: (order[quotes[x][0]], quotes[x][1].start))
        speakers = Counter(
            speaker_of(members[quotes[x][0]][0], name) for x in xs if (name := quotes[x][1].speaker)
        )
        speaker = max(speakers, key=lambda s: (speakers[s], len(s))) if speakers else None
        occurrences = tuple((members[quotes[x][0]][0], quotes[x][1]) for x in xs)
        shared.append(((order[quotes[xs[0]][0]], quotes[xs[0]][1].start), SharedQuote(speaker, occurrences)))
    shared.sort(key=lambda kv: kv[0])
    return tuple(sq for _, sq in shared)


def _quotable(members: list[tuple[Article, Attribution]]) -> list[tuple[int, Quote, str]]:
    """``(member no., quote, normalised text)`` of the quotations long enough
    to compare: direct or partial, :data:`MIN_QUOTE_WORDS` words or more."""
    quotes: list[tuple[int, Quote, str]] = []
    for m, (_article, attribution) in enumerate(members):
        for q in attribution.quotes:
            if q.kind not in QUOTE_KINDS:
                continue
            key = _quote_key(q.text)
            if key.count(" ") + 1 >= MIN_QUOTE_WORDS:
                quotes.append((m, q, key))
    return quotes


RARE_WORDS = 3  # a quotation is compared with those sharing one of its rarest words ...
MAX_CANDIDATES = 100  # ... at most this many (look-alike quotations by the thousand: bounded, not quadratic)


def _candidates(x: int, mx: int, words: set[str], holders: dict[str, list[int]],
                quotes: list[tuple[int, Quote, str]], uf: UnionFind) -> list[int]:
    """The quotes of other articles to compare quote ``x`` (of member ``mx``) with: those
    holding one of its rarest words (either may be the one cut short), not joined to it
    already, the first :data:`MAX_CANDIDATES` of them in corpus order (of a word's first
    ``4 * MAX_CANDIDATES`` holders: a word in thousands of quotes is no rare word)."""
    found: set[int] = set()
    root = uf.find(x)
    for w in sorted(words, key=lambda w: (len(holders[w]), w))[:RARE_WORDS]:
        for y in holders[w][: 4 * MAX_CANDIDATES]:  # a word in thousands of quotes: a bounded look
            if y != x and quotes[y][0] != mx and uf.find(y) != root:
                found.add(y)
                if len(found) >= MAX_CANDIDATES:
                    return sorted(found)
    return sorted(found)


def _match_quotes(quotes: list[tuple[int, Quote, str]]) -> UnionFind:
    """Join quotes of different articles that are the same words, lightly reworded.

    Compared in C by rapidfuzz: ``ratio`` for light rewording (``we have``
    / ``we ve``); for a quote of :data:`PARTIAL_MIN_CHARS` characters or more
    ``partial_ratio``, which also finds it inside a longer quote (a match
    with a shorter quote is checked with ``ratio``).  Only quotes of other
    articles that share one of a quote's :data:`RARE_WORDS` rarest words are
    compared (the same words, lightly reworded or cut, keep their rare ones),
    at most :data:`MAX_CANDIDATES`: linear in the quotes of a story, not quadratic.
    """
    uf = UnionFind(len(quotes))
    keys = [k for _, _, k in quotes]
    words = [set(k.split()) for k in keys]
    holders: dict[str, list[int]] = {}
    for x, ws in enumerate(words):
        for w in ws:
            holders.setdefault(w, []).append(x)
    for x in range(len(quotes)):
        mx, kx = quotes[x][0], keys[x]
        candidates = _candidates(x, mx, words[x], holders, quotes, uf)
        if not candidates:
            continue
        scorer = fuzz.partial_ratio if len(kx) >= PARTIAL_MIN_CHARS else fuzz.ratio
        for _choice, _score, i in process.extract(
            kx, [keys[y] for y in candidates], scorer=scorer, score_cutoff=QUOTE_SIMILARITY, limit=None
        ):
            y = candidates[i]
            short = scorer is fuzz.partial_ratio and len(keys[y]) < PARTIAL_MIN_CHARS
            if short and not fuzz.ratio(kx, keys[y], score_cutoff=QUOTE_SIMILARITY):
                continue
            uf.union(x, y)
    return uf
