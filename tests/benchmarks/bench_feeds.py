"""Benchmark: adding and refreshing a feed served on 127.0.0.1.

Usage::

    python tests/benchmarks/bench_feeds.py [ITEMS] [--pages DIR]

A feed of ITEMS items (default 30, one refresh's worth), each linking to a
page made of the fixture pages' text, is served by ``http.server`` in a
thread.  Printed: ``add`` (fetch the feed, fetch and extract every page,
store each in the state database and write its copy), ``refresh`` with
nothing new (a conditional GET answered ``304``), ``sync`` (the copies
checked, none missing) and ``rewrite`` (every copy written again from the
database, as after the cache folder was cleared), and the state database's
size per article.

With ``--pages DIR`` (saved news pages, e.g. the extraction benchmark's
``../shared/corpora/aeb-dev/html``; skipped without it) it also prints what
storing a page costs as fetched and as stored (:func:`reader.feeds.pages.slim`:
no scripts but JSON-LD, no styles, no comments), raw and compressed, and on
how many pages the extraction is the same either way.
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.feeds.fetch import Fetcher  # noqa: E402
from reader.feeds.library import Library  # noqa: E402
from reader.feeds.refresh import add, refresh  # noqa: E402

PAGES = [(ROOT / "tests" / "fixtures" / "feeds" / name).read_text(encoding="utf-8")
         for name in ("port-reopens.html", "ferry-vote.html", "library.html", "bridge.html")]
STAMP = formatdate(usegmt=True)


def _site(items: int, base: str) -> dict[str, bytes]:
    entries = "".join(f"<item><title>Story {n}</title><link>{base}/story{n}.html</link>"
                      f"<description>Summary {n}.</description></item>" for n in range(items))
    site = {"/rss": f"<rss version='2.0'><channel><title>Bench</title>{entries}</channel></rss>".encode()}
    for n in range(items):
        site[f"/story{n}.html"] = PAGES[n % len(PAGES)].replace("</h1>", f" {n}</h1>", 1).encode()
    return site


def main(items: int) -> None:
    site: dict[str, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            if self.headers.get("If-Modified-Since") == STAMP:
                self.send_response(304)
                self.end_headers()
                return
            body = site.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Length", str(len(body or b"")))
            self.send_header("Last-Modified", STAMP)
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    site.update(_site(items, base))
    top = Path(tempfile.mkdtemp())
    with Library.open(top / "state.sqlite", top / "feeds") as library, Fetcher() as fetcher:
        start = time.perf_counter()
        added = add(library, fetcher, f"{base}/rss")
        took = time.perf_counter() - start
        print(f"add        {took * 1000:8.0f} ms  ({len(added.added)} articles, {took * 1000 / items:.1f} ms each)")
        start = time.perf_counter()
        [progress] = list(refresh(library, fetcher))
        print(f"refresh    {(time.perf_counter() - start) * 1000:8.1f} ms  (304: {progress.not_modified})")
        start = time.perf_counter()
        library.sync()
        print(f"sync       {(time.perf_counter() - start) * 1000:8.1f} ms  (nothing missing)")
        for path in added.added:
            path.unlink()
        start = time.perf_counter()
        library.sync()
        print(f"rewrite    {(time.perf_counter() - start) * 1000:8.1f} ms  (every copy from the database)")
    size = sum(p.stat().st_size for p in top.glob("state.sqlite*"))
    print(f"state db   {size / 1024:8.0f} KB  ({size / 1024 / items:.1f} KB an article)")
    server.shutdown()


def pages(folder: Path) -> None:
    import gzip
    import zlib

    from reader.feeds.pages import decode_page, slim
    from reader.formats import parse_html

    sizes = [0, 0, 0, 0]
    same = total = 0
    for path in sorted(folder.glob("*.html")):
        data = path.read_bytes()
        text = decode_page(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)
        slimmed = slim(text)
        for n, version in enumerate((text, slimmed)):
            raw = version.encode("utf-8", "surrogatepass")
            sizes[n] += len(raw)
            sizes[n + 2] += len(zlib.compress(raw, 6))
        before, after = parse_html(text), parse_html(slimmed)
        fields = ("title", "byline", "date", "outlet", "url", "paragraphs", "captions")
        same += all(getattr(before, f) == getattr(after, f) for f in fields)
        total += 1
    if total:
        kb = [size / total / 1024 for size in sizes]
        print(f"pages      {total} from {folder}")
        print(f"a page     {kb[0]:.0f} KB as fetched, {kb[1]:.0f} KB slimmed; "
              f"compressed {kb[2]:.0f} KB and {kb[3]:.0f} KB (stored)")
        print(f"extraction the same on {same} of {total} pages")


if __name__ == "__main__":
    args = sys.argv[1:]
    folder = None
    if "--pages" in args:
        at = args.index("--pages")
        folder = Path(args[at + 1])
        del args[at : at + 2]
    main(int(args[0]) if args else 30)
    if folder is not None and folder.is_dir():
        pages(folder)
