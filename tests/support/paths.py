"""Where the test data lives, for every kind of test."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FIXTURES = TESTS / "fixtures"
GOLD = TESTS / "gold"
README = ROOT / "README.md"
