"""A real terminal (tmux) running the real program, read like a person reads a screen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

TMUX = shutil.which("tmux")
NEWSREADER = shutil.which("newsreader", path=str(Path(sys.executable).parent)) or shutil.which("newsreader")

class Terminal:
    """A tmux session running one command, read like a person reads a screen.

    Each terminal has a tmux server of its own (``-L``): a shared server exits
    when its last session closes, and a session started by another test at
    that moment fails with "server exited unexpectedly" (seen under load).
    """

    def __init__(self, command: list[str], width: int = 120, height: int = 36, env=None) -> None:
        self.name = f"newsreader-test-{uuid.uuid4().hex[:8]}"
        self.tmux = [TMUX, "-L", self.name]
        environment = {**os.environ, **(env or {}), "TERM": "xterm-256color"}
        # A running tmux server starts commands with its own environment, not ours:
        # hand over everything that decides where newsreader reads and writes.
        passed = {
            key: value
            for key, value in environment.items()
            if key in ("HOME", "TERM") or key.startswith(("XDG_", "NEWSREADER_"))
        }
        pass_env = [arg for key, value in passed.items() for arg in ("-e", f"{key}={value}")]
        subprocess.run(
            [*self.tmux, "new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height), *pass_env, *command],
            check=True,
            env=environment,
        )

    def screen(self) -> str:
        result = subprocess.run([*self.tmux, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True)
        return result.stdout

    def alive(self) -> bool:
        return subprocess.run([*self.tmux, "has-session", "-t", self.name], capture_output=True).returncode == 0

    def press(self, *keys: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *keys], check=True)

    def type(self, text: str) -> None:
        """Send ``text`` literally, in one burst (as a fast typist or a paste)."""
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, "-l", text], check=True)

    def wait_for(self, predicate, timeout: float = 45.0) -> str:
        """Poll the screen until predicate(screen) holds; fail with the last screen."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen() if self.alive() else ""
            if predicate(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"screen never matched; last screen:\n{screen}")

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)
