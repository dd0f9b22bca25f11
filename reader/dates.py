"""Dates in articles: a publication date's text, and the wire dateline.

Public API::

    parse_date(text) -> datetime.date | None
    dateline(article) -> Dateline | None
    when(article) -> (date | None, (month, day) | None)
    day_of_year(month, day) -> int
    short_day(month, day) -> str
    readable_date(text) -> str

A wire dateline opens the body of an agency story: ``SALVADOR, Feb 26 - ``,
``CALGARY, Alberta, March 4 - ``, ``LONDON, March 3 (Reuters) - ``.  It names
the place and the day, without a year.  Pure Python, no UI imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from reader.model import Article

__all__ = ["Dateline", "dateline", "day_of_year", "parse_date", "readable_date", "short_day", "when"]

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ]
    )
    for m in names
}
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_MDY = re.compile(r"([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DMY = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})")
_SLASH = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})")

# PLACE[, Region], Month Day [(Agency)] - : a capitalised place of a few words,
# an optional region ("Alberta", "Conn."), the day, then a dash.
DATELINE_PATTERN = (
    r"(?P<place>[A-Z][A-Za-z.'&/-]*(?: [A-Z][A-Za-z.'&/-]*){0,4}(?:, [A-Z][A-Za-z.]{1,15}(?: [A-Z][A-Za-z.]{1,15})?)?)"
    r", (?P<month>[A-Za-z]{3,9})\.? (?P<day>\d{1,2})(?: \([A-Za-z ]{1,20}\))? ?[-\u2013\u2014] "
)
_DATELINE = re.compile(DATELINE_PATTERN)
DATELINE_CHARS = 120  # a dateline is short: a huge first paragraph is not scanned
_MONTH_START = (0, 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335)  # days before each month, leap year


def parse_date(text: str | None) -> date | None:
    """``2024-03-04``, ``March 4, 2024``, ``Mar. 4 2024``, ``4 March 2024``, ``2024/03/04`` -> a date."""
    if not text:
        return None
    try:
        for rx, order in ((_ISO_DATE, "ymd"), (_SLASH, "ymd"), (_MDY, "mdy"), (_DMY, "dmy")):
            m = rx.search(text)
            if not m:
                continue
            if order == "ymd":
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if order == "mdy":
                month = MONTHS.get(m.group(1).lower())
                if month:
                    return date(int(m.group(3)), month, int(m.group(2)))
            else:
                month = MONTHS.get(m.group(2).lower())
                if month:
                    return date(int(m.group(3)), month, int(m.group(1)))
    except ValueError:
        return None
    return None


@dataclass(frozen=True, slots=True)
class Dateline:
    """``SALVADOR, Feb 26 - ``: where and on which day (no year) a story was filed."""

    text: str  # as written, without the dash: "SALVADOR, Feb 26"
    place: str
    month: int
    day: int


def dateline(article: Article) -> Dateline | None:
    """The dateline that opens the article's body, if it has one."""
    if not article.paragraphs:
        return None
    m = _DATELINE.match(article.paragraphs[0].text[:DATELINE_CHARS])
    if m is None:
        return None
    month = MONTHS.get(m.group("month").lower())
    day = int(m.group("day"))
    if month is None or not 1 <= day <= 31:
        return None
    return Dateline(m.group(0)[: m.end("day")], m.group("place"), month, day)


def when(article: Article) -> tuple[date | None, tuple[int, int] | None]:
    """The article's date, and its ``(month, day)`` from that date, else from its dateline."""
    full = parse_date(article.date)
    if full is not None:
        return full, (full.month, full.day)
    line = dateline(article)
    return None, ((line.month, line.day) if line is not None else None)


_ABBR = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_day(month: int, day: int) -> str:
    """``Feb 26`` (English, whatever the locale: it labels English-language news)."""
    return f"{_ABBR[month]} {day}"


_ISO_STAMP = re.compile(r"\s*(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?)?(?:Z|[+-]\d\d:?\d\d)?\s*$")


def readable_date(text: str) -> str:
    """A machine date (a feed's or a page's ISO stamp) as a reader writes it;
    any other text as it is::

        >>> readable_date("2026-12-01T10:22:00+00:00"), readable_date("2024-03-04")
        ('Dec 1, 2026, 10:22', 'Mar 4, 2024')
        >>> readable_date("Tuesday, March 4"), readable_date("2024-13-40")
        ('Tuesday, March 4', '2024-13-40')
    """
    m = _ISO_STAMP.fullmatch(text)
    if m is None:
        return text
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        date(year, month, day)
    except ValueError:
        return text
    label = f"{short_day(month, day)}, {year}"
    return f"{label}, {m.group(4)}:{m.group(5)}" if m.group(4) else label


def day_of_year(month: int, day: int) -> int:
    """1 for January 1 to 366 for December 31, counted in a leap year."""
    return _MONTH_START[month] + day


def span_label(articles) -> str | None:
    """When these articles are from: the first and the last day, or None.

    Full dates give a year; wire datelines (``Feb 26``) give none::

        >>> from reader.model import Article
        >>> span_label([Article("a", "a", "", "t", date="2024-03-02"), Article("b", "b", "", "t", date="2024-04-09")])
        'Mar 2, 2024 – Apr 9, 2024'
        >>> span_label([Article("a", "a", "", "t", date="2024-03-02")])
        'Mar 2, 2024'
    """
    seen = [when(article) for article in articles]
    full = [d for d, _ in seen if d is not None]
    if full and len(full) == len(seen):
        first, last = min(full), max(full)
        labels = [f"{short_day(d.month, d.day)}, {d.year}" for d in (first, last)]
    else:
        days = sorted({md for _, md in seen if md is not None}, key=lambda md: day_of_year(*md))
        if not days:
            return None
        labels = [short_day(*days[0]), short_day(*days[-1])]
    return labels[0] if labels[0] == labels[1] else f"{labels[0]} – {labels[1]}"
