"""An article must never take over the terminal.

A hostile article carries ESC sequences (screen clearing, cursor moves, OSC 52
clipboard writes, OSC 8 hyperlinks, title changes), other C0/C1 controls, bidi
overrides, and Rich/Textual markup.  None of it may reach the terminal raw:
not from the command line in any format, not from any part of the reader
(list, reading pane, search results, speakers, header, notifications, command
palette, export dialog), and not in the real terminal byte stream (tmux).
Markup shows literally and does nothing when clicked.  The seed's own
brackets, ``[People's Republic of China]``, appear exactly as written.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from textual.widgets import Label, OptionList, Static

from reader.corpus import load
from reader.ui.app import NewsReaderApp
from reader.ui.screens.export import ExportScreen
from reader.ui.widgets.article_body import ArticleBody
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.search_panel import SearchPanel
from reader.ui.widgets.speakers_panel import SpeakersPanel
from tests.support.cli import newsreader
from tests.support.hostile import UNSAFE
from tests.support.paths import SEEDS

ESC = "\x1b"
SEQUENCES = {
    "clear screen and home": f"{ESC}[2J{ESC}[H",
    "cursor moves and colour": f"{ESC}[10;10H{ESC}[31;1m{ESC}[5A",
    "OSC 52 clipboard write": f"{ESC}]52;c;cm0gLXJmIH4=\x07",
    "OSC 8 hyperlink": f"{ESC}]8;;https://evil.example/\x07click me{ESC}]8;;\x07",
    "title change": f"{ESC}]0;PWNED-TITLE\x07{ESC}]2;PWNED-TITLE2{ESC}\\",
    "C1 controls": "\x9b2J\x9d0;C1-TITLE\x9c\x85\x90x\x9c",
    "other C0 controls": "\x07\x08\x0b\x0c\x0e\x0f\x1a\x7f",
    "bidi overrides": "\u202eevil\u202c \u2066iso\u2069 \u200f\u061c",
}
EVIL = "".join(SEQUENCES.values())
MARKUP = "[bold red]LOUD[/bold red] [link=https://x]linky[/link] [@click=app.quit]quit now[/]"

ARTICLE = f"""Evil {EVIL} headline {MARKUP}

