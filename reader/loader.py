"""Loading a corpus in batches, for a reader that opens before loading ends.

:func:`load_batches` lists the files, serves what the parse cache already
knows, reads the first few files at once (so something is readable within a
moment) and hands the rest to worker processes, which clean the articles and
extract their quotes on every core without holding up the caller.  It
yields :class:`Batch` records in file order as they complete; the caller
(the app's loading thread, or a benchmark) adds them to its list and index.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator
import ctypes
import gc
import logging
import weakref
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.cache import ParseCache, article_from_tuple, article_to_tuple, attribution_from_tuple, attribution_to_tuple
from reader.corpus import ArticleError, article_files, read_file, repeat_warning
from reader.model import Article, Attribution
from reader.attribution import extract_article

log = logging.getLogger(__name__)

FIRST_FILES = 40  # read in the calling thread: readable at once
CHUNK = 400  # files per job for the worker processes
POOL_THRESHOLD = 200  # fewer files than this: no worker processes


@dataclass
class Batch:
    items: list[tuple[Article, Attribution]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    done: int = 0  # files handled so far
    total: int = 0  # files listed


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def read_and_extract(path: str) -> tuple[list[tuple[tuple, tuple]], list[str], str | None]:
    """One file's articles and quotes as plain tuples, its notes, and an error.

    Runs in worker processes, so it takes and returns only plain data.
    """
    try:
        articles, notes = read_file(path)
    except ArticleError as exc:
        return [], [], f"{path}: {exc}; skipped"
    except Exception as exc:  # a bug must cost one file, not the corpus
        return [], [], f"{path}: could not be read ({type(exc).__name__}: {exc}); skipped"
    items = [(article_to_tuple(a), attribution_to_tuple(extract_article(a))) for a in articles]
    return items, notes, None


def _read_chunk(paths: list[str]) -> list[tuple[list[tuple[tuple, tuple]], list[str], str | None]]:
    return [read_and_extract(path) for path in paths]


def _with_path(article: Article, path: str) -> Article:
    """A cached article re-labelled with the path it was loaded by this time."""
    head, sep, tail = article.path.partition("#")
    wanted = f"{path}{sep}{tail}"
    return article if article.path == wanted else replace(article, path=wanted)


def load_batches(
    paths: Iterable[Path | str] | None,
    cache: ParseCache | None = None,
    *,
    executor: Executor | None = None,
) -> Iterator[Batch]:
    """Yield the corpus in batches (see the module docstring).

    With an ``executor`` (see :func:`start_workers`) files are read in worker
    processes; without one, in the calling thread.
    """
    listing_warnings: list[str] = []
    files = article_files(paths, listing_warnings)
    total = len(files)
    seen: dict[str, str] = {}
    done = 0

    def accept(batch: Batch, items: Iterable[tuple[Article, Attribution]]) -> None:
        for article, attribution in items:
            if article.id in seen:
                batch.warnings.append(repeat_warning(article.path, seen[article.id]))
                continue
            seen[article.id] = article.path
            batch.items.append((article, attribution))

    def take(path: Path, stat, result) -> Batch:
        items_t, notes, error = result
        batch = Batch(warnings=list(notes))
        if error:
            batch.warnings.append(error)
            return batch
        if cache is not None and stat is not None:
            cache.put(path, stat[0], stat[1], items_t)
        items = []
        for article_t, attribution_t in items_t:
            article = article_from_tuple(article_t)
            items.append((article, attribution_from_tuple(attribution_t, article.source)))
        accept(batch, items)
        return batch

    # What the cache knows, then the first few files here, then the rest in workers.
    first = Batch(warnings=listing_warnings)
    if cache is not None:
        for note in cache.notes:
            first.warnings.append(note)
    misses: list[tuple[Path, tuple[int, int] | None]] = []
    for path in files:
        stat = _stat(path)
        cached = cache.get(path, *stat) if cache is not None and stat is not None else None
        if cached is None:
            misses.append((path, stat))
            continue
        accept(first, ((_with_path(a, str(path)), q) for a, q in cached))
        done += 1
    now, later = misses[:FIRST_FILES], misses[FIRST_FILES:]
    for path, stat in now:
        got = take(path, stat, read_and_extract(str(path)))
        first.items.extend(got.items)
        first.warnings.extend(got.warnings)
        done += 1
    first.done, first.total = done, total
    yield first

    if not later:
        _finish(cache)
        return
    chunks = [later[i : i + CHUNK] for i in range(0, len(later), CHUNK)]
    for chunk, chunk_results in zip(chunks, _results(executor, chunks)):
        batch = Batch()
        for (path, stat), result in zip(chunk, chunk_results):
            got = take(path, stat, result)
            batch.items.extend(got.items)
            batch.warnings.extend(got.warnings)
        done += len(chunk)
        batch.done, batch.total = done, total
        yield batch
    _finish(cache)


def _results(executor: Executor | None, chunks: list[list[tuple[Path, object]]]) -> Iterator[list]:
    """Each chunk's results in order: from the workers, or here if they fail."""
    names = [[str(p) for p, _ in chunk] for chunk in chunks]
    done = 0
    if executor is not None:
        try:
            for result in executor.map(_read_chunk, names):
                yield result
                done += 1
        except Exception as exc:  # a broken pool costs speed, never the corpus
            if executor in _stopped:
                return  # stopped on purpose: the reader is closing
            log.warning("worker processes failed (%s); reading in this process", exc)
    for chunk in names[done:]:
        yield _read_chunk(chunk)


def start_workers(files: int, workers: int | None = None) -> Executor | None:
    """Worker processes for reading ``files`` files, or None when not worth it.

    Call this before a full-screen UI takes over the terminal: the processes
    are started here, at once, so starting them never depends on the UI's
    redirected standard streams.  Shut the executor down when done.
    """
    count = workers if workers is not None else (os.cpu_count() or 1)
    if files < POOL_THRESHOLD or count < 2:
        return None
    # "spawn": the caller may have threads, and forking threads is unsafe.
    executor = ProcessPoolExecutor(
        max_workers=count, mp_context=multiprocessing.get_context("spawn"), initializer=_lower_priority
    )
    for _ in range(count):
        executor.submit(os.getpid)  # each submit while none is idle starts a process
    return executor


_stopped: weakref.WeakSet[Executor] = weakref.WeakSet()


def stop_workers(executor: Executor | None, grace: float = 0.5) -> None:
    """End the worker processes now, even in the middle of a file.

    A worker stuck on one file (a slow disk, a pathological article) must
    not keep the program alive after the reader closes: pending jobs are
    cancelled, the processes terminated (killed after ``grace`` seconds),
    and :func:`load_batches` then ends instead of reading the rest itself.
    """
    if executor is None:
        return
    _stopped.add(executor)
    processes = list((getattr(executor, "_processes", None) or {}).values())  # ProcessPoolExecutor's
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(grace)
        if process.is_alive():
            process.kill()


def give_back_memory() -> None:
    """Return freed heap memory to the system after a big build (glibc only).

    Loading, indexing and grouping stories make many short-lived objects;
    Python frees them, but the C allocator keeps the pages unless asked.
    """
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _lower_priority() -> None:
    """Workers yield the CPU to the reader itself, so keys stay quick while loading."""
    try:
        os.nice(10)
    except (AttributeError, OSError):
        pass


def _finish(cache: ParseCache | None) -> None:
    if cache is not None:
        cache.forget_missing()
