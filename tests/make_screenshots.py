"""Write the README screenshots: ``python tests/make_screenshots.py``.

Drives the real app on the bundled seeds with Textual's Pilot and saves SVGs
into ``screenshots/`` with ``App.save_screenshot``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.corpus import load
from reader.ui.app import NewsReaderApp

OUT = Path(__file__).resolve().parent.parent / "screenshots"

SHOTS = {
    "reader.svg": ((120, 36), []),
    "quotes.svg": ((120, 36), ["j", "tab", "right_square_bracket"]),
    "help.svg": ((120, 36), ["question_mark"]),
    "narrow.svg": ((60, 24), []),
    "speakers.svg": ((120, 36), ["s", "w"]),
    "stories.svg": ((120, 36), ["t"]),
    "search.svg": ((120, 36), ["slash", *"balloon", "down"]),
}


async def shoot(name: str, size: tuple[int, int], keys: list[str]) -> None:
    app = NewsReaderApp(load())
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()
        app.save_screenshot(name, path=str(OUT))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, (size, keys) in SHOTS.items():
        asyncio.run(shoot(name, size, keys))
        print(OUT / name)


if __name__ == "__main__":
    main()
