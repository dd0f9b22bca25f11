"""The parse cache database: articles, quotes and speakers of each file read.

One row in ``files`` per article file (by absolute path), with the size,
modification time and content hash it had when read; its articles (one, or
many for JSON Lines) in ``articles``, their quotes in ``quotes`` and their
speakers in ``speakers``.  ``meta`` holds the fingerprint of the extraction
rules that made the rows (``rules``).  The README shows the schema and
queries such as every quote of a speaker with its outlet and date::

    SELECT q.speaker, a.outlet, a.date, q.text
    FROM quotes q JOIN articles a USING (article)
    WHERE q.speaker LIKE '%Lopez%' ORDER BY a.date;

Rows go in and out as the plain tuples of :mod:`reader.records`
(``article_to_tuple``, ``attribution_to_tuple``); lists of spans (paragraphs,
a speaker's mentions) are numbers in text, ``"0 12 14 80"``; captions and
aliases are JSON text.  Nothing
read here is trusted: :mod:`reader.records` checks every field.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from reader.store.sqlite import open_database, transaction

APPLICATION_ID = 0x4E524331  # "NRC1"

MIGRATIONS = (
    """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    file_id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX files_hash ON files (hash);
CREATE TABLE articles (
    article INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES files ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    id TEXT NOT NULL,
    path TEXT NOT NULL,
    title TEXT NOT NULL,
    outlet TEXT, via TEXT, byline TEXT, section TEXT, copyright TEXT, date TEXT, url TEXT,
    source TEXT NOT NULL,
    paragraphs TEXT NOT NULL,
    captions TEXT NOT NULL
);
CREATE INDEX articles_file ON articles (file_id, ord);
CREATE INDEX articles_outlet_date ON articles (outlet, date);
CREATE TABLE quotes (
    article INTEGER NOT NULL REFERENCES articles ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    speaker TEXT,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    paragraph INTEGER NOT NULL,
    cue_start INTEGER, cue_end INTEGER,
    via TEXT, evidence_start INTEGER, evidence_end INTEGER,
    antecedent_start INTEGER, antecedent_end INTEGER,
    PRIMARY KEY (article, ord)
) WITHOUT ROWID;
CREATE INDEX quotes_speaker ON quotes (speaker);
CREATE TABLE speakers (
    article INTEGER NOT NULL REFERENCES articles ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    role TEXT,
    quotes INTEGER NOT NULL,
    aliases TEXT NOT NULL,
    mentions TEXT NOT NULL,
    PRIMARY KEY (article, ord)
) WITHOUT ROWID
""",
    # 2: the search index of a corpus, stored whole (reader.search.stored), by corpus key
    """
CREATE TABLE search_index (
    key TEXT PRIMARY KEY,
    written INTEGER NOT NULL,
    digest TEXT NOT NULL,
    data BLOB NOT NULL
)
""",
    # 3: who reported a speaker's words second hand ('CGTN said Wang "..."')
    "ALTER TABLE quotes ADD COLUMN reported_by TEXT",
)
KEEP_INDEXES = 3  # the search indexes of the corpora opened last

Items = list[tuple[tuple, tuple]]  # (article_to_tuple, attribution_to_tuple) per article of a file


def open_cache(path: Path | str) -> sqlite3.Connection:
    """The cache database at ``path``; raises like :func:`open_database`."""
    return open_database(path, APPLICATION_ID, MIGRATIONS, synchronous="NORMAL")


def rules(db: sqlite3.Connection) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = 'rules'").fetchone()
    return row[0] if row else None


def start_over(db: sqlite3.Connection, rules_version: str) -> None:
    """Forget every file (rows of other rules are never served) and record ``rules_version``."""
    with transaction(db):
        db.execute("DELETE FROM search_index")
        db.execute("DELETE FROM quotes")
        db.execute("DELETE FROM speakers")
        db.execute("DELETE FROM articles")
        db.execute("DELETE FROM files")
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('rules', ?)", (rules_version,))


def known_files(db: sqlite3.Connection) -> dict[str, tuple[int, int, str, int]]:
    """Every cached file: ``{path: (size, mtime_ns, hash, file_id)}``."""
    return {path: (size, mtime, digest, fid)
            for fid, path, size, mtime, digest in db.execute("SELECT file_id, path, size, mtime_ns, hash FROM files")}


def file_with_hash(db: sqlite3.Connection, digest: str) -> list[tuple[str, int]]:
    """``(path, file_id)`` of the cached files with this content hash."""
    return db.execute("SELECT path, file_id FROM files WHERE hash = ?", (digest,)).fetchall()


_ARTICLE_COLUMNS = ("a.article, a.file_id, a.ord, a.id, a.path, a.source, a.title, a.paragraphs, a.outlet, a.via,"
                    " a.byline, a.section, a.copyright, a.date, a.captions, a.url")
_QUOTE_COLUMNS = ("q.article, q.start, q.\"end\", q.kind, q.speaker, q.paragraph, q.cue_start, q.cue_end,"
                  " q.via, q.evidence_start, q.evidence_end, q.antecedent_start, q.antecedent_end, q.reported_by")
_SPEAKER_COLUMNS = "s.article, s.name, s.kind, s.role, s.aliases, s.mentions, s.quotes"


def read_items(db: sqlite3.Connection, file_ids: Iterable[int]) -> dict[int, Items]:
    """The raw rows of these files' articles, quotes and speakers, by file (unchecked)."""
    wanted = set(file_ids)
    if not wanted:
        return {}
    with transaction(db, write=False):  # one snapshot for the reads
        articles = read_articles(db, wanted)
        quotes_of, speakers_of = read_attributions(db, wanted)
    return {fid: [(row[1:], (quotes_of.get(row[0], ()), speakers_of.get(row[0], ()))) for row in rows]
            for fid, rows in articles.items()}


