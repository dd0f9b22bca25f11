"""The per-article registry: every name, organisation and source of one
article merged into entities, and what a later mention refers to.

Used by :mod:`reader.attribution.resolve`; the naming rules themselves are
documented in :mod:`reader.attribution.names`.  Everything a lookup needs is indexed as it is learnt,
so a lookup costs about the same in an article naming ten people as in one
naming ten thousand:

* :class:`NameBook`: full names and organisation names by first word, last
  word, word prefix and suffix, and by initial and length of the surname
  (for misspellings); :meth:`NameBook.canonical` returns exactly what a walk
  over the names in the order seen would.
* :class:`Timeline`: the mentions in text order, kept in one sorted list per
  kind of antecedent (organisations, quoted organisations, holders of a role
  word, what "he", "she", "it" or "they" can refer to), so "the most recent
  one before here" is a binary search, not a walk back over the article.

>>> reg = Registry()
>>> reg.learn_run(["Acme", "Holdings", "Inc"])
'Acme Holdings Inc'
>>> _ = reg.add("Acme Holdings Inc", "organisation", (0, 17), "Acme Holdings Inc")
>>> reg.add_anonymous("the company", "company", (40, 51), True).name
'Acme Holdings Inc'
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..sortedlist import SortedList
from .lexicon.grammar import PRONOUNS
from .lexicon.people import BUSINESS_NOUNS, INSTITUTION_NAMES, ORG_NOUNS, PUBLIC_BODY_WORDS, THING_NOUNS
from .lexicon.places import COUNTRIES, PLACES, US_STATES
from .names import gender_of_title, looks_org, short_names, split_role, strip_det, written_name


@dataclass
class Entity:
    name: str
    kind: str = "person"
    role: str | None = None
    gender: str | None = None
    plural: bool = False
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    quoted: bool = False  # quoted at least once so far: "the company" prefers such an organisation
    head: str | None = None  # head noun of anonymous phrases
    order: int = 0
    _mention_set: set[tuple[int, int]] = field(default_factory=set, repr=False, compare=False)
    _alias_set: set[str] = field(default_factory=set, repr=False, compare=False)
    _ends: dict[int, int] = field(default_factory=dict, repr=False, compare=False)  # mention start -> end

    def add_alias(self, alias: str) -> None:
        alias = written_name(alias)  # "Harlow Corp <HRL": the ticker is no part of any name
        if alias and alias not in self._alias_set:  # sets: thousands of aliases and mentions stay cheap
            self._alias_set.add(alias)
            self.aliases.append(alias)

    def add_mention(self, span: tuple[int, int]) -> None:
        if span not in self._mention_set:
            self._mention_set.add(span)
            self.mentions.append(span)
            self._ends.setdefault(span[0], span[1])

    def mention_at(self, start: int) -> tuple[int, int] | None:
        """The (first) mention of this entity starting at ``start``."""
        end = self._ends.get(start)
        return None if end is None else (start, end)


# --------------------------------------------------------------------------
# Names seen, indexed
# --------------------------------------------------------------------------


class NameBook:
    """Full person names and organisation names in the order first seen.

    ``canonical`` answers what the naming rules ask ("the longest full name
    ending with this word", "the first organisation starting with it", ...)
    from dictionaries filled as names arrive, with the same ties as a walk
    over the names in order: the first seen wins.
    """

    def __init__(self) -> None:
        self.full_names: list[str] = []
        self.org_names: list[str] = []
        self.acronyms: dict[str, str] = {}
        self._full_set: set[str] = set()
        self._org_set: set[str] = set()
        self._longest_by_last: dict[str, str] = {}  # surname -> longest full name (first of equals)
        self._first_by_first: dict[str, str] = {}  # given name -> first full name
        self._by_suffix: dict[str, str] = {}  # "J. Blinken" -> first "Antony J. Blinken" (not "The ...")
        self._by_initial: dict[tuple[str, int], list[tuple[int, str, str]]] = {}  # (initial, len) -> surnames
        self._lasts_by_initial: dict[tuple[str, int], list[str]] = {}  # the same surnames alone, for rapidfuzz
        self._org_by_first: dict[str, str] = {}
        self._org_by_short: dict[str, str] = {}
        self._org_by_prefix: dict[str, str] = {}  # "Moody's" -> first "Moody's Investors Service Inc"

    def add_full(self, full: str) -> None:
        if full in self._full_set:
            return
        self._full_set.add(full)
        index = len(self.full_names)
        self.full_names.append(full)
        parts = full.split()
        last = parts[-1]
        best = self._longest_by_last.get(last)
        if best is None or len(full) > len(best):
            self._longest_by_last[last] = full
        self._first_by_first.setdefault(parts[0], full)
        if parts[0] != "The":
            j = full.find(" ")
            while j >= 0:
                self._by_suffix.setdefault(full[j + 1 :], full)
                j = full.find(" ", j + 1)
        self._by_initial.setdefault((last[:1], len(last)), []).append((index, full, last))
        self._lasts_by_initial.setdefault((last[:1], len(last)), []).append(last)

    def add_org(self, org: str) -> None:
        if org in self._org_set:
            return
        self._org_set.add(org)
        self.org_names.append(org)
        self._org_by_first.setdefault(org.split()[0], org)
        for word in short_names(org):
            self._org_by_short.setdefault(word, org)
        j = org.find(" ")
        while j >= 0:
            self._org_by_prefix.setdefault(org[:j], org)
            j = org.find(" ", j + 1)

    def org_starting(self, prefix: str) -> str | None:
        """The first organisation whose name starts with ``prefix + " "``."""
        return self._org_by_prefix.get(prefix)

    def canonical(self, name: str, kind: str) -> str:
        """The canonical name (rules in :mod:`reader.attribution.names`)."""
        if name in self.acronyms:
            return self.acronyms[name]
        if " " not in name and name.lower() not in PLACES and name not in self._longest_by_last:
            # "Halden" for "Halden Energy"; "Lilly" for "Eli Lilly and Co"
            org = self._org_by_first.get(name) or self._org_by_short.get(name)
            if org:
                return org
        if kind == "person" and " " not in name:
            best = self._longest_by_last.get(name) or self._first_by_first.get(name)
            if best is None and len(name) >= 5 and name[:1].isupper():
                best = self._misspelt(name)
            if best:
                return best
        elif kind == "person":
            # a two-word name contained at the end of a longer one joins it
            return self._by_suffix.get(name, name)
        return name

    def _misspelt(self, name: str) -> str | None:
        """The first full name whose surname is ``name`` misspelt ("Water" for
        "Waters"): same initial, length within 2, edit distance 1 (2 from 7 letters)."""
        limit = 1 if len(name) < 7 else 2
        found: tuple[int, str] | None = None
        for length in range(len(name) - 2, len(name) + 3):
            key = (name[:1], length)
            lasts = self._lasts_by_initial.get(key)
            if not lasts:
                continue
            # every surname of the group within the limit, compared in C (a page of 10,000 speakers)
            hits = process.extract(name, lasts, scorer=Levenshtein.distance, processor=None, score_cutoff=limit,
                                   limit=None)
            if hits:
                index, full, _ = self._by_initial[key][min(hit[2] for hit in hits)]
                if found is None or index < found[0]:
                    found = (index, full)
        return found[1] if found else None


# --------------------------------------------------------------------------
# Mentions in text order, by kind of antecedent
# --------------------------------------------------------------------------


# Institution nouns by the words of the organisations they can mean:
# "council" -> ("city", "town") (see names.INSTITUTION_NAMES).
_INSTITUTIONS_BY_WORD: dict[str, tuple[str, ...]] = {}
for _noun, _words in INSTITUTION_NAMES.items():
    for _word in _words:
        _INSTITUTIONS_BY_WORD[_word] = _INSTITUTIONS_BY_WORD.get(_word, ()) + (_noun,)


_PARTY_WORDS = frozenset("democratic democrat republican gop conservative labour liberal independent".split())


def role_fits(description: str, role: str | None) -> bool:
    """Can a person with ``role`` be meant by ``description``?  Not when the description names
    a place or a party the role does not have.

    >>> role_fits("Indiana governor", "former New Mexico governor"), role_fits("governor", "Governor of Ohio")
    (False, True)
    >>> role_fits("Republican nominee", "Democratic presidential nominee"), role_fits("Ohio senator", "Ohio Sen.")
    (False, True)
    """
    role_words = set((role or "").lower().replace(".", " ").split())
    for word in description.split():
        w = word.lower().rstrip(".")
        if (w in _PARTY_WORDS or w in US_STATES or w in COUNTRIES or w in PLACES) and w not in role_words:
            return False
    return True


_BANK_WORDS = tuple(INSTITUTION_NAMES["bank"])


def _institution_kinds(words: list[str]) -> set[str]:
    """Which "the <noun>" an organisation named with ``words`` can be: any ("", "the company"
    when no word names a public body), and each institution noun a word names.

    >>> sorted(_institution_kinds(["citibank", "n.a."])), sorted(_institution_kinds(["agriculture", "department"]))
    (['', 'bank', 'business'], ['', 'department'])
    """
    kinds = {""}
    if not any(w in PUBLIC_BODY_WORDS for w in words):
        kinds.add("business")
    for word in words:
        kinds.update(_INSTITUTIONS_BY_WORD.get(word, ()))
        if len(word) > 4 and word not in _INSTITUTIONS_BY_WORD and (
                word.startswith(_BANK_WORDS) or word.endswith(_BANK_WORDS)):
            kinds.add("bank")  # "Citibank", "BankAmerica": a bank's name may be written as one word
    return kinds


def _classes(ent: Entity) -> frozenset[str]:
    """The timeline lists an entity's mentions belong in (see :class:`Timeline`)."""
    out = []
    if ent.kind == "organisation":
        if ent.head is None and ent.name.lower() not in PLACES:
            kinds = _institution_kinds(ent.name.lower().split())
            out += ["org:" + k for k in kinds]
            if ent.quoted:
                out += ["org+q:" + k for k in kinds]
        if not ent.plural:
            out.append("pron:n")
        out.append("pron:p")
    else:
        if ent.plural:
            out.append("pron:p")
        else:
            out += ["pron:" + g for g in ("m", "f") if ent.gender in (None, g)]
        if ent.kind == "person" and ent.role:
            out += ["role:" + w for w in ent.role.lower().split()]
    return frozenset(out)


class Timeline:
    """Every mention ``(offset, name)`` in text order, filed by what it can be
    the antecedent of:

    * ``org:`` organisations named as such (not places, not "the company"
      itself), and ``org:<noun>`` those a noun like "court" or "city" can
      mean; ``org+q:...`` the same for organisations already quoted;
    * ``role:<word>`` persons whose role has that word ("secretary");
    * ``pron:m``, ``pron:f``, ``pron:n``, ``pron:p`` what "he", "she",
      "it" and "they" can refer to.

    A list is built on its first lookup and kept up to date after that.  An
    entity's lists change when its gender or role becomes known or it is
    first quoted (once each): its mentions move then, so a lookup never walks
    past mentions that cannot match.
    """

    def __init__(self, entities: dict[str, Entity]) -> None:
        self._entities = entities
        self._seen: set[tuple[int, str]] = set()
        self._offsets: dict[str, list[int]] = {}  # name -> offsets of its mentions
        self._classes: dict[str, frozenset[str]] = {}  # name -> its lists (once any list is built)
        self._lists: dict[str, SortedList] = {}

    def mark(self, offset: int, ent: Entity) -> None:
        item = (offset, ent.name)
        if item in self._seen:
            return
        self._seen.add(item)
        self._offsets.setdefault(ent.name, []).append(offset)
        if self._lists:
            for key in self._classes_of(ent):
                lst = self._lists.get(key)
                if lst is not None:
                    lst.add(item)

    def reclass(self, ent: Entity) -> None:
        """Refile ``ent``'s mentions after its gender, role or quotes changed."""
        old = self._classes.get(ent.name)
        if old is None:
            return  # filed when a list is built
        new = self._classes[ent.name] = _classes(ent)
        items = [(off, ent.name) for off in self._offsets[ent.name]]
        for key in old ^ new:
            lst = self._lists.get(key)
            if lst is not None:
                for item in items:
                    (lst.add if key in new else lst.discard)(item)

    def latest(self, key: str, before: int, skip: Collection[str] = ()) -> Entity | None:
        """The entity of the last mention in list ``key`` before offset ``before``
        (passing over the names in ``skip``; a stretch of their mentions is
        jumped a block at a time)."""
        found = self.latest_at(key, before, skip)
        return None if found is None else found[0]

    def latest_at(self, key: str, before: int, skip: Collection[str] = ()) -> tuple[Entity, int] | None:
        """:meth:`latest`, and the offset of the mention found."""
        lst = self._lists.get(key)
        if lst is None:
            lst = self._build(key)
        found = lst.last_before((before,), skip)
        return None if found is None else (self._entities[found[1]], found[0])

    def _build(self, key: str) -> SortedList:
        items = []
        for name, offsets in self._offsets.items():
            if key in self._classes_of(self._entities[name]):
                items += [(off, name) for off in offsets]
        items.sort()
        lst = self._lists[key] = SortedList.from_sorted(items, label=itemgetter(1))
        return lst

    def _classes_of(self, ent: Entity) -> frozenset[str]:
        classes = self._classes.get(ent.name)
        if classes is None:
            classes = self._classes[ent.name] = _classes(ent)
        return classes


# --------------------------------------------------------------------------
# The registry
# --------------------------------------------------------------------------


class Registry:
    """Every name, organisation and source of one article, merged into entities."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.names = NameBook()
        self.acronyms = self.names.acronyms
        self.timeline = Timeline(self.entities)
        self._canon_cache: dict[tuple, str] = {}
        self._first_with_role: dict[str, Entity] = {}  # role word -> first person (in order) holding it
        self._latest_with_head: dict[str, Entity] = {}  # head noun -> last unnamed source with it
        self._persons_by_last: dict[str, list[str]] = {}  # surname -> persons

    # -- building ----------------------------------------------------------

    def entity(self, name: str, kind: str) -> Entity:
        ent = self.entities.get(name)
        if ent is None:
            ent = Entity(name=name, kind=kind, order=len(self.entities))
            self.entities[name] = ent
            parts = name.split()
            if kind == "person" and parts and len(parts[-1]) > 2:
                self._persons_by_last.setdefault(parts[-1], []).append(name)
        return ent

    def learn_run(self, tokens: Sequence[str], acronym: str | None = None, name: str | None = None,
                  split: tuple[str | None, Sequence[str]] | None = None) -> str | None:
        """Record a capitalised run seen in the text; return its canonical name
        (``split``: the run's :func:`~reader.attribution.names.split_role`, when known)."""
        role, name_toks = split or split_role(tokens)
        if not name_toks:
            return None
        name = name or " ".join(name_toks)
        if looks_org(name) or acronym:
            if acronym:
                self.acronyms[acronym] = name
            kind = "organisation"
            if len(name_toks) >= 2:
                self.names.add_org(name)
        else:
            kind = "person"
            if len(name_toks) >= 2:
                self.names.add_full(name)
        canon = self.canonical_name(name, kind)
        ent = self.entities.get(canon)
        if ent is not None:
            if role and not ent.role and ent.kind == "person":
                self.set_role(ent, role)
            g = gender_of_title(role)
            if g and not ent.gender:
                self.set_gender(ent, g)
        return canon

    def note_role(self, canon: str, role: str | None) -> None:
        ent = self.entities.get(canon)
        if ent is not None and role and not ent.role:
            self.set_role(ent, role.strip(" ,"))

    def set_role(self, ent: Entity, role: str) -> None:
        ent.role = role
        if ent.kind == "person":
            for word in role.lower().split():
                first = self._first_with_role.get(word)
                if first is None or ent.order < first.order:
                    self._first_with_role[word] = ent
        self.timeline.reclass(ent)

    def set_gender(self, ent: Entity, gender: str) -> None:
        ent.gender = gender
        self.timeline.reclass(ent)

    def mark_quoted(self, ent: Entity) -> None:
        """``ent`` has been given a quotation (a speaker is preferred by "the company")."""
        if not ent.quoted:
            ent.quoted = True
            self.timeline.reclass(ent)

    # -- resolving ---------------------------------------------------------

    def canonical_name(self, name: str, kind: str = "person") -> str:
        names = self.names
        key = (name, kind, len(names.full_names), len(names.org_names), len(self.acronyms))
        hit = self._canon_cache.get(key)
        if hit is None:
            hit = self._canon_cache[key] = names.canonical(name, kind)
        return hit

    def add(self, name: str, kind: str, span: tuple[int, int], surface: str, role: str | None = None) -> Entity:
        canon = self.canonical_name(name, kind)
        ent = self.entities.get(canon)
        if ent is None:
            ent = self.entity(canon, kind)
        ent.add_alias(surface)
        if name != canon:
            ent.add_alias(name)
        ent.add_mention(span)
        if role:
            self.note_role(canon, role)
            g = gender_of_title(role)
            if g and not ent.gender:
                self.set_gender(ent, g)
        self.timeline.mark(span[0], ent)
        return ent

    def add_anonymous(self, phrase: str, head: str, span: tuple[int, int], definite: bool) -> Entity:
        """An unnamed source; ``the source`` joins an earlier ``a source ...``."""
        head_l = head.lower()
        name = strip_det(phrase)
        ent = self._antecedent(head_l, name, span[0]) if definite else None
        if ent is None:
            kind = "organisation" if head_l in ORG_NOUNS or head_l in THING_NOUNS else "anonymous"
            ent = self.entities.get(name)
            if ent is None:
                ent = self.entity(name, kind)
                ent.head = head_l
                ent.plural = head_l.endswith("s") and not head_l.endswith("ss")
                self._latest_with_head[head_l] = ent
        ent.add_alias(phrase)
        ent.add_mention(span)
        self.timeline.mark(span[0], ent)
        return ent

    def _antecedent(self, head_l: str, name: str, offset: int) -> Entity | None:
        """Who a definite ``the <head>`` before ``offset`` is: a named person
        whose role has this word ("the spokesperson"); else the last unnamed
        source with this head; else, for "the company", the most recently
        mentioned organisation that is not a place (one already quoted if any)."""
        ent = self._first_with_role.get(head_l)
        if ent is None or not role_fits(name, ent.role):
            ent = self._latest_with_head.get(head_l)
            if ent is not None and not role_fits(name, ent.role or ent.name):
                ent = None  # "the Indiana governor" is not the former New Mexico governor
        if ent is None and head_l in ORG_NOUNS and name.lower() == head_l:
            # "the government" is not the Home Office, "the bank" no department, "the company" no ministry
            kind = head_l if head_l in INSTITUTION_NAMES else "business" if head_l in BUSINESS_NOUNS else ""
            ent = self.timeline.latest("org+q:" + kind, offset) or self.timeline.latest("org:" + kind, offset)
        return ent

    def by_role(self, title: str, before: int) -> tuple[Entity, tuple[int, int] | None] | None:
        """``the Secretary`` -> the most recent person whose role has that word
        (else the first person named with it), and the mention that decided."""
        t = title.lower()
        found = self.timeline.latest_at("role:" + t, before)
        if found is not None:
            return found[0], found[0].mention_at(found[1])
        ent = self._first_with_role.get(t)
        return None if ent is None else (ent, ent.mentions[0] if ent.mentions else None)

    def persons_named(self, words: set[str]) -> frozenset[str]:
        """Persons whose surname (over two letters) is one of ``words``."""
        return frozenset(p for w in words & self._persons_by_last.keys() for p in self._persons_by_last[w])

    @staticmethod
    def pronoun_fits(ent: Entity, pron: str) -> bool:
        """Can ``pron`` (he, she, they, it) refer to ``ent``?"""
        g = PRONOUNS.get(pron.lower())
        if g in ("m", "f"):
            return ent.kind != "organisation" and not ent.plural and ent.gender in (None, g)
        if g == "n":
            return ent.kind == "organisation" and not ent.plural
        if g == "p":
            return ent.plural or ent.kind == "organisation"
        return False

    def resolve_pronoun(self, pron: str, offset: int,
                        exclude: Collection[str] = frozenset()) -> tuple[Entity, tuple[int, int] | None] | None:
        """Most recent compatible entity mentioned before ``offset``, and that mention.

        ``exclude``: canonical names that cannot be meant (a person named
        inside the very quotation the pronoun introduces).
        """
        g = PRONOUNS.get(pron.lower())
        if g is None or g == "s":
            return None
        found = self.timeline.latest_at("pron:" + g, offset, exclude)
        if found is None:
            return None
        ent = found[0]
        if g in ("m", "f") and not ent.gender:
            self.set_gender(ent, g)
        return ent, ent.mention_at(found[1])
