"""Finding and reading article files: the bundled seeds and the user's paths.

Reading never stops at a bad file: each problem becomes a one-line warning
and the rest of the corpus still loads.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from reader.cleaning import parse_article
from reader.formats import HTML_SUFFIXES, JSONL_SUFFIXES, parse_html, parse_jsonl
from reader.model import Article
from reader.userfile import TooLarge, file_limit, read_user_file

SUFFIXES = (".txt", ".md", ".markdown", *HTML_SUFFIXES, *JSONL_SUFFIXES)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class ArticleError(Exception):
    """A file that cannot be read as an article; the message says why."""


@dataclass
class Corpus:
    articles: list[Article] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def seeds_dir() -> Path:
    """The bundled seed articles (inside the wheel, or the source checkout)."""
    packaged = resources.files("reader") / "seeds"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "seeds"


def decode(data: bytes) -> tuple[str, str | None]:
    """Bytes to text, and a note when the text was not clean UTF-8.

    Raises :class:`ArticleError` for files that are not text at all.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), None
            except UnicodeDecodeError as exc:
                raise ArticleError(f"not valid {encoding.upper()} despite its byte-order mark ({exc.reason})") from None
    head = data[:8192]
    if b"\x00" in head and head.count(b"\x00") > len(head) // 100:
        raise ArticleError("looks like a binary file, not text")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    if controls > len(head) // 20:
        raise ArticleError("looks like a binary file, not text")
    text, encoding = _legacy(data)
    return text, f"not UTF-8; read as {encoding}"


