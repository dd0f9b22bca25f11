"""End to end: the installed ``newsreader`` in a real terminal (tmux)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.terminal import NEWSREADER, TMUX, Terminal

pytestmark = pytest.mark.skipif(not (TMUX and NEWSREADER), reason="needs tmux and an installed newsreader")


@pytest.fixture
def terminal(tmp_path):
    made: list[Terminal] = []

    def start(*args: str, **kwargs) -> Terminal:
        term = Terminal([NEWSREADER, *args], env={"HOME": str(tmp_path)}, **kwargs)
        made.append(term)
        return term

    yield start
    for term in made:
        term.close()


def test_read_both_seed_articles_with_the_keyboard(terminal):
    term = terminal()
    screen = term.wait_for(lambda s: "Blinken meets with China's top diplomat" in s and "Articles (2)" in s)
    assert "Grow the Future of Public Media" not in screen
    term.press("j")
    screen = term.wait_for(lambda s: "John Ruwitch · WEKU (via inkl) · World" in s)
    assert "Get all your news in one place" not in screen
    term.press("?")
    term.wait_for(lambda s: "─ Keys ─" in s and "next quotation" in s)  # (it scrolls: the end may be below)
    term.press("Escape")
    term.wait_for(lambda s: "─ Keys ─" not in s)
    term.press("q")
    term.wait_for(lambda s: not term.alive() or "Articles (2)" not in s)


def test_narrow_terminal_still_reads(terminal):
    term = terminal(width=40, height=12)
    term.wait_for(lambda s: "Blinken meets" in s)
    term.press("j")
    term.wait_for(lambda s: "Secretary of State" in s)
    term.press("q")
    term.wait_for(lambda s: not term.alive() or "Blinken" not in s)


def test_search_typed_in_one_burst_reaches_the_search_box(terminal):
    term = terminal()
    term.wait_for(lambda s: "Articles (2)" in s)
    term.type("/@wang absurd")
    screen = term.wait_for(lambda s: "1 result" in s)
    assert "@wang absurd" in screen and "absurd and hysterical." in screen
    term.press("Enter")
    term.wait_for(lambda s: "hit 1 of 1" in s and "Articles (2)" in s)


def _session_env(tmp_path: Path, data_dir: Path) -> dict[str, str]:
    return {
        "HOME": str(tmp_path),
        "NEWSREADER_DATA_DIR": str(data_dir),
        "NEWSREADER_CACHE_DIR": str(tmp_path / "cache"),
        "NEWSREADER_CONFIG": str(tmp_path / "config.toml"),
    }


def test_a_whole_session_open_navigate_bookmark_search_export_quit_restart(tmp_path):
    env = _session_env(tmp_path, tmp_path / "data")
    term = Terminal([NEWSREADER], env=env)
    try:
        term.wait_for(lambda s: "Articles (2)" in s and "Blinken meets" in s)
        term.press("j")
        term.wait_for(lambda s: "John Ruwitch · WEKU (via inkl) · World" in s)
        term.press("m")
        term.wait_for(lambda s: "★" in s)
        term.type("/balloon")
        term.wait_for(lambda s: "result" in s and "balloon" in s)
        term.press("Escape")
        term.wait_for(lambda s: "Articles (2)" in s)
        term.press("e")
        term.wait_for(lambda s: "enter to save" in s)
        target = tmp_path / "exports" / "quotes.csv"
        term.wait_for(lambda s: "newsreader-" in s)  # the suggested name, in the focused field
        term.press("C-u")  # clear it
        term.wait_for(lambda s: "newsreader-" not in s)
        term.type(str(target))
        term.wait_for(lambda s: "quotes.csv" in s)
        term.press("Enter")
        term.wait_for(lambda s: "press enter again to create it" in s)  # the folder "exports" is new
        term.press("Enter")
        screen = term.wait_for(lambda s: "Exported to" in s)
        assert target.exists(), screen
        exported = target.read_text(encoding="utf-8")
        assert exported.startswith("article,title,outlet,speaker,kind,text,start,end")
        assert "Wang Yi" in exported
        term.press("q")
        term.wait_for(lambda s: not term.alive())
        assert (tmp_path / "data" / "state.sqlite").exists()
    finally:
        term.close()

    again = Terminal([NEWSREADER], env=env)
    try:
        # The same article reopens, read and bookmarked.
        screen = again.wait_for(lambda s: "John Ruwitch · WEKU (via inkl) · World" in s and "★" in s)
        assert "Articles (2)" in screen
        again.press("q")
        again.wait_for(lambda s: not again.alive())
    finally:
        again.close()


def test_a_data_dir_that_cannot_be_written_warns_and_the_reader_still_works(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the data folder should be")
    env = _session_env(tmp_path, blocker)
    command = ["sh", "-c", f"'{NEWSREADER}'; echo EXIT=$?; sleep 30"]
    term = Terminal(command, env=env)
    try:
        term.wait_for(lambda s: "Articles (2)" in s and "Blinken meets" in s)
        term.press("j", "m")
        screen = term.wait_for(lambda s: "★" in s and "memory" in s)  # the warning says state stays in memory
        assert "John Ruwitch" in screen
        term.press("q")
        screen = term.wait_for(lambda s: "EXIT=" in s)
        assert "EXIT=0" in screen and "Traceback" not in screen
        assert blocker.read_text() == "a file where the data folder should be"
    finally:
        term.close()


def test_keys_typed_right_after_s_and_e_reach_the_new_view(terminal, tmp_path):
    term = terminal()
    term.wait_for(lambda s: "Articles (2)" in s)
    # The speaker directory is built in the background: wait until s opens it.
    for _ in range(50):
        term.press("s")
        try:
            term.wait_for(lambda s: "filter speakers" in s, timeout=1)
            break
        except AssertionError:
            continue
    term.press("Escape")
    term.wait_for(lambda s: "Articles (2)" in s)
    term.type("swang")
    term.wait_for(lambda s: "What Wang Yi said" in s and "wang" in s)
    term.press("Escape")
    term.wait_for(lambda s: "Articles (2)" in s)
    target = tmp_path / "burst.md"
    term.type(f"e{target}")
    term.wait_for(lambda s: "burst.md" in s)  # the field scrolls: the end of the path shows
    term.press("Enter")
    term.wait_for(lambda s: "Exported to" in s)
    assert target.read_text(encoding="utf-8").startswith("| article | title |")
