"""A saved HTML page read for its story: which elements are clutter.

:class:`Page` wraps the tree of :mod:`reader.htmltree` and decides, once per
element, whether a reader would want it: scripts, styles, navigation,
headers, footers, asides, hidden elements and elements whose class or id
names an ad, promo, newsletter, subscribe box, related links, sharing,
cookie banner or comments are dropped (with all they hold), unless they hold
most of the page's paragraph text (a ``<form>`` wrapping a whole ASP.NET page,
a ``<div class="related-wrapper">`` around everything).

>>> page = Page('<body><nav><p>Home</p></nav><div class="share-bar">Tweet</div><p>Words.</p></body>')
>>> [text_of(page, n) for n in page.walk() if n.tag == "p"]
['Words.']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.htmltree import Node, build, measure, text_length, visible_text

__all__ = ["Page", "is_body_prop", "is_story", "pieces", "text_of"]

# --- what to drop ---------------------------------------------------------------

_DROP_TAGS = frozenset(
    """script style noscript template nav aside iframe svg button select textarea input dialog canvas
    object embed map audio video footer""".split()
)
_WRAPPER_TAGS = frozenset({"form"})  # dropped unless it holds most of the page (ASP.NET wraps pages in one)
_DROP_ROLES = frozenset(
    {"navigation", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar"}
)
_CLUTTER_WORDS = frozenset(
    """ad ads adslot adunit adunits advert adverts advertisement advertisements advertising advertorial
    dfp sponsor sponsors sponsored promo promos promoted promotion promotions newsletter newsletters
    subscribe subscription subscriptions signup paywall related share shares sharing sharebar social
    cookie cookies consent gdpr comment comments disqus outbrain taboola recommended recirc
    recirculation popup modal breadcrumb breadcrumbs nav navbar navigation menu toolbar skip
    skiplink sidebar trending disclaimer disclosure""".split()
)
# Names of two or three words: "read-more", "readMore" (camel case is lowered first), "see_also".
_CLUTTER_PHRASES = re.compile(
    r"read[-_]?more|see[-_]?also|most[-_]?(?:popular|read|viewed)|more[-_]?stories|you[-_]?may[-_]?(?:also[-_]?)?like"
)
_EMBED_WORDS = frozenset({"social"})  # share bars, or an embedded post: told apart by a <blockquote>
_CLUTTER_OR_FOOTER = _CLUTTER_WORDS | frozenset({"footer", "colophon"})
_CLUTTER_NOT_EMBED = _CLUTTER_WORDS - _EMBED_WORDS
_HEADER_WORDS = frozenset({"header", "masthead", "banner"})
_HIDDEN_CLASSES = frozenset(
    """hidden is-hidden d-none sr-only visually-hidden visuallyhidden screen-reader-text
    screen-reader-only screenreader-only offscreen""".split()
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_PIECE_SPLIT = re.compile(r"[-_\s:./]+")


def pieces(node: Node) -> set[str]:
    """Words of the class and id: ``"adContainer share-bar"`` -> {ad, container, share, bar}."""
    return _pieces_of(_class_and_id(node))


def _class_and_id(node: Node) -> str:
    attrs = node.attrs
    return f"{attrs.get('class', '')} {attrs.get('id', '')}"


def _pieces_of(raw: str) -> set[str]:
    return {p.lower() for p in _PIECE_SPLIT.split(_CAMEL.sub(" ", raw)) if p}


def _holds_quote(node: Node, limit: int = 200) -> bool:
    """Is there a ``<blockquote>`` among the first ``limit`` elements under ``node``?"""
    stack = [c for c in node.children if isinstance(c, Node)]
    while stack and limit > 0:
        child = stack.pop()
        limit -= 1
        if child.tag == "blockquote":
            return True
        stack.extend(c for c in child.children if isinstance(c, Node))
    return False


def _is_hidden(node: Node) -> bool:
    attrs = node.attrs
    if "hidden" in attrs or attrs.get("aria-hidden", "").strip().lower() == "true":
        return True
    if _HIDDEN_STYLE.search(attrs.get("style", "")):
        return True
    classes = attrs.get("class", "")
    return bool(classes) and not _HIDDEN_CLASSES.isdisjoint(classes.lower().split())


def is_story(node: Node) -> bool:
    return node.tag in ("article", "main") or node.get("role") == "main" or is_body_prop(node)


def is_body_prop(node: Node) -> bool:
    return "itemprop" in node.attrs and "articlebody" in node.attrs["itemprop"].lower().split()


class Page:
    """The parsed tree and what it says about itself."""

    def __init__(self, html: str) -> None:
        builder = build(html)
        self.root = builder.root
        self.meta = builder.meta
        self.scripts = builder.scripts
        self.title_tag = builder.title or ""
        self._verdicts: dict[int, tuple[bool, bool]] = {}  # id -> see _verdict
        self._names: dict[str, tuple[set[str], bool]] = {}  # class and id -> words, clutter
        self._measures = measure(self.root)
        self._text, self._ptext = self._measures.text, self._measures.ptext
        total_p = self._ptext[id(self.root)]
        self._total = total_p or self._text[id(self.root)]
        self._by_p = bool(total_p)
        self._summaries: dict = {}
        self._visible: dict[tuple[int, bool], list[Node]] = {}

    def has_block(self, node: Node) -> bool:
        """Does the element hold a block element (visible or not)?"""
        return self._measures.has_block[id(node)]

    def text_length(self, node: Node) -> int:
        """``len(text_of(self, node, soft=False))``; a paragraph holding others
        is measured from summaries, so nested ones are not read once per
        ancestor."""
        hidden = lambda n: self.dropped(n, in_story=True)  # noqa: E731
        if not self._measures.has_p[id(node)]:
            return len(visible_text(node, hidden))
        return text_length(node, hidden, self._summaries)

    def visible(self, top: Node | None = None, *, soft: bool = False) -> list[Node]:
        """``list(walk(top, soft=soft))``, remembered (metadata, bylines and
        captions look through the same story)."""
        key = (id(top or self.root), soft)
        found = self._visible.get(key)
        if found is None:
            found = self._visible[key] = list(self.walk(top, soft=soft))
        return found

    def pieces(self, node: Node) -> set[str]:
        """:func:`pieces` of the element, remembered (several rules ask), and
        the same set for every element of the same class and id: do not change it."""
        return self._named(_class_and_id(node))[0]

    def _named(self, raw: str) -> tuple[set[str], bool]:
        """The words of a class and id, and whether they name clutter.  Pages
        give thousands of elements the same few classes: each is read once."""
        found = self._names.get(raw)
        if found is None:
            words = _pieces_of(raw)
            clutter = bool(words & _CLUTTER_OR_FOOTER) or _CLUTTER_PHRASES.search(raw.lower()) is not None
            found = self._names[raw] = (words, clutter)
        return found

    def holds_most(self, node: Node) -> bool:
        """Does the element hold half the page's paragraph text, or more?"""
        return self._holds_most(node)

    def paragraph_text(self, node: Node) -> int:
        """Characters of paragraph text under the element (hidden or not: see :func:`reader.htmltree.measure`)."""
        return self._ptext[id(node)]

    def _holds_most(self, node: Node) -> bool:
        size = (self._ptext if self._by_p else self._text)[id(node)]
        return self._total > 0 and size * 2 >= self._total

    def dropped(self, node: Node, *, soft: bool = False, in_story: bool = False) -> bool:
        """Is this element clutter?  ``soft`` keeps headers inside the story (for metadata)."""
        verdict = self._verdicts.get(id(node))
        if verdict is None:
            verdict = self._verdicts[id(node)] = self._verdict(node)
        return verdict[0] or verdict[1] and not (soft and in_story)

    def _verdict(self, node: Node) -> tuple[bool, bool]:
        """``(clutter, a header)``: the element is dropped if it is clutter, or
        a header (not holding most of the page) when headers are not kept.
        Worked out once for both walks (the story's and the metadata's)."""
        tag = node.tag
        if tag in ("#root", "html", "body"):
            return False, False
        if tag in _DROP_TAGS or _is_hidden(node):
            return True, False
        if tag in _WRAPPER_TAGS and not self._holds_most(node):
            return True, False
        role = node.attrs.get("role", "").strip().lower()
        if role in _DROP_ROLES:
            return True, False
        words, clutter = self._named(_class_and_id(node))
        headerish = tag == "header" or role == "banner" or not _HEADER_WORDS.isdisjoint(words)
        header = headerish and not self._holds_most(node)
        if clutter and words & _EMBED_WORDS and not words & _CLUTTER_NOT_EMBED and _holds_quote(node):
            return False, header  # an embedded post (a tweet is a <blockquote>), not a share bar
        return clutter and not is_story(node) and not self._holds_most(node), header

    def walk(self, top: Node | None = None, *, soft: bool = False) -> Iterator[Node]:
        """Elements under ``top`` (pre-order) that are not clutter, nor inside clutter."""
        top = top or self.root
        in_story = soft and any(is_story(a) for a in top.ancestors())
        stack: list[tuple[Node, bool]] = [(top, in_story)]
        while stack:
            node, story = stack.pop()
            if node is not top and self.dropped(node, soft=soft, in_story=story):
                continue
            yield node
            story = story or (soft and is_story(node))
            stack.extend((c, story) for c in reversed(node.children) if isinstance(c, Node))


def text_of(page: Page, node: Node, *, soft: bool = True, skip: tuple[Node, ...] = ()) -> str:
    """The visible text of an element on one line (leaving out ``skip``)."""
    return visible_text(node, lambda n: page.dropped(n, soft=soft, in_story=True), {id(k) for k in skip})
