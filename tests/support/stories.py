"""Story files for tests: the hand-made fixtures with their gold, and small ones written on the fly."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.paths import FIXTURES, ROOT

# Hand-made story articles and their gold grouping and speakers (tests/fixtures/stories/gold.json).
STORIES = FIXTURES / "stories"
SEED_DIR = ROOT / "seeds"
STORY_GOLD = json.loads((STORIES / "gold.json").read_text(encoding="utf-8"))


def write_story(folder: Path, n: int, said: str = "said") -> Path:
    path = folder / f"story{n:04d}.txt"
    path.write_text(
        f"Council story number {n} in the test corpus\n\n"
        f'"We will fix road {n} this year," Mayor Ana Lopez {said} on Monday.\n'
    )
    return path
