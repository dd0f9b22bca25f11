"""Which speakers of different articles are one: the merging rules of the directory.

Public API::

    merge_speakers(items) -> ([(SpeakerEntry, [node, ...]), ...], [(article id, speaker name) of each node])
    name_key(name), is_generic(name)

:mod:`reader.attribution` gives each article its own canonical speakers
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
  entry with ``kind == "anonymous"``; ``Directory.filter`` can leave them
  out.
* **Descriptions** that are no name (``the company``, ``Corp``, ``a
  statement``: lower-case, or made only of generic nouns) are kept per
  article in the same way, with the kind the article gave them.
* Persons and organisations never merge with each other.

An entry's ``role`` is the role seen most often (ties: the longest); its
``name`` is the most frequent full form (ties: the longest).

How: every (article, quoted speaker) is a node; :func:`_merge_same_names`,
:func:`_merge_bare_names` and :func:`_merge_acronyms` join nodes in a
:class:`~reader.unionfind.UnionFind`, one rule each, in that order (a bare
surname and an acronym are judged against the sets the earlier rules made);
each set becomes one :class:`SpeakerEntry`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import NamedTuple

from reader.model import Article, Attribution, Quote, SpeakerKind
from reader.attribution.lexicon.grammar import DETERMINERS
from reader.attribution.lexicon.people import SPEAKER_NOUNS, THING_NOUNS
from reader.query import normalize
from reader.unionfind import UnionFind

__all__ = ["SpeakerEntry", "is_generic", "merge_speakers", "name_key"]

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


def merge_speakers(
    items: Iterable[tuple[Article, Attribution]],
) -> tuple[list[tuple[SpeakerEntry, list[int]]], list[tuple[str, str]]]:
    """Every corpus-wide speaker, most quoted first, with the nodes it merges;
    and each node's (article id, speaker name as the article gives it)."""
    articles, nodes, node_quotes, node_keys = _speaker_nodes(items)
    uf = UnionFind(len(nodes))
    keyed = _merge_same_names(nodes, uf)
    if keyed.single_persons:
        _merge_bare_names(nodes, uf, keyed)
    if keyed.org_nodes:
        _merge_acronyms(nodes, uf, keyed.org_nodes)
    entries = [(_entry(members, nodes, node_quotes, articles), members) for members in uf.groups()]
    entries.sort(key=lambda em: (-len(em[0].quotes), -len(em[0].articles), em[0].name.casefold()))
    return entries, node_keys


class _Node(NamedTuple):
    """One article's speaker with at least one quote: the unit that is merged."""

    article: int  # index into the list of articles
    name: str
    kind: SpeakerKind
    role: str | None
    aliases: tuple[str, ...]


# A _Node made from a tuple in C: NamedTuple's own constructor is a Python
# call that costs twice as much (about 10 ms for the 27,000 nodes of Reuters).
_new_node = partial(tuple.__new__, _Node)


class _Keyed(NamedTuple):
    """The nodes :func:`_merge_same_names` sorted by the kind of name they have."""

    full_persons: dict[str, int]  # person key of two words or more -> its first node
    single_persons: dict[str, list[int]]  # one-word person key -> its nodes
    org_nodes: list[int]



def _speaker_nodes(
    items: Iterable[tuple[Article, Attribution]],
) -> tuple[list[Article], list[_Node], list[list[Quote]], list[tuple[str, str]]]:
    """The articles, one node per (article, quoted speaker), each node's
    quotes and its (article id, speaker name).

    A speaker the article lists without a quote gets no node; a quote whose
    speaker the article does not list gets a person node of its own.
    """
    articles: list[Article] = []
    nodes: list[_Node] = []
    node_quotes: list[list[Quote]] = []
    node_keys: list[tuple[str, str]] = []
    for article, attribution in items:
        a_no, a_id = len(articles), article.id
        articles.append(article)
        by_name = _quotes_by_speaker(attribution.quotes)
        for speaker in attribution.speakers:
            quotes = by_name.pop(speaker.name, None)
            if quotes:
                nodes.append(_new_node((a_no, speaker.name, speaker.kind, speaker.role, speaker.aliases or (speaker.name,))))
                node_quotes.append(quotes)
                node_keys.append((a_id, speaker.name))
        for name, quotes in by_name.items():  # a quote whose speaker is not listed (defensive)
            nodes.append(_new_node((a_no, name, "person", None, (name,))))
            node_quotes.append(quotes)
            node_keys.append((a_id, name))
    return articles, nodes, node_quotes, node_keys


def _quotes_by_speaker(quotes: Iterable[Quote]) -> dict[str, list[Quote]]:
    by_name: dict[str, list[Quote]] = defaultdict(list)
    for quote in quotes:
        if quote.speaker:
            by_name[quote.speaker].append(quote)
    return by_name


