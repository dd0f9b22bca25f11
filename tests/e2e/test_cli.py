"""The newsreader command line, run as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import __version__
from reader.cache import ParseCache
from tests.support.cli import newsreader
from tests.support.paths import SEEDS

run = newsreader


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"newsreader {__version__}"


def test_help_names_paths_and_subcommands():
    result = run("--help")
    assert result.returncode == 0
    assert "PATH" in result.stdout and "quotes" in result.stdout


def test_empty_selection_is_a_clear_message_not_a_traceback(tmp_path):
    result = run(str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip() == f"newsreader: no readable articles in {tmp_path}"


def test_missing_path_warns_in_one_line(tmp_path):
    result = run(str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"newsreader: warning: {tmp_path / 'nope.txt'}: no such file or folder"
    assert "Traceback" not in result.stderr


def test_quotes_json_is_exact_to_the_character(tmp_path):
    result = run("quotes", "--json", *map(str, SEEDS), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records, "the seeds have quotes"
    sources = {p.name: p.read_bytes().decode("utf-8") for p in SEEDS}  # named relative to the file given
    for record in records:
        assert set(record) >= {"article", "text", "start", "end", "speaker", "kind"}
        assert record["kind"] in ("direct", "partial", "reported")
        assert sources[record["article"]][record["start"] : record["end"]] == record["text"]


def test_quotes_table_names_speakers():
    result = run("quotes")
    assert result.returncode == 0, result.stderr
    assert "Wang Yi" in result.stdout and "Ned Price" in result.stdout
    assert result.stdout.rstrip().endswith("articles")


def test_search_finds_a_speakers_words_first():
    result = run("search", "@wang absurd", "--json", "--limit", "5")
    assert result.returncode == 0, result.stderr
    first = json.loads(result.stdout.splitlines()[0])
    assert (first["kind"], first["speaker"], first["text"]) == ("quote", "Wang Yi", "absurd and hysterical.")
    assert set(first) >= {"kind", "article", "text", "speaker", "start", "end", "score"}


def test_quotes_speaker_filter_is_fuzzy():
    result = run("quotes", "--speaker", "blinkin", "--json")
    assert result.returncode == 0, result.stderr
    speakers = {json.loads(line)["speaker"] for line in result.stdout.splitlines()}
    assert speakers == {"Antony Blinken"}


def test_paths_prints_where_files_live(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSREADER_DATA_DIR", str(tmp_path / "data"))
    result = run("--paths", "--config", str(tmp_path / "my.toml"))
    assert result.returncode == 0
    assert f"config file: {tmp_path / 'my.toml'}" in result.stdout
    assert f"state db:    {tmp_path / 'data' / 'state.sqlite'}  (not created yet)" in result.stdout
    assert "cache db:    " in result.stdout and "parse-cache.sqlite" in result.stdout
    assert "cache dir:" in result.stdout


def test_config_corpus_is_used_when_no_path_is_given(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text('A headline for a config test\n\n"All good," the mayor said.\n')
    config = tmp_path / "config.toml"
    config.write_text('corpus = ["news"]\n')
    result = run("quotes", "--config", str(config), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in records] == ["All good,"]


def test_formats_from_the_shell():
    md = run("quotes", "--speaker", "wang", "--format", "md").stdout.splitlines()
    assert md[0].startswith("| article | title |") and len(md) > 3
    csv_lines = run("search", "absurd", "--format", "csv", "--limit", "1").stdout.splitlines()
    assert csv_lines[0] == "kind,article,title,speaker,text,start,end,score"
    data = json.loads(run("quotes", "--format", "json").stdout)
    assert isinstance(data, list) and {"speaker", "text", "start", "end"} <= set(data[0])


def test_repeated_files_are_summed_up_in_one_warning(tmp_path):
    text = 'Council votes on roads\n\n"We will fix every road," Mayor Ana Lopez said.\n'
    for n in range(6):
        (tmp_path / f"copy{n}.txt").write_text(text)
    (tmp_path / "other.txt").write_text('Budget passes\n\n"It is done," Ana Lopez said.\n')
    result = run("quotes", str(tmp_path))
    assert result.returncode == 0
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 1
    assert "5 files repeat another article's text; each text is shown once" in warnings[0]
    assert result.stdout.count("We will fix every road") == 1


def test_a_few_repeated_files_are_named_each(tmp_path):
    text = 'Council votes on roads\n\n"We will fix every road," Mayor Ana Lopez said.\n'
    for n in range(2):
        (tmp_path / f"copy{n}.txt").write_text(text)
    result = run("quotes", str(tmp_path))
    assert result.stderr.strip() == (
        f"newsreader: warning: {tmp_path / 'copy1.txt'}: same text as {tmp_path / 'copy0.txt'}; shown once"
    )


# --- arguments in any order, and conflicts said out loud -------------------------------------


_A, _B = (str(p) for p in SEEDS[:2])
ORDERS = {
    "search, option after the paths": ["search", "absurd", _A, _B, "--limit", "1"],
    "search, option between the paths": ["search", "absurd", _A, "--limit", "1", _B],
    "search, option first": ["search", "--limit", "1", "absurd", _A, _B],
    "quotes": ["quotes", _A, _B, "--speaker", "wang"],
    "speakers": ["speakers", _A, _B, "--filter", "wang"],
    "stories": ["stories", _A, _B, "--all"],
}


@pytest.mark.parametrize("argv", list(ORDERS.values()), ids=list(ORDERS))
def test_options_may_follow_the_paths_in_every_subcommand(argv):
    result = run(*argv, "--json")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records
    if "--limit" in argv:
        assert len(records) == 1 and "absurd" in records[0]["text"]
    if "--speaker" in argv or "--filter" in argv:
        assert {r.get("speaker") or r.get("name") for r in records} == {"Wang Yi"}


def test_bare_search_says_the_query_is_missing():
    result = run("search")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == "newsreader search: error: the following arguments are required: QUERY"


@pytest.mark.parametrize("fmt", ["table", "md", "csv", "json"])
def test_json_with_another_format_is_an_error_not_a_silent_choice(fmt):
    result = run("quotes", "--json", "--format", fmt)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip().splitlines()[-1] == (
        f"newsreader quotes: error: --json means --format jsonl; it cannot go with --format {fmt}"
    )
    assert run("quotes", "--json", "--format", "jsonl").returncode == 0  # the same choice twice is fine


def test_paths_shows_control_characters_in_names_visibly(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSREADER_DATA_DIR", str(tmp_path / "data\x1b[2J\nnext"))
    result = run("--paths", "--config", "x\x1b]0;PWNED\x07.toml")
    assert result.returncode == 0
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "config file: x␛]0;PWNED␇.toml  (not created yet)" in result.stdout
    assert f"data dir:    {tmp_path / 'data␛[2J␊next'}" in result.stdout  # one line, every character shown


def test_arguments_echoed_by_an_error_message_are_shown_safely():
    result = run("quotes", "--no-such-option=\x1b]0;PWNED\x07\x9b2J")
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr and "\x9b" not in result.stderr
    assert "--no-such-option=␛]0;PWNED␇" in result.stderr


def test_quote_cards_carry_speaker_role_outlet_date_and_url_with_paths_relative_to_the_corpus(tmp_path):
    folder = tmp_path / "corpus" / "local"
    folder.mkdir(parents=True)
    (folder / "port.md").write_text(
        "---\ntitle: Port to reopen\noutlet: Elwin Gazette\ndate: 2024-03-04\nurl: https://gazette.example/port\n---\n\n"
        '"We will reopen the port on Friday," said Marta Quell, the chairwoman of the harbour board.\n',
        encoding="utf-8",
    )
    cards = run("quotes", "--format", "card", str(tmp_path / "corpus"))
    assert cards.returncode == 0, cards.stderr
    assert cards.stdout.splitlines() == [
        "> “We will reopen the port on Friday,” — Marta Quell, chairwoman of the harbour board."
        " Elwin Gazette, 2024-03-04. https://gazette.example/port"
    ]
    record = json.loads(run("quotes", "--json", str(tmp_path / "corpus")).stdout)
    assert record["article"] == "local/port.md"  # not the absolute path
    assert (record["role"], record["date"], record["url"]) == (
        "chairwoman of the harbour board", "2024-03-04", "https://gazette.example/port")


def test_words_reported_second_hand_name_who_reported_them_in_json_and_cards_through_the_cache(tmp_path,
                                                                                                 monkeypatch):
    monkeypatch.setenv("NEWSREADER_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "talks.txt").write_text(
        "Talks in Munich\n\nThe Harbour Gazette interviewed Mayor Ana Ruiz on Friday.\n\n"
        'The Harbour Gazette said Ruiz "urged the board to reopen the port this spring."\n', encoding="utf-8")
    first, again = (run("quotes", "--json", str(tmp_path / "talks.txt")) for _ in range(2))
    assert first.stdout == again.stdout  # the second run is served from the cache, unchanged
    record = json.loads(first.stdout.splitlines()[0])
    assert (record["speaker"], record["reported_by"]) == ("Ana Ruiz", "Harbour Gazette")
    card = run("quotes", "--format", "card", str(tmp_path / "talks.txt")).stdout
    assert "— Ana Ruiz, Mayor (as reported by Harbour Gazette)." in card


def test_every_subcommand_reads_only_new_or_changed_files_through_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSREADER_CACHE_DIR", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n, name in enumerate(("Ana Lopez", "Ben Okafor", "Carla Diaz")):
        (corpus / f"s{n}.txt").write_text(f"Council story {n}\n\n\"We will fix road {n} this year,\" {name} said.\n")
    first = [run(cmd, str(corpus), cwd=tmp_path) for cmd in ("quotes", "speakers")]
    again = [run(cmd, str(corpus), cwd=tmp_path) for cmd in ("quotes", "speakers")]
    assert [r.stdout for r in again] == [r.stdout for r in first] and "Ben Okafor" in first[0].stdout
    assert all(r.returncode == 0 and r.stderr == "" for r in first + again)
    cache = ParseCache(tmp_path / "cache" / "parse-cache.sqlite").load()
    assert len(cache.entries) == 3
    cache.close()

    (corpus / "s1.txt").unlink()
    (corpus / "s2.txt").write_text("Council story 2\n\n\"The bridge opens in May,\" Dana Kim said.\n")
    os.utime(corpus / "s2.txt", ns=(0, (corpus / "s2.txt").stat().st_mtime_ns + 10**9))
    later = run("quotes", str(corpus), cwd=tmp_path)
    assert "Ben Okafor" not in later.stdout and "Carla Diaz" not in later.stdout
    assert "Dana Kim" in later.stdout and "Ana Lopez" in later.stdout
    cache = ParseCache(tmp_path / "cache" / "parse-cache.sqlite").load()
    assert sorted(Path(p).name for p in cache.entries) == ["s0.txt", "s2.txt"]


def test_two_commands_at_once_on_one_cache_both_answer_in_full(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSREADER_CACHE_DIR", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(120):
        (corpus / f"s{n:03d}.txt").write_text(f"Council story {n}\n\n\"We will fix road {n} this year,\" Ana Lopez said.\n")
    command = [sys.executable, "-m", "reader", "quotes", "--json", str(corpus)]
    both = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [p.communicate(timeout=120) for p in both]
    assert [p.returncode for p in both] == [0, 0] and [err for _, err in results] == ["", ""]
    assert results[0][0] == results[1][0] and len(results[0][0].splitlines()) == 120
    assert run("quotes", "--json", str(corpus)).stdout == results[0][0]  # and the cache they wrote serves the same
    cache = ParseCache(tmp_path / "cache" / "parse-cache.sqlite").load()
    assert len(cache.entries) == 120 and cache.notes == []
