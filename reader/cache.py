"""The parse cache: cleaned articles and their quotes, kept between runs.

One file in the user cache dir holds, for each article file read before, its
size and modification time and what cleaning and quote extraction made of
it.  A file whose size or time changed is read again; entries are only
trusted when the cache was written by the same extraction rules (a hash of
the modules that make articles and quotes), so changing those rules
invalidates the cache by itself.

The cache is stored with :mod:`marshal` (plain tuples, no code runs on
load) behind a header and a checksum, checked before marshal sees a byte: a
damaged file can make marshal allocate gigabytes, so a corrupt or foreign
file is discarded unread, with a note, and rebuilt.  Entries are checked
again on the way out.  Writes are atomic (temp file, fsync, rename).
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
from pathlib import Path
from typing import get_args

from reader.atomic import write_atomically
from reader.model import VIAS, Article, Attribution, Caption, Evidence, Quote, QuoteKind, Span, Speaker, SpeakerKind
from reader.userfile import read_user_file

log = logging.getLogger(__name__)

FORMAT = "newsreader-parse-cache"
MAGIC = b"newsreader parse cache 2\n"
_DIGEST = 16  # bytes of BLAKE2b over the marshal data


def pack(payload: dict) -> bytes:
    """The cache file's bytes: header, checksum, marshal data."""
    body = marshal.dumps(payload)
    return MAGIC + hashlib.blake2b(body, digest_size=_DIGEST).digest() + body


def unpack(data: bytes) -> object:
    """The payload of a cache file; ValueError unless header and checksum hold."""
    head = len(MAGIC) + _DIGEST
    if not data.startswith(MAGIC) or len(data) < head:
        raise ValueError("no newsreader cache header")
    body = data[head:]
    if hashlib.blake2b(body, digest_size=_DIGEST).digest() != data[len(MAGIC) : head]:
        raise ValueError("checksum mismatch")
    return marshal.loads(body)


# What shapes an article or its quotes: every module of the package, found by
# glob (so a module or subpackage added to the cleaner or the attribution
# engine counts from the start), but the UI and the top-level modules and
# packages that only consume articles.  A test checks that every module
# read_file and extract_article load is covered.
_RULE_GLOB = "**/*.py"
_CONSUMERS = frozenset(
    "__main__ atomic cli config crash directory export loader paths query search shared_quotes speaker_merge "
    "state stories ui".split()
)


def rule_files(root: Path | None = None) -> list[Path]:
    """The modules :func:`rules_version` hashes, in a stable order."""
    root = root or Path(__file__).resolve().parent
    files = []
    for f in root.glob(_RULE_GLOB):
        rel = f.relative_to(root)
        top = rel.parts[0] if len(rel.parts) > 1 else f.stem  # a top-level module or package
        if f.is_file() and top not in _CONSUMERS:
            files.append((rel.as_posix(), f))
    return [f for _, f in sorted(files)]


def rules_version(root: Path | None = None) -> str:
    """A fingerprint of the code that turns files into articles and quotes
    (each module's path and bytes)."""
    root = root or Path(__file__).resolve().parent
    digest = hashlib.sha1()
    for f in rule_files(root):
        digest.update(f.relative_to(root).as_posix().encode() + b"\0")
        try:
            digest.update(f.read_bytes())
        except OSError:
            digest.update(b"unreadable")
        digest.update(b"\0")
    return digest.hexdigest()[:16]


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
    )


