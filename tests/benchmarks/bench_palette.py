"""Benchmark: the command palette (ctrl+p) over many article titles.

Usage::

    python tests/benchmarks/bench_palette.py [CORPUS_DIR] [--limit N]

CORPUS_DIR defaults to ``../shared/corpora/reuters21578/`` next to the
repository (19,043 files); each file's first line is taken as an article
title (no parsing: the palette only sees titles), and one hostile title is
added: the alphabet repeated to 1 KB, which hung Textual's own fuzzy
matcher.  The app runs headless at 120x36 and prints, from the key to the
end of the last repaint it caused (wall clock, and CPU time of the UI
thread):

- ``open``: ctrl+p until the palette lists articles;
- each keystroke of a few typed queries (typos included), until the hits
  for it are listed; median and worst per query.

Target (issue 17): each keystroke answered in <= 50 ms (median) on
19,000 titles, as fast as the search index; the palette never hangs.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import string
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.corpus import Corpus  # noqa: E402
from reader.model import Article  # noqa: E402
from tests.benchmarks.pilot_timing import Painted  # noqa: E402

QUERIES = ["oil prices", "bank of japn", "cocoa", "grain shipmnts", "abcdefghijklmnopqrstuvwxyz"]
HOSTILE = (string.ascii_lowercase * 40)[:1024]


def titles_of(folder: Path, limit: int | None) -> list[Article]:
    articles = []
    for path in sorted(folder.glob("*.txt"))[:limit]:
        with path.open(encoding="utf-8", errors="replace") as handle:
            title = handle.readline().strip() or path.name
        articles.append(Article(id=path.name, path=str(path), source=title, title=title))
    articles.append(Article(id="hostile", path="hostile.txt", source=HOSTILE, title=HOSTILE))
    return articles


async def until_listed(pilot, painted: Painted, keys: list[str]) -> tuple[float, float]:
    """Press ``keys`` one after the other as typed; time from the last key to the
    last repaint once the palette has gathered its hits."""
    import time

    for key in keys[:-1]:
        await pilot.press(key)
    start, cpu = time.perf_counter(), time.thread_time()
    painted.at = 0.0
    await pilot.press(keys[-1])
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return (painted.at - start) * 1000, (painted.cpu - cpu) * 1000


async def measure(articles: list[Article]) -> dict[str, list[tuple[float, float]]]:
    from reader.ui.app import NewsReaderApp

    app = NewsReaderApp(Corpus(articles))
    results: dict[str, list[tuple[float, float]]] = {}
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        painted = Painted(app)
        results["open"] = [await until_listed(pilot, painted, ["ctrl+p"])]
        for query in QUERIES:
            times = []
            for typed in range(1, len(query) + 1):
                times.append(await until_listed(pilot, painted, [query[typed - 1] if query[typed - 1] != " " else "space"]))
            results[query] = times
            await pilot.press(*["backspace"] * len(query))
            await app.workers.wait_for_complete()
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running and len(app.screen_stack) == 1, "escape did not close the palette"
    return results


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpora" / "reuters21578"))
    parser.add_argument("--limit", type=int, default=None, help="read only the first N files")
    args = parser.parse_args(argv[1:])
    folder = Path(args.corpus)
    if not folder.is_dir():
        print(f"corpus not found: {folder}\nusage: bench_palette.py [CORPUS_DIR]", file=sys.stderr)
        return 2
    articles = titles_of(folder, args.limit)
    print(f"{len(articles):,} titles (one of them 1 KB of the alphabet)")
    results = asyncio.run(measure(articles))
    print(f"{'what':<28} {'median ms':>10} {'worst ms':>9} {'cpu median':>11} {'cpu worst':>10}")
    for what, times in results.items():
        wall, cpu = [t[0] for t in times], [t[1] for t in times]
        label = what if what == "open" else f"typing {what[:20]!r}"
        print(f"{label:<28} {statistics.median(wall):>10.1f} {max(wall):>9.1f} {statistics.median(cpu):>11.1f} {max(cpu):>10.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
