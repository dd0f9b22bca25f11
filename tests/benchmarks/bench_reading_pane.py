"""Benchmark: the reading pane on very long articles, driven through Pilot.

Usage::

    python tests/benchmarks/bench_reading_pane.py [SIZES ...] [--keys N]

SIZES are paragraph counts (default 50 5000 10000 20000; 50 shows what
any article costs: Textual's own repaint of the screen).  For each size a
synthetic article is generated (tests/support/long_article.py: every paragraph has a direct quote,
every third one a reported clause, two speaker mentions each), with its
``Attribution`` built directly, so the numbers measure the pane and not
quote extraction.  The app runs headless at 120x36 with a one-paragraph
article first; then it prints:

- ``open``: ``j`` from the small article to the long one, until drawn;
- for ``]``, ``[``, ``j``/``k`` (moving to the small article and back,
  which re-opens the long one), ``down`` (scroll a line), ``space``
  (a page) and ``G``/``g``: the median and the worst of N presses, each
  timed from sending the key to the end of the last repaint it caused
  (Pilot's own wait for idleness after it is not counted), on the wall
  clock and in CPU time of the UI thread (the work the key caused: on a
  busy machine the wall clock also counts waiting for a core).

Target: every key answers in 100 ms or less on 20,000 paragraphs (the
verdict compares each key's median at the largest size).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.corpus import Corpus  # noqa: E402
from tests.benchmarks.pilot_timing import Painted, timed  # noqa: E402
from tests.support.long_article import small, synthetic  # noqa: E402

TARGET_MS = 100.0


async def measure(paragraphs: int, presses: int) -> dict[str, list[tuple[float, float]]]:
    from reader.ui.app import NewsReaderApp
    from reader.ui.widgets.reading_pane import ReadingPane

    long_article, long_attribution = synthetic(paragraphs)
    short_article, short_attribution = small()
    app = NewsReaderApp(Corpus([short_article, long_article]))
    app._attributions = {short_article.id: short_attribution, long_article.id: long_attribution}
    results: dict[str, list[tuple[float, float]]] = {}
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()  # the search index and directory: not measured
        await pilot.pause()
        painted = Painted(app)
        results["open"] = [await timed(pilot, painted, "j")]
        pane = app.query_one(ReadingPane)
        assert pane.article is long_article, "the long article did not open"
        await pilot.press("tab")  # focus the reading pane
        for key in ("right_square_bracket", "left_square_bracket"):  # N quotes on, then back to the first
            results[key] = [await timed(pilot, painted, key) for _ in range(presses + (key == "right_square_bracket"))]
        for key in ("down", "space"):
            results[key] = [await timed(pilot, painted, key) for _ in range(presses)]
        await pilot.press("g")  # from the top: ten pages of space can reach the end of a short article
        await pilot.pause()
        results["G/g"] = [await timed(pilot, painted, key) for _ in range(presses // 2 or 1) for key in ("G", "g")]
        results["k/j"] = [await timed(pilot, painted, key) for _ in range(presses // 2 or 1) for key in ("k", "j")]
        assert pane.article is long_article
    return results


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[50, 5000, 10000, 20000])
    parser.add_argument("--keys", type=int, default=10, help="presses of each key (default 10)")
    args = parser.parse_args(argv[1:])
    names = {"right_square_bracket": "]", "left_square_bracket": "["}
    print(f"{'paragraphs':>10}  {'key':<6} {'median ms':>10} {'worst ms':>9} {'cpu median':>11} {'cpu worst':>10}")
    for size in args.sizes:
        results = asyncio.run(measure(size, args.keys))
        for key, times in results.items():
            wall, cpu = [t[0] for t in times], [t[1] for t in times]
            print(
                f"{size:>10,}  {names.get(key, key):<6} {statistics.median(wall):>10.1f} {max(wall):>9.1f}"
                f" {statistics.median(cpu):>11.1f} {max(cpu):>10.1f}"
            )
    slow = [names.get(k, k) for k, t in results.items() if k != "open" and statistics.median(w for w, _ in t) > TARGET_MS]
    verdict = f"NOT met for {', '.join(slow)}" if slow else "met"
    print(f"target: every key's median {TARGET_MS:.0f} ms or less at {args.sizes[-1]:,} paragraphs: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
