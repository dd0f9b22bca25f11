"""Benchmark: cold and warm loads of a corpus, as the reader does them.

Usage::

    python tests/benchmarks/bench_load.py [CORPUS_DIR]

CORPUS_DIR defaults to ../shared/corpora/reuters21578/ beside the repository.
Each run is a fresh Python process with its own parse cache in a temporary
folder: the first run starts with an empty cache (cold), the second reuses
it (warm).  Each prints when the first articles were ready, when every
article was loaded, when the search index was complete, and the peak
resident memory of the process (its worker processes are reported apart).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = ROOT.parent / "shared" / "corpora" / "reuters21578"


def one_run(corpus: str, cache_dir: str) -> dict:
    """The measured load, in this process."""
    sys.path.insert(0, str(ROOT))
    from reader.cache import ParseCache
    from reader.corpus import article_files
    from reader.loader import load_batches, start_workers
    from reader.search import SearchIndex

    start = time.perf_counter()
    cache = ParseCache(Path(cache_dir) / "parse.cache").load()
    files = article_files([corpus], [])
    uncached = sum(1 for path in files if cache.key(path) not in cache.entries)
    executor = start_workers(uncached)
    first = None
    items = []
    try:
        for batch in load_batches(files, cache, executor=executor):
            if first is None:
                first = time.perf_counter() - start
            items.extend(batch.items)
        loaded = time.perf_counter() - start
    finally:
        if executor is not None:
            executor.shutdown()
    articles = len(items)
    # The reader indexes each batch right after listing it; here, all at the end.
    index = SearchIndex.build(items)
    index.search("oil prices")  # the first search finishes the index's lookup tables
    indexed = time.perf_counter() - start
    cache.save()
    return {
        "files": len(files),
        "articles": articles,
        "first_batch_s": round(first or 0.0, 2),
        "all_loaded_s": round(loaded, 2),
        "indexed_s": round(indexed, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "workers_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        "cache_hits": cache.hits,
    }


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(one_run(sys.argv[2], sys.argv[3])))
        return 0
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not corpus.is_dir():
        print(f"corpus not found: {corpus} (give a folder of articles as the first argument)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="newsreader-bench-") as cache_dir:
        for label in ("cold", "warm"):
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(corpus), cache_dir], capture_output=True, text=True, check=True
            )
            result = json.loads(out.stdout.strip().splitlines()[-1])
            print(
                f"{label}: {result['articles']:,} articles from {result['files']:,} files; "
                f"first batch {result['first_batch_s']} s, all loaded {result['all_loaded_s']} s, "
                f"indexed {result['indexed_s']} s; peak RSS {result['peak_rss_mb']} MB "
                f"(worker processes {result['workers_peak_rss_mb']} MB each at most); cache hits {result['cache_hits']:,}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
