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
  officials``) are grouped by their description (``Some traders`` and ``the
  traders`` are "traders"): one entry of ``kind == "anonymous"`` per
  description, "traders · 412 quotes in 390 articles", never joined to a
  named speaker (two articles' "official" need not be the same person, so
  the entry is a group, not a person); ``Directory.filter`` can leave them out.
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

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from typing import NamedTuple

from reader.model import Article, Attribution, Quote, SpeakerKind
from reader.speaker_keys import (
    acronym,
    anonymous_key,
    initials,
    is_generic,
    is_honorific,
    is_place,
    name_key,
    org_key,
    person_key,
)
from reader.unionfind import UnionFind

__all__ = ["SpeakerEntry", "is_generic", "merge_speakers", "name_key"]

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
                aliases = speaker.aliases or (speaker.name,)
                nodes.append(_new_node((a_no, speaker.name, speaker.kind, speaker.role, aliases)))
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
    biden``) join; ``The Fed`` and ``Fed`` join; so do ``Baker Hughes Inc``
    and ``Baker Hughes``, and a "person" ``Dow Chemical`` with the company
    ``Dow Chemical Co``.  Anonymous sources join those of the same
    description; descriptions (``the company``) join nothing.  One-word person names
    (``Biden``) are only collected, for :func:`_merge_bare_names`.
    """
    full_persons: dict[str, int] = {}
    single_persons: dict[str, list[int]] = {}
    org_nodes: list[int] = []
    org_names: dict[str, int] = {}  # org key -> first node
    org_keys = {org_key(n.name) for n in nodes if n.kind == "organisation"}
    anonymous: dict[str, int] = {}  # anonymous key -> first node
    places: dict[str, int] = {}  # place key -> first node
    for node, (_a_no, name, kind, _role, _aliases) in enumerate(nodes):
        if kind == "anonymous":
            first = anonymous.setdefault(anonymous_key(name), node)
            if first != node:
                uf.union(node, first)  # a group of like sources, never a named speaker
            continue
        if is_place(name):  # "Poland" speaks as its government, whatever kind the article gave it
            first = places.setdefault(org_key(name), node)
            if first != node:
                uf.union(node, first)
            continue
        if is_generic(name):
            continue  # a description ("the company"): per article
        if kind == "organisation" or _organisation_named_as_person(name, org_keys):
            first = org_names.setdefault(org_key(name), node)
            if first != node:
                uf.union(node, first)
            org_nodes.append(node)
            continue
        key = person_key(name)
        if " " in key:
            first = full_persons.setdefault(key, node)
            if first != node:
                uf.union(node, first)
        elif key:
            single_persons.setdefault(key, []).append(node)
    return _Keyed(full_persons, single_persons, org_nodes)


def _organisation_named_as_person(name: str, org_keys: set[str]) -> bool:
    """A "person" whose name is an acronym (``S and P``) or, in two words or
    more, an organisation's name elsewhere in the corpus (``Dow Chemical``
    beside ``Dow Chemical Co``): the article took an organisation for a person."""
    if acronym(name):
        return True
    key = org_key(name)
    return " " in key and key in org_keys


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
    """An organisation named by an acronym joins the organisation it stands for.

    ``WHO`` joins ``World Health Organization`` (its initials), ``CGTN``
    joins ``China Global TV Network`` (given as an alias in an article),
    ``GM`` joins ``General Motors Corp``.  When an acronym fits several
    organisations, it joins one only if that one is named in at least
    :data:`ACRONYM_SHARE` (two thirds) of the articles naming any of them (and in three
    or more): ``GM`` is General Motors in a corpus where General Mills
    appears twice beside General Motors' thirty articles; ``AA`` with one
    American Airlines and one Alcoholics Anonymous joins neither.
    """
    acronyms = _acronym_roots(nodes, uf, org_nodes)
    for node in org_nodes:
        acr = acronym(nodes[node].name)
        if acr is None or acr not in acronyms:
            continue
        counts: Counter[int] = Counter()
        for root, n in acronyms[acr].items():
            counts[uf.find(root)] += n
        ((best, n),) = counts.most_common(1)
        if len(counts) == 1 or (n >= 3 and n >= ACRONYM_SHARE * sum(counts.values())):
            uf.union(node, best)


ACRONYM_SHARE = 2 / 3


def _acronym_roots(nodes: list[_Node], uf: UnionFind, org_nodes: list[int]) -> dict[str, Counter[int]]:
    """Acronym -> the sets of the many-word organisations it may stand for
    (their initials, and the acronyms articles gave as their aliases), each
    with the number of article speakers naming it."""
    acronyms: dict[str, Counter[int]] = defaultdict(Counter)
    for node in org_nodes:
        name, aliases = nodes[node].name, nodes[node].aliases
        if len(org_key(name).split()) < 2 or acronym(name):
            continue  # "S and P" is an acronym, not a name with initials
        root = uf.find(node)
        letters = initials(name)
        if len(letters) >= 2:
            acronyms[letters][root] += 1
        for alias in aliases:
            acr = acronym(alias)
            if acr and acr != letters:
                acronyms[acr][root] += 1
    return acronyms


_ROLE_SKIP = frozenset("of the for at a an and in on to with s".split())


def _role_words(role: str | None) -> set[str]:
    return {w for w in name_key(role).split() if w not in _ROLE_SKIP} if role else set()


def _full_roles(nodes, full_persons) -> dict[str, set[str]]:
    """Every role word seen with each full person name."""
    out: dict[str, set[str]] = defaultdict(set)
    for _a_no, name, kind, role, _aliases in nodes:
        if kind == "person" and role:
            key = person_key(name)
            if key in full_persons:
                out[key] |= _role_words(role)
    return out


def _entry(
    members: list[int], nodes: list[_Node], node_quotes: list[list[Quote]], articles: list[Article]
) -> SpeakerEntry:
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
        kind="place" if kind != "anonymous" and is_place(name) else kind,
        role=role if role and not is_honorific(role) else None,
        aliases=tuple(kept),
        quotes=tuple((article, q) for q in quotes),
        articles=(article,),
    )


def _untitled(name: str, kind: str) -> bool:
    """A person's name as written without a title before it (``Ana Lindqvist``,
    not ``Secertary Ana Lindqvist``); any other name counts as untitled."""
    return kind != "person" or person_key(name) == " ".join(w for w in name_key(name).split() if len(w) > 1)


def _merged_entry(
    members: list[int], nodes: list[_Node], node_quotes: list[list[Quote]], articles: list[Article]
) -> SpeakerEntry:
    """Several nodes as one entry: the commonest kind, name and role, every
    alias (most frequent first), every quote in article order."""
    names: Counter[str] = Counter()
    roles: Counter[str] = Counter()
    alias_count: Counter[str] = Counter()
    alias_form: dict[str, str] = {}
    kinds: Counter[SpeakerKind] = Counter()
    quotes: list[tuple[int, int, Quote]] = []
    a_nos: set[int] = set()
    for node in members:
        a_no, name, kind, role, aliases = nodes[node]
        names[name] += 1
        kinds[kind] += 1
        if role and not is_honorific(role):
            roles[role] += 1
        for alias in aliases:
            key = name_key(alias)
            if len(key) < 2 or is_generic(alias):
                continue  # "S", "the secretary": fine in one article, not across articles
            alias_count[key] += 1
            alias_form.setdefault(key, alias)
        quotes.extend((a_no, q.start, q) for q in node_quotes[node])
        a_nos.add(a_no)
    kind = kinds.most_common(1)[0][0]
    if kind != "anonymous" and is_place(name_key(max(names, key=names.__getitem__))):
        kind = "place"
    # The most frequent full name without a title before it; ties go to the
    # longer (fuller) name, then to the one written with accents (José
    # Álvarez over Jose Alvarez).  A group of anonymous sources is named by
    # its bare description ("traders", not "Some traders").
    if kind == "anonymous":
        name = min(names, key=lambda n: (len(anonymous_key(n)) < len(name_key(n)), -names[n], len(n)))
    else:
        name = max(names, key=lambda n: (" " in name_key(n), _untitled(n, kind), names[n], len(n), not n.isascii()))
    role = max(roles, key=lambda r: (roles[r], len(r))) if roles else None
    name_k = name_key(name)
    own = set(person_key(name).split())
    entry_aliases = [name] + [
        alias_form[k]
        for k in sorted(alias_count, key=lambda k: (-alias_count[k], k))
        if k != name_k and (kind != "person" or own & set(k.split()))  # "Treasury Secretary" is a role, not a name
    ]
    quotes.sort(key=lambda aq: (aq[0], aq[1]))
    return SpeakerEntry(
        name=name,
        kind=kind,
        role=role,
        aliases=tuple(entry_aliases),
        quotes=tuple((articles[a], q) for a, _, q in quotes),
        articles=tuple(articles[a] for a in sorted(a_nos)),
    )
