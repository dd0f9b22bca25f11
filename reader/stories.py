"""Stories: articles about the same event, and the quotations they share.

Public API::

    group_stories(items, *, directory=None) -> list[Story]

Pure Python, no UI imports.

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
date: a story spans at most :data:`WINDOW` days, so two reports further
apart never link, and two groups join only if together they still fit
(no chain of weekly releases becomes one story).  A date is
the article's own, else the wire dateline that opens its body ("SALVADOR,
Feb 26 - "), which has no year and is compared by day of the year.  One
outlet's headline repeated word for word on another day is a recurring
report (a daily market report), never a link.
Pairs at or above :data:`THRESHOLD` are links.  Links are joined strongest
first with union-find, but two groups of articles join only when at least
:data:`DENSITY` of the article pairs between them are links, so one loose
link cannot chain unrelated articles into one huge story.  A story's title is
the title of its best-connected article.

Inside each story of two or more articles, the quotations that more than one
article carries are found by :mod:`reader.shared_quotes`.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Container, Iterable
from dataclasses import dataclass
from datetime import date
from heapq import nlargest
from operator import mul
from typing import NamedTuple

from reader.dates import day_of_year, when
from reader.gcpause import collector_paused
from reader.model import Article, Attribution
from reader.query import normalize, terms
from reader.shared_quotes import SharedQuote, SpeakerNamer, find_shared_quotes
from reader.unionfind import UnionFind

__all__ = ["SharedQuote", "Story", "group_stories"]

THRESHOLD = 0.20  # cosine similarity (after the date factor) that links two articles
MAX_DF = 25  # features in more articles than this propose no candidate pairs
SALIENT = 6  # an article proposes candidates through its most salient rare features only
DENSITY = 0.5  # two stories join when this share of their article pairs are linked
BACKGROUND = 20  # imaginary unrelated articles added to the document count for IDF
LEAD_CHARS = 400  # body characters read for word and name features
EVENT = 0.06  # of a link's similarity, at least this much must come from shared plain words (see _event)
WINDOW = 7  # days: the most one story spans, first report to last (when dates or datelines exist)

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
    january february march april june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)

# Capitalised runs: "Wang Yi", "Standard Oil Co", "Bank of England", "Munich".
_NAME_RE = re.compile(r"[A-Z][\w'’\-]*(?:[ \t]+(?:(?:of|de|al|von|van|the)[ \t]+)?[A-Z][\w'’\-]*)+")
# Stock symbols name a company: "<AMO>", "(NYSE: GM)", "(Nasdaq: AAPL)".
_TICKER = re.compile(r"<([A-Z][A-Z.]{0,5})>|\((?:NYSE|Nasdaq|NASDAQ|AMEX|LSE|TSX|ASX)\s*:\s*([A-Z][A-Z.]{0,5})\)")
_LEADING = STOPWORDS | frozenset("but and in on at as by for after before while when if".split())


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


# A clock time in a headline ("GRAIN FUTURES 11:20 EDT") marks one snapshot of a series.
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b(?:\s*(?:[ap]\.?m\.?|[A-Z]{1,2}[SD]?T|GMT|UTC)\b)?", re.IGNORECASE)


class Headline(NamedTuple):
    """An outlet's headline without its clock time, and the clock time."""

    outlet: str
    words: str
    clock: str


def _headline(article: Article) -> Headline:
    """The same headline from one outlet on two days, or at two clock times,
    is a recurring report (a daily market report, an intraday price table)::

        >>> from reader.model import Article
        >>> _headline(Article("x", "x.txt", "", "MIDWEST GRAIN FUTURES 11:20 EDT", outlet="Wire"))
        Headline(outlet='Wire', words='midwest grain futures', clock='11:20 EDT')
    """
    clock = " ".join(m.group() for m in _CLOCK.finditer(article.title))
    return Headline(article.outlet_label, normalize(_CLOCK.sub(" ", article.title)).strip(), clock)


def _recurring(a: Headline, b: Headline, gap: int | None) -> bool:
    """Two reports of a series, not one event: the same outlet and headline
    on other days, or at other clock times."""
    return a.outlet == b.outlet and a.words == b.words and bool(gap or a.clock != b.clock)


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


