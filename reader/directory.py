"""The speaker directory: every canonical speaker of a corpus, merged across articles.

Public API::

    build_directory(items) -> Directory
    Directory.speakers            entries sorted by quote count (desc), then name
    Directory.find(name)          the best fuzzy match, or None
    Directory.filter(query)       the filter-as-you-type list
    Directory.entry_for(article, name)   the entry of one article's speaker

Pure Python (rapidfuzz for fuzzy look-ups), no UI imports.

:mod:`reader.quotes` gives each article its own canonical speakers
(``Antony Blinken`` with aliases ``Blinken`` and ``U.S. Secretary of State
Antony Blinken``).  The directory merges those per-article speakers into
corpus-wide entries with these rules:

* **Persons with a full name** (two words or more) are one person when their
  names are equal ignoring case, accents, punctuation, middle initials and
  ``Jr``/``Sr``/``II``-style suffixes (``Joseph R. Biden Jr.`` = ``Joseph
  Biden``).
* **A one-word person name** (``Biden``, left as written because the article
  never gave the full name) joins the full-named person whose last word it is
  (or, when no full name ends with it, whose first word it is, for names
  written family name first: ``Wang`` -> ``Wang Yi``) only when exactly one
  such person exists in the corpus.  When several full names share that
  surname, the bare name joins the one whose roles include every word of the
  role it was given (``Transport Minister Okafor`` -> ``Daniel Okafor``,
  Transport Minister, not ``Grace Okafor``, union general secretary); with
  no such clue it stays its own entry.  Two different full names sharing a
  surname never merge.
* **Organisations** are one when their names are equal (ignoring case,
  accents, punctuation and a leading ``the``), or when one is the acronym of
  the other: an acronym given in an article (``China Global TV Network
  (CGTN)``) or the initials of the full name.  An acronym that fits several
  organisations is not merged.
* **Anonymous sources** (``source with knowledge of the matter``, ``U.S.
  officials``) are never merged across articles: two articles' "official"
  need not be the same person.  Each article's anonymous speaker is its own
  entry with ``kind == "anonymous"``; :meth:`Directory.filter` can leave them
  out.
* **Descriptions** that are no name (``the company``, ``Corp``, ``a
  statement``: lower-case, or made only of generic nouns) are kept per
  article in the same way, with the kind the article gave them.
* Persons and organisations never merge with each other.

An entry's ``role`` is the role seen most often (ties: the longest); its
``name`` is the most frequent full form (ties: the longest).
"""

from __future__ import annotations

import gc
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

from reader.model import Article, Attribution, Quote, SpeakerKind
from reader.names import DETERMINERS, SPEAKER_NOUNS, THING_NOUNS
from reader.query import normalize

__all__ = ["Directory", "SpeakerEntry", "build_directory", "is_generic", "name_key"]

_WORD = re.compile(r"[^\W_]+")
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_ORG_SKIP = frozenset({"of", "the", "and", "for", "de", "du", "la", "le", "des", "on", "in", "at", "&"})
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]{1,9}$")
# Words that alone never make a name: "the company", "Corp", "a statement".
_GENERIC_WORDS = (
    SPEAKER_NOUNS
    | THING_NOUNS
    | DETERMINERS
    | frozenset(
        """
        inc corp corporation co ltd llc plc ag sa nv gmbh bv spa ab asa oyj kk exchange department ministry
        firm unit subsidiary parent concern bank group agency company companies
        """.split()
    )
)


