"""The speaker directory: every canonical speaker of a corpus, merged across articles.

Public API::

    build_directory(items) -> Directory
    Directory.speakers            entries sorted by quote count (desc), then name
    Directory.find(name)          the best fuzzy match, or None
    Directory.filter(query)       the filter-as-you-type list
    Directory.entry_for(article, name)   the entry of one article's speaker

Pure Python (rapidfuzz for fuzzy look-ups), no UI imports.

:mod:`reader.attribution` gives each article its own canonical speakers; the
directory merges them into corpus-wide entries by the rules of
:mod:`reader.speaker_merge` (``Biden`` and ``Joseph R. Biden Jr.`` are one
person, two people who share a surname are not, ``WHO`` is the World Health
Organization, anonymous sources stay per article) and indexes the entries
for look-ups by name and alias.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from reader.gcpause import collector_paused
from reader.model import Article, Attribution
from reader.speaker_merge import SpeakerEntry, is_generic, merge_speakers, name_key

__all__ = ["Directory", "SpeakerEntry", "build_directory", "is_generic", "name_key"]


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


def build_directory(items: Iterable[tuple[Article, Attribution]]) -> Directory:
    """Merge every article's speakers into corpus-wide entries (see :mod:`reader.speaker_merge`)."""
    with collector_paused():
        return _directory(*merge_speakers(items))


def _directory(entries: list[tuple[SpeakerEntry, list[int]]], node_keys: list[tuple[str, str]]) -> Directory:
    """The directory of these entries (in this order) and its look-up tables;
    ``node_keys`` gives each member node's (article id, speaker name)."""
    directory = Directory()
    by_article = directory._by_article
    for index, (entry, members) in enumerate(entries):
        directory.speakers.append(entry)
        for node in members:
            by_article[node_keys[node]] = index
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

