"""Score the quote engine against the hand-made gold set in ``tests/gold/``.

Run ``pytest -s tests/quality/test_quote_accuracy.py`` to see the per-article table,
the totals and every miss and false positive.

The gold format and the canonical-name rule are described in
``tests/gold/README.md``.  Scoring, in short:

* Each article is cut into paragraphs by ``reader.cleaning.parse_article`` if
  that module exists, else by splitting on line breaks; the engine
  ``reader.attribution.extract(source, paragraphs)`` is run on it.
* Two groups are scored separately: *quoted* speech (gold and predicted kinds
  ``direct`` and ``partial``) and *reported* speech (kind ``reported``).
  Within a group a predicted and a gold quote match when their character
  spans overlap by at least half of the shorter one; matching is one-to-one,
  greedy by overlap (ties go to the pair closer in length).
* A matched pair whose speakers agree is a true positive.  Speakers are
  compared after case-folding, collapsing white space and straightening
  apostrophes; nothing else is forgiven (``Price`` is not ``Ned Price``).
* A predicted quote *with a speaker* is a false positive when it matches no
  gold quote, or matches one with another speaker.  Predicted quotes with
  speaker ``None`` are not counted in precision (they are not attributions).
* Every gold quote with a speaker that is not a true positive is a false
  negative (missed, or given the wrong speaker, or given no speaker).
* Gold quotes with speaker ``null`` (scare quotes, titles, names) are not
  counted as true positives: predicting them with speaker ``None`` is simply
  correct and scores nothing, predicting them with ANY speaker is a false
  positive.
* Gold quotes marked ``"ignore": true`` (genuinely ambiguous cases, and
  reported clauses that wrap a quotation) only absorb predictions: a
  prediction matched to one is neither right nor wrong.

Precision = TP / (TP + FP), recall = TP / gold quotes with a speaker,
F1 their harmonic mean.  Targets: quoted F1 >= 0.95, reported F1 >= 0.75.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reader.model import Span

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "tests" / "gold"
SEEDS_DIR = ROOT / "seeds"

QUOTED_TARGET = 0.95
REPORTED_TARGET = 0.75

KINDS = ("direct", "partial", "reported")
GROUPS = ("quoted", "reported")
QUOTE_MARKS = "\"'“”‘’«»„‚‹›"


def group_of(kind: str) -> str:
    return "reported" if kind == "reported" else "quoted"


# --- gold -------------------------------------------------------------------


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    ignore: bool = False
    note: str = ""

    @property
    def group(self) -> str:
        return group_of(self.kind)

    @property
    def scored(self) -> bool:
        """Counts for recall: attributed and not marked ignore."""
        return self.speaker is not None and not self.ignore


@dataclass(frozen=True)
class GoldArticle:
    name: str
    path: Path
    source: str
    quotes: tuple[GoldQuote, ...]


def read_source(path: Path) -> str:
    """The decoded text exactly as stored (no newline translation)."""
    return path.read_bytes().decode("utf-8")


def gold_files() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.json"))


def _find(source: str, text: str, occurrence: int) -> int:
    pos = -1
    for _ in range(occurrence + 1):
        pos = source.find(text, pos + 1)
        if pos < 0:
            return -1
    return pos


def load_gold_file(path: Path) -> GoldArticle:
    doc = json.loads(path.read_text(encoding="utf-8"))
    article_path = GOLD_DIR / doc["article"]
    source = read_source(article_path)
    quotes = []
    for entry in doc["quotes"]:
        start = _find(source, entry["text"], entry.get("occurrence", 0))
        if start < 0:
            raise ValueError(f"{path.name}: text not found: {entry['text']!r}")
        quotes.append(
            GoldQuote(
                start=start,
                end=start + len(entry["text"]),
                text=entry["text"],
                kind=entry["kind"],
                speaker=entry["speaker"],
                ignore=bool(entry.get("ignore", False)),
                note=entry.get("note", ""),
            )
        )
    return GoldArticle(path.stem, article_path, source, tuple(quotes))


@functools.cache
def load_gold() -> tuple[GoldArticle, ...]:
    return tuple(load_gold_file(p) for p in gold_files())


# --- paragraphs -------------------------------------------------------------


def split_lines(source: str) -> tuple[Span, ...]:
    """Fallback paragraphs: every non-blank line, trimmed, with its offsets."""
    spans = []
    for m in re.finditer(r"[^\r\n]+", source):
        text = m.group()
        lead = len(text) - len(text.lstrip())
        body = text.strip()
        if body:
            start = m.start() + lead
            spans.append(Span(start, start + len(body), body))
    return tuple(spans)


def paragraphs_for(source: str, path: Path) -> tuple[tuple[Span, ...], str]:
    if importlib.util.find_spec("reader.cleaning") is not None:
        cleaning = importlib.import_module("reader.cleaning")
        parse_article = getattr(cleaning, "parse_article", None)
        if parse_article is not None:
            return tuple(parse_article(source, str(path)).paragraphs), "reader.cleaning"
    return split_lines(source), "line split"


# --- matching and scoring ---------------------------------------------------


def norm_speaker(name: str | None) -> str | None:
    if name is None:
        return None
    name = name.replace("’", "'").replace("‘", "'")
    return " ".join(name.split()).casefold()


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def match(preds: list, golds: list[GoldQuote]) -> dict[int, int]:
    """One-to-one greedy matching; returns {pred index: gold index}."""
    pairs = []
    for i, p in enumerate(preds):
        plen = max(1, p.end - p.start)
        for j, g in enumerate(golds):
            ov = overlap(p.start, p.end, g.start, g.end)
            if ov > 0 and 2 * ov >= min(plen, g.end - g.start):
                pairs.append((-ov, abs(plen - (g.end - g.start)), g.ignore, i, j))
    pairs.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    result = {}
    for _, _, _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        result[i] = j
    return result


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    found: int = 0  # scored gold quotes whose span was matched, speaker aside

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.found += other.found

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ArticleScore:
    name: str
    counts: dict[str, Counts] = field(default_factory=lambda: {g: Counts() for g in GROUPS})
    details: list[str] = field(default_factory=list)
    outside: int = 0  # scored gold quotes not inside any paragraph
    bad_offsets: list[str] = field(default_factory=list)


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def score_article(art: GoldArticle, predicted, paragraphs) -> ArticleScore:
    score = ArticleScore(art.name)
    for q in art.quotes:
        if q.scored and not any(p.start <= q.start and q.end <= p.end for p in paragraphs):
            score.outside += 1
            score.details.append(
                f"  NOTE [{q.group}] gold quote lies outside every paragraph (dropped by cleaning?): “{_short(q.text)}”"
            )
    for q in predicted:
        if art.source[q.start : q.end] != q.text:
            score.bad_offsets.append(f"{q.start}:{q.end} {q.text!r}")
    for group in GROUPS:
        golds = [g for g in art.quotes if g.group == group]
        preds = [p for p in predicted if group_of(p.kind) == group]
        pairs = match(preds, golds)
        counts = score.counts[group]
        matched_golds = set(pairs.values())
        for i, p in enumerate(preds):
            j = pairs.get(i)
            g = golds[j] if j is not None else None
            ps = norm_speaker(p.speaker)
            if g is not None and g.scored:
                counts.found += 1
                if ps == norm_speaker(g.speaker):
                    counts.tp += 1
                    continue
                counts.fn += 1
                if ps is None:
                    score.details.append(
                        f"  MISS [{group}] no speaker for {g.speaker!r}: “{_short(g.text)}”"
                    )
                else:
                    counts.fp += 1
                    score.details.append(
                        f"  WRONG [{group}] {p.speaker!r} should be {g.speaker!r}: “{_short(g.text)}”"
                    )
            elif g is not None and g.ignore:
                continue
            elif g is not None:  # null-speaker gold: a scare quote or title
                if ps is not None:
                    counts.fp += 1
                    score.details.append(
                        f"  FP [{group}] scare quote/title given speaker {p.speaker!r}: “{_short(g.text)}”"
                    )
            elif ps is not None:
                counts.fp += 1
                score.details.append(
                    f"  FP [{group}] not in gold, speaker {p.speaker!r}: “{_short(p.text)}”"
                )
        for j, g in enumerate(golds):
            if g.scored and j not in matched_golds:
                counts.fn += 1
                score.details.append(f"  MISS [{group}] not found ({g.speaker}): “{_short(g.text)}”")
    return score


@functools.cache
def run_engine() -> tuple[tuple[ArticleScore, ...], str]:
    quotes_mod = importlib.import_module("reader.attribution")
    scores = []
    splitter = "line split"
    for art in load_gold():
        paragraphs, splitter = paragraphs_for(art.source, art.path)
        attribution = quotes_mod.extract(art.source, paragraphs)
        scores.append(score_article(art, tuple(attribution.quotes), paragraphs))
    return tuple(scores), splitter


def totals(scores) -> dict[str, Counts]:
    total = {g: Counts() for g in GROUPS}
    for s in scores:
        for g in GROUPS:
            total[g].add(s.counts[g])
    return total


def format_report(scores, splitter: str) -> str:
    lines = [f"\nQuote accuracy on tests/gold (paragraphs by {splitter})", ""]
    head = f"{'article':<28} {'quoted TP/FP/FN':>16} {'P':>6} {'R':>6} {'reported TP/FP/FN':>18} {'P':>6} {'R':>6}"
    lines += [head, "-" * len(head)]
    for s in scores:
        q, r = s.counts["quoted"], s.counts["reported"]
        lines.append(
            f"{s.name[:28]:<28} {f'{q.tp}/{q.fp}/{q.fn}':>16} {q.precision:6.2f} {q.recall:6.2f}"
            f" {f'{r.tp}/{r.fp}/{r.fn}':>18} {r.precision:6.2f} {r.recall:6.2f}"
        )
    total = totals(scores)
    lines.append("-" * len(head))
    for g, target in (("quoted", QUOTED_TARGET), ("reported", REPORTED_TARGET)):
        c = total[g]
        gold_n = c.tp + c.fn
        lines.append(
            f"{g:<9} P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f} (target {target:.2f})"
            f"  TP={c.tp} FP={c.fp} FN={c.fn}; spans found regardless of speaker {c.found}/{gold_n}"
        )
    outside = sum(s.outside for s in scores)
    if outside:
        lines.append(f"note: {outside} attributed gold quotes lie outside every paragraph given to the engine")
    lines.append("")
    for s in scores:
        if s.details or s.bad_offsets:
            lines.append(f"{s.name}:")
            lines += s.details
            lines += [f"  BAD OFFSETS {b}" for b in s.bad_offsets]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def engine_scores():
    if importlib.util.find_spec("reader.attribution") is None:
        pytest.skip("reader.attribution does not exist yet")
    scores, splitter = run_engine()
    print(format_report(scores, splitter))
    return scores


# --- tests: the engine ------------------------------------------------------


def test_quoted_speech_f1(engine_scores):
    c = totals(engine_scores)["quoted"]
    assert c.f1 >= QUOTED_TARGET, (
        f"quoted speech F1 {c.f1:.3f} < {QUOTED_TARGET} (P={c.precision:.3f}, R={c.recall:.3f}); "
        "run pytest -s for the misses"
    )


def test_reported_speech_f1(engine_scores):
    c = totals(engine_scores)["reported"]
    assert c.f1 >= REPORTED_TARGET, (
        f"reported speech F1 {c.f1:.3f} < {REPORTED_TARGET} (P={c.precision:.3f}, R={c.recall:.3f}); "
        "run pytest -s for the misses"
    )


def test_predicted_offsets_match_text(engine_scores):
    bad = [f"{s.name}: {b}" for s in engine_scores for b in s.bad_offsets]
    assert not bad, "Quote.text != source[start:end]:\n" + "\n".join(bad[:20])


# --- tests: the gold set itself ---------------------------------------------


def _entries():
    for path in gold_files():
        doc = json.loads(path.read_text(encoding="utf-8"))
        yield path, doc


def test_gold_entries_are_well_formed():
    problems = []
    for path, doc in _entries():
        if set(doc) != {"article", "quotes"}:
            problems.append(f"{path.name}: top-level keys {sorted(doc)}")
        article = GOLD_DIR / doc["article"]
        if not article.is_file():
            problems.append(f"{path.name}: missing article {doc['article']}")
            continue
        if article.stem != path.stem:
            problems.append(f"{path.name}: annotates {doc['article']} (stems differ)")
        source = read_source(article)
        for n, e in enumerate(doc["quotes"]):
            where = f"{path.name}#{n}"
            extra = set(e) - {"text", "speaker", "kind", "occurrence", "ignore", "note"}
            if extra or not {"text", "speaker", "kind"} <= set(e):
                problems.append(f"{where}: keys {sorted(e)}")
                continue
            text, speaker, kind = e["text"], e["speaker"], e["kind"]
            if kind not in KINDS:
                problems.append(f"{where}: kind {kind!r}")
            if speaker is not None and (not isinstance(speaker, str) or speaker.strip() != speaker or not speaker):
                problems.append(f"{where}: speaker {speaker!r}")
            if speaker is not None and re.match(r"(?i)the\s", speaker):
                problems.append(f"{where}: speaker with leading 'the': {speaker!r}")
            if speaker is None and not e.get("ignore") and kind != "partial":
                problems.append(f"{where}: null-speaker (scare quote/title) entries must be kind 'partial'")
            if not text or text.strip() != text:
                problems.append(f"{where}: text empty or padded: {text!r}")
            count = source.count(text)
            occ = e.get("occurrence", 0)
            if count == 0:
                problems.append(f"{where}: text not in article: {text!r}")
            elif count > 1 and "occurrence" not in e:
                problems.append(f"{where}: text occurs {count} times, needs 'occurrence': {text!r}")
            elif not (isinstance(occ, int) and 0 <= occ < count):
                problems.append(f"{where}: occurrence {occ!r} of {count}")
            elif kind != "reported" and not e.get("ignore"):
                start = _find(source, text, occ)
                before = source[:start].rstrip(" ")
                if not before or before[-1] not in QUOTE_MARKS:
                    problems.append(f"{where}: quoted text does not follow a quotation mark: {text!r}")
    assert not problems, "\n".join(problems)


def test_gold_has_no_duplicate_spans():
    problems = []
    for art in load_gold():
        seen = {}
        for q in art.quotes:
            key = (q.group, q.start, q.end)
            if key in seen:
                problems.append(f"{art.name}: duplicate {q.group} span {q.text!r}")
            seen[key] = q
    assert not problems, "\n".join(problems)


def test_gold_scope():
    arts = load_gold()
    quoted = sum(1 for a in arts for q in a.quotes if q.scored and q.group == "quoted")
    reported = sum(1 for a in arts for q in a.quotes if q.scored and q.group == "reported")
    scare = sum(1 for a in arts for q in a.quotes if q.speaker is None and not q.ignore)
    assert len(arts) >= 10, len(arts)
    assert quoted >= 100, quoted
    assert reported >= 30, reported
    assert scare >= 10, scare
    # every article file is annotated, and every annotation has its article
    articles = {p.name for p in (GOLD_DIR / "articles").glob("*.txt")}
    annotated = {a.path.name for a in arts}
    assert articles == annotated, articles ^ annotated


def test_gold_seeds_are_byte_identical():
    seeds = sorted(SEEDS_DIR.glob("*.txt"))
    if not seeds:
        pytest.skip("no seeds directory")
    for seed in seeds:
        copy = GOLD_DIR / "articles" / seed.name
        assert copy.is_file(), f"seed {seed.name} missing from tests/gold/articles"
        assert copy.read_bytes() == seed.read_bytes(), f"{seed.name} differs from seeds/"


def test_gold_wikinews_articles_are_credited():
    credits = (GOLD_DIR / "CREDITS.md").read_text(encoding="utf-8")
    assert "CC BY 2.5" in credits
    for path in (GOLD_DIR / "articles").glob("news_*.txt"):
        assert f"`{path.name}`" in credits, f"{path.name} not credited in tests/gold/CREDITS.md"
