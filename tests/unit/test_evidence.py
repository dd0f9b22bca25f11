"""The evidence of each attribution, where a user sees it: the cue's words
and how the speaker was found, in `newsreader quotes --json`, in the reading
pane (`]` underlines the cue in the speaker's colour and the title bar says
how the speaker was found), and always inside the article, never inside the
quote itself."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.attribution import extract_article
from reader.cleaning import parse_article
from reader.cli import main
from reader.model import VIAS, Evidence, Quote
from reader.ui.app import NewsReaderApp
from reader.ui.evidence_text import describe
from reader.ui.widgets.article_body import ArticleBody
from reader.ui.widgets.reading_pane import ReadingPane

# --- a property over made-up news: every cue lies in the article, outside its quote -------

_SUBJECTS = ["Ana Ruiz", "Tom Vale", "Ruiz", "Vale", "the Minister", "Port Minister Ana Ruiz", "a source at the port",
             "Acme Corp", "the company", "officials", "he", "she", "they", "it", "Mr. Vale", "HWU"]
_VERBS = ["said", "told reporters", "added", "wrote", "warned", "says", "insisted on Monday"]
_TEMPLATES = [
    '"{q}," {s} {v}.', "“{q},” {s} {v}.", '"{q}," {v} {s}.', '{s} {v}: "{q}."', '{s} {v}, "{q}."',
    '{s} called it "{q}" again.', "{s} {v} that {c}.", "{c}, {s} {v}.", "According to {s}, {c}.",
    "{c}, according to {s}.", '"{q}." {s} {v} and left.', "{s} {v}:", '"{q}', '{q}."', '"{q}." "{q}."',
    "{s} arrived at the port.", "The Harbour Workers Union (HWU) met {s}.", '{s} disagreed. "{q}."',
]
_WORDS = st.lists(st.sampled_from("we are ready the ships can come port will reopen in May no never it is".split()),
                  min_size=1, max_size=8).map(" ".join)


@st.composite
def _sentence(draw) -> str:
    template = draw(st.sampled_from(_TEMPLATES))
    return template.format(s=draw(st.sampled_from(_SUBJECTS)), v=draw(st.sampled_from(_VERBS)), q=draw(_WORDS),
                           c=draw(_WORDS))


_PARAGRAPH = st.lists(st.one_of(_sentence(), _sentence(), st.text(max_size=15)), min_size=1, max_size=5).map(" ".join)
ARTICLES = st.lists(_PARAGRAPH, min_size=1, max_size=6).map(lambda ps: "Harbour news today\n\n" + "\n\n".join(ps))


@given(ARTICLES)
def test_every_cue_lies_in_the_article_and_never_overlaps_its_quote(text):
    article = parse_article(text, "story.txt")
    source = article.source
    for quote in extract_article(article).quotes:
        evidence = quote.evidence
        assert (evidence is None) == (quote.speaker is None)
        if evidence is None:
            continue
        assert 0 <= evidence.start < evidence.end <= len(source)
        assert evidence.end <= quote.start or quote.end <= evidence.start  # never inside the quote's words
        assert evidence.via in VIAS
        if evidence.antecedent is not None:
            assert 0 <= evidence.antecedent[0] < evidence.antecedent[1] <= len(source)
        if evidence.via != "continued":  # the cue holds the mention of the speaker it was found through
            assert evidence.start <= quote.cue[0] and quote.cue[1] <= evidence.end


# --- how the status line words it ---------------------------------------------------------

SOURCE = 'Tom Vale met Ana Ruiz. They talked for an hour. He said: "We agree." "It is done." Ruiz said she agreed.'
DESCRIBED = {
    "named": (Evidence(0, 8, "named"), (0, 8), "Tom Vale: named (Tom Vale)"),
    "pronoun, sentences back": (Evidence(48, 56, "pronoun", (0, 8)), (48, 50),
                                "Tom Vale: he, 2 sentences back (He said:)"),
    "pronoun, one sentence back": (Evidence(48, 56, "pronoun", (23, 27)), (48, 50),
                                   "Tom Vale: he, 1 sentence back (He said:)"),
    "pronoun, same sentence": (Evidence(93, 96, "pronoun", (83, 87)), (93, 96), "Tom Vale: she, same sentence (she)"),
    "continued": (Evidence(48, 56, "continued", (58, 67)), None, "Tom Vale: continued from the quote before (He said:)"),
}


@pytest.mark.parametrize("evidence, cue, words", DESCRIBED.values(), ids=DESCRIBED.keys())
def test_how_the_speaker_was_found_in_words(evidence, cue, words):
    quote = Quote(70, 81, "It is done.", "direct", "Tom Vale", 0, cue, evidence)
    assert describe(quote, SOURCE) == words


def test_nothing_is_said_of_a_quote_nobody_is_credited_with():
    assert describe(Quote(58, 67, "We agree.", "direct", None, 0), SOURCE) == ""


# --- newsreader quotes --json ---------------------------------------------------------------

STORY = ('Harbour reopens after repairs\n\nPort Minister Ana Ruiz visited the quay on Monday.\n\n'
         '"We are ready," she told reporters. "The ships can come back."\n\n'
         'The repairs cost more than planned, according to the council.\n')


def test_quotes_json_gives_each_quote_its_cue_and_how_its_speaker_was_found(tmp_path, capsys):
    path = tmp_path / "harbour.txt"
    path.write_text(STORY, encoding="utf-8")
    assert main(["quotes", str(path), "--json"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    source = path.read_text(encoding="utf-8")
    assert [(r["text"], r["speaker"], r["via"], r["cue"]) for r in records] == [
        ("We are ready,", "Ana Ruiz", "pronoun", "she told reporters"),
        ("The ships can come back.", "Ana Ruiz", "continued", "she told reporters"),
        ("The repairs cost more than planned", "council", "according-to", "according to the council"),
    ]
    for r in records:
        assert source[r["start"] : r["end"]] == r["text"] and source[r["cue_start"] : r["cue_end"]] == r["cue"]
        assert list(r)[:8] == ["article", "title", "outlet", "speaker", "kind", "text", "start", "end"]


# --- the reading pane ----------------------------------------------------------------------


def underlined_runs(body: ArticleBody) -> list[tuple[str, set]]:
    """Every run of underlined characters the body draws (a run goes on over a
    wrapped line), and its colours."""
    runs: list[tuple[str, set]] = []
    text, colours = "", set()
    for y in range(body.virtual_size.height):
        for segment_text, style, _ in body.render_line(y):
            if style is not None and style.underline:
                text += segment_text
                colours.add(style.color.name if style.color is not None else None)
            elif text.strip():
                runs.append((" ".join(text.split()), colours))
                text, colours = "", set()
        text += " "
    return runs


async def test_next_quote_underlines_its_cue_in_the_speakers_colour_and_says_how_the_speaker_was_found(tmp_path):
    path = tmp_path / "harbour.txt"
    path.write_text(STORY, encoding="utf-8")
    app = NewsReaderApp(paths=[path])
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        pane, body = app.query_one(ReadingPane), app.query_one(ArticleBody)
        assert "she told reporters" not in [text for text, _ in underlined_runs(body)]  # only the mention "she"
        pane.focus()
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.sub_title == "quote 1 of 3 · Ana Ruiz: she, 1 sentence back (she told reporters)"
        assert ("she told reporters", {pane.colours.colour("Ana Ruiz")}) in underlined_runs(body)
        await pilot.press("right_square_bracket")  # the next quote continues: the same cue, said so
        await pilot.pause()
        assert app.sub_title == "quote 2 of 3 · Ana Ruiz: continued from the quote before (she told reporters)"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.sub_title == "quote 3 of 3 · council: according-to (according to the council)"
        assert ("according to the council", {pane.colours.colour("council")}) in underlined_runs(body)
