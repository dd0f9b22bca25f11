"""Both databases survive a process killed in the middle of a write.

A child process saves for ever; it is killed (SIGKILL) at a random moment,
twenty times in a row.  After every kill the state database opens without a
message and holds one complete save, never part of one, and never less than
before; the parse cache opens intact (or, at worst, is rebuilt with a note)
and never serves a wrong entry.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import sqlite3
import time
from pathlib import Path

import pytest

from reader.cache import ParseCache
from reader.loader import read_and_extract
from reader.state import StateStore
from tests.support.stories import write_story

KILLS = 20

needs_fork = pytest.mark.skipif(
    not hasattr(os, "fork") or "fork" not in multiprocessing.get_all_start_methods(),
    reason="needs fork and SIGKILL",
)


def _kill_at_random(target, args, rng: random.Random) -> None:
    child = multiprocessing.get_context("fork").Process(target=target, args=args, daemon=True)
    child.start()
    time.sleep(rng.uniform(0.01, 0.12))  # a random moment: not synchronisation, the point of the test
    child.kill()
    child.join(10)
    assert child.exitcode is not None


def _integrity(path: Path) -> str:
    db = sqlite3.connect(path)
    try:
        return db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()


def _save_state_forever(path: str) -> None:  # runs in the forked child
    store = StateStore(path, lock_timeout=10)
    state, _ = store.load()
    n = len(state.read_ids())
    while True:
        for k in range(n, n + 50):
            state.set_read(f"a{k:07d}", True)
        n += 50
        state.set_position(f"a{n - 1:07d}", float(n))
        store.save(state)


@needs_fork
def test_sigkill_mid_save_leaves_the_state_intact_every_time(tmp_path):
    path = tmp_path / "data" / "state.sqlite"
    rng = random.Random()
    previous = 0
    for _ in range(KILLS):
        _kill_at_random(_save_state_forever, (str(path),), rng)
        store = StateStore(path)
        loaded, messages = store.load()
        store.close()
        assert messages == []
        ids = loaded.read_ids()
        count = len(ids)
        assert ids == {f"a{k:07d}" for k in range(count)}  # one complete save, not part of one
        if count:
            assert loaded.last_scroll == float(count) and loaded.last_article == f"a{count - 1:07d}"
        assert count >= previous  # nothing saved before is lost
        previous = count
        assert _integrity(path) == "ok"
    assert previous > 0, "the child never managed a save"


def _fill_cache_forever(cache_path: str, entries: list) -> None:  # runs in the forked child
    cache = ParseCache(Path(cache_path)).load()
    round_ = 0
    while True:
        round_ += 1
        for path, size, items, digest in entries:
            cache.put(path, size, round_, items, digest)  # a new modification time each round
        cache.save()


@needs_fork
def test_sigkill_mid_write_leaves_the_cache_intact_or_rebuilt_and_never_wrong(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    files = [write_story(corpus, n) for n in range(60)]
    results = {str(f): read_and_extract(str(f)) for f in files}
    entries = [(str(f), f.stat().st_size, results[str(f)][0], results[str(f)][3]) for f in files]
    cache_path = tmp_path / "cache" / "parse.sqlite"
    rng = random.Random()
    served = 0
    for _ in range(KILLS):
        _kill_at_random(_fill_cache_forever, (str(cache_path), entries), rng)
        cache = ParseCache(cache_path).load()
        assert cache.notes == [] or all("rebuilding" in note for note in cache.notes)
        known = {path: entry[:2] for path, entry in cache.entries.items()}
        got = cache.lookup([(f, known.get(str(f), (0, 0))) for f in files])
        cache.close()
        for f, items in zip(files, got, strict=False):
            if items is not None:  # whatever is served is exactly what the file gives
                served += 1
                assert [a.title for a, _ in items] == [f"Council story number {files.index(f)} in the test corpus"]
                assert [q.speaker for _, attribution in items for q in attribution.quotes] == ["Ana Lopez"]
        assert _integrity(cache_path) == "ok"
    assert served > 0, "the child never managed a write"
