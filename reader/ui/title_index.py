"""A word index of article titles, for the command palette.

Scoring every title with rapidfuzz on each keystroke costs 25-35 ms of CPU
on 19,000 Reuters titles (and more in the palette's own drawing).  Like the
search index, this looks the query's words up in the titles' vocabulary
(a few thousand distinct words) and only walks the titles holding a match:

- a word of the title equal to the query word counts 1, one it begins
  0.9, one it contains 0.75 (a run of letters typed from the middle);
- a word within a typo of it (rapidfuzz ``ratio`` >= 75, words of three
  letters or more) counts 0.8 times that ratio;

a title's score is the mean over the query's words of its best match, plus
a little when the query as typed is part of the title.  Titles are added as
they load; ties keep the order they came in.

>>> index = TitleIndex()
>>> index.extend(["Ferry timetable changes", "Council report on roads", "Roadworks on the ferry lane"])
>>> [i for i, _ in index.search("ferry timtable", 5)]
[0, 2]
>>> [i for i, _ in index.search("road", 5)]
[1, 2]
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_left
from collections.abc import Iterable

from rapidfuzz import fuzz, process

MATCHED_CHARS = 200  # of each title
QUERY_WORDS = 8
FUZZY_LIMIT = 40  # vocabulary words tried per misspelt query word
FUZZY_CUTOFF = 75
_WORD = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    return _WORD.findall(text[:MATCHED_CHARS].casefold())


class TitleIndex:
    """Titles by number (their order of :meth:`extend`); :meth:`search` ranks them."""

    def __init__(self) -> None:
        self.keys: list[str] = []  # each title, lower case, cut to MATCHED_CHARS
        self._word_id: dict[str, int] = {}
        self._words: list[str] = []
        self._postings: list[list[int]] = []  # word id -> titles holding it
        self._sorted: list[str] | None = None  # the vocabulary, sorted (for prefixes)
        self._found: dict[str, dict[int, float]] = {}  # query word -> matches, until titles are added

    def __len__(self) -> int:
        return len(self.keys)

    def extend(self, titles: Iterable[str]) -> None:
        for title in titles:
            number = len(self.keys)
            self.keys.append(title[:MATCHED_CHARS].casefold())
            for word in set(words_of(title)):
                word_id = self._word_id.get(word)
                if word_id is None:
                    word_id = self._word_id[word] = len(self._words)
                    self._words.append(word)
                    self._postings.append([])
                self._postings[word_id].append(number)
        self._sorted = None
        self._found.clear()

    def _matches(self, word: str) -> dict[int, float]:
        """Vocabulary word id -> how well it matches query word ``word``
        (kept: the words before the one being typed are looked up once)."""
        found = self._found.get(word)
        if found is None:
            if len(self._found) > 256:
                self._found.clear()
            found = self._found[word] = self._look_up(word)
        return found

    def _look_up(self, word: str) -> dict[int, float]:
        if self._sorted is None:
            self._sorted = sorted(self._words)
        vocabulary = self._sorted
        found: dict[int, float] = {}
        at = bisect_left(vocabulary, word)
        while at < len(vocabulary) and vocabulary[at].startswith(word):
            match = vocabulary[at]
            found[self._word_id[match]] = 1.0 if match == word else 0.9
            at += 1
        if len(word) < 3:
            return found
        for word_id in (i for i, w in enumerate(self._words) if word in w):
            found.setdefault(word_id, 0.75)
        # always: a typo in one title ("JAPN") must not hide the usual spelling in the others
        for _, score, word_id in process.extract(
            word, self._words, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=FUZZY_LIMIT
        ):
            found[word_id] = max(found.get(word_id, 0.0), 0.8 * score / 100)
        return found

    def search(self, query: str, limit: int) -> list[tuple[int, float]]:
        """The best ``limit`` titles for ``query``: ``(number, score 0-1.05)``, best first."""
        query_words = words_of(query)[:QUERY_WORDS]
        if not query_words:
            return []
        totals: dict[int, float] = {}
        for word in query_words:
            best: dict[int, float] = {}
            for word_id, quality in self._matches(word).items():
                for number in self._postings[word_id]:
                    if best.get(number, 0.0) < quality:
                        best[number] = quality
            for number, quality in best.items():
                totals[number] = totals.get(number, 0.0) + quality
        phrase = " ".join(query.casefold().split())
        keys, count = self.keys, len(query_words)
        ranked = heapq.nlargest(
            limit,
            ((total / count + (0.05 if phrase in keys[number] else 0.0), -number) for number, total in totals.items()),
        )
        return [(-negative, score) for score, negative in ranked]
