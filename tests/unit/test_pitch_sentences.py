"""A paragraph whose sentence asks the reader to sign up, subscribe or click is a pitch, not the story."""

from __future__ import annotations

from reader.cleaning import parse_article

HEAD = "Storm shuts Elwin port\n\nThe port of Elwin closed on Monday as the storm reached the coast, officials said.\n\n"


def body(paragraph: str) -> list[str]:
    return [p.text for p in parse_article(HEAD + paragraph + "\n", "story.txt").paragraphs]


def test_a_sign_up_sentence_after_prose_makes_the_paragraph_a_pitch():
    pitch = (
        "There is plenty more where that came from, every weekday morning at seven. "
        "Sign up for the Elwin Bugle today to get the free daily newsletter delivered to your inbox."
    )
    assert pitch not in body(pitch)


def test_a_magazine_offer_ending_in_click_here_is_a_pitch():
    pitch = "Get the Bugle Monthly delivered through your letterbox every month. 12 issues for 11.99. Click here for more."
    assert pitch not in body(pitch)


def test_news_prose_naming_a_newsletter_without_asking_is_kept():
    prose = (
        "Residents who signed up for the council's flood newsletter were warned on Sunday night, "
        "the harbour master said. Get ready for more, he added."
    )
    assert prose in body(prose)
