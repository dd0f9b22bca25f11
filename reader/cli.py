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
from reader.corpus import Corpus, load
from reader.sanitize import one_line

SUBCOMMANDS = ("quotes",)

_JSON_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _paths_help() -> str:
    return "article files or folders (*.txt, *.md, read recursively); default: the bundled seed articles"


def _main_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader",
        description="A terminal news reader that shows who said what.",
        epilog="Subcommands: 'newsreader quotes --help'. To open a file named like a subcommand, write ./quotes.",
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

    rows = []
    for article in corpus.articles:
        for quote in extract_article(article).quotes:
            rows.append((article, quote))
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
    print(f"\n{len(rows)} quotes in {len(corpus.articles)} articles")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] == "quotes":
            return _quotes(argv[1:])
        args = _main_parser().parse_args(argv)
        corpus = _load(args.paths)
        if corpus is None:
            return 1
        from reader.ui.app import NewsReaderApp

        NewsReaderApp(corpus).run()
        return 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
