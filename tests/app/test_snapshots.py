"""What the reader looks like: SVG snapshots of the main views.

Update after an intended change with ``pytest tests/app/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from pathlib import Path

APP = Path(__file__).parents[1] / "support" / "snapshot_apps" / "seeds_app.py"


def test_main_view_120x36(snap_compare):
    assert snap_compare(APP, terminal_size=(120, 36))


def test_main_view_80x24(snap_compare):
    assert snap_compare(APP, terminal_size=(80, 24))


def test_second_article_and_a_quote(snap_compare):
    assert snap_compare(APP, terminal_size=(120, 36), press=["j", "tab", "right_square_bracket"])


def test_help_screen(snap_compare):
    assert snap_compare(APP, terminal_size=(120, 36), press=["question_mark"])


def test_narrow_40x12(snap_compare):
    assert snap_compare(APP, terminal_size=(40, 12))
