"""``newsreader show``: what the reader extracted, as text, Markdown or JSON Lines."""

from __future__ import annotations

import json

from reader.cli import main

PAGE = """<!DOCTYPE html><html><head><title>Storm shuts Elwin port | Elwin Bugle</title>
<meta property="og:site_name" content="Elwin Bugle"><meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2026-12-07T09:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>Storm shuts Elwin port</h1>
<figure><img src="x.jpg">
<figcaption>Waves break over the quay on Monday. <cite>Ann Lee/Elwin Bugle</cite></figcaption></figure>
<p>The port of Elwin closed on Monday as the storm reached the coast, officials said.</p>
<p>"We have never seen water this high," the harbour master said.</p></article></body></html>"""

TEXT = "Ferry services cut\nBy Sam Roe\n\nThe island ferry will run four times a day, not six, the operator said.\n"


def test_json_has_one_object_per_article_with_the_extracted_fields(tmp_path, capsys):
    (tmp_path / "storm.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "ferry.txt").write_text(TEXT, encoding="utf-8")
    code = main(["show", "--format", "json", str(tmp_path / "storm.html"), str(tmp_path / "ferry.txt")])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0 and len(lines) == 2
    storm, ferry = (json.loads(line) for line in lines)
    assert storm["path"].endswith("storm.html")
    assert (storm["title"], storm["outlet"], storm["byline"]) == ("Storm shuts Elwin port", "Elwin Bugle", "Jane Doe")
    assert storm["date"] == "2026-12-07T09:00:00Z"
    assert storm["captions"] == [{"text": "Waves break over the quay on Monday.", "credit": "Ann Lee/Elwin Bugle"}]
    assert storm["body"].split("\n") == [
        "The port of Elwin closed on Monday as the storm reached the coast, officials said.",
        '"We have never seen water this high," the harbour master said.',
    ]
    assert "url" in storm and storm["url"] is None
    assert (ferry["title"], ferry["byline"]) == ("Ferry services cut", "Sam Roe")


def test_text_and_markdown_show_the_headline_metadata_and_paragraphs(tmp_path, capsys):
    (tmp_path / "storm.html").write_text(PAGE, encoding="utf-8")
    assert main(["show", str(tmp_path / "storm.html")]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Storm shuts Elwin port\n")
    assert "Elwin Bugle · By Jane Doe" in text and "officials said.\n\n\"We have never" in text
    assert main(["show", "--format", "md", str(tmp_path / "storm.html")]) == 0
    md = capsys.readouterr().out
    assert md.startswith("# Storm shuts Elwin port\n") and "> Waves break over the quay on Monday." in md


def test_a_missing_file_and_a_url_are_messages_and_the_rest_is_shown(tmp_path, capsys):
    (tmp_path / "ferry.txt").write_text(TEXT, encoding="utf-8")
    code = main(["show", "--format", "json", str(tmp_path / "gone.html"), "https://nonexistent.invalid/story",
                 str(tmp_path / "ferry.txt")])
    out, err = capsys.readouterr()
    assert code == 1
    assert json.loads(out)["title"] == "Ferry services cut"
    assert "gone.html: no such file or folder" in err
    assert "https://nonexistent.invalid/story: cannot find the server nonexistent.invalid" in err
    assert "Traceback" not in err


def test_hostile_text_in_a_page_reaches_the_terminal_without_control_characters(tmp_path, capsys):
    hostile = PAGE.replace("Storm shuts Elwin port</h1>", "Storm \x1b[31mshuts\x07 Elwin port</h1>")
    (tmp_path / "storm.html").write_text(hostile.replace("<title>Storm shuts Elwin port | Elwin Bugle</title>", ""))
    assert main(["show", str(tmp_path / "storm.html")]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out


def test_markdown_renders_no_link_image_or_html_from_the_page(tmp_path, capsys):
    hostile = PAGE.replace(
        "<p>The port of Elwin closed",
        "<p>![x](https://t.example/p.gif) <a href='#'>&lt;img src=x onerror=alert(1)&gt;</a> [win](javascript:x)</p>"
        "<p>The port of Elwin closed",
    )
    (tmp_path / "storm.html").write_text(hostile, encoding="utf-8")
    assert main(["show", "--format", "md", str(tmp_path / "storm.html")]) == 0
    md = capsys.readouterr().out
    assert "<img" not in md and "](" not in md and "![" not in md
    assert "&lt;img src=x onerror=alert" in md
