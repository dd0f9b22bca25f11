"""The parse cache and batch loading: second starts are fast, changes are seen,
a broken cache is rebuilt, never trusted."""

from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest

from reader.cache import FORMAT, ParseCache, pack
from reader.loader import load_batches, start_workers
from reader.ui.app import NewsReaderApp
from reader.ui.article_list import ArticleList
from reader.ui.reading_pane import ReadingPane
from tests.conftest import SEEDS


def write_story(folder: Path, n: int, said: str = "said") -> Path:
    path = folder / f"story{n:04d}.txt"
    path.write_text(
        f"Council story number {n} in the test corpus\n\n"
        f'"We will fix road {n} this year," Mayor Ana Lopez {said} on Monday.\n'
    )
    return path


def load_all(paths, cache=None, executor=None):
    items, warnings = [], []
    for batch in load_batches(paths, cache, executor=executor):
        items.extend(batch.items)
        warnings.extend(batch.warnings)
    return items, warnings


def test_second_load_comes_from_the_cache_with_the_same_quotes(tmp_path):
    cache_file = tmp_path / "cache" / "parse.cache"
    cold_cache = ParseCache(cache_file).load()
    cold, _ = load_all(SEEDS, cold_cache)
    assert cold_cache.save() is None and cache_file.exists()

    warm_cache = ParseCache(cache_file).load()
    warm, _ = load_all(SEEDS, warm_cache)
    assert (warm_cache.hits, warm_cache.misses) == (2, 0)
    assert [a for a, _ in warm] == [a for a, _ in cold]
    assert [q for _, q in warm] == [q for _, q in cold]  # evidence included
    assert any(q.speaker == "Wang Yi" for _, attribution in warm for q in attribution.quotes)
    assert all(q.evidence is not None for _, attribution in warm for q in attribution.quotes if q.speaker)


