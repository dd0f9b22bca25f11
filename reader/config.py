"""The config file: a small TOML file in the user config dir.

``Locations.config_file`` says where it is (``NEWSREADER_CONFIG`` or
``--config`` move it).  Every setting is optional::

    corpus = ["~/news", "more-articles"]   # relative to the config file's folder
    theme = "textual-dark"
    layout = "wide"                        # "wide", "stacked" or "auto"
    max_file_mb = 64                       # bigger article files are skipped
    feeds = ["https://news.example/rss"]   # subscribed to, as with newsreader add
    feed_days = 90                         # fetched articles kept this long, unless bookmarked (0: all)

    [keys]                                 # remap keys by their id (? lists them)
    search = "ctrl+f"
    stories = "T,f6"

A missing file means defaults.  A file that cannot be read or parsed means
defaults plus one message; a setting with the wrong type or value falls back
to its default with one message naming the file and the setting, and the
other settings still apply.  Nothing here raises on a bad file, however
hostile: a FIFO or device is not opened for reading (see
:mod:`reader.userfile`), a file over 1 MB is not read, and TOML that makes
the parser fail in any way (100,000 nested arrays) is one message.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from reader.sanitize import web_url
from reader.userfile import parse_limit_mb, read_user_file

LAYOUTS = ("wide", "stacked")
CONFIG_LIMIT = 1024 * 1024  # bytes: a config file is a few lines


@dataclass(frozen=True)
class Config:
    corpus: tuple[str, ...] = ()
    theme: str | None = None
    layout: str | None = None  # "wide", "stacked", or None for automatic
    max_file_mb: float | None = None  # None: NEWSREADER_MAX_FILE_MB, else 64
    keys: tuple[tuple[str, str], ...] = ()  # (key id, keys): the reader checks the ids
    feeds: tuple[str, ...] = ()  # feed addresses (http or https), subscribed to with those added by newsreader add
    feed_days: float | None = None  # None: reader.feeds.refresh.KEEP_DAYS; 0: keep every fetched article


def default_config_text() -> str:
    """A commented example config file (every line is a comment)."""
    return """\
# newsreader configuration (TOML).  Every setting is optional.

# Folders or files of articles to open when no paths are given on the
# command line.  "~" is your home; relative paths are relative to the
# folder this file is in.
# corpus = ["~/news", "articles"]

# Colour theme, as named in the app's theme picker.
# theme = "textual-dark"

# "wide" (list beside the article), "stacked" (list above the article),
# or "auto" to choose by terminal width.
# layout = "auto"

# Article files bigger than this many megabytes are skipped with a warning
# (the environment variable NEWSREADER_MAX_FILE_MB, if set, wins).
# max_file_mb = 64

# Feeds (RSS or Atom) to follow, besides those added with newsreader add.
# feeds = ["https://news.example/rss"]

# Articles fetched from feeds are kept this many days, then let go at the
# next refresh (bookmarked ones are kept always); 0 keeps them all.
# feed_days = 90

# Keys, remapped by their id (the help, ?, and the README list every id);
# several keys for one id are separated by commas.
# [keys]
# search = "ctrl+f"
# stories = "T,f6"
"""


def load_config(path: str | os.PathLike[str], *, explicit: bool = False) -> tuple[Config, list[str]]:
    """The config at ``path`` and one-line messages about problems in it.

    A missing file gives the defaults silently, unless ``explicit`` (the
    user named the file with ``--config`` or ``NEWSREADER_CONFIG``), in which
    case it is mentioned.
    """
    path = Path(path)
    try:
        data = read_user_file(path, CONFIG_LIMIT)
    except FileNotFoundError:
        return Config(), ([f"config file {path} not found; using defaults"] if explicit else [])
    except IsADirectoryError:
        return Config(), [f"config file {path} is a folder; using defaults"]
    except OSError as exc:
        return Config(), [f"could not read config file {path}: {exc.strerror or exc}; using defaults"]
    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return Config(), [f"config file {path} is not UTF-8 text (byte {exc.start}); using defaults"]
    except tomllib.TOMLDecodeError as exc:
        reason = " ".join(str(exc).split())
        return Config(), [f"config file {path} is not valid TOML: {reason}; using defaults"]
    except RecursionError:
        return Config(), [f"config file {path} is nested too deeply to read; using defaults"]
    except Exception as exc:  # noqa: BLE001 - whatever the parser trips on, start with defaults
        return Config(), [f"config file {path} could not be parsed ({type(exc).__name__}); using defaults"]
    return _from_toml(raw, path)


def _from_toml(raw: dict, path: Path) -> tuple[Config, list[str]]:
    messages: list[str] = []

    def bad(key: str, problem: str) -> None:
        messages.append(f"config file {path}: {key!r} {problem}; using the default")

    values: dict = {}
    corpus = raw.get("corpus")
    if corpus is not None:
        if isinstance(corpus, str):
            corpus = [corpus]
        if isinstance(corpus, list) and all(isinstance(item, str) and item for item in corpus):
            base = Path(os.path.abspath(path)).parent
            values["corpus"] = tuple(_resolve(item, base) for item in corpus)
        else:
            bad("corpus", "must be a list of paths (strings)")
    theme = raw.get("theme")
    if theme is not None:
        if isinstance(theme, str) and theme.strip():
            values["theme"] = theme.strip()
        else:
            bad("theme", "must be a theme name (a non-empty string)")
    layout = raw.get("layout")
    if layout is not None:
        if isinstance(layout, str) and layout.strip().lower() in (*LAYOUTS, "auto"):
            choice = layout.strip().lower()
            values["layout"] = None if choice == "auto" else choice
        else:
            bad("layout", 'must be "wide", "stacked" or "auto"')
    max_mb = raw.get("max_file_mb")
    if max_mb is not None:
        if parse_limit_mb(max_mb) is not None and not isinstance(max_mb, str):
            values["max_file_mb"] = float(max_mb)
        else:
            bad("max_file_mb", "must be a positive number of megabytes")
    feeds = raw.get("feeds")
    if feeds is not None:
        if isinstance(feeds, str):
            feeds = [feeds]
        if isinstance(feeds, list) and feeds and all(web_url(item) for item in feeds):
            values["feeds"] = tuple(dict.fromkeys(web_url(item) for item in feeds))
        elif feeds != []:
            bad("feeds", "must be a list of http:// or https:// addresses")
    feed_days = raw.get("feed_days")
    if feed_days is not None:
        if isinstance(feed_days, (int, float)) and not isinstance(feed_days, bool) and 0 <= feed_days < 1e6:
            values["feed_days"] = float(feed_days)
        else:
            bad("feed_days", "must be a number of days (0 keeps every article)")
    keys = raw.get("keys")
    if keys is not None:
        if isinstance(keys, dict) and all(isinstance(value, str) and value.strip() for value in keys.values()):
            values["keys"] = tuple((str(key_id), value.strip()) for key_id, value in keys.items())
        else:
            bad("keys", 'must be a table of key ids and keys, such as search = "ctrl+f"')
    unknown = sorted(set(raw) - {"corpus", "theme", "layout", "max_file_mb", "keys", "feeds", "feed_days"})
    if unknown:
        names = ", ".join(repr(k) for k in unknown)
        messages.append(f"config file {path}: unknown setting{'s' if len(unknown) > 1 else ''} {names} ignored")
    return Config(**values), messages


def _resolve(item: str, base: Path) -> str:
    expanded = Path(os.path.expanduser(item))
    return str(expanded if expanded.is_absolute() else base / expanded)
