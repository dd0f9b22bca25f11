"""Split the text of an article file into paragraphs, keeping their offsets.

Paragraphs are blocks separated by blank lines.  A block is one paragraph
when it is a hard-wrapped paragraph (lines of similar width, 50 to 100
characters, that do not each end a sentence; any block in Markdown) or a
table (two lines or more with columns); otherwise each of its lines is a
paragraph of its own (a plain-text headline, byline and dateline)::

    >>> text = ("Storm shuts Elwin port\\nBy Jane Doe\\n\\n"
    ...         "The port of Elwin closed on Monday as the storm reached\\n"
    ...         "the coast, and the harbour master said it would stay shut.")
    >>> for p in split_paragraphs(text):
    ...     print(p.start, p.end, repr(p.text[:60]))
    0 22 'Storm shuts Elwin port'
    23 34 'By Jane Doe'
    36 150 'The port of Elwin closed on Monday as the storm reached\\nthe '
"""

from __future__ import annotations

import re

from reader.model import Span

__all__ = ["is_byline_line", "is_desk_line", "split_paragraphs"]

_TABLE_LINE = re.compile(r"\S(?: {3,}|\t)\S")
_NAME = r"[A-Z][a-z\u00c0-\u024f'’.-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z\u00c0-\u024f'’-]+|de|van|von|da|di|al|bin)){1,3}"
_BYLINE_LINE = re.compile(
    rf"^(?:By|BY)\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*"  # By Jane Doe and John Roe (not BY JANE DOE:
    # in capitals a name cannot be told from "BY THE TIME IT SHUT")
    r"(?:\s*[,|–—-]\s*[A-Z][\w'’&.]*(?:\s+[\w'’&.]+){0,6})?$"  # , Example Ledger Staff Writer
)
_DESK_LINE = re.compile(r"^(?:[A-Z][\w&'’.-]*\s+){0,3}(?:Desk|Bureau|Newsroom|DESK|BUREAU|NEWSROOM)$")


def is_byline_line(text: str) -> bool:
    """A line naming the writer: ``By`` and a name or two, perhaps a role.

    >>> is_byline_line("By Jane Doe, Example Ledger Staff Writer"), is_byline_line("By then the port had shut")
    (True, False)
    """
    return len(text) <= 100 and _BYLINE_LINE.match(text) is not None


def is_desk_line(text: str) -> bool:
    """A line naming the desk or bureau that wrote the story.

    >>> is_desk_line("Industry Desk"), is_desk_line("WASHINGTON BUREAU"), is_desk_line("Front desk")
    (True, True, False)
    """
    return _DESK_LINE.match(text) is not None


def _lines(source: str, begin: int = 0) -> list[tuple[int, int] | None]:
    """Non-blank lines as (start, end) without surrounding space; None for a blank line."""
    out: list[tuple[int, int] | None] = []
    pos = begin
    n = len(source)
    for match in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", source[begin:]):
        raw = match.group()
        if not raw:
            break
        content = raw.rstrip("\r\n")
        stripped = content.strip()
        if not stripped:
            out.append(None)
        else:
            lead = len(content) - len(content.lstrip())
            start = pos + lead
            out.append((start, start + len(stripped)))
        pos += len(raw)
        if pos >= n:
            break
    return out


def _is_wrapped(lines: list[tuple[int, int]], markdown: bool) -> bool:
    """Do these consecutive lines form one hard-wrapped paragraph?"""
    if len(lines) < 2:
        return False
    if markdown:
        return True
    widths = [end - start for start, end in lines]
    widest = max(widths)
    if widest > 100 or widest < 50:
        return False
    return all(w >= 0.7 * widest for w in widths[:-1])


def _sentence_ends(source: str, lines: list[tuple[int, int]]) -> bool:
    """Do most lines but the last end a sentence (separate lines, not wrapping)?"""
    ends = sum(source[end - 1] in ".!?" for _, end in lines[:-1])
    return ends * 2 >= len(lines) - 1


def split_paragraphs(source: str, *, markdown: bool = False, begin: int = 0) -> list[Span]:
    """Split text into paragraphs: blank-line separated blocks, one per line
    unless the block is a hard-wrapped paragraph (or a table)."""
    paras: list[Span] = []
    block: list[tuple[int, int]] = []

    def flush() -> None:
        if len(block) < 2:  # no line to cut, no table, not wrapped: the line is the paragraph
            paras.extend(Span(s, e, source[s:e]) for s, e in block)
            block.clear()
            return
        texts = [source[s:e] for s, e in block]
        cut = next((i for i in range(1, len(texts)) if is_byline_line(texts[i]) or is_desk_line(texts[i])), 0)
        if cut:  # a headline with its byline or desk on the next line: never one paragraph
            rest = block[cut:]
            del block[cut:]
            flush()
            paras.append(Span(rest[0][0], rest[0][1], texts[cut]))
            block.extend(rest[1:])
            flush()
            return
        table = sum(bool(_TABLE_LINE.search(t)) for t in texts) >= 2
        wrapped = _is_wrapped(block, markdown) and not _starts_list(texts[1:])
        if table or (wrapped and (markdown or not _sentence_ends(source, block))):
            start, end = block[0][0], block[-1][1]
            paras.append(Span(start, end, source[start:end]))
        else:
            paras.extend(Span(s, e, source[s:e]) for s, e in block)
        block.clear()

    for line in _lines(source, begin):
        if line is None:
            flush()
        else:
            block.append(line)
    flush()
    return paras


def _starts_list(texts: list[str]) -> bool:
    return any(re.match(r"(?:[-*+•]|\d+[.)])\s", t) for t in texts)
