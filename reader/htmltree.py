"""The HTML tree :mod:`reader.formats` reads a saved page into.

The standard library's :mod:`html.parser` feeds :class:`TreeBuilder`, which
keeps a small tree of :class:`Node` (tag, attributes, children: nodes and
strings), closes ``<p>``, ``<li>``, ``<dt>`` and ``<dd>`` the way browsers
imply, collects ``<meta>`` and the ``<title>``, and flattens elements nested
deeper than ``MAX_DEPTH`` into their ancestor, so that no walk over the tree
comes near the recursion limit.  Building costs time linear in the page.

>>> root = build("<p>One <b>two</b><p>three &amp; four").root
>>> [(n.tag, n.children[0]) for n in root.children]
[('p', 'One '), ('p', 'three & four')]
"""

from __future__ import annotations

import _markupbase
import re
from collections.abc import Callable, Collection, Iterator
from html import unescape
from html.parser import HTMLParser
from typing import NamedTuple

__all__ = [
    "BLOCK", "LOOSE_PARAGRAPH", "MAX_DEPTH", "NOT_LOOSE", "RAW", "Node", "Measures", "TreeBuilder",
    "build", "measure", "text_length", "visible_text",
]

MAX_DEPTH = 160  # deeper elements are flattened into their ancestor (keeps walks off the recursion limit)

_VOID = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr basefont frame".split()
)
BLOCK = frozenset(
    """address article aside blockquote body caption center dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav noscript
    ol p pre section summary table tbody td tfoot th thead tr ul iframe video audio canvas""".split()
)
# Elements whose start closes an open <p> (HTML's implied end tags, simplified).
_CLOSES_P = BLOCK - {"li", "dd", "dt", "td", "th", "tr", "tbody", "thead", "tfoot", "caption", "body", "html"}
RAW = frozenset({"script", "style"})

# html.parser (before CPython's 2025 fix, CVE-2025-6069) looks for the end of
# an unclosed comment or marked section through the rest of the page, once
# for every such "<!--" or "<![": n squared for a page of many.  A search
# that found no end from some position finds none from any later one, so
# TreeBuilder remembers it.  Only where the parser is the one described.
_COMMENT_END = re.compile(r"--\s*>")
_SECTION_END = re.compile(r"]\s*>")  # the end of every marked section ends so
_SECTION_NAMES = frozenset("temp cdata ignore include rcdata if else endif".split())
_COMMENT_CLOSE = getattr(_markupbase, "_commentclose", None)  # gone from newer Pythons
_OLD_PARSER = (
    HTMLParser.parse_comment is _markupbase.ParserBase.parse_comment
    and HTMLParser.parse_marked_section is _markupbase.ParserBase.parse_marked_section
    and _COMMENT_CLOSE is not None
    and _COMMENT_CLOSE.pattern == _COMMENT_END.pattern
)


class Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []
        self.parent = parent

    def get(self, name: str) -> str:
        return self.attrs.get(name, "")

    def ancestors(self) -> Iterator[Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.stack: list[Node] = [self.root]
        self.meta: dict[str, list[str]] = {}
        self.scripts: list[Node] = []  # every <script>, in page order (JSON-LD is read from them)
        self.title: str | None = None
        self._in_title = False
        self._title_parts: list[str] = []
        self._raw_skip: str | None = None  # a script/style past the depth limit
        self._text_in: list[Node | str] | None = None  # the children list the text below goes to
        self._text: list[str] = []  # text read since the last element (joined once, on flush)
        self._no_end: dict[str, tuple[str, int]] = {}  # end searched for -> (text, a start that found none)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        amap: dict[str, str] = {}
        for name, value in attrs:
            amap.setdefault(name, value or "")
        if tag == "meta":
            key = (amap.get("property") or amap.get("name") or amap.get("itemprop") or "").strip().lower()
            content = " ".join(amap.get("content", "").split())
            if key and content:
                self.meta.setdefault(key, []).append(content)
        if tag == "title" and self.title is None and not any(n.tag == "svg" for n in self.stack):
            self._in_title = True
        if tag in _CLOSES_P:
            self._close_through("p", stop=BLOCK)
        elif tag == "li":
            self._close_through("li", stop=frozenset({"ul", "ol", "menu"}))
        elif tag in ("dt", "dd"):
            self._close_through("dt", "dd", stop=frozenset({"dl"}))
        parent = self.stack[-1]
        node = Node(tag, amap, parent)
        if tag == "script":
            self.scripts.append(node)
        self.flush_text()
        parent.children.append(node)
        if tag in _VOID:
            return
        if len(self.stack) >= MAX_DEPTH:
            if tag in RAW:
                self._raw_skip = tag
            return
        self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._raw_skip:
            self._raw_skip = None
            return
        if tag == "title" and self._in_title:
            self._in_title = False
            self.title = " ".join("".join(self._title_parts).split())
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def _close_through(self, *tags: str, stop: frozenset[str]) -> None:
        """Close an open element of these tags if only inline elements (or a <p>) lie above it."""
        for i in range(len(self.stack) - 1, 0, -1):
            tag = self.stack[i].tag
            if tag in tags:
                del self.stack[i:]
                return
            if tag in stop and tag != "p":
                return

    def handle_data(self, data: str) -> None:
        if self._raw_skip:
            return
        if self._in_title:
            self._title_parts.append(data)
        children = self.stack[-1].children
        if self._text_in is not children:
            self.flush_text()
            self._text_in = children
            tail = children[-1] if children else None
            if isinstance(tail, str):
                children.pop()
                self._text.append(tail)  # text after a comment or a stray end tag
        self._text.append(data)

    def parse_comment(self, i: int, report: bool = True) -> int:
        if _OLD_PARSER and self.rawdata.startswith("<!--", i) and self._none_from("comment", _COMMENT_END, i + 4):
            return -1  # as the parser would say, after reading the rest of the page again
        return super().parse_comment(i, report)

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        if _OLD_PARSER and self.rawdata.startswith("<![", i) and self._none_from("section", _SECTION_END, i + 3):
            name, j = self._scan_name(i + 3, i)  # type: ignore[attr-defined]  # ParserBase's, not in its stubs
            if j < 0 or name in _SECTION_NAMES:
                return j if j < 0 else -1
        return super().parse_marked_section(i, report)

    def _none_from(self, what: str, end: re.Pattern, start: int) -> bool:
        """Does ``end`` occur nowhere in the text being parsed from ``start`` on?"""
        known = self._no_end.get(what)
        if known is not None and known[0] is self.rawdata and start >= known[1]:
            return True
        if end.search(self.rawdata, start) is None:
            self._no_end[what] = (self.rawdata, start)
            return True
        return False

    def flush_text(self) -> None:
        """Put the text read since the last element into the tree, as one string.

        Text arrives in pieces (a stray ``<`` or ``</b>`` in a script is a
        piece of its own); adding each piece to the string before it would
        copy that string every time, n squared for a long text.
        """
        if self._text:
            assert self._text_in is not None  # text is read into the children of an open element
            self._text_in.append("".join(self._text))
            self._text = []
        self._text_in = None


def build(html: str) -> TreeBuilder:
    """The tree of ``html``.  Never raises.

    After the last ``>`` no tag, comment or declaration can end, so what
    follows it is text; html.parser would find that out again at every
    ``<`` in it, reading to the end each time (n squared), so it is given
    only the page up to there.
    """
    builder = TreeBuilder()
    last = html.rfind(">")
    tail = html[last + 1 :] if "<" in html[last + 1 :] else ""
    rest = html[: last + 1] if tail else html
    for _ in range(100):
        try:
            builder.feed(rest)
            builder.close()
            break
        except Exception:  # noqa: BLE001 - a construct html.parser rejects ("<![foo ...")
            # Read its "<" as text and carry on from there.
            line, column = builder.getpos()
            at = _offset(rest, line, column)
            if at >= len(rest) or rest[at] != "<":
                break
            builder.reset()
            rest = "&lt;" + rest[at + 1 :]
    if tail and builder.cdata_elem is None:
        builder.handle_data(unescape(tail))  # (inside an unclosed script it is dropped, as the parser would)
    builder.flush_text()
    if builder._in_title and builder.title is None:
        builder.title = " ".join("".join(builder._title_parts).split())
    return builder


def _offset(text: str, line: int, column: int) -> int:
    """The index of (1-based line, 0-based column) in ``text``."""
    at = 0
    for _ in range(line - 1):
        at = text.find("\n", at) + 1
        if at == 0:
            return len(text)
    return at + column


# --- measures over the tree -----------------------------------------------------------
#
# Each is one pass with an explicit stack: no recursion (the tree may be
# MAX_DEPTH deep), and nested elements are not walked once per ancestor.


class Measures(NamedTuple):
    """What :func:`measure` finds for every element, by ``id``."""

    text: dict[int, int]  # characters of text under it (each text node stripped; none in scripts, styles)
    ptext: dict[int, int]  # the part of that inside a <p>
    has_block: dict[int, bool]  # holds a block element
    has_p: dict[int, bool]  # holds a <p>


LOOSE_PARAGRAPH = 80  # characters: a text run this long outside any <p> (and links) counts as paragraph text


def measure(root: Node) -> Measures:
    """Text sizes and contents of every element, in one pass.

    Paragraph text (``ptext``) is the text inside ``<p>``, and also each run
    of text of at least ``LOOSE_PARAGRAPH`` characters standing loose in a
    container (pages that set their story in ``<br>``-separated text, with
    no ``<p>``), but not in a link, heading or list item.

    >>> root = build("<div>a <p>bc <b>d</b></p><script>x</script></div>").root
    >>> found = measure(root)
    >>> div = root.children[0]
    >>> found.text[id(div)], found.ptext[id(div)], found.has_block[id(div)], found.has_block[id(div.children[1])]
    (4, 3, True, False)
    >>> loose = "A sentence long enough to be a paragraph of its own, set in a div without any p element."
    >>> root = build(f"<div>{loose}<br>{loose}<a>{loose}</a></div>").root
    >>> found = measure(root)
    >>> found.ptext[id(root)] == 2 * len(loose)
    True
    """
    order: list[tuple[Node, bool, bool]] = []  # pre-order, with "inside a <p>", "inside a link/heading/item"
    stack = [(root, False, False)]
    while stack:
        node, in_p, in_other = stack.pop()
        order.append((node, in_p, in_other))
        inside = in_p or node.tag == "p"
        other = in_other or node.tag in NOT_LOOSE
        stack.extend((c, inside, other) for c in node.children if isinstance(c, Node))
    text: dict[int, int] = {}
    ptext: dict[int, int] = {}
    has_block: dict[int, bool] = {}
    has_p: dict[int, bool] = {}
    for node, in_p, in_other in reversed(order):  # children before their parents
        t = p = 0
        block = holds_p = False
        raw = node.tag in RAW
        inside = in_p or node.tag == "p"
        loose_ok = not inside and not in_other and node.tag not in NOT_LOOSE
        for child in node.children:
            if isinstance(child, str):
                if not raw:
                    n = len(child.strip())
                    t += n
                    p += n if inside or (loose_ok and n >= LOOSE_PARAGRAPH) else 0
            else:
                block = block or child.tag in BLOCK or has_block[id(child)]
                holds_p = holds_p or child.tag == "p" or has_p[id(child)]
                if not raw:
                    t += text[id(child)]
                    p += ptext[id(child)]
        text[id(node)], ptext[id(node)], has_block[id(node)], has_p[id(node)] = t, p, block, holds_p
    return Measures(text, ptext, has_block, has_p)


NOT_LOOSE = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "figcaption", "caption",
                        "button", "label", "option", "title", "noscript", "textarea", "pre", "code"} | RAW)


