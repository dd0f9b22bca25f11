"""Two more article formats: HTML pages saved from a browser, and JSON Lines.

Both end in the same place as a plain-text file: an :class:`Article` made by
:func:`reader.cleaning.parse_article`, so every boilerplate rule applies, with
the metadata the format states outright (title, outlet, byline, date,
section, captions) put in place of what the cleaner guessed.

**HTML.**  :func:`parse_html` reads the page with the standard library's
:mod:`html.parser` into a small tree, drops what a reader never sees or never
wants (scripts, styles, navigation, headers, footers, asides, forms, hidden
elements, and elements whose class or id names an ad, promo, newsletter,
subscribe box, related links, sharing or social buttons, cookie banner or
comments), finds the story (``[itemprop=articleBody]``, else ``<article>``,
else ``<main>``, else the container holding the most paragraph text) and
takes its paragraphs, headings, block quotes and list items, with entities
decoded.  Figure captions become :class:`Caption` records (the credit from a
nested ``<cite>`` or ``.credit``).

*Offsets for HTML refer to the extracted text, not to the HTML.*  The
article's ``source`` is that extracted text, laid out like a plain-text
seed: the title on the first line, a blank line, then the paragraphs
separated by blank lines.  So ``source[span.start:span.end] == span.text``
holds as for any other article, and quotes point at words a reader sees.

*The id is* ``article_id`` *of the extracted text* (what the cleaner gives
any article: the hash of its ``source``).  The same story saved twice, with
different ads, scripts or timestamps around it, gets the same id and is
shown once; the id changes only when the extracted words change.

**JSON Lines.**  :func:`parse_jsonl` reads one JSON object per line with
``title`` and ``text`` (required, non-empty strings) and optional
``outlet``, ``author``, ``date``, ``section`` and ``url`` (strings; ``null``
counts as absent, ``author`` may also be a list of strings; ``url`` is
checked but the model has no place for it).  Each record's ``source`` is
``title + "\\n\\n" + text`` (the title folded onto one line), its path
``f"{path}#{line_number}"`` (1-based) and its id ``article_id`` of that
source.  A bad line becomes a one-line warning and the rest still loads.

Neither function raises on any input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from reader.cleaning import parse_article, split_paragraphs
from reader.htmltree import BLOCK as _BLOCK
from reader.htmltree import Node as _Node
from reader.htmltree import build as _build
from reader.htmltree import LOOSE_PARAGRAPH, NOT_LOOSE as _NOT_LOOSE, measure, text_length, visible_text
from reader.model import Article, Caption
from reader.sanitize import loads_json, web_url

HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")

__all__ = ["HTML_SUFFIXES", "JSONL_SUFFIXES", "parse_html", "parse_jsonl"]

# --- what to drop ---------------------------------------------------------------

_DROP_TAGS = frozenset(
    """script style noscript template nav aside iframe svg button select textarea input
    dialog canvas object embed map audio video footer""".split()
)
_WRAPPER_TAGS = frozenset({"form"})  # dropped unless it holds most of the page (ASP.NET wraps pages in one)
_DROP_ROLES = frozenset({"navigation", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu", "menubar"})
_CLUTTER_WORDS = frozenset(
    """ad ads adslot adunit adunits advert adverts advertisement advertisements advertising advertorial
    dfp sponsor sponsors sponsored promo promos promoted promotion promotions newsletter newsletters
    subscribe subscription subscriptions signup paywall related share shares sharing sharebar
    social cookie cookies consent gdpr comment comments disqus outbrain taboola recommended recirc
    recirculation popup modal breadcrumb breadcrumbs nav navbar navigation menu toolbar skip skiplink
    sidebar trending""".split()
)
_HEADER_WORDS = frozenset({"header", "masthead", "banner"})
_FOOTER_WORDS = frozenset({"footer", "colophon"})
_HIDDEN_CLASSES = frozenset(
    """hidden is-hidden d-none sr-only visually-hidden visuallyhidden screen-reader-text
    screen-reader-only screenreader-only offscreen""".split()
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_PIECE_SPLIT = re.compile(r"[-_\s:./]+")


def _pieces(node: _Node) -> set[str]:
    """Words of the class and id: ``"adContainer share-bar"`` -> {ad, container, share, bar}."""
    raw = f"{node.get('class')} {node.get('id')}"
    return {p.lower() for p in _PIECE_SPLIT.split(_CAMEL.sub(" ", raw)) if p}


def _is_hidden(node: _Node) -> bool:
    attrs = node.attrs
    if "hidden" in attrs or attrs.get("aria-hidden", "").strip().lower() == "true":
        return True
    if _HIDDEN_STYLE.search(attrs.get("style", "")):
        return True
    return any(c.lower() in _HIDDEN_CLASSES for c in attrs.get("class", "").split())


def _is_story(node: _Node) -> bool:
    return node.tag in ("article", "main") or node.get("role") == "main" or _is_body_prop(node)


def _is_body_prop(node: _Node) -> bool:
    return "itemprop" in node.attrs and "articlebody" in node.attrs["itemprop"].lower().split()


class _Page:
    """The parsed tree and what it says about itself."""

    def __init__(self, html: str) -> None:
        builder = _build(html)
        self.root = builder.root
        self.meta = builder.meta
        self.title_tag = builder.title or ""
        self._verdicts: dict[tuple[int, bool], bool] = {}
        self._measures = measure(self.root)
        self._text, self._ptext = self._measures.text, self._measures.ptext
        total_p = self._ptext[id(self.root)]
        self._total = total_p or self._text[id(self.root)]
        self._by_p = bool(total_p)
        self._summaries: dict = {}
        self._visible: dict[tuple[int, bool], list[_Node]] = {}

    def has_block(self, node: _Node) -> bool:
        """Does the element hold a block element (visible or not)?"""
        return self._measures.has_block[id(node)]

    def text_length(self, node: _Node) -> int:
        """``len(_text(self, node, soft=False))``; a paragraph holding others
        is measured from summaries, so nested ones are not read once per
        ancestor."""
        hidden = lambda n: self.dropped(n, in_story=True)  # noqa: E731
        if not self._measures.has_p[id(node)]:
            return len(visible_text(node, hidden))
        return text_length(node, hidden, self._summaries)

    def visible(self, top: _Node | None = None, *, soft: bool = False) -> list[_Node]:
        """``list(walk(top, soft=soft))``, remembered (metadata, bylines and
        captions look through the same story)."""
        key = (id(top or self.root), soft)
        found = self._visible.get(key)
        if found is None:
            found = self._visible[key] = list(self.walk(top, soft=soft))
        return found

    def _holds_most(self, node: _Node) -> bool:
        size = (self._ptext if self._by_p else self._text)[id(node)]
        return self._total > 0 and size * 2 >= self._total

    def dropped(self, node: _Node, *, soft: bool = False, in_story: bool = False) -> bool:
        """Is this element clutter?  ``soft`` keeps headers inside the story (for metadata)."""
        key = (id(node), soft and in_story)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = self._dropped(node, keep_header=soft and in_story)
        return verdict

    def _dropped(self, node: _Node, *, keep_header: bool) -> bool:
        tag = node.tag
        if tag in ("#root", "html", "body"):
            return False
        if tag in _DROP_TAGS or _is_hidden(node):
            return True
        if tag in _WRAPPER_TAGS and not self._holds_most(node):
            return True
        role = node.get("role").strip().lower()
        if role in _DROP_ROLES:
            return True
        pieces = _pieces(node)
        headerish = tag == "header" or role == "banner" or bool(pieces & _HEADER_WORDS)
        if headerish and not keep_header and not self._holds_most(node):
            return True
        if pieces & (_CLUTTER_WORDS | _FOOTER_WORDS) and not _is_story(node) and not self._holds_most(node):
            return True
        return False

    def walk(self, top: _Node | None = None, *, soft: bool = False) -> Iterator[_Node]:
        """Elements under ``top`` (pre-order) that are not clutter, nor inside clutter."""
        top = top or self.root
        in_story = soft and any(_is_story(a) for a in top.ancestors())
        stack: list[tuple[_Node, bool]] = [(top, in_story)]
        while stack:
            node, story = stack.pop()
            if node is not top and self.dropped(node, soft=soft, in_story=story):
                continue
            yield node
            story = story or (soft and _is_story(node))
            stack.extend((c, story) for c in reversed(node.children) if isinstance(c, _Node))


def _text(page: _Page, node: _Node, *, soft: bool = True, skip: tuple[_Node, ...] = ()) -> str:
    """The visible text of an element on one line (leaving out ``skip``)."""
    return visible_text(node, lambda n: page.dropped(n, soft=soft, in_story=True), {id(k) for k in skip})


# --- the story --------------------------------------------------------------------

_PARA_TAGS = frozenset({"p", "h2", "h3", "h4", "li", "blockquote", "pre", "dd", "dt"})
_SKIP_TAGS = frozenset({"h1", "h5", "h6", "figure", "figcaption", "hr", "caption"})
_MIN_LOOSE = 40  # characters of loose text (outside <p>) worth keeping as a paragraph


def _loose_text(node: _Node) -> int:
    """Characters of the long runs of text standing directly in ``node``
    outside any paragraph, link or heading (a story set with ``<br>``)."""
    if node.tag in _NOT_LOOSE:
        return 0
    size = sum(n for c in node.children if isinstance(c, str) and (n := len(c.strip())) >= LOOSE_PARAGRAPH)
    if size and any(a.tag in _NOT_LOOSE for a in node.ancestors()):
        return 0
    return size


def _story_node(page: _Page) -> tuple[_Node, _Node | None]:
    """The element holding the story, and the <article>/<main> it sits in (if any)."""
    visible = page.visible()
    ptext = {id(n): page.text_length(n) for n in visible if n.tag == "p"}
    loose = {id(n): size for n in visible if n.tag != "p" and (size := _loose_text(n))}
    under: dict[int, int] = {}  # visible paragraph text under each visible element (itself included)
    for node in reversed(visible):  # children before parents
        own = ptext.get(id(node), 0) + loose.get(id(node), 0)
        size = under[id(node)] = under.get(id(node), 0) + own
        if node.parent is not None:
            under[id(node.parent)] = under.get(id(node.parent), 0) + size

    total = sum(ptext.values()) + sum(loose.values())
    for test in (_is_body_prop, lambda n: n.tag == "article", lambda n: n.tag == "main" or n.get("role") == "main"):
        found = [n for n in visible if test(n)]
        if found:
            sizes = {id(n): under[id(n)] for n in found}
            best = max(found, key=lambda n: sizes[id(n)])
            if sizes[id(best)] * 3 >= total and (sizes[id(best)] or not total):
                scope = best if best.tag in ("article", "main") else next(
                    (a for a in best.ancestors() if a.tag in ("article", "main")), best
                )
                return best, scope
    # No story element: the container with the most paragraph text directly inside.
    scores: dict[int, float] = {}
    nodes: dict[int, _Node] = {}

    def add(node: _Node, size: float) -> None:
        scores[id(node)] = scores.get(id(node), 0) + size
        nodes[id(node)] = node

    for node in visible:
        if id(node) in loose:  # scored like a <p>: the nearest block holding it is the paragraph
            block = next((a for a in (node, *node.ancestors()) if a.tag in _BLOCK), node)
            for share, holder in zip((1, 0.5), list(block.ancestors())[:2]):
                add(holder, loose[id(node)] * share)
        if node.tag != "p" or node.parent is None:
            continue
        add(node.parent, ptext[id(node)])
        if node.parent.parent is not None:
            add(node.parent.parent, ptext[id(node)] / 2)
    if not scores:
        body = next((n for n in visible if n.tag == "body"), page.root)
        return body, None
    best = nodes[max(scores, key=scores.__getitem__)]
    return best, None


def _paragraphs(page: _Page, top: _Node) -> list[str]:
    out: list[str] = []

    def flush(run: list[str], keep_short: bool) -> None:
        lines = [" ".join(line.split()) for line in "".join(run).split("\n")]
        lines = [line for line in lines if line]
        run.clear()
        if lines and (keep_short or sum(map(len, lines)) >= _MIN_LOOSE):
            out.append("\n".join(lines))

    def inline(node: _Node, run: list[str]) -> None:
        for child in node.children:
            if isinstance(child, str):
                run.append(child)
            elif child.tag == "br":
                run.append("\n")
            elif child.tag in ("img", "hr", "wbr") or page.dropped(child):
                continue
            else:
                if child.tag in _BLOCK:
                    run.append("\n")
                inline(child, run)
                if child.tag in _BLOCK:
                    run.append("\n")

    def container(node: _Node, keep_short: bool) -> None:
        run: list[str] = []
        for child in node.children:
            if isinstance(child, str):
                run.append(child)
            elif child.tag == "br":
                run.append("\n")
            elif page.dropped(child):
                continue
            elif child.tag in _SKIP_TAGS:
                flush(run, keep_short)
            elif child.tag == "tr" and (row := _row_text(page, child)) is not None:
                flush(run, keep_short)
                if row:
                    out.append(row)
            elif child.tag in _PARA_TAGS:
                flush(run, keep_short)
                if not page.has_block(child) and _all_links(page, child):
                    continue
                if page.has_block(child):
                    container(child, True)
                else:
                    inline(child, run)
                    flush(run, True)
            elif child.tag in _BLOCK or page.has_block(child):
                flush(run, keep_short)
                container(child, False)
            else:
                inline(child, run)
        flush(run, keep_short)

    if top.tag in _PARA_TAGS and not page.has_block(top):
        run: list[str] = []
        inline(top, run)
        flush(run, True)
    else:
        container(top, False)
    return out


def _row_text(page: _Page, row: _Node) -> str | None:
    """A table row of plain cells as one line, cells apart by spaces
    (``"Pos Player Plays"``); None for a row of a layout table (a cell
    holding blocks), read as containers instead."""
    cells = [c for c in row.children if isinstance(c, _Node) and c.tag in ("td", "th") and not page.dropped(c)]
    if any(page.has_block(c) for c in cells):
        return None
    return " ".join(t for t in (_text(page, c, soft=False) for c in cells) if t)


def _all_links(page: _Page, node: _Node) -> bool:
    """Is all the visible text of a paragraph link text?  A list of linked
    headlines (related stories, "Get author RSS feed") is not the story.

    The text outside links: what is left when the links are skipped.
    """
    links = [n for n in page.walk(node) if n.tag == "a"]
    if not links:
        return False
    return not _text(page, node, soft=False, skip=tuple(links)).strip(" .,:;|-–—•·()[]")


def _captions(page: _Page, scope: _Node | None) -> list[Caption]:
    """Each figure caption with its credit: a ``<cite>`` or ``.credit`` in the
    caption, else one in its figure outside any caption.  A figcaption inside
    another is part of that one, not a caption of its own."""
    captions: dict[Caption, None] = {}
    figure_credits: dict[int, tuple[list[_Node], str]] = {}
    for node, figure in _outer_captions(page, scope):
        credit_nodes = [n for n in page.walk(node, soft=True) if _is_credit(n)]
        if credit_nodes:
            credit = _credit_text(page, credit_nodes)
        else:
            if figure is None:
                credit = ""
            else:
                if id(figure) not in figure_credits:  # once per figure, not once per caption
                    nodes = [n for n in page.walk(figure, soft=True) if _is_credit(n) and not _in_caption(n, figure)]
                    figure_credits[id(figure)] = nodes, _credit_text(page, nodes)
                credit_nodes, credit = figure_credits[id(figure)]
        text = _text(page, node, skip=tuple(credit_nodes))
        if credit and text.endswith(credit):
            text = text[: -len(credit)].rstrip()
        if text or credit:
            captions.setdefault(Caption(text, credit))
    return list(captions)


def _outer_captions(page: _Page, scope: _Node | None) -> Iterator[tuple[_Node, _Node | None]]:
    """The visible figcaptions under ``scope`` that are not inside another,
    each with the figure it is in (or None), in one pass over the story."""
    visible = page.visible(scope, soft=True)
    figure_of: dict[int, _Node | None] = {}  # the nearest <figure> above each element
    in_caption: set[int] = set()
    for node in visible:
        parent = node.parent
        if node is visible[0]:
            figure = next((a for a in node.ancestors() if a.tag == "figure"), None)
            inside = False
        else:
            figure = parent if parent.tag == "figure" else figure_of[id(parent)]
            inside = parent.tag == "figcaption" or id(parent) in in_caption
        figure_of[id(node)] = figure
        if inside:
            in_caption.add(id(node))
        elif node.tag == "figcaption":
            yield node, figure


def _credit_text(page: _Page, nodes: list[_Node]) -> str:
    """The text of credit elements, those inside another one counted once."""
    ids = {id(n) for n in nodes}
    return " ".join(_text(page, n) for n in nodes if not any(id(a) in ids for a in n.ancestors()))


def _in_caption(node: _Node, figure: _Node) -> bool:
    """Is ``node`` a figcaption, or inside one, below ``figure``?"""
    if node.tag == "figcaption":
        return True
    for a in node.ancestors():
        if a is figure:
            return False
        if a.tag == "figcaption":
            return True
    return False


def _is_credit(node: _Node) -> bool:
    return node.tag == "cite" or bool(_pieces(node) & {"credit", "credits", "copyright"})


# --- metadata ----------------------------------------------------------------------

_LD_ARTICLE = re.compile(r"Article|Posting|Report|NewsArticle|WebPage", re.IGNORECASE)
_BY = re.compile(r"^(?:written\s+)?by[:\s]+", re.IGNORECASE)
_SEPARATORS = (" | ", " - ", " – ", " — ", " · ", " :: ", " : ")
_BYLINE_CLASS = re.compile(r"(?:^|[-_])(?:byline|authors?)(?:[-_]?names?)?$")
_NOT_BYLINE_CLASS = re.compile(r"bio|avatar|image|img|photo")


def _json_ld(page: _Page) -> dict[str, object]:
    """The first Article-like object in the page's JSON-LD, if any."""
    found: list[dict[str, object]] = []
    stack: list[_Node] = [page.root]
    while stack:
        node = stack.pop()
        if node.tag == "script" and "ld+json" in node.get("type").lower():
            raw = "".join(c for c in node.children if isinstance(c, str))
            try:
                data = loads_json(raw)
            except Exception:  # noqa: BLE001 - bad JSON-LD is ignored
                continue
            found.extend(_ld_objects(data))
        stack.extend(c for c in reversed(node.children) if isinstance(c, _Node))
    for obj in found:
        kind = obj.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and _LD_ARTICLE.search(k) for k in kinds):
            return obj
    return {}


