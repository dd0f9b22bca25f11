"""Stories: articles about the same event, and the quotations they share.

Public API::

    group_stories(items, *, directory=None) -> list[Story]

Pure Python (rapidfuzz for quote matching), no UI imports.

**Grouping.**  Each article becomes a sparse TF-IDF vector of salient
features: title words (weight 2), words of the lead (the first
:data:`LEAD_CHARS` characters of the body; presence, not counts),
multi-word capitalised names in the title and lead (``Wang Yi``, ``Munich
Security Conference``, ``Standard Oil Co``; weight 1.5) and the article's
named speakers (persons and organisations, canonical corpus-wide names when a
directory is given; weight 2).  Function words are dropped and every feature
is weighted by its inverse document frequency, counted against the corpus
plus :data:`BACKGROUND` imaginary unrelated articles (so that in a corpus of
two articles what they share still counts).

Never all pairs: features found in more than :data:`MAX_DF` articles
(``said``, ``percent``, ``Reuters``) propose no pairs.  Each article looks up
its :data:`SALIENT` highest-weighted rare features in an inverted index of
everyone's rare features, which gives a partial dot product per candidate
pair; pairs with a promising partial score get the full cosine (the common
features included), scaled by date proximity when both articles have a
date (a week apart: kept; two weeks: 0.75; a month: 0.5; more: 0).  A date is
the article's own, else the wire dateline that opens its body ("SALVADOR,
Feb 26 - "), which has no year and is compared by day of the year.  One
outlet's headline repeated word for word on another day is a recurring
report (a daily market report), never a link.
Pairs at or above :data:`THRESHOLD` are links.  Links are joined strongest
first with union-find, but two groups of articles join only when at least
:data:`DENSITY` of the article pairs between them are links, so one loose
link cannot chain unrelated articles into one huge story.  A story's title is
the title of its best-connected article.

**Shared quotes.**  Inside each story of two or more articles, quotations of
at least :data:`MIN_QUOTE_WORDS` words are compared across articles on
normalised text (casefolded, accents and punctuation removed) with
rapidfuzz: ``ratio`` (light rewording: ``We have`` / ``We've``) or, when the
shorter quote is at least 25 characters, ``partial_ratio`` (one outlet
quoting part of a longer quote); a score of :data:`QUOTE_SIMILARITY` or more
is the same quotation.  Matches are joined transitively and a group spread
over two or more articles is a :class:`SharedQuote`, its occurrences ordered
by first report (article date when parseable, else corpus order).
"""

from __future__ import annotations

import math
import re
from heapq import nlargest
from operator import mul
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, process

from reader.dates import day_of_year, when
from reader.model import Article, Attribution, Quote
from reader.query import normalize, terms

__all__ = ["SharedQuote", "Story", "group_stories"]

THRESHOLD = 0.20  # cosine similarity (after the date factor) that links two articles
MAX_DF = 25  # features in more articles than this propose no candidate pairs
SALIENT = 6  # an article proposes candidates through its most salient rare features only
DENSITY = 0.5  # two stories join when this share of their article pairs are linked
BACKGROUND = 20  # imaginary unrelated articles added to the document count for IDF
LEAD_CHARS = 400  # body characters read for word and name features
MIN_QUOTE_WORDS = 5
QUOTE_SIMILARITY = 85.0
QUOTE_KINDS = ("direct", "partial")  # reported speech is a paraphrase, not a quotation
PARTIAL_MIN_CHARS = 25

