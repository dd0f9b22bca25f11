"""Loading a corpus in batches, for a reader that opens before loading ends.

:func:`load_batches` lists the files, serves what the parse cache already
knows, reads the first few files at once (so something is readable within a
moment) and hands the rest to worker processes, which clean the articles and
extract their quotes on every core without holding up the caller.  It
yields :class:`Batch` records in file order as they complete; the caller
(the app's loading thread, or a benchmark) adds them to its list and index.
"""

from __future__ import annotations

import ctypes
import gc
import hashlib
import logging
import multiprocessing
import os
import weakref
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path

from reader.cache import ParseCache, content_hash
from reader.corpus import ArticleError, article_files, read_file, repeat_warning
from reader.gcpause import collector_paused
from reader.model import Article, Attribution
from reader.records import article_from_tuple, article_to_tuple, attribution_from_tuple, attribution_to_tuple

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
    # What every article so far is made of: each one's path and content id, and
    # its file's content hash, in order.  With the extraction rules it fixes the
    # articles and quotes, so it keys what is built from them (the search index).
    corpus_key: str = ""


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def read_and_extract(path: str) -> tuple[list[tuple[tuple, tuple]], list[str], str | None, str]:
    """One file's articles and quotes as plain tuples, its notes, an error,
    and the hash of its bytes (for the parse cache).

    Runs in worker processes, so it takes and returns only plain data.
    """
    from reader.attribution import extract_article  # here: a warm start that parses nothing never loads it

    try:
        articles, notes = read_file(path)
    except ArticleError as exc:
        return [], [], f"{path}: {exc}; skipped", ""
    except Exception as exc:  # a bug must cost one file, not the corpus
        return [], [], f"{path}: could not be read ({type(exc).__name__}: {exc}); skipped", ""
    items = [(article_to_tuple(a), attribution_to_tuple(extract_article(a))) for a in articles]
    return items, notes, None, content_hash(path)


def _read_chunk(paths: list[str]) -> list[tuple[list[tuple[tuple, tuple]], list[str], str | None, str]]:
    return [read_and_extract(path) for path in paths]


def _with_path(article: Article, path: str) -> Article:
    """A cached article re-labelled with the path it was loaded by this time."""
    head, sep, tail = article.path.partition("#")
    wanted = f"{path}{sep}{tail}"
    return article if article.path == wanted else replace(article, path=wanted)


@dataclass
class _FileResult:
    """What one file gave: its articles and quotes, or the warnings instead."""

    number: int  # its place in the listing
    items: list[tuple[Article, Attribution]]
    warnings: list[str]
    digest: str = ""  # the hash of the file's bytes


def _file_results(files: list[Path], cache: ParseCache | None,
                  executor: Executor | Callable[[int], Executor | None] | None, defer: bool = True,
                  ) -> Iterator[tuple[list[_FileResult], int]]:
    """Every file's result, in groups, with the count of files handled so far:
    first the cached files and the first :data:`FIRST_FILES` others, then the
    rest read by the workers, a chunk at a time (``executor`` may be a
    function of the number of files left, like :func:`start_workers`).
    ``defer``: the cached files' quotes are read after the first group
    (:meth:`ParseCache.finish`), so that it can be listed at once."""
    stats = [_stat(path) for path in files]
    first: list[_FileResult] = []
    misses: list[int] = []
    with collector_paused():
        if cache is None:
            misses.extend(range(len(files)))
        else:
            cached = cache.lookup(list(zip(files, stats, strict=False)), defer=defer)
            for n, (path, items) in enumerate(zip(files, cached, strict=False)):
                if items is None:
                    misses.append(n)
                else:
                    first.append(
                        _FileResult(
                            n,
                            [(_with_path(a, str(path)), q) for a, q in items],
                            [],
                            cache.digests.get(cache.key(path), ""),
                        )
                    )

    def take(n: int, result) -> _FileResult:
        items_t, notes, error, digest = result
        if error:
            return _FileResult(n, [], [*notes, error])
        stat = stats[n]
        if cache is not None and stat is not None:
            cache.put(files[n], stat[0], stat[1], items_t, digest)
        items = []
        for article_t, attribution_t in items_t:
            article = article_from_tuple(article_t)
            items.append((article, attribution_from_tuple(attribution_t, article.source)))
        return _FileResult(n, items, list(notes), digest)

    now, later = misses[:FIRST_FILES], misses[FIRST_FILES:]
    first.extend(take(n, read_and_extract(str(files[n]))) for n in now)
    done = len(files) - len(later)
    yield first, done
    if cache is not None:
        with collector_paused():
            cache.finish()  # the quotes of the cached articles, now that they are listed
    if callable(executor):
        executor = executor(len(later))
    chunks = [later[i : i + CHUNK] for i in range(0, len(later), CHUNK)]
    for chunk, chunk_results in zip(chunks, _results(executor, [[files[n] for n in c] for c in chunks]), strict=False):
        done += len(chunk)
        yield [take(n, result) for n, result in zip(chunk, chunk_results, strict=False)], done
    if cache is not None:
        cache.forget_missing({cache.key(path) for path, stat in zip(files, stats, strict=False) if stat is not None})