def test_a_changed_file_is_read_again_and_a_removed_one_disappears(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    first, second = write_story(corpus, 1), write_story(corpus, 2)
    cache_file = tmp_path / "parse.cache"
    cache = ParseCache(cache_file).load()
    load_all([corpus], cache)
    cache.save()

    first.write_text("A completely different headline here\n\nNew text, the clerk said.\n")
    os.utime(first, ns=(first.stat().st_atime_ns, first.stat().st_mtime_ns + 10**9))
    second.unlink()
    cache = ParseCache(cache_file).load()
    items, _ = load_all([corpus], cache)
    assert [a.title for a, _ in items] == ["A completely different headline here"]
    assert cache.misses == 1
    cache.save()
    assert list(ParseCache(cache_file).load().entries) == [os.path.abspath(first)]


def test_a_corrupt_cache_is_discarded_with_a_note_and_rebuilt(tmp_path):
    cache_file = tmp_path / "parse.cache"
    cache_file.write_bytes(b"\x00garbage\xff" * 100)
    cache = ParseCache(cache_file).load()
    assert cache.entries == {}
    assert "corrupt or foreign" in cache.notes[0]
    items, warnings = load_all(SEEDS, cache)
    assert len(items) == 2
    assert any("corrupt or foreign" in w for w in warnings)
    assert cache.save() is None
    assert len(ParseCache(cache_file).load().entries) == 2


def test_a_foreign_or_tampered_cache_is_not_trusted(tmp_path):
    cache_file = tmp_path / "parse.cache"
    cache_file.write_bytes(marshal.dumps(["not", "a", "cache"]))
    assert ParseCache(cache_file).load().notes
    key = os.path.abspath(SEEDS[0])
    stat = SEEDS[0].stat()
    bogus = {"format": FORMAT, "version": ParseCache(cache_file).version, "entries": {key: (stat.st_size, stat.st_mtime_ns, "junk")}}
    cache_file.write_bytes(pack(bogus))  # well-formed file, junk entry
    cache = ParseCache(cache_file).load()
    items, _ = load_all([SEEDS[0]], cache)
    assert items[0][0].title.startswith("Blinken meets")  # re-read, not taken from the junk entry


def _tamper(entry: tuple, path: tuple[int, ...], value) -> tuple:
    """``entry`` with the item at ``path`` (indices into nested tuples) replaced by ``value``."""
    if not path:
        return value
    items = list(entry)
    items[path[0]] = _tamper(items[path[0]], path[1:], value)
    return tuple(items)


# (size, mtime, ((article, attribution),)): article fields, then quotes and speakers.
WRONG_TYPES = {
    "title not a string": ((2, 0, 0, 3), 12345),
    "source not a string": ((2, 0, 0, 2), None),
    "paragraph outside the text": ((2, 0, 0, 4, 0), (0, 10**9)),
    "paragraph of strings": ((2, 0, 0, 4, 0), ("a", "b")),
    "caption of numbers": ((2, 0, 0, 11), ((1, 2),)),
    "outlet a list": ((2, 0, 0, 5), ["NPR"]),
    "quote kind unknown": ((2, 0, 1, 0, 0, 2), "shouted"),
    "quote offsets reversed": ((2, 0, 1, 0, 0), (50, 10, "direct", None, 0, None, None)),
    "quote of the old format": ((2, 0, 1, 0, 0), (0, 10, "direct", None, 0, None)),
    "evidence found some unknown way": ((2, 0, 1, 0, 0, 6, 2), "guessed"),
    "evidence outside the text": ((2, 0, 1, 0, 0, 6), (0, 10**9, "named", None)),
    "evidence antecedent a string": ((2, 0, 1, 0, 0, 6, 3), "Wang"),
    "speaker aliases a string": ((2, 0, 1, 1, 0, 3), "Wang"),
    "speaker mentions of strings": ((2, 0, 1, 1, 0, 4), (("a", "b"),)),
    "speaker count a float": ((2, 0, 1, 1, 0, 5), 2.5),
}


@pytest.mark.parametrize("where, value", list(WRONG_TYPES.values()), ids=list(WRONG_TYPES))
def test_a_cache_entry_with_wrong_field_types_is_read_again(tmp_path, where, value):
    cache_file = tmp_path / "parse.cache"
    cache = ParseCache(cache_file).load()
    good, _ = load_all([SEEDS[0]], cache)
    cache.save()
    key = os.path.abspath(SEEDS[0])
    payload = {"format": FORMAT, "version": cache.version, "entries": {key: _tamper(cache.entries[key], where, value)}}
    cache_file.write_bytes(pack(payload))  # a valid checksum over a wrong entry
    cache = ParseCache(cache_file).load()
    items, warnings = load_all([SEEDS[0]], cache)
    assert (cache.hits, cache.misses) == (0, 1)  # not trusted: parsed again
    assert [a for a, _ in items] == [a for a, _ in good] and [q for _, q in items] == [q for _, q in good]
    assert warnings == []


async def test_the_reader_opens_over_a_cache_entry_with_wrong_field_types(tmp_path):
    cache_file = tmp_path / "parse.cache"
    cache = ParseCache(cache_file).load()
    load_all(SEEDS, cache)
    cache.save()
    entries = {key: _tamper(entry, (2, 0, 0, 3), 12345) for key, entry in cache.entries.items()}
    cache_file.write_bytes(pack({"format": FORMAT, "version": cache.version, "entries": entries}))
    app = NewsReaderApp(paths=list(SEEDS), cache=ParseCache(cache_file).load())
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.query_one(ArticleList).option_count == 2
        assert app.query_one(ReadingPane).article.title.startswith("Blinken meets")


def test_a_cache_from_other_extraction_rules_is_ignored(tmp_path):
    cache_file = tmp_path / "parse.cache"
    old = ParseCache(cache_file, version="other-rules").load()
    load_all(SEEDS, old)
    old.save()
    cache = ParseCache(cache_file).load()
    assert cache.entries == {} and cache.notes == []


def test_an_unwritable_cache_gives_a_warning_not_an_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = ParseCache(blocker / "parse.cache").load()
    load_all(SEEDS, cache)
    warning = cache.save()
    assert warning and warning.startswith("could not write the parse cache")


def test_worker_processes_load_everything_in_order(tmp_path):
    for n in range(260):
        write_story(tmp_path, n)
    executor = start_workers(260, workers=2)
    assert executor is not None
    try:
        items, warnings = load_all([tmp_path], executor=executor)
    finally:
        executor.shutdown()
    assert warnings == []
    assert [a.title for a, _ in items] == [f"Council story number {n} in the test corpus" for n in range(260)]
    assert all(q.speaker == "Ana Lopez" for _, attribution in items for q in attribution.quotes)


async def test_the_reader_opens_while_a_folder_loads_and_lists_it_all(tmp_path):
    for n in range(120):
        write_story(tmp_path, n)
    app = NewsReaderApp(paths=[tmp_path])
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.query_one(ArticleList).option_count == 120
        assert app.query_one(ReadingPane).article.title == "Council story number 0 in the test corpus"
        assert not app.query_one("#loading").display
        await pilot.press("slash", *"road 77")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "road 77" in app.query_one("SearchPanel").hits[0].text