W_TITLE = 2.0
W_LEAD = 1.0
W_NAME = 1.5
W_SPEAKER = 2.0

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most my
    myself no nor not now of off on once only or other our ours ourselves out over own same she should so
    some such than that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves said says say told tell according new one two three four five six seven
    eight nine ten first last year years week weeks day days time mr mrs ms dr per cent percent pct
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow may might must
    shall us s t re ve ll d m don didn doesn isn wasn weren won wouldn can't cannot get got make made
    """.split()
)

# Capitalised runs: "Wang Yi", "Standard Oil Co", "Bank of England", "Munich".
_NAME_RE = re.compile(r"[A-Z][\w'’\-]*(?:[ \t]+(?:(?:of|de|al|von|van|the)[ \t]+)?[A-Z][\w'’\-]*)+")
_LEADING = STOPWORDS | frozenset("but and in on at as by for after before while when if".split())


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


@dataclass(frozen=True, slots=True)
class Story:
    """Articles about one event (a story of one is fine), first report first."""

    title: str
    articles: tuple[Article, ...]
    shared_quotes: tuple[SharedQuote, ...] = ()
    attributions: tuple[Attribution, ...] = ()  # parallel to ``articles``

    def __len__(self) -> int:
        return len(self.articles)

    def quoted(self) -> list[tuple[Article, tuple[str, ...]]]:
        """For each article: who it quotes, most quoted first (the side-by-side view)."""
        out = []
        for i, article in enumerate(self.articles):
            attribution = self.attributions[i] if i < len(self.attributions) else Attribution()
            counts = Counter(q.speaker for q in attribution.quotes if q.speaker)
            out.append((article, tuple(name for name, _ in counts.most_common())))
        return out


# --------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------


def _headline(article: Article) -> tuple[str, str]:
    """Outlet and headline: the same on two days is a recurring report (a daily market report)."""
    return article.outlet_label, normalize(article.title).strip()


def _when(article: Article) -> tuple[date | None, int | None]:
    """The article's date, and its day of the year (from the date or a dateline)."""
    full, day = when(article)
    return full, (day_of_year(*day) if day is not None else None)


def _gap(a: tuple[date | None, int | None], b: tuple[date | None, int | None]) -> int | None:
    """Days between two articles; year-less datelines count the shorter way round."""
    if a[0] is not None and b[0] is not None:
        return abs((a[0] - b[0]).days)
    if a[1] is None or b[1] is None:
        return None
    d = abs(a[1] - b[1])
    return min(d, 366 - d)


def _date_factor(gap: int | None) -> float:
    if gap is None:
        return 1.0
    if gap <= 7:
        return 1.0
    if gap <= 14:
        return 0.75
    if gap <= 31:
        return 0.5
    return 0.0


# --------------------------------------------------------------------------
# Features
# --------------------------------------------------------------------------


def _lead(article: Article) -> str:
    parts: list[str] = []
    size = 0
    for span in article.paragraphs:
        parts.append(span.text)
        size += len(span.text)
        if size >= LEAD_CHARS:
            break
    text = "\n".join(parts)
    return text[:LEAD_CHARS]


def _names(text: str) -> list[str]:
    """Multi-word capitalised names (``Wang Yi``, ``Munich Security Conference``)."""
    out = []
    for name in _NAME_RE.findall(text):
        words = terms(name)
        while words and words[0] in _LEADING:
            words = words[1:]
        if len(words) >= 2:
            out.append(" ".join(words))
    return out


def _features(article: Article, speaker_names: Iterable[str]) -> dict[str, float]:
    """Feature -> raw weight.  Words are keys as they are, names contain a
    space, speakers start with ``@``; presence counts, repetition does not."""
    stop = STOPWORDS
    lead = _lead(article)
    feats = dict.fromkeys([t for t in terms(lead) if t not in stop and len(t) > 1], W_LEAD)
    for t in terms(article.title):
        if t not in stop and not t.isdigit():
            feats[t] = feats.get(t, 0.0) + W_TITLE
    title = "" if article.title.isupper() else article.title
    feats.update(dict.fromkeys(_names(title + "\n" + lead), W_NAME))
    for name in speaker_names:
        feats["@" + name] = W_SPEAKER
    return feats


# --------------------------------------------------------------------------
# Grouping
# --------------------------------------------------------------------------


def group_stories(items: Iterable[tuple[Article, Attribution]], *, directory=None) -> list[Story]:
    """Group articles into stories (see the module docstring).

    ``directory`` (a :class:`reader.directory.Directory` built from the same
    items) makes speakers named differently in two articles (``Biden`` /
    ``Joe Biden``) one feature and gives shared quotes corpus-wide speaker
    names; without it each article's own canonical names are used.

    Stories are returned largest first, then in order of their first article.
    """
    from reader.directory import no_gc

    with no_gc():
        return _group(list(items), directory)


