"""Reading a raw page into a clean article: metadata, captions, no boilerplate."""

from __future__ import annotations

import pytest

from reader.cleaning import parse_article, split_paragraphs
from tests.support.paths import FIXTURES, SEEDS


def article_from(path):
    return parse_article(path.read_text(encoding="utf-8"), str(path))


def body(article) -> str:
    return "\n".join(p.text for p in article.paragraphs)


def test_npr_seed_metadata_and_clean_body():
    article = article_from(SEEDS[0])
    assert article.title == "Blinken meets with China's top diplomat in first meeting since balloon controversy"
    assert (article.outlet, article.via) == ("NPR", "MPR News")
    assert article.outlet_label == "NPR (via MPR News)"
    text = body(article)
    assert "Grow the Future of Public Media" not in text
    assert "donate" not in text
    assert "To see more, visit" not in text
    assert article.copyright == "Copyright 2023 NPR."
    assert text.startswith("U.S. Secretary of State Antony Blinken met with China's top diplomat")
    assert text.endswith("would not apologize for shooting the balloon down.")


def test_npr_seed_caption_shown_once_with_its_credit():
    article = article_from(SEEDS[0])
    assert len(article.captions) == 1
    caption = article.captions[0]
    assert caption.text.startswith("US Secretary of State Antony Blinken meets with Chinese top diplomat")
    assert caption.credit == "David Dee Delgado/POOL/AFP via Getty Images"
    assert "Getty" not in body(article)
    assert "New York City on Sept. 23, 2022" not in body(article)


def test_inkl_seed_metadata_and_clean_body():
    article = article_from(SEEDS[1])
    assert article.title == "Secretary of State Blinken and China's top diplomat Wang Yi are set to meet in Munich"
    assert (article.outlet, article.via) == ("WEKU", "inkl")
    assert article.byline == "John Ruwitch"
    assert article.section == "World"
    text = body(article)
    for pitch in ("Get all your news", "Sign up to read", "Top stories on inkl", "Fourteen days free", "One app", "Already a member"):
        assert pitch not in text
    assert text.startswith("Secretary of State Antony Blinken and China's top diplomat, Wang Yi, are planning")
    assert text.endswith("in response to the balloon incident.")
    assert [c.credit for c in article.captions] == ["Stefani Reynolds/POOL/AFP via Getty Images"]


def test_every_paragraph_points_into_the_source():
    for path in SEEDS + sorted((FIXTURES / "articles").glob("*")):
        article = article_from(path)
        for paragraph in article.paragraphs:
            assert article.source[paragraph.start : paragraph.end] == paragraph.text


def test_other_outlet_boilerplate_is_removed():
    article = article_from(FIXTURES / "articles" / "coastal_courier.txt")
    assert article.title == "Harbour dredging to resume after two-year delay, council confirms"
    assert article.outlet == "The Coastal Courier"
    assert article.byline == "Maria Lopez"
    assert article.section == "Local"
    assert article.date == "March 3, 2024"
    assert article.captions[0].credit == "Photograph: Jane Smith/Reuters"
    text = body(article)
    for junk in ("Skip to main content", "Home | News", "Advertisement", "newsletter", "Share this article", "Most read", "All rights reserved"):
        assert junk not in text
    assert len(article.paragraphs) == 4


def test_repeated_pitch_and_app_promotion_are_removed():
    article = article_from(FIXTURES / "articles" / "valley_gazette.txt")
    assert article.outlet == "VALLEY GAZETTE"
    assert article.byline == "Priya Raman"
    assert article.section == "Science"
    assert article.captions[0].credit == "Tom Reed/Valley Gazette"
    text = body(article)
    for junk in ("free trial", "Log in", "Download", "Follow us"):
        assert junk not in text
    assert [p.text.split()[0] for p in article.paragraphs] == ["Volunteers", "The", "Researchers", "The"]


