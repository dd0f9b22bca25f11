"""The ``newsreader`` command.

``newsreader [PATH ...]`` opens the reader; ``newsreader quotes [PATH ...]``
prints who said what.  With no path, the bundled seed articles are used.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from collections.abc import Sequence

from reader import __version__
from reader.corpus import Corpus, article_files, load
from reader.sanitize import one_line

SUBCOMMANDS = ("quotes", "search")

_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _paths_help() -> str:
    return "article files or folders (*.txt, *.md, read recursively); default: the bundled seed articles"


def _main_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader",
        description="A terminal news reader that shows who said what.",
        epilog="Subcommands: 'newsreader quotes --help', 'newsreader search --help'. To open a file named like a subcommand, write ./quotes.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help=_paths_help())
    parser.add_argument("--version", action="version", version=f"newsreader {__version__}")
    return parser


def _quotes_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader quotes",
        description="Print every quotation and who said it.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help=_paths_help())
    parser.add_argument("--json", action="store_true", help="JSON Lines: one object per quote")
    parser.add_argument("--speaker", metavar="NAME", help="only quotes by this speaker (fuzzy: 'blinkin' finds Antony Blinken)")
    return parser


def _search_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader search",
        description="Search quotes, speakers, titles and text, typos forgiven. "
        "Filters: @name or speaker:name, outlet:name, \"exact phrase\".",
    )
    parser.add_argument("query", help="what to look for, e.g. '@wang balloon'")
    parser.add_argument("paths", nargs="*", metavar="PATH", help=_paths_help())
    parser.add_argument("--json", action="store_true", help="JSON Lines: one object per hit")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)")
    return parser


def _load(paths: Sequence[str]) -> Corpus | None:
    corpus = load(paths)
    for warning in corpus.warnings:
        print(f"newsreader: warning: {one_line(warning)}", file=sys.stderr)
    if not corpus.articles:
        where = ", ".join(paths) if paths else "the bundled seeds"
        print(f"newsreader: no readable articles in {one_line(where)}", file=sys.stderr)
        return None
    return corpus


def json_line(record: dict) -> str:
    """One JSON object on one line; control and bidi characters escaped."""
    text = json.dumps(record, ensure_ascii=False)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _quotes(argv: Sequence[str]) -> int:
    args = _quotes_parser().parse_args(argv)
    corpus = _load(args.paths)
    if corpus is None:
        return 1
    from reader.quotes import extract_article

    analysed = [(article, extract_article(article)) for article in corpus.articles]
    rows = [(article, quote) for article, attribution in analysed for quote in attribution.quotes]
    if args.speaker is not None:
        wanted = _speakers_named(args.speaker, analysed)
        rows = [(a, q) for a, q in rows if q.speaker in wanted]
    if args.json:
        for article, quote in rows:
            print(
                json_line(
                    {
                        "article": article.path,
                        "text": quote.text,
                        "start": quote.start,
                        "end": quote.end,
                        "speaker": quote.speaker,
                        "kind": quote.kind,
                    }
                )
            )
        return 0
    width = shutil.get_terminal_size((120, 24)).columns
    speaker_width = min(32, max((len(q.speaker or "—") for _, q in rows), default=7))
    text_width = max(20, width - speaker_width - 12)
    current = None
    for article, quote in rows:
        if article is not current:
            current = article
            print(f"\n{one_line(article.title)}  ({one_line(article.path)})")
        speaker = one_line(quote.speaker or "—")
        if len(speaker) > speaker_width:
            speaker = speaker[: speaker_width - 1] + "…"
        text = one_line(quote.text)
        if len(text) > text_width:
            text = text[: text_width - 1] + "…"
        print(f"  {speaker:<{speaker_width}}  {quote.kind:<8}  {text}")
    articles = len({id(a) for a, _ in rows})
    print(f"\n{len(rows)} quote{'s' * (len(rows) != 1)} in {articles} article{'s' * (articles != 1)}")
    return 0


def _index(analysed):
    from reader.search import SearchIndex

    return SearchIndex.build(analysed)


def _speakers_named(name: str, analysed) -> set[str]:
    """Canonical speakers matching a fuzzy name, through the search index."""
    hits = _index(analysed).search(f"@{name}", limit=10_000)
    return {hit.speaker for hit in hits if hit.speaker}


def _search(argv: Sequence[str]) -> int:
    args = _search_parser().parse_args(argv)
    if args.limit < 1:
        print("newsreader: --limit must be at least 1", file=sys.stderr)
        return 2
    corpus = _load(args.paths)
    if corpus is None:
        return 1
    from reader.quotes import extract_article

    hits = _index((article, extract_article(article)) for article in corpus.articles).search(
        args.query, limit=args.limit
    )
    titles = {article.id: article.title for article in corpus.articles}
    if args.json:
        for hit in hits:
            print(
                json_line(
                    {
                        "kind": hit.kind,
                        "article": hit.path,
                        "title": titles.get(hit.article_id),
                        "text": hit.text,
                        "speaker": hit.speaker,
                        "start": hit.start,
                        "end": hit.end,
                        "score": round(hit.score, 4),
                    }
                )
            )
        return 0
    if not hits:
        print(f"no hits for {one_line(args.query)!r}")
        return 0
    width = shutil.get_terminal_size((120, 24)).columns
    for rank, hit in enumerate(hits, 1):
        text = one_line(hit.text)
        room = max(20, width - 14)
        if len(text) > room:
            text = text[: room - 1] + "…"
        print(f"{rank:>3}. {hit.kind:<7} {text}")
        where = " · ".join(one_line(part) for part in (hit.speaker or "", titles.get(hit.article_id, hit.path)) if part)
        print(f"     {'':<7} {where}")
    return 0


def _read(paths: Sequence[str]) -> int:
    """Open the reader; the corpus loads in the background, through the parse cache."""
    warnings: list[str] = []
    files = article_files(paths, warnings)
    if not files:
        for warning in warnings:
            print(f"newsreader: warning: {one_line(warning)}", file=sys.stderr)
        where = ", ".join(paths) if paths else "the bundled seeds"
        print(f"newsreader: no readable articles in {one_line(where)}", file=sys.stderr)
        return 1
    from reader.cache import ParseCache
    from reader.paths import locations
    from reader.ui.app import NewsReaderApp

    from reader.loader import start_workers

    cache = ParseCache(locations().cache_dir / "parse.cache").load()
    uncached = sum(1 for path in files if cache.key(path) not in cache.entries)
    executor = start_workers(uncached)
    try:
        NewsReaderApp(paths=files, cache=cache, warnings=warnings, executor=executor).run()
    finally:
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "quotes":
            return _quotes(argv[1:])
        if argv and argv[0] == "search":
            return _search(argv[1:])
        args = _main_parser().parse_args(argv)
        return _read(args.paths)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
