"""Timing keys in a headless app: from sending a key to the end of the last
repaint it caused, on the wall clock and in CPU time of the UI thread."""

from __future__ import annotations

import time


class Painted:
    """Records when the app last sent a screen update to the terminal (any
    screen, dialogs included): the wall clock and the UI thread's CPU clock."""

    def __init__(self, app) -> None:
        self.at = self.cpu = 0.0
        display = app._display

        def recorded(screen, renderable) -> None:
            display(screen, renderable)
            if renderable is not None:
                self.at, self.cpu = time.perf_counter(), time.thread_time()

        app._display = recorded


async def timed(pilot, painted: Painted, key: str) -> tuple[float, float]:
    """Milliseconds from sending ``key`` to the end of the last repaint it caused
    (Pilot's own wait for idleness afterwards is not counted): on the wall
    clock, and in CPU time of the UI thread (what the key cost, whatever else
    the machine is doing)."""
    start, cpu = time.perf_counter(), time.thread_time()
    painted.at = 0.0
    await pilot.press(key)
    await pilot.pause()
    if not painted.at:
        raise RuntimeError(f"{key!r} changed nothing on screen: the benchmark is not measuring it")
    return (painted.at - start) * 1000, (painted.cpu - cpu) * 1000
