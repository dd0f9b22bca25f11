"""HTML pages and JSON Lines files read into clean articles."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cleaning import article_id
from reader.formats import HTML_SUFFIXES, JSONL_SUFFIXES, parse_html, parse_jsonl
from reader.model import Caption
from tests.support.paths import FIXTURES

FORMATS = FIXTURES / "formats"


def read(name: str) -> str:
    return (FORMATS / name).read_text(encoding="utf-8")


def texts(article) -> list[str]:
    return [p.text for p in article.paragraphs]


def assert_offsets(article) -> None:
    for p in article.paragraphs:
        assert article.source[p.start : p.end] == p.text


def page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


STORY = (
    "<p>The first paragraph of the story is long enough to read as prose, with a full stop.</p>"
    "<p>The second paragraph of the story carries on in the same way, also ending properly.</p>"
)


def test_suffixes():
    assert HTML_SUFFIXES == (".html", ".htm")
    assert JSONL_SUFFIXES == (".jsonl", ".ndjson")


# --- a saved news page ---------------------------------------------------------------

HARBOUR_STORY = [
    "Porthmere’s harbour council voted 7–4 on Wednesday night to build a £12 million flood wall, "
    "ending a year of argument over how to protect the low-lying quay from winter storms.",
    "“We cannot keep pumping out the same cellars every January,” said council leader Jenny Marsh, "
    "who proposed the plan. “This wall buys the town fifty years.”",
    "Opponents, led by the fishermen’s co-operative, argued that the 3-metre wall would cut the quay "
    "off from the sea and drive away the visitors who keep its cafés open.",
    "What happens next",
    "Construction is due to start in September and take two years. The council says it will hold "
    "drop-in sessions at the harbour office before the design is finalised.",
    "“It is the biggest decision this council has made in a generation,” said Ahmed Rahman, "
    "the co-operative’s chairman.",
    "Rahman said the co-operative would ask the county to review the decision & consider a lower, "
    "glass-topped design instead.",
]


def test_news_page_metadata():
    article = parse_html(read("harbour_page.html"), "saved/harbour_page.html")
    assert article.path == "saved/harbour_page.html"
    assert article.title == "Harbour council approves flood wall after heated debate"  # " | The Coastal Courier" gone
    assert article.outlet == "The Coastal Courier"
    assert article.outlet_label == "The Coastal Courier"
    assert article.byline == "Maria Okafor"
    assert article.date == "2024-03-14T18:05:00Z"
    assert article.section == "Local"


def test_news_page_story_in_order_and_nothing_else():
    article = parse_html(read("harbour_page.html"), "harbour_page.html")
    assert texts(article) == HARBOUR_STORY
    for clutter in (
        "cookies",  # cookie banner
        "Accept all",
        "Skip to main content",
        "Sport",  # navigation
        "Subscribe",
        "Advertisement",
        "loadAd",  # scripts
        "dataLayer",
        "Share on",
        "WhatsApp",
        "Related stories",
        "Storm Ciarán",
        "newsletter",
        "Sign up",
        "About time too",  # comments
        "Most read",
        "premium",
        "Tracking pixel",
        "All rights reserved",
        "Privacy policy",
        "By Maria Okafor",
        "March 14, 2024",
        "Residents watch",  # the caption is a caption, not a paragraph
    ):
        assert clutter not in article.source, clutter


def test_news_page_entities_decoded():
    article = parse_html(read("harbour_page.html"))
    assert "£12 million" in article.source
    assert "&pound;" not in article.source and "&amp;" not in article.source and "&rsquo;" not in article.source
    assert "review the decision & consider" in article.source


def test_news_page_caption_and_credit():
    article = parse_html(read("harbour_page.html"))
    assert article.captions == (
        Caption("Residents watch as waves break over the old harbour wall in Porthmere on Tuesday.", "Tom Reed/Coastal Courier"),
    )


def test_news_page_offsets_point_into_the_extracted_text():
    article = parse_html(read("harbour_page.html"))
    assert article.source.startswith(article.title + "\n\n")
    assert article.source == "\n\n".join([article.title, *HARBOUR_STORY])
    assert_offsets(article)


def test_id_is_the_extracted_text_hash_and_ignores_page_chrome():
    html = read("harbour_page.html")
    article = parse_html(html, "a.html")
    assert article.id == article_id(article.source)
    assert parse_html(html, "elsewhere/b.html").id == article.id
    resaved = html.replace("loadAd('mid-article')", "loadAd('mid-article-v2')").replace(
        "Lifeboat crew rescue paddleboarder", "Cliff path closed after landslip"
    )
    assert resaved != html
    assert parse_html(resaved).id == article.id
    edited = html.replace("fifty years", "forty years")
    assert parse_html(edited).id != article.id


# --- a page without <article> ---------------------------------------------------------

MILL_STORY = [
    "The old corn mill at Lower Brook, empty since 1998, reopened on Saturday as a bakery and café, "
    "with a queue stretching back to the bridge before the doors opened at eight.",
    "Owners Priya and Dan Cole spent three years restoring the building, including the 1850 water wheel, "
    "which now turns again and powers the stone that grinds their flour.",
    '"People kept telling us it was a ruin," Priya Cole said. "We wanted to prove you could make it work again."',
    "The couple have hired nine staff, most of them from the village, and plan evening baking classes from the spring.",
]


def test_page_without_article_finds_the_story_container():
    article = parse_html(read("no_article.htm"), "no_article.htm")
    assert article.title == "Valley mill reopens as bakery"
    assert article.outlet == "Valley Gazette"
    assert article.byline == "Sam Whitley"
    assert article.date == "2023-11-02"
    assert texts(article) == MILL_STORY
    for clutter in ("Home", "Archive", "Advertise", "Share this", "Read more", "Lower Brook bridge", "Copyright"):
        assert clutter not in article.source, clutter
    assert_offsets(article)


# --- metadata rules --------------------------------------------------------------------


def test_title_prefers_og_then_twitter_then_h1_then_title_tag():
    h1 = "<article><h1>Headline from h1</h1>" + STORY + "</article>"
    title = "<title>Title tag - The Site</title><meta property='og:site_name' content='The Site'>"
    og = "<meta property='og:title' content='Headline from og'>"
    tw = "<meta name='twitter:title' content='Headline from twitter'>"
    assert parse_html(page(h1, title + og + tw)).title == "Headline from og"
    assert parse_html(page(h1, title + tw)).title == "Headline from twitter"
    assert parse_html(page(h1, title)).title == "Headline from h1"
    assert parse_html(page(STORY, title)).title == "Title tag"


def test_site_suffix_only_stripped_when_it_is_the_site_name():
    head = "<meta property='og:site_name' content='Daily Bugle'>"
    assert parse_html(page(STORY, head + "<title>Mayor resigns | Daily Bugle</title>")).title == "Mayor resigns"
    assert parse_html(page(STORY, head + "<title>Mayor resigns – Daily Bugle</title>")).title == "Mayor resigns"
    assert parse_html(page(STORY, head + "<title>Spider-Man - the sequel</title>")).title == "Spider-Man - the sequel"
    assert parse_html(page(STORY, "<title>Mayor resigns | Daily Bugle</title>")).title == "Mayor resigns | Daily Bugle"


def test_h1_in_the_site_header_is_not_the_title():
    body = "<header><h1>The Site Logo</h1></header><article><h1>Real headline here</h1>" + STORY + "</article>"
    assert parse_html(page(body)).title == "Real headline here"


def test_json_ld_fills_outlet_byline_date_and_section():
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "ignored"},
            {
                "@type": "NewsArticle",
                "headline": "Headline from JSON-LD",
                "author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Bo Chan"}],
                "publisher": {"@type": "Organization", "name": "Harbour Herald"},
                "datePublished": "2024-01-02",
                "articleSection": ["Science"],
            },
        ],
    }
    head = f"<script type='application/ld+json'>{json.dumps(ld)}</script>"
    article = parse_html(page("<article>" + STORY + "</article>", head))
    assert (article.title, article.outlet, article.byline, article.date, article.section) == (
        "Headline from JSON-LD",
        "Harbour Herald",
        "Ann Lee and Bo Chan",
        "2024-01-02",
        "Science",
    )


def test_byline_and_date_from_the_page_when_meta_is_missing():
    body = (
        "<aside class='related'><span class='author'>By Someone Else</span><time datetime='1999-01-01'>old</time></aside>"
        "<article><div class='byline'>By <a rel='author' href='/x'>Jo Bloggs</a></div>"
        "<time datetime='2024-05-06T07:00:00Z'>6 May</time>" + STORY + "</article>"
    )
    head = "<meta property='article:author' content='https://facebook.com/someone'>"
    article = parse_html(page(body, head))
    assert article.byline == "Jo Bloggs"
    assert article.date == "2024-05-06T07:00:00Z"


def test_hidden_elements_and_clutter_classes_dropped():
    body = (
        "<article>"
        "<div hidden><p>Hidden by attribute, this paragraph should never be read by anyone.</p></div>"
        "<div aria-hidden='true'><p>Hidden from readers, this paragraph should never be read either.</p></div>"
        "<p style='display: none'>Hidden by style, this paragraph should never be read by anyone.</p>"
        "<span class='sr-only'>Screen reader only</span>"
        "<div class='adContainer'><p>A camelCase ad container with a long enough sentence in it.</p></div>"
        "<div id='dfp-slot-3'><p>A numbered ad slot with enough words in it to be a paragraph.</p></div>"
        "<div class='shadow-box leading download'><p>Kept: shadow, leading and download are not ads at all.</p></div>"
        + STORY
        + "</article>"
    )
    article = parse_html(page(body, "<title>Clutter test</title>"))
    assert texts(article)[0] == "Kept: shadow, leading and download are not ads at all."
    for hidden in ("Hidden", "Screen reader", "camelCase", "numbered ad slot"):
        assert hidden not in article.source


def test_a_wrapper_with_a_clutter_word_is_kept_when_it_holds_the_story():
    body = "<div id='main-with-sidebar' class='has-ads'>" + STORY + "</div><div class='ad'><p>Buy things.</p></div>"
    article = parse_html(page(body, "<title>Wrapped story</title>"))
    assert len(article.paragraphs) == 2
    assert "Buy things" not in article.source


def test_lists_quotes_headings_and_line_breaks():
    body = (
        "<article><h1>Title of the piece</h1>" + STORY + "<h3>Key points</h3><ul><li>Point one</li><li>Point two<li>Point three</ul>"
        "<blockquote>Quoted words from a letter to the editor, set apart.</blockquote>"
        "<p>An address<br>12 High Street<br/>Porthmere</p><h5>Tags: harbour</h5>" + STORY + "</article>"
    )
    article = parse_html(page(body))
    assert texts(article)[2:-2] == [
        "Key points",
        "Point one",
        "Point two",
        "Point three",
        "Quoted words from a letter to the editor, set apart.",
        "An address",
        "12 High Street",
        "Porthmere",
    ]
    assert article.title == "Title of the piece"
    assert "Tags" not in article.source


def test_caption_credit_outside_the_figcaption():
    body = (
        "<article><figure><img src='a.jpg'><figcaption>A heron on the weir at dawn.</figcaption>"
        "<span class='image-credit'>Photograph: Lee Moss/Reuters</span></figure>" + STORY + "</article>"
    )
    article = parse_html(page(body))
    assert article.captions == (Caption("A heron on the weir at dawn.", "Photograph: Lee Moss/Reuters"),)
    assert "heron" not in article.source


def test_article_tag_too_small_falls_back_to_the_densest_container():
    body = (
        "<article class='teaser'><p>A teaser.</p></article>"
        "<div class='content'>" + STORY * 3 + "</div>"
    )
    article = parse_html(page(body, "<title>Densest</title>"))
    assert "A teaser." not in article.source
    assert len(article.paragraphs) >= 2


def test_markup_the_parser_rejects_does_not_lose_the_rest_of_the_page():
    html = page("<article><![foo x]>" + STORY + "</article>", "<title>Odd markup</title>")
    article = parse_html(html)
    assert article.title == "Odd markup"
    assert len(article.paragraphs) == 2


def test_parse_html_survives_broken_markup():
    for html in (
        "",
        "<![if !supportLists]>x<![endif]>",
        "<div>" * 5000 + "deep text " * 10,
        "<script>never closed",
        "<p>unclosed <b>bold <i>italic",
        "&#xD800; &#0; \x00 \ud800 &bogus;",
        "<script type='application/ld+json'>" + "[" * 5000 + "</script><p>x</p>",
        "<title>Only a title",
    ):
        article = parse_html(html, "broken.html")
        assert_offsets(article)
        assert article.id == article_id(article.source)


# --- JSON Lines ---------------------------------------------------------------------------


def test_jsonl_good_records():
    articles, _ = parse_jsonl(read("mixed.jsonl"), "feeds/mixed.jsonl")
    assert [a.path for a in articles] == ["feeds/mixed.jsonl#1", "feeds/mixed.jsonl#8"]
    ferry, robots = articles
    assert ferry.title == "Ferry timetable cut as fuel costs rise"
    assert (ferry.outlet, ferry.byline, ferry.date, ferry.section) == ("Island Times", "Olu Adeyemi", "2024-02-05", "Transport")
    assert texts(ferry) == [
        "The island ferry will run four times a day instead of six from next month, the operator said on Monday.",
        '"We have no choice while fuel costs this much," said operator chief Lena Brandt.',
    ]
    assert ferry.source.startswith("Ferry timetable cut as fuel costs rise\n\nThe island ferry")
    assert robots.byline == "Kim Lee and Raj Patel"
    assert robots.outlet is None and robots.date is None
    for article in articles:
        assert_offsets(article)
        assert article.id == article_id(article.source)


def test_jsonl_bad_lines_warn_once_each_and_the_rest_loads():
    articles, warnings = parse_jsonl(read("mixed.jsonl"), "mixed.jsonl")
    assert len(articles) == 2
    assert warnings == [
        "mixed.jsonl:3: not valid JSON; skipped",
        "mixed.jsonl:4: not a JSON object; skipped",
        "mixed.jsonl:5: empty 'title'; skipped",
        "mixed.jsonl:6: no 'text'; skipped",
        "mixed.jsonl:7: 'text' is not a string; skipped",
        "mixed.jsonl:9: 'date' is not a string; skipped",
    ]
    assert all("\n" not in w for w in warnings)


def test_jsonl_line_endings_bom_nulls_and_odd_titles():
    records = [
        {"title": "Line one\n\nof a title", "text": "Body of the first record, in one sentence.", "date": None},
        {"title": "Second", "text": "Text with a line separator\u2028inside it, which is not a new record."},
    ]
    text = "\ufeff" + "\r\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\r\n\r\n"
    articles, warnings = parse_jsonl(text, "x.ndjson")
    assert warnings == []
    assert [a.path for a in articles] == ["x.ndjson#1", "x.ndjson#2"]
    assert articles[0].title == "Line one of a title"
    assert articles[0].source.startswith("Line one of a title\n\n")
    assert articles[0].date is None
    assert articles[1].title == "Second"
    for article in articles:
        assert_offsets(article)


def test_a_short_stated_title_never_costs_a_paragraph():
    record = {"title": "Update", "text": "Roads closed\n\nThe council met on Monday and agreed to spend more on the roads."}
    (article,), _ = parse_jsonl(json.dumps(record), "u.jsonl")
    assert article.title == "Update"
    assert texts(article) == ["Roads closed", "The council met on Monday and agreed to spend more on the roads."]
    html = page("<article><h1>Update</h1><h2>Roads closed</h2>" + STORY + "</article>")
    article = parse_html(html)
    assert article.title == "Update"
    assert texts(article)[0] == "Roads closed"
    assert_offsets(article)


def test_jsonl_empty_and_hostile_input():
    assert parse_jsonl("", "e.jsonl") == ([], [])
    assert parse_jsonl("\n \n\t\n", "e.jsonl") == ([], [])
    articles, warnings = parse_jsonl("[" * 100_000 + "\n" + "9" * 10_000 + "\nNaN", "h.jsonl")
    assert articles == []
    assert len(warnings) == 3 and all(w.startswith("h.jsonl:") and w.endswith("; skipped") for w in warnings)


# --- properties ---------------------------------------------------------------------------

_HTML_BITS = st.sampled_from(
    [
        "<p>", "</p>", "<div class='ad'>", "<div>", "</div>", "<article>", "</article>", "<h1>", "</h1>",
        "<h2>", "<li>", "<ul>", "<br>", "<script>", "</script>", "<style>", "<figure><figcaption>",
        "<cite>", "</figcaption></figure>", "<title>", "</title>", "<meta property='og:title' content='T'>",
        "<time datetime='2024'>", "<!--", "-->", "<![if x]>", "&amp;", "&#x", "&#0;", "&nbsp;", "<header>",
        "<nav>", "<aside>", "<blockquote>", "\n", "\n\n", "\r", " ", "Said", "“", "”", ".", "<main>",
        "<span hidden>", "<p style='display:none'>", "<script type='application/ld+json'>{\"@type\":\"NewsArticle\"",
    ]
)
_HTML_SOUP = st.lists(st.one_of(_HTML_BITS, st.text(max_size=20)), max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=400), _HTML_SOUP))
def test_parse_html_never_raises_and_spans_hold(html):
    article = parse_html(html, "p.html")
    assert_offsets(article)
    assert article.id == article_id(article.source)


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)
_RECORDS = st.fixed_dictionaries(
    {},
    optional={
        "title": st.one_of(st.text(max_size=40), _JSON_VALUES),
        "text": st.one_of(st.text(max_size=200), _JSON_VALUES),
        "author": st.one_of(st.text(max_size=20), st.lists(st.text(max_size=10), max_size=3), _JSON_VALUES),
        "date": st.one_of(st.text(max_size=20), _JSON_VALUES),
        "outlet": st.text(max_size=20),
    },
)
_JSONL_LINE = st.one_of(_RECORDS.map(lambda r: json.dumps(r, ensure_ascii=False)), _JSON_VALUES.map(json.dumps), st.text(max_size=60))


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=400), st.lists(_JSONL_LINE, max_size=8).map("\n".join)))
def test_parse_jsonl_never_raises_and_spans_hold(text):
    articles, warnings = parse_jsonl(text, "p.jsonl")
    assert len(articles) + len(warnings) <= len([line for line in text.split("\n") if line.strip()])
    for article in articles:
        assert article.path.startswith("p.jsonl#")
        assert_offsets(article)
    assert all("\n" not in w and w.startswith("p.jsonl:") for w in warnings)
