"""Benchmark the speaker directory and story grouping over a corpus.

Usage::

    python tests/benchmarks/bench_directory.py [CORPUS_DIR] [--workers N]

CORPUS_DIR defaults to ``../shared/corpora/reuters21578/`` next to the
repository.  The corpus is loaded with :func:`reader.loader.load_batches`
(worker processes when ``--workers`` > 1; loading is not part of the
budget), then :func:`reader.directory.build_directory` and
:func:`reader.stories.group_stories` are timed separately.  Target: both
together in 5 s or less for the 19,043 Reuters articles.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.directory import build_directory  # noqa: E402
from reader.loader import load_batches, start_workers  # noqa: E402
from reader.stories import group_stories  # noqa: E402

BUDGET = 5.0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpora" / "reuters21578"))
    parser.add_argument("--workers", type=int, default=1, help="reader processes for loading (default 1)")
    args = parser.parse_args(argv[1:])
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"corpus not found: {corpus}\nusage: bench_directory.py [CORPUS_DIR]", file=sys.stderr)
        return 2

    t0 = time.perf_counter()
    items = []
    executor = start_workers(10_000, args.workers) if args.workers > 1 else None
    try:
        for batch in load_batches([corpus], executor=executor):
            items.extend(batch.items)
    finally:
        if executor is not None:
            executor.shutdown()
    load_s = time.perf_counter() - t0
    if not items:
        print(f"no articles in {corpus}", file=sys.stderr)
        return 2

    t1 = time.perf_counter()
    directory = build_directory(items)
    directory_s = time.perf_counter() - t1
    t2 = time.perf_counter()
    stories = group_stories(items, directory=directory)
    stories_s = time.perf_counter() - t2

    multi = [s for s in stories if len(s.articles) > 1]
    named = [e for e in directory.speakers if e.kind != "anonymous"]
    total = directory_s + stories_s
    print(f"articles            {len(items):>8}   loaded in {load_s:.1f} s (not counted)")
    print(f"speakers            {len(directory.speakers):>8}   ({len(named)} named, "
          f"{sum(1 for e in named if e.article_count > 1)} in 2+ articles)")
    print(f"stories             {len(stories):>8}   ({len(multi)} with 2+ articles, largest {max(map(len, stories))})")
    print(f"shared quotes       {sum(len(s.shared_quotes) for s in stories):>8}")
    print(f"build_directory     {directory_s:>8.2f} s")
    print(f"group_stories       {stories_s:>8.2f} s")
    print(f"together            {total:>8.2f} s   (budget {BUDGET:.0f} s: {'ok' if total <= BUDGET else 'OVER'})")
    return 0 if total <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