class _Accepter:
    """Keeps the first article of each text; a later one with the same id is a repeat."""

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}
        self.key = hashlib.sha1()  # Batch.corpus_key

    def add(self, batch: Batch, result: _FileResult) -> None:
        batch.warnings.extend(result.warnings)
        for article, attribution in result.items:
            if article.id in self.seen:
                batch.warnings.append(repeat_warning(article.path, self.seen[article.id]))
                continue
            self.seen[article.id] = article.path
            batch.items.append((article, attribution))
            self.key.update(f"{article.path}\0{article.id}\0{result.digest}\n".encode("utf-8", "surrogatepass"))


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
    accepter = _Accepter()
    first = True
    for results, done in _file_results(files, cache, executor):
        batch = Batch(done=done, total=len(files))
        if first:
            batch.warnings.extend(listing_warnings)
            batch.warnings.extend(cache.notes if cache is not None else ())
            first = False
        for result in results:
            accepter.add(batch, result)
        batch.corpus_key = accepter.key.hexdigest()
        yield batch
    if cache is not None:
        warning = cache.save()
        if warning:
            log.warning(warning)


def load_all(paths: Iterable[Path | str] | None, cache: ParseCache | None = None, *, workers: bool = False) -> Batch:
    """The whole corpus at once, in file order whatever came from the cache:
    the same articles, warnings and repeats as reading every file afresh
    (:func:`reader.corpus.load` plus quotes), only faster.  With ``workers``,
    worker processes read the files not cached, if there are enough of them.

    >>> from reader.corpus import seeds_dir
    >>> corpus = load_all(None)
    >>> corpus.done == corpus.total == len(corpus.items) == 2
    True
    """
    warnings: list[str] = []
    files = article_files(paths, warnings)
    results: list[_FileResult] = []
    done = 0
    started: list[Executor | None] = []

    def start(count: int) -> Executor | None:
        started.append(start_workers(count) if workers else None)
        return started[-1]

    try:
        for group, read_so_far in _file_results(files, cache, start, defer=False):
            results.extend(group)
            done = read_so_far
    finally:
        for executor in started:
            stop_workers(executor)
    results.sort(key=lambda result: result.number)
    batch = Batch(warnings=warnings, done=done, total=len(files))
    accepter = _Accepter()
    with collector_paused():
        for result in results:
            accepter.add(batch, result)
    batch.corpus_key = accepter.key.hexdigest()
    return batch


def _results(executor: Executor | None, chunks: list[list[Path]]) -> Iterator[list]:
    """Each chunk's results in order: from the workers, or here if they fail."""
    names = [[str(p) for p in chunk] for chunk in chunks]
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
            process.join(5)  # a killed process goes at once, but a busy machine may take a moment to reap it


def give_back_memory() -> None:
    """Return freed heap memory to the system after a big build (glibc only).

    Loading, indexing and grouping stories make many short-lived objects;
    Python frees them, but the C allocator keeps the pages unless asked.
    """
    gc.collect()
    with suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _lower_priority() -> None:
    """Workers yield the CPU to the reader itself, so keys stay quick while loading."""
    with suppress(AttributeError, OSError):
        os.nice(10)