def _ld_objects(data: object, depth: int = 0) -> Iterator[dict[str, object]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_objects(data["@graph"], depth + 1)


_LD_DEPTH = 8  # names nested deeper than this in JSON-LD are not looked for


def _ld_name(value: object, depth: int = 0) -> str | None:
    """A name from a JSON-LD value: a string, ``{"name": ...}`` or a list of
    those (nested at most ``_LD_DEPTH`` deep: the page decides the nesting)."""
    if isinstance(value, str):
        return _clean(value)
    if depth >= _LD_DEPTH:
        return None
    if isinstance(value, dict):
        return _ld_name(value.get("name"), depth + 1)
    if isinstance(value, list):
        names = [n for n in (_ld_name(v, depth + 1) for v in value[:10]) if n]
        return _join_names(names)
    return None


def _ld_str(value: object) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    return _clean(value) if isinstance(value, str) else None


def _clean(text: str) -> str | None:
    text = " ".join(text.split())
    return text or None


def _join_names(names: list[str]) -> str | None:
    unique = list(dict.fromkeys(names))
    if not unique:
        return None
    if len(unique) == 1:
        return unique[0]
    return ", ".join(unique[:-1]) + " and " + unique[-1]


def _strip_site(title: str, site: str | None) -> str:
    if site:
        low, name = title.lower(), site.lower()
        for sep in _SEPARATORS:
            if low.endswith(sep + name) and len(title) > len(sep + name):
                return title[: -len(sep + name)].rstrip()
    return title


def _byline_from_page(page: _Page, scope: _Node | None) -> str | None:
    for node in page.visible(scope, soft=True):
        cls = node.get("class").lower()
        if "author" not in cls and "byline" not in cls and "author" not in node.get("rel").lower() \
                and "author" not in node.get("itemprop").lower():
            continue  # none of the marks below can hold (a 10 MB page has ~100,000 elements)
        rel = node.get("rel").lower().split()
        classes = cls.split()
        marked = "author" in rel or node.get("itemprop").lower() == "author" or any(
            _BYLINE_CLASS.search(c) and not _NOT_BYLINE_CLASS.search(c) for c in classes
        )
        if not marked:
            continue
        text = _BY.sub("", _text(page, node))
        text = text.strip(" |,·•-–—")
        if 2 <= len(text) <= 100:
            return text
    return None


def _first_meta(page: _Page, *keys: str) -> str | None:
    for key in keys:
        for value in page.meta.get(key, ()):
            if value:
                return value
    return None


def _metadata(page: _Page, scope: _Node | None) -> dict[str, object]:
    ld = _json_ld(page)
    outlet = _first_meta(page, "og:site_name") or _ld_name(ld.get("publisher")) or _first_meta(
        page, "application-name"
    )

    title = _first_meta(page, "og:title", "twitter:title") or _ld_str(ld.get("headline"))
    if not title:
        h1 = next((n for n in page.visible(scope, soft=True) if n.tag == "h1"), None)
        if h1 is None and scope is not None:
            h1 = next((n for n in page.walk(soft=True) if n.tag == "h1"), None)
        title = _text(page, h1) if h1 is not None else None
    title = title or page.title_tag
    title = _strip_site(" ".join(title.split()), outlet) if title else None

    authors = [a for a in page.meta.get("author", []) if not a.lower().startswith(("http:", "https:"))]
    authors += [
        a for a in page.meta.get("article:author", []) if not a.lower().startswith(("http:", "https:", "www."))
    ]
    byline = _join_names(authors) or _ld_name(ld.get("author")) or _byline_from_page(page, scope)
    if byline:
        byline = _BY.sub("", byline) or None

    date = _first_meta(page, "article:published_time", "og:published_time") or _ld_str(ld.get("datePublished"))
    if not date:
        for node in page.visible(scope, soft=True):
            if node.tag == "time":
                date = _clean(node.get("datetime")) or _text(page, node) or None
                if date:
                    break
    date = date or _first_meta(page, "datepublished", "date", "pubdate", "dc.date", "dc.date.issued")

    section = _first_meta(page, "article:section") or _ld_str(ld.get("articleSection"))
    url = web_url(_first_meta(page, "og:url", "twitter:url")) or web_url(_ld_str(ld.get("url")))
    return {"title": title, "outlet": outlet, "byline": byline, "date": date, "section": section, "url": url}


# --- building the article ------------------------------------------------------------


def _clean_with_title(source: str, path: str, title: str | None) -> Article:
    """:func:`parse_article` on text whose first line is ``title`` (if given).

    The format states the title, so the first line is the headline even when
    the cleaner would have picked another line (a one-word title, say): that
    line goes back among the paragraphs and the title line never is one.
    """
    article = parse_article(source, path, markdown=False)
    if not title:
        return article
    paragraphs = [p for p in article.paragraphs if p.start >= len(title)]
    if article.title != title:
        kept = set(paragraphs)
        taken = next(
            (
                s
                for s in split_paragraphs(source, begin=len(title))
                if " ".join(s.text.split()) == article.title and s not in kept
            ),
            None,
        )
        if taken is not None:
            paragraphs = sorted([*paragraphs, taken], key=lambda s: s.start)
    return replace(article, title=title, paragraphs=tuple(paragraphs))


# --- HTML -> Article ----------------------------------------------------------------------


def parse_html(html: str, path: str = "") -> Article:
    """Clean one saved HTML page.  Offsets refer to the extracted text.  Never raises."""
    page = _Page(html)
    story, scope = _story_node(page)
    meta = _metadata(page, scope)
    title = meta["title"]
    paragraphs = [p for p in _paragraphs(page, story) if p != title]
    text = "\n\n".join(([title] if title else []) + paragraphs)
    article = _clean_with_title(text, path, title)
    changes: dict[str, object] = {k: v for k, v in meta.items() if v}
    captions = _captions(page, scope)
    if captions:
        changes["captions"] = tuple(captions)
    outlet = changes.get("outlet")
    if isinstance(outlet, str) and article.via and article.via.lower() == outlet.lower():
        changes["via"] = None
    return replace(article, **changes)


# --- JSON Lines -----------------------------------------------------------------------------

_OPTIONAL = {"outlet": "outlet", "author": "byline", "date": "date", "section": "section", "url": "url"}


def parse_jsonl(text: str, path: str = "") -> tuple[list[Article], list[str]]:
    """One article per JSON object line, and a warning per bad line.  Never raises."""
    articles: list[Article] = []
    warnings: list[str] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if number == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = loads_json(line)
        except RecursionError:
            warnings.append(f"{where}: nested too deeply; skipped")
            continue
        except ValueError:
            warnings.append(f"{where}: not valid JSON; skipped")
            continue
        if not isinstance(record, dict):
            warnings.append(f"{where}: not a JSON object; skipped")
            continue
        problem, fields = _check_record(record)
        if problem:
            warnings.append(f"{where}: {problem}; skipped")
            continue
        title = " ".join(fields.pop("title").split())
        source = title + "\n\n" + fields.pop("text")
        fields["url"] = web_url(fields.get("url"))  # type: ignore[assignment]
        article = _clean_with_title(source, f"{path}#{number}", title or None)
        articles.append(replace(article, **fields))
    return articles, warnings


def _check_record(record: dict[str, object]) -> tuple[str | None, dict[str, str]]:
    fields: dict[str, str] = {}
    for key in ("title", "text"):
        value = record.get(key)
        if value is None:
            return f"no {key!r}", fields
        if not isinstance(value, str):
            return f"{key!r} is not a string", fields
        if not value.strip():
            return f"empty {key!r}", fields
        fields[key] = value
    for key, field_name in _OPTIONAL.items():
        value = record.get(key)
        if value is None:
            continue
        if key == "author" and isinstance(value, list) and all(isinstance(v, str) for v in value):
            value = _join_names([n for n in (_clean(v) for v in value) if n]) or ""
        if not isinstance(value, str):
            return f"{key!r} is not a string", fields
        value = " ".join(value.split())
        if value and field_name:
            fields[field_name] = value
    return None, fields
