"""Export formats keep untrusted article text harmless."""

from __future__ import annotations

import csv
import html
import io
import json
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
    assert ',"\'=cmd' in text


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


# --- CSV: no formula under any separator a spreadsheet may split on ------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cells_under_every_separator(text: str):
    """Every cell a spreadsheet could make of ``text``: split on comma, semicolon or tab,
    with CSV quoting understood or ignored."""
    for delimiter in (",", ";", "\t"):
        for row in csv.reader(io.StringIO(text), delimiter=delimiter):
            yield from row
        for line in text.splitlines():
            yield from (piece.lstrip('"') for piece in line.split(delimiter))


@pytest.mark.parametrize(
    "hostile",
    [
        "x;=cmd|' /C calc'!A0;",
        "x,=1+1",
        "a\t@SUM(A1)",
        'x;"=HYPERLINK(""http://evil"")',
        "-2+3",
        "safe text; -then a dash",
    ],
)
def test_csv_neutralises_formulas_after_any_separator(hostile):
    text = render([{**HOSTILE, "speaker": hostile, "text": hostile}], QUOTE_FIELDS, "csv")
    body = text.split("\n", 1)[1]
    for cell in cells_under_every_separator(body):
        assert not cell.startswith(FORMULA_START), (hostile, cell)
    row = next(csv.reader(io.StringIO(body)))
    shown = " ".join(hostile.split())  # a cell is one line, whitespace folded
    assert row[QUOTE_FIELDS.index("text")].replace("'", "") == shown.replace("'", "")  # only quotes added


@given(st.lists(st.text(alphabet=st.sampled_from('=+-@,;\t\r"\' ab1'), max_size=30), min_size=1, max_size=4))
def test_no_csv_cell_can_start_a_formula(texts):
    records = [{**HOSTILE, "title": t, "speaker": t, "text": t, "start": 0, "end": len(t)} for t in texts]
    body = render(records, QUOTE_FIELDS, "csv").split("\n", 1)[1]
    for cell in cells_under_every_separator(body):
        assert not cell.startswith(FORMULA_START), cell


# --- Markdown: shown, never rendered as a link, image or HTML ----------------------------------

MD_HOSTILE = (
    "<img src=x onerror=alert(1)> ![](https://tracker.example/p.gif) [click](javascript:alert(1)) "
    "<https://auto.example> <script>alert(2)</script> `code` &amp; https://bare.example www.bare.example"
)


def test_markdown_export_renders_no_link_image_or_html():
    from markdown_it import MarkdownIt

    table = render([{**HOSTILE, "speaker": "Ann", "text": MD_HOSTILE}], QUOTE_FIELDS, "md")
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(table)
    for tag in ("<img", "<a ", "<script", "<code"):
        assert tag not in rendered, tag
    cell = re.search(r"<td>([^<]*onerror[^<]*)</td>", rendered).group(1)
    assert html.unescape(cell) == MD_HOSTILE  # the reader sees exactly the article's words
