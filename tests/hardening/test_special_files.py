"""Special files never hang or flood the reader, one named test each.

A FIFO named like an article (opening it waits for a writer for ever), a
symlink to ``/dev/zero`` or ``/dev/urandom`` (reading never ends), a socket,
a file over the size limit: each is skipped with one line and the rest loads.
The same goes for the config, state and parse-cache files.  And quitting
the reader ends it even while a worker process is stuck on a file.

Anything that could hang runs under :func:`within`, which fails the test
after a generous timeout instead of hanging the suite.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from reader.cache import ParseCache
from reader.config import Config, load_config
from reader.corpus import load
from reader.loader import load_batches, start_workers, stop_workers
from reader.state import StateStore
from reader.ui.app import NewsReaderApp
from reader.userfile import DEFAULT_LIMIT_MB, LIMIT_ENV, MB, NotRegularFile, TooLarge, file_limit, read_user_file
from tests.support.cli import newsreader
from tests.support.paths import SEEDS

GOOD = 'A headline for a good test story\n\n"The road will reopen on Monday," Mayor Ana Lopez said.\n'
GOOD_TITLE = "A headline for a good test story"


def within(seconds: float, work):
    """``work()``'s result, or a failure (not a hang) if it takes over ``seconds``."""
    result: list = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            result.append(work())
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s: it blocks"
    if errors:
        raise errors[0]
    return result[0]


def cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return newsreader(*args, env=env, drop_env=[LIMIT_ENV])


def with_good(folder: Path) -> Path:
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def warning_for(warnings: list[str], name: str) -> str:
    lines = [w for w in warnings if name in w]
    assert len(lines) == 1, warnings
    return lines[0]


def make_special(folder: Path, kind: str) -> Path:
    """``x.txt`` in ``folder`` as a FIFO, a symlink to a device, or a socket."""
    path = folder / "x.txt"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "socket":
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        server.close()  # the socket file stays
    else:
        path.symlink_to(kind)
    return path


SPECIAL = {
    "fifo": "a FIFO (named pipe)",
    "/dev/zero": "a character device",
    "/dev/urandom": "a character device",
    "socket": "a socket",
}


# --- article files ---------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(SPECIAL))
def test_special_file_named_like_an_article_is_skipped_without_blocking(tmp_path, kind):
    if kind.startswith("/dev/") and not Path(kind).exists():
        pytest.skip(f"no {kind} here")
    make_special(with_good(tmp_path), kind)
    corpus = within(20, lambda: load([tmp_path]))
    assert [a.title for a in corpus.articles] == [GOOD_TITLE]
    line = warning_for(corpus.warnings, "x.txt")
    assert line == f"{tmp_path / 'x.txt'}: is {SPECIAL[kind]}, not a regular file; skipped"
    batches = within(20, lambda: list(load_batches([tmp_path])))  # the reader's loader
    assert [a.title for b in batches for a, _ in b.items] == [GOOD_TITLE]
    assert [w for b in batches for w in b.warnings] == [line]


def test_fifo_in_a_folder_does_not_hang_the_command_line(tmp_path):
    make_special(with_good(tmp_path), "fifo")
    result = cli("quotes", str(tmp_path), "--json")  # a timeout here fails the test
    assert result.returncode == 0
    assert [json.loads(line)["speaker"] for line in result.stdout.splitlines()] == ["Ana Lopez"]
    assert result.stderr == f"newsreader: warning: {tmp_path / 'x.txt'}: is a FIFO (named pipe), not a regular file; skipped\n"


def test_fifo_read_by_a_worker_process_is_skipped(tmp_path):
    # Beyond the first files, the reader reads in worker processes: a FIFO must not stall them.
    for n in range(240):
        (tmp_path / f"story{n:03d}.txt").write_text(GOOD.replace("good", f"number {n}"), encoding="utf-8")
    os.mkfifo(tmp_path / "story200x.txt")
    executor = start_workers(241, workers=2)
    assert executor is not None
    try:
        batches = within(60, lambda: list(load_batches([tmp_path], executor=executor)))
    finally:
        stop_workers(executor)
    assert sum(len(b.items) for b in batches) == 240
    assert [w for b in batches for w in b.warnings] == [
        f"{tmp_path / 'story200x.txt'}: is a FIFO (named pipe), not a regular file; skipped"
    ]


def test_file_over_the_size_limit_is_skipped_with_a_warning(tmp_path, monkeypatch):
    assert file_limit() == DEFAULT_LIMIT_MB * MB == 64 * 1024 * 1024  # the documented default
    monkeypatch.setenv(LIMIT_ENV, "0.01")  # 10 KB, so the test needs no 64 MB file
    (with_good(tmp_path) / "huge.txt").write_text(GOOD + "More words in a long paragraph. " * 400, encoding="utf-8")
    corpus = load([tmp_path])
    assert [a.title for a in corpus.articles] == [GOOD_TITLE]
    line = warning_for(corpus.warnings, "huge.txt")
    assert line.startswith(f"{tmp_path / 'huge.txt'}: larger than 0.01 MB") and line.endswith("; skipped")


