"""Two more article formats: HTML pages saved from a browser, and JSON Lines.

Both end in the same place as a plain-text file: an :class:`Article` made by
:func:`reader.cleaning.parse_article`, so every boilerplate rule applies, with
the metadata the format states outright (title, outlet, byline, date,
section, captions) put in place of what the cleaner guessed.

**HTML.**  :func:`parse_html` reads the page into a tree
(:mod:`reader.htmltree`), leaves out the clutter (:mod:`reader.htmlpage`:
scripts, navigation, headers, footers, asides, hidden elements, ads,
newsletter boxes, related links, sharing, comments), finds the story and
reads its paragraphs, plain table rows and figure captions
(:mod:`reader.htmlstory`), and its title, outlet, byline, date, section and
url (:mod:`reader.htmlmeta`).

*Offsets for HTML refer to the extracted text, not to the HTML.*  The
article's ``source`` is that extracted text, laid out like a plain-text
seed: the title on the first line, a blank line, then the paragraphs
separated by blank lines.  So ``source[span.start:span.end] == span.text``
holds as for any other article, and quotes point at words a reader sees.

*The id is* ``article_id`` *of the extracted text* (what the cleaner gives
any article: the hash of its ``source``).  The same story saved twice, with
different ads, scripts or timestamps around it, gets the same id and is
shown once; the id changes only when the extracted words change.

**JSON Lines.**  :func:`parse_jsonl` reads one JSON object per line with
``title`` and ``text`` (required, non-empty strings) and optional
``outlet``, ``author``, ``date``, ``section`` and ``url`` (strings; ``null``
counts as absent, ``author`` may also be a list of strings; ``url`` is
checked but the model has no place for it).  Each record's ``source`` is
``title + "\\n\\n" + text`` (the title folded onto one line), its path
``f"{path}#{line_number}"`` (1-based) and its id ``article_id`` of that
source.  A bad line becomes a one-line warning and the rest still loads.

Neither function raises on any input.
"""

from __future__ import annotations

from dataclasses import replace

from reader.cleaning import parse_article, split_paragraphs
from reader.gcpause import collector_paused
from reader.htmlmeta import clean_text, join_names, metadata
from reader.htmlpage import Page
from reader.htmlstory import captions, paragraphs, story_node
from reader.model import Article
from reader.sanitize import loads_json, web_url

HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")

__all__ = ["HTML_SUFFIXES", "JSONL_SUFFIXES", "parse_html", "parse_jsonl"]


# --- building the article ------------------------------------------------------------


def _clean_with_title(source: str, path: str, title: str | None, *, repeats: bool = True) -> Article:
    """:func:`parse_article` on text whose first line is ``title`` (if given).

    The format states the title, so the first line is the headline even when
    the cleaner would have picked another line (a one-word title, say): that
    line goes back among the paragraphs and the title line never is one.
    """
    article = parse_article(source, path, markdown=False, repeats=repeats)
    if not title:
        return article
    paragraphs = [p for p in article.paragraphs if p.start >= len(title)]
    if article.title != title:
        kept = set(paragraphs)
        taken = next(
            (
                s
                for s in split_paragraphs(source, begin=len(title))
                if " ".join(s.text.split()) == article.title and s not in kept
            ),
            None,
        )
        if taken is not None:
            paragraphs = sorted([*paragraphs, taken], key=lambda s: s.start)
    return replace(article, title=title, paragraphs=tuple(paragraphs))


# --- HTML -> Article ----------------------------------------------------------------------


@collector_paused()  # a tree of many small nodes: the collector would walk it again and again
def parse_html(html: str, path: str = "") -> Article:
    """Clean one saved HTML page.  Offsets refer to the extracted text.  Never raises."""
    page = Page(html)
    story, scope = story_node(page)
    meta = metadata(page, scope)
    title = meta.title
    body = [p for p in paragraphs(page, story) if p != title]
    text = "\n\n".join(([title] if title else []) + body)
    # Repeated short lines in a page's story are its own (a Q&A's questions, a
    # table's header, a recipe's steps): the page's menus are already gone.
    article = _clean_with_title(text, path, title, repeats=False)
    same_site = bool(meta.outlet and article.via and article.via.lower() == meta.outlet.lower())
    return replace(
        article,
        title=title or article.title,
        outlet=meta.outlet or article.outlet,
        via=None if same_site else article.via,
        byline=meta.byline or article.byline,
        date=meta.date or article.date,
        section=meta.section or article.section,
        url=meta.url or article.url,
        captions=tuple(captions(page, scope)),  # the page marks its captions: no guessing from text
    )


# --- JSON Lines -----------------------------------------------------------------------------

_OPTIONAL = {"outlet": "outlet", "author": "byline", "date": "date", "section": "section", "url": "url"}


def parse_jsonl(text: str, path: str = "") -> tuple[list[Article], list[str]]:
    """One article per JSON object line, and a warning per bad line.  Never raises."""
    articles: list[Article] = []
    warnings: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if number == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = loads_json(line)
        except RecursionError:
            warnings.append(f"{where}: nested too deeply; skipped")
            continue
        except ValueError:
            warnings.append(f"{where}: not valid JSON; skipped")
            continue
        if not isinstance(record, dict):
            warnings.append(f"{where}: not a JSON object; skipped")
            continue
        problem, fields = _check_record(record)
        if problem:
            warnings.append(f"{where}: {problem}; skipped")
            continue
        title = " ".join(fields.pop("title").split())
        source = title + "\n\n" + fields.pop("text")
        article = _clean_with_title(source, f"{path}#{number}", title or None)
        articles.append(
            replace(
                article,
                outlet=fields.get("outlet", article.outlet),
                byline=fields.get("byline", article.byline),
                date=fields.get("date", article.date),
                section=fields.get("section", article.section),
                url=web_url(fields.get("url")),
            )
        )
    return articles, warnings


def _check_record(record: dict[str, object]) -> tuple[str | None, dict[str, str]]:
    fields: dict[str, str] = {}
    for key in ("title", "text"):
        value = record.get(key)
        if value is None:
            return f"no {key!r}", fields
        if not isinstance(value, str):
            return f"{key!r} is not a string", fields
        if not value.strip():
            return f"empty {key!r}", fields
        fields[key] = value
    for key, field_name in _OPTIONAL.items():
        value = record.get(key)
        if value is None:
            continue
        if key == "author" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = join_names([n for n in (clean_text(v) for v in value) if n]) or ""
        if not isinstance(value, str):
            return f"{key!r} is not a string", fields
        value = " ".join(value.split())
        if value and field_name:
            fields[field_name] = value
    return None, fields
