"""Reading a fetched document as a feed, with feedparser.

:func:`read_feed` turns the bytes of an RSS 0.9x/1.0/2.0 or Atom document
into a :class:`Feed` of :class:`Item` records, or raises:

* :class:`WebPage` when the document is an HTML page (for ``newsreader add``
  that means: add this one article),
* :class:`NotAFeed` when it is neither (an empty document, or XML so broken
  that no item could be read from it; items feedparser recovers from
  broken XML are kept).

feedparser reads broken but recoverable XML, guesses encodings, parses
dates and strips scripts and styles from summaries; it is only ever given
bytes, never a URL (it would fetch it itself).

>>> rss = b'''<rss version="2.0"><channel><title>Harbour News</title>
... <item><title>Port reopens</title><link>https://news.example/port</link>
... <pubDate>Mon, 07 Dec 2026 10:00:00 GMT</pubDate><description>Ships are back.</description></item>
... </channel></rss>'''
>>> feed = read_feed(rss, "https://news.example/rss")
>>> feed.title, feed.kind, feed.items[0].title, feed.items[0].date
('Harbour News', 'rss20', 'Port reopens', '2026-12-07T10:00:00Z')
>>> read_feed(b"<html><body><p>An article</p></body></html>", "https://news.example/a")
Traceback (most recent call last):
...
reader.feeds.parse.WebPage: is a web page, not a feed
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

import feedparser

from reader.sanitize import web_url

_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html|<head|<body)", re.IGNORECASE | re.DOTALL)


class NotAFeed(Exception):
    """The document is not a feed; the message says what it is, in one line."""


class WebPage(NotAFeed):
    """The document is an HTML page (an article, or a site's home page)."""


@dataclass(frozen=True)
class Item:
    url: str  # the item's own page (http or https)
    title: str
    date: str | None = None  # ISO 8601, UTC
    summary: str = ""  # HTML, scripts removed by feedparser
    author: str | None = None


@dataclass(frozen=True)
class Feed:
    title: str
    kind: str  # feedparser's version: rss20, rss10, atom10...
    items: tuple[Item, ...] = ()


def read_feed(body: bytes, url: str, content_type: str = "") -> Feed:
    """The feed in ``body`` (fetched from ``url``); raises :class:`WebPage` or :class:`NotAFeed`."""
    if not body.strip():
        raise NotAFeed("is empty, not a feed")
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers)
    version = parsed.get("version") or ""
    if not version:
        if _HTML_START.match(body[:2048]) or "html" in content_type.lower():
            raise WebPage("is a web page, not a feed")
        detail = _problem(parsed.get("bozo_exception"))
        raise NotAFeed(f"is not a valid feed ({detail})")
    items = tuple(item for item in (_item(entry) for entry in parsed.entries) if item is not None)
    if parsed.get("bozo") and not items:  # broken, and no item could be saved from it
        raise NotAFeed(f"is not a valid feed ({_problem(parsed.get('bozo_exception'))})")
    title = _one_line(parsed.feed.get("title")) or _host(url)
    return Feed(title=title, kind=version, items=items)


def _problem(exc: object) -> str:
    """``invalid XML: not well-formed (invalid token) at line 3``, from feedparser's note."""
    if exc is None:
        return "no RSS or Atom elements"
    get_message, get_line = getattr(exc, "getMessage", None), getattr(exc, "getLineNumber", None)
    if callable(get_message) and callable(get_line):
        return f"invalid XML: {get_message()} at line {get_line()}"
    return " ".join(str(exc).split())[:120]


def _item(entry) -> Item | None:
    url = web_url(entry.get("link")) or web_url(entry.get("id"))
    if url is None:
        return None
    title = _one_line(entry.get("title")) or url
    summary = ""
    for content in entry.get("content") or ():
        if isinstance(content.get("value"), str) and len(content["value"]) > len(summary):
            summary = content["value"]
    summary = summary or (entry.get("summary") if isinstance(entry.get("summary"), str) else "") or ""
    return Item(url=url, title=title, date=_date(entry), summary=summary, author=_one_line(entry.get("author")))


def _date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return time.strftime("%Y-%m-%dT%H:%M:%SZ", value)
    return None


def _one_line(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    try:
        return urlsplit(url).netloc or url
    except ValueError:
        return url
