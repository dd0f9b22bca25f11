"""The search index as bytes: stored once, loaded at the next start instead of rebuilt.

:func:`dump` packs what :meth:`SearchIndex.build` made (its arrays as raw
machine bytes, its terms and speakers as text); :func:`load` turns those
bytes back into an index over the same articles, in the same order.  The
parse cache keeps them (:mod:`reader.store.cache_db`, table ``search_index``)
under a key made of the extraction rules, :func:`index_version` and every
article indexed, so a stored index is only ever loaded over the corpus it
was built from.

Nothing in the bytes is trusted: :func:`load` checks the layout, the sizes
of the arrays against each other and every number that is used as a place
in another array (a term, a document, an article, a speaker) or as an
offset in an article, and raises :class:`ValueError` on the first thing
wrong; the caller then builds the index afresh.  The texts of documents are
not stored: each is its article's title, a speaker's name or a slice of the
article's text, cut when a search shows it::

    >>> from reader.cleaning import parse_article
    >>> from reader.model import Attribution
    >>> article = parse_article("Port news\\n\\nThe harbour reopens on Friday.\\n", "a.txt")
    >>> index = SearchIndex.build([(article, Attribution())])
    >>> again = load(dump(index), [article])
    >>> [h.text for h in again.search("harbor")] == [h.text for h in index.search("harbor")]
    True
    >>> load(dump(index)[:-1], [article])
    Traceback (most recent call last):
    ValueError: stored index: a part outside the data
"""

from __future__ import annotations

import hashlib
import json
import struct
import sys
from array import array
from collections.abc import Sequence
from itertools import chain
from operator import le
from pathlib import Path
from typing import cast

from reader.gcpause import collector_paused
from reader.model import Article
from reader.search.hits import KIND_ARTICLE, KIND_NAMES, KIND_SPEAKER
from reader.search.index import SearchIndex, _Vocab

__all__ = ["dump", "index_version", "load"]

FORMAT = 1
_HEAD = struct.Struct("<I")  # the length of the JSON header before it, at the very end
# The index's own arrays, stored as they are: name -> type code.
_ARRAYS = {"_kind": "B", "_art": "I", "_start": "I", "_end": "I", "_spk": "i", "_base": "f", "_fwd": "I",
           "_fwd_off": "I", "_art_first": "I", "_art_end": "I", "_spk_doc": "I"}


def index_version() -> str:
    """A fingerprint of the code that makes an index (this package and the query's terms)."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha1(f"{FORMAT} {sys.byteorder}".encode())
    for f in [*sorted(root.glob("*.py")), root.parent / "query.py"]:
        digest.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


# --- index -> bytes --------------------------------------------------------------------


def _packed(values: Sequence[int], code: str) -> array:
    return values if isinstance(values, array) and values.typecode == code else array(code, values)


def _flat(lists: Sequence[Sequence[int]]) -> tuple[array, array]:
    """Lists of numbers as one array and the offsets of each list in it."""
    flat, offsets = array("I"), array("I", [0])
    for values in lists:
        flat.extend(values)
        offsets.append(len(flat))
    return flat, offsets


def _text(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")  # a JSON Lines record may hold a lone surrogate


def _str(data: memoryview) -> str:
    return bytes(data).decode("utf-8", "surrogatepass")


def dump(index: SearchIndex) -> bytes:
    """The index as bytes for :func:`load` (prepared first: posting lists packed).
    The index's own arrays go in as they are (no copies before the one join);
    the header (where each part is) goes last, with its length."""
    index.prepare()
    parts: list = []
    layout = {}
    offset = 0

    def add(name: str, data) -> None:
        nonlocal offset
        view = memoryview(data).cast("B")
        layout[name] = (offset, len(view))
        offset += len(view)
        parts.append(view)

    for name, code in _ARRAYS.items():
        add(name, _packed(getattr(index, name), code))
    for name, lists in (("post", index._post), ("spk_docs", index._spk_docs),
                        ("extra", [sorted(index._fwd_extra[d]) for d in index._spk_doc])):
        flat, offsets = _flat(lists)
        add(name, flat)
        add(name + "_off", offsets)
    add("terms", _text("\n".join(index._terms)))
    add("outlets", _text("\n".join(index._outlet_of)))
    add("speakers", _text(json.dumps({
        "names": index._spk_names,
        "terms": index._spk_terms,
        "aliases": [sorted(a) for a in index._spk_aliases],
        "keys": {t: sorted(s) for t, s in index._spk_keys.items()},
    }, ensure_ascii=False)))
    head = json.dumps({"format": FORMAT, "byteorder": sys.byteorder, "articles": len(index._articles),
                       "layout": layout}).encode()
    return b"".join([*parts, head, _HEAD.pack(len(head))])


# --- bytes -> index --------------------------------------------------------------------


class _Texts:
    """The documents' texts, cut from the articles when asked (``index._text``)."""

    __slots__ = ("index", "count", "added")

    def __init__(self, index: SearchIndex, count: int) -> None:
        self.index = index
        self.count = count
        self.added: list[str] = []  # documents added after loading

    def __len__(self) -> int:
        return self.count + len(self.added)

    def __getitem__(self, d: int) -> str:
        if d >= self.count:
            return self.added[d - self.count]
        index = self.index
        kind = index._kind[d]
        if kind == KIND_SPEAKER:
            return index._spk_names[index._spk[d]]
        article = index._articles[index._art[d]]
        if kind == KIND_ARTICLE:
            return article.title
        return article.source[index._start[d] : index._end[d]]

    def append(self, text: str) -> None:
        self.added.append(text)


