"""Property tests: the cleaner, the file reader, the parse cache, the whole
pipeline to quotes and search, and the sanitiser never raise on arbitrary
input, and every offset they hand out slices back to its text.

How many examples: the ``ci`` profile by default, ``HYPOTHESIS_PROFILE=long``
for a long local run (see tests/conftest.py).  Properties already covered
elsewhere are not repeated here: the quote engine on quote-mark soup
(test_quotes), arbitrary queries over a fixed index (test_search), the state
file reader (test_state), HTML and JSON Lines parsers (test_formats).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.attribution import extract_article
from reader.cache import ParseCache
from reader.cleaning import parse_article, split_paragraphs
from reader.corpus import ArticleError, decode, read_file
from reader.export import FORMATS, QUOTE_FIELDS, render
from reader.loader import load_batches
from reader.sanitize import one_line, visible
from reader.search import SearchIndex
from reader.store.sqlite import remove_database
from tests.support.hostile import UNSAFE
from tests.support.paths import SEEDS

# Text that looks like news often enough to exercise the rules, and is hostile otherwise.
_NEWSY = st.sampled_from(
    [
        "\n", "\n\n", "\r\n", "\r", "\t", " ", "   ", '"', "“", "”", "‘", "’", "'", "«", "»", "„", ".", ",", ":", "—",
        "said", " said ", "told reporters", "according to", "Mr.", "Dr.", "Mayor", "Ana Lopez", "Wang Yi", "he", "she",
        "By Jane Doe", "Reuters", "(AP Photo/John Smith)", "Subscribe now", "Getty Images", "© 2024",
        "# ", "## Heading", "---\ntitle: T\n---\n", "* ", "1. ", "|", "[", "]", "[bold]", "\x1b[2J", "\x00",
        "\u202e", "\u0301", "😀", "王毅说", "قال", "сказал", "A", "The council", "on Monday",
    ]
)
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_NEWSY, st.text(max_size=12)), max_size=80).map("".join),
)


def assert_spans(article) -> None:
    source = article.source
    last = 0
    for para in article.paragraphs:
        assert 0 <= para.start <= para.end <= len(source)
        assert source[para.start : para.end] == para.text
        assert para.start >= last
        last = para.end


@given(TEXT, st.sampled_from(["a.txt", "a.md", "b.markdown", ""]))
def test_cleaner_never_raises_and_paragraphs_slice_exactly(text, path):
    article = parse_article(text, path)
    assert_spans(article)
    assert isinstance(article.title, str)
    for span in split_paragraphs(text):
        assert text[span.start : span.end] == span.text


@given(TEXT)
def test_quotes_from_the_whole_pipeline_slice_exactly_and_sit_in_their_paragraph_or_headline(text):
    article = parse_article(text, "a.txt")
    attribution = extract_article(article)
    for quote in attribution.quotes:
        assert article.source[quote.start : quote.end] == quote.text
        if quote.paragraph == -1:  # the headline's quote: above the body
            assert quote.end <= article.paragraphs[0].start
            continue
        para = article.paragraphs[quote.paragraph]
        assert para.start <= quote.start <= quote.end <= para.end
    named = {s.name for s in attribution.speakers}
    assert {q.speaker for q in attribution.quotes if q.speaker} <= named
    for speaker in attribution.speakers:
        for start, end in speaker.mentions:
            assert 0 <= start < end <= len(article.source)


@given(st.lists(TEXT, min_size=1, max_size=3), st.data())
def test_search_hits_always_point_inside_their_article(texts, data):
    articles = [parse_article(text, f"a{i}.txt") for i, text in enumerate(texts)]
    index = SearchIndex.build((a, extract_article(a)) for a in articles)
    by_id = {a.id: a for a in articles}
    words = [w for t in texts for w in t.split() if w.strip()]
    query = data.draw(st.one_of(st.sampled_from(words) if words else st.just("x"), st.text(max_size=12)))
    for hit in index.search(query, limit=50):
        article = by_id[hit.article_id]
        assert 0 <= hit.start <= hit.end <= len(article.source)
        if hit.kind in ("quote", "text"):
            assert article.source[hit.start : hit.end] == hit.text


BYTES = st.one_of(
    st.binary(max_size=600),
    TEXT.map(lambda t: t.encode("utf-8")),
    TEXT.map(lambda t: t.encode("utf-16")),
    st.tuples(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b""]), st.binary(max_size=200)).map(
        lambda pair: pair[0] + pair[1]
    ),
)


@given(BYTES)
def test_decode_never_raises_except_article_error(data):
    try:
        text, note = decode(data)
    except ArticleError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert isinstance(text, str) and (note is None or isinstance(note, str))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(BYTES, st.sampled_from([".txt", ".md", ".html", ".htm", ".jsonl", ".TXT"]))
def test_read_file_never_raises_except_article_error(tmp_path, data, suffix):
    path = tmp_path / f"f{suffix}"
    path.write_bytes(data)
    try:
        articles, notes = read_file(path)
    except ArticleError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert articles
    for article in articles:
        assert_spans(article)
    assert all(isinstance(n, str) and "\n" not in n for n in notes)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400) | st.binary(max_size=400).map(lambda b: b"SQLite format 3\x00" + b))
def test_cache_reader_never_raises_on_arbitrary_bytes(tmp_path, data):
    path = tmp_path / "parse.sqlite"
    remove_database(path)
    path.write_bytes(data)
    cache = ParseCache(path, version="v").load()
    assert isinstance(cache.entries, dict)
    assert cache.lookup([(SEEDS[0], (1, 1))]) == [None]
    cache.close()


_CELL = st.none() | st.integers() | st.floats() | st.text(max_size=12) | st.binary(max_size=8) | st.sampled_from(
    ["[]", "[[0,1]]", "0 1", "0 1 2", "-1 5", "named", "[\"a\"]", "{}", "[[0,1e999]]", "[" * 50])


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=40)
@given(st.sampled_from([("articles", c) for c in ("id", "path", "source", "title", "paragraphs", "outlet", "captions", "date")]
                       + [("quotes", c) for c in ("speaker", "kind", "start", "\"end\"", "paragraph", "cue_start", "cue_end", "via",
                                                             "evidence_start", "antecedent_end")]
                       + [("speakers", c) for c in ("name", "kind", "role", "quotes", "aliases", "mentions")]), _CELL)
def test_cache_rows_of_any_value_are_never_trusted_into_a_crash(tmp_path, where, value):
    # A well-formed cache whose rows hold junk: a lookup is a miss or a checked article, never an exception.
    path = tmp_path / "parse.sqlite"
    remove_database(path)
    cache = ParseCache(path, version="v").load()
    for _batch in load_batches([SEEDS[0]], cache):
        pass
    cache.close()
    db = sqlite3.connect(path)
    try:
        db.execute(f"UPDATE {where[0]} SET {where[1]} = ?", (value,))
    except (sqlite3.IntegrityError, OverflowError):
        return  # NULL in a NOT NULL column, or an integer SQLite cannot hold: the database itself refuses it
    finally:
        db.commit()
        db.close()
    cache = ParseCache(path, version="v").load()
    got = cache.lookup([(SEEDS[0], (SEEDS[0].stat().st_size, SEEDS[0].stat().st_mtime_ns))])
    assert got[0] is None or isinstance(got[0][0][0].title, str)
    for article, attribution in got[0] or ():  # quotes and speakers are read when first used: checked then
        assert all(q.text == article.source[q.start : q.end] for q in attribution.quotes)
        assert all(isinstance(s.name, str) for s in attribution.speakers)
        assert len(article.paragraphs) == len(list(article.paragraphs))
    cache.close()


@given(st.text())
def test_visible_keeps_length_and_lets_nothing_unsafe_through(text):
    shown = visible(text)
    assert len(shown) == len(text)
    assert UNSAFE.search(shown.replace("\n", "").replace("\t", "")) is None
    line = one_line(text)
    assert "\n" not in line and UNSAFE.search(line) is None


@given(st.lists(st.fixed_dictionaries({f: st.one_of(st.none(), st.text(max_size=30), st.integers()) for f in QUOTE_FIELDS}), max_size=4), st.sampled_from(FORMATS), st.integers(1, 300))
def test_every_export_format_renders_anything_safely(records, fmt, width):
    out = render(records, QUOTE_FIELDS, fmt, width=width)
    assert out == "" or out.endswith("\n")  # JSON Lines of nothing is nothing
    assert UNSAFE.search(out.replace("\n", "")) is None


_PART = st.sampled_from(["a", "b", "", ".", "..", "news", "x.txt", "~", "é"])


@given(st.lists(_PART, max_size=5).map("/".join), st.booleans(), st.booleans(),
       st.lists(st.tuples(st.lists(_PART, min_size=1, max_size=4).map("/".join), st.booleans()), min_size=1, max_size=3))
def test_a_shown_path_is_the_one_pathlib_gives(path, absolute, jsonl, roots):
    # shown_path compares strings when a path is written plainly (a corpus has thousands of them):
    # the names it shows must be those of PurePath.relative_to, however paths and roots are written.
    from pathlib import PurePath

    from reader.citation import shown_path

    path = ("/" if absolute else "") + path + ("#3" if jsonl else "")
    roots = [("/" if rooted else "") + root for root, rooted in roots]
    file_part, hash_, line = path.partition("#")
    expected = path
    for root in roots:
        base = PurePath(Path(root).expanduser())
        if PurePath(file_part) == base:
            expected = PurePath(file_part).name + hash_ + line
            break
        try:
            expected = PurePath(file_part).relative_to(base).as_posix() + hash_ + line
            break
        except ValueError:
            continue
    assert shown_path(path, roots) == expected
