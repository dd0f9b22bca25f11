"""Export formats keep untrusted article text harmless."""

from __future__ import annotations

import json

import pytest

from reader.export import QUOTE_FIELDS, render, write_export

HOSTILE = {
    "article": "a.txt",
    "title": "T",
    "outlet": None,
    "speaker": "=cmd|' /C calc'!A0",
    "kind": "direct",
    "text": "evil \x1b]52;c;ZXZpbA==\x07 | pipe \u202e",
    "start": 0,
    "end": 5,
}


def test_csv_neutralises_formulas_and_controls():
    text = render([HOSTILE], QUOTE_FIELDS, "csv")
    assert "\x1b" not in text and "\x07" not in text
    assert ",'=cmd" in text


def test_markdown_escapes_pipes_and_controls():
    line = render([HOSTILE], QUOTE_FIELDS, "md").splitlines()[2]
    assert "\\|" in line and "\x1b" not in line and "\u202e" not in line
    assert line.count(" | ") == len(QUOTE_FIELDS) - 1


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_escapes_controls_and_round_trips(fmt):
    text = render([HOSTILE], QUOTE_FIELDS, fmt)
    assert "\x1b" not in text and "\u202e" not in text
    record = json.loads(text)[0] if fmt == "json" else json.loads(text)
    assert record["text"] == HOSTILE["text"]


def test_table_shows_no_controls():
    assert "\x1b" not in render([HOSTILE], QUOTE_FIELDS, "table")


def test_write_refuses_to_overwrite_unless_asked(tmp_path):
    target = tmp_path / "x.md"
    write_export(target, "one")
    with pytest.raises(FileExistsError):
        write_export(target, "two")
    assert target.read_text() == "one"
    write_export(target, "two", overwrite=True)
    assert target.read_text() == "two"
    assert [p.name for p in tmp_path.iterdir()] == ["x.md"]  # no temp files left
