"""Benchmark the speaker directory and story grouping over a corpus.

Usage::

    python tests/benchmarks/bench_directory.py [CORPUS_DIR] [--workers N]

CORPUS_DIR defaults to ``../shared/corpora/reuters21578/`` next to the
repository.  The corpus is loaded with :func:`reader.loader.load_batches`
(worker processes when ``--workers`` > 1; loading is not part of the
budget), then :func:`reader.directory.build_directory` and
:func:`reader.stories.group_stories` are timed separately.  Target: both
together in 5 s or less for the 19,043 Reuters articles.

It then describes the stories of two or more articles: how many, their
sizes, their time spans in days (from dates or wire datelines; no story may
span more than a week), and whether grouping is deterministic: the same
items are grouped again in two fresh processes with other string-hash seeds
and the three groupings must be identical (``--no-determinism`` skips it).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pickle
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.directory import build_directory  # noqa: E402
from reader.loader import load_batches, start_workers  # noqa: E402
from reader.stories import _when, group_stories  # noqa: E402

BUDGET = 5.0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpora" / "reuters21578"))
    parser.add_argument("--workers", type=int, default=1, help="reader processes for loading (default 1)")
    parser.add_argument("--no-determinism", action="store_true", help="skip regrouping in two fresh processes")
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
    describe_speakers(directory)
    describe_stories(multi)
    if not args.no_determinism:
        same = all(_digest_elsewhere(items, seed) == _digest(stories) for seed in ("1", "2"))
        print(f"deterministic       {'yes' if same else 'NO'}   (regrouped in two processes with other hash seeds)")
    return 0 if total <= BUDGET else 1


def describe_speakers(directory) -> None:
    """What a fact-checker would distrust in the speaker list, counted."""
    named = [e for e in directory.speakers if e.kind != "anonymous"]
    kinds = Counter(e.kind for e in directory.speakers)
    quotes = sum(e.quote_count for e in directory.speakers)
    odd = [e for e in directory.speakers if (" " not in e.name and e.name[:1].islower())
           or any(c.isdigit() for c in e.name) or ">" in e.name or "statement" in e.name.lower()]
    one = sum(1 for e in named if e.quote_count == 1)
    print("speaker kinds       " + "  ".join(f"{k}: {kinds[k]}" for k in ("person", "organisation", "place", "anonymous")))
    print(f"quotes per speaker  {quotes / max(len(directory.speakers), 1):>8.2f}   "
          f"(named speakers with one quote: {one / max(len(named), 1):.0%})")
    print(f"odd-looking names   {len(odd):>8}   (one lower-case word, a digit, '>' or 'statement')")


def describe_stories(multi) -> None:
    """Sizes and time spans of the stories of two or more articles."""
    sizes = Counter(min(len(s.articles), 6) for s in multi)
    print("story sizes         " + "  ".join(f"{k if k < 6 else '6+'}: {sizes[k]}" for k in sorted(sizes)))
    spans = []
    for story in multi:
        days = [d for d in (_when(a)[1] for a in story.articles) if d is not None]
        if len(days) > 1:
            days.sort()
            gaps = [b - a for a, b in zip(days, days[1:], strict=False)] + [days[0] + 366 - days[-1]]
            spans.append(366 - max(gaps))  # the shortest arc of the year that holds them all
    buckets = Counter("0" if d == 0 else "1-2" if d <= 2 else "3-7" if d <= 7 else "8+" for d in spans)
    print("story spans (days)  " + "  ".join(f"{k}: {buckets[k]}" for k in ("0", "1-2", "3-7", "8+"))
          + f"   ({len(multi) - len(spans)} stories undated; longest {max(spans, default=0)} days)")


def _digest(stories) -> str:
    return hashlib.sha256(repr([[a.id for a in s.articles] for s in stories]).encode()).hexdigest()


_REGROUP = """
import pickle, sys
sys.path.insert(0, sys.argv[2])
from reader.directory import build_directory
from reader.stories import group_stories
items = pickle.load(open(sys.argv[1], "rb"))
print(repr([[a.id for a in s.articles] for s in group_stories(items, directory=build_directory(items))]), end="")
"""


def _digest_elsewhere(items, seed: str) -> str:
    """The digest of the same grouping done in a fresh process with another string-hash seed."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "items.pickle"
        path.write_bytes(pickle.dumps(items))
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", _REGROUP, str(path), str(ROOT)], env=env,
                             capture_output=True, text=True, check=True).stdout
    return hashlib.sha256(out.encode()).hexdigest()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
