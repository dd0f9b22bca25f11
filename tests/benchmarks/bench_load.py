"""Benchmark: cold and warm loads of a corpus, by the reader and by the CLI.

Usage::

    python tests/benchmarks/bench_load.py [CORPUS_DIR] [--cli-only | --reader-only] [--quotes] [--search]
                                          [--speakers] [--stories]

CORPUS_DIR defaults to ../shared/corpora/reuters21578/ beside the repository.
Each run is a fresh Python process with its own parse cache database in a
temporary folder: the first run starts with an empty cache (cold), the
next ones reuse it (warm).

* The reader's load: when the first articles were ready, when every article
  was loaded (listed), when the search index was complete (searchable: the
  stored index loaded, or built when there is none), the CPU seconds of the
  process to then, and the peak resident memory (worker processes apart).
* The CLI: ``newsreader quotes|search|speakers|stories CORPUS_DIR`` (all, or
  those named) run as a user runs them, wall and CPU seconds, cold with a
  fresh cache then warm, and whether the outputs are byte-identical.

On a shared machine compare CPU seconds too: wall time waits for other jobs.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# ../shared beside the main checkout; a worktree in wt/NAME has it two levels up
DEFAULT = next((p for p in (ROOT.parent / "shared" / "corpora" / "reuters21578",
                            ROOT.parent.parent / "shared" / "corpora" / "reuters21578") if p.is_dir()),
               ROOT.parent / "shared" / "corpora" / "reuters21578")


def _stored(stored_index, batch, items):
    """The index stored for this corpus, after its first search (which finishes its lookup tables), or None."""
    index = stored_index(batch.corpus_key, [a for a, _ in items])
    if index is not None:
        index.search("oil prices")
    return index


def one_run(corpus: str, cache_dir: str) -> dict:
    """The measured load, in this process."""
    sys.path.insert(0, str(ROOT))
    from reader.cache import ParseCache
    from reader.corpus import article_files
    from reader.loader import load_batches, start_workers
    from reader.search import SearchIndex

    start = time.perf_counter()
    cache = ParseCache(Path(cache_dir) / "parse-cache.sqlite").load()
    files = article_files([corpus], [])
    uncached = sum(1 for path in files if cache.key(path) not in cache.entries)
    executor = start_workers(uncached)
    first = None
    items = []
    index = None
    stored_index = getattr(cache, "search_index", None)  # None: a checkout from before issue 15's stored index
    try:
        for batch in load_batches(files, cache, executor=executor):
            if first is None:
                first = time.perf_counter() - start
            items.extend(batch.items)
            if batch.done == batch.total:
                listed = time.perf_counter() - start  # every article is in the list
                listed_cpu = time.process_time()
                # As the reader does: a corpus served whole by the cache (in one batch) gets its
                # stored index at once, before the quotes of its articles are read.
                if stored_index and len(items) == len(batch.items):
                    index = _stored(stored_index, batch, items)
                    indexed = time.perf_counter() - start
        loaded = time.perf_counter() - start
    finally:
        if executor is not None:
            executor.shutdown()
    articles = len(items)
    for _article, attribution in items:  # every quote made: the directory and stories need them all
        len(attribution.quotes), len(attribution.speakers)
    quotes = time.perf_counter() - start
    stored = index is not None
    if index is None:  # the reader indexes each batch as it comes; here, all at the end
        index = SearchIndex.build(items)
        index.search("oil prices")  # the first search finishes the index's lookup tables
        indexed = time.perf_counter() - start
    cpu = time.process_time()
    cache.save()
    kept = time.perf_counter()
    if not stored and stored_index:
        cache.keep_search_index(batch.corpus_key, index)
    kept = time.perf_counter() - kept
    return {
        "files": len(files),
        "articles": articles,
        **{name: round(value, 2) for name, value in (
            ("first_batch_s", first or 0.0), ("listed_s", listed), ("listed_cpu_s", listed_cpu),
            ("all_loaded_s", loaded), ("quotes_s", quotes), ("indexed_s", indexed),
            ("cpu_s", cpu),  # this process, to the index and every quote ready (worker processes apart)
            ("peak_rss_mb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            ("workers_peak_rss_mb", resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024),
            ("index_kept_s", kept))},
        "cache_hits": cache.hits,
        "index_stored": stored,
    }


COMMANDS = {  # what each subcommand is asked
    "quotes": [],
    "search": ["oil prices", "--limit", "50", "--json"],
    "speakers": ["--json"],
    "stories": ["--json"],
}


def cli_run(corpus: Path, cache_dir: str, command: str) -> tuple[dict, bytes]:
    """``newsreader COMMAND ... CORPUS`` in a fresh process: seconds and its output."""
    env = {**os.environ, "NEWSREADER_CACHE_DIR": cache_dir, "NEWSREADER_DATA_DIR": cache_dir, "COLUMNS": "120"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "reader", command, *COMMANDS[command], str(corpus)],
                          capture_output=True, env=env, cwd=ROOT, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "bytes": len(done.stdout)}, done.stdout


def bench_cli(corpus: Path, commands: list[str]) -> None:
    """Each subcommand with an empty cache (cold), then twice more (warm): the
    cold run of each starts from nothing, as a user's first call does."""
    for command in commands:
        with tempfile.TemporaryDirectory(prefix="newsreader-bench-cli-") as cache_dir:
            outputs = []
            for label in ("cold", "warm", "warm again"):
                result, out = cli_run(corpus, cache_dir, command)
                outputs.append(out)
                print(f"CLI {command} {label}: {result['wall_s']} s wall, {result['cpu_s']} s CPU "
                      f"(with worker processes); {result['bytes']:,} bytes out", flush=True)
            print(f"CLI {command} outputs byte-identical: {len(set(outputs)) == 1}", flush=True)


def bench_reader(corpus: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="newsreader-bench-") as cache_dir:
        for label in ("cold", "warm", "warm again"):
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(corpus), cache_dir], capture_output=True, text=True, check=True
            )
            result = json.loads(out.stdout.strip().splitlines()[-1])
            print(
                f"reader {label}: {result['articles']:,} articles from {result['files']:,} files; "
                f"first batch {result['first_batch_s']} s, all listed {result.get('listed_s')} s "
                f"({result.get('listed_cpu_s')} s CPU), "
                f"searchable {result['indexed_s']} s ({'stored index loaded' if result.get('index_stored') else 'built'}), "
                f"every quote ready {result.get('quotes_s')} s, {result['cpu_s']} s CPU; peak RSS {result['peak_rss_mb']} MB "
                f"(worker processes {result['workers_peak_rss_mb']} MB each at most); cache hits {result['cache_hits']:,}"
                + (f"; index stored for the next start in {result['index_kept_s']} s" if result.get("index_kept_s") else ""),
                flush=True,
            )


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(one_run(sys.argv[2], sys.argv[3])))
        return 0
    flags = {a for a in sys.argv[1:] if a.startswith("--")}
    given = [a for a in sys.argv[1:] if not a.startswith("--")]
    corpus = Path(given[0]) if given else DEFAULT
    if not corpus.is_dir():
        print(f"corpus not found: {corpus} (give a folder of articles as the first argument)", file=sys.stderr)
        return 2
    if "--cli-only" not in flags:
        bench_reader(corpus)
    if "--reader-only" not in flags:
        chosen = [c for c in COMMANDS if f"--{c}" in flags] or list(COMMANDS)
        bench_cli(corpus, chosen)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
