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
from html.parser import HTMLParser

from reader.cleaning import parse_article, split_paragraphs
from reader.model import Article, Caption
from reader.sanitize import loads_json

HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")

__all__ = ["HTML_SUFFIXES", "JSONL_SUFFIXES", "parse_html", "parse_jsonl"]

# --- the tree -----------------------------------------------------------------

_MAX_DEPTH = 160  # deeper elements are flattened into their ancestor (keeps walks off the recursion limit)

_VOID = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr basefont frame".split()
)
_BLOCK = frozenset(
    """address article aside blockquote body caption center dd details dialog div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav noscript
    ol p pre section summary table tbody td tfoot th thead tr ul iframe video audio canvas""".split()
)
# Elements whose start closes an open <p> (HTML's implied end tags, simplified).
_CLOSES_P = _BLOCK - {"li", "dd", "dt", "td", "th", "tr", "tbody", "thead", "tfoot", "caption", "body", "html"}
_RAW = frozenset({"script", "style"})


class _Node:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], parent: _Node | None) -> None:
        self.tag = tag
        self.attrs = attrs
        self.children: list[_Node | str] = []
        self.parent = parent

    def get(self, name: str) -> str:
        return self.attrs.get(name, "")

    def ancestors(self) -> Iterator[_Node]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root", {}, None)
        self.stack: list[_Node] = [self.root]
        self.meta: dict[str, list[str]] = {}
        self.title: str | None = None
        self._in_title = False
        self._title_parts: list[str] = []
        self._raw_skip: str | None = None  # a script/style past the depth limit

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
            self._close_through("p", stop=_BLOCK)
        elif tag == "li":
            self._close_through("li", stop=frozenset({"ul", "ol", "menu"}))
        elif tag in ("dt", "dd"):
            self._close_through("dt", "dd", stop=frozenset({"dl"}))
        parent = self.stack[-1]
        node = _Node(tag, amap, parent)
        parent.children.append(node)
        if tag in _VOID:
            return
        if len(self.stack) >= _MAX_DEPTH:
            if tag in _RAW:
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
        if children and isinstance(children[-1], str):
            children[-1] += data
        else:
            children.append(data)


def _build(html: str) -> _TreeBuilder:
    builder = _TreeBuilder()
    rest = html
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


# --- what to drop ---------------------------------------------------------------

_DROP_TAGS = frozenset(
    """script style noscript template nav aside form iframe svg button select textarea input
    dialog canvas object embed map audio video footer""".split()
)
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
        self._ptext: dict[int, int] = {}
        self._text: dict[int, int] = {}
        self._verdicts: dict[tuple[int, bool], bool] = {}
        self._measure(self.root, False)
        total_p = self._ptext[id(self.root)]
        self._total = total_p or self._text[id(self.root)]
        self._by_p = bool(total_p)

    def _measure(self, node: _Node, in_p: bool) -> tuple[int, int]:
        """Characters of text (and of text inside <p>) under each node."""
        if node.tag in _RAW:
            self._ptext[id(node)] = self._text[id(node)] = 0
            return 0, 0
        ptext = text = 0
        inside = in_p or node.tag == "p"
        for child in node.children:
            if isinstance(child, str):
                n = len(child.strip())
                text += n
                ptext += n if inside else 0
            else:
                ct, cp = self._measure(child, inside)
                text += ct
                ptext += cp
        self._ptext[id(node)] = ptext
        self._text[id(node)] = text
        return text, ptext

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
    parts: list[str] = []

    def visit(n: _Node) -> None:
        for child in n.children:
            if isinstance(child, str):
                parts.append(child)
            elif not any(child is k for k in skip) and not page.dropped(child, soft=soft, in_story=True):
                parts.append(" ")
                visit(child)
                parts.append(" ")

    visit(node)
    return " ".join("".join(parts).split())


# --- the story --------------------------------------------------------------------

_PARA_TAGS = frozenset({"p", "h2", "h3", "h4", "li", "blockquote", "pre", "dd", "dt"})
_SKIP_TAGS = frozenset({"h1", "h5", "h6", "figure", "figcaption", "hr", "caption"})
_MIN_LOOSE = 40  # characters of loose text (outside <p>) worth keeping as a paragraph