def read_articles(db: sqlite3.Connection, wanted: set[int]) -> dict[int, list[tuple]]:
    """The raw rows of these files' articles, by file, in order (unchecked): the
    article's key, then the columns of :func:`reader.records.article_to_tuple`.
    Run it in a transaction with :func:`read_attributions`: one snapshot."""
    if _most(db, wanted):  # most of the cache: read it all, straight through, and filter here
        rows = [r for r in db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles a") if r[1] in wanted]
    else:
        _want(db, wanted)
        rows = db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles a JOIN wanted USING (file_id)").fetchall()
    out: dict[int, list[tuple]] = {}
    for row in sorted(rows, key=lambda r: (r[1], r[2])):
        out.setdefault(row[1], []).append((row[0], *row[3:]))
    return out


def read_attributions(db: sqlite3.Connection, wanted: set[int]) -> tuple[dict[int, list], dict[int, list]]:
    """The raw rows of the quotes and of the speakers of these files' articles, by article key, in order."""
    if _most(db, wanted):
        keys = {key for key, fid in db.execute("SELECT article, file_id FROM articles") if fid in wanted}
        quotes = [r for r in db.execute(f"SELECT {_QUOTE_COLUMNS} FROM quotes q ORDER BY q.article, q.ord")
                  if r[0] in keys]
        speakers = [r for r in db.execute(f"SELECT {_SPEAKER_COLUMNS} FROM speakers s ORDER BY s.article, s.ord")
                    if r[0] in keys]
    else:
        _want(db, wanted)
        quotes = db.execute(f"SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN articles a USING (article)"
                            " JOIN wanted USING (file_id) ORDER BY q.article, q.ord").fetchall()
        speakers = db.execute(f"SELECT {_SPEAKER_COLUMNS} FROM speakers s JOIN articles a USING (article)"
                              " JOIN wanted USING (file_id) ORDER BY s.article, s.ord").fetchall()
    return _by_article(quotes), _by_article(speakers)


def read_attribution(db: sqlite3.Connection, key: int) -> tuple[list, list]:
    """The raw rows of one article's quotes and speakers, in order."""
    quotes = db.execute(f"SELECT {_QUOTE_COLUMNS} FROM quotes q WHERE q.article = ? ORDER BY q.ord", (key,))
    speakers = db.execute(f"SELECT {_SPEAKER_COLUMNS} FROM speakers s WHERE s.article = ? ORDER BY s.ord", (key,))
    return [r[1:] for r in quotes], [r[1:] for r in speakers]


def _by_article(rows: list[tuple]) -> dict[int, list]:
    out: dict[int, list] = {}
    for row in rows:
        out.setdefault(row[0], []).append(row[1:])
    return out


def _most(db: sqlite3.Connection, wanted: set[int]) -> bool:
    return len(wanted) * 2 >= db.execute("SELECT count(*) FROM files").fetchone()[0]


def _want(db: sqlite3.Connection, wanted: set[int]) -> None:
    """The temporary table ``wanted`` holds these file ids (a table of its own connection)."""
    db.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (file_id INTEGER PRIMARY KEY)")
    db.execute("DELETE FROM wanted")
    db.executemany("INSERT INTO wanted VALUES (?)", ((fid,) for fid in wanted))


def open_reader(path: Path | str) -> sqlite3.Connection:
    """A second connection to the cache at ``path``, for one long read (a snapshot held
    while the first connection writes)."""
    return sqlite3.connect(str(path), timeout=10, isolation_level=None, check_same_thread=False)


def write_files(db: sqlite3.Connection, entries: Iterable[tuple[str, int, int, str, Items]]) -> None:
    """Replace the rows of each ``(path, size, mtime_ns, hash, items)``, in one transaction."""
    with transaction(db):
        for path, size, mtime_ns, digest, items in entries:
            db.execute("SAVEPOINT one_file")
            try:
                db.execute("DELETE FROM files WHERE path = ?", (path,))
                fid = db.execute("INSERT INTO files (path, size, mtime_ns, hash) VALUES (?, ?, ?, ?)",
                                 (path, size, mtime_ns, digest)).lastrowid
                assert fid is not None  # an INSERT sets it
                for ord_, (article_t, attribution_t) in enumerate(items):
                    _write_article(db, fid, ord_, article_t, attribution_t)
            except (UnicodeEncodeError, OverflowError):  # a file name SQLite cannot store: not cached
                db.execute("ROLLBACK TO one_file")
            db.execute("RELEASE one_file")


def _write_article(db: sqlite3.Connection, fid: int, ord_: int, a: tuple, attribution_t: tuple) -> None:
    (aid, path, source, title, paras, outlet, via, byline, section, copyright_, date, captions, url) = a
    key = db.execute(
        "INSERT INTO articles (file_id, ord, id, path, title, outlet, via, byline, section, copyright, date, url,"
        " source, paragraphs, captions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (fid, ord_, aid, path, title, outlet, via, byline, section, copyright_, date, url, source,
         _numbers(paras), _json(captions))).lastrowid
    quote_ts, speaker_ts = attribution_t
    db.executemany(
        "INSERT INTO quotes (article, ord, speaker, kind, text, start, \"end\", paragraph, cue_start, cue_end,"
        " via, evidence_start, evidence_end, antecedent_start, antecedent_end, reported_by)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ((key, n, speaker, kind, source[start:end], start, end, paragraph, *(cue or (None, None)), *_evidence(ev),
          reported_by)
         for n, (start, end, kind, speaker, paragraph, cue, ev, reported_by) in enumerate(quote_ts)))
    db.executemany(
        "INSERT INTO speakers (article, ord, name, kind, role, quotes, aliases, mentions)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (key, n, name, kind, role, count, _json(aliases), _numbers(mentions))
            for n, (name, kind, role, aliases, mentions, count) in enumerate(speaker_ts)
        ),
    )


