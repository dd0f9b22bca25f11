"""Which blocks of a saved HTML page are the story: one test per rule, on pages written here."""

from __future__ import annotations

from reader.formats import parse_html

LONG = "The harbour master of Elwin said on Monday that the port would stay shut until the storm had passed"


def body(html: str) -> list[str]:
    html = html.replace("<html>", "<html><head><title>Storm shuts Elwin port</title></head>", 1)
    return [p.text for p in parse_html(html, "page.html").paragraphs]


def test_story_set_as_loose_text_with_line_breaks_is_found():
    # No <p> at all: the story is text separated by <br> in a div, next to a
    # sidebar list that has more elements (but less running text).
    story = f"{LONG}.<br><br>Ships waiting offshore were told to keep their distance, the port authority added.<br>"
    sidebar = "".join(f"<li><a href='/s{i}'>Other story number {i}</a></li>" for i in range(12))
    html = f"<html><body><div class='side'><ul>{sidebar}</ul></div><div class='text'>{story}</div></body></html>"
    second = "Ships waiting offshore were told to keep their distance, the port authority added."
    assert body(html) == [f"{LONG}.", second]


def test_form_wrapping_the_whole_page_is_not_dropped():
    # Some site frameworks put the whole page inside one <form>.
    html = f"<html><body><form action='/'><h1>Port shut</h1><p>{LONG}.</p><p>{LONG}, again.</p></form></body></html>"
    assert body(html) == [f"{LONG}.", f"{LONG}, again."]


def test_a_small_form_is_still_dropped():
    html = (
        f"<html><body><article><p>{LONG}.</p><form><p>Enter your email address to get our daily briefing "
        "delivered every single morning at seven.</p></form>"
        "<p>The storm moved north overnight.</p></article></body></html>"
    )
    assert body(html) == [f"{LONG}.", "The storm moved north overnight."]


def test_table_rows_in_the_story_are_kept_one_line_per_row():
    table = (
        "<table><tr><th>Port</th><th>Ships</th><th>Status</th></tr>"
        "<tr><td>Elwin</td><td>12</td><td>Shut</td></tr><tr><td>Marrow</td><td>4</td><td>Open</td></tr></table>"
    )
    html = f"<html><body><article><p>{LONG}.</p>{table}<p>The storm moved north.</p></article></body></html>"
    assert body(html) == [f"{LONG}.", "Port Ships Status", "Elwin 12 Shut", "Marrow 4 Open", "The storm moved north."]


def test_a_layout_table_is_read_as_containers_not_rows():
    html = (
        f"<html><body><table><tr><td><p>{LONG}.</p><p>{LONG}, again.</p></td>"
        "<td><div>Menu</div></td></tr></table></body></html>"
    )
    assert body(html) == [f"{LONG}.", f"{LONG}, again."]


def test_paragraphs_made_only_of_links_are_dropped():
    # A "related stories" run inside the article, and a lone link line.
    related = (
        "<p>You may also like...</p>"
        "<p><a href='/a'>Flood warnings issued along the whole northern coast</a></p>"
        "<ul><li><a href='/b'>Ferry services cancelled for a second day</a></li></ul>"
        "<p><a href='/rss'>Get author RSS feed</a></p>"
    )
    html = f"<html><body><article><p>{LONG}.</p>{related}</article></body></html>"
    kept = body(html)
    assert f"{LONG}." in kept
    assert not any("Flood warnings" in p or "Ferry services" in p or "RSS" in p for p in kept)


def test_a_paragraph_with_a_link_inside_its_words_is_kept():
    text = "Officials said <a href='/report'>the full report</a> would be published on Friday, after the storm."
    html = f"<html><body><article><p>{LONG}.</p><p>{text}</p></article></body></html>"
    assert "Officials said the full report would be published on Friday, after the storm." in body(html)


def test_a_labelled_teaser_link_is_dropped():
    # "Related: <link>" and "SEE MORE: <link>": a label and a headline, not the story's words.
    teasers = (
        "<p>Related: <a href='/c'>Flood defences tested across the county</a></p>"
        "<p>SEE MORE: <a href='/d'>Pictures of the storm over Elwin</a></p>"
    )
    html = f"<html><body><article><p>{LONG}.</p>{teasers}<p>The storm moved north.</p></article></body></html>"
    assert body(html) == [f"{LONG}.", "The storm moved north."]


def test_byline_time_stamp_caption_bio_and_tags_are_left_out_of_the_body():
    furniture = (
        "<div class='article-byline'>Jane Doe, Elwin Bugle Staff Writer</div>"
        "<span class='timestamp'>10:01 pm, Tuesday, December 1, 2026</span>"
        "<div class='image-caption'>The harbour wall on Monday morning, seen from the lighthouse path.</div>"
    )
    after = (
        "<div class='author-bio'><p>Jane Doe covers the coast for the Bugle and has written about ports "
        "for twenty years.</p></div><div class='article-tags'>Storms Elwin Ports Weather warnings</div>"
    )
    story = [f"{LONG}.", f"{LONG}, again.", f"{LONG}, once more.", "The storm moved north."]
    text = "".join(f"<p>{p}</p>" for p in story)
    html = f"<html><body><article>{furniture}{text}{after}</article></body></html>"
    assert body(html) == story