By Mallory Evil{ESC}[8m

"We will {EVIL} win {MARKUP}," Mayor Ana Lopez said on Monday.

The council said the road {MARKUP} would reopen {EVIL}. "Another {MARKUP} quote," said Bob Smith.
"""

# Anything that makes a terminal do something rather than show something.


def assert_safe(text: str, where: str = "") -> None:
    found = UNSAFE.search(text)
    assert found is None, f"{where}: raw {found.group()!r} at {found.start()}: {text[max(found.start() - 40, 0) : found.start() + 40]!r}"


@pytest.fixture
def evil_dir(tmp_path) -> Path:
    folder = tmp_path / "evil"
    folder.mkdir()
    (folder / "evil.txt").write_text(ARTICLE, encoding="utf-8")
    # A hostile file name: its warning becomes a notification and a CLI warning.
    (folder / f"[bold red]name{ESC}[2J{ESC}]0;FILE-TITLE\x07.txt").write_text("")
    return folder


# --- the command line -----------------------------------------------------------------


def cli(*args: str) -> subprocess.CompletedProcess:
    return newsreader(*args, env={"COLUMNS": "1000"})  # wide tables: nothing cut off


FORMATS = ("table", "md", "csv", "json", "jsonl")
COMMANDS = {
    "quotes": ("quotes",),
    "search": ("search", "LOUD"),
    "speakers": ("speakers",),
    "stories": ("stories", "--all"),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_no_cli_output_format_lets_control_characters_through(evil_dir, command, fmt):
    result = cli(*COMMANDS[command], str(evil_dir), "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert_safe(result.stdout.replace("\n", " "), f"{command} --format {fmt}")
    assert_safe(result.stderr.replace("\n", " "), f"{command} stderr")
    assert "name␛[2J␛]0;FILE-TITLE␇.txt: empty file; skipped" in result.stderr
    if fmt in ("json", "jsonl"):
        # JSON escapes them: the data is all there, and a parser gets it back exactly.
        records = json.loads(result.stdout) if fmt == "json" else [json.loads(x) for x in result.stdout.splitlines()]
        if command == "quotes":
            assert any(EVIL in r["text"] for r in records)
            assert all(SEQUENCES["OSC 52 clipboard write"] in r["title"] for r in records)
        if command in ("quotes", "search", "stories"):
            assert "\\u001b" in result.stdout and "\\u009b" in result.stdout and "\\u202e" in result.stdout
    elif command in ("quotes", "search"):
        # Markup shown literally (Markdown escapes brackets so they render as written).
        shown = md_shown(result.stdout) if fmt == "md" else result.stdout
        assert "[bold red]LOUD[/bold red]" in shown
        assert "␛[2J" in shown  # controls shown visibly


def md_shown(text: str) -> str:
    """What a Markdown viewer shows for escaped text: backslash escapes and entities resolved."""
    return html.unescape(re.sub(r"\\(.)", r"\1", text))


def test_cli_quotes_show_the_seeds_brackets_exactly():
    for fmt in FORMATS:
        result = cli("quotes", *map(str, SEEDS), "--format", fmt)
        assert result.returncode == 0
        shown = md_shown(result.stdout) if fmt == "md" else result.stdout
        assert "[People's Republic of China]" in shown, fmt


# --- the reader (Pilot) -----------------------------------------------------------------


CELL = 12.2  # Rich's SVG export: pixels per cell


def screen_lines(app: NewsReaderApp) -> list[str]:
    """What the terminal shows, line by line, read back from a screenshot."""
    svg = app.export_screenshot()
    assert_safe(html.unescape(svg).replace("\n", " "), "screenshot")
    rows: dict[int, dict[int, str]] = {}
    for x, line, text in re.findall(r'<text [^>]*?x="([\d.]+)"[^>]*?clip-path="url\(#[\w-]*?line-(\d+)\)">([^<]*)</text>', svg):
        rows.setdefault(int(line), {})[round(float(x) / CELL)] = html.unescape(text).replace("\xa0", " ")
    out = []
    for line in range(max(rows) + 1 if rows else 0):
        cells = ""
        for column, text in sorted(rows.get(line, {}).items()):
            cells = cells.ljust(column) + text
        out.append(cells)
    return out


def content_text(widget) -> str:
    """A widget's content as plain text (without rendering it through markup)."""
    visual = widget.render()
    return getattr(visual, "plain", None) or str(visual)


def option_texts(options: OptionList) -> list[str]:
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def toasts(app) -> list[str]:
    """The notifications as they are shown: title and message."""
    return [f"{note.title} {note.message}" for note in app._notifications]


async def settle(app, pilot) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def test_reader_shows_a_hostile_article_safely_everywhere(evil_dir):
    app = NewsReaderApp(load([evil_dir]))
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(app, pilot)
        # the list
        prompt = str(app.query_one(ArticleList).get_option_at_index(0).prompt)
        assert_safe(prompt.replace("\n", " "), "list")
        assert "[bold red]LOUD[/bold red]" in prompt and "␛[2J" in prompt
        # the reading pane: header and body
        header = content_text(app.query_one("#article-header", Static))
        body = app.query_one(ArticleBody).plain
        for part, text in (("header", header), ("body", body)):
            assert_safe(text.replace("\n", " "), part)
            assert "[bold red]LOUD[/bold red]" in text and "[@click=app.quit]quit now[/]" in text
        # the speakers panel, the header bar's subtitle
        speakers = option_texts(app.query_one(SpeakersPanel))
        assert speakers and all(UNSAFE.search(s) is None for s in speakers)
        assert_safe(app.sub_title, "subtitle")
        # the notification about the hostile file name
        notes = toasts(app)
        assert any("[bold red]name␛[2J" in note for note in notes), notes
        for note in notes:
            assert_safe(note.replace("\n", " "), "notification")
        lines = screen_lines(app)
        assert any("[bold red]LOUD[/bold red]" in line for line in lines)
        assert any("[bold red]name␛[2J" in line for line in lines)  # the toast, literally


async def test_markup_in_an_article_does_nothing_when_clicked(evil_dir):
    app = NewsReaderApp(load([evil_dir]))
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        await settle(app, pilot)
        clicks = 0
        for y, line in enumerate(screen_lines(app)):
            for found in re.finditer(re.escape("[@click=app.quit]") + "|" + re.escape("[link=https://x]"), line):
                await pilot.click(offset=(found.start() + 3, y))
                await pilot.pause()
                clicks += 1
                assert app.is_running and app.return_code is None
        assert clicks >= 3  # the list, the reading pane, the notification
        await pilot.press("j", "k")
        assert app.is_running


async def test_search_results_and_speaker_notice_are_safe(evil_dir):
    app = NewsReaderApp(load([evil_dir]))
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"LOUD")
        await settle(app, pilot)
        panel = app.query_one(SearchPanel)
        assert panel.hits
        results = option_texts(app.query_one("#search-results", OptionList))
        assert any("[bold red]LOUD[/bold red]" in r for r in results)
        for result in results:
            assert_safe(result.replace("\n", " "), "search result")
        screen_lines(app)
        await pilot.press("enter")
        await settle(app, pilot)
        app.query_one(SpeakersPanel).focus()
        await pilot.press("enter")
        await pilot.pause()
        for note in toasts(app):
            assert_safe(note.replace("\n", " "), "notification")
        screen_lines(app)