def _group(items: list[tuple[Article, Attribution]], directory) -> list[Story]:
    n = len(items)
    if n == 0:
        return []

    def speaker_of(article: Article, name: str) -> str:
        if directory is not None:
            entry = directory.entry_for(article, name)
            if entry is not None:
                return entry.name
        return name

    # 1. Feature vectors, weighted by IDF against the corpus plus a small
    #    imaginary background (so that in a corpus of two articles what they
    #    share still counts).
    raw: list[dict[str, float]] = []
    df: Counter[str] = Counter()
    for article, attribution in items:
        names = [
            " ".join(terms(speaker_of(article, s.name)))
            for s in attribution.speakers
            if s.kind != "anonymous" and s.quotes and s.name[:1].isupper()
        ]
        feats = _features(article, names)
        raw.append(feats)
        df.update(feats.keys())
    log_n = math.log(n + BACKGROUND)
    idf = {f: log_n - math.log(d + 0.5) for f, d in df.items()}
    vectors: list[dict[str, float]] = []
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    salient: list[Iterable[str]] = []
    shared_feats = {f for f, d in df.items() if d > 1}
    rare_feats = {f for f in shared_feats if df[f] <= MAX_DF}
    get_idf = idf.__getitem__
    for i, feats in enumerate(raw):
        # Features of one article only never meet another: they count in the
        # norm but are not stored.  (map/zip keep the per-feature work in C.)
        keys = list(feats)
        values = list(map(mul, feats.values(), map(get_idf, keys)))
        norm = 1.0 / (math.sqrt(sum(map(mul, values, values))) or 1.0)
        full = dict(zip(keys, values))
        vec = {f: full[f] * norm for f in feats.keys() & shared_feats}
        vectors.append(vec)
        # 2. Candidates: the article's most salient rare features only.
        rare = vec.keys() & rare_feats
        for f in rare:
            postings[f].append((i, vec[f]))
        salient.append(nlargest(SALIENT, rare, key=vec.__getitem__) if len(rare) > SALIENT else rare)
    # Each article looks up its most salient rare features in everyone's
    # rare features: a partial dot product, from either side of a pair.
    partial: dict[int, float] = defaultdict(float)
    for i, feats in enumerate(salient):
        vi = vectors[i]
        base = i * n
        for f in feats:
            wi = vi[f]
            for j, wj in postings[f]:
                partial[base + j] += wi * wj

    # 3. Full cosine (common features too) for promising pairs; date factor.
    whens = [_when(a) for a, _ in items]
    headlines = [_headline(a) for a, _ in items]
    floor = THRESHOLD * 0.4
    edges: list[tuple[float, int, int]] = []
    for key, part in partial.items():
        if part < floor:
            continue
        i, j = divmod(key, n)
        if i >= j:
            if i == j or j * n + i in partial and partial[j * n + i] >= floor:
                continue  # itself, or seen from the other side
        vi, vj = vectors[i], vectors[j]
        if len(vj) < len(vi):
            vi, vj = vj, vi
        sim = sum([v * vj[f] for f, v in vi.items() if f in vj])
        gap = _gap(whens[i], whens[j])
        if gap is not None:
            if gap and headlines[i] == headlines[j]:
                continue  # the same headline on another day: a recurring report, not one event
            sim *= _date_factor(gap)
        if sim >= THRESHOLD:
            edges.append((sim, i, j))

    # 4. Union-find, strongest links first; two stories join only when enough
    #    of their articles are linked to each other (no chaining).
    edges.sort(reverse=True)
    neighbours: dict[int, set[int]] = defaultdict(set)
    for _sim, i, j in edges:
        neighbours[i].add(j)
        neighbours[j].add(i)
    parent = list(range(n))
    members: dict[int, list[int]] = {}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    strength = [0.0] * n  # sum of link similarities inside the story, for its title
    for sim, i, j in edges:
        ri, rj = find(i), find(j)
        if ri == rj:
            strength[i] += sim
            strength[j] += sim
            continue
        mi = members.get(ri, [ri])
        mj = members.get(rj, [rj])
        if len(mi) > 1 or len(mj) > 1:
            small, other = (mi, rj) if len(mi) <= len(mj) else (mj, ri)
            cross = sum(1 for x in small for y in neighbours[x] if find(y) == other)
            if cross < DENSITY * len(mi) * len(mj):
                continue
        strength[i] += sim
        strength[j] += sim
        root, gone = min(ri, rj), max(ri, rj)
        parent[gone] = root
        members[root] = mi + mj
        members.pop(gone, None)

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)

    def order_key(i: int) -> tuple:
        d = whens[i][0]
        return (d is None, d or date.min, i)

    ranked: list[tuple[tuple, Story]] = []
    for group in groups.values():
        group.sort(key=order_key)
        if len(group) == 1:
            article, attribution = items[group[0]]
            ranked.append(((-1, group[0]), Story(article.title, (article,), (), (attribution,))))
            continue
        central = max(group, key=lambda i: (strength[i], -i))
        shared = _shared_quotes([items[i] for i in group], [order_key(i) for i in group], speaker_of)
        story = Story(
            title=items[central][0].title,
            articles=tuple(items[i][0] for i in group),
            shared_quotes=shared,
            attributions=tuple(items[i][1] for i in group),
        )
        ranked.append(((-len(group), min(group)), story))
    ranked.sort(key=lambda kv: kv[0])
    return [story for _, story in ranked]


