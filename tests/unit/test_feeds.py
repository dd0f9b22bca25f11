"""Feeds read from a real HTTP server on 127.0.0.1: formats, compression, redirects, conditional GET, storage."""

from __future__ import annotations

import gzip

import pytest

from reader.corpus import read_file
from reader.feeds.fetch import Fetcher
from reader.feeds.library import Library
from reader.feeds.parse import NotAFeed, WebPage, read_feed
from reader.feeds.refresh import add, refresh
from tests.support.paths import FIXTURES

FEEDS = FIXTURES / "feeds"


@pytest.fixture
def library(tmp_path):
    with Library.open(tmp_path / "state.sqlite", tmp_path / "feeds") as opened:
        yield opened


@pytest.fixture
def fetcher():
    with Fetcher(connect_s=2, read_s=2, retry_cap=0.05) as client:
        yield client


def _articles(paths):
    return {article.title: article for path in paths for article in read_file(path)[0]}


@pytest.mark.parametrize(("name", "kind", "title", "first"), [
    ("rss20.xml", "rss20", "Harbour Ledger", "Port of Elwin reopens after storm"),
    ("atom.xml", "atom10", "Valley Courier", "Valley school gets a new library"),
    ("rdf.xml", "rss10", "Upland Post", "Old bridge to be repaired"),
])
def test_each_feed_format_gives_its_items(name, kind, title, first):
    body = (FEEDS / name).read_text(encoding="utf-8").replace("{base}", "https://news.example").encode()
    feed = read_feed(body, f"https://news.example/{name}")
    assert (feed.kind, feed.title, feed.items[0].title) == (kind, title, first)
    assert feed.items[0].url.startswith("https://news.example/")
    assert feed.items[0].date is not None and feed.items[0].date.startswith("2026-12-0")


