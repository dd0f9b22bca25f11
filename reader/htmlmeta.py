"""What a saved HTML page says about its article: title, outlet, byline, date, section, url.

From ``<meta>`` (Open Graph, ``author``, ``article:*``), the first
Article-like JSON-LD object, and the page itself (the story's ``<h1>``, an
element marked as the byline, the first ``<time>``), in that order.

>>> from reader.htmlpage import Page
>>> page = Page('<meta property="og:site_name" content="Elwin Bugle">'
...             '<title>Port shut | Elwin Bugle</title><p class="byline">By Jane Doe</p>')
>>> found = metadata(page, None)
>>> found.title, found.outlet, found.byline
('Port shut', 'Elwin Bugle', 'Jane Doe')
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from reader.htmlpage import Page, text_of
from reader.htmltree import Node
from reader.sanitize import loads_json, web_url

__all__ = ["PageMeta", "clean_text", "join_names", "metadata"]

# --- metadata ----------------------------------------------------------------------

_LD_ARTICLE = re.compile(r"Article|Posting|Report|NewsArticle|WebPage", re.IGNORECASE)
_BY = re.compile(r"^(?:written\s+)?by[:\s]+", re.IGNORECASE)
_SEPARATORS = (" | ", " - ", " – ", " — ", " · ", " :: ", " : ")
_BYLINE_CLASS = re.compile(r"(?:^|[-_])(?:byline|authors?)(?:[-_]?names?)?$")
_NOT_BYLINE_CLASS = re.compile(r"bio|avatar|image|img|photo")


def _json_ld(page: Page) -> dict[str, object]:
    """The first Article-like object in the page's JSON-LD, if any."""
    found: list[dict[str, object]] = []
    for node in page.scripts:  # in page order, as a walk over the tree meets them
        if "ld+json" in node.get("type").lower():
            raw = "".join(c for c in node.children if isinstance(c, str))
            try:
                data = loads_json(raw)
            except Exception:  # noqa: BLE001 - bad JSON-LD is ignored
                continue
            found.extend(_ld_objects(data))
    for obj in found:
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and _LD_ARTICLE.search(k) for k in kinds):
            return obj
    return {}


def _ld_objects(data: object, depth: int = 0) -> Iterator[dict[str, object]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_objects(data["@graph"], depth + 1)


_LD_DEPTH = 8  # names nested deeper than this in JSON-LD are not looked for


def _ld_name(value: object, depth: int = 0) -> str | None:
    """A name from a JSON-LD value: a string, ``{"name": ...}`` or a list of
    those (nested at most ``_LD_DEPTH`` deep: the page decides the nesting)."""
    if isinstance(value, str):
        return clean_text(value)
    if depth >= _LD_DEPTH:
        return None
    if isinstance(value, dict):
        return _ld_name(value.get("name"), depth + 1)
    if isinstance(value, list):
        names = [n for n in (_ld_name(v, depth + 1) for v in value[:10]) if n]
        return join_names(names)
    return None


def _ld_str(value: object) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    return clean_text(value) if isinstance(value, str) else None


def clean_text(text: str) -> str | None:
    text = " ".join(text.split())
    return text or None


def join_names(names: list[str]) -> str | None:
    unique = list(dict.fromkeys(names))
    if not unique:
        return None
    if len(unique) == 1:
        return unique[0]
    return ", ".join(unique[:-1]) + " and " + unique[-1]


def _strip_site(title: str, site: str | None) -> str:
    if site:
        low, name = title.lower(), site.lower()
        for sep in _SEPARATORS:
            if low.endswith(sep + name) and len(title) > len(sep + name):
                return title[: -len(sep + name)].rstrip()
    return title


def _byline_from_page(page: Page, scope: Node | None) -> str | None:
    for node in page.visible(scope, soft=True):
        cls = node.get("class").lower()
        if "author" not in cls and "byline" not in cls and "author" not in node.get("rel").lower() \
                and "author" not in node.get("itemprop").lower():
            continue  # none of the marks below can hold (a 10 MB page has ~100,000 elements)
        rel = node.get("rel").lower().split()
        classes = cls.split()
        marked = "author" in rel or node.get("itemprop").lower() == "author" or any(
            _BYLINE_CLASS.search(c) and not _NOT_BYLINE_CLASS.search(c) for c in classes
        )
        if not marked:
            continue
        dates = tuple(n for n in page.visible(node, soft=True) if n.tag == "time" or page.pieces(n) & _DATE_WORDS)
        text = _BY.sub("", text_of(page, node, skip=dates))  # "Jane Doe <span class=date>...": the name
        text = text.strip(" |,·•-–—")
        if 2 <= len(text) <= 100:
            return text
    return None


def _first_meta(page: Page, *keys: str) -> str | None:
    for key in keys:
        for value in page.meta.get(key, ()):
            if value:
                return value
    return None


_DATE_WORDS = frozenset({"date", "timestamp", "dateline", "pubdate", "published"})
_DIGIT = re.compile(r"\d")


def _marked_date(page: Page, scope: Node | None) -> str | None:
    """The text of the first element in the story whose class or id says it
    is the date (``<span class="article-publish-date">Nov 19, 2019</span>``):
    short, with a digit."""
    for node in page.visible(scope, soft=True):
        if page.pieces(node) & _DATE_WORDS:
            text = text_of(page, node)
            if 6 <= len(text) <= 60 and _DIGIT.search(text):
                return text
    return None


class PageMeta(NamedTuple):
    """What the page states about its article (None where it states nothing)."""

    title: str | None
    outlet: str | None
    byline: str | None
    date: str | None
    section: str | None
    url: str | None


def metadata(page: Page, scope: Node | None) -> PageMeta:
    ld = _json_ld(page)
    outlet = _first_meta(page, "og:site_name") or _ld_name(ld.get("publisher")) or _first_meta(
        page, "application-name"
    )

    title = _first_meta(page, "og:title", "twitter:title") or _ld_str(ld.get("headline"))
    if not title:
        h1 = next((n for n in page.visible(scope, soft=True) if n.tag == "h1"), None)
        if h1 is None and scope is not None:
            h1 = next((n for n in page.walk(soft=True) if n.tag == "h1"), None)
        title = text_of(page, h1) if h1 is not None else None
    title = title or page.title_tag
    title = _strip_site(" ".join(title.split()), outlet) if title else None

    authors = [a for a in page.meta.get("author", []) if not a.lower().startswith(("http:", "https:"))]
    authors += [
        a for a in page.meta.get("article:author", []) if not a.lower().startswith(("http:", "https:", "www."))
    ]
    byline = join_names(authors) or _ld_name(ld.get("author")) or _byline_from_page(page, scope)
    if byline:
        byline = _BY.sub("", byline) or None

    date = _first_meta(page, "article:published_time", "og:published_time") or _ld_str(ld.get("datePublished"))
    if not date:
        for node in page.visible(scope, soft=True):
            if node.tag == "time":
                date = clean_text(node.get("datetime")) or text_of(page, node) or None
                if date:
                    break
    date = date or _first_meta(page, "datepublished", "date", "pubdate", "dc.date", "dc.date.issued") or _marked_date(
        page, scope
    )

    section = _first_meta(page, "article:section") or _ld_str(ld.get("articleSection"))
    url = web_url(_first_meta(page, "og:url", "twitter:url")) or web_url(_ld_str(ld.get("url")))
    return PageMeta(title, outlet, byline, date, section, url)