def _entity_words(article: Article, speaker_names: Iterable[str]) -> frozenset[str]:
    """The words that name someone in the article (its multi-word names and
    its speakers): what a report is *about* or *from*, not what happened::

        >>> from reader.model import Span
        >>> a = Article("x", "x.txt", "", "t", (Span(0, 9, "Statistics Canada said output rose."),))
        >>> sorted(_entity_words(a, ["bank of canada"]))
        ['bank', 'canada', 'of', 'statistics']
        >>> sorted(_entity_words(Article("y", "y.txt", "", "DART <DARTA> MAKES BID FOR GENERAL MILLS <GIS>"), []))
        ['dart', 'darta', 'general', 'gis', 'mills']
    """
    words = {w for name in _names(_lead(article)) for w in name.split()}
    text = article.title + "\n" + _lead(article)
    for ticker in _TICKER.finditer(text):
        words.add((ticker.group(1) or ticker.group(2)).lower())
        # the company the symbol follows: "AMERICAN MOTORS <AMO>", back to a function word
        before = terms(text[text.rfind("\n", 0, ticker.start()) + 1 : ticker.start()])[-3:]
        while before and before[-1] not in _LEADING:
            words.add(before.pop())
    words.update(w for name in speaker_names for w in name.split())
    return frozenset(words)