def article_from_tuple(t: tuple) -> Article:
    """The article of :func:`article_to_tuple`; ValueError or TypeError when
    ``t`` is not one (a cache file can hold anything that passes its checksum)."""
    (aid, path, source, title, paras, outlet, via, byline, section, copyright_, date, captions) = t
    if not (type(aid) is str and type(path) is str and type(source) is str and type(title) is str):
        raise TypeError("cache entry: id, path, source and title must be strings")
    for value in (outlet, via, byline, section, copyright_, date):
        if value is not None and type(value) is not str:
            raise TypeError("cache entry: metadata must be strings or None")
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
        tuple((q.start, q.end, q.kind, q.speaker, q.paragraph, q.cue, _evidence_t(q.evidence))
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


def attribution_from_tuple(t: tuple, source: str) -> Attribution:
    """The quotes and speakers of :func:`attribution_to_tuple`, checked like
    :func:`article_from_tuple` (offsets inside ``source``)."""
    quote_ts, speaker_ts = t
    size = len(source)
    quotes = []
    for start, end, kind, speaker, paragraph, cue, evidence in quote_ts:
        _check_span(start, end, size)
        if kind not in _QUOTE_KINDS or (speaker is not None and type(speaker) is not str) or type(paragraph) is not int:
            raise TypeError("cache entry: a quote's kind, speaker or paragraph is wrong")
        if cue is not None:
            _check_pair(cue, size)
        quotes.append(Quote(start, end, source[start:end], kind, speaker, paragraph, cue,
                            _evidence_from(evidence, size)))
    speakers = []
    for name, kind, role, aliases, mentions, count in speaker_ts:
        if type(name) is not str or kind not in _SPEAKER_KINDS or (role is not None and type(role) is not str):
            raise TypeError("cache entry: a speaker's name, kind or role is wrong")
        if type(count) is not int or type(aliases) is not tuple or type(mentions) is not tuple:
            raise TypeError("cache entry: a speaker's counts, aliases or mentions are wrong")
        if not all(type(alias) is str for alias in aliases):
            raise TypeError("cache entry: an alias is not a string")
        for mention in mentions:
            _check_pair(mention, size)
        # marshal gives tuples back as tuples: aliases and mentions need no copying.
        speakers.append(Speaker(name, kind, role, aliases, mentions, count))
    return Attribution(quotes=tuple(quotes), speakers=tuple(speakers))


# --- the cache file -------------------------------------------------------------


class ParseCache:
    """Entries keyed by absolute path; see the module docstring."""

    def __init__(self, path: Path, version: str | None = None) -> None:
        self.path = Path(path)
        self.version = version or rules_version()
        self.entries: dict[str, tuple] = {}
        self.notes: list[str] = []
        self.hits = 0
        self.misses = 0
        self._dirty = False

    @staticmethod
    def key(path: Path | str) -> str:
        return os.path.abspath(path)

    def load(self) -> ParseCache:
        try:
            data = read_user_file(self.path, None)  # a FIFO or a device here must not hang the start
        except FileNotFoundError:
            return self
        except OSError as exc:
            self._note(f"parse cache {self.path} unreadable ({exc.strerror or exc}); rebuilding")
            return self
        try:
            payload = unpack(data)
            ok = isinstance(payload, dict) and payload.get("format") == FORMAT
            entries = payload.get("entries") if ok else None
            if not isinstance(entries, dict):
                raise ValueError("not a newsreader parse cache")
        except (ValueError, EOFError, TypeError) as exc:
            self._note(f"parse cache {self.path} was corrupt or foreign ({exc}); rebuilding")
            self._dirty = True
            return self
        if payload.get("version") != self.version:
            self._dirty = True  # other extraction rules: start over, quietly
            return self
        self.entries = entries
        return self

    def _note(self, message: str) -> None:
        log.warning(message)
        self.notes.append(message)

    def get(self, path: Path | str, size: int, mtime_ns: int) -> list[tuple[Article, Attribution]] | None:
        """The cached articles (one, or several for JSON Lines) and their quotes,
        when the file has not changed since they were cached."""
        entry = self.entries.get(self.key(path))
        if not isinstance(entry, tuple) or len(entry) != 3 or entry[0] != size or entry[1] != mtime_ns:
            self.misses += 1
            return None
        items = []
        try:
            for article_t, attribution_t in entry[2]:
                article = article_from_tuple(article_t)
                items.append((article, attribution_from_tuple(attribution_t, article.source)))
        except (ValueError, TypeError, IndexError):
            self.misses += 1
            return None
        self.hits += 1
        return items

    def put(self, path: Path | str, size: int, mtime_ns: int, items: list[tuple[tuple, tuple]]) -> None:
        """Cache a file's articles, given as ``(article_to_tuple, attribution_to_tuple)`` pairs."""
        self.entries[self.key(path)] = (size, mtime_ns, tuple(items))
        self._dirty = True

    def forget_missing(self) -> None:
        """Drop entries whose files are gone."""
        gone = [key for key in self.entries if not os.path.exists(key)]
        for key in gone:
            del self.entries[key]
        self._dirty = self._dirty or bool(gone)

    def save(self) -> str | None:
        """Write atomically; a one-line warning instead of an exception."""
        if not self._dirty:
            return None
        payload = {"format": FORMAT, "version": self.version, "entries": self.entries}
        try:
            write_atomically(self.path, pack(payload))
        except (OSError, ValueError) as exc:
            return f"could not write the parse cache {self.path}: {getattr(exc, 'strerror', None) or exc}"
        self._dirty = False
        return None