def is_generic(name: str) -> bool:
    """A description rather than a name (``the company``, ``Corp``, ``report``):
    such speakers stay per article, like anonymous sources."""
    stripped = name.strip()
    if not stripped or not stripped[0].isupper():
        return True
    words = _WORD.findall(normalize(stripped))
    return all(w in _GENERIC_WORDS for w in words)


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Casefolded, accent-free words of a name joined by single spaces."""
    return " ".join(_WORD.findall(normalize(name)))


@lru_cache(maxsize=65536)
def _person_key(name: str) -> str:
    words = _WORD.findall(normalize(name))
    kept = [w for w in words if len(w) > 1 and w not in _SUFFIXES]
    return " ".join(kept or words)


def _org_key(name: str) -> str:
    words = _WORD.findall(normalize(name))
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _initials(name: str) -> str:
    """``China Global TV Network`` -> ``CGTN``; ``Bank of England`` -> ``BE``."""
    out = []
    for word in re.findall(r"[^\W_][\w'’\-]*", name):
        if word.lower() in _ORG_SKIP:
            continue
        if word.isupper() and len(word) > 1:
            out.append(word)  # an acronym inside a name ("TV") keeps its letters
        else:
            out.append(word[0])
    return "".join(out).upper()


def _acronym(alias: str) -> str | None:
    compact = alias.replace(".", "")
    return compact.upper() if _ACRONYM.match(alias) and compact.isupper() and len(compact) >= 2 else None


@dataclass(frozen=True, slots=True)
class SpeakerEntry:
    """One speaker of the corpus, with every quote of theirs in every article."""

    name: str
    kind: SpeakerKind
    role: str | None
    aliases: tuple[str, ...]
    quotes: tuple[tuple[Article, Quote], ...]
    articles: tuple[Article, ...]

    @property
    def quote_count(self) -> int:
        return len(self.quotes)

    @property
    def article_count(self) -> int:
        return len(self.articles)

    @property
    def label(self) -> str:
        """``"Ned Price, spokesperson for the State Department"`` or the name."""
        return f"{self.name}, {self.role}" if self.role else self.name


@dataclass
class Directory:
    """Corpus-wide speakers; build with :func:`build_directory`."""

    speakers: list[SpeakerEntry] = field(default_factory=list)
    # (article id, per-article speaker name) -> index into ``speakers``
    _by_article: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)
    _keys: list[str] = field(default_factory=list, repr=False)  # " name alias alias " per entry
    _choices: list[str] = field(default_factory=list, repr=False)  # one per name/alias
    _choice_entry: list[int] = field(default_factory=list, repr=False)
    _exact: dict[str, list[int]] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.speakers)

    def __iter__(self):
        return iter(self.speakers)

    def entry_for(self, article: Article, name: str) -> SpeakerEntry | None:
        """The directory entry of speaker ``name`` as canonicalised in ``article``."""
        index = self._by_article.get((article.id, name))
        return None if index is None else self.speakers[index]

    def find(self, name: str, *, cutoff: float = 75.0) -> SpeakerEntry | None:
        """The entry best matching ``name`` (name or alias, typos allowed), or None.

        An exact (case/accent-insensitive) name or alias wins; among equally
        good matches the speaker with more quotes wins.
        """
        key = name_key(name)
        if not key:
            return None
        exact = self._exact.get(key)
        if exact:
            return self.speakers[min(exact)]  # lowest index = most quotes
        best: tuple[float, int] | None = None
        for _choice, score, i in process.extract(
            key, self._choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=20
        ):
            entry = self._choice_entry[i]
            if best is None or score > best[0] + 1e-9 or (abs(score - best[0]) < 1e-9 and entry < best[1]):
                best = (score, entry)
        return None if best is None else self.speakers[best[1]]

    def filter(self, query: str, *, anonymous: bool = True, fuzzy: bool = True) -> list[SpeakerEntry]:
        """Entries matching what has been typed so far, most quoted first.

        Every word of ``query`` must start a word of the entry's name or one of
        its aliases (``"ant bli"`` finds Antony Blinken).  When nothing matches
        that way and ``fuzzy`` is on, typos are forgiven (``"blinkin"``).
        ``anonymous=False`` leaves out anonymous sources.
        """
        words = name_key(query).split()
        keep = (lambda e: True) if anonymous else (lambda e: e.kind != "anonymous")
        if not words:
            return [e for e in self.speakers if keep(e)]
        needles = [" " + w for w in words]
        out = [
            self.speakers[i]
            for i, key in enumerate(self._keys)
            if all(n in key for n in needles) and keep(self.speakers[i])
        ]
        if out or not fuzzy:
            return out
        seen: set[int] = set()
        scored: list[tuple[float, int]] = []
        for _choice, score, i in process.extract(
            " ".join(words), self._choices, scorer=fuzz.ratio, score_cutoff=75, limit=50
        ):
            entry = self._choice_entry[i]
            if entry not in seen and keep(self.speakers[entry]):
                seen.add(entry)
                scored.append((-score, entry))
        return [self.speakers[i] for _, i in sorted(scored)]


# --------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------


class _UnionFind:
    def __init__(self) -> None:
        self.parent: list[int] = []

    def add(self) -> int:
        self.parent.append(len(self.parent))
        return len(self.parent) - 1

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector: building creates many small objects
    and nothing cyclic, and collections over a large corpus cost half the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def build_directory(items: Iterable[tuple[Article, Attribution]]) -> Directory:
    """Merge every article's speakers into corpus-wide entries (rules above)."""
    with no_gc():
        return _build(items)


