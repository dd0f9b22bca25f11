"""The state file of newsreader before 0.x: ``state.json``, read once to import it.

The state used to live in one JSON file (now it is in the state database,
:mod:`reader.store.state_db`)::

    {"schema": 1,
     "read":      {"<article id>": [true, 1732289400.5], ...},
     "bookmarks": {"<article id>": [false, 1732289412.0], ...},
     "position":  ["<article id>", 0.42, 1732289415.1],
     "theme":     ["textual-dark", 1732289300.0]}

:func:`decode_state` reads it (raising only :class:`StateFormatError`);
:class:`reader.state.StateStore` imports it on first start and renames it
``state.json.imported``.  :func:`encode_state` writes the format (tests make
old files with it).
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable

from reader.sanitize import loads_json
from reader.state import SCHEMA, Entry, State


class StateFormatError(ValueError):
    """The bytes are not a state file this version understands."""


def _number(value: object, what: str = "timestamp") -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise StateFormatError(f"{what} is not a number")
    try:
        value = float(value)
    except OverflowError:
        raise StateFormatError(f"{what} is out of range") from None
    if not math.isfinite(value):
        raise StateFormatError(f"{what} is not finite")
    return value


def _entries(value: object, what: str) -> dict[str, Entry]:
    if not isinstance(value, dict):
        raise StateFormatError(f"{what!r} is not an object")
    out: dict[str, Entry] = {}
    for key, entry in value.items():
        if not (isinstance(entry, list) and len(entry) == 2 and isinstance(entry[0], bool)):
            raise StateFormatError(f"bad {what!r} entry for {key!r}")
        out[key] = (entry[0], _number(entry[1]))
    return out


def decode_state(data: bytes, clock: Callable[[], float] = time.time) -> State:
    """Parse a state file's bytes.  Raises only ``StateFormatError``."""
    try:  # as json.loads(bytes) decodes, but a lone surrogate becomes U+FFFD (it could not be saved again)
        raw = loads_json(data.decode(json.detect_encoding(data), "surrogatepass"))
    except (ValueError, RecursionError, TypeError):  # JSONDecodeError, bad UTF-8, deep nesting
        raise StateFormatError("not valid JSON") from None
    if not isinstance(raw, dict):
        raise StateFormatError("not a JSON object")
    schema = raw.get("schema")
    if type(schema) is not int or schema != SCHEMA:
        shown = repr(schema) if isinstance(schema, (int, float, str, type(None))) and len(str(schema)) < 20 else "?"
        raise StateFormatError(f"unknown schema version {shown}")
    state = State(clock)
    state._read = _entries(raw.get("read", {}), "read")
    state._bookmarks = _entries(raw.get("bookmarks", {}), "bookmarks")
    position = raw.get("position", [None, 0.0, 0.0])
    if not (
        isinstance(position, list)
        and len(position) == 3
        and (position[0] is None or isinstance(position[0], str))
    ):
        raise StateFormatError("bad 'position'")
    state._position = (position[0], _number(position[1], "scroll"), _number(position[2]))
    theme = raw.get("theme", [None, 0.0])
    if not (isinstance(theme, list) and len(theme) == 2 and (theme[0] is None or isinstance(theme[0], str))):
        raise StateFormatError("bad 'theme'")
    state._theme = (theme[0], _number(theme[1]))
    return state


def parse_state(data: bytes) -> State | None:
    """``decode_state`` that returns ``None`` for anything it cannot use."""
    try:
        return decode_state(data)
    except StateFormatError:
        return None


_ENCODED_AT_ONCE = 5000  # entries per json.dumps call


def encode_state(state: State) -> bytes:
    """The state file's bytes: ``json.dumps`` of :meth:`State.to_json`, made
    a few thousand entries at a time, because one ``json.dumps`` call holds
    the interpreter lock throughout: a thread saving a big state would
    otherwise stop the UI thread for as long."""
    parts = []
    for key, value in state.to_json().items():
        if isinstance(value, dict) and len(value) > _ENCODED_AT_ONCE:
            items = list(value.items())
            slices = (items[at : at + _ENCODED_AT_ONCE] for at in range(0, len(items), _ENCODED_AT_ONCE))
            value_text = "{" + ",".join(_dumps(dict(part))[1:-1] for part in slices) + "}"
        else:
            value_text = _dumps(value)
        parts.append(f"{_dumps(key)}:{value_text}")
    return ("{" + ",".join(parts) + "}\n").encode()


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


