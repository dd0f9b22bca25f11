"""Shared test set-up: never touch the real home directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))


# Hypothesis: a moderate number of examples in CI, many more locally with
# HYPOTHESIS_PROFILE=long (tests that set no max_examples of their own follow it).
from hypothesis import HealthCheck, settings  # noqa: E402

settings.register_profile("ci", max_examples=200, deadline=None)
settings.register_profile(
    "long", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def httpserver_listen_address():
    """pytest-httpserver's server on the loopback address itself, not a name for it."""
    return ("127.0.0.1", 0)


@pytest.fixture
def feed_site(httpserver):
    """The feeds and pages of tests/fixtures/feeds served on 127.0.0.1; their base address.

    ``{base}`` in a file becomes the server's address, so feeds link to its pages.
    """
    base = httpserver.url_for("/").rstrip("/")
    for path in sorted((FIXTURES / "feeds").iterdir()):
        body = path.read_text(encoding="utf-8").replace("{base}", base)
        kind = "application/xml" if path.suffix == ".xml" else "text/html; charset=utf-8"
        httpserver.expect_request(f"/{path.name}").respond_with_data(body, content_type=kind)
    return base