def test_size_limit_comes_from_the_config_file(tmp_path):
    (with_good(tmp_path) / "huge.txt").write_text(GOOD + "More words in a long paragraph. " * 400, encoding="utf-8")
    config = tmp_path / "config.toml"
    config.write_text("max_file_mb = 0.01\n")
    result = cli("quotes", str(tmp_path), "--json", "--config", str(config))
    assert result.returncode == 0
    assert "huge.txt: larger than 0.01 MB" in result.stderr
    assert "huge.txt" not in cli("quotes", str(tmp_path), "--json").stderr  # the default: 64 MB
    result = cli("quotes", str(tmp_path), "--json", "--config", str(config), env={LIMIT_ENV: "1"})
    assert "huge.txt" not in result.stderr  # the environment wins over the config file


def test_an_endless_device_is_never_read_even_with_no_limit(tmp_path):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(NotRegularFile):
        within(20, lambda: read_user_file(link, None))
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5000)
    with pytest.raises(TooLarge):
        read_user_file(big, 4999)
    assert read_user_file(big, 5000) == b"x" * 5000


# --- config, state and cache files -------------------------------------------------------


def test_fifo_as_config_state_or_cache_file_does_not_hang_start_up(tmp_path):
    for name in ("config.toml", "state.sqlite", "parse.sqlite"):
        os.mkfifo(tmp_path / name)
    config, messages = within(20, lambda: load_config(tmp_path / "config.toml"))
    assert config == Config() and messages == [
        f"could not read config file {tmp_path / 'config.toml'}: is a FIFO (named pipe), not a regular file; using defaults"
    ]
    store = StateStore(tmp_path / "state.sqlite")
    state, messages = within(20, store.load)
    assert len(messages) == 1 and "is a FIFO (named pipe)" in messages[0] and "starting fresh" in messages[0]
    state.set_read("a1")
    warning = within(20, lambda: store.save(state))
    assert warning and "not saved" in warning
    assert (tmp_path / "state.sqlite").is_fifo()  # the user's FIFO is left alone, not replaced
    cache = within(20, lambda: ParseCache(tmp_path / "parse.sqlite").load())
    assert cache.entries == {} and "is a FIFO (named pipe)" in cache.notes[0] and "rebuilding" in cache.notes[0]
    assert cache.lookup([(SEEDS[0], (1, 1))]) == [None] and (tmp_path / "parse.sqlite").is_fifo()


def test_device_as_state_file_is_not_read(tmp_path):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    (tmp_path / "state.sqlite").symlink_to("/dev/zero")
    state, messages = within(20, StateStore(tmp_path / "state.sqlite").load)
    assert state.read_ids() == frozenset() and "is a character device" in messages[0]


# --- quitting while a worker is stuck ------------------------------------------------------


def _busy(executor, workers: int) -> None:
    """Keep every worker process on one endless job, as a pathological file would."""
    for _ in range(workers):
        executor.submit(time.sleep, 3600)


def test_stopping_the_workers_ends_loading_at_once_even_mid_file(tmp_path):
    for n in range(260):
        (tmp_path / f"story{n:03d}.txt").write_text(GOOD.replace("good", f"number {n}"), encoding="utf-8")
    executor = start_workers(260, workers=2)
    assert executor is not None
    processes = list(executor._processes.values())
    _busy(executor, 2)
    first_batch = threading.Event()
    batches: list = []

    def load_all() -> None:
        for batch in load_batches([tmp_path], executor=executor):
            batches.append(batch)
            first_batch.set()

    loading = threading.Thread(target=load_all, daemon=True)
    loading.start()
    assert first_batch.wait(60)  # the first files are read here; the rest wait for the stuck workers
    stop_workers(executor)
    loading.join(20)
    assert not loading.is_alive(), "loading still waits for the stuck workers"
    assert all(_gone(p) for p in processes)
    assert sum(len(b.items) for b in batches) < 260  # ended: not read in this process instead


def _gone(process) -> bool:
    """Has the worker process ended?  The executor's own thread may reap it
    first, and then ``is_alive`` on this copy never learns it: ask the
    system whether the pid still exists."""
    process.join(10)
    if not process.is_alive():
        return True
    try:
        os.kill(process.pid, 0)
    except ProcessLookupError:
        return True
    return False


async def test_quitting_the_reader_stops_stuck_worker_processes(tmp_path):
    for n in range(260):
        (tmp_path / f"story{n:03d}.txt").write_text(GOOD.replace("good", f"number {n}"), encoding="utf-8")
    executor = start_workers(260, workers=2)
    assert executor is not None
    processes = list(executor._processes.values())
    _busy(executor, 2)
    app = NewsReaderApp(paths=[tmp_path], executor=executor)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("q")
    assert all(_gone(p) for p in processes)
