"""Text that no UTF-8 encoder accepts, and bytes that are no UTF-8 at all.

JSON may spell a lone surrogate (``"\\ud800"``); a file name may hold any
bytes (``\\xff\\xfe\\x9b31m.txt``, with ``\\x9b`` the 8-bit CSI).  Neither may
crash a command or the reader's export, and nothing the program writes
(stdout, stderr, export files) may be invalid UTF-8 or carry a raw control
character.  One undecodable byte in JSON Lines costs only its own record.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.corpus import load
from reader.export import FORMATS
from reader.ui.app import NewsReaderApp
from reader.ui.screens.export import ExportScreen
from tests.support.cli import newsreader

GOOD = 'A headline for a good test story\n\n"The road will reopen on Monday," Mayor Ana Lopez said.\n'
BAD_NAME = b"\xff\xfe\x9b31m\x1b]0;T\x07.txt"  # not UTF-8, an 8-bit CSI, an OSC title change
SURROGATE_LINE = json.dumps(
    {"title": "Bad \ud800 title", "text": '"We will win the vote \udc00 today," said Ann Smith.\n\nMore \ud83d\ude00.'}
)  # json.dumps spells the lone surrogates as \ud800 and \udc00, the emoji as a valid pair

# After decoding: raw C0 (bar newline) and C1 controls, DEL, bidi overrides, surrogates.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def assert_clean(data: bytes, where: str) -> str:
    """``data`` is valid UTF-8 with no raw control character; its text."""
    text = data.decode("utf-8")  # strict: raises on invalid UTF-8, the raw 0x9b included
    found = UNSAFE.search(text)
    assert found is None, f"{where}: raw {found.group()!r} in {text[max(found.start() - 30, 0): found.start() + 30]!r}"
    return text


@pytest.fixture
def hostile_dir(tmp_path) -> Path:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "feed.jsonl").write_text(SURROGATE_LINE + "\n", encoding="ascii")
    with open(os.path.join(os.fsencode(folder), BAD_NAME), "wb") as out:
        out.write(GOOD.encode())
    return folder


# --- in: lone surrogates never enter an article ---------------------------------------------


def test_lone_surrogates_in_json_lines_become_replacement_characters(hostile_dir):
    corpus = load([hostile_dir / "feed.jsonl"])
    (article,) = corpus.articles
    assert article.title == "Bad \ufffd title"
    assert "vote \ufffd today" in article.source and "More 😀." in article.source  # a valid pair stays one emoji
    assert not re.search("[\ud800-\udfff]", article.source)


def test_lone_surrogate_in_a_json_ld_headline_becomes_a_replacement_character(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        '<html><head><script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "Storm \\ud800 hits the coast", "author": {"name": "Jo \\udfff Reed"}}'
        "</script></head><body><article><p>The storm reached the coast on Monday night, officials said.</p>"
        '<p>"We are ready for the next one," Mayor Ana Lopez said.</p></article></body></html>',
        encoding="utf-8",
    )
    (article,) = load([page]).articles
    assert article.title == "Storm \ufffd hits the coast"
    assert not re.search("[\ud800-\udfff]", article.title + article.source + (article.byline or ""))


def test_one_undecodable_byte_in_json_lines_spoils_only_its_own_record(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(
        json.dumps({"title": "Zürich council votes", "text": "The vote in Zürich passed."}, ensure_ascii=False).encode()
        + b"\n"
        + b'{"title": "Caf\xe9 owners cheer", "text": "A caf\xe9 in Z\xfcrich opened."}\n'  # Windows-1252 bytes
        + json.dumps({"title": "Gdańsk port grows", "text": "Ships in Gdańsk."}, ensure_ascii=False).encode()
        + b"\n"
    )
    corpus = load([feed])
    assert [a.title for a in corpus.articles] == ["Zürich council votes", "Café owners cheer", "Gdańsk port grows"]
    assert corpus.warnings == [f"{feed}: line 2 not UTF-8; read as Windows-1252"]


# --- out: every format, the command line and the reader's export --------------------------


def run_bytes(*args: str) -> subprocess.CompletedProcess:
    return newsreader(*args, env={"COLUMNS": "200", "LC_ALL": "C.UTF-8"}, binary=True)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_cli_format_is_valid_utf8_whatever_the_input(hostile_dir, fmt):
    for command in (["quotes"], ["search", "vote"], ["speakers"], ["stories", "--all"]):
        if fmt == "card" and command[0] in ("speakers", "stories"):
            continue  # cards cite quotations only (argparse refuses the format there)
        result = run_bytes(*command, str(hostile_dir), "--format", fmt)
        where = f"{' '.join(command)} --format {fmt}"
        assert result.returncode == 0, (where, result.stderr)
        out = assert_clean(result.stdout, where)
        assert_clean(result.stderr, where)
        if command[0] != "speakers" and not (fmt == "card" and command[0] in ("quotes", "search")):
            # (speakers show no titles; a quote card cites speaker, outlet and date, not the title)
            assert "Bad \ufffd title" in out, where  # the lone surrogate, replaced
        elif fmt == "card" and command[0] == "quotes":
            assert "\ufffd today" in out, where  # the lone surrogate of the quote, replaced
    if fmt in ("json", "jsonl"):
        # JSON keeps the name's undecodable bytes as escapes: a program can open the file again.
        text = run_bytes("quotes", str(hostile_dir), "--format", fmt).stdout.decode("utf-8")
        records = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
        names = {os.fsencode(r["article"]) for r in records}
        assert BAD_NAME in names  # named relative to the folder given, bytes kept


@pytest.mark.parametrize("suffix", [".md", ".csv", ".json", ".jsonl", ".txt"])
async def test_the_readers_export_is_valid_utf8_whatever_the_input(hostile_dir, tmp_path, suffix):
    app = NewsReaderApp(load([hostile_dir]))
    target = tmp_path / f"export{suffix}"
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(2):  # each article: the surrogate one and the badly named one
            await pilot.pause()
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, ExportScreen)
            app.screen.query_one("#export-path").value = str(target)
            await pilot.press("enter")  # the second time: the overwrite is confirmed below
            await pilot.pause()
            if isinstance(app.screen, ExportScreen):
                await pilot.press("enter")
                await pilot.pause()
            assert not isinstance(app.screen, ExportScreen), "export did not finish"
            text = assert_clean(target.read_bytes(), f"export {suffix}")
            assert text.strip()
            await pilot.press("j")
        assert app.is_running


# --- the property: any bytes in, clean UTF-8 out ---------------------------------------------


_NAME = st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b".."))
_SURROGATES = st.integers(0xD800, 0xDFFF).map(chr)  # st.text() never makes these: JSON escapes can
_FIELD = st.lists(st.one_of(st.text(max_size=8), _SURROGATES, st.sampled_from(['"', " said ", "\x1b[2J", "\x9b"])), max_size=8)
_JSONL = st.lists(
    st.fixed_dictionaries({"title": _FIELD.map("".join), "text": _FIELD.map("".join)}).map(json.dumps), max_size=3
).map(lambda lines: "\n".join(lines).encode())


def _capture(stream_errors: str = "surrogateescape"):
    """A stand-in for the real stdout of a UTF-8 locale (which lets surrogates out as raw bytes)."""
    import io

    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors=stream_errors, write_through=True)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(name=_NAME, data=st.one_of(st.binary(max_size=200), _JSONL), suffix=st.sampled_from([".txt", ".jsonl", ".html"]),
       fmt=st.sampled_from(FORMATS), command=st.sampled_from([["quotes"], ["stories", "--all"]]))
def test_any_bytes_as_a_file_or_its_name_give_clean_utf8_output(monkeypatch, name, data, suffix, fmt, command):
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(os.fsencode(folder), name + suffix.encode()), "wb") as out:
            out.write(data)
        stdout, stderr = _capture(), _capture()
        monkeypatch.setattr(sys, "stdout", stdout)
        monkeypatch.setattr(sys, "stderr", stderr)
        if fmt == "card" and command[0] == "stories":
            command = ["quotes"]  # cards cite quotations only
        code = main([*command, folder, "--format", fmt])  # stories --all: every title and path
        assert code in (0, 1)  # 1: nothing readable in the folder
        assert_clean(stdout.buffer.getvalue(), "stdout")
        assert_clean(stderr.buffer.getvalue(), "stderr")