def _story_node(page: _Page) -> tuple[_Node, _Node | None]:
    """The element holding the story, and the <article>/<main> it sits in (if any)."""
    visible = list(page.walk())
    ptext = {id(n): len(_text(page, n, soft=False)) for n in visible if n.tag == "p"}

    def visible_ptext(top: _Node) -> int:
        return sum(ptext.get(id(n), 0) for n in page.walk(top))

    total = sum(ptext.values())
    for test in (_is_body_prop, lambda n: n.tag == "article", lambda n: n.tag == "main" or n.get("role") == "main"):
        found = [n for n in visible if test(n)]
        if found:
            sizes = {id(n): visible_ptext(n) for n in found}
            best = max(found, key=lambda n: sizes[id(n)])
            if sizes[id(best)] * 3 >= total and (sizes[id(best)] or not total):
                scope = best if best.tag in ("article", "main") else next(
                    (a for a in best.ancestors() if a.tag in ("article", "main")), best
                )
                return best, scope
    # No story element: the container with the most paragraph text directly inside.
    scores: dict[int, float] = {}
    nodes: dict[int, _Node] = {}
    for node in visible:
        if node.tag != "p" or node.parent is None:
            continue
        size = ptext[id(node)]
        parent = node.parent
        scores[id(parent)] = scores.get(id(parent), 0) + size
        nodes[id(parent)] = parent
        if parent.parent is not None:
            scores[id(parent.parent)] = scores.get(id(parent.parent), 0) + size / 2
            nodes[id(parent.parent)] = parent.parent
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
            elif child.tag in _PARA_TAGS:
                flush(run, keep_short)
                if _has_block(child):
                    container(child, True)
                else:
                    inline(child, run)
                    flush(run, True)
            elif child.tag in _BLOCK or _has_block(child):
                flush(run, keep_short)
                container(child, False)
            else:
                inline(child, run)
        flush(run, keep_short)

    if top.tag in _PARA_TAGS and not _has_block(top):
        run: list[str] = []
        inline(top, run)
        flush(run, True)
    else:
        container(top, False)
    return out


def _has_block(node: _Node) -> bool:
    stack = [c for c in node.children if isinstance(c, _Node)]
    while stack:
        n = stack.pop()
        if n.tag in _BLOCK:
            return True
        stack.extend(c for c in n.children if isinstance(c, _Node))
    return False


def _captions(page: _Page, scope: _Node | None) -> list[Caption]:
    captions: list[Caption] = []
    for node in page.walk(scope, soft=True):
        if node.tag != "figcaption":
            continue
        figure = next((a for a in node.ancestors() if a.tag == "figure"), None)
        credit_nodes = [n for n in page.walk(node, soft=True) if _is_credit(n)]
        if not credit_nodes and figure is not None:
            credit_nodes = [
                n for n in page.walk(figure, soft=True) if _is_credit(n) and node not in n.ancestors() and n is not node
            ]
        credit = " ".join(_text(page, n) for n in credit_nodes if not any(a in credit_nodes for a in n.ancestors()))
        text = _text(page, node, skip=tuple(credit_nodes))
        if credit and text.endswith(credit):
            text = text[: -len(credit)].rstrip()
        if text or credit:
            caption = Caption(text, credit)
            if caption not in captions:
                captions.append(caption)
    return captions


def _is_credit(node: _Node) -> bool:
    return node.tag == "cite" or bool(_pieces(node) & {"credit", "credits", "copyright"})


# --- metadata ----------------------------------------------------------------------

_LD_ARTICLE = re.compile(r"Article|Posting|Report|NewsArticle|WebPage", re.IGNORECASE)
_BY = re.compile(r"^(?:written\s+)?by[:\s]+", re.IGNORECASE)
_SEPARATORS = (" | ", " - ", " – ", " — ", " · ", " :: ", " : ")


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


def _ld_name(value: object) -> str | None:
    """A name from a JSON-LD value: a string, ``{"name": ...}`` or a list of those."""
    if isinstance(value, str):
        return _clean(value)
    if isinstance(value, dict):
        return _ld_name(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_ld_name(v) for v in value[:10]) if n]
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
    for node in page.walk(scope, soft=True):
        rel = node.get("rel").lower().split()
        classes = [c.lower() for c in node.get("class").split()]
        marked = "author" in rel or node.get("itemprop").lower() == "author" or any(
            re.search(r"(?:^|[-_])(?:byline|authors?)(?:[-_]?names?)?$", c) and not re.search(r"bio|avatar|image|img|photo", c)
            for c in classes
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
        h1 = next((n for n in page.walk(scope, soft=True) if n.tag == "h1"), None)
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
        for node in page.walk(scope, soft=True):
            if node.tag == "time":
                date = _clean(node.get("datetime")) or _text(page, node) or None
                if date:
                    break
    date = date or _first_meta(page, "datepublished", "date", "pubdate", "dc.date", "dc.date.issued")

    section = _first_meta(page, "article:section") or _ld_str(ld.get("articleSection"))
    return {"title": title, "outlet": outlet, "byline": byline, "date": date, "section": section}


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
        taken = next(
            (
                s
                for s in split_paragraphs(source, begin=len(title))
                if " ".join(s.text.split()) == article.title and s not in paragraphs
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

_OPTIONAL = {"outlet": "outlet", "author": "byline", "date": "date", "section": "section", "url": None}


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
