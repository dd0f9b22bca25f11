"""Quotations and who said them: the attribution engine.

Public API::

    extract(source, paragraphs) -> Attribution
    extract_article(article) -> Attribution

Pure Python, precompiled regular expressions, no UI imports.  The engine is
a pipeline of small stages (:mod:`.engine` runs them):

==================  =========================================================
module              stage
==================  =========================================================
``lexicon/``        word lists (data only)
``patterns``        every regular expression, built from the lexicon
``tokens``          :class:`~.tokens.Token` and the tokenizer
``paragraph``       a paragraph read whole: marks paired, quotations masked,
                    sentences cut
``mentions``        :class:`~.mentions.Mention` and its kinds
``runs``            capitalised runs made into mentions
``descriptions``    "a source with knowledge of the matter"
``appositives``     "Ned Price, a spokesperson for ..., said"
``subjects``        the subject right before a speech verb
``inverted``        the subject right after one ("said Price")
``openers``         the first noun phrase of a sentence
``cues``            the cue after, before, in the paragraph or sentence before
``direct``          a quotation's kind, scare quotes, the cue that wins
``reported``        reported speech ("X said that ...", "according to X")
``headline``        a headline's quote (``Lynch: 'We have no choice'``)
``names``           canonical-name rules (roles, organisations, acronyms)
``registry``        the article's entities, names and mentions, indexed
``prepass``         every capitalised run taught to the registry first
``resolve``         a mention to its canonical speaker; pronouns
``engine``          paragraphs -> stages -> attributions
==================  =========================================================
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from ..model import Article, Attribution, Span
from .engine import extract as _extract
from .headline import find_headline

__all__ = ["extract", "extract_article"]

log = logging.getLogger(__name__)


def extract(source: str, paragraphs: Sequence[Span], headline: tuple[int, int] | None = None) -> Attribution:
    """Every quotation and piece of reported speech in ``paragraphs``, with speakers.

    Offsets are into ``source``; ``Quote.text == source[q.start:q.end]``.
    Never raises: on an internal error the article gets no quotes (and the
    error is logged), so one odd article cannot break the reader.
    """
    try:
        return _extract(source, paragraphs, headline)
    except Exception:  # pragma: no cover - defensive; property tests run the engine unguarded
        log.exception("quote extraction failed")
        return Attribution()


def extract_article(article: Article) -> Attribution:
    """:func:`extract` over an article's paragraphs, and its headline when
    the source holds it above the body (its quote has ``paragraph == -1``)."""
    body = article.paragraphs[0].start if article.paragraphs else 0
    return extract(article.source, article.paragraphs, find_headline(article.source, article.title, body))
