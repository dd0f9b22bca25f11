"""Benchmark quote extraction over a directory of plain-text articles.

Usage::

    python tests/benchmarks/bench_extract.py [CORPUS_DIR]

CORPUS_DIR defaults to ``../shared/corpora/reuters21578/`` relative to the
repository root.  Every ``*.txt`` file is read and split into paragraphs
(with :func:`reader.cleaning.parse_article` when available, else on blank
lines); then :func:`reader.attribution.extract` runs on each article.  Reading
and paragraph splitting are timed separately from extraction.
"""

from __future__ import annotations

import gc
import re
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.attribution import extract  # noqa: E402
from reader.model import Span  # noqa: E402

try:
    from reader.cleaning import parse_article
except ImportError:  # pragma: no cover - the cleaner is optional here
    parse_article = None

_BLANK = re.compile(r"\n\s*\n")


def _paragraphs(source: str, path: str) -> tuple[Span, ...]:
    if parse_article is not None:
        return parse_article(source, path).paragraphs
    out = []
    pos = 0
    for m in [*_BLANK.finditer(source), None]:
        end = m.start() if m else len(source)
        chunk = source[pos:end]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            s, e = pos + lead, pos + len(chunk.rstrip())
            out.append(Span(s, e, source[s:e]))
        if m:
            pos = m.end()
    return tuple(out[1:])  # first block is the headline


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "corpora" / "reuters21578"
    if not corpus.is_dir():
        print(f"corpus directory not found: {corpus}\nusage: bench_extract.py [CORPUS_DIR]", file=sys.stderr)
        return 2
    files = sorted(corpus.glob("*.txt"))
    if not files:
        print(f"no *.txt files in {corpus}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    docs = []
    for f in files:
        src = f.read_text(encoding="utf-8", errors="replace")
        docs.append((src, _paragraphs(src, str(f))))
    t_read = time.perf_counter() - t0
    # The loaded corpus is long-lived: move it out of the garbage collector's
    # way, as a worker process (which holds one chunk at a time) never has it.
    gc.collect()
    gc.freeze()

    n_quotes = n_speakers = 0
    kinds: dict[str, int] = {}
    t0 = time.perf_counter()
    c0 = time.process_time()
    for src, pars in docs:
        att = extract(src, pars)
        n_quotes += len(att.quotes)
        n_speakers += len(att.speakers)
        for q in att.quotes:
            kinds[q.kind] = kinds.get(q.kind, 0) + 1
    t_extract = time.perf_counter() - t0
    c_extract = time.process_time() - c0  # CPU time: steadier than wall time on a shared machine

    # peak memory of extraction alone (tracemalloc slows Python down, so it
    # is measured in a second pass and not used for the timing above)
    tracemalloc.start()
    for src, pars in docs:
        extract(src, pars)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    try:
        import resource

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        rss_s = f"{rss:.1f} MiB"
    except Exception:  # pragma: no cover - not on Windows
        rss_s = "n/a"

    n = len(docs)
    print(f"corpus:            {corpus}")
    print(f"articles:          {n}")
    print(f"quotes:            {n_quotes} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))})")
    print(f"speakers:          {n_speakers}")
    print(f"read+split time:   {t_read:.2f} s")
    print(f"extraction time:   {t_extract:.2f} s")
    print(f"articles/second:   {n / t_extract:,.0f} (extraction only)")
    print(f"extraction CPU:    {c_extract:.2f} s ({n / c_extract:,.0f} articles per CPU second)")
    print(f"peak traced alloc: {peak / 2**20:.1f} MiB during extraction")
    print(f"process max RSS:   {rss_s} (includes the loaded corpus)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
