r"""Articles and their quotes as plain tuples of str, int and None, and back.

The parse cache stores these (:mod:`reader.store.cache_db` as table rows);
worker processes return them.  Reading them back checks every field: a
cache file can hold anything, and a wrong one must cost a re-read, never a
crash.

>>> from reader.cleaning import parse_article
>>> article = parse_article('Headline here\n\n"We are ready," Ana Lopez said.\n', "a.txt")
>>> article_from_tuple(article_to_tuple(article)) == article
True
>>> t = article_to_tuple(article)
>>> article_from_tuple(t[:4] + (((0, 99999),),) + t[5:])
Traceback (most recent call last):
ValueError: cache entry: a span outside its article
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
from operator import le
from typing import Any, cast, get_args

from reader.model import VIAS, Article, Attribution, Caption, Evidence, Quote, QuoteKind, Span, Speaker, SpeakerKind

# --- records <-> plain tuples -------------------------------------------------


def _span_t(span: Span) -> tuple:
    return (span.start, span.end)


def article_to_tuple(article: Article) -> tuple:
    return (
        article.id,
        article.path,
        article.source,
        article.title,
        tuple(_span_t(p) for p in article.paragraphs),
        article.outlet,
        article.via,
        article.byline,
        article.section,
        article.copyright,
        article.date,
        tuple((c.text, c.credit) for c in article.captions),
        article.url,
    )


def _check_strings(required: tuple, optional: tuple) -> None:
    """TypeError unless every ``required`` value is a str and every ``optional`` one a str or None."""
    if not all(type(value) is str for value in required):
        raise TypeError("cache entry: id, path, source and title must be strings")
    if not all(value is None or type(value) is str for value in optional):
        raise TypeError("cache entry: metadata must be strings or None")


def article_from_tuple(t: tuple) -> Article:
    """The article of :func:`article_to_tuple`; ValueError or TypeError when
    ``t`` is not one (a cache file can hold anything that passes its checksum)."""
    (aid, path, source, title, paras, outlet, via, byline, section, copyright_, date, captions, url) = t
    _check_strings((aid, path, source, title), (outlet, via, byline, section, copyright_, date, url))
    size = len(source)
    paragraphs = []
    for start, end in paras:
        _check_span(start, end, size)
        paragraphs.append(Span(start, end, source[start:end]))
    caption_list = []
    for text, credit in captions:
        if type(text) is not str or type(credit) is not str:
            raise TypeError("cache entry: captions must be strings")
        caption_list.append(Caption(text, credit))
    return Article(
        id=aid,
        path=path,
        source=source,
        title=title,
        paragraphs=tuple(paragraphs),
        outlet=outlet,
        via=via,
        byline=byline,
        section=section,
        copyright=copyright_,
        date=date,
        captions=tuple(caption_list),
        url=url,
    )


def _check_span(start: object, end: object, size: int) -> None:
    if type(start) is not int or type(end) is not int or not 0 <= start <= end <= size:
        raise ValueError("cache entry: a span outside its article")


_QUOTE_KINDS = frozenset(get_args(QuoteKind))
_SPEAKER_KINDS = frozenset(get_args(SpeakerKind))


def _evidence_t(evidence: Evidence | None) -> tuple | None:
    if evidence is None:
        return None
    return (evidence.start, evidence.end, evidence.via, evidence.antecedent)


def attribution_to_tuple(attribution: Attribution) -> tuple:
    return (
        tuple((q.start, q.end, q.kind, q.speaker, q.paragraph, q.cue, _evidence_t(q.evidence), q.reported_by)
              for q in attribution.quotes),
        tuple((s.name, s.kind, s.role, s.aliases, s.mentions, s.quotes) for s in attribution.speakers),
    )


_VIAS = frozenset(VIAS)


def _evidence_from(t: object, size: int) -> Evidence | None:
    if t is None:
        return None
    if type(t) is not tuple or len(t) != 4:
        raise TypeError("cache entry: a quote's evidence is not a record")
    start, end, via, antecedent = t
    _check_span(start, end, size)
    if via not in _VIAS:
        raise TypeError("cache entry: a quote's evidence has an unknown way of finding the speaker")
    if antecedent is not None:
        _check_pair(antecedent, size)
    return Evidence(start, end, via, antecedent)


def _check_pair(span: object, size: int) -> None:
    if type(span) is not tuple or len(span) != 2:
        raise TypeError("cache entry: a span is not a pair")
    _check_span(*span, size)


def _speaker(t: tuple, size: int) -> Speaker:
    name, kind, role, aliases, mentions, count = t
    if type(name) is not str or kind not in _SPEAKER_KINDS or (role is not None and type(role) is not str):
        raise TypeError("cache entry: a speaker's name, kind or role is wrong")
    if type(count) is not int or type(aliases) is not tuple or type(mentions) is not tuple:
        raise TypeError("cache entry: a speaker's counts, aliases or mentions are wrong")
    if not all(type(alias) is str for alias in aliases):
        raise TypeError("cache entry: an alias is not a string")
    for mention in mentions:
        _check_pair(mention, size)
    return Speaker(name, kind, role, aliases, mentions, count)


def attribution_from_tuple(t: tuple, source: str) -> Attribution:
    """The quotes and speakers of :func:`attribution_to_tuple`, checked like
    :func:`article_from_tuple` (offsets inside ``source``)."""
    quote_ts, speaker_ts = t
    size = len(source)
    quotes = []
    for start, end, kind, speaker, paragraph, cue, evidence, reported_by in quote_ts:
        _check_span(start, end, size)
        if kind not in _QUOTE_KINDS or not _name_or_none(speaker) or type(paragraph) is not int \
                or not _name_or_none(reported_by):
            raise TypeError("cache entry: a quote's kind, speaker or paragraph is wrong")
        if cue is not None:
            _check_pair(cue, size)
        quotes.append(Quote(start, end, source[start:end], kind, speaker, paragraph, cue,
                            _evidence_from(evidence, size), reported_by))
    speakers = [_speaker(t, size) for t in speaker_ts]
    return Attribution(quotes=tuple(quotes), speakers=tuple(speakers))


# --- rows of the database (reader.store.cache_db) -> the tuples above --------------------------------------
#
# A warm start reads every row of a big corpus: each is checked at once (a
# wrong one makes its file a miss, read again), but the records are made
# only when first used (:class:`Lazy`): a hundred thousand paragraphs and
# quotes cost far more to make than to check, and listing the articles, or
# searching them with a stored index, needs none of them.


class Lazy(Sequence):
    """A tuple made on first use, from rows already checked.

    It compares, hashes and iterates as the tuple it stands for, so a record
    holding one is equal to one holding the tuple::

        >>> lazy = Lazy(tuple, 2, [1, 2])
        >>> len(lazy), lazy == (1, 2), (1, 2) == lazy, lazy[1], list(lazy)
        (2, True, True, 2, [1, 2])
    """

    __slots__ = ("_make", "_args", "_items", "_len")
    _make: Callable[..., tuple] | None
    _args: tuple | None
    _items: tuple | None
    _len: int | None

    def __init__(self, make, length: int | None, *args) -> None:
        self._make, self._args, self._items, self._len = make, args, None, length  # length None: not known yet

    def _tuple(self) -> tuple:
        items = self._items
        if items is None:
            with _MAKING:  # two threads asking at once get the same records
                items = self._items
                if items is None:
                    make, args = self._make, self._args
                    assert make is not None and args is not None  # dropped only once the items are made
                    items = self._items = make(*args)
                    self._make = self._args = None
        return items

    def __len__(self) -> int:
        return len(self._tuple()) if self._len is None else self._len

    def __getitem__(self, i):
        return self._tuple()[i]

    def __iter__(self):
        return iter(self._tuple())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Lazy):
            other = other._tuple()
        return self._tuple() == other if isinstance(other, tuple) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._tuple())

    def __add__(self, other: tuple) -> tuple:
        return self._tuple() + tuple(other)

    def __radd__(self, other: tuple) -> tuple:
        return tuple(other) + self._tuple()

    def __repr__(self) -> str:
        return repr(self._tuple())


_MAKING = threading.RLock()


def _loads(text: object) -> Any:  # JSON of any shape: the caller checks it
    if type(text) is not str:
        raise TypeError("cache entry: a nested value is not JSON text")
    return json.loads(text)


def _numbers(text: object, size: int) -> tuple[list[int], list[int]]:
    """``"0 12 14 80"`` as starts ``[0, 14]`` and ends ``[12, 80]``, each span inside ``size``."""
    if type(text) is not str:
        raise TypeError("cache entry: spans are not text")
    numbers = list(map(int, text.split()))
    if len(numbers) % 2:
        raise ValueError("cache entry: an odd number of span ends")
    starts, ends = numbers[0::2], numbers[1::2]
    if starts and (min(starts) < 0 or max(ends) > size or not all(map(le, starts, ends))):
        raise ValueError("cache entry: a span outside its article")
    return starts, ends


def _spans(text: object, size: int) -> tuple[tuple[int, int], ...]:
    """``"0 12 14 80"`` as ``((0, 12), (14, 80))``, each inside ``size``."""
    return tuple(zip(*_numbers(text, size), strict=False))


def _make_paragraphs(starts: list[int], ends: list[int], source: str) -> tuple[Span, ...]:
    return tuple(map(Span, starts, ends, map(source.__getitem__, map(slice, starts, ends))))


class _Paragraphs(Lazy):
    """An article's paragraphs; one asked for by number before the rest is made
    alone (a wire dateline is read from the first paragraph of every article)."""

    __slots__ = ()

    def __getitem__(self, i):
        if self._items is None and type(i) is int:
            args = self._args
            if args is not None:
                starts, ends, source = args
                start, end = starts[i], ends[i]
                return Span(start, end, source[start:end])
        return self._tuple()[i]


def _article_from_row(row: tuple, lazy: bool = True) -> Article:
    """The checks of :func:`article_from_tuple` on a row of the ``articles`` table
    (``lazy``: the paragraphs made when first used)."""
    (aid, path, source, title, paras, outlet, via, byline, section, copyright_, date, captions, url) = row
    _check_strings((aid, path, source, title), (outlet, via, byline, section, copyright_, date, url))
    caption_list: tuple[Caption, ...] = ()
    if captions != "[]":
        caption_list = tuple(_caption(c) for c in _loads(captions))
    starts, ends = _numbers(paras, len(source))
    # a _Paragraphs stands in for the tuple (it compares, hashes and iterates as one)
    paragraphs = (cast(tuple[Span, ...], _Paragraphs(_make_paragraphs, len(starts), starts, ends, source)) if lazy
                  else _make_paragraphs(starts, ends, source))
    return Article(id=aid, path=path, source=source, title=title, paragraphs=paragraphs,
                   outlet=outlet, via=via, byline=byline, section=section, copyright=copyright_, date=date,
                   captions=caption_list, url=url)


def _caption(value: Any) -> Caption:  # anything JSON gave
    text, credit = value  # ValueError or TypeError unless a pair
    if type(text) is not str or type(credit) is not str:
        raise TypeError("cache entry: captions must be strings")
    return Caption(text, credit)


def _check_quotes(rows: list, size: int) -> None:
    """The checks of :func:`attribution_from_tuple` straight on the table's rows."""
    for (start, end, kind, speaker, paragraph, cue_start, cue_end, via, ev_start, ev_end, ante_start, ante_end,
         reported_by) in rows:
        if not (type(start) is int and type(end) is int and 0 <= start <= end <= size):
            raise ValueError("cache entry: a quote outside its article")
        if kind not in _QUOTE_KINDS or not _name_or_none(speaker) or type(paragraph) is not int \
                or not _name_or_none(reported_by):
            raise TypeError("cache entry: a quote's kind, speaker or paragraph is wrong")
        if cue_start is not None or cue_end is not None:
            _check_span(cue_start, cue_end, size)
        if via is not None:
            if via not in _VIAS:
                raise TypeError("cache entry: a quote's evidence has an unknown way of finding the speaker")
            _check_span(ev_start, ev_end, size)
            if ante_start is not None or ante_end is not None:
                _check_span(ante_start, ante_end, size)