def test_an_rss_091_feed_is_read():
    body = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old Wire</title><link>https://wire.example/</link>
    <item><title>Mill closes</title><link>https://wire.example/mill</link><description>The mill closed.</description>
    </item></channel></rss>"""
    feed = read_feed(body, "https://wire.example/rss")
    assert feed.kind.startswith("rss09") and [(i.title, i.url) for i in feed.items] == [
        ("Mill closes", "https://wire.example/mill")]


def test_an_html_page_is_not_a_feed_and_invalid_xml_says_so():
    with pytest.raises(WebPage):
        read_feed((FEEDS / "bridge.html").read_bytes(), "https://news.example/bridge.html")
    with pytest.raises(NotAFeed, match="invalid XML"):
        read_feed(b"<?xml version='1.0'?>\n<rss><channel><title>x</title><<item>", "https://news.example/rss")
    with pytest.raises(NotAFeed, match="empty"):
        read_feed(b"  \n", "https://news.example/rss")


def test_adding_a_feed_fetches_each_items_full_page(feed_site, library, fetcher):
    added = add(library, fetcher, f"{feed_site}/rss20.xml")
    assert (added.kind, added.title, len(added.added)) == ("feed", "Harbour Ledger", 2)
    articles = _articles(added.added)
    port = articles["Port of Elwin reopens after storm"]
    assert port.url == f"{feed_site}/port-reopens.html"
    assert port.outlet == "Harbour Ledger" and port.date == "2026-12-07T09:30:00Z"
    assert any("Marta Quell" in p.text for p in port.paragraphs)  # the page, not the one-line summary
    assert not any("tracking" in p.text or "Quay Street" in p.text for p in port.paragraphs)


def test_the_summary_stands_in_when_the_page_cannot_be_had(httpserver, library, fetcher):
    base = httpserver.url_for("/").rstrip("/")
    feed = (FEEDS / "rss20.xml").read_text(encoding="utf-8").replace("{base}", base)
    httpserver.expect_request("/rss").respond_with_data(feed, content_type="application/rss+xml")
    httpserver.expect_request("/port-reopens.html").respond_with_data("gone", status=404)
    httpserver.expect_request("/ferry-vote.html").respond_with_data("gone", status=500)
    added = add(library, fetcher, f"{base}/rss")
    articles = _articles(added.added)
    assert [p.text for p in articles["Ferry crews vote on new rota"].paragraphs] == [
        "Ferry crews voted on Monday on a new rota for the winter."]
    assert articles["Port of Elwin reopens after storm"].url == f"{base}/port-reopens.html"


def test_adding_an_article_page_keeps_that_one_article(feed_site, library, fetcher):
    added = add(library, fetcher, f"{feed_site}/library.html")
    assert added.kind == "page" and len(added.added) == 1
    article = _articles(added.added)["Valley school gets a new library"]
    assert article.url == f"{feed_site}/library.html"
    assert [row.kind for row in library.feeds()] == ["page"]
    assert list(refresh(library, fetcher)) == []  # a page is not a feed to refresh


def test_gzip_and_redirects_are_followed(httpserver, library, fetcher):
    base = httpserver.url_for("/").rstrip("/")
    feed = (FEEDS / "atom.xml").read_text(encoding="utf-8").replace("{base}", base)
    httpserver.expect_request("/old-feed").respond_with_data("", status=301, headers={"Location": f"{base}/feed"})
    httpserver.expect_request("/feed").respond_with_data(
        gzip.compress(feed.encode()), content_type="application/atom+xml", headers={"Content-Encoding": "gzip"})
    httpserver.expect_request("/library.html").respond_with_data(
        (FEEDS / "library.html").read_bytes(), content_type="text/html")
    added = add(library, fetcher, f"{base}/old-feed")
    assert added.title == "Valley Courier" and len(added.added) == 1


def test_a_second_refresh_asks_if_modified_and_takes_304(httpserver, library, fetcher):
    base = httpserver.url_for("/").rstrip("/")
    feed = (FEEDS / "rdf.xml").read_text(encoding="utf-8").replace("{base}", base)
    httpserver.expect_ordered_request("/rdf").respond_with_data(feed, headers={"ETag": '"v1"'})
    httpserver.expect_ordered_request("/bridge.html").respond_with_data((FEEDS / "bridge.html").read_bytes())
    httpserver.expect_ordered_request("/rdf", headers={"If-None-Match": '"v1"'}).respond_with_data("", status=304)
    add(library, fetcher, f"{base}/rdf")
    [progress] = list(refresh(library, fetcher))
    assert progress.not_modified and progress.error is None and progress.added == []
    httpserver.check_assertions()  # the second request carried If-None-Match
    assert library.feed(f"{base}/rdf").articles == 1


def test_stored_articles_come_back_when_their_copies_are_gone(feed_site, library, fetcher):
    added = add(library, fetcher, f"{feed_site}/rss20.xml")
    for path in added.added:
        path.unlink()
    assert sorted(library.sync()) == sorted(added.added)
    assert "Ferry crews vote on new rota" in _articles(added.added)


def test_removing_a_feed_forgets_its_articles_and_files(feed_site, library, fetcher):
    added = add(library, fetcher, f"{feed_site}/rss20.xml")
    assert library.remove(f"{feed_site}/rss20.xml") == 2
    assert library.feeds() == [] and library.sync() == []
    assert not any(path.exists() for path in added.added)
    assert library.remove(f"{feed_site}/rss20.xml") is None


def test_old_articles_go_at_a_refresh_but_bookmarked_ones_stay_and_none_comes_back(feed_site, tmp_path, fetcher):
    from reader.state import StateStore

    now = [1_000_000.0]
    state_file = tmp_path / "state.sqlite"
    with Library.open(state_file, tmp_path / "feeds") as opened:
        library = Library(opened.db, opened.folder, clock=lambda: now[0])
        added = add(library, fetcher, f"{feed_site}/rss20.xml")
        articles = _articles(added.added)
        keep = articles["Ferry crews vote on new rota"]
        store = StateStore(state_file)
        state, _ = store.load()
        state.set_bookmark(keep.id)
        store.save(state)
        now[0] += 30 * 86_400
        assert list(refresh(library, fetcher, keep_days=90))[0].added == []  # a month on: all kept
        assert library.feeds()[0].articles == 2
        now[0] += 61 * 86_400
        assert list(refresh(library, fetcher, keep_days=90))[0].added == []  # 91 days: the feed lists both still
        assert library.feeds()[0].articles == 1
        assert [path.exists() for path in added.added] == [article.id == keep.id for article in articles.values()]
        assert [a.title for p in library.sync() for a in read_file(p)[0]] == ["Ferry crews vote on new rota"]
        assert list(refresh(library, fetcher, keep_days=90))[0].added == []  # still listed: not fetched again
        assert library.feeds()[0].articles == 1
        now[0] += 1000 * 86_400
        assert library.expire(0) == 0 and library.feeds()[0].articles == 1  # 0: keep everything


def test_the_config_file_lists_feeds_and_a_bad_entry_is_one_message(tmp_path):
    from reader.config import load_config

    path = tmp_path / "config.toml"
    path.write_text('feeds = ["https://news.example/rss", "https://news.example/rss", "http://b.example/atom"]\n')
    config, messages = load_config(path)
    assert config.feeds == ("https://news.example/rss", "http://b.example/atom") and messages == []
    path.write_text('feeds = ["javascript:alert(1)"]\ntheme = "nord"\n')
    config, messages = load_config(path)
    assert config.feeds == () and config.theme == "nord"
    assert messages == [f"config file {path}: 'feeds' must be a list of http:// or https:// addresses; using the default"]


def test_an_older_state_database_gains_the_feed_tables_and_keeps_its_marks(tmp_path):
    from reader.state import StateStore
    from reader.store.sqlite import open_database
    from reader.store.state_db import APPLICATION_ID, MIGRATIONS

    path = tmp_path / "state.sqlite"
    open_database(path, APPLICATION_ID, MIGRATIONS[:1]).close()  # as the version before feeds left it
    store = StateStore(path)
    state, _ = store.load()
    state.set_read("article-1")
    store.save(state)
    with Library.open(path, tmp_path / "feeds") as library:
        assert library.subscribe("https://news.example/rss", "feed")
    assert StateStore(path).load()[0].read_ids() == frozenset({"article-1"})


def test_a_state_database_from_before_expiry_keeps_its_articles(tmp_path):
    from reader.store import feeds_db
    from reader.store.sqlite import open_database
    from reader.store.state_db import APPLICATION_ID, MIGRATIONS

    path = tmp_path / "state.sqlite"
    db = open_database(path, APPLICATION_ID, MIGRATIONS[:2])  # as the version with feeds, before expiry
    feeds_db.add_feed(db, "https://news.example/rss", "feed", 1.0)
    feeds_db.put_item(db, "https://news.example/rss", "https://news.example/a", "A", None, 2.0, True, "<p>Hi</p>")
    db.close()
    with Library.open(path, tmp_path / "feeds") as library:
        assert library.feeds()[0].articles == 1 and library.known() == {"https://news.example/a"}
        assert [p.name for p in library.sync()] == [p.name for p in (tmp_path / "feeds").glob("*/*.html")]



def test_requests_say_who_is_asking(httpserver, fetcher):
    from reader import __version__
    from reader.feeds.fetch import USER_AGENT

    assert USER_AGENT.startswith(f"newsreader/{__version__} (+http")
    httpserver.expect_request("/rss", headers={"User-Agent": USER_AGENT}).respond_with_data("<rss/>")
    assert fetcher.get(httpserver.url_for("/rss")).status == 200


def test_no_more_than_two_pages_are_fetched_from_one_host_at_once(library, fetcher):
    """A threaded server whose pages wait for a second request alongside them, then briefly for a third:
    with the limit, two are fetched at once and a third never joins them."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    state = threading.Condition()
    counts = {"now": 0, "most": 0}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            if self.path == "/rss":
                items = "".join(f"<item><title>Story {n}</title><link>{base}/story{n}.html</link></item>"
                                for n in range(6))
                return self._send(f"<rss version='2.0'><channel><title>Busy</title>{items}</channel></rss>")
            with state:
                counts["now"] += 1
                counts["most"] = max(counts["most"], counts["now"])
                state.notify_all()
                state.wait_for(lambda: counts["most"] >= 2, timeout=5)  # a second one alongside
                state.wait_for(lambda: counts["most"] >= 3, timeout=0.3)  # a third never comes
                counts["now"] -= 1
            return self._send("<p>short</p>")

        def _send(self, text):
            body = text.encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        add(library, fetcher, f"{base}/rss")
    finally:
        server.shutdown()
        server.server_close()
    assert counts["most"] == 2