async def test_command_palette_shows_titles_literally(evil_dir):
    app = NewsReaderApp(load([evil_dir]))
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p", *"Evil")
        await pilot.pause(0.5)
        from textual.command import CommandList

        prompts = [str(o.prompt) for o in app.screen.query_one(CommandList).options]
        assert any("[bold red]LOUD[/bold red]" in p and "[@click=app.quit]" in p for p in prompts), prompts
        for prompt in prompts:
            assert_safe(prompt.replace("\n", " "), "palette")
        screen_lines(app)
        await pilot.press("escape")
        assert app.is_running


async def test_export_dialog_shows_the_title_literally(evil_dir, tmp_path):
    app = NewsReaderApp(load([evil_dir]))
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        what = content_text(app.screen.query_one("#export-what", Label))
        assert "[bold red]LOUD[/bold red]" in what
        assert_safe(what, "export dialog")
        target = tmp_path / f"out[b]{ESC}[2J.md"
        target.write_text("keep me")
        field = app.screen.query_one("#export-path")
        field.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        problem = content_text(app.screen.query_one("#export-problem", Label))
        assert "exists:\npress enter again" in problem and "[b]␛[2J" in problem
        assert target.read_text() == "keep me"  # never overwritten without confirmation
        field.value = str(tmp_path / "[b]other.md")  # (the typed path itself is the user's own text)
        await pilot.pause()
        screen_lines(app)
        await pilot.press("enter")
        await pilot.pause()
        assert md_shown((tmp_path / "[b]other.md").read_text()).count("[bold red]LOUD[/bold red]") >= 3


async def test_the_seeds_brackets_appear_exactly_as_written():
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(app, pilot)
        body = app.query_one(ArticleBody).plain
        assert "[People's Republic of China]" in body
        await pilot.press("slash", *"Republic of China")
        await settle(app, pilot)
        results = option_texts(app.query_one("#search-results", OptionList))
        assert any("[People's Republic of China]" in r for r in results)
        await pilot.press("enter")
        await settle(app, pilot)
        assert any("[People's Republic of China]" in line or "[People's" in line for line in screen_lines(app))


