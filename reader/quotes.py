"""Moved to :mod:`reader.attribution`; kept as a thin re-export for callers
that have not moved yet."""

from reader.attribution import extract, extract_article
from reader.attribution.engine import extract as _extract

__all__ = ["extract", "extract_article", "_extract"]
