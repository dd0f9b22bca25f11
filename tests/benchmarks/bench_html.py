"""Article bodies from HTML: the project's own extractor against trafilatura.

Usage::

    python tests/benchmarks/bench_html.py [AEB_DEV_DIR] [--rounds N]

Runs each extractor over

* the dev half of the Zyte/Scrapinghub article-extraction benchmark
  (``AEB_DEV_DIR``, default ``../shared/corpora/aeb-dev/``: ``html/*.html`` and
  ``ground-truth.json``; skipped with a note when absent), and
* the project's own HTML fixtures (``tests/fixtures/formats/*.htm[l]``, gold
  bodies in ``tests/fixtures/formats/bodies.json``, written by hand),

and prints, per extractor and page set: body F1, precision, recall (the
benchmark's metric: 4-word shingles, averaged over pages), ms per page (the
best of ``--rounds`` rounds, default 3, parsing only: files are read before
timing) and the install size of the extractor and the packages it needs
beyond the project's own.  trafilatura is measured only when it is
importable (``pip install trafilatura`` in a scratch venv; it is not a
dependency of the project), with ``favor_precision=False`` defaults and no
comments, as in the benchmark's own runs.

The project's body is what ``newsreader show --format json`` prints as
``body``: the article's paragraphs joined by newlines.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.formats import parse_html  # noqa: E402

_WORD = re.compile(r"\w+")
FIXTURES = ROOT / "tests" / "fixtures" / "formats"


def _shingles(text: str) -> Counter:
    words = _WORD.findall(text or "")
    if len(words) < 4:
        return Counter([tuple(words)] if words else [])
    return Counter(tuple(words[i : i + 4]) for i in range(len(words) - 3))


def score(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    """(F1, precision, recall) of the benchmark: per-page shingle counts
    normalised to sum to 1, precision and recall averaged over pages."""
    precisions, recalls = [], []
    for key, truth in gold.items():
        t, p = _shingles(truth), _shingles(predicted.get(key, ""))
        tp, fp, fn = sum((t & p).values()), sum((p - t).values()), sum((t - p).values())
        if fp == 0 and fn == 0:
            precisions += [1.0] if p else []
            recalls += [1.0] if t else []
            continue
        if tp + fp:
            precisions.append(tp / (tp + fp))
        if tp + fn:
            recalls.append(tp / (tp + fn))
    prec = sum(precisions) / len(precisions) if precisions else 0.0
    rec = sum(recalls) / len(recalls) if recalls else 0.0
    return (2 * prec * rec / (prec + rec) if prec + rec else 0.0), prec, rec


def own(html: str) -> str:
    return "\n".join(p.text for p in parse_html(html).paragraphs)


def _trafilatura() -> Callable[[str], str] | None:
    try:
        import trafilatura
    except Exception:  # noqa: BLE001 - not installed, or broken (lxml without lxml_html_clean)
        return None

    def extract(html: str) -> str:
        return trafilatura.extract(html, include_comments=False, include_tables=True) or ""

    return extract


def _install_size(dist_name: str, exclude: set[str]) -> tuple[float, int]:
    """MB on disk of a distribution and its requirements (not those in ``exclude``), and their count."""
    seen: set[str] = set()
    todo = [dist_name]
    total = 0
    while todo:
        name = re.split(r"[\s<>=!~;\[(]", todo.pop(), maxsplit=1)[0].lower().replace("_", "-")
        if name in seen or name in exclude:
            continue
        seen.add(name)
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        total += sum((f.size or 0) for f in dist.files or [])
        todo += [r for r in dist.requires or [] if "extra ==" not in r]
    return total / 1e6, len(seen)


def _project_closure() -> set[str]:
    names: set[str] = set()
    todo = ["newsreader"]
    while todo:
        name = re.split(r"[\s<>=!~;\[(]", todo.pop(), maxsplit=1)[0].lower().replace("_", "-")
        if name in names:
            continue
        names.add(name)
        with contextlib.suppress(metadata.PackageNotFoundError):
            todo += [r for r in metadata.distribution(name).requires or [] if "extra ==" not in r]
    return names


def _pages(folder: Path, gold_file: Path, pattern: str) -> tuple[dict[str, str], dict[str, str]]:
    gold = {k: v["articleBody"] for k, v in json.loads(gold_file.read_text(encoding="utf-8")).items()}
    html = {}
    for path in sorted(folder.glob(pattern)):
        key = path.stem if path.stem in gold else path.name
        if key in gold:
            html[key] = path.read_text(encoding="utf-8", errors="replace")
    return html, gold


def run(name: str, extract: Callable[[str], str], html: dict[str, str], gold: dict[str, str], rounds: int) -> None:
    best = float("inf")
    predicted: dict[str, str] = {}
    for _ in range(rounds):
        start = time.perf_counter()
        predicted = {key: extract(page) for key, page in html.items()}
        best = min(best, time.perf_counter() - start)
    f1, prec, rec = score(gold, predicted)
    print(f"  {name:<18} F1 {f1:.3f}  P {prec:.3f}  R {rec:.3f}  {best / len(html) * 1000:7.1f} ms/page")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("aeb", nargs="?", default=str(ROOT.parent / "shared" / "corpora" / "aeb-dev"))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv[1:])
    extractors: list[tuple[str, Callable[[str], str]]] = [("own", own)]
    traf = _trafilatura()
    if traf is not None:
        extractors.append((f"trafilatura {metadata.version('trafilatura')}", traf))
    else:
        print("trafilatura is not importable here: measuring the own extractor only")
    sets = []
    aeb = Path(args.aeb)
    if (aeb / "ground-truth.json").is_file():
        sets.append(("aeb-dev", *_pages(aeb / "html", aeb / "ground-truth.json", "*.html")))
    else:
        print(f"{aeb}: no benchmark here (ground-truth.json); skipping it")
    sets.append(("fixtures", *_pages(FIXTURES, FIXTURES / "bodies.json", "*.htm*")))
    for label, html, gold in sets:
        print(f"{label}: {len(html)} pages")
        for name, extract in extractors:
            run(name, extract, html, gold, args.rounds)
    base = _project_closure()
    print("install size beyond the project's own dependencies:")
    print("  own          0 MB (standard library html.parser)")
    if traf is not None:
        mb, count = _install_size("trafilatura", base)
        print(f"  trafilatura  {mb:.1f} MB in {count} distributions")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
