"""The test suite's own rules: tests live in a folder named for their kind, and no test module imports another
(shared helpers live in ``tests/support/``, shared fixtures in ``tests/conftest.py``)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
KINDS = {"unit", "app", "e2e", "quality", "hardening", "benchmarks"}
# An import of a test module written anywhere, scripts in strings included ("from tests.unit.test_x import y").
IMPORT_OF_A_TEST = re.compile(r"\b(?:from|import)\s+tests(?:\.\w+)*\.test_\w+")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_every_test_module_sits_in_a_folder_of_its_kind():
    misplaced = [p.relative_to(TESTS) for p in TESTS.rglob("test_*.py") if p.parent.name not in KINDS]
    assert misplaced == []


def test_no_test_module_imports_another():
    offenders = {
        str(p.relative_to(TESTS)): sorted(m for m in imported_modules(p) if m.split(".")[-1].startswith("test_"))
        for p in TESTS.rglob("*.py")
    }
    assert {name: mods for name, mods in offenders.items() if mods} == {}


def test_no_script_written_by_a_test_imports_a_test_module():
    found = {
        str(p.relative_to(TESTS)): IMPORT_OF_A_TEST.findall(p.read_text(encoding="utf-8"))
        for p in TESTS.rglob("*.py")
        if p.name != "test_layout.py"
    }
    assert {name: hits for name, hits in found.items() if hits} == {}