# --------------------------------------------------------------------------
# Shared quotes
# --------------------------------------------------------------------------


def _quote_key(text: str) -> str:
    return " ".join(terms(text))


def _shared_quotes(members: list[tuple[Article, Attribution]], order: list[tuple], speaker_of) -> tuple[SharedQuote, ...]:
    quotes: list[tuple[int, Quote, str]] = []  # (member no., quote, normalised text)
    for m, (_article, attribution) in enumerate(members):
        for q in attribution.quotes:
            if q.kind not in QUOTE_KINDS:
                continue
            key = _quote_key(q.text)
            if key.count(" ") + 1 >= MIN_QUOTE_WORDS:
                quotes.append((m, q, key))
    if len({m for m, _, _ in quotes}) < 2:
        return ()
    parent = list(range(len(quotes)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(x: int, y: int) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    keys = [k for _, _, k in quotes]
    # Compared in C by rapidfuzz: ``ratio`` for light rewording; for a quote of
    # 25 characters or more ``partial_ratio``, which also finds it inside a
    # longer quote (a match with a shorter quote is checked with ``ratio``).
    for x in range(len(quotes) - 1):
        mx, kx = quotes[x][0], keys[x]
        scorer = fuzz.partial_ratio if len(kx) >= PARTIAL_MIN_CHARS else fuzz.ratio
        for _choice, _score, y in process.extract(
            kx, keys[x + 1 :], scorer=scorer, score_cutoff=QUOTE_SIMILARITY, limit=None
        ):
            y += x + 1
            if quotes[y][0] == mx:
                continue
            if scorer is fuzz.partial_ratio and len(keys[y]) < PARTIAL_MIN_CHARS:
                if not fuzz.ratio(kx, keys[y], score_cutoff=QUOTE_SIMILARITY):
                    continue
            join(x, y)

    groups: dict[int, list[int]] = defaultdict(list)
    for x in range(len(quotes)):
        groups[find(x)].append(x)
    shared: list[tuple[tuple, SharedQuote]] = []
    for xs in groups.values():
        if len({quotes[x][0] for x in xs}) < 2:
            continue
        xs.sort(key=lambda x: (order[quotes[x][0]], quotes[x][1].start))
        speakers = Counter(
            speaker_of(members[quotes[x][0]][0], quotes[x][1].speaker) for x in xs if quotes[x][1].speaker
        )
        speaker = max(speakers, key=lambda s: (speakers[s], len(s))) if speakers else None
        occurrences = tuple((members[quotes[x][0]][0], quotes[x][1]) for x in xs)
        shared.append(((order[quotes[xs[0]][0]], quotes[xs[0]][1].start), SharedQuote(speaker, occurrences)))
    shared.sort(key=lambda kv: kv[0])
    return tuple(sq for _, sq in shared)
