"""The ``newsreader`` command.

``newsreader [PATH ...]`` opens the reader; ``newsreader quotes`` and
``newsreader search`` print who said what; ``newsreader show`` prints what
was extracted from each file (:mod:`reader.cli_show`).  With no path, the corpus from
the config file is used, or else the bundled seed articles.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from reader import __version__
from reader.config import Config, default_config_text, load_config
from reader.corpus import REPEAT_NOTE, Corpus, article_files, is_repeat
from reader.crash import EXIT_CRASH, report
from reader.export import (
    FORMATS,
    HIT_FIELDS,
    QUOTE_FIELDS,
    SPEAKER_FIELDS,
    STORY_FIELDS,
    hit_records,
    quote_records,
    render,
    speaker_records,
    story_records,
)
from reader.paths import locations
from reader.sanitize import SafeStream, one_line, visible_name
from reader.userfile import DEFAULT_LIMIT_MB, LIMIT_ENV, parse_limit_mb

SUBCOMMANDS = ("quotes", "search", "show", "speakers", "stories")
FEED_COMMANDS = ("add", "feeds", "remove", "refresh")  # reader/cli_feeds.py


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        default=[],  # else argparse calls PATH required when another argument is missing
        metavar="PATH",
        help="article files or folders (*.txt, *.md, *.html, *.jsonl; folders read recursively); "
        "default: the corpus in the config file, else the bundled seed articles",
    )
    parser.add_argument("--config", metavar="FILE", help="the config file to use (also: NEWSREADER_CONFIG)")


def _output(parser: argparse.ArgumentParser, what: str) -> None:
    # quote cards cite quotations: quotes and search hits, not speakers or stories
    choices = FORMATS if what in ("quote", "hit") else tuple(f for f in FORMATS if f != "card")
    parser.add_argument("--format", choices=choices, default=None, help="output format (default: table)")
    parser.add_argument("--json", action="store_true", help=f"JSON Lines, one object per {what} (= --format jsonl)")


def _main_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader",
        description="A terminal news reader that shows who said what.",
        epilog="Subcommands: quotes, search, show, speakers, stories; add, feeds, remove, refresh "
        "(each has --help). "
        "To open a file named like a subcommand, write ./quotes.",
    )
    _common(parser)
    parser.add_argument(
        "--paths", action="store_true", dest="show_paths", help="print where config, data and cache live"
    )
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    return parser


def _quotes_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsreader quotes", description="Print every quotation and who said it.")
    _common(parser)
    _output(parser, "quote")
    parser.add_argument(
        "--speaker", metavar="NAME", help="only quotes by this speaker (fuzzy: 'blinkin' finds Antony Blinken)"
    )
    return parser


def _search_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader search",
        description="Search quotes, speakers, titles and text, typos forgiven. "
        'Filters: @name or speaker:name, outlet:name, "exact phrase".',
    )
    parser.add_argument("query", metavar="QUERY", help="what to look for, e.g. '@wang balloon'")
    _common(parser)
    _output(parser, "hit")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)")
    return parser


def _speakers_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader speakers",
        description="Every speaker in the corpus, aliases merged across articles, most quoted first.",
    )
    _common(parser)
    _output(parser, "speaker")
    parser.add_argument("--filter", metavar="NAME", help="only speakers matching NAME (fuzzy)")
    return parser


def _stories_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader stories",
        description="Articles grouped into stories (the same event), largest first.",
    )
    _common(parser)
    _output(parser, "story")
    parser.add_argument("--all", action="store_true", help="include stories of a single article")
    return parser


def _warn(message: str) -> None:
    print(f"newsreader: warning: {one_line(message)}", file=sys.stderr)


def _parse(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.Namespace:
    """Options anywhere among the paths (``search balloon DIR --limit 5``);
    ``--json`` with another ``--format`` is an error, not a silent choice."""
    args = parser.parse_intermixed_args(argv)
    if getattr(args, "json", False) and args.format not in (None, "jsonl"):
        parser.error(f"--json means --format jsonl; it cannot go with --format {args.format}")
    return args


def _config(path: str | None) -> Config:
    """The config, its problems reported on stderr; its file size limit set for
    every reader of article files, worker processes included (they inherit it)."""
    where = locations(path)
    explicit = path is not None or "NEWSREADER_CONFIG" in os.environ
    config, messages = load_config(where.config_file, explicit=explicit)
    for message in messages:
        _warn(message)
    given = os.environ.get(LIMIT_ENV)
    if given is not None and parse_limit_mb(given) is None:
        _warn(f"{LIMIT_ENV}={given!r} is not a positive number of megabytes; using {DEFAULT_LIMIT_MB}")
        del os.environ[LIMIT_ENV]
    if config.max_file_mb is not None and LIMIT_ENV not in os.environ:
        os.environ[LIMIT_ENV] = f"{config.max_file_mb:g}"
    return config


def _corpus_paths(paths: Sequence[str], config: Config, config_path: str | None = None) -> list[str]:
    """The paths given; else the config's corpus and the feeds' articles; else none (the seeds)."""
    if paths:
        return list(paths)
    from reader.cli_feeds import stored_articles

    return [*config.corpus, *map(str, stored_articles(locations(config_path), config, _warn))]


def _no_articles(paths: Sequence[str]) -> int:
    where = ", ".join(paths) if paths else "the bundled seeds"
    print(f"newsreader: no readable articles in {one_line(where)}", file=sys.stderr)
    return 1


REPEATS_LISTED = 3  # files with the same text as another, named one by one


class _Loaded:
    """A corpus loaded through the parse cache, which stays open for its search
    index (stored there, keyed by ``key``: see :class:`reader.loader.Batch`)."""

    def __init__(self, corpus: Corpus, items: list, key: str, cache) -> None:
        self.corpus, self.items, self.key, self.cache = corpus, items, key, cache

    def index(self):
        """The search index: the one stored for this corpus, else built now and stored."""
        found = self.cache.search_index(self.key, self.corpus.articles)  # a damaged one is logged
        if found is None:
            from reader.search import SearchIndex

            found = SearchIndex.build(self.items)
            warning = self.cache.keep_search_index(self.key, found)
            if warning:
                _warn(warning)
        return found


@contextmanager
def _load(paths: Sequence[str], config_path: str | None) -> Iterator[_Loaded | None]:
    """The corpus and each article's quotes, through the parse cache: only new
    or changed files are read (by worker processes when there are many)."""
    from reader.cache import ParseCache
    from reader.loader import load_all

    cache = ParseCache(locations(config_path).cache_file).load()
    try:
        try:
            loaded = load_all(paths, cache, workers=True)
        finally:
            warning = cache.save()
        if warning:
            loaded.warnings.append(warning)
        _report(loaded.warnings)
        if not loaded.items:
            yield None
        else:
            gc.freeze()  # the corpus lives as long as the command: out of the garbage collector's walks
            corpus = Corpus(articles=[article for article, _ in loaded.items], warnings=loaded.warnings)
            yield _Loaded(corpus, loaded.items, loaded.corpus_key, cache)
    finally:
        cache.close()


def _report(warnings: list[str]) -> None:
    repeats = [w for w in warnings if is_repeat(w)]
    summed = len(repeats) > REPEATS_LISTED  # a wire service sends the same story many times
    for message in warnings:
        if not (summed and is_repeat(message)):
            _warn(message)
    if summed:
        _warn(
            f"{len(repeats):,} files repeat another article's text; each text is shown once "
            f"(the first: {repeats[0].removesuffix(REPEAT_NOTE)})"
        )


def _format(args: argparse.Namespace) -> str:
    return "jsonl" if args.json else (args.format or "table")


def _width() -> int:
    return shutil.get_terminal_size((120, 24)).columns


def _quotes(argv: Sequence[str]) -> int:
    args = _parse(_quotes_parser(), argv)
    paths = _corpus_paths(args.paths, _config(args.config), args.config)
    with _load(paths, args.config) as loaded:
        if loaded is None:
            return _no_articles(paths)
        rows = [(article, quote) for article, attribution in loaded.items for quote in attribution.quotes]
        attributions = {article.id: attribution for article, attribution in loaded.items}
        if args.speaker is not None:
            hits = loaded.index().search(f"@{args.speaker}", limit=10_000)
            wanted = {hit.speaker for hit in hits if hit.speaker}
            rows = [(a, q) for a, q in rows if q.speaker in wanted]
    fmt = _format(args)
    sys.stdout.write(render(quote_records(rows, attributions, paths), QUOTE_FIELDS, fmt, width=_width()))
    if fmt == "table":
        articles = len({id(a) for a, _ in rows})
        print(f"\n{len(rows)} quote{'s' * (len(rows) != 1)} in {articles} article{'s' * (articles != 1)}")
    return 0


def _search(argv: Sequence[str]) -> int:
    args = _parse(_search_parser(), argv)
    if args.limit < 1:
        print("newsreader: --limit must be at least 1", file=sys.stderr)
        return 2
    paths = _corpus_paths(args.paths, _config(args.config), args.config)
    with _load(paths, args.config) as loaded:
        if loaded is None:
            return _no_articles(paths)
        hits = loaded.index().search(args.query, limit=args.limit)
        titles = {article.id: article.title for article in loaded.corpus.articles}
    fmt = _format(args)
    if fmt == "table" and not hits:
        print(f"no hits for {one_line(args.query)!r}")
        return 0
    sys.stdout.write(render(hit_records(hits, titles, paths), HIT_FIELDS, fmt, width=_width()))
    return 0


def _speakers(argv: Sequence[str]) -> int:
    args = _parse(_speakers_parser(), argv)
    paths = _corpus_paths(args.paths, _config(args.config), args.config)
    with _load(paths, args.config) as loaded:
        if loaded is None:
            return _no_articles(paths)
    from reader.directory import build_directory

    directory = build_directory(loaded.items)
    entries = directory.filter(args.filter) if args.filter else directory.speakers
    sys.stdout.write(render(speaker_records(entries, paths), SPEAKER_FIELDS, _format(args), width=_width()))
    return 0


def _stories(argv: Sequence[str]) -> int:
    args = _parse(_stories_parser(), argv)
    paths = _corpus_paths(args.paths, _config(args.config), args.config)
    with _load(paths, args.config) as loaded:
        if loaded is None:
            return _no_articles(paths)
    from reader.directory import build_directory
    from reader.stories import group_stories

    stories = group_stories(loaded.items, directory=build_directory(loaded.items))
    if not args.all:
        stories = [story for story in stories if len(story.articles) > 1]
    sys.stdout.write(render(story_records(stories, paths), STORY_FIELDS, _format(args), width=_width()))
    return 0


def _exists(path) -> str:
    return "" if path.exists() else "  (not created yet)"


def _show_paths(config_path: str | None) -> int:
    where = locations(config_path)
    config_file = visible_name(str(where.config_file))
    print(f"config file: {config_file}{_exists(where.config_file)}")
    print(f"state db:    {visible_name(str(where.state_file))}{_exists(where.state_file)}")
    print(f"cache db:    {visible_name(str(where.cache_file))}{_exists(where.cache_file)}")
    print(f"data dir:    {visible_name(str(where.data_dir))}")
    print(f"cache dir:   {visible_name(str(where.cache_dir))}")
    print(f"feed copies: {visible_name(str(where.cache_dir / 'feeds'))}  (the feeds themselves: in the state db)")
    if where.legacy_state_file.exists():
        print(f"old state:   {visible_name(str(where.legacy_state_file))}  (imported at the next start)")
    if not where.config_file.exists():
        print("\nA config file looks like this:\n")
        print(default_config_text().rstrip())
    return 0


def _read(args: argparse.Namespace) -> int:
    """Open the reader; the corpus loads in the background, through the parse cache."""
    config = _config(args.config)
    paths = _corpus_paths(args.paths, config, args.config)
    warnings: list[str] = []
    files = article_files(paths, warnings)
    if not files:
        for warning in warnings:
            _warn(warning)
        return _no_articles(paths)
    from reader.cache import ParseCache
    from reader.cli_feeds import feed_places
    from reader.loader import start_workers, stop_workers
    from reader.state import StateStore
    from reader.ui.app import NewsReaderApp

    where = locations(args.config)
    cache = ParseCache(where.cache_file).load()
    store = StateStore(where.state_file, legacy=where.legacy_state_file)
    state, messages = store.load()
    uncached = sum(1 for path in files if cache.key(path) not in cache.entries)
    executor = start_workers(uncached)
    app = NewsReaderApp(
        paths=files,
        cache=cache,
        warnings=warnings + messages,
        executor=executor,
        state=state,
        store=store,
        theme=config.theme,
        layout=config.layout,
        keymap=dict(config.keys),
        feeds=None if args.paths else feed_places(where, config),
    )
    try:
        app.run()
    finally:
        stop_workers(executor)
        not_saved = store.save(state)
        if not_saved:
            _warn(not_saved)
    if app.crash_message:
        print(app.crash_message, file=sys.stderr)
    return app.return_code or 0


def _dispatch(argv: list[str]) -> int:
    if argv and argv[0] in FEED_COMMANDS:
        from reader.cli_feeds import run

        return run(argv[0], argv[1:], _config)
    if argv and argv[0] == "quotes":
        return _quotes(argv[1:])
    if argv and argv[0] == "search":
        return _search(argv[1:])
    if argv and argv[0] == "speakers":
        return _speakers(argv[1:])
    if argv and argv[0] == "show":
        from reader.cli_show import show

        return show(argv[1:])
    if argv and argv[0] == "stories":
        return _stories(argv[1:])
    args = _main_parser().parse_intermixed_args(argv)
    if args.show_paths:
        return _show_paths(args.config)
    return _read(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; the exit status: 0, 1 (nothing to read), 2 (bad
    arguments), 130 (interrupted) or :data:`EXIT_CRASH` (a bug: one line on
    stderr, the traceback in a report file).

    Everything written to stdout and stderr, by us or by argparse, goes
    through :class:`SafeStream`: valid UTF-8, no control characters.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = (SafeStream(s) if s is not None else s for s in streams)
    try:
        return _dispatch(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        streams[1].close()  # nothing more to say: not even Python's note about the pipe
        return 0
    except Exception as error:
        print(report(error), file=sys.stderr)
        return EXIT_CRASH
    finally:
        sys.stdout, sys.stderr = streams
