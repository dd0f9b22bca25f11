"""Search over quotes, speakers, titles and body text: the engine core.

Public API::

    SearchIndex.build(items) / SearchIndex().add(article, attribution)
    SearchIndex.search(query, limit) -> list[Hit]
    parse_query(text) -> Query

Modules: :mod:`.index` (storage and :meth:`SearchIndex.search`),
:mod:`.vocabulary` (term lookup), :mod:`.ranking` (query evaluation),
:mod:`.hits` (document kinds, hits, matched spans).

No UI here.  The index is built from ``(Article, Attribution)`` pairs, one
document per quote, per speaker, per title and per paragraph, and answers
the queries of :mod:`reader.query` keystroke by keystroke.

Design
------
* **Terms.** Text is normalised (casefold, accents stripped) and split into
  letter/digit terms (:func:`reader.query.terms`).  Each distinct term gets an
  int id; ``_post[id]`` is the posting list (``array('I')`` of document ids;
  a plain list while terms are being added, packed on the next rebuild) and
  ``_fwd`` the forward index (each document's term ids, one shared
  ``array('I')`` sliced by ``_fwd_off``).  A word twice in a document is
  listed twice in both: a set per document cost about a sixth of the
  build, and every reader takes them as sets.  Per-document fields are
  parallel arrays; texts are references to the caller's strings.
* **Term lookup.** Each query word is expanded into tiers of vocabulary
  terms: exact, prefix (a sorted vocabulary and bisect), infix (a search in
  the vocabulary joined into one string), and only when the real matches
  give fewer than ``limit`` results, fuzzy ones: whole words within an
  edit distance scaled by length (rapidfuzz over the vocabulary bucketed by
  length), and for the word being typed, prefixes within an edit distance.
* **Candidates.** Constraints (words, phrase words, speaker and outlet
  filters) are sorted by estimated size; the small ones are materialised as
  sets of documents and intersected in C, the large ones checked per
  candidate through the forward index.  Candidates are capped, so a one- or
  two-letter query costs no more than a long one.
* **Ranking.** Documents with a fuzzy-only word always rank below documents
  whose words all match for real; then by per-word match quality, kind
  (quotes and speakers first, then titles, then paragraphs), word adjacency
  in query order, and shorter documents first.  ``Hit`` objects are built
  only for the results returned.
"""

from reader.query import parse_query
from reader.search.hits import Hit
from reader.search.index import SearchIndex

__all__ = ["Hit", "SearchIndex", "parse_query"]
