"""Where an export may go: only over a regular file the user agreed to
replace, and into a folder that exists or that the user agreed to create."""

from __future__ import annotations

import os
import re
import stat

import pytest
from textual.widgets import Input, Label

from reader.corpus import load
from reader.export import NoFolderError, NotAFileError, write_export
from reader.ui.app import NewsReaderApp
from reader.ui.screens.export import ExportScreen


def special_targets(tmp_path):
    """A symbolic link (to a file that must stay as it is), a FIFO, a folder."""
    kept = tmp_path / "kept.md"
    kept.write_text("keep me")
    link = tmp_path / "link.md"
    link.symlink_to(kept)
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.md"
    folder.mkdir()
    return kept, {"a symbolic link": link, "a named pipe (FIFO)": fifo, "a folder": folder}


def unchanged(kept, targets) -> bool:
    return (
        kept.read_text() == "keep me"
        and targets["a symbolic link"].is_symlink()
        and stat.S_ISFIFO(os.lstat(targets["a named pipe (FIFO)"]).st_mode)
        and targets["a folder"].is_dir()
    )


def test_write_export_never_replaces_what_is_not_a_regular_file(tmp_path):
    kept, targets = special_targets(tmp_path)
    for kind, target in targets.items():
        for overwrite in (False, True):
            with pytest.raises(NotAFileError, match=re.escape(f"is {kind}; it is never replaced")):
                write_export(target, "new", overwrite=overwrite, create_folder=True)
    assert unchanged(kept, targets)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder.md", "kept.md", "link.md", "pipe.md"]


def test_write_export_creates_a_missing_folder_only_when_asked(tmp_path):
    target = tmp_path / "new" / "deeper" / "quotes.md"
    with pytest.raises(NoFolderError, match="deeper does not exist"):
        write_export(target, "text")
    assert not (tmp_path / "new").exists()
    assert write_export(target, "text", create_folder=True) == target
    assert target.read_text() == "text"


async def export_to(pilot, path) -> str:
    """Type ``path`` in the open export dialog, press enter; what the dialog says."""
    app = pilot.app
    app.screen.query_one("#export-path", Input).value = str(path)
    await pilot.press("enter")
    await pilot.pause()
    if not isinstance(app.screen, ExportScreen):
        return "closed"
    return str(app.screen.query_one("#export-problem", Label).render())


async def test_the_export_dialog_refuses_links_fifos_and_folders_even_when_asked_twice(tmp_path):
    kept, targets = special_targets(tmp_path)
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        for kind, target in targets.items():
            for _ in range(2):  # enter again is not a yes here
                said = await export_to(pilot, target)
                assert said.startswith("Not written:") and f"is {kind}; it is never replaced" in said, said
        assert unchanged(kept, targets)
        assert (await export_to(pilot, tmp_path / "quotes.md")) == "closed"  # a plain new file still works
    assert (tmp_path / "quotes.md").read_text().startswith("| article |")


async def test_the_export_dialog_asks_before_creating_a_folder(tmp_path):
    target = tmp_path / "exports" / "march" / "quotes.csv"
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        said = await export_to(pilot, target)
        assert "exports/march does not exist:\npress enter again to create it" in said
        assert not (tmp_path / "exports").exists()
        await pilot.press("escape", "e")  # changed their mind, then came back
        await export_to(pilot, target)
        assert (await export_to(pilot, target)) == "closed"
    assert target.read_text().startswith("article,title,outlet")


async def test_an_xlsx_name_is_refused_with_the_formats_that_work(tmp_path):
    app = NewsReaderApp(load())
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        said = await export_to(pilot, tmp_path / "quotes.xlsx")
        assert said.startswith(".xlsx is not a format newsreader writes") and ".csv" in said
        assert not (tmp_path / "quotes.xlsx").exists()


@pytest.mark.parametrize("size", [(120, 36), (80, 24)])
async def test_the_replace_and_create_questions_fit_in_the_dialog(tmp_path, size):
    deep = tmp_path / ("a-rather-long-folder-name-" * 3) / "quotes.md"
    existing = tmp_path / "quotes.md"
    existing.write_text("old")
    app = NewsReaderApp(load())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for target, question in ((existing, "press enter again to replace it"), (deep, "press enter again to create it")):
            await pilot.press("e")
            said = await export_to(pilot, target)
            assert question in said
            box = app.screen.query_one("#export-box")
            assert app.screen.region.contains_region(box.region)
            for label in box.query(Label):  # what is exported, the formats, the question
                lines = label.render_lines(label.region.reset_offset)
                shown = "".join("".join(line.text for line in lines).split())  # long paths fold anywhere
                assert "".join(str(label.render()).split()) in shown  # all of it drawn, wrapped if need be
                assert box.region.contains_region(label.region)
            await pilot.press("escape")