def _bad(what: str) -> ValueError:
    return ValueError(f"stored index: {what}")


def _parts(data: bytes) -> tuple[dict, dict[str, memoryview]]:
    if len(data) < _HEAD.size:
        raise _bad("too short")
    (size,) = _HEAD.unpack_from(data, len(data) - _HEAD.size)
    if size > len(data) - _HEAD.size:
        raise _bad("a part outside the data")
    end = len(data) - _HEAD.size - size
    head = json.loads(bytes(data[end : end + size]))
    if type(head) is not dict or head.get("format") != FORMAT or head.get("byteorder") != sys.byteorder:
        raise _bad("another format")
    view = memoryview(data)[:end]
    parts = {}
    for name, (offset, length) in head["layout"].items():
        if type(offset) is not int or type(length) is not int or offset < 0 or length < 0:
            raise _bad("a part outside the data")
        if offset + length > len(view):
            raise _bad("a part outside the data")
        parts[name] = view[offset : offset + length]
    return head, parts


def _array(parts: dict[str, memoryview], name: str, code: str) -> array:
    values = array(code)
    values.frombytes(parts[name])  # ValueError unless a whole number of items
    return values


def _below(values: array, bound: int, what: str) -> None:
    """ValueError unless every value is below ``bound`` (and, for signed arrays, not below -1)."""
    if values and (max(values) >= bound or values.typecode.islower() and min(values) < -1):
        raise _bad(f"{what} out of range")


def _offsets(offsets: array, count: int, total: int, what: str) -> list[tuple[int, int]]:
    """Checked ``(start, end)`` pairs of ``count`` lists laid end to end in ``total`` numbers."""
    ends = offsets.tolist()
    if len(ends) != count + 1 or ends[0] != 0 or ends[-1] != total or not all(map(le, ends, ends[1:])):
        raise _bad(f"the offsets of {what} are wrong")
    return list(zip(ends, ends[1:], strict=False))


def load(data: bytes, articles: Sequence[Article]) -> SearchIndex:
    """The index of :func:`dump` over ``articles`` (those it was built from, in order).

    Raises ``ValueError`` (or ``KeyError``, ``TypeError``) when the bytes are
    not a sound index of that many articles.
    """
    try:
        with collector_paused():  # tens of thousands of arrays, no cycles
            return _load(data, articles)
    except (KeyError, TypeError, IndexError, AttributeError, RecursionError, UnicodeDecodeError) as exc:
        raise _bad(f"damaged ({type(exc).__name__})") from None


