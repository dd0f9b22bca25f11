"""The one way tests run the ``newsreader`` command: a child process, as a user's shell would.

    >>> result = newsreader("quotes", "--json", "seeds/000.txt")   # doctest: +SKIP
    >>> result.returncode, result.stdout.splitlines()[0][:1]
    (0, '{')
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path


def newsreader(
    *args: str,
    env: dict[str, str] | None = None,
    drop_env: Iterable[str] = (),
    cwd: Path | str | None = None,
    timeout: float = 60,
    binary: bool = False,
) -> subprocess.CompletedProcess:
    """Run ``newsreader ARGS`` with this interpreter; ``env`` adds to (``drop_env`` removes from) the environment.

    Output is decoded as UTF-8 text unless ``binary`` (then stdout and stderr are bytes).
    """
    dropped = set(drop_env)
    environment = {key: value for key, value in os.environ.items() if key not in dropped}
    environment.update(env or {})
    text = {} if binary else {"text": True, "encoding": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        timeout=timeout,
        cwd=cwd,
        env=environment,
        **text,  # type: ignore[call-overload]
    )
