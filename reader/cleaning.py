"""Turn the decoded text of an article file into a clean :class:`Article`.

Pages saved from news sites carry more than the story: the host site's
app and subscription pitch, member-support appeals, photo captions printed
twice, photo credits, a copyright stub.  The rules here find those by how
they look and where they sit, not by knowing any site:

* the *header* is everything before the headline: short lines there are
  metadata (outlet, section, byline) or call-to-action boilerplate;
* the *footer* is everything after the last paragraph of prose: once a
  boilerplate line appears there, the short lines after it go too;
* anywhere, a paragraph dense in marketing vocabulary is boilerplate, and so
  is a short heading-like line right next to one; short lines that repeat
  are boilerplate; a paragraph printed twice in a row or followed by a photo
  credit is a caption.

Every paragraph (split by :mod:`reader.paragraphs`) keeps its offsets into
the source text, so quotes found in it can be reported as offsets into the
file.  :func:`parse_article` is a list of steps, each a function that marks
the role of the paragraphs it recognises (every paragraph starts as
``body``); a step sees the roles the steps before it gave.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from reader.gcpause import collector_paused
from reader.model import Article, Caption, Span
from reader.outlets import COPYRIGHT, copyright_line, outlet_and_via, sign_off
from reader.paragraphs import is_byline_line, is_desk_line, split_paragraphs
from reader.sanitize import web_url
from reader.word_patterns import any_word_of

__all__ = ["article_id", "parse_article", "split_paragraphs", "trailing_credit"]

# --- vocabulary -------------------------------------------------------------

# Words that only a pitch uses ...
_PITCH = any_word_of(
    r"""
        subscri\w* | sign[\s-]?(?:up|in) | log[\s-]?in | newsletters? |
        download\s+(?:the|our)\s+app | donat(?:e|ion|ions)\b | your\s+support |
        support\s+(?:us|our\s+(?:work|journalism)|today|local\s+news|independent) |
        free\s+trial | days?\s+free | ad[\s-]free | advertisement | sponsored\s+content |
        cookies? | privacy\s+policy | terms\s+of\s+(?:use|service) |
        related\s+(?:stories|articles|content|coverage) | read\s+more |
        our\s+picks | top\s+stories | most\s+(?:read|popular|viewed|shared) |
        share\s+(?:this|on) | follow\s+us | click\s+here | all\s+rights\s+reserved |
        skip\s+to\s+(?:main\s+)?content | get\s+(?:all\s+)?(?:your|the\s+latest)\s+news |
        start\s+reading | keep\s+reading | continue\s+reading | already\s+a\s+member
    """
)
# ... and words a pitch leans on that news prose uses too.
_SALES = any_word_of(
    r"""
        apps? | members?(?:hip)? | supported | premium | trial | curated | unlimited |
        access\s+to | advertis\w* | sponsored | recommended | titles | trusted |
        sources | in[\s-]depth | public\s+media | download | exclusive | offer
    """
)

_CTA_VERBS = frozenset(
    """get start sign read download subscribe join donate support follow share
    click learn try grow discover see watch listen register upgrade unlock
    continue keep explore install buy give become visit""".split()
)

# A sentence opening with a call to action ("Sign up", "Subscribe to", "Click here"), to its end.
_CTA_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?])\s+)(?:Sign\s+up|Subscribe|Click|Download|Join|Follow|Get|Listen|Register|Upgrade|Try)\b[^.!?]*"
)

_SECTIONS = frozenset(
    """world politics business sport sports science health technology tech
    culture opinion entertainment environment climate economy us uk europe
    asia africa americas national local lifestyle travel education arts media
    markets finance news international nation society""".split()
)

_CREDIT = re.compile(
    r"""(?:Getty\s+Images|\bAFP\b|\bAP\b|AP\s+Photo|Reuters|\bEPA\b|Shutterstock|
        Alamy|Bloomberg|/POOL/|\bPOOL\b|Photograph\s*:|Photo(?:graph)?\s*(?:by\b|:)|
        Image(?:s)?\s*(?:by\b|:)|Credit\s*:|Courtesy\s+of|Illustration\s*:)""",
    re.VERBOSE,
)
# Words joined by slashes ("Jane Doe/AP/Pool"), each chain found from its
# first character only (a regex free to start anywhere in a long word would
# read the rest of the word from every letter of it: n squared).
_SLASHED = re.compile(r"(?<![\w.-])[\w.-]*(?:/[\w.-]*)+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")

# "(Tom Reed/Valley Gazette)": a photographer and an agency or paper.
_NAME_SLASH = re.compile(r"^[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*$")
_OUTLET_WORD = re.compile(
    r"^The\b|\b(?:News|Times|Post|Press|Herald|Gazette|Courier|Journal|Tribune|Radio|Media|Daily|Weekly|"
    r"Network|Agency|Broadcasting|Public|Chronicle|Telegraph|Guardian|Observer|Review|Standard|Mail|Star|"
    r"Record|Ledger|Bulletin|Today|TV|FM|Magazine|Wire|Online)\b"
)
_TRAILING_PARENS = re.compile(r"\(([^()]{3,120})\)\s*$")  # (the space before is stripped below)
_NAV = re.compile(r"\s[|›»•·]\s")
# (each capitalised word taken whole, "(?=(w))(?P=w)": letting the regex try
# every way of cutting a long word into words took exponential time)
_NAME_WORDS = re.compile(r"^(?:(?:(?=(?P<w>[A-Z0-9][\w&'’.-]*))(?P=w)|the|of|and|for|on|de|la|du)\s*)+$")

_HOST_PATTERNS = (
    # "MPR News is Member supported public media."
    re.compile(
        r"\b(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\s+is\s+(?:an?\s+)?"
        r"(?:member|listener|viewer|reader|donor|community)[\s-]+(?:supported|funded)",
        re.IGNORECASE,
    ),
    # "Top stories on inkl right now"
    re.compile(r"\b(?:stories|news|articles|reads)\s+on\s+(?P<name>(?!the\b|our\b|this\b)[A-Za-z][\w.&]*)"),
    # "Subscribe to The Daily Bugle", "Download the Example app"
    re.compile(
        r"\b(?:[Ss]ubscribe\s+to|[Dd]onate\s+to|[Dd]ownload\s+the|[Ss]upport)\s+"
        r"(?P<name>(?:The\s+)?[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,2})"
    ),
)

_BYLINE = re.compile(
    r"^(?:By|BY|by)?\s*(?P<name>[A-Z][a-z\u00c0-\u024f'’.-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z\u00c0-\u024f'’-]+|de|van|von|da|di|al|bin)){1,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][a-z\u00c0-\u024f'’.-]+(?:\s+[A-Z][a-z\u00c0-\u024f'’-]+){1,3})*)$"
)
_EXPLICIT_BYLINE = re.compile(r"^(?:By|BY)\s+(?P<name>\S.{1,80})$")
_DATE_LINE = re.compile(
    r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?(?:\d{1,2}\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b"
    r"|^\d{4}-\d{2}-\d{2}\b",
    re.IGNORECASE,
)
# Chinese and Japanese write no spaces: every two ideographs or kana count as
# a word, so their headlines and prose are measured like other languages.
_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{1,2}|[\w'’-]+")
_TERMINAL = frozenset('.!?"”’)»…:')
_FRONT_KEYS = {
    "title": "title",
    "author": "byline",
    "authors": "byline",
    "byline": "byline",
    "outlet": "outlet",
    "source": "outlet",
    "publisher": "outlet",
    "site_name": "outlet",
    "site": "outlet",
    "section": "section",
    "category": "section",
    "date": "date",
    "published": "date",
    "url": "url",
    "link": "url",
    "canonical_url": "url",
}


@dataclass(slots=True)
class _Para:
    start: int
    end: int
    text: str
    role: str = "body"
    words: int = -1  # counted once, on creation

    def __post_init__(self) -> None:
        if self.words < 0:
            self.words = len(_WORD.findall(self.text))


# --- splitting --------------------------------------------------------------




def _is_prose(p: _Para) -> bool:
    return p.words >= 8 and p.text[-1] in _TERMINAL


def _is_cta(p: _Para) -> bool:
    """A short call-to-action or heading-like line with no sentence structure."""
    if p.words > 8:
        return False
    first = _WORD.search(p.text)
    if first and first.group().lower() in _CTA_VERBS:
        return True
    return p.text[-1] not in ".!?\"”" or p.words <= 3


def _is_boilerplate(p: _Para) -> bool:
    """A pitch: pitch words, or sales words packed into a short line."""
    if p.words > 12 and not _PITCH.search(p.text):
        return False  # long prose needs a pitch word to be a pitch
    pitch = len(_PITCH.findall(p.text))
    sales = len(_SALES.findall(p.text))
    if pitch and (p.words <= 12 or (pitch + sales) / p.words >= 0.1):
        return True
    if pitch and p.words <= 60 and any(_PITCH.search(m.group()) for m in _CTA_SENTENCE.finditer(p.text)):
        return True  # "... Sign up for the Bugle today to get the free newsletter.": a sentence that asks
    return p.words <= 12 and (sales >= 2 or (sales == 1 and p.words <= 3 and _is_cta(p)))


def _is_credit(p: _Para) -> bool:
    return p.words <= 12 and _names_credit(p.text) and not p.text.endswith(".")


def _names_credit(text: str) -> bool:
    """An agency or a credit word ("Getty Images", "Photo:"), or three names
    joined by slashes ("Jane Doe/AP/Pool": a letter somewhere in the first,
    the next two starting with one)."""
    if _CREDIT.search(text):
        return True
    for chain in _SLASHED.finditer(text):
        parts = chain.group().split("/")
        for i in range(len(parts) - 2):
            letters = _ASCII_LETTER.search(parts[i]) and _ASCII_LETTER.match(parts[i + 1])
            if letters and _ASCII_LETTER.match(parts[i + 2]):
                return True
    return False


def trailing_credit(text: str) -> tuple[str, str] | None:
    """``"Caption words. (Jane Doe/AP)"`` -> (caption, credit)."""
    match = _TRAILING_PARENS.search(text)
    if match and (_names_credit(match.group(1)) or _NAME_SLASH.match(match.group(1))):
        return text[: match.start()].rstrip(), match.group(1).strip()
    return None


def _header_role(p: _Para, outlet_seen: bool) -> str:
    text = p.text
    if _is_boilerplate(p):
        return "boilerplate"
    if p.words <= 2 and text.strip(".").lower() in _SECTIONS:
        return "section"
    explicit = _EXPLICIT_BYLINE.match(text)
    if explicit or (_BYLINE.match(text) and not text.isupper() and p.words >= 2 and not _OUTLET_WORD.search(text)):
        return "byline"
    if p.words <= 4 and not outlet_seen and not _NAV.search(text) and _NAME_WORDS.match(text):
        return "outlet"
    return "boilerplate"


def _stands_alone(source: str, paras: list[_Para], i: int) -> bool:
    """Is paragraph i followed by a blank line (or the end of the text), perhaps
    after its byline and desk lines (``"Port shuts\nBy Jane Doe\nIndustry Desk\n\n"``)?"""
    while i + 1 < len(paras) and (is_byline_line(paras[i + 1].text) or is_desk_line(paras[i + 1].text)):
        if _blank_after(source, paras, i):
            return True
        i += 1
    return _blank_after(source, paras, i)


def _blank_after(source: str, paras: list[_Para], i: int) -> bool:
    after = paras[i + 1].start if i + 1 < len(paras) else len(source)
    return bool(re.search(r"\n[ \t\r]*\n|\r[ \t]*\r", source[paras[i].end : after])) or i + 1 == len(paras)


def _host_name(paras: list[_Para]) -> str | None:
    for p in paras:
        if p.role != "boilerplate":
            continue
        for pattern in _HOST_PATTERNS:
            match = pattern.search(p.text)
            if match:
                name = match.group("name").strip(" .")
                if name and name.lower() not in _CTA_VERBS:
                    return name
    return None


def _front_matter(source: str) -> tuple[dict[str, str], int]:
    """YAML-style front matter (``---`` ... ``---``) as simple key/values."""
    match = re.match(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", source, re.DOTALL)
    if not match:
        return {}, 0
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in _FRONT_KEYS:
            value = value.strip().strip("\"'")
            if value:
                meta.setdefault(_FRONT_KEYS[key.strip().lower()], value)
    return meta, match.end()


def article_id(source: str) -> str:
    """A stable id: the same text gives the same id wherever the file lives."""
    return hashlib.sha1(source.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@collector_paused()  # many small objects, no cycles: the collector would walk them again and again
def parse_article(source: str, path: str = "", *, markdown: bool | None = None, repeats: bool = True) -> Article:
    """Clean one article.  Never raises on any text.

    Each step below gives every paragraph a role (``body`` until shown to be
    something else); the body paragraphs left at the end are the article.
    ``repeats=False`` keeps short lines that occur more than once (text
    extracted from a web page, whose menus are gone already)::

        >>> a = parse_article(
        ...     "Storm shuts Elwin port\\n\\nBy Jane Doe\\n\\n"
        ...     "The port of Elwin closed on Monday as the storm reached the coast, officials said.\\n\\n"
        ...     "Subscribe to the Elwin Bugle for more news\\n\\n"
        ...     '"We have never seen water this high," the harbour master said.\\n\\nREUTER\\n')
        >>> a.title, a.byline, a.outlet
        ('Storm shuts Elwin port', 'Jane Doe', 'Reuters')
        >>> [p.text[:24] for p in a.paragraphs]
        ['The port of Elwin closed', '"We have never seen wate']
    """
    if markdown is None:
        markdown = path.lower().endswith((".md", ".markdown"))
    meta, body_start = _front_matter(source) if markdown else ({}, 0)
    spans = split_paragraphs(source, markdown=markdown, begin=body_start)
    paras = [_Para(s.start, s.end, s.text) for s in spans]
    title, title_index = _markdown_headings(paras, meta.get("title")) if markdown else (meta.get("title"), -1)
    captions = _mark_furniture(paras, repeats)
    if title is None:
        title_index = _headline(source, paras)
        if title_index >= 0:
            paras[title_index].role = "title"
            title = paras[title_index].text
    found = _header_metadata(paras, title_index)
    _mark_boilerplate_around(paras)
    _mark_footer(paras)
    signed = sign_off(paras)
    copyright_text, holder = copyright_line(paras)
    outlet, via = outlet_and_via(meta.get("outlet") or found.get("outlet") or holder, _host_name(paras))
    body_spans = tuple(Span(p.start, p.end, p.text) for p in paras if p.role == "body")
    return Article(
        id=article_id(source),
        path=path,
        source=source,
        title=_title_text(title, body_spans, path),
        paragraphs=body_spans,
        outlet=outlet or signed,
        via=via,
        byline=meta.get("byline") or found.get("byline"),
        section=meta.get("section") or found.get("section"),
        copyright=copyright_text,
        date=meta.get("date") or next((p.text for p in paras if p.role == "date"), None),
        captions=tuple(captions),
        url=web_url(meta.get("url")),
    )


def _markdown_headings(paras: list[_Para], meta_title: str | None) -> tuple[str | None, int]:
    """Strip the ``#`` of Markdown headings; the first heading is the title
    unless the front matter gave one (then a heading saying the same is marked
    as the title, so it is not shown twice).  Returns (title, its paragraph or -1)."""
    title, title_index = meta_title, -1
    for i, p in enumerate(paras):
        heading = re.match(r"(#{1,6})\s+", p.text)
        if heading:
            p.start += heading.end()
            p.text = p.text[heading.end() :]
            p.words = len(_WORD.findall(p.text))
            if title is None and not p.text.startswith("#"):
                title, title_index, p.role = p.text.strip(" #"), i, "title"
            elif title_index < 0 and meta_title:
                p.role = "title" if p.text.strip(" #") == title else p.role
    return title, title_index


def _mark_furniture(paras: list[_Para], repeats: bool = True) -> list[Caption]:
    """Captions, credits, copyright, pitches, repeated short lines and date
    lines anywhere in the page; returns the captions."""
    counts: dict[str, int] = {}
    for p in paras:
        counts[p.text] = counts.get(p.text, 0) + 1
    captions: list[Caption] = []
    for i, p in enumerate(paras):
        if p.role != "body":
            continue
        caption = _caption_at(paras, i)
        if caption is not None:
            captions.append(caption)
        elif COPYRIGHT.match(p.text):
            p.role = "copyright"
        elif _is_boilerplate(p) or len(_NAV.findall(p.text)) >= 2:
            p.role = "boilerplate"
        elif repeats and counts[p.text] > 1 and 2 <= p.words <= 10 and not any(c.isdigit() for c in p.text):
            p.role = "repeat"
        elif p.words <= 6 and _DATE_LINE.match(p.text):
            p.role = "date"
    return captions


def _caption_at(paras: list[_Para], i: int) -> Caption | None:
    """Is paragraph ``i`` a caption?  A paragraph printed twice in a row (its
    credit may follow), one followed by a photo credit, or one ending in a
    credit in brackets (``"Divers at work. (Jane Doe/AP)"``).  Marks the
    caption, its copy and its credit."""
    p = paras[i]
    nxt = paras[i + 1] if i + 1 < len(paras) else None
    if nxt is not None and nxt.text == p.text and p.words >= 4:
        p.role, nxt.role = "caption", "duplicate"
        after = paras[i + 2] if i + 2 < len(paras) else None
        credit = ""
        if after is not None and after.role == "body" and _is_credit(after):
            credit, after.role = after.text, "credit"
        return Caption(p.text, credit)
    if nxt is not None and p.words >= 4 and nxt.role == "body" and _is_credit(nxt) and not _is_prose(nxt):
        p.role, nxt.role = "caption", "credit"
        return Caption(p.text, nxt.text)
    if (split := trailing_credit(p.text)) is not None:
        p.role = "caption"
        return Caption(*split)
    return None


def _headline(source: str, paras: list[_Para]) -> int:
    """The headline's paragraph, or -1: in the header (the lines above the
    first prose), a first line standing alone (the usual plain-text
    layout), else the first header line of five words or more, else the
    longest; with no header, a short first prose paragraph."""
    first_prose = next((i for i, p in enumerate(paras) if p.role == "body" and _is_prose(p)), len(paras))
    header = [i for i in range(first_prose) if paras[i].role == "body" and not _NAV.search(paras[i].text)]
    if header and header[0] == 0 and paras[0].words >= 2 and _stands_alone(source, paras, 0):
        return 0
    if header:
        return next((i for i in header if paras[i].words >= 5), max(header, key=lambda i: paras[i].words))
    if first_prose < len(paras) and paras[first_prose].words <= 25:
        return first_prose
    return -1


def _header_metadata(paras: list[_Para], title_index: int) -> dict[str, str]:
    """Outlet, section and byline from the short lines above the headline,
    and an explicit ``By ...`` line just below it (``"By Jane Doe"`` ->
    ``{"byline": "Jane Doe"}``); the lines found are marked with their role."""
    found: dict[str, str] = {}
    for p in paras[: max(title_index, 0)]:
        if p.role not in ("body", "repeat") or p.words == 0 or _is_prose(p):
            continue
        role = _header_role(p, "outlet" in found)
        if role == "outlet" and p.text == found.get("outlet"):
            role = "boilerplate"
        p.role = role
        if role in ("outlet", "section", "byline"):
            name = _EXPLICIT_BYLINE.match(p.text)
            found.setdefault(role, name.group("name") if role == "byline" and name else p.text)
    for p in paras[title_index + 1 : title_index + 4]:
        if p.role == "body" and (m := _EXPLICIT_BYLINE.match(p.text)) and p.words <= 12:
            p.role = "byline"
            found.setdefault("byline", m.group("name"))
        elif p.role == "body" and title_index >= 0 and is_desk_line(p.text):
            p.role = "section"
            found.setdefault("section", p.text)
    return found


def _mark_boilerplate_around(paras: list[_Para]) -> None:
    """Repeated short lines are boilerplate, and so is a heading-like line
    next to boilerplate (``"Start reading"`` under an app pitch)."""
    for p in paras:
        if p.role == "repeat":
            p.role = "boilerplate"
    for i, p in enumerate(paras):
        if p.role == "body" and _is_cta(p) and not _is_prose(p):
            neighbours = paras[max(i - 1, 0) : i] + paras[i + 1 : i + 2]
            if any(n.role == "boilerplate" for n in neighbours):
                p.role = "boilerplate"


def _mark_footer(paras: list[_Para]) -> None:
    """After the last paragraph of prose, once boilerplate or a copyright line
    appears, every body line after it is boilerplate too."""
    body = [i for i, p in enumerate(paras) if p.role == "body"]
    last_prose = max((i for i in body if _is_prose(paras[i])), default=-1)
    in_pitch = False
    for i in range(last_prose + 1, len(paras)):
        p = paras[i]
        if p.role in ("boilerplate", "copyright"):
            in_pitch = True
        elif p.role == "body" and in_pitch:
            p.role = "boilerplate"


def _title_text(title: str | None, body: tuple[Span, ...], path: str) -> str:
    """The title on one line; with none, the first paragraph (cut at 90
    characters) or else the file name."""
    if not title:
        first = body[0].text if body else path.rsplit("/", 1)[-1] or "Untitled"
        title = first if len(first) <= 90 else first[:89].rstrip() + "…"
    return " ".join(title.split())