def _features(article: Article, speaker_names: Iterable[str]) -> dict[str, float]:
    """Feature -> raw weight.  Words are keys as they are, names contain a
    space, speakers start with ``@``; presence counts, repetition does not."""
    stop = STOPWORDS
    lead = _lead(article)
    feats = dict.fromkeys([t for t in terms(lead) if t not in stop and len(t) > 1 and not t.isdigit()], W_LEAD)
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

    Stories are ranked by how many outlets carry them, then by their shared
    quotes and their size (see :func:`_stories`).
    """

    with collector_paused():
        return _group(list(items), directory)


def _group(items: list[tuple[Article, Attribution]], directory) -> list[Story]:
    """Features -> vectors -> candidate pairs -> links -> joined groups -> stories."""
    if not items:
        return []
    speaker_of = _speaker_namer(directory)
    speakers = [_speaker_features(article, attribution, speaker_of) for article, attribution in items]
    raw = [_features(article, names) for (article, _), names in zip(items, speakers, strict=False)]
    entities = [_entity_words(article, names) for (article, _), names in zip(items, speakers, strict=False)]
    vectors = _vectors(raw)
    partial = _partial_scores(vectors)
    whens = [_when(a) for a, _ in items]
    edges = _links(partial, vectors.vectors, whens, [_headline(a) for a, _ in items], entities, vectors.postings)
    uf, strength = _join(edges, len(items), whens)
    return _stories(items, uf.groups(), strength, whens, speaker_of)


def _speaker_namer(directory) -> SpeakerNamer:
    """``(article, its speaker's name) -> name``: the directory's corpus-wide
    name when there is a directory (``Biden`` -> ``Joseph R. Biden``), else
    the article's own."""

    def speaker_of(article: Article, name: str) -> str:
        if directory is not None:
            entry = directory.entry_for(article, name)
            if entry is not None:
                return entry.name
        return name

    return speaker_of


def _speaker_features(article: Article, attribution: Attribution, speaker_of: SpeakerNamer) -> list[str]:
    """The named people and organisations quoted, as normalised words:
    ``["wang yi", "state department"]`` (no anonymous sources, no descriptions)."""
    return [
        " ".join(terms(speaker_of(article, s.name)))
        for s in attribution.speakers
        if s.kind != "anonymous" and s.quotes and s.name[:1].isupper()
    ]


class _Vectors(NamedTuple):
    """Every article's TF-IDF vector and the index of rare features."""

    vectors: list[dict[str, float]]  # unit length; features shared with no other article left out
    postings: dict[str, list[tuple[int, float]]]  # rare feature -> (article, weight) of its articles
    salient: list[Iterable[str]]  # each article's :data:`SALIENT` heaviest rare features


def _vectors(raw: list[dict[str, float]]) -> _Vectors:
    """Weight each article's features by IDF (against the corpus plus
    :data:`BACKGROUND` imaginary articles, so that in a corpus of two what
    they share still counts) and index the rare ones.

    Features of one article only never meet another: they count in the
    norm but are not stored.  With two articles ``{"oil": 1, "opec": 2}`` and
    ``{"opec": 2}``, only ``opec`` is kept, weighted 2 * (log 22 - log 2.5).
    """
    n = len(raw)
    df: Counter[str] = Counter()
    for feats in raw:
        df.update(feats.keys())
    log_n = math.log(n + BACKGROUND)
    idf = {f: log_n - math.log(d + 0.5) for f, d in df.items()}
    out = _Vectors([], defaultdict(list), [])
    shared_feats = {f for f, d in df.items() if d > 1}
    rare_feats = {f for f in shared_feats if df[f] <= MAX_DF}
    get_idf = idf.__getitem__
    for i, feats in enumerate(raw):
        # (map/zip keep the per-feature work in C.)
        keys = list(feats)
        values = list(map(mul, feats.values(), map(get_idf, keys)))
        norm = 1.0 / (math.sqrt(sum(map(mul, values, values))) or 1.0)
        full = dict(zip(keys, values, strict=False))
        # Comprehensions over the article's own (insertion) order, never over
        # a set: set order changes from run to run with string hashing, and
        # with it float sums and ties, hence the stories (determinism).
        vec = {f: full[f] * norm for f in keys if f in shared_feats}
        out.vectors.append(vec)
        rare = [f for f in vec if f in rare_feats]
        for f in rare:
            out.postings[f].append((i, vec[f]))
        out.salient.append(nlargest(SALIENT, rare, key=vec.__getitem__) if len(rare) > SALIENT else rare)
    return out


def _partial_scores(vectors: _Vectors) -> dict[int, float]:
    """Candidate pairs: each article looks up its most salient rare features
    in everyone's rare features, a partial dot product from either side of a
    pair.  The key of pair ``(i, j)`` is ``i * n + j`` (``(j, i)`` may be there too)."""
    n = len(vectors.vectors)
    partial: dict[int, float] = defaultdict(float)
    postings = vectors.postings
    for i, feats in enumerate(vectors.salient):
        vi = vectors.vectors[i]
        base = i * n
        for f in feats:
            wi = vi[f]
            for j, wj in postings[f]:
                partial[base + j] += wi * wj
    return partial


Dated = tuple[date | None, int | None]  # see _when


def _links(
    partial: dict[int, float],
    vectors: list[dict[str, float]],
    whens: list[Dated],
    headlines: list[Headline],
    entities: list[frozenset[str]] | None = None,
    rare: Container[str] = (),
) -> list[tuple[float, int, int]]:
    """``(similarity, i, j)`` of the linked pairs, strongest first.

    A promising pair (partial score at least 0.4 * :data:`THRESHOLD`) gets
    the full cosine, common features too, scaled by the date factor; one
    outlet's headline on another day is a recurring report, never a link.
    """
    n = len(vectors)
    floor = THRESHOLD * 0.4
    edges: list[tuple[float, int, int]] = []
    for key, part in partial.items():
        if part < floor:
            continue
        i, j = divmod(key, n)
        if i >= j and (i == j or partial.get(j * n + i, floor - 1) >= floor):
            continue  # itself, or seen from the other side
        vi, vj = vectors[i], vectors[j]
        if len(vj) < len(vi):
            vi, vj = vj, vi
        sim = sum([v * vj[f] for f, v in vi.items() if f in vj])
        gap = _gap(whens[i], whens[j])
        if gap is not None and gap > WINDOW or _recurring(headlines[i], headlines[j], gap):
            continue  # too far apart, or a recurring report
        if sim >= THRESHOLD and (entities is None or _event(vi, vj, entities[i] | entities[j], rare) >= EVENT):
            edges.append((sim, i, j))
    edges.sort(reverse=True)
    return edges


def _event(vi: dict[str, float], vj: dict[str, float], named: frozenset[str], rare: Container[str]) -> float:
    """The part of a pair's similarity that says what happened: shared rare
    plain words that name nobody (not names, speakers, words of either's
    names, nor the boilerplate of a kind of report, which is not rare).
    Two releases of one agency share the agency, not the event; two
    dividend notices share "qtly div cts prior", which many others share::

        >>> a, b = {"statistics": 0.6, "permits": 0.8}, {"statistics": 0.6, "gdp": 0.8}
        >>> _event(a, b, frozenset({"statistics"}), {"statistics", "permits", "gdp"})
        0
        >>> _event({"mine": 0.6, "fire": 0.8}, {"mine": 0.6, "fire": 0.8}, frozenset(), {"fire"})
        0.6400000000000001
    """
    if len(vj) < len(vi):
        vi, vj = vj, vi
    return sum([v * vj[f] for f, v in vi.items() if f in vj and f in rare and f not in named and _plain(f)])


def _plain(feature: str) -> bool:
    """A word of the text: not a speaker (``@name``) and not a phrase of several words."""
    return feature[0] != "@" and " " not in feature


def _join(
    edges: list[tuple[float, int, int]], n: int, whens: list[Dated] | None = None
) -> tuple[UnionFind, list[float]]:
    """Join linked articles, strongest links first; two groups join only when
    :data:`DENSITY` of the article pairs between them are links (no chaining)
    and, with ``whens`` (see :func:`_when`), when together they span at most
    :data:`WINDOW` days.

    Returns the groups and each article's strength: the sum of the
    similarities of its links inside its group (the best connected article
    titles the story).  A triangle of links makes one group; a last link
    from it to article 3 is one of the three pairs between them, too few::

        >>> uf, strength = _join([(0.75, 0, 1), (0.5, 0, 2), (0.25, 1, 2), (0.25, 2, 3)], 4)
        >>> uf.groups(), strength
        ([[0, 1, 2], [3]], [1.25, 1.0, 0.75, 0.0])
    """
    neighbours: dict[int, set[int]] = defaultdict(set)
    for _sim, i, j in edges:
        neighbours[i].add(j)
        neighbours[j].add(i)
    uf = UnionFind(n)
    members: dict[int, list[int]] = {}  # root -> members, for groups of two or more
    strength = [0.0] * n
    for sim, i, j in edges:
        ri, rj = uf.find(i), uf.find(j)
        if ri != rj:
            mi = members.get(ri, [ri])
            mj = members.get(rj, [rj])
            if (len(mi) > 1 or len(mj) > 1) and not _dense(mi, mj, ri, rj, neighbours, uf):
                continue
            if whens is not None and not _fits_window(mi, mj, whens):
                continue
            root = uf.union(ri, rj)
            members[root] = mi + mj
            members.pop(rj if root == ri else ri, None)
        strength[i] += sim
        strength[j] += sim
    return uf, strength


def _fits_window(mi: list[int], mj: list[int], whens: list[Dated]) -> bool:
    """Do two groups together span at most :data:`WINDOW` days?  Undated
    articles fit anywhere; year-less datelines count the shorter way round::

        >>> d = [(None, 60), (None, 66), (None, 70), (None, None)]
        >>> _fits_window([0], [1], d), _fits_window([0, 1], [2], d), _fits_window([0], [3], d)
        (True, False, True)
    """
    left = [whens[x] for x in mi if whens[x] != (None, None)]
    right = [whens[y] for y in mj if whens[y] != (None, None)]
    for a in left:
        for b in right:
            gap = _gap(a, b)
            if gap is not None and gap > WINDOW:
                return False
    return True


def _dense(mi: list[int], mj: list[int], ri: int, rj: int, neighbours: dict[int, set[int]], uf: UnionFind) -> bool:
    """Are at least :data:`DENSITY` of the article pairs between groups
    ``mi`` (root ``ri``) and ``mj`` (root ``rj``) linked?"""
    small, other = (mi, rj) if len(mi) <= len(mj) else (mj, ri)
    find = uf.find
    cross = sum(1 for x in small for y in neighbours[x] if find(y) == other)
    return not cross < DENSITY * len(mi) * len(mj)


def _stories(
    items: list[tuple[Article, Attribution]],
    groups: list[list[int]],
    strength: list[float],
    whens: list[Dated],
    speaker_of: SpeakerNamer,
) -> list[Story]:
    """One story per group, ranked: most outlets first, then most shared
    quotes, then most articles, then in order of their first article;
    stories of one article last, in corpus order."""

    def order_key(i: int) -> tuple:
        d = whens[i][0]
        return (d is None, d or date.min, i)

    ranked: list[tuple[tuple, Story]] = []
    for group in groups:
        group.sort(key=order_key)  # first report first
        if len(group) == 1:
            article, attribution = items[group[0]]
            ranked.append(((1, group[0]), Story(article.title, (article,), (), (attribution,))))
            continue
        central = max(group, key=lambda i: (strength[i], -i))
        shared = find_shared_quotes([items[i] for i in group], [order_key(i) for i in group], speaker_of)
        story = Story(
            title=items[central][0].title,
            articles=tuple(items[i][0] for i in group),
            shared_quotes=shared,
            attributions=tuple(items[i][1] for i in group),
        )
        outlets = len({a.outlet_label for a in story.articles if a.outlet_label})
        ranked.append(((-outlets, -len(shared), -len(group), min(group)), story))
    ranked.sort(key=lambda kv: kv[0])
    return [story for _, story in ranked]