def _build(items: Iterable[tuple[Article, Attribution]]) -> Directory:
    # One node per (article, speaker) with at least one quote.
    nodes: list[tuple[int, str, SpeakerKind, str | None, tuple[str, ...]]] = []  # (article no., name, kind, role, aliases)
    articles: list[Article] = []
    node_quotes: list[list[Quote]] = []
    uf = _UnionFind()

    full_persons: dict[str, int] = {}  # person key -> first node
    single_persons: dict[str, list[int]] = {}  # one-word person name -> its nodes
    org_names: dict[str, int] = {}  # org key -> first node
    org_nodes: list[int] = []

    for article, attribution in items:
        a_no = len(articles)
        articles.append(article)
        by_name: dict[str, list[Quote]] = defaultdict(list)
        for quote in attribution.quotes:
            if quote.speaker:
                by_name[quote.speaker].append(quote)
        for speaker in attribution.speakers:
            quotes = by_name.pop(speaker.name, None)
            if not quotes:
                continue
            node = uf.add()
            nodes.append((a_no, speaker.name, speaker.kind, speaker.role, speaker.aliases or (speaker.name,)))
            node_quotes.append(quotes)
            _index(node, speaker.name, speaker.kind, uf, full_persons, single_persons, org_names, org_nodes)
        for name, quotes in by_name.items():  # a quote whose speaker is not listed (defensive)
            node = uf.add()
            nodes.append((a_no, name, "person", None, (name,)))
            node_quotes.append(quotes)
            _index(node, name, "person", uf, full_persons, single_persons, org_names, org_nodes)

    # A bare one-word person name joins the unique full-named person it fits;
    # when several fit, the one whose role matches the role given with it.
    if single_persons:
        by_last: dict[str, set[str]] = defaultdict(set)
        by_first: dict[str, set[str]] = defaultdict(set)
        for key in full_persons:
            words = key.split()
            by_last[words[-1]].add(key)
            by_first[words[0]].add(key)
        full_roles: dict[str, set[str]] | None = None
        for key, single_nodes in single_persons.items():
            fits = by_last.get(key) or by_first.get(key) or set()
            if len(fits) == 1:
                target = full_persons[next(iter(fits))]
                for node in single_nodes:
                    uf.union(node, target)
                continue
            left = []
            if fits:
                if full_roles is None:
                    full_roles = _full_roles(nodes, full_persons)
                for node in single_nodes:
                    words = _role_words(nodes[node][3])
                    match = [k for k in fits if words and words <= full_roles.get(k, set())]
                    if len(match) == 1:
                        uf.union(node, full_persons[match[0]])
                    else:
                        left.append(node)
            else:
                left = single_nodes
            for node in left[1:]:  # the same bare name left alone: one entry
                uf.union(node, left[0])

    # Organisations: acronyms given in articles, and initials of full names.
    if org_nodes:
        acronyms: dict[str, set[int]] = defaultdict(set)  # acronym -> roots of orgs it stands for
        for node in org_nodes:
            _a_no, name, _kind, _role, aliases = nodes[node]
            root = uf.find(node)
            words = _org_key(name).split()
            if len(words) >= 2:
                initials = _initials(name)
                if len(initials) >= 2:
                    acronyms[initials].add(root)
            for alias in aliases:
                acr = _acronym(alias)
                if acr and len(words) >= 2:
                    acronyms[acr].add(root)
        for node in org_nodes:
            name = nodes[node][1]
            acr = _acronym(name)
            if acr is None:
                continue
            roots = {uf.find(r) for r in acronyms.get(acr, ())}
            if len(roots) == 1:
                uf.union(node, next(iter(roots)))

    groups: dict[int, list[int]] = defaultdict(list)
    for node in range(len(nodes)):
        groups[uf.find(node)].append(node)

    entries: list[tuple[SpeakerEntry, list[int]]] = []
    for members in groups.values():
        entries.append((_entry(members, nodes, node_quotes, articles), members))
    entries.sort(key=lambda em: (-len(em[0].quotes), -len(em[0].articles), em[0].name.casefold()))

    directory = Directory()
    for index, (entry, members) in enumerate(entries):
        directory.speakers.append(entry)
        for node in members:
            a_no, name = nodes[node][0], nodes[node][1]
            directory._by_article[(articles[a_no].id, name)] = index
        seen: set[str] = set()
        for alias in (entry.name, *entry.aliases):
            key = name_key(alias)
            if key and key not in seen:
                seen.add(key)
                directory._exact.setdefault(key, []).append(index)
        fuzzy = set(seen)
        for key in seen:
            if " " in key:
                fuzzy.update(w for w in key.split() if len(w) >= 3)
        for key in fuzzy:
            directory._choices.append(key)
            directory._choice_entry.append(index)
        directory._keys.append(" " + " ".join(seen) + " ")
    return directory


