"""Every way a feed can fail is a one-line message, recorded for `newsreader feeds`, and the other feeds still refresh.

Servers are real, on 127.0.0.1; the one name that must fail to resolve is under .invalid (RFC 6761), which
the fetcher never sends to a DNS server.
"""

from __future__ import annotations

import socket
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from werkzeug import Response

from reader.feeds.fetch import Fetcher, FetchError
from reader.feeds.library import Library
from reader.feeds.refresh import add, refresh
from tests.support.paths import FIXTURES

FEEDS = FIXTURES / "feeds"


@pytest.fixture
def library(tmp_path):
    with Library.open(tmp_path / "state.sqlite", tmp_path / "feeds") as opened:
        yield opened


def _fetcher(**kwargs) -> Fetcher:
    options = {"connect_s": 2, "read_s": 2, "retry_cap": 0.05} | kwargs
    return Fetcher(**options)


def _fails(url: str, **kwargs) -> str:
    with _fetcher(**kwargs) as fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(url)
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    return message


@pytest.mark.parametrize("url", ["http://[::1/feed", "http://:80/feed", "http:///feed"])
def test_a_malformed_address_is_a_message(url):
    assert _fails(url).startswith(("not a valid address", "not an http:// or https:// address"))


def test_an_unresolvable_name_fails_at_once():
    assert _fails("http://nonexistent.invalid/feed.xml") == "cannot find the server nonexistent.invalid (no such name)"


@pytest.mark.parametrize(("status", "words"), [(404, "HTTP 404 Not Found"), (500, "HTTP 500 Internal Server Error")])
def test_http_errors_name_the_status(httpserver, status, words):
    httpserver.expect_request("/feed").respond_with_data("no", status=status)
    assert _fails(httpserver.url_for("/feed")) == words


def test_a_slow_server_times_out(httpserver):
    release = threading.Event()

    def slow(request):
        release.wait(10)  # holds the response until the client has given up
        return Response("<rss/>")

    httpserver.expect_request("/slow").respond_with_handler(slow)
    try:
        assert "timed out" in _fails(httpserver.url_for("/slow"), read_s=0.3)
    finally:
        release.set()


def test_tls_to_a_plain_http_port_is_a_tls_error(httpserver):
    httpserver.expect_request("/feed").respond_with_data("<rss/>")
    url = httpserver.url_for("/feed").replace("http://", "https://")
    assert _fails(url).startswith("TLS error talking to 127.0.0.1")


def test_a_closed_port_is_refused():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # free: nothing listens once closed
    assert _fails(f"http://127.0.0.1:{port}/feed") == f"connection refused by 127.0.0.1:{port}"


def test_a_50_mb_response_is_refused_without_reading_it_all(httpserver):
    sent = []

    def endless():
        for _ in range(50):
            sent.append(1)
            yield b"<" * (1024 * 1024)

    httpserver.expect_request("/big").respond_with_response(Response(endless(), content_type="application/xml"))
    declared = Response(iter([b"<" * 1024]), headers={"Content-Length": str(50 << 20)})  # says 50 MB are coming
    httpserver.expect_request("/declared").respond_with_response(declared)
    assert _fails(httpserver.url_for("/big")) == "response is over the 10 MB limit; refused"
    assert len(sent) < 50
    assert _fails(httpserver.url_for("/declared")) == "response of 50 MB is over the 10 MB limit; refused"


def test_429_is_tried_again_after_retry_after(httpserver):
    waits: list[float] = []
    httpserver.expect_ordered_request("/feed").respond_with_data("", status=429, headers={"Retry-After": "7"})
    httpserver.expect_ordered_request("/feed").respond_with_data("<rss/>", content_type="application/xml")
    with _fetcher(retry_cap=30, sleep=waits.append) as fetcher:
        assert fetcher.get(httpserver.url_for("/feed")).body == b"<rss/>"
    assert waits == [7.0]


def test_503_twice_gives_up_with_a_capped_wait(httpserver):
    waits: list[float] = []
    httpserver.expect_request("/feed").respond_with_data("", status=503, headers={"Retry-After": "3600"})
    assert _fails(httpserver.url_for("/feed"), retry_cap=5, sleep=waits.append) == "HTTP 503 Service Unavailable"
    assert waits == [5]


