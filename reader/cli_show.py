"""``newsreader show``: what the reader extracted from article files.

``newsreader show PATH... [--format text|md|json]`` reads each file (plain
text, Markdown, a saved HTML page, JSON Lines; a folder is read recursively)
the way the reader does and prints, per article, its title, outlet, byline,
date, section, url, captions and body paragraphs.  ``--format json`` prints
one JSON object per article per line (JSON Lines; a single file with one
article gives a single line)::

    $ newsreader show --format json page.html
    {"path": "page.html", "title": "Storm shuts Elwin port", "outlet": "Elwin Bugle", "byline": "Jane Doe",
     "date": "2026-12-07", "url": null, "section": null, "captions": [], "body": "The port ...\\n...", ...}

(one line in reality).  ``body`` is the paragraphs joined by ``"\\n"``.

A file that cannot be read gets a one-line warning on stderr and the others
are still shown; the exit status is 1 when something could not be shown.
An ``http://`` or ``https://`` address is fetched (:mod:`reader.feeds.fetch`:
timeouts, redirects, a size cap) and its page extracted as the reader would
keep it; a feed's address is a message (``newsreader add`` subscribes), as
is a page that cannot be had.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence

from reader.corpus import ArticleError, iter_files, read_file
from reader.export import json_line, markdown_text
from reader.model import Article
from reader.sanitize import one_line

__all__ = ["article_record", "render_article", "show"]



def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsreader show",
        description="Print what the reader extracted from article files: title, outlet, byline, date, "
        "captions and body.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH_OR_URL", help="article files or folders")
    parser.add_argument(
        "--format", choices=("text", "md", "json"), default="text",
        help="text (default), md (Markdown) or json (one JSON object per article per line)",
    )
    return parser


def article_record(article: Article) -> dict[str, object]:
    """The article as a JSON-ready dict.

    >>> from reader.cleaning import parse_article
    >>> a = parse_article("Port shut\\n\\nBy Jane Doe\\n\\nThe port of Elwin closed on Monday, officials said.\\n")
    >>> record = article_record(a)
    >>> record["title"], record["byline"], record["body"]
    ('Port shut', 'Jane Doe', 'The port of Elwin closed on Monday, officials said.')
    """
    return {
        "path": article.path,
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet or article.via,
        "via": article.via if article.outlet and article.via != article.outlet else None,  # the site that ran it
        "byline": article.byline,
        "date": article.date,
        "section": article.section,
        "url": article.url,
        "captions": [{"text": c.text, "credit": c.credit} for c in article.captions],
        "body": "\n".join(p.text for p in article.paragraphs),
    }


def render_article(article: Article, fmt: str) -> str:
    """The article as text or Markdown: the headline, a line of metadata, the
    paragraphs apart by blank lines, then the captions."""
    byline = f"By {article.byline}" if article.byline else None
    about = [v for v in (article.outlet_label, byline, article.date, article.section) if v]
    paragraphs = [p.text for p in article.paragraphs]
    if fmt == "md":  # untrusted text: no link, image or HTML of the page's renders
        md = markdown_text
        lines = [f"# {md(article.title)}", ""]
        lines += [f"*{md(' · '.join(about))}*", ""] if about else []
        lines += [md(article.url), ""] if article.url else []
        for text in paragraphs:
            lines += [md(text), ""]
        lines += [f"> {md(c.text)}" + (f" ({md(c.credit)})" if c.credit else "") for c in article.captions]
    else:
        lines = [article.title, "=" * min(len(article.title), 78)]
        lines += [" · ".join(about)] if about else []
        lines += [article.url] if article.url else []
        lines.append("")
        for text in paragraphs:
            lines += [text, ""]
        lines += [f"[caption] {c.text}" + (f" ({c.credit})" if c.credit else "") for c in article.captions]
    return "\n".join(lines).rstrip() + "\n"


def _articles(given: Sequence[str], problems: list[str], notes: list[str]) -> Iterator[Article]:
    """The articles in the given files and folders; what could not be read
    goes to ``problems``, what was read with a caveat to ``notes``."""
    for path in iter_files(given, problems):
        try:
            articles, caveats = read_file(path)
        except ArticleError as error:
            problems.append(f"{path}: {error}")
            continue
        notes.extend(caveats)
        yield from articles


def _given(given: Sequence[str], problems: list[str], notes: list[str]) -> Iterator[Article]:
    """The articles of each path and address, in the order given."""
    fetcher = None
    try:
        for item in given:
            if item.lower().startswith(("http://", "https://")):
                if fetcher is None:
                    from reader.feeds.fetch import Fetcher

                    fetcher = Fetcher()
                yield from _fetched(fetcher, item, problems)
            else:
                yield from _articles([item], problems, notes)
    finally:
        if fetcher is not None:
            fetcher.close()


def _fetched(fetcher, url: str, problems: list[str]) -> Iterator[Article]:
    """The article at ``url``, as ``newsreader add`` would keep it."""
    from reader.feeds.fetch import FetchError
    from reader.feeds.pages import ACCEPT_HTML, page_document
    from reader.feeds.parse import NotAFeed, WebPage, read_feed
    from reader.formats import parse_html

    try:
        response = fetcher.get(url, accept=ACCEPT_HTML)
        read_feed(response.body, response.url, response.content_type)
    except FetchError as error:
        problems.append(f"{url}: {error}")
        return
    except WebPage:
        html, _ = page_document(response.body, response.content_type, response.url)
        yield parse_html(html, url)
        return
    except NotAFeed:
        problems.append(f"{url}: neither a web page nor a feed")
        return
    problems.append(f"{url}: is a feed, not an article (newsreader add subscribes to it)")


def show(argv: Sequence[str]) -> int:
    """Run ``newsreader show``; returns the exit status (1 if anything could not be shown)."""
    args = _parser().parse_intermixed_args(argv)
    problems: list[str] = []
    notes: list[str] = []
    told = [0, 0]  # problems and notes already printed
    shown = 0
    for article in _given(args.paths, problems, notes):
        _tell(problems, notes, told)
        if args.format == "json":
            sys.stdout.write(json_line(article_record(article)) + "\n")
        else:
            sys.stdout.write(("\n" if shown else "") + render_article(article, args.format))
        shown += 1
    _tell(problems, notes, told)
    return 1 if problems or not shown else 0


def _tell(problems: list[str], notes: list[str], told: list[int]) -> None:
    """Print on stderr the problems and notes not printed yet, as they come (a
    long run over a folder says what it skipped when it skips it)."""
    for message in problems[told[0] :]:
        print(f"newsreader: {one_line(message)}", file=sys.stderr)
    for message in notes[told[1] :]:
        print(f"newsreader: warning: {one_line(message)}", file=sys.stderr)
    told[:] = [len(problems), len(notes)]