def test_a_story_inside_an_element_named_like_furniture_is_still_read():
    # The marks leave out small elements, never the one holding the story.
    html = f"<html><body><div class='post-author-content'><p>{LONG}.</p><p>{LONG}, again.</p></div></body></html>"
    assert body(html) == [f"{LONG}.", f"{LONG}, again."]


def test_a_caption_marked_by_class_is_a_caption_with_its_credit_and_not_body():
    photo = (
        "<div class='photo'><img src='wall.jpg'><div class='image-caption'>"
        "The harbour wall on Monday morning. (Ann Lee/Elwin Bugle)</div></div>"
    )
    html = f"<html><body><article><p>{LONG}.</p>{photo}<p>The storm moved north.</p></article></body></html>"
    article = parse_html(html.replace("<html>", "<html><head><title>Port shut</title></head>"), "page.html")
    captions = [(c.text, c.credit) for c in article.captions]
    assert captions == [("The harbour wall on Monday morning.", "Ann Lee/Elwin Bugle")]
    assert [p.text for p in article.paragraphs] == [f"{LONG}.", "The storm moved north."]


def test_the_date_comes_from_an_element_marked_as_the_date_when_nothing_else_gives_it():
    html = (
        "<html><head><title>Port shut</title></head><body><article>"
        "<div class='story-author'><a href='/jd'>Jane Doe</a> "
        "<span class='publish-date'>December 1, 2026, 9:02 AM</span></div>"
        f"<p>{LONG}.</p></article></body></html>"
    )
    assert parse_html(html, "page.html").date == "December 1, 2026, 9:02 AM"


def test_a_date_inside_the_byline_element_is_not_part_of_the_byline():
    html = (
        "<html><head><title>Port shut</title></head><body><article>"
        "<div class='story-author'><a href='/jd'>Jane Doe</a> <time>December 1, 2026</time></div>"
        f"<p>{LONG}.</p></article></body></html>"
    )
    assert parse_html(html, "page.html").byline == "Jane Doe"


def test_read_more_boxes_and_affiliate_disclosures_are_dropped():
    extras = (
        "<a class='read-more-big' href='/e'><span>Also on the Bugle</span>"
        "<span>Ferry services cancelled for a second day as the storm moves north</span></a>"
        "<div class='affiliate-disclosure'>The Bugle may earn commission on products bought through links.</div>"
    )
    html = f"<html><body><article><p>{LONG}.</p>{extras}<p>The storm moved north.</p></article></body></html>"
    assert body(html) == [f"{LONG}.", "The storm moved north."]


def test_short_lines_repeated_in_the_story_are_kept():
    # A Q&A or a list of steps repeats its labels; in a page the menus are already gone.
    qa = "".join(
        f"<p>What made you start cooking?</p><p>{answer}</p>"
        for answer in ("My grandmother's kitchen in the old harbour house.", "A cheap pan and a lot of free time.")
    )
    html = f"<html><body><article><p>{LONG}.</p>{qa}</article></body></html>"
    assert body(html).count("What made you start cooking?") == 2


def test_a_lead_paragraph_set_apart_beside_the_rest_of_the_story_is_kept():
    # No <article>: the first paragraph sits in a div of its own, the rest in the next div.
    lead = "Photos released online on Monday show the harbour wall of Elwin breached in three places by the storm."
    rest = "".join(f"<div><span>{LONG}, said witness number {i}.</span></div>" for i in range(2))
    html = f"<html><body><div class='post'><div><span>{lead}</span></div><div class='reader'>{rest}</div></div></body></html>"
    assert body(html)[0] == lead and len(body(html)) == 3


def test_an_embedded_post_is_kept_and_a_share_bar_is_not():
    embed = (
        "<div class='social-embed'><blockquote class='twitter-tweet'><p>The quay is under water again and "
        "nobody at the council is answering the phone.</p>— Ann Lee (@annlee) December 1, 2026</blockquote></div>"
    )
    share = "<div class='social-share'><a href='/fb'>Share on Facebook</a> <span>Email this story to a friend today</span></div>"
    html = f"<html><body><article><p>{LONG}.</p>{embed}{share}<p>The storm moved north.</p></article></body></html>"
    kept = body(html)
    assert "The quay is under water again and nobody at the council is answering the phone." in kept
    assert not any("Share on Facebook" in p or "Email this story" in p for p in kept)


def test_an_element_holding_much_of_the_story_is_read_whatever_its_name_says():
    inside = f"<p>{LONG}, again.</p><p>{LONG}, once more.</p>"
    outside = "".join(f"<p>{LONG}, part {i}.</p>" for i in range(3))
    html = f"<html><body><article>{outside}<div class='entry has-tags'>{inside}</div></article></body></html>"
    assert f"{LONG}, again." in body(html)