def test_a_web_page_or_invalid_xml_where_a_feed_was_is_recorded(httpserver, library):
    base = httpserver.url_for("/").rstrip("/")
    library.subscribe(f"{base}/now-a-page", "feed")
    library.subscribe(f"{base}/broken", "feed")
    httpserver.expect_request("/now-a-page").respond_with_data((FEEDS / "bridge.html").read_bytes(),
                                                               content_type="text/html")
    httpserver.expect_request("/broken").respond_with_data(b"<?xml version='1.0'?><rss><channel><<", content_type="text/xml")
    with _fetcher() as fetcher:
        errors = [progress.error for progress in refresh(library, fetcher)]
    assert errors[0] == "the address now gives a web page, not a feed"
    assert errors[1].startswith("is not a valid feed (invalid XML: not well-formed")
    assert [row.last_error for row in library.feeds()] == errors


def test_one_failing_feed_does_not_stop_the_others(feed_site, httpserver, library):
    httpserver.expect_request("/missing.xml").respond_with_data("", status=404)
    library.subscribe("http://nonexistent.invalid/rss", "feed")
    library.subscribe(f"{feed_site}/missing.xml", "feed")
    library.subscribe(f"{feed_site}/atom.xml", "feed")
    with _fetcher() as fetcher:
        progress = list(refresh(library, fetcher))
    assert [p.done for p in progress] == [1, 2, 3] and progress[-1].total == 3
    assert [bool(p.error) for p in progress] == [True, True, False]
    assert len(progress[2].added) == 1
    rows = {row.url: row for row in library.feeds()}
    assert rows[f"{feed_site}/atom.xml"].last_error is None and rows[f"{feed_site}/atom.xml"].articles == 1
    assert "HTTP 404" in rows[f"{feed_site}/missing.xml"].last_error


def test_adding_a_failing_address_adds_nothing(feed_site, httpserver, library):
    httpserver.expect_request("/missing.xml").respond_with_data("", status=404)
    with _fetcher() as fetcher, pytest.raises(FetchError):
        add(library, fetcher, f"{feed_site}/missing.xml")
    assert library.feeds() == []


HOSTILE_FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>[bold red]Evil[/] &#27;]0;owned&#7; Ledger &#27;[2J</title>
<item><title>[link=http://evil.example]Click[/link] &#27;[31mred</title><link>{base}/evil.html</link>
<description>A summary with [reverse]markup[/] and &#27;[5m blinking.</description></item>
</channel></rss>"""


def test_escape_sequences_and_markup_in_a_feed_are_shown_not_obeyed(httpserver):
    from tests.support.cli import newsreader

    base = httpserver.url_for("/").rstrip("/")
    httpserver.expect_request("/rss").respond_with_data(HOSTILE_FEED.replace("{base}", base),
                                                        content_type="application/rss+xml")
    httpserver.expect_request("/evil.html").respond_with_data("nope", status=404)
    added = newsreader("add", f"{base}/rss")
    assert added.returncode == 0, added.stderr
    for result in (added, newsreader("feeds"), newsreader("quotes"), newsreader("search", "summary")):
        out = result.stdout + result.stderr
        assert "\x1b" not in out and "\x07" not in out
    assert "[bold red]Evil[/]" in newsreader("feeds").stdout  # markup shown as typed


_PIECES = ["<rss version='2.0'>", "<channel>", "<title>", "</title>", "<item>", "</item>", "<link>", "</link>",
           "https://news.example/a", "<feed xmlns='http://www.w3.org/2005/Atom'>", "<entry>", "<![CDATA[", "]]>",
           "&amp;", "&#27;", "&bogus;", "<!DOCTYPE x [<!ENTITY a 'aaaa'>]>", "&a;", "<html>", "\x00", "\x1b[2J",
           "<?xml version='1.0' encoding='utf-16'?>", "é", "</channel></rss>", "<description>", "<"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=20), max_size=30), st.binary(max_size=40))
def test_any_document_is_a_feed_or_a_one_line_refusal(pieces, noise):
    """Whatever comes back from a server: items with web addresses and one-line titles, or NotAFeed."""
    from reader.feeds.parse import NotAFeed, read_feed

    body = "".join(pieces).encode("utf-8", "surrogatepass") + noise
    try:
        feed = read_feed(body, "https://news.example/rss")
    except NotAFeed as refusal:
        assert "\n" not in str(refusal)
        return
    assert "\n" not in feed.title
    for item in feed.items:
        assert item.url.startswith(("http://", "https://")) and "\n" not in item.title
