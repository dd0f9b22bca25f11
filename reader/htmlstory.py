"""The story of a saved HTML page: its element, its paragraphs, its captions.

:func:`story_node` finds the element holding the story
(``[itemprop=articleBody]``, else ``<article>``, else ``<main>``, each only if
it holds a third of the page's paragraph text; else the container with the
most paragraph text directly inside, long loose runs of text counting like
``<p>``).  :func:`paragraphs` reads it: paragraphs, headings, block quotes,
list items, and plain table rows (cells apart by spaces); a paragraph whose
text is all links (a related-headlines list) is left out.  :func:`captions`
gives each figure caption with its credit.

>>> page = Page("<article><p>First words of the story.</p><ul><li><a href=/x>Read this too</a></li></ul>"
...             "<table><tr><th>Team</th><th>Pts</th></tr><tr><td>Elwin</td><td>12</td></tr></table></article>")
>>> paragraphs(page, story_node(page)[0])
['First words of the story.', 'Team Pts', 'Elwin 12']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from reader.cleaning import trailing_credit
from reader.htmlpage import Page, is_body_prop, pieces, text_of
from reader.htmltree import BLOCK, LOOSE_PARAGRAPH, Node, visible_text
from reader.htmltree import NOT_LOOSE as _NOT_LOOSE
from reader.model import Caption

__all__ = ["captions", "paragraphs", "story_node"]

# --- the story --------------------------------------------------------------------

_PARA_TAGS = frozenset({"p", "h2", "h3", "h4", "li", "blockquote", "pre", "dd", "dt"})
_SKIP_TAGS = frozenset({"h1", "h5", "h6", "figure", "figcaption", "hr", "caption"})
_MIN_LOOSE = 40  # characters of loose text (outside <p>) worth keeping as a paragraph


def _loose_text(node: Node) -> int:
    """Characters of the long runs of text standing directly in ``node``
    outside any paragraph, link or heading (a story set with ``<br>``)."""
    if node.tag in _NOT_LOOSE:
        return 0
    size = sum(n for c in node.children if isinstance(c, str) and (n := len(c.strip())) >= LOOSE_PARAGRAPH)
    if size and any(a.tag in _NOT_LOOSE for a in node.ancestors()):
        return 0
    return size


def story_node(page: Page) -> tuple[Node, Node | None]:
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
    for test in (is_body_prop, lambda n: n.tag == "article", lambda n: n.tag == "main" or n.get("role") == "main"):
        found = [n for n in visible if test(n)]
        if found:
            best = max(found, key=lambda n: under[id(n)])
            if under[id(best)] * 3 >= total and (under[id(best)] or not total):
                scope = best if best.tag in ("article", "main") else next(
                    (a for a in best.ancestors() if a.tag in ("article", "main")), best
                )
                return best, scope
    return _densest(visible, ptext, loose, under), None


_SIBLING_SHARE = 0.3  # paragraph text beside the best container, as a share of its own, that widens it to its parent


def _densest(visible: list[Node], ptext: dict[int, int], loose: dict[int, int], under: dict[int, int]) -> Node:
    """No story element: the container with the most paragraph text directly
    inside (a paragraph counts fully for its parent, half for the
    grandparent); its parent instead when the story goes on beside it."""
    scores: dict[int, float] = {}
    nodes: dict[int, Node] = {}

    def add(node: Node, size: float) -> None:
        scores[id(node)] = scores.get(id(node), 0) + size
        nodes[id(node)] = node

    for node in visible:
        if id(node) in loose:  # scored like a <p>: the nearest block holding it is the paragraph
            block = next((a for a in (node, *node.ancestors()) if a.tag in BLOCK), node)
            for share, holder in zip((1, 0.5), list(block.ancestors())[:2], strict=False):
                add(holder, loose[id(node)] * share)
        if node.tag != "p" or node.parent is None:
            continue
        add(node.parent, ptext[id(node)])
        if node.parent.parent is not None:
            add(node.parent.parent, ptext[id(node)] / 2)
    if not scores:
        return next((n for n in visible if n.tag == "body"), visible[0])
    best = nodes[max(scores, key=scores.__getitem__)]
    parent = best.parent
    beside = under.get(id(parent), 0) - under[id(best)] if parent is not None else 0
    if parent is not None and beside >= _SIBLING_SHARE * under[id(best)]:
        return parent  # the story goes on in the elements beside it (a lead paragraph set apart)
    return best


def paragraphs(page: Page, top: Node) -> list[str]:
    out: list[str] = []

    def flush(run: list[str], keep_short: bool) -> None:
        lines = [" ".join(line.split()) for line in "".join(run).split("\n")]
        lines = [line for line in lines if line]
        run.clear()
        if lines and (keep_short or sum(map(len, lines)) >= _MIN_LOOSE):
            out.append("\n".join(lines))

    def inline(node: Node, run: list[str]) -> None:
        for child in node.children:
            if isinstance(child, str):
                run.append(child)
            elif child.tag == "br":
                run.append("\n")
            elif child.tag in ("img", "hr", "wbr") or page.dropped(child):
                continue
            else:
                if child.tag in BLOCK:
                    run.append("\n")
                inline(child, run)
                if child.tag in BLOCK:
                    run.append("\n")

    def container(node: Node, keep_short: bool) -> None:
        run: list[str] = []
        for child in node.children:
            if isinstance(child, str):
                run.append(child)
            elif child.tag == "br":
                run.append("\n")
            elif page.dropped(child) or _is_furniture(page, child, top):
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
            elif child.tag in BLOCK or page.has_block(child):
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


def _row_text(page: Page, row: Node) -> str | None:
    """A table row of plain cells as one line, cells apart by spaces
    (``"Pos Player Plays"``); None for a row of a layout table (a cell
    holding blocks), read as containers instead."""
    cells = [c for c in row.children if isinstance(c, Node) and c.tag in ("td", "th") and not page.dropped(c)]
    if any(page.has_block(c) for c in cells):
        return None
    return " ".join(t for t in (text_of(page, c, soft=False) for c in cells) if t)


def _all_links(page: Page, node: Node) -> bool:
    """Is all the visible text of a paragraph link text?  A list of linked
    headlines (related stories, "Get author RSS feed") is not the story.

    The text outside links: what is left when the links are skipped (read
    in the same pass that finds them: the links are the ``<a>`` elements
    the text would show).
    """
    links = int(node.tag == "a")  # as a walk from it would count it

    def hidden_or_link(n: Node) -> bool:
        nonlocal links
        if page.dropped(n):
            return True
        if n.tag == "a":
            links += 1
            return True
        return False

    around = visible_text(node, hidden_or_link)
    if not links:
        return False
    rest = around.strip(" .,:;|-–—•·()[]")
    return not rest or (len(rest.split()) <= 2 and _LABEL_END.search(around) is not None)


_LABEL_END = re.compile(r"[:|»›]\s*$|^[A-Z\s']+$")  # "Related:", "SEE MORE", "Read more »" before a link
_CAPTION_WORDS = frozenset({"caption", "captions"})
_FURNITURE_WORDS = frozenset(
    {"byline", "bio", "author", "authors", "timestamp", "dateline", "caption", "captions", "credit", "credits",
     "tags", "dek", "standfirst"}
)


def _is_furniture(page: Page, node: Node, story: Node) -> bool:
    """An element of the story the body leaves out, marked so by its class
    or id: the byline and the author's bio, the time stamp, a photo caption
    or credit, the tag list, the standfirst (dek).  Metadata and captions
    are read from these elsewhere; the body is the story's own words.  An
    element holding a third of the story's paragraph text or more is never
    furniture, whatever its name (``<div class="entry has-tags">``)."""
    if not page.pieces(node) & _FURNITURE_WORDS:
        return False
    return page.paragraph_text(node) * 3 < page.paragraph_text(story) and not page.holds_most(node)


def captions(page: Page, scope: Node | None) -> list[Caption]:
    """Each figure caption with its credit: a ``<cite>`` or ``.credit`` in the
    caption, else one in its figure outside any caption.  A figcaption inside
    another is part of that one, not a caption of its own."""
    found: dict[Caption, None] = {}
    figure_credits: dict[int, tuple[list[Node], str]] = {}
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
        text = text_of(page, node, skip=tuple(credit_nodes))
        if credit and text.endswith(credit):
            text = text[: -len(credit)].rstrip()
        elif not credit and (split := trailing_credit(text)) is not None:
            text, credit = split  # "Waves on the quay. (Ann Lee/AP)"
        if text or (credit and node.tag == "figcaption"):
            found.setdefault(Caption(text, credit))
    return list(found)


def _outer_captions(page: Page, scope: Node | None) -> Iterator[tuple[Node, Node | None]]:
    """The visible captions under ``scope`` (figcaptions, and elements whose
    class or id says caption) that are not inside another, each with the
    figure it is in (or None), in one pass over the story."""
    visible = page.visible(scope, soft=True)
    figure_of: dict[int, Node | None] = {}  # the nearest <figure> above each element
    in_caption: set[int] = set()
    for node in visible:
        parent = node.parent
        if node is visible[0] or parent is None:
            figure = next((a for a in node.ancestors() if a.tag == "figure"), None)
            inside = False
        else:
            figure = parent if parent.tag == "figure" else figure_of[id(parent)]
            inside = parent.tag == "figcaption" or id(parent) in in_caption
        figure_of[id(node)] = figure
        if inside:
            in_caption.add(id(node))
        elif node.tag == "figcaption" or (page.pieces(node) & _CAPTION_WORDS and not page.holds_most(node)):
            in_caption.add(id(node))  # what is inside is part of it
            yield node, figure


def _credit_text(page: Page, nodes: list[Node]) -> str:
    """The text of credit elements, those inside another one counted once."""
    ids = {id(n) for n in nodes}
    return " ".join(text_of(page, n) for n in nodes if not any(id(a) in ids for a in n.ancestors()))


def _in_caption(node: Node, figure: Node) -> bool:
    """Is ``node`` a figcaption, or inside one, below ``figure``?"""
    if node.tag == "figcaption":
        return True
    for a in node.ancestors():
        if a is figure:
            return False
        if a.tag == "figcaption":
            return True
    return False


def _is_credit(node: Node) -> bool:
    return node.tag == "cite" or bool(pieces(node) & {"credit", "credits", "copyright"})
