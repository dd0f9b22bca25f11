"""``newsreader add | feeds | remove | refresh``: subscriptions from the shell.

* ``newsreader add URL``: subscribe to an RSS or Atom feed (its articles are
  fetched at once), or keep the one article at an article page's address,
* ``newsreader feeds [--json]``: every subscription, its last fetch, its
  number of articles and its last error,
* ``newsreader remove URL``: forget a feed and its articles,
* ``newsreader refresh [URL ...]``: fetch new articles (for cron): one line
  per failing feed on stderr, exit status 1 when every feed failed.

Feeds and articles live in the state database; the articles' ``.html``
copies, which the reader and the other commands read, in the cache folder
(``feeds/``).  With no PATH, ``newsreader``, ``quotes``, ``search``,
``speakers`` and ``stories`` read the config's corpus plus the feeds'
articles (and the bundled seeds only when both are empty).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from reader.config import Config
from reader.export import render
from reader.paths import Locations, locations
from reader.sanitize import one_line, web_url

FEED_FIELDS = ("url", "title", "kind", "last_fetch", "articles", "last_error")
COMMANDS = ("add", "feeds", "remove", "refresh")


def feeds_folder(where: Locations) -> Path:
    """Where the stored articles' copies are (rebuilt from the state database when missing)."""
    return where.cache_dir / "feeds"


def _library(where: Locations):
    from reader.feeds.library import Library

    return Library.open(where.state_file, feeds_folder(where))


def stored_articles(where: Locations, config: Config, warn) -> list[Path]:
    """The feeds' article files, written again where missing; [] when there are none or the store fails."""
    if not where.state_file.exists():
        return []
    from reader.feeds.library import LibraryError

    try:
        with _library(where) as library:
            library.merge(config.feeds)
            return library.sync()
    except (LibraryError, OSError, sqlite3.Error) as exc:
        warn(f"feed articles not read: {exc}")
        return []


def feed_places(where: Locations, config: Config):
    """For the reader's ``r`` and ``R`` keys: where the feeds are, and their titles."""
    from reader.feeds.library import FeedPlaces, LibraryError, feed_titles

    places = FeedPlaces(where.state_file, feeds_folder(where), config.feeds, keep_days=config.feed_days)
    if where.state_file.exists():
        try:
            with _library(where) as library:
                places.titles = feed_titles(library)
        except LibraryError:
            pass  # said when the articles were read (stored_articles)
    return places


def _parser(name: str, description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"newsreader {name}", description=description)
    parser.add_argument("--config", metavar="FILE", help="the config file to use (also: NEWSREADER_CONFIG)")
    return parser


def _url(value: str) -> str:
    url = web_url(value)
    if url is None:
        raise argparse.ArgumentTypeError(f"{one_line(value)!r} is not an http:// or https:// address")
    return url


def run(command: str, argv: Sequence[str], config_for) -> int:
    """Run one of :data:`COMMANDS`; ``config_for(path)`` loads the config (reporting its problems).
    A state database or cache folder that cannot be used is one line and status 1."""
    from reader.feeds.library import LibraryError

    try:
        return {"add": _add, "feeds": _feeds, "remove": _remove, "refresh": _refresh}[command](argv, config_for)
    except (LibraryError, OSError, sqlite3.Error) as exc:
        print(f"newsreader: {command}: {one_line(str(exc))}", file=sys.stderr)
        return 1


def _add(argv: Sequence[str], config_for) -> int:
    parser = _parser("add", "Subscribe to an RSS or Atom feed, or keep the article at a web page's address.")
    parser.add_argument("url", type=_url, metavar="URL")
    args = parser.parse_args(argv)
    config_for(args.config)
    from reader.feeds.fetch import Fetcher, FetchError
    from reader.feeds.parse import NotAFeed
    from reader.feeds.refresh import add

    with _library(locations(args.config)) as library, Fetcher() as fetcher:
        try:
            added = add(library, fetcher, args.url)
        except (FetchError, NotAFeed) as exc:
            print(f"newsreader: {one_line(args.url)}: {one_line(str(exc))}; not added", file=sys.stderr)
            return 1
    title = one_line(added.title)
    if added.kind == "page":
        print(f"added the article {title!r}" if added.added else f"{title!r} was kept already")
    else:
        again = "" if added.new else " (subscribed already)"
        count = len(added.added)
        print(f"subscribed to {title!r}{again}: {count} new article{'s' * (count != 1)}")
    return 0