def test_each_article_is_announced_as_soon_as_it_is_stored(feed_site, library, fetcher):
    library.subscribe(f"{feed_site}/rss20.xml", "feed")
    announced = []

    def arrived(path):
        assert path.exists()  # readable when announced
        announced.append(path)

    [progress] = list(refresh(library, fetcher, on_article=arrived))
    assert sorted(announced) == sorted(progress.added) and len(announced) == 2
    assert [read_file(path)[0][0].title for path in progress.added] == [
        "Port of Elwin reopens after storm", "Ferry crews vote on new rota"]  # the feed's order


def test_kept_articles_are_listed_feed_by_feed_newest_first(library):
    for feed in ("https://b.example/rss", "https://a.example/rss"):
        library.subscribe(feed, "feed")
    library.keep("https://a.example/rss", "https://a.example/old", "Old", "2026-12-01T08:00:00Z", True, "<p>o</p>")
    library.keep("https://a.example/rss", "https://a.example/undated", "Undated", None, True, "<p>u</p>")
    library.keep("https://b.example/rss", "https://b.example/only", "Only", "2026-11-01T08:00:00Z", True, "<p>b</p>")
    library.keep("https://a.example/rss", "https://a.example/new", "New", "2026-12-07T08:00:00Z", True, "<p>n</p>")
    assert [path.name.split("-")[0] for path in library.sync()] == ["only", "new", "old", "undated"]
