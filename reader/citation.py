"""Where a quote comes from, and the quote as a citation ("quote card").

Public API::

    shown_path(path, roots)      a file name relative to the corpus folder it is in
    role_of(attribution, name)   the role the article gives its speaker, or None
    card(record)                 > “…” — Name, role. Outlet, date. URL

Every quote, wherever it is exported or copied, carries its speaker, role,
outlet, date (or wire dateline) and, when the article has one, its URL::

    >>> card({"text": "We will reopen the port.", "kind": "direct", "speaker": "Marta Quell",
    ...       "role": "harbour board chairwoman", "outlet": "Elwin Gazette", "date": "2024-03-04",
    ...       "url": "https://gazette.example/port"})
    '> “We will reopen the port.” — Marta Quell, harbour board chairwoman. Elwin Gazette, 2024-03-04. https://gazette.example/port'
    >>> card({"text": "the port would reopen", "kind": "reported", "speaker": None, "outlet": None, "date": None})
    '> the port would reopen — unattributed.'

Pure Python, no UI imports.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path, PurePath

from reader.dates import dateline
from reader.model import Article, Attribution
from reader.sanitize import one_line

__all__ = ["card", "role_of", "shown_path", "when_published"]


def shown_path(path: str, roots: Sequence[Path | str]) -> str:
    """``path`` relative to the folder of ``roots`` it lies in (the corpus
    root the user named), else as it is; a root that is the file itself
    gives its name::

        >>> shown_path("/home/ana/news/uk/a.txt", ["/home/ana/news"]), shown_path("/tmp/b.txt", ["/tmp/b.txt"])
        ('uk/a.txt', 'b.txt')
        >>> shown_path("/home/ana//news/./uk/a.txt#3", ["/home/ana/news/"])
        'uk/a.txt#3'
    """
    file_part, hash_, line = path.partition("#")  # "feed.jsonl#3": an article of a JSON Lines file
    bases = _bases(tuple(map(str, roots)))
    if _is_plain(file_part):  # as PurePath writes it: compare the strings (a corpus has thousands of paths)
        for base, inside in bases:
            if file_part == base:
                return file_part.rpartition("/")[2] + hash_ + line
            if base == "." and not file_part.startswith("/"):  # every relative path lies in "."
                return path
            if file_part.startswith(inside):
                return file_part[len(inside) :] + hash_ + line
        return path
    pure = PurePath(file_part)
    for base, _inside in bases:
        if pure == PurePath(base):
            return pure.name + hash_ + line
        try:
            return pure.relative_to(base).as_posix() + hash_ + line
        except ValueError:
            continue
    return path


@lru_cache(maxsize=64)
def _bases(roots: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Each root as PurePath writes it, and the start of the paths inside it."""
    out = []
    for root in roots:
        base = str(PurePath(Path(root).expanduser()))
        out.append((base, base if base.endswith("/") else base + "/"))
    return tuple(out)


def _is_plain(path: str) -> bool:
    """Is ``path`` written as PurePath writes it (no empty or ``.`` parts, no trailing slash)?"""
    return (os.sep == "/" and path not in ("", ".") and "//" not in path and "/./" not in path
            and not path.startswith("./") and not path.endswith(("/", "/.")))


def role_of(attribution: Attribution | None, name: str | None) -> str | None:
    """The role the article gives speaker ``name`` (``"harbour board chairwoman"``), or None."""
    if attribution is None or not name:
        return None
    for speaker in attribution.speakers:
        if speaker.name == name:
            return speaker.role or None
    return None


def when_published(article: Article) -> str | None:
    """The article's date as it gives it, else its wire dateline (``LONDON, March 3``)."""
    if article.date:
        return article.date
    line = dateline(article)
    return line.text if line is not None else None


def card(record: dict) -> str:
    """One quote as a citation line (see the module docstring); every part
    on one line, control characters made visible."""
    text = one_line(str(record.get("text") or ""))
    quoted = f"“{text}”" if record.get("kind") != "reported" else text
    who = ", ".join(one_line(str(v)) for v in (record.get("speaker"), record.get("role")) if v) or "unattributed"
    if record.get("reported_by") and record.get("speaker"):
        who += f" (as reported by {one_line(str(record['reported_by']))})"
    where = ", ".join(one_line(str(v)) for v in (record.get("outlet"), record.get("date")) if v)
    parts = [f"> {quoted} — {who}."]
    if where:
        parts.append(f"{where}.")
    if record.get("url"):
        parts.append(one_line(str(record["url"])))
    return " ".join(parts)
