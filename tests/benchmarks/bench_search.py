"""Benchmark of the search engine (reader.search) over a real news corpus.

Usage::

    python tests/benchmarks/bench_search.py [CORPUS_DIR] [--quotes 100000]

CORPUS_DIR defaults to ../shared/corpora/reuters21578/ beside the repository.
The corpus is read at run time only (research use); nothing of it is written
into the repository.  Parsed articles are cached in the temp directory.

What it does:

1. loads the articles (``reader.cleaning.parse_article`` when present, else a
   title line + blank-line paragraphs split), and their quotes
   (``reader.attribution.extract_article`` when present, over the first
   ``--quote-articles`` articles; else a crude "X said ..." pattern);
2. replicates and varies the quotes (word swaps, new numbers, other
   speakers, a few topic words) into synthetic articles, up to ``--quotes``
   quote records;
3. builds the index ``--builds`` times (3): every build time, the best and
   the median, then index memory as the tracemalloc delta of one more build
   and its peak while building;
4. replays the queries keystroke by keystroke (``s``, ``su``, ``sur``, ...):
   p50 / p95 / max per keystroke;
5. when ``fzf`` is on PATH, runs each *full* query (not every keystroke)
   through ``fzf --filter`` over the same documents, one per line, and
   prints its p50 and the ratio to our full-query p50.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import os
import pickle
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from reader.model import Article, Attribution, Quote, Span, Speaker  # noqa: E402
from reader.search import SearchIndex  # noqa: E402

QUERIES = [
    "surveilance balon",
    "@wang absurd",
    "blinkin lethal",
    "oil prices",
    "@reagan tarif",
    "hysterical absurd",
    "wisniewski",
    "opec producton quota",
    "bundesbank interest rates",
    "@volcker inflation",
    '"trade deficit"',
    "outlet:reuters japan semiconductors",
    "yen dollr",
    "w",
]

# Speakers and topic words mixed into the varied quotes, so that the typed
# queries above have something to find.  Invented, not taken from the corpus.
EXTRA_SPEAKERS = [
    ("Antony Blinken", ("Blinken", "Secretary of State Antony Blinken")),
    ("Wang Yi", ("Wang",)),
    ("Wang Wenbin", ("Wang",)),
    ("Ronald Reagan", ("Reagan", "President Reagan")),
    ("Paul Volcker", ("Volcker",)),
    ("Anna Wiśniewski", ("Wiśniewski",)),
]
TOPICS = [
    "the surveillance balloon",
    "lethal aid",
    "absurd and hysterical",
    "hysterical and absurd",
    "tariffs on semiconductors",
    "inflation expectations",
]


def default_corpus() -> Path:
    return REPO.parent / "shared" / "corpora" / "reuters21578"


def _simple_article(source: str, path: str) -> Article:
    paragraphs = []
    title = ""
    for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", source):
        text = m.group().strip()
        if not text:
            continue
        if not title:
            title = text
            continue
        start = m.start() + m.group().index(text)
        paragraphs.append(Span(start, start + len(text), text))
    digest = hashlib.sha1(source.encode()).hexdigest()[:16]
    return Article(digest, path, source, title, tuple(paragraphs), outlet="Reuters")


_SAID = re.compile(
    r"(?P<speaker>(?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+) said(?: that)? (?P<text>[^.;\n]{20,300})"
)


def _simple_quotes(article: Article) -> Attribution:
    quotes, speakers = [], {}
    for i, p in enumerate(article.paragraphs):
        for m in _SAID.finditer(p.text):
            name = m.group("speaker")
            if name.split()[0] in {"The", "It", "He", "She", "They", "This", "A", "An", "We"}:
                continue
            s, e = p.start + m.start("text"), p.start + m.end("text")
            quotes.append(Quote(s, e, article.source[s:e], "reported", name, i))
            speakers[name] = Speaker(name, aliases=(name.split()[-1],))
    return Attribution(tuple(quotes), tuple(speakers.values()))


def load(corpus: Path, quote_articles: int) -> list[tuple[Article, Attribution]]:
    try:
        from reader.cleaning import parse_article
    except ImportError:
        parse_article = None
    try:
        from reader.attribution import extract_article
    except ImportError:
        extract_article = None
    files = sorted(p for p in corpus.iterdir() if p.suffix == ".txt")
    stamp = [str(corpus), len(files), quote_articles]
    for mod in ("cleaning", "quotes"):
        f = REPO / "reader" / f"{mod}.py"
        stamp.append(f.stat().st_mtime if f.exists() else None)
    key = hashlib.sha1(repr(stamp).encode()).hexdigest()[:16]
    cache = Path(tempfile.gettempdir()) / f"newsreader-bench-{key}.pickle"
    if cache.exists():
        with cache.open("rb") as fh:
            return pickle.load(fh)
    t = time.perf_counter()
    items = []
    for n, f in enumerate(files):
        source = f.read_text(encoding="utf-8", errors="replace")
        if parse_article is not None:
            article = parse_article(source, str(f))
            if not article.outlet:
                from dataclasses import replace

                article = replace(article, outlet="Reuters")
        else:
            article = _simple_article(source, str(f))
        if extract_article is not None and n < quote_articles:
            attribution = extract_article(article)
        elif extract_article is None:
            attribution = _simple_quotes(article)
        else:
            attribution = Attribution()
        items.append((article, attribution))
    print(
        f"loaded {len(items)} articles in {time.perf_counter() - t:.1f} s "
        f"(parse_article: {'yes' if parse_article else 'no'}, "
        f"extract_article: {'yes' if extract_article else 'no, a crude pattern'})"
    )
    with cache.open("wb") as fh:
        pickle.dump(items, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return items


def vary(items, target: int, seed: int = 1) -> list[tuple[Article, Attribution]]:
    """Synthetic articles of varied copies of real quotes, up to ``target`` quotes."""
    rng = random.Random(seed)
    base = [(q.text, q.speaker) for _a, attr in items for q in attr.quotes if len(q.text) > 10]
    have = sum(len(attr.quotes) for _a, attr in items)
    if not base:
        raise SystemExit("no quotes found to replicate")
    names = sorted({s for _t, s in base if s}) + [n for n, _ in EXTRA_SPEAKERS]
    aliases = dict(EXTRA_SPEAKERS)
    out = []
    n = 0
    while have < target:
        parts, quotes, speakers = [], [], {}
        pos = 0
        for _ in range(min(25, target - have)):
            text, speaker = rng.choice(base)
            words = text.split()
            r = rng.random()
            if r < 0.3 and len(words) > 3:
                i = rng.randrange(len(words) - 1)
                words[i], words[i + 1] = words[i + 1], words[i]
            elif r < 0.5:
                words = [re.sub(r"\d", lambda _m: str(rng.randrange(10)), w) for w in words]
            if rng.random() < 0.05:
                words.insert(rng.randrange(len(words) + 1), rng.choice(TOPICS))
            r = rng.random()
            if r < 0.05:
                speaker = rng.choice(EXTRA_SPEAKERS)[0]
            elif r < 0.3 or not speaker:
                speaker = rng.choice(names)
            text = " ".join(words)
            para = f'"{text}," {speaker} said.'
            start = pos + 1
            quotes.append(Quote(start, start + len(text), text, "direct", speaker, len(parts)))
            speakers.setdefault(speaker, Speaker(speaker, aliases=aliases.get(speaker, ())))
            parts.append(para)
            pos += len(para) + 2
            have += 1
        source = "\n\n".join(parts)
        n += 1
        article = Article(f"synthetic-{n}", f"synthetic/{n}.txt", source, "", (), outlet="Wire")
        out.append((article, Attribution(tuple(quotes), tuple(speakers.values()))))
    return items + out


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=None)
    ap.add_argument("--quotes", type=int, default=100_000, help="quote records to index")
    ap.add_argument("--quote-articles", type=int, default=3000,
                    help="articles run through reader.attribution (it may be slow)")
    ap.add_argument("--articles", type=int, default=0, help="use only the first N articles")
    ap.add_argument("--builds", type=int, default=3, help="index builds to time")
    ap.add_argument("--no-fzf", action="store_true")
    ap.add_argument("--no-memory", action="store_true")
    args = ap.parse_args(argv)
    corpus = args.corpus or default_corpus()
    if not corpus.is_dir():
        print(f"corpus not found: {corpus}\n(give the folder of .txt articles as the first argument)")
        return 2

    items = load(corpus, args.quote_articles)
    if args.articles:
        items = items[: args.articles]
    items = vary(items, args.quotes)
    n_quotes = sum(len(attr.quotes) for _a, attr in items)
    n_paras = sum(len(a.paragraphs) for a, _ in items)
    n_titles = sum(1 for a, _ in items if a.title)
    print(f"indexing {n_quotes} quotes, {n_titles} titles, {n_paras} paragraphs")

    # The build is memory-bound and this kind of machine's speed drifts by
    # a third between runs: build several times and print every figure.
    walls, cpus = [], []
    for _ in range(max(1, args.builds)):
        index = None
        gc.collect()
        t, c = time.perf_counter(), time.process_time()
        index = SearchIndex.build(items)
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    loadavg = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"build: {min(walls):.2f} s best, {statistics.median(walls):.2f} s median of {len(walls)} "
          f"(wall: {', '.join(f'{w:.2f}' for w in walls)}; CPU: {', '.join(f'{c:.2f}' for c in cpus)}; "
          f"{len(index)} documents; load average {loadavg:.1f} on {os.cpu_count()} cores)")
    if not args.no_memory:
        del index
        gc.collect()
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        index = SearchIndex.build(items)
        gc.collect()
        mem, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"index memory: {(mem - before) / 1e6:.1f} MB (tracemalloc delta); "
              f"peak while building: {(peak - before) / 1e6:.1f} MB")

    per_key: list[float] = []
    full: dict[str, float] = {}
    print("\nper keystroke (ms):")
    for query in QUERIES:
        times = []
        for i in range(1, len(query) + 1):
            t = time.perf_counter()
            hits = index.search(query[:i])
            times.append((time.perf_counter() - t) * 1000)
        per_key.extend(times)
        index._cache.clear()  # cold: as if pasted
        t = time.perf_counter()
        index.search(query)
        full[query] = (time.perf_counter() - t) * 1000
        top = hits[0] if hits else None
        desc = f"{top.kind}: {top.text[:50]!r} ({top.speaker})" if top else "-"
        print(f"  {query!r:40} {len(hits):3} hits  max {max(times):6.1f}  mean "
              f"{statistics.mean(times):5.1f}  top {desc}")
    print(f"\nkeystrokes: {len(per_key)}  p50 {pct(per_key, 50):.2f} ms  "
          f"p95 {pct(per_key, 95):.2f} ms  max {max(per_key):.2f} ms")

    fzf = shutil.which("fzf")
    if fzf and not args.no_fzf:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
            for d in range(len(index)):
                fh.write(index._text[d].replace("\n", " ") + "\n")
            lines = fh.name
        try:
            ftimes = []
            for query in QUERIES:
                t = time.perf_counter()
                with open(lines, "rb") as src:
                    subprocess.run([fzf, "--filter", query], stdin=src,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                ftimes.append((time.perf_counter() - t) * 1000)
        finally:
            os.unlink(lines)
        ours = statistics.median(full.values())
        theirs = statistics.median(ftimes)
        print(f"fzf --filter, full queries only, over the same {len(index)} lines: "
              f"p50 {theirs:.1f} ms; ours (full queries) p50 {ours:.2f} ms; "
              f"ratio fzf/ours {theirs / ours:.0f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
