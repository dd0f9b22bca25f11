"""The parse cache: cleaned articles and their quotes, kept between runs.

The rows live in an SQLite database in the user cache dir (the SQL is in
:mod:`reader.store.cache_db`, which documents the tables).  Each file read
before is known by its absolute path, size, modification time and content
hash; a file whose size or time changed is hashed, and served from the cache
only if its bytes are the same (``touch`` costs nothing), else read again.
Rows are only trusted when written by the same extraction rules (a hash of
the modules that make articles and quotes), so changing those rules
invalidates the cache by itself.

The cache is disposable: a corrupt or foreign file, or one written by other
rules, is rebuilt with a one-line note, and every row is checked again on
the way out (a hostile cache can cost a re-read, never a crash).

>>> import tempfile, pathlib
>>> cache = ParseCache(pathlib.Path(tempfile.mkdtemp()) / "parse.sqlite").load()
>>> cache.lookup([("/no/such/file.txt", (10, 1))]), (cache.hits, cache.misses)
([None], (0, 1))
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sqlite3
import time
from pathlib import Path

from reader.model import Article, Attribution
from reader.records import (  # noqa: F401  (re-exported: the loader and tests use them from here)
    article_from_row,
    article_from_tuple,
    article_to_tuple,
    attribution_from_tuple,
    attribution_to_tuple,
    items_from_rows,
)
from reader.store import cache_db
from reader.store.deferred import Deferred
from reader.store.sqlite import NotOurs, open_database, remove_database
from reader.userfile import file_limit, read_user_file

log = logging.getLogger(__name__)

# What shapes an article or its quotes: every module of the package, found by
# glob (so a module or subpackage added to the cleaner or the attribution
# engine counts from the start), but the UI and the top-level modules and
# packages that only consume articles.  A test checks that every module
# read_file and extract_article load is covered.
_RULE_GLOB = "**/*.py"
# The cache's own modules (cache, records, store) are left out too: how rows
# are stored is versioned by the database's schema (PRAGMA user_version).
_CONSUMERS = frozenset(
    "__main__ atomic cache citation cli config crash directory export loader paths query records search shared_quotes "
    "speaker_merge state store stories ui".split()
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


def content_hash(path: Path | str) -> str:
    """A hash of the file's bytes ("" when it cannot be read)."""
    try:
        return hashlib.blake2b(read_user_file(path, file_limit()), digest_size=16).hexdigest()
    except OSError:
        return ""


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


# --- the cache ----------------------------------------------------------------------

FLUSH_EVERY = 200  # files per write transaction
_BAD_ROW = (ValueError, TypeError, IndexError, RecursionError)


