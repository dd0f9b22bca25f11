"""The reading pane: the same look as one Static of the whole article, at any
width and in every state, while only the lines on screen are ever styled."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich._wrap import divide_line
from rich.text import Text
from textual.content import Content
from textual.geometry import Region
from textual.visual import RenderOptions

from reader.corpus import Corpus, load
from reader.model import Article, Attribution, Quote, Span, Speaker
from reader.ui.app import NewsReaderApp
from reader.ui.widgets.article_body import ArticleBody
from reader.ui.widgets.reading_pane import ReadingPane
from reader.ui.wrap import line_breaks
from tests.support.long_article import small, synthetic


def as_one_static(pane: ReadingPane) -> list[list[tuple[str, object]]]:
    """The pane's body as one Static holding every paragraph would draw it."""
    body = pane.query_one(ArticleBody)
    whole = Text("\n\n").join(pane._paint(i) for i in range(len(body.texts)))
    strips = Content.from_rich_text(whole).render_strips(
        body.size.width, None, body.visual_style, RenderOptions(body._get_style, body.styles)
    )
    return [list(strip) for strip in strips]


def drawn(body: ArticleBody, lines: range | None = None) -> list[list[tuple[str, object]]]:
    lines = range(body.virtual_size.height) if lines is None else lines
    return [list(body.render_line(y)) for y in lines]


def odd_article() -> tuple[Article, Attribution]:
    """Wide characters, a tab table, a word longer than any line, a lone quote mark."""
    paragraphs = [
        'Mayor Ines Varga said the 東京 delegation arrives on Monday. "We are ready," Varga said.',
        "Berth\tDepth\tDredged\nNorth   4.1 m\t2023\nSouth   3.7 m\t2021",
        "The file was named " + "x" * 130 + ".zip and nobody opened it, the clerk said.",
        "“Not yet,” the harbour master said — and left.",
    ]
    source, spans = "Harbour notes\n\n", []
    for text in paragraphs:
        spans.append(Span(len(source), len(source) + len(text), text))
        source += text + "\n\n"
    article = Article("odd", "odd.txt", source, "Harbour notes", tuple(spans))
    first = spans[0]
    said = first.text.index("We are")
    quote = Quote(first.start + said, first.start + said + 11, "We are ready", "direct", "Ines Varga", 0)
    speaker = Speaker("Ines Varga", mentions=((first.start + 6, first.start + 16),), quotes=1)
    return article, Attribution((quote,), (speaker,))


async def test_the_body_looks_exactly_like_one_static_of_the_article_at_every_width_and_state():
    article, attribution = odd_article()
    corpus = load()
    corpus.articles.append(article)
    app = NewsReaderApp(corpus)
    app._attributions[article.id] = attribution
    async with app.run_test(size=(120, 36)) as pilot:
        pane = app.query_one(ReadingPane)
        for index in range(len(corpus.articles)):
            app.open_at(corpus.articles[index].id)
            for size in ((120, 36), (80, 24), (41, 12), (200, 60)):
                await pilot.resize_terminal(*size)
                await pilot.pause()
                body = pane.query_one(ArticleBody)
                assert drawn(body) == as_one_static(pane), (index, size)
            pane.focus()
            await pilot.press("right_square_bracket")  # the current quote, reversed
            speaker = pane.attribution.quotes[0].speaker
            pane.focus_speaker = speaker  # everyone else dimmed
            paragraph = article.paragraphs[-1] if pane.article is article else pane.article.paragraphs[2]
            pane.mark(paragraph.start + 3, paragraph.end - 3)  # a search hit
            await pilot.pause()
            assert drawn(pane.query_one(ArticleBody)) == as_one_static(pane), index
            pane.focus_speaker = None


async def long_article_app(paragraphs: int) -> tuple[NewsReaderApp, Article]:
    article, attribution = synthetic(paragraphs)
    note, nothing = small()
    app = NewsReaderApp(Corpus([note, article]))
    app._attributions = {note.id: nothing, article.id: attribution}
    return app, article


async def test_a_long_article_styles_only_the_paragraphs_on_screen():
    app, article = await long_article_app(3000)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j", "tab")
        pane, body = app.query_one(ReadingPane), app.query_one(ArticleBody)
        assert pane.article is article
        assert 0 < body.rendered <= 14  # a screenful (13 with one-column scrollbars), not 3,000 paragraphs
        for _ in range(6):
            before = body.rendered
            await pilot.press("right_square_bracket")
            assert body.rendered - before <= 4  # the quote left, the quote reached, what scrolled in
        before = body.rendered
        await pilot.press("G")
        await pilot.press("g")
        assert body.rendered - before <= 24  # the last screenful and the first again