def _feeds(argv: Sequence[str], config_for) -> int:
    parser = _parser("feeds", "List the feeds (and single pages) you follow.")
    parser.add_argument("--json", action="store_true", help="JSON Lines, one object per feed")
    args = parser.parse_args(argv)
    config = config_for(args.config)
    with _library(locations(args.config)) as library:
        library.merge(config.feeds)
        rows = library.feeds()
    if not rows:
        print("no feeds yet: newsreader add URL subscribes to one")
        return 0
    records = [{"url": row.url, "title": row.title or "", "kind": row.kind,
                "last_fetch": _when(row.last_fetch, args.json), "articles": row.articles,
                "last_error": row.last_error or ""} for row in rows]
    if args.json:
        for record in records:
            record["title"] = record["title"] or None
            record["last_error"] = record["last_error"] or None
        sys.stdout.write(render(records, FEED_FIELDS, "jsonl"))
    else:
        sys.stdout.write(_table(records))
    return 0


def _remove(argv: Sequence[str], config_for) -> int:
    parser = _parser("remove", "Forget a feed (or a single page) and its articles.")
    parser.add_argument("url", metavar="URL")
    args = parser.parse_args(argv)
    config = config_for(args.config)
    with _library(locations(args.config)) as library:
        count = library.remove(args.url)
    if count is None:
        print(f"newsreader: not subscribed to {one_line(args.url)} (newsreader feeds lists them)", file=sys.stderr)
        return 1
    print(f"removed {one_line(args.url)} and its {count} article{'s' * (count != 1)}")
    if args.url in config.feeds:
        print("it is in the config file's feeds too: remove it there, or it comes back", file=sys.stderr)
    return 0


def _refresh(argv: Sequence[str], config_for) -> int:
    parser = _parser("refresh", "Fetch new articles from every feed, or from the feeds named (for cron).")
    parser.add_argument("urls", nargs="*", metavar="URL")
    parser.add_argument("-q", "--quiet", action="store_true", help="print failures only")
    args = parser.parse_args(argv)
    config = config_for(args.config)
    from reader.feeds.fetch import Fetcher
    from reader.feeds.refresh import KEEP_DAYS, refresh

    failed = total = added = 0
    with _library(locations(args.config)) as library, Fetcher() as fetcher:
        library.merge(config.feeds)
        known = {row.url for row in library.feeds()}
        for url in args.urls:
            if url not in known:
                print(f"newsreader: not subscribed to {one_line(url)}; newsreader add subscribes", file=sys.stderr)
                return 1
        keep_days = KEEP_DAYS if config.feed_days is None else config.feed_days
        for progress in refresh(library, fetcher, args.urls or None, keep_days=keep_days):
            total += 1
            added += len(progress.added)
            if progress.error is not None:
                failed += 1
                print(f"newsreader: {one_line(progress.url)}: {progress.error}", file=sys.stderr)
    if not args.quiet:
        print(f"{total} feed{'s' * (total != 1)} refreshed, {added} new article{'s' * (added != 1)}"
              + (f", {failed} failed" if failed else ""))
    return 1 if total and failed == total else 0


def _table(records: list[dict]) -> str:
    """``TITLE  ARTICLES  LAST FETCH  LAST ERROR  URL``, one feed a line; the error cut to fit."""
    rows = [[one_line(r["title"]) or "—", str(r["articles"]), r["last_fetch"] or "never",
             one_line(r["last_error"]) or "ok", one_line(r["url"])] for r in records]
    head = ["TITLE", "ARTICLES", "LAST FETCH", "LAST ERROR", "URL"]
    widths = [min(30, max(len(row[i]) for row in [head, *rows])) for i in range(3)]
    error_width = max(10, min(60, _width() - sum(w + 2 for w in widths) - 30))
    lines = []
    for row in [head, *rows]:
        cells = [_fit(row[i], widths[i]).ljust(widths[i]) for i in range(3)]
        if row is not head:
            cells[1] = row[1].rjust(widths[1])
        lines.append("  ".join([*cells, _fit(row[3], error_width).ljust(error_width), row[4]]).rstrip())
    return "\n".join(lines) + "\n"


def _fit(text: str, size: int) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"


def _when(at: float | None, iso: bool) -> str | None:
    if at is None:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%S%z" if iso else "%Y-%m-%d %H:%M", time.localtime(at))


def _width() -> int:
    import shutil

    return shutil.get_terminal_size((120, 24)).columns
