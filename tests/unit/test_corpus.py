"""Loading files and folders: bad files warn, the rest still loads."""

from __future__ import annotations

import codecs

from reader.corpus import decode, load, seeds_dir
from tests.support.paths import SEEDS

GOOD = "A headline for a test story\n\nThe council said on Monday that the road would reopen.\n"


def test_no_paths_loads_the_bundled_seeds():
    corpus = load()
    assert corpus.warnings == []
    assert [a.title.split()[0] for a in corpus.articles] == ["Blinken", "Secretary"]
    assert sorted(p.name for p in seeds_dir().glob("*.txt")) == [p.name for p in SEEDS]


def test_folders_are_read_recursively_and_only_article_files(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text(GOOD)
    (tmp_path / "a" / "b" / "two.md").write_text("# A markdown story title\n\nIt said something.\n")
    (tmp_path / "a" / "b" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "a" / ".hidden.txt").write_text("Secret draft title\n\nNot for the list.\n")
    corpus = load([tmp_path])
    assert sorted(a.title for a in corpus.articles) == ["A headline for a test story", "A markdown story title"]
    assert corpus.warnings == []


def test_bad_files_warn_and_the_rest_loads(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("  \n\n\t\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp_path / "good.txt").write_text(GOOD)
    corpus = load([tmp_path, tmp_path / "missing.txt"])
    assert [a.title for a in corpus.articles] == ["A headline for a test story"]
    text = "\n".join(corpus.warnings)
    assert "blank.txt: empty file; skipped" in text
    assert "empty.txt: empty file; skipped" in text
    assert "image.txt: looks like a binary file, not text; skipped" in text
    assert "missing.txt: no such file or folder" in text
    assert all("\n" not in w for w in corpus.warnings)


def test_unreadable_file_warns(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD)
    secret.chmod(0)
    try:
        corpus = load([secret])
    finally:
        secret.chmod(0o644)
    import os

    if os.geteuid() == 0:  # root reads anything; the message path is still covered by decode tests
        assert len(corpus.articles) == 1
    else:
        assert corpus.articles == [] and "permission denied" in corpus.warnings[0]


def test_windows_1252_is_decoded_with_a_note():
    text, note = decode("The mayor said \u201cit\u2019s done\u201d.".encode("cp1252"))
    assert text == "The mayor said \u201cit\u2019s done\u201d."
    assert note == "not UTF-8; read as Windows-1252"


def test_byte_order_marks_are_honoured():
    assert decode(codecs.BOM_UTF8 + "Zürich".encode()) == ("Zürich", None)
    assert decode(codecs.BOM_UTF16_LE + "Zürich".encode("utf-16-le")) == ("Zürich", None)
    assert decode(codecs.BOM_UTF16_BE + "Zürich".encode("utf-16-be")) == ("Zürich", None)


def test_the_same_article_twice_is_shown_once(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "copy.txt").write_text(GOOD)
    corpus = load([tmp_path])
    assert len(corpus.articles) == 1
    assert "copy.txt: same text as" in corpus.warnings[0]


def test_symlink_loop_does_not_hang(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "story.txt").write_text(GOOD)
    (tmp_path / "x" / "loop").symlink_to(tmp_path / "x")
    corpus = load([tmp_path])
    assert len(corpus.articles) == 1
