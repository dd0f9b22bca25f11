"""The reader's feed keys through Textual's Pilot, against a real feed server on 127.0.0.1."""

from __future__ import annotations

from textual.content import Content

from reader.corpus import load
from reader.feeds.library import FeedPlaces, Library
from reader.ui.app import NewsReaderApp
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane


def _app(tmp_path, *urls: str) -> NewsReaderApp:
    places = FeedPlaces(tmp_path / "state.sqlite", tmp_path / "feeds")
    with Library.open(places.state_file, places.folder) as library:
        for url in urls:
            library.subscribe(url, "feed")
    return NewsReaderApp(load(), feeds=places)  # the seeds, and feeds not fetched yet


def _titles(app: NewsReaderApp) -> list[str]:
    listing = app.query_one(ArticleList)
    return [listing.articles[article_id].title for article_id in listing.rows]


async def test_R_lists_the_new_articles_of_every_feed_and_F_shows_one_feed(feed_site, tmp_path):
    app = _app(tmp_path, f"{feed_site}/rss20.xml", f"{feed_site}/atom.xml")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        before = _titles(app)
        await pilot.press("R")
        await app.workers.wait_for_complete()
        await pilot.pause()
        after = _titles(app)
        assert after[: len(before)] == before
        assert set(after[len(before):]) == {
            "Port of Elwin reopens after storm", "Ferry crews vote on new rota", "Valley school gets a new library"}
        assert not app.query_one("#loading").display  # the progress bar went away when done
        port = next(a for a in app.corpus.articles if a.title == "Port of Elwin reopens after storm")
        assert "Marta Quell" in {quote.speaker for quote in app.attribution(port).quotes}
        hits = app.index.search("@quell", limit=5)
        assert hits and hits[0].article_id == port.id  # searchable at once

        await pilot.press("F")
        await pilot.pause()
        open_title = app.query_one(ReadingPane).article.title  # the open article stays listed
        assert set(_titles(app)) - {open_title} == {"Ferry crews vote on new rota", "Port of Elwin reopens after storm"}
        await pilot.press("F", "F")
        await pilot.pause()
        assert len(_titles(app)) == len(after)  # past the last feed: every article again


async def test_a_failing_feed_is_a_notification_and_the_reader_goes_on(feed_site, tmp_path):
    app = _app(tmp_path, "http://nonexistent.invalid/rss", f"{feed_site}/rdf.xml")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("R")
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("cannot find the server nonexistent.invalid" in m for m in messages)
        assert "Old bridge to be repaired" in _titles(app)
        assert app.return_code is None  # still running


async def test_r_on_an_article_not_from_a_feed_says_so(tmp_path):
    app = _app(tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert any("not from a feed" in str(n.message) for n in app._notifications)


HOSTILE = """<rss version="2.0"><channel><title>[b]Evil[/b] [@click=app.quit]Ledger[/] &#27;[2J</title>
<item><title>[red]Port[/red] story</title><link>{base}/port-reopens.html</link></item></channel></rss>"""


async def test_a_hostile_feed_title_is_shown_as_text_in_the_list_title(feed_site, httpserver, tmp_path):
    httpserver.expect_request("/evil.xml").respond_with_data(HOSTILE.replace("{base}", feed_site),
                                                             content_type="application/rss+xml")
    app = _app(tmp_path, f"{feed_site}/evil.xml")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("R")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("F")
        await pilot.pause()
        shown = Content.from_markup(app.query_one(ArticleList).border_title).plain  # what the border shows
        assert shown.startswith("[b]Evil[/b] [@click=app.quit]Ledger[/] ␛[2J (")
        assert app.return_code is None  # the click markup did not run


async def test_o_opens_the_article_address_in_the_browser(feed_site, tmp_path, monkeypatch):
    import webbrowser

    opened: list[str] = []

    class Browser(webbrowser.BaseBrowser):
        def open(self, url, new=0, autoraise=True):
            opened.append(url)
            return True

    monkeypatch.delenv("BROWSER", raising=False)
    monkeypatch.setattr(webbrowser, "_tryorder", None)  # registered afresh, ours first, forgotten after
    monkeypatch.setattr(webbrowser, "_browsers", {})
    webbrowser.register("newsreader-test", None, Browser("newsreader-test"), preferred=True)
    app = _app(tmp_path, f"{feed_site}/atom.xml")
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("R")
        await app.workers.wait_for_complete()
        app.open_at(next(a.id for a in app.corpus.articles if a.title == "Valley school gets a new library"))
        await pilot.press("o")
        await app.workers.wait_for_complete()
        assert opened == [f"{feed_site}/library.html"]
