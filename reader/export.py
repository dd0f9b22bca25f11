"""Quotes and search hits as Markdown, CSV, JSON, JSON Lines, a text table or quote cards.

Used by ``newsreader quotes/search --format`` and by the reader's ``e`` key.
Article text and file names are untrusted: every format is valid UTF-8 and
keeps terminal control characters, bidi overrides and lone surrogates out
(escaped in JSON, made visible elsewhere); Markdown cells escape everything
that would render as a link, an image or HTML; CSV cells that a spreadsheet
could run as a formula, whichever separator it splits on, are neutralised.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

from reader.atomic import write_atomically
from reader.citation import card, role_of, shown_path, when_published
from reader.model import Article, Attribution, Quote
from reader.sanitize import one_line

FORMATS = ("table", "md", "csv", "json", "jsonl", "card")
SUFFIX_FORMATS = {
    ".md": "md", ".markdown": "md", ".csv": "csv", ".json": "json", ".jsonl": "jsonl", ".txt": "table",
    ".cards": "card", ".card": "card",
}

QUOTE_FIELDS = (
    "article", "title", "outlet", "speaker", "kind", "text", "start", "end", "cue", "cue_start", "cue_end", "via",
    "role", "date", "url", "reported_by",
)
HIT_FIELDS = ("kind", "article", "title", "speaker", "text", "start", "end", "score")
SPEAKER_FIELDS = ("name", "role", "kind", "quotes", "articles", "aliases")
STORY_FIELDS = ("title", "size", "outlets", "shared_quotes", "articles")

_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def json_line(record: dict) -> str:
    """One JSON object on one line; control and bidi characters escaped."""
    text = json.dumps(record, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def quote_records(
    rows: Iterable[tuple[Article, Quote]],
    attributions: dict[str, Attribution] | None = None,
    roots: Sequence[Path | str] = (),
) -> list[dict]:
    """One record per quote; ``cue`` (the words that attribute it, exactly the
    source between ``cue_start`` and ``cue_end``) and ``via`` (how the speaker
    was found: :data:`reader.model.VIAS`) are ``None`` when nobody is credited.
    Provenance: ``role`` (from the article's ``attributions``, by article id),
    ``date`` (or the wire dateline), ``url``, ``reported_by`` (who passed the
    speaker's words on: ``CGTN said Wang "..."``); ``article`` is the file name
    relative to the corpus folder of ``roots`` it is in."""
    records = []
    attributions = attributions or {}
    per_article: dict[int, tuple[str, str | None, str | None]] = {}  # worked out once per article, not per quote
    for article, quote in rows:
        evidence = quote.evidence
        shown = per_article.get(id(article))
        if shown is None:
            shown = per_article[id(article)] = (shown_path(article.path, roots), article.outlet_label or None,
                                                when_published(article))
        records.append({
            "article": shown[0],
            "title": article.title,
            "outlet": shown[1],
            "speaker": quote.speaker,
            "kind": quote.kind,
            "text": quote.text,
            "start": quote.start,
            "end": quote.end,
            "cue": article.source[evidence.start : evidence.end] if evidence else None,
            "cue_start": evidence.start if evidence else None,
            "cue_end": evidence.end if evidence else None,
            "via": evidence.via if evidence else None,
            "role": role_of(attributions.get(article.id), quote.speaker),
            "date": shown[2],
            "url": article.url,
            "reported_by": quote.reported_by,
        })
    return records


def hit_records(hits: Iterable, titles: dict[str, str], roots: Sequence[Path | str] = ()) -> list[dict]:
    return [
        {
            "kind": hit.kind,
            "article": shown_path(hit.path, roots),
            "title": titles.get(hit.article_id),
            "speaker": hit.speaker,
            "text": hit.text,
            "start": hit.start,
            "end": hit.end,
            "score": round(hit.score, 4),
        }
        for hit in hits
    ]


def speaker_records(entries: Iterable, roots: Sequence[Path | str] = ()) -> list[dict]:
    return [
        {
            "name": entry.name,
            "role": entry.role,
            "kind": entry.kind,
            "quotes": entry.quote_count,
            "articles": [shown_path(article.path, roots) for article in entry.articles],
            "aliases": list(entry.aliases),
        }
        for entry in entries
    ]


def story_records(stories: Iterable, roots: Sequence[Path | str] = ()) -> list[dict]:
    return [
        {
            "title": story.title,
            "size": len(story.articles),
            "outlets": list(dict.fromkeys(a.outlet_label for a in story.articles if a.outlet_label)),
            "shared_quotes": len(story.shared_quotes),
            "articles": [shown_path(article.path, roots) for article in story.articles],
        }
        for story in stories
    ]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(one_line(str(v)) for v in value)
    return one_line(str(value))


# A formula can start a cell, or start after any separator a spreadsheet may split
# the line on (comma, semicolon, tab), behind any quotation marks (OWASP, CSV injection).
_FORMULA = re.compile('(^|[,;\t])(?="*[=+\\-@\t\r])')


def _csv_cell(value: object) -> object:
    """The cell with a ``'`` before every place a formula could start::

        >>> _csv_cell("x;=cmd|' /C calc'!A0;")
        "x;'=cmd|' /C calc'!A0;"
        >>> _csv_cell("-5 degrees")
        "'-5 degrees"

    Numbers stay numbers; :func:`render` quotes every other field.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return _FORMULA.sub(lambda m: m.group(1) + "'", _cell(value))


_MD_SPECIAL = re.compile(r"[\\|\[\]()!`<>&]|(?<=[A-Za-z]):(?=//)|(?<![\w.])(?i:www)\.")
_MD_ENTITIES = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}


def _md_escape(match: re.Match[str]) -> str:
    found = match.group()
    return _MD_ENTITIES.get(found) or (found[:-1] + "\\" + found[-1])


def _md_cell(value: object) -> str:
    r"""A Markdown table cell that shows its text and renders nothing: no link,
    image, autolink (``https://``, ``www.``), HTML tag or code span::

        >>> _md_cell("![](https://t.example/p.gif) <img onerror=x> [a](javascript:x)")
        '\\!\\[\\]\\(https\\://t.example/p.gif\\) &lt;img onerror=x&gt; \\[a\\]\\(javascript:x\\)'
    """
    return _MD_SPECIAL.sub(_md_escape, _cell(value))


def markdown_text(text: str) -> str:
    """Text for a Markdown document that renders no link, image, autolink,
    HTML tag or code span (as :func:`_md_cell`, keeping line breaks)."""
    return _MD_SPECIAL.sub(_md_escape, text)


def render(records: Sequence[dict], fields: Sequence[str], fmt: str, *, width: int = 120) -> str:
    """The records in one of :data:`FORMATS`, ending with a newline."""
    if fmt == "jsonl":
        return "".join(json_line({f: r.get(f) for f in fields}) + "\n" for r in records)
    if fmt == "json":
        text = json.dumps([{f: r.get(f) for f in fields} for r in records], ensure_ascii=False, indent=2)
        return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerow(fields)
        writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
        for record in records:
            writer.writerow([_csv_cell(record.get(f)) for f in fields])
        return out.getvalue()
    if fmt == "md":
        lines = ["| " + " | ".join(fields) + " |", "|" + "---|" * len(fields)]
        for record in records:
            lines.append("| " + " | ".join(_md_cell(record.get(f)) for f in fields) + " |")
        return "\n".join(lines) + "\n"
    if fmt == "table":
        return _table(records, fields, width)
    if fmt == "card":
        return "".join(card(record) + "\n" for record in records)
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")


def _table(records: Sequence[dict], fields: Sequence[str], width: int) -> str:
    """Columns sized to fit ``width``; the text column takes what is left."""
    if "text" in fields:
        shown = [f for f in fields if f in ("kind", "speaker")] + ["text"] + [f for f in fields if f == "title"]
        wide = "text"
    else:  # speakers and stories: the first column takes what is left
        shown = [f for f in fields if f not in ("articles", "aliases")]
        wide = shown[0]
    caps = {
        "kind": 12, "speaker": 26, "title": 30, "role": 36,
        "quotes": 6, "size": 4, "outlets": 30, "shared_quotes": 13,
    }
    cells = {f: [_cell(r.get(f)) for r in records] for f in shown}  # each cell made once
    widths = {f: min(caps.get(f, 30), max([len(f)] + [len(c) for c in cells[f]])) for f in shown if f != wide}
    widths[wide] = max(20, width - sum(w + 2 for w in widths.values()) - 1)

    def fit(value: str, size: int) -> str:
        return value if len(value) <= size else value[: size - 1] + "…"

    lines = ["  ".join(f.upper().ljust(widths[f]) for f in shown).rstrip()]
    columns = [[fit(c or "—", widths[f]).ljust(widths[f]) for c in cells[f]] for f in shown]
    lines.extend("  ".join(row).rstrip() for row in zip(*columns, strict=False))
    return "\n".join(lines) + "\n"


def format_for(path: Path | str, default: str = "md") -> str:
    """The format a file name asks for by its suffix."""
    return SUFFIX_FORMATS.get(Path(path).suffix.lower(), default)


class NotAFileError(OSError):
    """The export target exists and is not a regular file: never replaced."""


class NoFolderError(FileNotFoundError):
    """The export target's folder does not exist (``create_folder`` makes it)."""


_KINDS = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def write_export(path: Path | str, text: str, *, overwrite: bool = False, create_folder: bool = False) -> Path:
    """Write atomically (a new file renamed over the target).

    Only a regular file is ever replaced, and only when ``overwrite``: a
    symbolic link, folder, FIFO, device or socket at ``path`` is refused
    whatever is asked (renaming over it would replace ``/dev/null`` or the
    link itself).  A missing folder is created only when ``create_folder``.

    Raises :class:`FileExistsError`, :class:`NotAFileError`,
    :class:`NoFolderError` or another :class:`OSError`, each with a one-line
    message naming the path.
    """
    target = Path(path).expanduser()
    try:
        found = os.lstat(target)
    except FileNotFoundError:
        found = None
    if found is not None:
        kind = next((name for test, name in _KINDS if test(found.st_mode)), None)
        if kind is not None or not stat.S_ISREG(found.st_mode):
            raise NotAFileError(f"{target} is {kind or 'not a regular file'}; it is never replaced")
        if not overwrite:
            raise FileExistsError(f"{target} already exists")
    folder = target.parent
    if not folder.is_dir():
        if folder.exists() or folder.is_symlink():
            raise NotADirectoryError(f"{folder} is not a folder")
        if not create_folder:
            raise NoFolderError(f"{folder} does not exist")
        folder.mkdir(parents=True, exist_ok=True)
    write_atomically(target, text.encode("utf-8"))
    return target
