"""Refreshing feeds, and adding a feed or a page by its address.

:func:`refresh` fetches each feed (a conditional GET), reads it, fetches
the pages of the items not kept yet (a few at a time) and stores them; it
yields a :class:`Progress` after each feed, and never raises for one
failing feed: the failure is recorded as the feed's ``last_error`` and
reported in the progress, and the next feed is fetched.

:func:`add` subscribes to a feed, or, given an article's own page, keeps
that one article.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from reader.feeds.fetch import Fetcher, FetchError
from reader.feeds.library import Library
from reader.feeds.pages import item_document, page_document
from reader.feeds.parse import Feed, NotAFeed, WebPage, read_feed
from reader.sanitize import one_line
from reader.store.feeds_db import FeedRow

log = logging.getLogger(__name__)

ACCEPT_FEED = "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, */*;q=0.5"
NEW_PER_REFRESH = 30  # a feed's newest items fetched per refresh (the rest: next time, if still listed)
KEEP_DAYS = 90  # a fetched article is kept this long unless bookmarked (config: feed_days; 0 keeps all)
PAGES_AT_ONCE = 4  # pages fetched at once (and at most two per host: see reader.feeds.fetch)


@dataclass
class Progress:
    """One feed refreshed: ``done`` of ``total`` so far."""

    url: str
    title: str
    done: int
    total: int
    added: list[Path] = field(default_factory=list)  # the new articles' files
    error: str | None = None
    not_modified: bool = False


def refresh(library: Library, fetcher: Fetcher, urls: Iterable[str] | None = None,
            on_article: Callable[[Path], None] | None = None, keep_days: float = KEEP_DAYS) -> Iterator[Progress]:
    """Refresh the feeds at ``urls`` (default: every feed; single pages are not fetched again);
    ``on_article``: see :func:`keep_items`.  Then articles fetched more than ``keep_days`` ago
    and not bookmarked are let go (:meth:`Library.expire`; 0 keeps everything)."""
    rows = [row for row in library.feeds() if row.kind == "feed"]
    if urls is not None:
        wanted = set(urls)
        rows = [row for row in rows if row.url in wanted]
    for done, row in enumerate(rows, 1):
        progress = Progress(row.url, row.title or row.url, done, len(rows))
        try:
            _refresh_one(library, fetcher, row, progress, on_article)
        except (FetchError, NotAFeed) as exc:
            progress.error = _message(exc)
        except Exception as exc:  # noqa: BLE001 - one feed's bug must not stop the others
            log.exception("refreshing %s failed", row.url)
            progress.error = f"unexpected error ({type(exc).__name__}: {one_line(str(exc))[:200]})"
        if progress.error is not None:
            library.fetched(row.url, error=progress.error)
        yield progress
    library.expire(keep_days)


def _refresh_one(library: Library, fetcher: Fetcher, row: FeedRow, progress: Progress,
                 on_article: Callable[[Path], None] | None) -> None:
    response = fetcher.get(row.url, etag=row.etag, last_modified=row.modified, accept=ACCEPT_FEED)
    if response.not_modified:
        progress.not_modified = True
        library.fetched(row.url, title=row.title, etag=row.etag, modified=row.modified)
        return
    try:
        feed = read_feed(response.body, response.url, response.content_type)
    except WebPage:
        raise NotAFeed("the address now gives a web page, not a feed") from None
    progress.title = feed.title
    progress.added = keep_items(library, fetcher, row.url, feed, on_article)
    library.fetched(row.url, title=feed.title, etag=response.etag, modified=response.last_modified)


def keep_items(library: Library, fetcher: Fetcher, feed_url: str, feed: Feed,
               on_article: Callable[[Path], None] | None = None) -> list[Path]:
    """Fetch and store the feed's items not kept yet; their files, in the feed's order.
    ``on_article(path)`` is called as each one is stored (in this thread), for a reader
    that lists articles as they arrive."""
    known = library.known()
    new = [item for item in feed.items if item.url not in known][:NEW_PER_REFRESH]
    paths: dict[int, Path] = {}
    with ThreadPoolExecutor(PAGES_AT_ONCE) as pool:
        futures = {pool.submit(item_document, fetcher, item, feed.title): n for n, item in enumerate(new)}
        for future in as_completed(futures):
            item, (html, full) = new[futures[future]], future.result()
            path = paths[futures[future]] = library.keep(feed_url, item.url, item.title, item.date, full, html)
            if on_article is not None:
                on_article(path)
    return [paths[n] for n in sorted(paths)]


@dataclass
class Added:
    kind: str  # "feed" or "page"
    title: str
    new: bool  # False: it was there already
    added: list[Path] = field(default_factory=list)


def add(library: Library, fetcher: Fetcher, url: str) -> Added:
    """Subscribe to the feed at ``url``, or keep the article page at ``url``.
    Raises :class:`FetchError` or :class:`NotAFeed` (nothing is added then)."""
    response = fetcher.get(url, accept=ACCEPT_FEED)
    try:
        feed = read_feed(response.body, response.url, response.content_type)
    except WebPage:
        html, article = page_document(response.body, response.content_type, response.url)
        if not article.paragraphs:
            raise NotAFeed("is a web page with no article text, and not a feed") from None
        kept = url in library.known()  # from a feed already: it stays that feed's
        new = library.subscribe(url, "page", article.title)
        paths = [] if kept else [library.keep(url, url, article.title, article.date, True, html)]
        library.fetched(url, title=article.title)
        return Added("page", article.title, new, paths)
    new = library.subscribe(url, "feed", feed.title)
    added = keep_items(library, fetcher, url, feed)
    library.fetched(url, title=feed.title, etag=response.etag, modified=response.last_modified)
    return Added("feed", feed.title, new, added)


def _message(exc: Exception) -> str:
    return one_line(str(exc)) or type(exc).__name__