def _legacy(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


_WIDE_BOMS = tuple(bom for bom, encoding in _BOMS if encoding != "utf-8")


def decode_lines(data: bytes) -> tuple[str, str | None]:
    r""":func:`decode`, but line by line when the bytes are not clean UTF-8.

    In JSON Lines each line is a record: one stray byte must not turn every
    name in the file into mojibake, only its own line's::

        >>> decode_lines(b'{"title": "Z\xc3\xbcrich"}\n{"title": "caf\xe9"}')
        ('{"title": "Zürich"}\n{"title": "café"}', 'line 2 not UTF-8; read as Windows-1252')
    """
    if data.startswith(_WIDE_BOMS):
        return decode(data)  # UTF-16 or UTF-32: a line is no unit of bytes
    body = data.removeprefix(codecs.BOM_UTF8)
    text, note = decode(body)  # clean UTF-8 (the usual case), or binary: done
    if note is None:
        return text, None
    lines, legacy, encodings = [], [], set()
    for number, line in enumerate(body.split(b"\n"), start=1):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            decoded, encoding = _legacy(line)
            lines.append(decoded)
            legacy.append(number)
            encodings.add(encoding)
    read_as = " or ".join(sorted(encodings, reverse=True))
    if len(legacy) == 1:
        return "\n".join(lines), f"line {legacy[0]} not UTF-8; read as {read_as}"
    return "\n".join(lines), f"{len(legacy):,} lines not UTF-8 (the first: line {legacy[0]}); read as {read_as}"


def read_article(path: Path | str) -> tuple[Article, str | None]:
    """Read and clean one plain-text or Markdown file; the second value is a warning, if any."""
    source, note = _read_text(path)
    return parse_article(source, str(path)), note


def _read_text(path: Path | str, decoder=decode) -> tuple[str, str | None]:
    source, note = decoder(_read_bytes(path))
    if not source.strip():
        raise ArticleError("empty file")
    return source, note


def _read_bytes(path: Path | str) -> bytes:
    """The file's bytes: regular files only, never blocking, at most :func:`file_limit`."""
    try:
        return read_user_file(path, file_limit())
    except FileNotFoundError:
        raise ArticleError("file not found") from None
    except PermissionError:
        raise ArticleError("permission denied") from None
    except IsADirectoryError:
        raise ArticleError("is a directory") from None
    except TooLarge as exc:
        raise ArticleError(f"{exc} (the limit per file; max_file_mb in the config file raises it)") from None
    except OSError as exc:
        raise ArticleError(exc.strerror or str(exc)) from None


def read_file(path: Path | str) -> tuple[list[Article], list[str]]:
    """Every article in one file (JSON Lines files hold many), and warnings.

    Raises :class:`ArticleError` when nothing in the file can be read.
    """
    name = str(path)
    suffix = Path(name).suffix.lower()
    source, note = _read_text(path, decode_lines if suffix in JSONL_SUFFIXES else decode)
    notes = [f"{name}: {note}"] if note else []
    if suffix in HTML_SUFFIXES:
        return [parse_html(source, name)], notes
    if suffix in JSONL_SUFFIXES:
        articles, bad = parse_jsonl(source, name)
        if not articles:
            raise ArticleError("no usable JSON Lines records" + (f" ({bad[0].split(': ', 1)[-1]})" if bad else ""))
        return articles, notes + bad
    return [parse_article(source, name)], notes


def iter_files(paths: Iterable[Path | str], warnings: list[str]) -> Iterator[Path]:
    """Article files under the given paths: files as given, folders recursively."""
    seen: set[tuple[int, int]] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _walk(path, seen, warnings)
        elif path.exists():
            yield path
        else:
            warnings.append(f"{given}: no such file or folder")


def _walk(folder: Path, seen: set[tuple[int, int]], warnings: list[str]) -> Iterator[Path]:
    """Depth first, in name order; a loop of stack frames, so any depth of folders works."""
    stack = [_entries(folder, seen, warnings)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            continue
        if is_dir:
            stack.append(_entries(Path(entry.path), seen, warnings))
        elif entry.name.lower().endswith(SUFFIXES):
            yield Path(entry.path)


def _entries(folder: Path, seen: set[tuple[int, int]], warnings: list[str]) -> Iterator[os.DirEntry]:
    """A folder's entries in name order; nothing for a folder already walked (a symlink loop)."""
    try:
        info = folder.stat()
    except OSError as exc:
        warnings.append(f"{folder}: {exc.strerror or exc}")
        return iter(())
    if (info.st_dev, info.st_ino) in seen:
        return iter(())  # a symlink loop, or the same folder twice
    seen.add((info.st_dev, info.st_ino))
    try:
        with os.scandir(folder) as scan:
            return iter(sorted(scan, key=lambda e: e.name))
    except OSError as exc:
        warnings.append(f"{folder}: {exc.strerror or exc}")
        return iter(())


def article_files(paths: Iterable[Path | str] | None, warnings: list[str]) -> list[Path]:
    """The files to read: the given files and folders, or the bundled seeds."""
    given = list(paths or [])
    if not given:
        given = sorted(seeds_dir().glob("*.txt"))
    return list(iter_files(given, warnings))


REPEAT_NOTE = "; shown once"  # ends the warning of a repeated file


def repeat_warning(path: str, first: str) -> str:
    """The warning for a file whose text another file already gave."""
    return f"{path}: same text as {first}{REPEAT_NOTE}"


def is_repeat(warning: str) -> bool:
    """Is this the warning of :func:`repeat_warning` (counted, not shown one by one)?"""
    return warning.endswith(REPEAT_NOTE)


def load(paths: Iterable[Path | str] | None = None) -> Corpus:
    """Load the given files and folders, or the bundled seeds when none are given."""
    corpus = Corpus()
    ids: dict[str, str] = {}
    for path in article_files(paths, corpus.warnings):
        try:
            articles, notes = read_file(path)
        except ArticleError as exc:
            corpus.warnings.append(f"{path}: {exc}; skipped")
            continue
        corpus.warnings.extend(notes)
        for article in articles:
            if article.id in ids:
                corpus.warnings.append(repeat_warning(article.path, ids[article.id]))
                continue
            ids[article.id] = article.path
            corpus.articles.append(article)
    return corpus