def visible_text(node: Node, hidden: Callable[[Node], bool], skip: Collection[int] = ()) -> str:
    """The text under ``node`` on one line, leaving out elements ``hidden``
    says are, and those whose ``id`` is in ``skip``; elements are set apart
    by spaces.

    >>> visible_text(build("<p>a<b>b</b>c<i>x</i></p>").root, lambda n: n.tag == "i")
    'a b c'
    """
    parts: list[str] = []
    stack = [iter(node.children)]
    while stack:
        for child in stack[-1]:
            if isinstance(child, str):
                parts.append(child)
            elif id(child) not in skip and not hidden(child):
                parts.append(" ")
                stack.append(iter(child.children))
                break
        else:
            stack.pop()
            if stack:
                parts.append(" ")
    return " ".join("".join(parts).split())


# How a piece of text joins the text around it: (characters that are not
# space, words, starts with a word character, ends with one, not empty).
_Summary = tuple[int, int, bool, bool, bool]
_NOTHING: _Summary = (0, 0, False, False, False)


def _then(a: _Summary, b: _Summary) -> _Summary:
    if not a[4]:
        return b
    if not b[4]:
        return a
    return a[0] + b[0], a[1] + b[1] - (a[3] and b[2]), a[2], b[3], True


def _of_string(s: str) -> _Summary:
    words = s.split()
    starts, ends = s[:1] != "" and not s[0].isspace(), s[-1:] != "" and not s[-1].isspace()
    return sum(map(len, words)), len(words), starts, ends, s != ""


def text_length(node: Node, hidden: Callable[[Node], bool], memo: dict[int, _Summary]) -> int:
    """``len(visible_text(node, hidden))`` without building the text: from a
    summary of each element, kept in ``memo`` (so the lengths of nested
    elements cost one pass, not one per ancestor).

    >>> p = build("<p>one <b>two</b>three<i>x</i> four</p>").root.children[0]
    >>> text_length(p, lambda n: n.tag == "i", {}) == len(visible_text(p, lambda n: n.tag == "i"))
    True
    """
    stack = [(node, False)]
    while stack:
        top, ready = stack.pop()
        if id(top) in memo:
            continue
        if not ready:
            stack.append((top, True))
            stack.extend(
                (c, False) for c in top.children if isinstance(c, Node) and id(c) not in memo and not hidden(c)
            )
            continue
        acc = _NOTHING
        for child in top.children:
            if isinstance(child, str):
                acc = _then(acc, _of_string(child))
            elif not hidden(child):
                chars, words = memo[id(child)][:2]
                acc = _then(acc, (chars, words, False, False, True))  # " " + its text + " "
        memo[id(top)] = acc
    chars, words = memo[id(node)][:2]
    return chars + max(words - 1, 0)