def _merge_same_names(nodes: list[_Node], uf: UnionFind) -> _Keyed:
    """Join persons with equal full names and organisations with equal names.

    ``Joseph R. Biden Jr.`` and ``Joseph Biden`` (person key ``joseph
    biden``) join; ``The Fed`` and ``Fed`` join.  Anonymous sources and
    descriptions (``the company``) join nothing.  One-word person names
    (``Biden``) are only collected, for :func:`_merge_bare_names`.
    """
    full_persons: dict[str, int] = {}
    single_persons: dict[str, list[int]] = {}
    org_nodes: list[int] = []
    org_names: dict[str, int] = {}  # org key -> first node
    for node, (_a_no, name, kind, _role, _aliases) in enumerate(nodes):
        if kind == "anonymous" or is_generic(name):
            continue  # never merged across articles
        if kind == "organisation":
            first = org_names.setdefault(_org_key(name), node)
            if first != node:
                uf.union(node, first)
            org_nodes.append(node)
            continue
        key = _person_key(name)
        if " " in key:
            first = full_persons.setdefault(key, node)
            if first != node:
                uf.union(node, first)
        elif key:
            single_persons.setdefault(key, []).append(node)
    return _Keyed(full_persons, single_persons, org_nodes)


def _merge_bare_names(nodes: list[_Node], uf: UnionFind, keyed: _Keyed) -> None:
    """A one-word person name joins the one full-named person it fits.

    It fits a full name that ends with it (``Biden`` -> ``Joseph Biden``),
    else one that starts with it (``Wang`` -> ``Wang Yi``).  When several
    fit, each node joins the one whose roles hold every word of its role
    (``Transport Minister Okafor`` -> the Okafor seen as Transport
    Minister); the bare names left over join each other.
    """
    by_last, by_first = _full_name_ends(keyed.full_persons)
    full_roles: dict[str, set[str]] | None = None  # computed once, when a surname is shared
    for key, single_nodes in keyed.single_persons.items():
        fits = by_last.get(key) or by_first.get(key) or set()
        if len(fits) == 1:
            target = keyed.full_persons[next(iter(fits))]
            for node in single_nodes:
                uf.union(node, target)
            continue
        left = single_nodes
        if fits:
            if full_roles is None:
                full_roles = _full_roles(nodes, keyed.full_persons)
            left = []
            for node in single_nodes:
                words = _role_words(nodes[node].role)
                match = [k for k in fits if words and words <= full_roles.get(k, set())]
                if len(match) == 1:
                    uf.union(node, keyed.full_persons[match[0]])
                else:
                    left.append(node)
        for node in left[1:]:  # the same bare name left alone: one entry
            uf.union(node, left[0])


def _full_name_ends(full_persons: Iterable[str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Full person keys by their last word and by their first word.

    ``["wang yi", "joseph biden"]`` -> ``({"yi": {"wang yi"}, "biden":
    {"joseph biden"}}, {"wang": {"wang yi"}, "joseph": {"joseph biden"}})``
    """
    by_last: dict[str, set[str]] = defaultdict(set)
    by_first: dict[str, set[str]] = defaultdict(set)
    for key in full_persons:
        words = key.split()
        by_last[words[-1]].add(key)
        by_first[words[0]].add(key)
    return by_last, by_first


def _merge_acronyms(nodes: list[_Node], uf: UnionFind, org_nodes: list[int]) -> None:
    """An organisation named by an acronym joins the one organisation it stands for.

    ``WHO`` joins ``World Health Organization`` (its initials), ``CGTN``
    joins ``China Global TV Network`` (given as an alias in an article);
    an acronym that fits two organisations joins neither.
    """
    acronyms = _acronym_roots(nodes, uf, org_nodes)
    for node in org_nodes:
        acr = _acronym(nodes[node].name)
        if acr is None:
            continue
        roots = {uf.find(r) for r in acronyms.get(acr, ())}
        if len(roots) == 1:
            uf.union(node, next(iter(roots)))


def _acronym_roots(nodes: list[_Node], uf: UnionFind, org_nodes: list[int]) -> dict[str, set[int]]:
    """Acronym -> the sets of the many-word organisations it may stand for:
    their initials and the acronyms articles gave as their aliases."""
    acronyms: dict[str, set[int]] = defaultdict(set)
    for node in org_nodes:
        name, aliases = nodes[node].name, nodes[node].aliases
        if len(_org_key(name).split()) < 2:
            continue
        root = uf.find(node)
        initials = _initials(name)
        if len(initials) >= 2:
            acronyms[initials].add(root)
        for alias in aliases:
            acr = _acronym(alias)
            if acr:
                acronyms[acr].add(root)
    return acronyms


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


def _entry(members: list[int], nodes: list[_Node], node_quotes: list[list[Quote]], articles: list[Article]) -> SpeakerEntry:
    """The entry of one merged set of nodes."""
    if len(members) == 1:  # most speakers: one article, nothing to merge
        node = members[0]
        return _single_entry(nodes[node], node_quotes[node], articles[nodes[node].article])
    return _merged_entry(members, nodes, node_quotes, articles)


def _single_entry(node: _Node, quotes: list[Quote], article: Article) -> SpeakerEntry:
    """One article's speaker as it is; aliases that only differ in case or accents once."""
    _a_no, name, kind, role, aliases = node
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
        quotes=tuple((article, q) for q in quotes),
        articles=(article,),
    )


def _merged_entry(members: list[int], nodes: list[_Node], node_quotes: list[list[Quote]], articles: list[Article]) -> SpeakerEntry:
    """Several nodes as one entry: the commonest kind, name and role, every
    alias (most frequent first), every quote in article order."""
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
