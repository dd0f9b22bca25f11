"""``newsreader show`` as a user runs it: a child process, JSON Lines on stdout."""

from __future__ import annotations

import json

from tests.support.cli import newsreader


def test_show_json_from_the_shell(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Port shut</title></head><body><article>"
        "<p>The port of Elwin closed on Monday as the storm reached the coast, officials said.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    done = newsreader("show", "--format", "json", str(page))
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["title"] == "Port shut"
    assert record["body"] == "The port of Elwin closed on Monday as the storm reached the coast, officials said."
