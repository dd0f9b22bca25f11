"""A bug never exits 0, and never floods the terminal with article text.

An internal error in a subcommand or in the reader ends the program with
exit status 70, one line on stderr naming a report file in the cache dir,
and that report holds the traceback without any local variable's value.
"""

from __future__ import annotations

import shlex
import sys
import textwrap
from pathlib import Path

import pytest

import reader.cli
from reader.cli import main
from reader.corpus import load
from reader.crash import EXIT_CRASH
from reader.ui.app import NewsReaderApp
from tests.support.failing import SECRET, failing
from tests.support.paths import SEEDS
from tests.support.terminal import NEWSREADER, TMUX, Terminal


def reports(folder: Path) -> list[Path]:
    return sorted(folder.glob("crash-*.txt"))


def assert_report(folder: Path, message: str) -> None:
    (report,) = reports(folder)
    assert message == f"newsreader: internal error (RuntimeError: an internal error (32000 characters at hand)); the full report is in {report}"
    text = report.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "in failing" in text
    assert SECRET not in text  # the traceback, not the locals
    assert report.stat().st_mode & 0o077 == 0  # readable by the user only


@pytest.mark.parametrize("argv", [["quotes"], ["search", "china"], ["speakers"], ["stories"]])
def test_a_subcommand_that_fails_inside_exits_70_with_one_line_and_a_report(tmp_path, monkeypatch, capsys, argv):
    monkeypatch.setenv("NEWSREADER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(reader.cli, "_load", failing)
    assert main([*argv, *map(str, SEEDS)]) == EXIT_CRASH
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1
    assert_report(tmp_path, err.strip())


def test_the_report_goes_to_a_temporary_folder_when_the_cache_dir_is_unwritable(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSREADER_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    monkeypatch.setattr(reader.cli, "_load", failing)
    assert main(["quotes", *map(str, SEEDS)]) == EXIT_CRASH
    assert_report(tmp_path / "tmp", capsys.readouterr().err.strip())


async def test_an_error_inside_the_reader_ends_it_with_code_70_and_a_report(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSREADER_CACHE_DIR", str(tmp_path))
    app = NewsReaderApp(load(SEEDS))
    with pytest.raises(RuntimeError, match="an internal error"):  # Pilot hands the error on
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            monkeypatch.setattr(NewsReaderApp, "show_article", failing)
            await pilot.press("j")
            await pilot.pause()
    assert app.return_code == EXIT_CRASH
    assert_report(tmp_path, app.crash_message)
    assert app._exit_renderables == []  # nothing of Textual's traceback left to print


@pytest.mark.skipif(not (TMUX and NEWSREADER), reason="needs tmux and an installed newsreader")
def test_a_crash_in_the_real_terminal_prints_one_line_and_exits_70(tmp_path):
    script = tmp_path / "crashing_reader.py"
    script.write_text(textwrap.dedent("""
        import sys
        from reader.cli import main
        from reader.ui.app import NewsReaderApp
        from tests.support.failing import failing
        NewsReaderApp.show_article = failing
        status = main(sys.argv[1:])
        print(f"EXIT STATUS {status}")
        input()
    """))
    root = Path(__file__).resolve().parents[2]
    command = f"cd {shlex.quote(str(root))} && PYTHONPATH=. {shlex.quote(sys.executable)} {shlex.quote(str(script))} " + " ".join(
        shlex.quote(str(p)) for p in SEEDS
    )
    term = Terminal(["sh", "-c", command], env={"HOME": str(tmp_path), "NEWSREADER_CACHE_DIR": str(tmp_path / "cache")})
    try:
        term.wait_for(lambda s: "Articles" in s)
        term.press("j")
        screen = term.wait_for(lambda s: "EXIT STATUS" in s)
    finally:
        term.close()
    lines = [line for line in screen.splitlines() if line.strip()]
    assert lines[-1] == f"EXIT STATUS {EXIT_CRASH}"
    assert "Traceback" not in screen and SECRET not in screen
    (report,) = reports(tmp_path / "cache")
    assert any(line.startswith("newsreader: internal error (RuntimeError") for line in lines)
    assert str(report.name) in screen.replace("\n", "")
