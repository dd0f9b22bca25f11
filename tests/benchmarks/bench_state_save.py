"""Benchmark: what saving a big state costs the reader's keys.

Usage::

    python tests/benchmarks/bench_state_save.py [ENTRIES ...]

For each size (default 20,000 and 200,000 read marks) a state file is
written, then the reader (headless, the seed articles) changes one mark and
saves as it does every two seconds.  Printed:

- ``save``: one save as it ran on the UI thread before (``StateStore.save``),
  every key waited that long;
- ``on UI thread``: what ``save_state`` now costs the UI thread (a copy of
  the state, then the thread is started);
- ``longest stall``: the longest the event loop went without running while
  the save ran in its thread (a task that wakes every millisecond measures
  how late it is): C code such as ``json`` holds the interpreter lock for its
  whole call, so a thread does not make this zero.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.corpus import load  # noqa: E402
from reader.state import State, StateStore  # noqa: E402


def big_state(entries: int) -> State:
    state = State()
    for n in range(entries):
        state.set_read(f"{n:016x}{n * 7919:016x}", n % 3 != 0)
    return state


async def measure(entries: int, folder: Path) -> dict[str, float]:
    from reader.ui.app import NewsReaderApp

    store = StateStore(folder / f"state-{entries}.sqlite")
    state = big_state(entries)
    store.save(state)
    state.set_read("one more", True)
    start = time.perf_counter()
    store.save(state)
    results = {"save": time.perf_counter() - start}

    app = NewsReaderApp(load(), state=state, store=store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        state.set_read("and another", True)
        stalls: list[float] = []
        start = time.perf_counter()
        app.save_state()
        results["on UI thread"] = time.perf_counter() - start
        while app.workers:  # the save's thread, while the loop ticks
            before = time.perf_counter()
            await asyncio.sleep(0.001)
            stalls.append(time.perf_counter() - before)
        results["longest stall"] = max(stalls, default=0.0)
        results["in the thread"] = time.perf_counter() - start
    return results


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv[1:]] or [20_000, 200_000]
    with tempfile.TemporaryDirectory() as folder:
        for entries in sizes:
            results = asyncio.run(measure(entries, Path(folder)))
            line = ", ".join(f"{what} {seconds * 1000:,.0f} ms" for what, seconds in results.items())
            print(f"{entries:>9,} read marks: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
