"""Persisted user state: round trip, the state database, corruption, merging,
two processes at once, and the one-time import of the old state.json."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader import state as state_module
from reader.paths import locations
from reader.state import SCHEMA, State, StateStore
from reader.state_json import StateFormatError, decode_state, encode_state, parse_state

ROOT = Path(__file__).resolve().parents[2]


class Clock:
    """A fake clock: each call returns the current time, which tests move."""

    def __init__(self, t: float = 1000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t


def backups(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("state.sqlite.corrupt-*") if not p.name.endswith(("-wal", "-shm")))


@pytest.fixture
def path(tmp_path) -> Path:
    return tmp_path / "data" / "state.sqlite"


# -- the in-memory state -------------------------------------------------


def test_fresh_state_is_empty():
    s = State()
    assert not s.is_read("a") and not s.is_bookmarked("a")
    assert s.read_ids() == frozenset() and s.bookmarked_ids() == frozenset()
    assert s.last_article is None and s.last_scroll == 0.0 and s.theme is None
    assert not s.dirty


def test_setters_and_filters():
    s = State()
    s.set_read("a", True)
    s.set_read("b", True)
    s.set_read("b", False)
    s.set_bookmark("c", True)
    s.set_position("a", 12.5)
    s.theme = "nord"
    assert s.is_read("a") and not s.is_read("b")
    assert s.read_ids() == {"a"} and s.bookmarked_ids() == {"c"}
    assert (s.last_article, s.last_scroll, s.theme) == ("a", 12.5, "nord")
    assert s.dirty


def test_same_position_is_not_a_change():
    s = State()
    s.set_position("a", 3.0)
    s.dirty = False
    s.set_position("a", 3.0)
    assert not s.dirty
    s.set_position("a", 4.0)
    assert s.dirty


def test_merge_keeps_newest_per_key():
    clock_a, clock_b = Clock(10), Clock(20)
    a, b = State(clock_a), State(clock_b)
    a.set_read("x", True)  # t=10
    b.set_read("x", False)  # t=20: newer, wins
    b.set_bookmark("y", True)  # t=20
    clock_a.t = 30
    a.set_bookmark("y", False)  # t=30: newer, wins
    a.theme = "nord"  # t=30
    b.set_position("p", 1.0)  # t=20
    a.merge(b)
    assert not a.is_read("x") and not a.is_bookmarked("y")
    assert a.theme == "nord" and a.last_article == "p"


# -- round trip -----------------------------------------------------------


def full_state() -> State:
    s = State(Clock(1234.5))
    s.set_read("2023-01-05-npr-blinken", True)
    s.set_read("unread-again", False)
    s.set_bookmark("ünïcode ☃ id", True)
    s.set_position("2023-01-05-npr-blinken", 0.375)
    s.theme = "textual-light"
    return s


def test_encode_decode_round_trip():
    s = full_state()
    assert decode_state(encode_state(s)) == s
    raw = json.loads(encode_state(s))
    assert raw["schema"] == SCHEMA == 1
    assert raw["read"]["unread-again"] == [False, 1234.5]


def test_store_round_trip(path):
    store = StateStore(path)
    s, messages = store.load()
    assert messages == [] and s == State()
    s = full_state()
    assert store.save(s) is None
    assert not s.dirty
    loaded, messages = StateStore(path).load()
    assert messages == []
    assert loaded == s
    assert loaded.is_read("2023-01-05-npr-blinken") and loaded.is_bookmarked("ünïcode ☃ id")
    assert (loaded.last_article, loaded.last_scroll, loaded.theme) == ("2023-01-05-npr-blinken", 0.375, "textual-light")


def test_default_location_is_under_the_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSREADER_DATA_DIR", str(tmp_path / "elsewhere"))
    store = StateStore(locations().state_file)
    s, _ = store.load()
    s.set_read("a", True)
    assert store.save(s) is None
    assert (tmp_path / "elsewhere" / "state.sqlite").is_file()


def test_save_without_changes_does_not_touch_the_disk(path, monkeypatch):
    store = StateStore(path)
    s, _ = store.load()
    s.set_read("a", True)
    assert store.save(s) is None

    def boom(*args, **kwargs):
        raise AssertionError("wrote although nothing changed")

    monkeypatch.setattr(state_module.state_db, "write", boom)
    monkeypatch.setattr(state_module.state_db, "read_all", boom)
    assert store.save(s) is None


def test_a_failed_write_gives_a_warning_keeps_the_state_and_is_retried(path, monkeypatch):
    store = StateStore(path)
    s, _ = store.load()
    s.set_read("old", True)
    assert store.save(s) is None

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(state_module.state_db, "write", full)
    s.set_bookmark("new", True)
    warning = store.save(s)
    assert warning is not None and "disk is full" in warning and "memory" in warning and "\n" not in warning
    assert s.is_bookmarked("new") and s.dirty
    monkeypatch.undo()
    assert store.save(s) is None
    loaded = StateStore(path).load()[0]
    assert loaded.read_ids() == {"old"} and loaded.bookmarked_ids() == {"new"}


# -- corrupt and foreign files ---------------------------------------------------


def _written(path: Path, data: bytes) -> bytes:
    path.write_bytes(data)
    return data


def _another_programs_database(path: Path) -> bytes:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE recipes (name TEXT)")
    db.commit()
    db.close()
    return path.read_bytes()


def _truncated_state(path: Path) -> bytes:
    store = StateStore(path)
    s, _ = store.load()
    for n in range(2000):
        s.set_read(f"article-{n}")
    store.save(s)
    store.close()
    data = path.read_bytes()[:6000]
    path.write_bytes(data)
    return data


DAMAGE = {
    "random bytes": lambda path: _written(path, b"\xff\xfe\x00garbage" * 300),
    "a text file": lambda path: _written(path, b'{"schema": 1, "read": {}}'),
    "truncated": _truncated_state,
    "another program's database": _another_programs_database,
}


@pytest.mark.parametrize("damage", list(DAMAGE.values()), ids=list(DAMAGE))
def test_corrupt_or_foreign_database_is_moved_aside_and_user_told_once(path, damage):
    path.parent.mkdir(parents=True)
    content = damage(path)
    store = StateStore(path)
    s, messages = store.load()
    assert s == State()
    assert len(messages) == 1
    (backup,) = backups(path.parent)
    assert backup.read_bytes() == content  # kept, never deleted
    assert backup.name in messages[0] and "starting fresh" in messages[0]
    assert StateStore(path).load() == (State(), [])  # told once
    s.set_read("a", True)
    assert store.save(s) is None
    assert StateStore(path).load()[0].read_ids() == {"a"}


def test_a_database_of_a_newer_newsreader_is_left_alone(path):
    store = StateStore(path)
    s, _ = store.load()
    s.set_read("a", True)
    store.save(s)
    store.close()
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    before = path.read_bytes()
    later = StateStore(path)
    s2, messages = later.load()
    assert len(messages) == 1 and "newer newsreader" in messages[0] and "memory" in messages[0]
    s2.set_read("b", True)
    warning = later.save(s2)
    assert warning is not None and "not saved" in warning and s2.dirty
    assert path.read_bytes() == before and backups(path.parent) == []


def test_backups_never_overwrite_each_other(path):
    path.parent.mkdir(parents=True)
    for content in (b"one", b"two", b"three"):
        path.write_bytes(content * 100)
        store = StateStore(path)
        assert len(store.load()[1]) == 1
        store.close()
    assert sorted(b.read_bytes()[:3] for b in backups(path.parent)) == [b"one", b"thr", b"two"]


def test_database_corrupted_while_running_is_moved_aside_and_everything_saved_again(path):
    store = StateStore(path)
    s, _ = store.load()
    s.set_read("a", True)
    store.save(s)
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if leftover.exists():
            leftover.write_bytes(b"\x00\x01 scribbled over" * 400)
    s.set_read("b", True)
    warning = store.save(s)
    assert warning is not None and "corrupt" in warning and s.dirty
    assert len(backups(path.parent)) == 1
    assert store.save(s) is None
    assert StateStore(path).load()[0].read_ids() == {"a", "b"}


def test_unreadable_state_file_is_never_overwritten(path):
    path.mkdir(parents=True)  # a folder where the file should be: cannot be read, even by root
    store = StateStore(path)
    s, messages = store.load()
    assert len(messages) == 1 and "could not read" in messages[0]
    s.set_read("a", True)
    warning = store.save(s)
    assert warning is not None and "not saved" in warning
    assert path.is_dir() and s.is_read("a")


# -- the old state.json ----------------------------------------------------------------


def big_state() -> State:
    clock = Clock(1_700_000_000.0)
    s = State(clock)
    for n in range(3000):
        clock.t += 0.25
        s.set_read(f"id-{n:05d}", n % 7 != 0)  # un-read ones too
        if n % 11 == 0:
            s.set_bookmark(f"id-{n:05d}", n % 2 == 0)
    s.set_bookmark("ünïcode ☃ id", True)
    s.set_position("id-00042", 12.5)
    s.theme = "nord"
    return s


def test_the_old_state_json_is_imported_once_and_nothing_is_lost(path):
    path.parent.mkdir(parents=True)
    old = big_state()
    legacy = path.with_name("state.json")
    legacy.write_bytes(encode_state(old))
    before = legacy.read_bytes()
    loaded, messages = StateStore(path).load()
    assert loaded == old  # every key, value and time, un-read and un-bookmarked ones included
    assert len(messages) == 1 and "imported state.json" in messages[0] and "state.json.imported" in messages[0]
    assert not legacy.exists() and path.with_name("state.json.imported").read_bytes() == before
    again, messages = StateStore(path).load()
    assert again == old and messages == []


def test_an_unreadable_old_state_json_is_left_alone_and_named(path):
    path.parent.mkdir(parents=True)
    legacy = path.with_name("state.json")
    legacy.write_bytes(b"{not json")
    s, messages = StateStore(path).load()
    assert s == State() and len(messages) == 1
    assert "state.json" in messages[0] and "left as it is" in messages[0]
    assert legacy.read_bytes() == b"{not json"


# -- two processes' worth of stores on one file ------------------------------------


def test_two_stores_keep_each_others_changes(path):
    a_store, b_store = StateStore(path), StateStore(path)
    a, _ = a_store.load()
    b, _ = b_store.load()
    a.set_read("a1", True)
    a.set_bookmark("a-mark", True)
    b.set_read("b1", True)
    b.theme = "nord"
    assert a_store.save(a) is None
    assert b_store.save(b) is None
    a.set_read("a2", True)
    assert a_store.save(a) is None  # merges b's changes in before writing
    final, _ = StateStore(path).load()
    assert final.read_ids() == {"a1", "a2", "b1"}
    assert final.bookmarked_ids() == {"a-mark"} and final.theme == "nord"
    assert a.read_ids() == {"a1", "a2", "b1"} and a.theme == "nord"  # a sees b's changes after its save


@pytest.mark.parametrize("unread_later", [True, False])
@pytest.mark.parametrize("reader_saves_first", [True, False])
def test_newest_read_or_unread_wins_whichever_saves_last(path, unread_later, reader_saves_first):
    # "x" was read before both processes started.
    seed_store = StateStore(path, clock=Clock(1))
    seed, _ = seed_store.load()
    seed.set_read("x", True)
    seed.set_bookmark("x", True)
    seed_store.save(seed)

    read_clock, unread_clock = Clock(), Clock()
    r_store, u_store = StateStore(path, clock=read_clock), StateStore(path, clock=unread_clock)
    r, _ = r_store.load()
    u, _ = u_store.load()
    read_clock.t, unread_clock.t = (10, 20) if unread_later else (20, 10)
    r.set_read("x", True)  # marks it read again
    r.set_bookmark("x", True)
    u.set_read("x", False)  # un-reads it
    u.set_bookmark("x", False)
    first, second = ((r_store, r), (u_store, u)) if reader_saves_first else ((u_store, u), (r_store, r))
    assert first[0].save(first[1]) is None
    assert second[0].save(second[1]) is None
    final, _ = StateStore(path).load()
    assert final.is_read("x") is (not unread_later)
    assert final.is_bookmarked("x") is (not unread_later)


def test_position_and_theme_newest_wins(path):
    ca, cb = Clock(10), Clock(20)
    a_store, b_store = StateStore(path, clock=ca), StateStore(path, clock=cb)
    a, _ = a_store.load()
    b, _ = b_store.load()
    b.set_position("b-article", 5.0)  # t=20
    a.set_position("a-article", 1.0)  # t=10, saved last but older
    b.theme = "old"  # t=20
    ca.t = 30
    a.theme = "new"  # t=30
    b_store.save(b)
    a_store.save(a)
    final, _ = StateStore(path).load()
    assert (final.last_article, final.last_scroll, final.theme) == ("b-article", 5.0, "new")


WORKER = textwrap.dedent(
    """
    import sys
    from reader.state import StateStore
    path, tag, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store = StateStore(path, lock_timeout=30)
    state, messages = store.load()
    assert not messages, messages
    for i in range(n):
        state.set_read(f"{tag}-{i}", True)
        if i % 3 == 0:
            state.set_bookmark(f"{tag}-{i}", True)
        if i % 5 == 0:
            # every so often, reopen the store as a restarted app would
            store = StateStore(path, lock_timeout=30)
        warning = store.save(state)
        if warning:
            print(warning, file=sys.stderr)
            sys.exit(1)
    """
)


def test_concurrent_saves_from_two_processes_lose_nothing(path):
    n = 150
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [
        subprocess.Popen([sys.executable, "-c", WORKER, str(path), tag, str(n)], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for tag in ("one", "two")
    ]
    for p in procs:
        out, err = p.communicate(timeout=90)
        assert p.returncode == 0, err
    final, messages = StateStore(path).load()
    assert messages == []
    expected = {f"{tag}-{i}" for tag in ("one", "two") for i in range(n)}
    assert final.read_ids() == expected
    assert final.bookmarked_ids() == {f"{tag}-{i}" for tag in ("one", "two") for i in range(0, n, 3)}


def test_a_held_write_lock_gives_a_clear_message_and_retries(path):
    store = StateStore(path, lock_timeout=0.1)
    s, _ = store.load()
    s.set_read("a", True)
    store.save(s)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a save
    try:
        s.set_read("b", True)
        started = time.monotonic()
        warning = store.save(s)
        assert time.monotonic() - started < 2
        assert warning is not None and "another newsreader" in warning and "will retry" in warning
        assert store.save(s) is None  # same problem: not repeated
        assert store.last_warning == warning and s.dirty
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert store.save(s) is None and store.last_warning is None
    assert StateStore(path).load()[0].read_ids() == {"a", "b"}


# -- unwritable data dir -------------------------------------------------------------


def test_data_dir_that_is_a_file_keeps_state_in_memory(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    store = StateStore(blocker / "state.sqlite")
    s, messages = store.load()
    assert len(messages) == 1  # cannot read it either
    s.set_read("a", True)
    s.set_bookmark("b", True)
    warning = store.save(s)
    assert warning is not None and "not a folder" in warning and "memory" in warning and "\n" not in warning
    assert s.is_read("a") and s.is_bookmarked("b") and s.dirty
    s.set_read("c", True)
    assert store.save(s) is None  # told once
    assert store.last_warning == warning
    assert s.read_ids() == {"a", "c"}


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_data_dir_keeps_state_in_memory(path):
    store = StateStore(path)
    s, _ = store.load()
    s.set_read("a", True)
    store.save(s)
    store.close()
    os.chmod(path.parent, 0o500)
    try:
        later = StateStore(path)
        s2, messages = later.load()
        s2.set_read("b", True)
        warning = later.save(s2)
        assert warning is not None and "not saved" in warning and "memory" in warning
        assert s2.read_ids() >= {"b"}
    finally:
        os.chmod(path.parent, 0o700)


# -- the readers never raise ---------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_parse_state_never_raises_on_bytes(data):
    with contextlib.suppress(StateFormatError):
        decode_state(data)
    result = parse_state(data)
    assert result is None or isinstance(result, State)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=12,
)
entry = st.lists(st.booleans() | st.floats() | st.integers(), min_size=0, max_size=3)
state_like = st.fixed_dictionaries(
    {"schema": st.just(1) | json_values},
    optional={
        "read": st.dictionaries(st.text(max_size=5), entry | json_values, max_size=4) | json_values,
        "bookmarks": st.dictionaries(st.text(max_size=5), entry | json_values, max_size=4),
        "position": st.tuples(st.none() | st.text(max_size=4) | st.integers(), st.floats(), st.floats()).map(list) | json_values,
        "theme": st.tuples(st.none() | st.text(max_size=4), st.floats() | st.integers()).map(list) | json_values,
    },
)


@settings(max_examples=300, deadline=None)
@given(state_like)
def test_parse_state_never_raises_on_near_misses(raw):
    data = json.dumps(raw, allow_nan=True).encode()
    result = parse_state(data)
    if result is not None:  # whatever it accepted must round-trip
        assert decode_state(encode_state(result)) == result


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=200) | st.binary(max_size=200).map(lambda b: b"SQLite format 3\x00" + b))
def test_store_load_never_raises_on_bytes(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "state.sqlite"
        path.write_bytes(data)
        s, messages = StateStore(path).load()
        assert isinstance(s, State)
        assert len(messages) <= 1
        assert path.exists() or list(Path(folder).glob("state.sqlite.corrupt-*"))  # never deleted
