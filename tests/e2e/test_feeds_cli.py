"""`newsreader add`, `feeds`, `refresh`, `remove` and the fetched articles in `quotes`, run as a user runs them."""

from __future__ import annotations

import json

from tests.support.cli import newsreader


def test_add_then_feeds_then_quotes_on_the_fetched_articles(feed_site):
    added = newsreader("add", f"{feed_site}/rss20.xml")
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "subscribed to 'Harbour Ledger': 2 new articles"

    listed = newsreader("feeds", "--json")
    assert listed.returncode == 0
    [feed] = [json.loads(line) for line in listed.stdout.splitlines()]
    assert (feed["url"], feed["title"], feed["articles"], feed["last_error"]) == (
        f"{feed_site}/rss20.xml", "Harbour Ledger", 2, None)
    assert feed["last_fetch"]

    quotes = newsreader("quotes", "--json")
    assert quotes.returncode == 0, quotes.stderr
    records = [json.loads(line) for line in quotes.stdout.splitlines()]
    said = {(r["speaker"], r["title"]) for r in records}
    assert ("Marta Quell", "Port of Elwin reopens after storm") in said
    assert ("Paul Lenk", "Ferry crews vote on new rota") in said
    assert {r["url"] for r in records} == {f"{feed_site}/port-reopens.html", f"{feed_site}/ferry-vote.html"}


def test_refresh_reports_each_failing_feed_in_one_line(feed_site, httpserver, tmp_path):
    httpserver.expect_request("/gone.xml").respond_with_data("", status=404)
    config = tmp_path / "config.toml"
    config.write_text(f'feeds = ["{feed_site}/atom.xml", "{feed_site}/gone.xml"]\n', encoding="utf-8")
    result = newsreader("refresh", "--config", str(config))
    assert result.returncode == 0  # one of two worked
    assert result.stdout.strip() == "2 feeds refreshed, 1 new article, 1 failed"
    assert result.stderr.strip() == f"newsreader: {feed_site}/gone.xml: HTTP 404 Not Found"
    table = newsreader("feeds", "--config", str(config)).stdout
    assert "HTTP 404 Not Found" in table and "Valley Courier" in table

    removed = newsreader("remove", f"{feed_site}/atom.xml", "--config", str(config))
    assert removed.returncode == 0 and "its 1 article" in removed.stdout
    assert "config file" in removed.stderr  # it would come back from the config


def test_refresh_fails_when_every_feed_fails(tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('feeds = ["http://nonexistent.invalid/rss"]\n', encoding="utf-8")
    result = newsreader("refresh", "--config", str(config))
    assert result.returncode == 1
    assert "cannot find the server nonexistent.invalid" in result.stderr
    assert "Traceback" not in result.stderr


def test_adding_what_cannot_be_had_is_a_message(feed_site, httpserver):
    httpserver.expect_request("/broken.xml").respond_with_data("<rss><channel><<", content_type="text/xml")
    for url, words in ((f"{feed_site}/broken.xml", "is not a valid feed"),
                       ("http://nonexistent.invalid/", "cannot find the server")):
        result = newsreader("add", url)
        assert result.returncode == 1 and words in result.stderr and "Traceback" not in result.stderr
    bad = newsreader("add", "file:///etc/passwd")
    assert bad.returncode == 2 and "not an http:// or https:// address" in bad.stderr
    assert newsreader("feeds").stdout.startswith("no feeds yet")


def test_an_article_page_is_added_as_one_article(feed_site):
    result = newsreader("add", f"{feed_site}/bridge.html")
    assert result.returncode == 0 and result.stdout.strip() == "added the article 'Old bridge to be repaired'"
    speakers = newsreader("speakers", "--json")
    assert "Karl Oster" in {json.loads(line)["name"] for line in speakers.stdout.splitlines()}


def test_a_state_database_that_cannot_be_used_is_one_line(tmp_path, feed_site):
    data = tmp_path / "data"
    (data / "state.sqlite").mkdir(parents=True)  # a folder where the database should be
    env = {"NEWSREADER_DATA_DIR": str(data)}
    for args in (("feeds",), ("add", f"{feed_site}/rss20.xml"), ("refresh",), ("remove", f"{feed_site}/rss20.xml")):
        result = newsreader(*args, env=env)
        assert result.returncode == 1, args
        assert result.stderr.count("\n") == 1 and "is a folder, not a regular file" in result.stderr, args


def test_show_fetches_an_article_address_and_refuses_a_feed(feed_site):
    result = newsreader("show", "--format", "json", f"{feed_site}/port-reopens.html")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert (record["path"], record["title"], record["url"]) == (
        f"{feed_site}/port-reopens.html", "Port of Elwin reopens after storm", f"{feed_site}/port-reopens.html")
    assert "Marta Quell" in record["body"] and "Quay Street" not in record["body"]
    feed = newsreader("show", f"{feed_site}/rss20.xml")
    assert feed.returncode == 1 and "is a feed, not an article (newsreader add subscribes to it)" in feed.stderr