class ParseCache:
    """The parse cache database at ``path``; see the module docstring.

    ``entries`` maps each cached file's absolute path to ``(size, mtime_ns,
    hash, file_id)`` as of :meth:`load`; ``digests`` the content hash of
    each file :meth:`lookup` served; ``notes`` are one-line messages
    for the user; ``hits`` and ``misses`` count files served and not.
    """

    def __init__(self, path: Path, version: str | None = None) -> None:
        self.path = Path(path)
        self.version = version or rules_version()
        self.entries: dict[str, tuple[int, int, str, int]] = {}
        self.notes: list[str] = []
        self.hits = 0
        self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._problem: str | None = None  # why the cache cannot be written, if it cannot
        self._pending: list[tuple[str, int, int, str, list]] = []
        self._copies: dict[int, tuple[str, tuple[int, int], str]] = {}
        self.digests: dict[str, str] = {}  # the content hash of each file :meth:`lookup` looked at
        self._deferred: list[Deferred] = []  # quotes and speakers of looked-up articles, not yet read
        self._served: dict[int, tuple[int, str, tuple[int, int]]] = {}  # file id -> (times served, path, stat)

    @staticmethod
    def key(path: Path | str) -> str:
        return os.path.abspath(path)

    @property
    def _conn(self) -> sqlite3.Connection:
        """The open database: :meth:`load` opens it (always, in memory at worst) and :meth:`close` closes it."""
        assert self._db is not None, "ParseCache used before load() or after close()"
        return self._db

    def load(self) -> ParseCache:
        """Open the database (rebuilt if corrupt, foreign or of other rules) and list its files."""
        try:
            self._db = cache_db.open_cache(self.path)
        except (sqlite3.DatabaseError, NotOurs) as exc:
            self._rebuild(f"was corrupt or foreign ({exc})")
        except OSError as exc:
            if self.path.exists():
                self._note(f"parse cache {self.path} unusable ({exc.strerror or exc}); rebuilding in memory")
            self._problem = exc.strerror or str(exc)
            self._db = open_database(":memory:", cache_db.APPLICATION_ID, cache_db.MIGRATIONS)
        try:
            found = cache_db.rules(self._conn)
            if found != self.version:
                if found is not None:
                    self._note(f"parse cache {self.path} was made by other extraction rules; rebuilding")
                cache_db.start_over(self._conn, self.version)
            self.entries = cache_db.known_files(self._conn)
        except sqlite3.DatabaseError as exc:
            self._rebuild(f"was corrupt ({exc})")
        return self

    def _rebuild(self, why: str) -> None:
        """Start an empty cache in place of a damaged one."""
        self._note(f"parse cache {self.path} {why}; rebuilding")
        if self._db is not None:
            self._db.close()
        try:
            remove_database(self.path)
            self._db = cache_db.open_cache(self.path)
        except (OSError, sqlite3.Error, NotOurs) as exc:
            self._problem = str(exc)
            self._db = open_database(":memory:", cache_db.APPLICATION_ID, cache_db.MIGRATIONS)
        cache_db.start_over(self._conn, self.version)
        self.entries = {}

    def _note(self, message: str) -> None:
        log.warning(message)
        self.notes.append(message)

    def lookup(self, files: list[tuple[Path | str, tuple[int, int] | None]], *, defer: bool = False
               ) -> list[list | None]:
        """For each ``(path, (size, mtime_ns))``, the cached articles and quotes
        of that file, or None when it must be read (new, changed or unreadable).
        ``defer``: the quotes and speakers are read after the articles, from the
        same snapshot (:meth:`finish`), so that the articles can be listed first.

        A file whose time or size changed but whose bytes did not (or a copy
        of a cached file) is served too, and recorded under its new time.
        """
        wanted: dict[int, list[int]] = {}
        sizes = {entry[0] for entry in self.entries.values()}
        for n, (path, stat) in enumerate(files):
            key = self.key(path)
            entry = self.entries.get(key)
            if stat is None:
                continue
            if entry is not None and entry[:2] == stat:
                wanted.setdefault(entry[3], []).append(n)
                self.digests[key] = entry[2]
            elif entry is not None or stat[0] in sizes:
                fid = self._same_bytes(key, stat)
                if fid is not None:
                    wanted.setdefault(fid, []).append(n)
        try:
            by_file = self._read(wanted, defer) if wanted else {}
        except sqlite3.DatabaseError as exc:
            self._rebuild(f"was corrupt ({exc})")
            by_file = {}
        found: list[list | None] = [None] * len(files)
        for fid, numbers in wanted.items():
            items = by_file.get(fid)
            if not items:
                continue
            for n in numbers:
                found[n] = items
            path, stat = files[numbers[0]]
            assert stat is not None  # wanted holds only files that have a stat
            self._served[fid] = (len(numbers), self.key(path), stat)
            if fid in self._copies:
                key, stat, digest = self._copies.pop(fid)
                self.put(key, *stat, [(article_to_tuple(a), attribution_to_tuple(q)) for a, q in items], digest)
        self.hits += sum(1 for items in found if items is not None)
        self.misses += sum(1 for items in found if items is None)
        return found

    def _read(self, wanted: dict[int, list[int]], defer: bool) -> dict[int, list[tuple[Article, Attribution]]]:
        """The checked articles of these files, by file id.  Deferred, from a cache file,
        their quotes and speakers are read later from the same snapshot (see
        :mod:`reader.store.deferred` and :meth:`finish`); else now."""
        reader = None
        if defer and self._problem is None:
            try:
                reader = cache_db.open_reader(self.path)
                reader.execute("BEGIN")
                rows = cache_db.read_articles(reader, set(wanted))
            except sqlite3.Error:
                if reader is not None:
                    reader.close()
                reader = None
        if reader is None:  # everything now, through the one connection
            raw = cache_db.read_items(self._conn, wanted)
            now: dict[int, list[tuple[Article, Attribution]]] = {}
            for fid in wanted:
                with contextlib.suppress(*_BAD_ROW):
                    now[fid] = items_from_rows(raw.get(fid, []))
            return now
        articles: dict[int, tuple[int, Article]] = {}
        for fid, article_rows in rows.items():
            try:
                made = [(row[0], article_from_row(row[1:])) for row in article_rows]
            except _BAD_ROW:
                continue
            articles.update((key, (fid, article)) for key, article in made)
        deferred = Deferred(reader, articles)
        self._deferred.append(deferred)
        out: dict[int, list[tuple[Article, Attribution]]] = {}
        for key, (fid, article) in articles.items():
            out.setdefault(fid, []).append((article, deferred.placeholder(key)))
        return out

    def finish(self) -> None:
        """Read and check now the quotes and speakers of every article looked up.
        A file whose rows were wrong counts as a miss: its quotes were extracted
        again, and it is written again (:meth:`save`)."""
        pending, self._deferred = self._deferred, []
        for deferred in pending:
            for fid in deferred.finish():
                count, key, stat = self._served.get(fid, (0, "", None))
                self.hits -= count
                self.misses += count
                if stat is not None:
                    items = deferred.items(fid)
                    self.put(key, *stat, [(article_to_tuple(a), attribution_to_tuple(q)) for a, q in items],
                             self.digests.get(key, ""))

    def _same_bytes(self, key: str, stat: tuple[int, int]) -> int | None:
        """The file_id of a cached file with the bytes of ``key`` (same suffix), re-keyed to ``stat``."""
        digest = content_hash(key)
        if not digest:
            return None
        try:
            same = [(path, fid) for path, fid in cache_db.file_with_hash(self._conn, digest)
                    if Path(path).suffix.lower() == Path(key).suffix.lower()]
        except sqlite3.DatabaseError:
            return None
        if not same:
            return None
        self.digests[key] = digest
        path, fid = next(((p, f) for p, f in same if p == key), same[0])
        if path == key:  # touched, not changed: remember the new time
            with contextlib.suppress(sqlite3.Error):
                cache_db.restamp(self._conn, fid, *stat)
        else:  # a copy or a moved file: cached under its own name too
            self._copies[fid] = (key, stat, digest)
        return fid

    def get(self, path: Path | str, size: int, mtime_ns: int) -> list[tuple[Article, Attribution]] | None:
        """One file's cached articles and quotes (see :meth:`lookup`)."""
        return self.lookup([(path, (size, mtime_ns))])[0]

    def put(self, path: Path | str, size: int, mtime_ns: int, items: list[tuple[tuple, tuple]],
            digest: str = "") -> None:
        """Cache a file's articles, given as ``(article_to_tuple, attribution_to_tuple)`` pairs
        (written in batches of :data:`FLUSH_EVERY` files, and by :meth:`save`)."""
        self._pending.append((self.key(path), size, mtime_ns, digest, items))
        if len(self._pending) >= FLUSH_EVERY:
            self.save()

    def forget_missing(self, present: set[str] | frozenset[str] = frozenset()) -> None:
        """Drop files that are gone (``present``: absolute paths known to exist)."""
        gone = [key for key in self.entries if key not in present and not os.path.exists(key)]
        if not gone:
            return
        try:
            cache_db.forget_files(self._conn, gone)
        except sqlite3.Error:
            return
        for key in gone:
            del self.entries[key]

    def save(self) -> str | None:
        """Write what :meth:`put` was given; a one-line warning instead of an exception."""
        pending, self._pending = self._pending, []
        if self._problem is not None and pending:
            return f"could not write the parse cache {self.path}: {self._problem}"
        if not pending:
            return None
        try:
            cache_db.write_files(self._conn, pending)
        except sqlite3.Error as exc:
            return f"could not write the parse cache {self.path}: {exc}"
        return None

    # --- the search index of a whole corpus (reader.search.stored) ---------------------------

    def search_index(self, corpus_key: str, articles: list[Article]):
        """The :class:`~reader.search.SearchIndex` stored for this corpus (``corpus_key``:
        see :class:`reader.loader.Batch`), over ``articles``; None when none is stored,
        or when the stored one is damaged (then it is dropped, with a note)."""
        from reader.search import stored

        key = self._index_key(corpus_key)
        try:
            row = cache_db.read_index(self._db, key) if self._db is not None else None
        except sqlite3.Error:
            return None
        if row is None:
            return None
        digest, data = row
        try:
            if type(data) is not bytes or digest != _digest(data):
                raise ValueError("its bytes changed since it was written")
            return stored.load(data, articles)
        except ValueError as exc:
            self._note(f"the search index stored in {self.path} was damaged ({exc}); building it again")
            with contextlib.suppress(sqlite3.Error):
                cache_db.drop_index(self._conn, key)
            return None

    def keep_search_index(self, corpus_key: str, index) -> str | None:
        """Store ``index`` for the next start on this corpus; a one-line warning instead of an exception."""
        from reader.search import stored

        if self._db is None or self._problem is not None or not len(index):
            return None
        data = stored.dump(index)
        try:
            cache_db.write_index(self._db, self._index_key(corpus_key), _digest(data), data, time.time_ns())
        except sqlite3.Error as exc:
            return f"could not write the search index to {self.path}: {exc}"
        return None

    def _index_key(self, corpus_key: str) -> str:
        from reader.search.stored import index_version

        return f"{self.version}:{index_version()}:{corpus_key}"

    def close(self) -> None:
        for deferred in self._deferred:
            deferred.close()  # quotes not read by then are extracted again if asked for
        self._deferred = []
        if self._db is not None:
            self._db.close()
            self._db = None
