"""What the index holds and returns: kinds of documents, and hits.

A document is a quote, a speaker, an article's title or a body paragraph;
a :class:`Hit` is one found for a query, with the spans of the words that
matched (``matches``, offsets into ``text``)::

    >>> marks("Balloon talks: the balloon, again", {"balloon"})
    ((0, 7), (19, 26))
    >>> has_phrases(["the", "surveillance", "balloon", "flew"], [(("surveillance", "ball"), True)])
    True
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.query import term_spans

__all__ = ["Hit", "KIND_NAMES", "has_phrases", "marks"]

KIND_QUOTE, KIND_SPEAKER, KIND_ARTICLE, KIND_TEXT = 0, 1, 2, 3
KIND_NAMES = ("quote", "speaker", "article", "text")
KIND_BONUS = (0.3, 0.3, 0.2, 0.0)


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # "quote" | "speaker" | "article" (title) | "text" (body paragraph)
    article_id: str
    path: str
    text: str
    speaker: str | None
    start: int
    end: int
    score: float
    matches: tuple[tuple[int, int], ...]


def has_phrases(toks: list[str], phrases: list[tuple[tuple[str, ...], bool]]) -> bool:
    """Does every phrase occur in ``toks`` (the last word of a partial one as a prefix)?"""
    for phrase, partial in phrases:
        n = len(phrase)
        head, last = list(phrase[:-1]), phrase[-1]
        for i in range(len(toks) - n + 1):
            if toks[i : i + n - 1] == head and (
                toks[i + n - 1].startswith(last) if partial else toks[i + n - 1] == last
            ):
                break
        else:
            return False
    return True


def marks(text: str, hit_words: set[str]) -> tuple[tuple[int, int], ...]:
    """Spans of ``text`` whose words normalise to one of ``hit_words``."""
    if not hit_words:
        return ()
    spans: list[tuple[int, int]] = []
    if text.isascii():
        low = text.lower()
        n = len(low)
        for w in hit_words:
            i = low.find(w)
            while i >= 0:
                e = i + len(w)
                if (i == 0 or not low[i - 1].isalnum()) and (e == n or not low[e].isalnum()):
                    spans.append((i, e))
                i = low.find(w, e)
        spans.sort()
        return tuple(spans)
    for t, a, e in term_spans(text):
        if t in hit_words:
            if spans and spans[-1][1] >= a:  # parts of one word
                spans[-1] = (spans[-1][0], max(spans[-1][1], e))
            else:
                spans.append((a, e))
    return tuple(spans)
