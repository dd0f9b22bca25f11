"""The parse cache and batch loading: second starts are fast, changes are seen,
a broken cache is rebuilt, never trusted."""

from __future__ import annotations

import os
import sqlite3

import pytest

from reader.cache import ParseCache, article_to_tuple, attribution_to_tuple
from reader.loader import load_batches, start_workers
from reader.store.sqlite import remove_database
from reader.ui.app import NewsReaderApp
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from tests.support.paths import SEEDS
from tests.support.stories import write_story


def load_all(paths, cache=None, executor=None):
    items, warnings = [], []
    for batch in load_batches(paths, cache, executor=executor):
        items.extend(batch.items)
        warnings.extend(batch.warnings)
    assert cache is None or cache.save() is None
    return items, warnings


def test_second_load_comes_from_the_cache_with_the_same_quotes(tmp_path):
    cache_file = tmp_path / "cache" / "parse.sqlite"
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
    cache_file = tmp_path / "parse.sqlite"
    cache = ParseCache(cache_file).load()
    load_all([corpus], cache)

    first.write_text("A completely different headline here\n\nNew text, the clerk said.\n")
    os.utime(first, ns=(first.stat().st_atime_ns, first.stat().st_mtime_ns + 10**9))
    second.unlink()
    cache = ParseCache(cache_file).load()
    items, _ = load_all([corpus], cache)
    assert [a.title for a, _ in items] == ["A completely different headline here"]
    assert cache.misses == 1
    assert list(ParseCache(cache_file).load().entries) == [os.path.abspath(first)]