def test_a_wire_sign_off_names_the_outlet_and_leaves_the_body():
    source = (
        "COCOA RAINS IMPROVE CROP\n\nSALVADOR, Feb 26 - Showers continued in the cocoa zone, "
        "the weekly review said.\n\nArrivals were higher than a year ago.\n\nReuter\n"
    )
    article = parse_article(source, "wire.txt")
    assert article.outlet == "Reuters"
    assert [p.text for p in article.paragraphs][-1] == "Arrivals were higher than a year ago."
    # the same service signing in capitals is the same outlet; an acronym stays one
    assert parse_article(source.replace("Reuter\n", "REUTER\n"), "caps.txt").outlet == "Reuters"
    assert parse_article(source.replace("Reuter\n", "UPI\n"), "upi.txt").outlet == "UPI"


def test_a_closing_line_is_no_outlet_when_it_is_a_name_a_marker_or_an_outlet_is_known():
    body = "TOWN VOTES ON ROADS\n\nThe council voted to fix the roads, the mayor said.\n\nWork starts in May.\n\n"
    assert parse_article(body + "Jane Doe\n", "a.txt").outlet is None  # the writer, more likely
    assert parse_article(body + "ENDS\n", "b.txt").outlet is None
    assert parse_article(body + "-30-\n", "c.txt").outlet is None
    front = "---\ntitle: Town votes on roads\noutlet: The Courier\n---\n\n"
    assert parse_article(front + body + "Reuter\n", "d.md").outlet == "The Courier"


def test_markdown_front_matter_and_heading():
    article = article_from(FIXTURES / "front_matter.md")
    assert article.title == "Rail strike called off after late-night talks"
    assert article.byline == "Sam Okafor"
    assert article.outlet == "The Northern Ledger"
    # The wrapped lines form one paragraph; the heading is not repeated as body.
    assert article.paragraphs[0].text.startswith("A planned three-day rail strike")
    assert "\n" in article.paragraphs[0].text
    assert all(p.text != article.title for p in article.paragraphs)


def test_hard_wrapped_text_joins_into_paragraphs():
    source = (
        "Title of a wrapped story here\n\n"
        "The first paragraph runs over several lines because the file was\n"
        "wrapped at a fixed width by the program that saved it, as old\n"
        "newswire copy often is.\n\n"
        "A second paragraph.\n"
    )
    article = parse_article(source)
    assert article.title == "Title of a wrapped story here"
    assert len(article.paragraphs) == 2
    assert article.paragraphs[0].text.endswith("as old\nnewswire copy often is.")


def test_crlf_line_endings_keep_offsets():
    source = "A headline about a town\r\n\r\nFirst paragraph of the story, which says something.\r\n\r\nSecond one.\r\n"
    article = parse_article(source)
    assert article.title == "A headline about a town"
    assert [p.text for p in article.paragraphs] == ["First paragraph of the story, which says something.", "Second one."]
    for p in article.paragraphs:
        assert source[p.start : p.end] == p.text


def test_stable_id_depends_on_text_not_path():
    text = SEEDS[0].read_text(encoding="utf-8")
    assert parse_article(text, "a.txt").id == parse_article(text, "elsewhere/b.txt").id
    assert parse_article(text + " ", "a.txt").id != parse_article(text, "a.txt").id


@pytest.mark.parametrize("source", ["", "   \n\n ", "\x00\x01", "“", "x" * 10000, "\n".join(["Short"] * 50)])
def test_odd_text_never_raises(source):
    article = parse_article(source, "odd.txt")
    assert isinstance(article.title, str) and article.title


def test_split_paragraphs_keeps_tables_line_by_line():
    source = "Heading\n\nNatl   Loan   Release\nWheat  2.55   2.40\nCorn   1.92   1.80\n"
    spans = split_paragraphs(source)
    assert spans[-1].text == "Natl   Loan   Release\nWheat  2.55   2.40\nCorn   1.92   1.80"
