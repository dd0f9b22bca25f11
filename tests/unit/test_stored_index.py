"""The search index kept in the parse cache: loaded at the next start instead of
rebuilt, never served for other articles, rebuilt when damaged."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cache import ParseCache
from reader.loader import load_all
from reader.search import SearchIndex, stored
from reader.ui.app import NewsReaderApp
from tests.support.cli import newsreader
from tests.support.paths import SEEDS

QUERIES = ("balloon", "@wang", "surveilance balon", '"the balloon"', "outlet:npr china", "wang yi said", "b")


def search(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return newsreader("search", *args, cwd=cwd)


def write(folder: Path, name: str, said: str, who: str) -> Path:
    path = folder / name
    path.write_text(f"Harbour news {name}\n\n\"{said},\" {who} said on Monday.\n")
    return path


def stored_keys(cache_file: Path) -> list[str]:
    db = sqlite3.connect(cache_file)
    try:
        return [key for (key,) in db.execute("SELECT key FROM search_index")]
    finally:
        db.close()


def loaded_seeds(cache_file: Path) -> tuple[ParseCache, object]:
    cache = ParseCache(cache_file).load()
    batch = load_all(SEEDS, cache)
    return cache, batch


def test_a_stored_index_answers_every_query_as_the_built_one(tmp_path):
    cache, batch = loaded_seeds(tmp_path / "parse.sqlite")
    built = SearchIndex.build(batch.items)
    assert cache.keep_search_index(batch.corpus_key, built) is None
    again = ParseCache(tmp_path / "parse.sqlite").load()
    loaded = again.search_index(batch.corpus_key, [a for a, _ in batch.items])
    assert loaded is not None and again.notes == []
    for query in QUERIES:
        assert loaded.search(query, limit=30) == built.search(query, limit=30), query
    assert loaded.speakers() == built.speakers()


def test_the_corpus_key_changes_with_any_article_and_not_without(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n in range(3):
        write(corpus, f"s{n}.txt", f"We reopen pier {n}", "Marta Quell")
    cache = ParseCache(tmp_path / "parse.sqlite").load()
    first = load_all([corpus], cache).corpus_key
    assert load_all([corpus], cache).corpus_key == first  # warm: the same articles, the same key
    (corpus / "s1.txt").touch()
    assert load_all([corpus], cache).corpus_key == first  # touched, bytes unchanged
    write(corpus, "s1.txt", "We close pier 1", "Marta Quell")
    changed = load_all([corpus], cache).corpus_key
    (corpus / "s2.txt").rename(corpus / "s9.txt")
    moved = load_all([corpus], cache).corpus_key
    (corpus / "s0.txt").unlink()
    assert len({first, changed, moved, load_all([corpus], cache).corpus_key}) == 4


def test_the_command_line_never_answers_from_the_index_of_files_since_changed(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSREADER_CACHE_DIR", str(tmp_path / "cache"))
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write(corpus, "a.txt", "The ferry runs again", "Marta Quell")
    write(corpus, "b.txt", "Tolls stay as they are", "Ben Okafor")
    first = search("ferry", str(corpus), "--json", cwd=tmp_path)
    assert first.returncode == 0 and first.stderr == "" and "Marta Quell" in first.stdout
    assert len(stored_keys(tmp_path / "cache" / "parse-cache.sqlite")) == 1
    assert search("ferry", str(corpus), "--json", cwd=tmp_path).stdout == first.stdout  # from the stored index

    write(corpus, "a.txt", "The lighthouse keeps its keeper", "Marta Quell")
    os.utime(corpus / "a.txt", ns=(0, (corpus / "a.txt").stat().st_mtime_ns + 10**9))
    assert search("ferry", str(corpus), cwd=tmp_path).stdout.startswith("no hits")
    assert "lighthouse" in search("lighthouse", str(corpus), "--json", cwd=tmp_path).stdout
    (corpus / "b.txt").unlink()
    assert search("tolls", str(corpus), cwd=tmp_path).stdout.startswith("no hits")


DAMAGE = {
    "bytes changed": lambda data: data[:100] + bytes([data[100] ^ 0xFF]) + data[101:],
    "cut short": lambda data: data[: len(data) // 2],
    "not an index": lambda data: b"\x00" * 64,
}


@pytest.mark.parametrize("damage", list(DAMAGE.values()), ids=list(DAMAGE))
def test_a_damaged_stored_index_is_rebuilt_with_a_note(tmp_path, monkeypatch, damage):
    monkeypatch.setenv("NEWSREADER_CACHE_DIR", str(tmp_path / "cache"))
    cache_file = tmp_path / "cache" / "parse-cache.sqlite"
    first = search("balloon", *map(str, SEEDS), "--json", cwd=tmp_path)
    db = sqlite3.connect(cache_file)
    (data,) = db.execute("SELECT data FROM search_index").fetchone()
    db.execute("UPDATE search_index SET data = ?", (damage(data),))
    db.commit()
    db.close()
    again = search("balloon", *map(str, SEEDS), "--json", cwd=tmp_path)
    assert again.returncode == 0 and again.stdout == first.stdout
    assert "search index" in again.stderr and "damaged" in again.stderr
    third = search("balloon", *map(str, SEEDS), "--json", cwd=tmp_path)  # stored again, sound
    assert third.stdout == first.stdout and third.stderr == ""


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=60, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 8))
def test_any_bytes_of_a_stored_index_load_as_a_sound_index_or_not_at_all(seed, flips):
    # No digest here: the bytes are loaded as if a tampered row had passed it.
    # Either load refuses them, or every query answers without an exception.
    items = _seed_items()
    data = bytearray(_seed_bytes())
    rng = random.Random(seed)
    for _ in range(flips):
        data[rng.randrange(len(data))] = rng.randrange(256)
    try:
        index = stored.load(bytes(data), [a for a, _ in items])
    except ValueError:
        return
    for query in QUERIES:
        for hit in index.search(query, limit=30):
            assert isinstance(hit.text, str)


_SEEDED: dict[str, object] = {}


def _seed_items():
    if "items" not in _SEEDED:
        _SEEDED["items"] = load_all(SEEDS).items
    return _SEEDED["items"]


def _seed_bytes() -> bytes:
    if "bytes" not in _SEEDED:
        _SEEDED["bytes"] = stored.dump(SearchIndex.build(_seed_items()))
    return _SEEDED["bytes"]


def test_an_index_from_other_extraction_rules_is_never_loaded(tmp_path):
    cache, batch = loaded_seeds(tmp_path / "parse.sqlite")
    cache.keep_search_index(batch.corpus_key, SearchIndex.build(batch.items))
    cache.close()
    other = ParseCache(tmp_path / "parse.sqlite", version="other-rules").load()
    assert other.search_index(batch.corpus_key, [a for a, _ in batch.items]) is None
    assert stored_keys(tmp_path / "parse.sqlite") == []  # dropped with the rest of the cache


async def test_the_reader_searches_a_warm_start_with_the_stored_index(tmp_path):
    cache_file = tmp_path / "parse.sqlite"
    cold = NewsReaderApp(paths=list(SEEDS), cache=ParseCache(cache_file).load())
    async with cold.run_test(size=(120, 36)) as pilot:
        await cold.workers.wait_for_complete()
        await pilot.pause()
        expected = cold.index.search("balloon", limit=20)
    assert len(stored_keys(cache_file)) == 1
    warm = NewsReaderApp(paths=list(SEEDS), cache=ParseCache(cache_file).load())
    async with warm.run_test(size=(120, 36)) as pilot:
        await warm.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(warm.index._text, stored._Texts)  # loaded, not built
        assert warm.index.search("balloon", limit=20) == expected and expected


def test_the_stored_index_modules_examples_hold():
    import doctest

    assert doctest.testmod(stored).failed == 0