def _index(node, name, kind, uf, full_persons, single_persons, org_names, org_nodes) -> None:
    if kind == "anonymous" or is_generic(name):
        return  # never merged across articles
    if kind == "organisation":
        key = _org_key(name)
        if key in org_names:
            uf.union(node, org_names[key])
        else:
            org_names[key] = node
        org_nodes.append(node)
        return
    key = _person_key(name)
    if not key:
        return
    if " " in key:
        if key in full_persons:
            uf.union(node, full_persons[key])
        else:
            full_persons[key] = node
    else:
        # Resolved once every full name is known (see _build).
        single_persons.setdefault(key, []).append(node)


_ROLE_SKIP = frozenset("of the for at a an and in on to with s".split())


def _role_words(role: str | None) -> set[str]:
    return {w for w in name_key(role).split() if w not in _ROLE_SKIP} if role else set()


def _full_roles(nodes, full_persons) -> dict[str, set[str]]:
    """Every role word seen with each full person name."""
    out: dict[str, set[str]] = defaultdict(set)
    for _a_no, name, kind, role, _aliases in nodes:
        if kind == "person" and role:
            key = _person_key(name)
            if key in full_persons:
                out[key] |= _role_words(role)
    return out


def _entry(members, nodes, node_quotes, articles) -> SpeakerEntry:
    if len(members) == 1:  # most speakers: one article, nothing to merge
        a_no, name, kind, role, aliases = nodes[members[0]]
        article = articles[a_no]
        seen = {name_key(name)}
        kept = [name]
        for alias in aliases:
            key = name_key(alias)
            if key not in seen:
                seen.add(key)
                kept.append(alias)
        return SpeakerEntry(
            name=name,
            kind=kind,
            role=role or None,
            aliases=tuple(kept),
            quotes=tuple((article, q) for q in node_quotes[members[0]]),
            articles=(article,),
        )
    names: Counter[str] = Counter()
    roles: Counter[str] = Counter()
    alias_count: Counter[str] = Counter()
    alias_form: dict[str, str] = {}
    kinds: Counter[str] = Counter()
    quotes: list[tuple[int, int, Quote]] = []
    a_nos: set[int] = set()
    for node in members:
        a_no, name, kind, role, aliases = nodes[node]
        names[name] += 1
        kinds[kind] += 1
        if role:
            roles[role] += 1
        for alias in aliases:
            key = name_key(alias)
            alias_count[key] += 1
            alias_form.setdefault(key, alias)
        quotes.extend((a_no, q.start, q) for q in node_quotes[node])
        a_nos.add(a_no)
    kind = kinds.most_common(1)[0][0]
    # The most frequent full name; ties go to the longer (fuller) name, then
    # to the one written with accents (José Álvarez over Jose Alvarez).
    name = max(names, key=lambda n: (" " in name_key(n), names[n], len(n), not n.isascii()))
    role = max(roles, key=lambda r: (roles[r], len(r))) if roles else None
    name_k = name_key(name)
    aliases = [name] + [
        alias_form[k] for k in sorted(alias_count, key=lambda k: (-alias_count[k], k)) if k != name_k
    ]
    quotes.sort(key=lambda aq: (aq[0], aq[1]))
    return SpeakerEntry(
        name=name,
        kind=kind,  # type: ignore[arg-type]
        role=role,
        aliases=tuple(aliases),
        quotes=tuple((articles[a], q) for a, _, q in quotes),
        articles=tuple(articles[a] for a in sorted(a_nos)),
    )