def _evidence(ev: tuple | None) -> tuple:
    """(via, evidence_start, evidence_end, antecedent_start, antecedent_end) of an evidence tuple."""
    if ev is None:
        return (None,) * 5
    start, end, via, antecedent = ev
    return (via, start, end, *(antecedent or (None, None)))


def _numbers(spans: Iterable[tuple[int, int]]) -> str:
    """Spans as text, ``"0 12 14 80"``: quicker to read back than JSON."""
    return " ".join(f"{start} {end}" for start, end in spans)


def forget_files(db: sqlite3.Connection, paths: Iterable[str]) -> None:
    with transaction(db):
        db.executemany("DELETE FROM files WHERE path = ?", ((p,) for p in paths if _storable(p)))


def _storable(text: str) -> bool:
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return True


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def restamp(db: sqlite3.Connection, file_id: int, size: int, mtime_ns: int) -> None:
    """A cached file was touched, its bytes unchanged: record its new size and time."""
    with transaction(db):
        db.execute("UPDATE files SET size = ?, mtime_ns = ? WHERE file_id = ?", (size, mtime_ns, file_id))


def read_index(db: sqlite3.Connection, key: str) -> tuple[object, object] | None:
    """``(digest, data)`` of the search index stored under ``key`` (unchecked), or None."""
    return db.execute("SELECT digest, data FROM search_index WHERE key = ?", (key,)).fetchone()


def write_index(db: sqlite3.Connection, key: str, digest: str, data: bytes, written: int) -> None:
    """Store a search index under ``key``; only the :data:`KEEP_INDEXES` written last are kept."""
    with transaction(db):
        db.execute(
            "INSERT OR REPLACE INTO search_index (key, written, digest, data) VALUES (?, ?, ?, ?)",
            (key, written, digest, data),
        )
        db.execute(
            "DELETE FROM search_index WHERE key NOT IN (SELECT key FROM search_index ORDER BY written DESC LIMIT ?)",
            (KEEP_INDEXES,),
        )


def drop_index(db: sqlite3.Connection, key: str) -> None:
    with transaction(db):
        db.execute("DELETE FROM search_index WHERE key = ?", (key,))
