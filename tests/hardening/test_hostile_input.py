"""Bad input, one named test each: nothing crashes, nothing good is lost,
every skipped file gets one clear line, and everything else loads.

Each bad file sits next to a good one and goes through the real loader
(``reader.corpus.load`` and ``reader.loader.load_batches``); where the
command line or the reader show the result, they are driven too.

The two big inputs (one huge line, very many files) run at a size that keeps
the default suite quick; ``NEWSREADER_STRESS=1`` runs them at full size
(a 20 MB line, 100,000 files).
"""

from __future__ import annotations

import codecs
import io
import json
import os
import time
import zipfile
from pathlib import Path

import pytest

from reader.corpus import load
from reader.loader import load_batches, start_workers
from reader.model import Span
from reader.search import SearchIndex
from reader.ui.app import NewsReaderApp
from reader.ui.widgets.article_list import ArticleList
from reader.ui.widgets.reading_pane import ReadingPane
from tests.support.cli import newsreader

STRESS = os.environ.get("NEWSREADER_STRESS") == "1"

GOOD = 'A headline for a good test story\n\n"The road will reopen on Monday," Mayor Ana Lopez said.\n'
GOOD_TITLE = "A headline for a good test story"


# --- helpers --------------------------------------------------------------------------


def with_good(folder: Path) -> Path:
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def load_both(paths):
    """The corpus through both loaders; they must agree on articles and warnings."""
    corpus = load(paths)
    items, warnings = [], []
    for batch in load_batches(paths):
        items.extend(batch.items)
        warnings.extend(batch.warnings)
    assert [a.id for a, _ in items] == [a.id for a in corpus.articles]
    assert sorted(warnings) == sorted(corpus.warnings)
    for warning in corpus.warnings:
        assert "\n" not in warning and "\r" not in warning  # one line each
    return corpus, items


def titles(corpus) -> list[str]:
    return sorted(a.title for a in corpus.articles)


def assert_quotes_exact(items) -> None:
    for article, attribution in items:
        for quote in attribution.quotes:
            assert article.source[quote.start : quote.end] == quote.text


cli = newsreader


def skipped(corpus, name: str, reason: str) -> None:
    lines = [w for w in corpus.warnings if name in w]
    assert len(lines) == 1, corpus.warnings
    assert reason in lines[0] and lines[0].endswith("; skipped"), lines[0]


# --- empty, blank, binary -------------------------------------------------------------


def test_empty_file_is_skipped_with_one_line(tmp_path):
    (with_good(tmp_path) / "empty.txt").write_bytes(b"")
    corpus, _ = load_both([tmp_path])
    assert titles(corpus) == [GOOD_TITLE]
    skipped(corpus, "empty.txt", "empty file")


@pytest.mark.parametrize("blank", [b"   ", b"\n\n\n", b" \t\r\n\x0c\n", "\u00a0\u2003\n".encode()])
def test_whitespace_only_file_is_skipped_with_one_line(tmp_path, blank):
    (with_good(tmp_path) / "blank.md").write_bytes(blank)
    corpus, _ = load_both([tmp_path])
    assert titles(corpus) == [GOOD_TITLE]
    skipped(corpus, "blank.md", "empty file")


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 16


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("story.txt", GOOD * 50)
        archive.writestr("photo.bin", os.urandom(2048))
    return out.getvalue()


def _jpeg() -> bytes:
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(range(256)) * 8


@pytest.mark.parametrize("name, data", [("image.txt", _png()), ("archive.md", _zip()), ("photo.html", _jpeg()), ("feed.jsonl", _zip())])
def test_binary_file_with_a_text_extension_is_skipped(tmp_path, name, data):
    (with_good(tmp_path) / name).write_bytes(data)
    corpus, _ = load_both([tmp_path])
    assert titles(corpus) == [GOOD_TITLE]
    line = [w for w in corpus.warnings if name in w]
    assert len(line) == 1 and line[0].endswith("; skipped"), corpus.warnings