def _name_or_none(value: object) -> bool:
    return value is None or type(value) is str


def _make_quotes(rows: list, source: str) -> tuple[Quote, ...]:
    """The quotes of rows checked by :func:`_check_quotes`."""
    quotes = []
    for (start, end, kind, speaker, paragraph, cue_start, cue_end, via, ev_start, ev_end, ante_start, ante_end,
         reported_by) in rows:
        evidence = None
        if via is not None:
            evidence = Evidence(ev_start, ev_end, via, None if ante_start is None else (ante_start, ante_end))
        quotes.append(Quote(start, end, source[start:end], kind, speaker, paragraph,
                            None if cue_start is None else (cue_start, cue_end), evidence, reported_by))
    return tuple(quotes)


def _quotes_from_rows(rows: list, source: str, lazy: bool = True) -> Lazy | tuple[Quote, ...]:
    _check_quotes(rows, len(source))
    return Lazy(_make_quotes, len(rows), rows, source) if lazy else _make_quotes(rows, source)


def _speakers_from_rows(rows: list, size: int, lazy: bool = True) -> Lazy | tuple[Speaker, ...]:
    checked = []
    for name, kind, role, aliases, mentions, count in rows:
        if type(name) is not str or kind not in _SPEAKER_KINDS or (role is not None and type(role) is not str):
            raise TypeError("cache entry: a speaker's name, kind or role is wrong")
        if type(count) is not int:
            raise TypeError("cache entry: a speaker's count is wrong")
        alias_list = () if aliases == "[]" else _loads(aliases)
        if type(alias_list) not in (list, tuple) or not all(type(alias) is str for alias in alias_list):
            raise TypeError("cache entry: the aliases are not strings")
        checked.append((name, kind, role, alias_list, _numbers(mentions, size), count))
    return Lazy(_make_speakers, len(checked), checked) if lazy else _make_speakers(checked)