# --- the real terminal (tmux) ---------------------------------------------------------------

TMUX = shutil.which("tmux")
NEWSREADER = shutil.which("newsreader", path=str(Path(sys.executable).parent)) or shutil.which("newsreader")


class Tmux:
    """A private tmux server (its own socket) with clipboard writes allowed,
    so an OSC 52 or title sequence that got through would be seen."""

    def __init__(self, tmp_path: Path) -> None:
        self.socket = f"nr-safety-{uuid.uuid4().hex[:8]}"
        self.conf = tmp_path / "tmux.conf"
        self.conf.write_text("set -g set-clipboard on\nset -g allow-rename on\nset -g status off\n")

    def run(self, *args: str, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run([TMUX, "-L", self.socket, "-f", str(self.conf), *args], capture_output=True, text=True, **kwargs)

    def start(self, name: str, command: list[str], env: dict[str, str]) -> None:
        full = {**os.environ, **env, "TERM": "xterm-256color"}
        result = self.run("new-session", "-d", "-s", name, "-x", "120", "-y", "36", *command, env=full)
        assert result.returncode == 0, result.stderr

    def screen(self, name: str, escapes: bool = False) -> str:
        return self.run("capture-pane", "-p", *(["-e"] if escapes else []), "-t", name).stdout

    def title(self, name: str) -> str:
        return self.run("display", "-p", "-t", name, "#{pane_title}").stdout.strip()

    def buffers(self) -> str:
        return self.run("list-buffers").stdout

    def wait_for(self, name: str, predicate, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen(name)
            if predicate(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"screen never matched; last screen:\n{screen}")

    def close(self) -> None:
        self.run("kill-server")


@pytest.mark.skipif(not (TMUX and NEWSREADER), reason="needs tmux and an installed newsreader")
def test_the_real_terminal_never_receives_the_sequences(evil_dir, tmp_path):
    tmux = Tmux(tmp_path)
    try:
        # The harness can see an attack: a plain printf does change the title and clipboard.
        tmux.start("control", ["sh", "-c", r"printf '\033]2;PWNED-CONTROL\007\033]52;c;aGVsbG8=\007'; sleep 30"], {})
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and "PWNED-CONTROL" not in tmux.title("control"):
            time.sleep(0.1)
        assert tmux.title("control") == "PWNED-CONTROL"
        assert tmux.buffers().strip(), "OSC 52 should have made a tmux buffer"
        tmux.run("delete-buffer")
        tmux.run("kill-session", "-t", "control")
        assert not tmux.buffers().strip()

        env = {"HOME": str(tmp_path), "NEWSREADER_DATA_DIR": str(tmp_path / "data"), "NEWSREADER_CACHE_DIR": str(tmp_path / "cache")}
        tmux.start("reader", [NEWSREADER, str(evil_dir)], env)
        before = tmux.title("reader")
        screen = tmux.wait_for("reader", lambda s: "Articles (1)" in s and "LOUD" in s and "Mayor" in s)
        time.sleep(0.5)
        tmux.run("send-keys", "-t", "reader", "j", "/", *"LOUD")
        screen = tmux.wait_for("reader", lambda s: "result" in s)
        tmux.run("send-keys", "-t", "reader", "Enter")
        time.sleep(1.0)
        screen = tmux.screen("reader")
        assert "Articles (1)" in screen  # the screen was never cleared under the app
        assert "␛[2J" in screen and "[bold red]LOUD" in screen  # shown, visibly and literally
        raw = tmux.screen("reader", escapes=True)
        assert "\x1b[2J" not in raw and "\x1b]" not in raw and "\x9b" not in raw
        title = tmux.title("reader")
        assert "PWNED" not in title and "C1-TITLE" not in title and "FILE-TITLE" not in title
        assert title == before
        assert not tmux.buffers().strip(), "an OSC 52 clipboard write got through"
        tmux.run("send-keys", "-t", "reader", "Escape", "q")
    finally:
        tmux.close()