def test_binary_file_on_the_command_line_warns_and_the_rest_prints(tmp_path):
    (with_good(tmp_path) / "image.txt").write_bytes(_png())
    result = cli("quotes", str(tmp_path), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [f"newsreader: warning: {tmp_path / 'image.txt'}: looks like a binary file, not text; skipped"]
    assert [json.loads(line)["speaker"] for line in result.stdout.splitlines()] == ["Ana Lopez"]


# --- encodings ------------------------------------------------------------------------


def test_invalid_utf8_is_decoded_with_a_warning_not_dropped(tmp_path):
    # Mostly UTF-8 with a stray byte: read (as Windows-1252), with a note, never dropped.
    data = 'Café owners protest in the square\n\n"We stay open," the owner said. Bad byte: \xff here.\n'
    (with_good(tmp_path) / "broken.txt").write_bytes(data.encode("utf-8").replace(b"\xc3\xbf", b"\xff"))
    corpus, items = load_both([tmp_path])
    assert len(corpus.articles) == 2
    broken = next(a for a in corpus.articles if a.path.endswith("broken.txt"))
    assert "Bad byte" in broken.source and "\ufffd" not in broken.title
    notes = [w for w in corpus.warnings if "broken.txt" in w]
    assert notes == [f"{tmp_path / 'broken.txt'}: not UTF-8; read as Windows-1252"]
    assert_quotes_exact(items)


def test_windows_1252_text_is_decoded_sensibly_with_a_warning(tmp_path):
    text = "Mayor\u2019s plan \u2013 a \u201cbold\u201d move for the caf\u00e9s\n\n\u201cIt\u2019s done,\u201d the mayor said.\n"
    (with_good(tmp_path) / "cp1252.txt").write_bytes(text.encode("cp1252"))
    corpus, items = load_both([tmp_path])
    article = next(a for a in corpus.articles if a.path.endswith("cp1252.txt"))
    assert article.title == "Mayor\u2019s plan \u2013 a \u201cbold\u201d move for the caf\u00e9s"
    assert [w for w in corpus.warnings if "cp1252.txt" in w] == [f"{tmp_path / 'cp1252.txt'}: not UTF-8; read as Windows-1252"]
    quotes = [q for a, att in items if a is article or a.id == article.id for q in att.quotes]
    assert [q.text for q in quotes] == ["It\u2019s done,"]


def test_utf8_bom_is_dropped_and_the_title_is_clean(tmp_path):
    (with_good(tmp_path) / "bom.txt").write_bytes(codecs.BOM_UTF8 + "Zürich council story title\n\nIt said so.\n".encode())
    corpus, _ = load_both([tmp_path])
    assert titles(corpus) == [GOOD_TITLE, "Zürich council story title"]
    assert corpus.warnings == []


@pytest.mark.parametrize("encoding, bom", [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)])
def test_utf16_with_bom_is_read(tmp_path, encoding, bom):
    text = 'Zürich council story title\n\n"Wir bauen," Mayor Corine Mauch said on Monday.\n'
    (with_good(tmp_path) / "wide.txt").write_bytes(bom + text.encode(encoding))
    corpus, items = load_both([tmp_path])
    assert titles(corpus) == [GOOD_TITLE, "Zürich council story title"]
    assert corpus.warnings == []
    assert_quotes_exact(items)
    assert any(q.text == "Wir bauen," for _, att in items for q in att.quotes)