async def test_quotes_deep_in_a_long_article_are_highlighted_on_screen():
    app, article = await long_article_app(3000)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j", "tab", "left_square_bracket")  # from the top back round to the last quote
        pane, body = app.query_one(ReadingPane), app.query_one(ArticleBody)
        last = pane.attribution.quotes[-1]
        assert pane.current_quote == len(pane.attribution.quotes) - 1
        assert app.sub_title == f"quote {len(pane.attribution.quotes)} of {len(pane.attribution.quotes)}"
        top = int(pane.scroll_y) - body.virtual_region.y
        on_screen = drawn(body, range(max(top, 0), top + 30))
        reversed_text = "".join(text for line in on_screen for text, style, _ in line if style and style.reverse)
        assert last.text[:20] in reversed_text
        await pilot.press("right_square_bracket")  # and round to the first, at the top
        assert pane.current_quote == 0 and pane.scroll_y < 10


def looks(strips) -> list[tuple[str, str]]:
    """Each line's text and what of it is reversed (the current quote, a search hit)."""
    return [
        ("".join(text for text, _, _ in strip).rstrip(), "".join(t for t, style, _ in strip if style and style.reverse))
        for strip in strips
    ]


async def test_what_textual_shows_of_a_long_body_is_never_stale():
    """Textual keeps the body's drawn lines (reader.ui.widgets.article_body.DrawnLines
    marks only those it kept dirty): after quote moves, reopening and jumps,
    the lines on screen are the article as it looks now."""
    app, article = await long_article_app(3000)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j", "tab")
        pane, body = app.query_one(ReadingPane), app.query_one(ArticleBody)
        for keys in (["right_square_bracket"] * 3, ["k", "j", "right_square_bracket"], ["G"], ["left_square_bracket"],
                     ["g", "right_square_bracket"], ["down"] * 5):
            await pilot.press(*keys)
            top = int(pane.scroll_y) - body.virtual_region.y
            crop = Region(0, max(top, 0), body.size.width, pane.scrollable_content_region.height)
            shown = looks(body.render_lines(crop))  # through Textual's cache of drawn lines
            assert shown == looks(body.render_line(y) for y in crop.line_range), keys
            if keys[-1].endswith("square_bracket"):  # the quote reached is on screen, reversed
                assert any(reversed_ for _, reversed_ in shown), keys


async def test_a_search_hit_deep_in_a_long_article_is_scrolled_into_view_and_marked():
    app, article = await long_article_app(3000)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j")
        pane, body = app.query_one(ReadingPane), app.query_one(ArticleBody)
        paragraph = article.paragraphs[2500]
        start = article.source.index("section 2500", paragraph.start)
        pane.mark(start, start + len("section 2500"))

        def marked_on_screen() -> list[str]:
            top = int(pane.scroll_y) - body.virtual_region.y
            on_screen = drawn(body, range(top, top + pane.scrollable_content_region.height))
            return ["".join(text for text, style, _ in line if style and style.reverse) for line in on_screen]

        for _ in range(50):  # the pane scrolls after its next refresh: on a busy machine, a few frames on
            await pilot.pause()
            if "section 2500" in marked_on_screen():
                break
        assert "section 2500" in marked_on_screen()


async def test_resizing_reflows_a_long_article_as_textual_wraps_it():
    app, article = await long_article_app(2000)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("j")
        body = app.query_one(ArticleBody)
        for size in ((61, 20), (200, 50), (33, 10)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert body.virtual_size.height == Content(body.plain).get_height({}, body.size.width), size


WRAP_TEXT = st.text(
    st.one_of(st.sampled_from("ab c  —“”é中\u0301\xa0\xad\t-x"), st.characters(exclude_categories=("Cs",))), max_size=80
)


@given(WRAP_TEXT, st.integers(1, 30))
def test_line_breaks_are_where_rich_breaks_the_line(line, width):
    assert line_breaks(line, width) == divide_line(line, width, fold=True)


async def test_a_headline_quote_is_drawn_in_no_paragraph_and_quote_keys_step_over_it():
    from reader.attribution import extract_article
    from reader.cleaning import parse_article

    source = ("Okafor: 'We will not close the ferry'\n\nTransport minister Tom Okafor spoke at the pier on Monday.\n\n"
              "'We will keep the service,' Okafor said.\n")
    article = parse_article(source, "ferry.txt")
    attribution = extract_article(article)
    assert [q.paragraph for q in attribution.quotes] == [-1, 1]
    note, nothing = small()
    app = NewsReaderApp(Corpus([note, article]))
    app._attributions = {note.id: nothing, article.id: attribution}
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_at(article.id)
        pane = app.query_one(ReadingPane)
        pane.focus()
        for _ in range(3):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            assert drawn(pane.query_one(ArticleBody)) == as_one_static(pane)
        body_text = "".join(pane.query_one(ArticleBody).texts)
        assert "We will not close the ferry" not in body_text  # the headline is not drawn as a body paragraph