def _make_speakers(checked: list) -> tuple[Speaker, ...]:
    return tuple(Speaker(name, kind, role, tuple(aliases), tuple(zip(*mentions, strict=False)), count)
                 for name, kind, role, aliases, mentions, count in checked)


def attribution_from_rows(quote_rows: list, speaker_rows: list, source: str, lazy: bool = True) -> Attribution:
    """Checked quotes and speakers of one article's rows (``lazy``: made when first used)."""
    # a Lazy stands in for the tuple (it compares, hashes and iterates as one)
    return Attribution(quotes=cast(tuple[Quote, ...], _quotes_from_rows(quote_rows, source, lazy)),
                       speakers=cast(tuple[Speaker, ...], _speakers_from_rows(speaker_rows, len(source), lazy)))


article_from_row = _article_from_row


def items_from_rows(rows: list, lazy: bool = False) -> list[tuple[Article, Attribution]]:
    """Checked articles and quotes of one file's rows; ValueError or TypeError if any field is wrong.
    ``lazy``: paragraphs, quotes and speakers made when first used (:class:`Lazy`), which
    costs more in all when every one of them is used."""
    items = []
    for article_row, attribution_rows in rows:
        article = _article_from_row(article_row, lazy)
        quote_rows, speaker_rows = attribution_rows
        items.append((article, attribution_from_rows(quote_rows, speaker_rows, article.source, lazy)))
    return items