def test_utf16_bom_with_broken_body_is_skipped_with_a_reason(tmp_path):
    (with_good(tmp_path) / "odd.txt").write_bytes(codecs.BOM_UTF16_LE + b"A\x00B\x00\x00\xd8")  # lone surrogate
    corpus, _ = load_both([tmp_path])
    assert titles(corpus) == [GOOD_TITLE]
    skipped(corpus, "odd.txt", "byte-order mark")


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_crlf_and_cr_line_endings_read_like_lf(tmp_path, newline):
    (tmp_path / "unix.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "other.txt").write_bytes(GOOD.replace("\n", newline).encode())
    corpus, items = load_both([tmp_path / "other.txt"])
    unix, _ = load_both([tmp_path / "unix.txt"])
    assert [a.title for a in corpus.articles] == [GOOD_TITLE]
    assert [p.text.strip() for p in corpus.articles[0].paragraphs] == [p.text.strip() for p in unix.articles[0].paragraphs]
    assert [q.text for _, att in items for q in att.quotes] == ["The road will reopen on Monday,"]
    assert_quotes_exact(items)


def test_nul_bytes_inside_text_are_kept_visible_not_fatal(tmp_path):
    # A few stray NULs in real text (under 1% of the bytes): read, and shown as ␀.
    data = ("A headline with a NUL in the story\n\nThe council\x00 said the road would reopen. " + "More words here. " * 100).encode()
    (with_good(tmp_path) / "nul.txt").write_bytes(data)
    (tmp_path / "mostly-nul.txt").write_bytes(b"Title\n\n" + b"\x00" * 4000)
    corpus, items = load_both([tmp_path])
    assert titles(corpus) == [GOOD_TITLE, "A headline with a NUL in the story"]
    skipped(corpus, "mostly-nul.txt", "binary")
    assert_quotes_exact(items)
    result = cli("search", "council", str(tmp_path / "nul.txt"))
    assert result.returncode == 0 and "\x00" not in result.stdout and "\u2400" in result.stdout


# --- size -----------------------------------------------------------------------------


def test_one_huge_line_loads_in_bounded_time(tmp_path):
    size = 20 * 1024 * 1024 if STRESS else 1024 * 1024
    # Dense with quotes and speech verbs, and no line break anywhere.
    sentence = 'The council met on Monday and agreed, officials said, that the budget for roads "would grow" next year. '
    line = (sentence * (size // len(sentence) + 1))[:size]
    (with_good(tmp_path) / "huge.txt").write_text("One huge line of a story\n\n" + line + "\n", encoding="utf-8")
    started = time.monotonic()
    corpus, items = load_both([tmp_path])
    assert titles(corpus) == [GOOD_TITLE, "One huge line of a story"]
    huge = next((a, att) for a, att in items if a.title == "One huge line of a story")
    assert len(huge[1].quotes) > 1000
    assert_quotes_exact([huge])
    index = SearchIndex.build(items)
    hits = index.search("budget roads", limit=5)
    assert hits and all(0 <= h.start <= h.end <= len(huge[0].source) for h in hits if h.article_id == huge[0].id)
    assert time.monotonic() - started < (400 if STRESS else 60)  # linear, not quadratic (was: hours)


def test_one_huge_run_on_line_without_sentence_ends(tmp_path):
    # No capital letter after any full stop: the quote engine sees one endless sentence.
    size = 20 * 1024 * 1024 if STRESS else 128 * 1024
    sentence = 'the mayor said "we will fix it" and left, officials said. '
    (tmp_path / "runon.txt").write_text("A run-on story\n\n" + (sentence * (size // len(sentence))) + "\n", encoding="utf-8")
    started = time.monotonic()
    corpus, items = load_both([tmp_path])
    # every sentence's quotation is found (no reported clause: its only content is the quotation)
    assert len(items) == 1 and len(items[0][1].quotes) >= size // len(sentence)
    assert_quotes_exact(items)
    assert time.monotonic() - started < (600 if STRESS else 30)


def test_many_tiny_files_all_load(tmp_path):
    count = 100_000 if STRESS else 3_000
    for n in range(count):
        (tmp_path / f"s{n:06d}.txt").write_text(f"Tiny story number {n}\n\nThe clerk said {n}.\n", encoding="utf-8")
    corpus = load([tmp_path])
    assert len(corpus.articles) == count and corpus.warnings == []
    executor = start_workers(count, workers=2) if STRESS else None
    try:
        got = 0
        last = None
        for batch in load_batches([tmp_path], executor=executor):
            got += len(batch.items)
            last = batch
    finally:
        if executor is not None:
            executor.shutdown()
    assert got == count and last.done == last.total == count


# --- folders --------------------------------------------------------------------------


def test_deeply_nested_folders_load_without_recursion_errors(tmp_path):
    depth = 1500  # deeper than Python's recursion limit
    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        for _ in range(depth):
            os.mkdir("d")
            os.chdir("d")
        Path("deep.txt").write_text(GOOD.replace("good", "deep"), encoding="utf-8")
    finally:
        os.chdir(here)
    with_good(tmp_path)
    try:
        corpus, _ = load_both([tmp_path])
        assert titles(corpus) == ["A headline for a deep test story", GOOD_TITLE]
    finally:
        _remove_chain(tmp_path, "d")  # pytest's own clean-up recurses, and would fail


def _remove_chain(folder: Path, name: str) -> None:
    """Remove folder/name/name/... without recursion: go down, then rmdir upwards."""
    here = os.getcwd()
    os.chdir(folder)
    depth = 0
    try:
        while os.path.isdir(name):
            os.chdir(name)
            depth += 1
        for entry in os.listdir("."):
            os.unlink(entry)
        for _ in range(depth):
            os.chdir("..")
            os.rmdir(name)
    finally:
        os.chdir(here)


def test_symlink_loop_is_walked_once(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    with_good(tmp_path / "a" / "b")
    (tmp_path / "a" / "b" / "back").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "self").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    corpus, _ = load_both([tmp_path])
    assert titles(corpus) == [GOOD_TITLE]
    skipped(corpus, "dangling.txt", "file not found")


def _fail_reading(monkeypatch, name: str, error: OSError) -> None:
    """The file is listed, then fails when read (it vanished, or lost its permission)."""
    import reader.corpus

    real = reader.corpus.read_user_file

    def read_user_file(path, limit):
        if Path(path).name == name:
            raise error
        return real(path, limit)

    monkeypatch.setattr(reader.corpus, "read_user_file", read_user_file)


def test_file_that_vanishes_between_listing_and_reading(tmp_path, monkeypatch):
    (with_good(tmp_path) / "gone.txt").write_text(GOOD.replace("good", "gone"))
    _fail_reading(monkeypatch, "gone.txt", FileNotFoundError(2, "No such file or directory"))
    corpus, _ = load_both([tmp_path])
    assert titles(corpus) == [GOOD_TITLE]
    skipped(corpus, "gone.txt", "file not found")


def test_file_deleted_for_real_after_listing(tmp_path):
    with_good(tmp_path)
    gone = tmp_path / "gone.txt"
    gone.write_text(GOOD.replace("good", "gone"))
    batches = load_batches([tmp_path])
    gone.unlink()  # the listing happens on the first next(); delete right after it starts
    items = [item for batch in batches for item in batch.items]
    assert len(items) in (1, 2)  # listed before or after the delete: never a crash


def test_file_that_loses_read_permission_between_listing_and_reading(tmp_path, monkeypatch):
    (with_good(tmp_path) / "locked.txt").write_text(GOOD.replace("good", "locked"))
    _fail_reading(monkeypatch, "locked.txt", PermissionError(13, "Permission denied"))
    corpus, _ = load_both([tmp_path])
    assert titles(corpus) == [GOOD_TITLE]
    skipped(corpus, "locked.txt", "permission denied")


def test_other_io_errors_while_reading_are_one_line(tmp_path, monkeypatch):
    (with_good(tmp_path) / "eio.txt").write_text(GOOD.replace("good", "eio"))
    _fail_reading(monkeypatch, "eio.txt", OSError(5, "Input/output error"))
    corpus, _ = load_both([tmp_path])
    assert titles(corpus) == [GOOD_TITLE]
    skipped(corpus, "eio.txt", "Input/output error")


# --- quotation marks ------------------------------------------------------------------


QUOTE_CASES = {
    "unbalanced": 'A story with an open quote\n\n"This quote never closes, the mayor said.\n\nThe next paragraph is plain.\n',
    "unbalanced-curly": "A story with a curly open quote\n\n\u201cThis quote never closes, the mayor said.\n\n\u201cAnd neither does this.\n",
    "mismatched": 'A story with mismatched marks\n\n\u201cWe will win," the mayor said. \u2018Sure\u201d, said Bob.\n',
    "stray-closers": "A story with stray closers\n\n\u201d\u201d\u201d\u2019 The mayor said \u201d nothing \u201d.\n",
    "nested": 'A story with nested quotes\n\n"She told me \'we said "no" to them\' twice," the mayor said.\n',
    "guillemets": "A story with guillemets\n\n\u00abNous gagnerons\u00bb, a dit le maire. \u201eWir auch\u201c, sagte Bob.\n",
}


@pytest.mark.parametrize("case", list(QUOTE_CASES))
def test_unbalanced_mismatched_and_nested_quotation_marks(tmp_path, case):
    (with_good(tmp_path) / f"{case}.txt").write_text(QUOTE_CASES[case], encoding="utf-8")
    corpus, items = load_both([tmp_path])
    assert len(corpus.articles) == 2 and corpus.warnings == []
    assert_quotes_exact(items)
    for article, attribution in items:
        for quote in attribution.quotes:
            headline = Span(0, article.paragraphs[0].start, "")  # paragraph -1: the headline's quote
            para = article.paragraphs[quote.paragraph] if quote.paragraph >= 0 else headline
            assert para.start <= quote.start < quote.end <= para.end
    good = next(att for a, att in items if a.title == GOOD_TITLE)
    assert [q.speaker for q in good.quotes] == ["Ana Lopez"]


def test_thousands_of_quotes_in_one_article(tmp_path):
    body = " ".join(f'"Point number {n} stands," Mayor Ana Lopez said.' for n in range(3000))
    (tmp_path / "quotes.txt").write_text("A story made of quotes\n\n" + body + "\n", encoding="utf-8")
    started = time.monotonic()
    corpus, items = load_both([tmp_path])
    (article, attribution), = items
    assert len(attribution.quotes) == 3000
    assert {q.speaker for q in attribution.quotes} == {"Ana Lopez"}
    assert_quotes_exact(items)
    assert time.monotonic() - started < 30  # was quadratic: minutes


async def test_thousands_of_quotes_show_in_the_reader(tmp_path):
    body = "\n\n".join(f'"Point {n} stands," Mayor Ana Lopez said on day {n}.' for n in range(1000))
    (tmp_path / "quotes.txt").write_text("A story made of quotes\n\n" + body + "\n", encoding="utf-8")
    app = NewsReaderApp(load([tmp_path]))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.query_one(ReadingPane)
        assert len(pane.attribution.quotes) == 1000
        await pilot.press("tab", "G", "left_square_bracket")
        assert app.sub_title == "quote 1000 of 1000 · Ana Lopez: named (Mayor Ana Lopez said)"


# --- scripts, emoji, combining characters -----------------------------------------------


SCRIPTS = {
    "chinese": ("外交部长王毅会见布林肯", "“我们反对，”王毅说。", "我们反对，"),
    "arabic": ("وزير الخارجية يلتقي نظيره", "«سنواصل العمل»، قال الوزير محمد علي.", "سنواصل العمل"),
    "hebrew": ("ראש העיר נפגש עם התושבים", '"נמשיך לעבוד," אמר ראש העיר דוד כהן.', "נמשיך לעבוד,"),
    "russian": ("Мэр встретился с жителями", "«Мы продолжим работу», — сказал мэр Иван Петров.", "Мы продолжим работу"),
    "mixed-rtl": ("Talks in القاهرة end", '"We met in القاهرة today," Minister Sameh Shoukry said.', "We met in القاهرة today,"),
}


@pytest.mark.parametrize("script", list(SCRIPTS))
def test_non_latin_scripts_and_right_to_left_text(tmp_path, script):
    title, paragraph, quoted = SCRIPTS[script]
    (with_good(tmp_path) / f"{script}.txt").write_text(f"{title}\n\n{paragraph}\n", encoding="utf-8")
    corpus, items = load_both([tmp_path])
    assert titles(corpus) == sorted([GOOD_TITLE, title]) and corpus.warnings == []
    assert_quotes_exact(items)
    article = next(a for a in corpus.articles if a.title == title)
    assert paragraph in article.source
    index = SearchIndex.build(items)
    word = max(title.split(), key=len)
    assert any(h.article_id == article.id for h in index.search(word, limit=20))
    result = cli("quotes", str(tmp_path / f"{script}.txt"), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    for record in map(json.loads, result.stdout.splitlines()):
        assert article.source[record["start"] : record["end"]] == record["text"]


async def test_non_latin_and_emoji_articles_show_in_the_reader(tmp_path):
    for script, (title, paragraph, _) in SCRIPTS.items():
        (tmp_path / f"{script}.txt").write_text(f"{title}\n\n{paragraph}\n", encoding="utf-8")
    (tmp_path / "emoji.txt").write_text(EMOJI, encoding="utf-8")
    app = NewsReaderApp(load([tmp_path]))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for _ in range(len(SCRIPTS) + 1):
            await pilot.press("j")
            await pilot.pause()
        assert app.query_one(ArticleList).option_count == len(SCRIPTS) + 1
        app.export_screenshot()  # renders every cell: wide, RTL and combining text included


EMOJI = (
    "Cafe\u0301 owners 🎉 cheer the 👩‍👩‍👧‍👦 family plan 🇺🇦\n\n"
    '"We love it 😀👍🏽," said Zoe\u0308 Ne\u0301ron, owner of the cafe\u0301. Z\u0336a\u0336l\u0336g\u0336o\u0336 text.\n'
)


def test_emoji_and_combining_characters(tmp_path):
    (with_good(tmp_path) / "emoji.txt").write_text(EMOJI, encoding="utf-8")
    corpus, items = load_both([tmp_path])
    assert len(corpus.articles) == 2 and corpus.warnings == []
    article = next(a for a in corpus.articles if "owners" in a.title)
    assert article.title == "Cafe\u0301 owners 🎉 cheer the 👩‍👩‍👧‍👦 family plan 🇺🇦"
    assert_quotes_exact(items)
    quotes = [q for a, att in items if a.id == article.id for q in att.quotes]
    assert [q.text for q in quotes] == ["We love it 😀👍🏽,"]
    index = SearchIndex.build(items)
    assert index.search("cafe owners", limit=5)[0].article_id == article.id  # accents forgiven
    for fmt in ("table", "md", "csv", "json", "jsonl"):
        result = cli("quotes", str(tmp_path / "emoji.txt"), "--format", fmt)
        assert result.returncode == 0 and "😀👍🏽" in result.stdout, (fmt, result.stderr)
