"""Every worked example in a docstring of the core (``>>>``) is right: the examples are the documentation."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import reader

CORE = sorted(
    info.name
    for info in pkgutil.walk_packages(reader.__path__, "reader.")
    if not info.name.startswith("reader.ui") and info.name != "reader.__main__"
)


@pytest.mark.parametrize("name", CORE)
def test_worked_examples(name):
    module = importlib.import_module(name)
    assert doctest.testmod(module, optionflags=doctest.ELLIPSIS).failed == 0
