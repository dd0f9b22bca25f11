"""Done means, in a real terminal: `newsreader add` of a local feed, `newsreader` shows its articles with
quotes and speakers, and `R` brings in what the feed published since."""

from __future__ import annotations

import pytest
from werkzeug import Response

from tests.support.cli import newsreader
from tests.support.paths import FIXTURES
from tests.support.terminal import NEWSREADER, TMUX, Terminal

pytestmark = pytest.mark.skipif(not (TMUX and NEWSREADER), reason="needs tmux and an installed newsreader")

LATER_ITEM = ("<item><title>Valley school gets a new library</title><link>{base}/library.html</link>"
              "<description>A library.</description></item>")


def test_add_a_feed_read_it_and_refresh_with_R(httpserver, tmp_path):
    base = httpserver.url_for("/").rstrip("/")
    feed = (FIXTURES / "feeds" / "rss20.xml").read_text(encoding="utf-8").replace("{base}", base)
    published = [feed]
    httpserver.expect_request("/rss").respond_with_handler(
        lambda request: Response(published[-1], content_type="application/rss+xml"))
    for name in ("port-reopens.html", "ferry-vote.html", "library.html"):
        httpserver.expect_request(f"/{name}").respond_with_data(
            (FIXTURES / "feeds" / name).read_bytes(), content_type="text/html; charset=utf-8")
    env = {"HOME": str(tmp_path), "NEWSREADER_DATA_DIR": str(tmp_path / "data"),
           "NEWSREADER_CACHE_DIR": str(tmp_path / "cache"), "NEWSREADER_CONFIG": str(tmp_path / "config.toml")}
    assert newsreader("add", f"{base}/rss", env=env).returncode == 0

    term = Terminal([NEWSREADER], env=env)
    try:
        screen = term.wait_for(lambda s: "Articles (2)" in s and "Port of Elwin reopens after storm" in s)
        assert screen.index("Ferry crews vote on new rota") < screen.index("Port of Elwin")  # newest first
        assert "Harbour Ledger" in screen
        term.wait_for(lambda s: "Ines Darrow" in s and "Paul Lenk" in s and "Speakers (3)" in s)  # quotes, speakers
        published.append(feed.replace("<item>", LATER_ITEM.replace("{base}", base) + "\n<item>", 1))
        term.press("R")
        term.wait_for(lambda s: "Articles (3)" in s and "Valley school gets a new library" in s)
        term.press("q")
        term.wait_for(lambda s: not term.alive())
    finally:
        term.close()
