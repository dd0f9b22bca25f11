"""Where newsreader keeps its files.

Defaults come from platformdirs (the user config, data and cache dirs of
"newsreader").  Each can be moved with an environment variable, which is
also how tests keep away from the real home directory:

* ``NEWSREADER_CONFIG``: the config file (``--config`` sets it too),
* ``NEWSREADER_DATA_DIR``: the state database (read/unread, bookmarks, last
  position, theme), ``state.sqlite``,
* ``NEWSREADER_CACHE_DIR``: the parse cache database, ``parse-cache.sqlite``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "newsreader"


@dataclass(frozen=True)
class Locations:
    config_file: Path
    data_dir: Path
    cache_dir: Path

    @property
    def state_file(self) -> Path:
        """The state database (SQLite)."""
        return self.data_dir / "state.sqlite"

    @property
    def legacy_state_file(self) -> Path:
        """Where older versions kept the state (imported once, then renamed)."""
        return self.data_dir / "state.json"

    @property
    def cache_file(self) -> Path:
        """The parse cache database (SQLite)."""
        return self.cache_dir / "parse-cache.sqlite"


def locations(config: str | os.PathLike[str] | None = None) -> Locations:
    """The files and folders in use, honouring overrides."""
    config_file = config or os.environ.get("NEWSREADER_CONFIG")
    data_dir = os.environ.get("NEWSREADER_DATA_DIR")
    cache_dir = os.environ.get("NEWSREADER_CACHE_DIR")
    return Locations(
        config_file=Path(config_file) if config_file else Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml",
        data_dir=Path(data_dir) if data_dir else Path(platformdirs.user_data_dir(APP_NAME)),
        cache_dir=Path(cache_dir) if cache_dir else Path(platformdirs.user_cache_dir(APP_NAME)),
    )
