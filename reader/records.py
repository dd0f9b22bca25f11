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
from typing import get_args

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


def _loads(text: object) -> object:
    if type(text) is not str:
        raise TypeError("cache entry: a nested value is not JSON text")
    return json.loads(text)


def _spans(text: object, size: int) -> tuple[tuple[int, int], ...]:
    """``"0 12 14 80"`` as ``((0, 12), (14, 80))``, each inside ``size``."""
    if type(text) is not str:
        raise TypeError("cache entry: spans are not text")
    numbers = [int(n) for n in text.split()]
    if len(numbers) % 2:
        raise ValueError("cache entry: an odd number of span ends")
    ends = iter(numbers)
    pairs = tuple(zip(ends, ends))
    for start, end in pairs:
        if not 0 <= start <= end <= size:
            raise ValueError("cache entry: a span outside its article")
    return pairs


def _article_from_row(row: tuple) -> Article:
    """The checks of :func:`article_from_tuple` on a row of the ``articles`` table."""
    (aid, path, source, title, paras, outlet, via, byline, section, copyright_, date, captions, url) = row
    _check_strings((aid, path, source, title), (outlet, via, byline, section, copyright_, date, url))
    caption_list = ()
    if captions != "[]":
        caption_list = tuple(_caption(c) for c in _loads(captions))
    return Article(id=aid, path=path, source=source, title=title,
                   paragraphs=tuple([Span(s, e, source[s:e]) for s, e in _spans(paras, len(source))]),
                   outlet=outlet, via=via, byline=byline, section=section, copyright=copyright_, date=date,
                   captions=caption_list, url=url)


def _caption(value: object) -> Caption:
    text, credit = value  # ValueError or TypeError unless a pair
    if type(text) is not str or type(credit) is not str:
        raise TypeError("cache entry: captions must be strings")
    return Caption(text, credit)


def _quotes_from_rows(rows: list, source: str) -> tuple[Quote, ...]:
    """The checks of :func:`attribution_from_tuple` straight on the table's rows
    (one pass, no tuples in between: a warm start reads tens of thousands)."""
    size = len(source)
    quotes = []
    for (start, end, kind, speaker, paragraph, cue_start, cue_end, via, ev_start, ev_end, ante_start, ante_end,
         reported_by) in rows:
        if not (type(start) is int and type(end) is int and 0 <= start <= end <= size):
            raise ValueError("cache entry: a quote outside its article")
        if kind not in _QUOTE_KINDS or not _name_or_none(speaker) or type(paragraph) is not int \
                or not _name_or_none(reported_by):
            raise TypeError("cache entry: a quote's kind, speaker or paragraph is wrong")
        cue = None
        if cue_start is not None or cue_end is not None:
            _check_span(cue_start, cue_end, size)
            cue = (cue_start, cue_end)
        evidence = None
        if via is not None:
            if via not in _VIAS:
                raise TypeError("cache entry: a quote's evidence has an unknown way of finding the speaker")
            _check_span(ev_start, ev_end, size)
            antecedent = None
            if ante_start is not None or ante_end is not None:
                _check_span(ante_start, ante_end, size)
                antecedent = (ante_start, ante_end)
            evidence = Evidence(ev_start, ev_end, via, antecedent)
        quotes.append(Quote(start, end, source[start:end], kind, speaker, paragraph, cue, evidence, reported_by))
    return tuple(quotes)


def _name_or_none(value: object) -> bool:
    return value is None or type(value) is str


def _speakers_from_rows(rows: list, size: int) -> tuple[Speaker, ...]:
    speakers = []
    for name, kind, role, aliases, mentions, count in rows:
        if type(name) is not str or kind not in _SPEAKER_KINDS or (role is not None and type(role) is not str):
            raise TypeError("cache entry: a speaker's name, kind or role is wrong")
        if type(count) is not int:
            raise TypeError("cache entry: a speaker's count is wrong")
        alias_list = () if aliases == "[]" else _loads(aliases)
        if type(alias_list) not in (list, tuple) or not all(type(alias) is str for alias in alias_list):
            raise TypeError("cache entry: the aliases are not strings")
        speakers.append(Speaker(name, kind, role, tuple(alias_list), _spans(mentions, size), count))
    return tuple(speakers)


def items_from_rows(rows: list) -> list[tuple[Article, Attribution]]:
    """Checked articles and quotes of one file's rows; ValueError or TypeError if any field is wrong."""
    items = []
    for article_row, attribution_rows in rows:
        article = _article_from_row(article_row)
        quote_rows, speaker_rows = attribution_rows
        items.append((article, Attribution(quotes=_quotes_from_rows(quote_rows, article.source),
                                           speakers=_speakers_from_rows(speaker_rows, len(article.source)))))
    return items