def test_a_touched_or_copied_file_is_served_from_the_cache_by_its_bytes(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    story = write_story(corpus, 1)
    cache_file = tmp_path / "parse.sqlite"
    cold, _ = load_all([corpus], ParseCache(cache_file).load())
    os.utime(story, ns=(story.stat().st_atime_ns, story.stat().st_mtime_ns + 10**9))  # touch
    (corpus / "copy.txt").write_bytes(story.read_bytes())
    cache = ParseCache(cache_file).load()
    items, warnings = load_all([corpus / "copy.txt", story], cache)
    assert (cache.hits, cache.misses) == (2, 0)
    assert items[0][0].path == str(corpus / "copy.txt") and items[0][1] == cold[0][1]
    assert warnings == [f"{story}: same text as {corpus / 'copy.txt'}; shown once"]
    again = ParseCache(cache_file).load()
    assert set(again.entries) == {os.path.abspath(story), os.path.abspath(corpus / "copy.txt")}
    assert again.entries[os.path.abspath(story)][:2] == (story.stat().st_size, story.stat().st_mtime_ns)


@pytest.mark.parametrize("damage", ["random bytes", "truncated", "another program's database"])
def test_a_corrupt_or_foreign_cache_is_discarded_with_a_note_and_rebuilt(tmp_path, damage):
    cache_file = tmp_path / "parse.sqlite"
    first = ParseCache(cache_file).load()
    load_all(SEEDS, first)
    first.close()  # everything in the main file, none in the write-ahead log
    if damage == "random bytes":
        cache_file.write_bytes(b"\x00garbage\xff" * 1000)
    elif damage == "truncated":
        cache_file.write_bytes(cache_file.read_bytes()[:5000])
    else:
        remove_database(cache_file)
        other = sqlite3.connect(cache_file)
        other.execute("CREATE TABLE recipes (name TEXT)")
        other.commit()
        other.close()
    cache = ParseCache(cache_file).load()
    items, warnings = load_all(SEEDS, cache)
    assert len(items) == 2 and cache.hits == 0
    assert len(cache.notes) == 1 and "rebuilding" in cache.notes[0] and "\n" not in cache.notes[0]
    assert cache.notes[0] in warnings
    again = ParseCache(cache_file).load()
    assert again.notes == [] and len(again.entries) == 2


def _tamper(cache_file, sql: str) -> None:
    db = sqlite3.connect(cache_file)
    db.execute(sql)
    db.commit()
    db.close()


# Each makes one field of the cached rows wrong: the file must be read again.
WRONG_ROWS = {
    "title not a string": "UPDATE articles SET title = X'00'",
    "source not a string": "UPDATE articles SET source = X'41'",
    "paragraph outside the text": "UPDATE articles SET paragraphs = '0 1000000000'",
    "paragraph of words": "UPDATE articles SET paragraphs = 'a b'",
    "paragraph with one end": "UPDATE articles SET paragraphs = '0 5 9'",
    "paragraphs a blob": "UPDATE articles SET paragraphs = X'00'",
    "caption of numbers": "UPDATE articles SET captions = '[[1, 2]]'",
    "captions not JSON": "UPDATE articles SET captions = '[[\"a\",'",
    "captions nested without end": "UPDATE articles SET captions = '" + "[" * 100000 + "'",
    "outlet a blob": "UPDATE articles SET outlet = X'4e5052'",
    "quote kind unknown": "UPDATE quotes SET kind = 'shouted'",
    "quote offsets reversed": "UPDATE quotes SET start = 50, \"end\" = 10",
    "quote cue a word": "UPDATE quotes SET cue_start = 'said'",
    "quote cue with one end": "UPDATE quotes SET cue_start = 0, cue_end = NULL",
    "evidence found some unknown way": "UPDATE quotes SET via = 'guessed' WHERE via IS NOT NULL",
    "evidence outside the text": "UPDATE quotes SET evidence_end = 1000000000 WHERE via IS NOT NULL",
    "evidence antecedent a word": "UPDATE quotes SET antecedent_start = 'Wang' WHERE via IS NOT NULL",
    "speaker aliases a string": "UPDATE speakers SET aliases = '\"Wang\"'",
    "speaker mentions of words": "UPDATE speakers SET mentions = 'a b'",
    "speaker count a float": "UPDATE speakers SET quotes = 2.5",
}


@pytest.mark.parametrize("sql", list(WRONG_ROWS.values()), ids=list(WRONG_ROWS))
def test_a_cache_row_with_a_wrong_field_is_read_again(tmp_path, sql):
    cache_file = tmp_path / "parse.sqlite"
    good, _ = load_all([SEEDS[0]], ParseCache(cache_file).load())
    _tamper(cache_file, sql)
    cache = ParseCache(cache_file).load()
    items, warnings = load_all([SEEDS[0]], cache)
    assert (cache.hits, cache.misses) == (0, 1)  # not trusted: parsed again
    assert [a for a, _ in items] == [a for a, _ in good] and [q for _, q in items] == [q for _, q in good]
    assert warnings == []
    fixed = ParseCache(cache_file).load()
    assert load_all([SEEDS[0]], fixed)[0] == good and fixed.hits == 1  # and written again, right


async def test_the_reader_opens_over_a_cache_row_with_a_wrong_field(tmp_path):
    cache_file = tmp_path / "parse.sqlite"
    load_all(SEEDS, ParseCache(cache_file).load())
    _tamper(cache_file, WRONG_ROWS["title not a string"])
    app = NewsReaderApp(paths=list(SEEDS), cache=ParseCache(cache_file).load())
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.query_one(ArticleList).option_count == 2
        assert app.query_one(ReadingPane).article.title.startswith("Blinken meets")


def test_a_cache_from_other_extraction_rules_is_never_served(tmp_path):
    cache_file = tmp_path / "parse.sqlite"
    old = ParseCache(cache_file, version="other-rules").load()
    load_all(SEEDS, old)
    old.close()
    cache = ParseCache(cache_file).load()
    assert cache.entries == {} and cache.notes == [
        f"parse cache {cache_file} was made by other extraction rules; rebuilding"]
    load_all(SEEDS, cache)
    assert (cache.hits, cache.misses) == (0, 2)


def test_an_unwritable_cache_gives_a_warning_not_an_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    cache = ParseCache(blocker / "parse.sqlite").load()
    items, _ = load_all(SEEDS, cache)
    cache.put(SEEDS[0], 1, 1, [])
    warning = cache.save()
    assert len(items) == 2 and warning and warning.startswith("could not write the parse cache")


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


def test_the_store_modules_examples_hold():
    import doctest

    import reader.cache
    import reader.records
    import reader.state
    import reader.store.sqlite
    import reader.store.state_db

    for module in (reader.cache, reader.records, reader.state, reader.store.sqlite, reader.store.state_db):
        assert doctest.testmod(module).failed == 0, module.__name__


def test_quotes_read_after_the_listing_come_from_the_snapshot_the_articles_came_from(tmp_path):
    # The quotes of cached articles are read after the articles are listed; another
    # newsreader rewriting the cache in between must not hand them other quotes.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    story = write_story(corpus, 1)
    cache_file = tmp_path / "parse.sqlite"
    load_all([corpus], ParseCache(cache_file).load())
    cache = ParseCache(cache_file).load()
    (items,) = cache.lookup([(story, (story.stat().st_size, story.stat().st_mtime_ns))])
    other = ParseCache(cache_file).load()  # another process: the same path, other rows
    write_story(corpus, 1, said="told reporters")
    other.put(story, story.stat().st_size, story.stat().st_mtime_ns,
              [(article_to_tuple(a), attribution_to_tuple(q)) for a, q in load_all([story])[0]], "x")
    assert other.save() is None
    (article, attribution), = items
    assert [q.text for q in attribution.quotes] == ["We will fix road 1 this year,"]
    assert all(article.source[q.evidence.start : q.evidence.end].endswith("said") for q in attribution.quotes)
    cache.finish()
    assert (cache.hits, cache.misses) == (1, 0)