def _load(data: bytes, articles: Sequence[Article]) -> SearchIndex:
    head, parts = _parts(data)
    if head["articles"] != len(articles):
        raise _bad("built over another number of articles")
    index = SearchIndex()
    for name, code in _ARRAYS.items():
        setattr(index, name, _array(parts, name, code))
    docs = len(index._kind)
    if any(len(getattr(index, name)) != docs for name in ("_art", "_start", "_end", "_spk", "_base")):
        raise _bad("arrays of documents of different lengths")
    terms = _str(parts["terms"]).split("\n") if len(parts["terms"]) else []
    speakers = json.loads(_str(parts["speakers"]))
    names = speakers["names"]
    _check_speakers(speakers)
    outlets = _str(parts["outlets"]).split("\n")
    if len(outlets) != len(articles) or len(index._art_first) != len(articles) or len(index._art_end) != len(articles):
        raise _bad("the articles' arrays have another length")
    _check_documents(index, articles, docs, len(names))
    # index._fwd is not checked: its term ids are only ever tested for being in
    # the query's sets of ids, where one out of range is simply never found
    _below(index._art_first, docs + 1, "an article's first document")
    _below(index._art_end, docs + 1, "an article's last document")
    if len(index._spk_doc) != len(names):
        raise _bad("speakers without their documents")
    _below(cast(array, index._spk_doc), docs, "a speaker's document")  # _ARRAYS made it an array
    _offsets(index._fwd_off, docs, len(index._fwd), "the documents' terms")
    post = _array(parts, "post", "I")
    _below(post, docs, "a document of a term")
    spk_docs = _array(parts, "spk_docs", "I")
    _below(spk_docs, docs, "a document of a speaker")
    extra = _array(parts, "extra", "I")
    _below(extra, len(terms), "a term of a speaker")
    index._articles = list(articles)
    index._outlet_of = outlets
    index._text = _Texts(index, docs)
    index._terms = terms
    index._post = [post[a:b] for a, b in _offsets(_array(parts, "post_off", "I"), len(terms), len(post), "the terms")]
    index._term_id = vocab = _Vocab(terms, index._post)
    vocab.update(zip(terms, range(len(terms)), strict=False))
    if len(vocab) != len(terms):
        raise _bad("a term twice")
    index._packed = len(terms)
    index._spk_names = names
    index._spk_id = {name: sid for sid, name in enumerate(names)}
    if len(index._spk_id) != len(names):
        raise _bad("a speaker twice")
    index._spk_terms = [tuple(t) for t in speakers["terms"]]
    index._spk_aliases = [set(a) for a in speakers["aliases"]]
    index._spk_keys = {t: set(sids) for t, sids in speakers["keys"].items()}
    index._spk_docs = [
        spk_docs[a:b]
        for a, b in _offsets(_array(parts, "spk_docs_off", "I"), len(names), len(spk_docs), "the speakers' documents")
    ]
    index._fwd_extra = {
        d: set(extra[a:b])
        for d, (a, b) in zip(
            index._spk_doc,
            _offsets(_array(parts, "extra_off", "I"), len(names), len(extra), "the speakers' terms"),
            strict=False,
        )
    }
    index.prepare()
    return index


def _check_documents(index: SearchIndex, articles: Sequence[Article], docs: int, speakers: int) -> None:
    """Each document of a known kind, article and speaker, its span inside its article."""
    _below(index._kind, len(KIND_NAMES), "a kind of document")
    _below(index._art, len(articles), "an article of a document")
    _below(index._spk, speakers, "a speaker of a document")
    sizes = [len(article.source) for article in articles]
    if not all(map(le, index._start, index._end)) or not all(map(le, index._end, map(sizes.__getitem__, index._art))):
        raise _bad("a document outside its article")


def _check_speakers(speakers: dict) -> None:
    names, spk_terms, aliases, keys = speakers["names"], speakers["terms"], speakers["aliases"], speakers["keys"]
    if not (type(names) is list and type(spk_terms) is list and type(aliases) is list and type(keys) is dict):
        raise _bad("the speakers are not lists")
    if not len(names) == len(spk_terms) == len(aliases):
        raise _bad("speakers of different lengths")
    groups = [*spk_terms, *aliases]
    if not set(map(type, groups)) <= {list} or not set(map(type, chain(names, *groups))) <= {str}:
        raise _bad("a speaker's name, terms or aliases are not text")
    sids = list(chain.from_iterable(keys.values())) if set(map(type, keys.values())) <= {list} else None
    if sids is None or not set(map(type, sids)) <= {int} or sids and (min(sids) < 0 or max(sids) >= len(names)):
        raise _bad("a speaker key names no speaker")
