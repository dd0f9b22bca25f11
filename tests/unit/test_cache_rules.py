"""The parse cache's fingerprint follows the code that makes articles and quotes.

A cache written by other extraction rules must never be served: every module
that shapes an article or its quotes is hashed, found by glob, so a module
added to the cleaner or the attribution engine counts without anyone
remembering to list it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import reader
from reader.cache import rule_files, rules_version

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = Path(reader.__file__).resolve().parent
FIXTURES = ROOT / "tests" / "fixtures"

# Read one file of each format and find its quotes, in a fresh interpreter,
# then list the files of every reader module that got imported.
_PROBE = """
import json, sys
from pathlib import Path
from reader.corpus import read_file
from reader.attribution import extract_article
for path in sys.argv[1:]:
    articles, _ = read_file(Path(path))
    for article in articles:
        extract_article(article)
print(json.dumps(sorted(m.__file__ for name, m in sys.modules.items()
                        if (name == "reader" or name.startswith("reader.")) and getattr(m, "__file__", None))))
"""


def test_every_module_that_reads_an_article_or_finds_its_quotes_is_in_the_fingerprint():
    samples = [next(FIXTURES.rglob(f"*{suffix}")) for suffix in (".txt", ".html", ".jsonl")]
    done = subprocess.run([sys.executable, "-c", _PROBE, *map(str, samples)], capture_output=True, text=True,
                          cwd=ROOT, check=True)
    loaded = {Path(f).resolve() for f in json.loads(done.stdout)}
    assert any("attribution" in f.parts for f in loaded) and len(loaded) > 20
    assert loaded - set(rule_files()) == set()


@pytest.mark.parametrize("module", ["cleaning.py", "paragraphs.py", "htmltree.py", "formats.py", "sortedlist.py",
                                    "unionfind.py", "attribution/registry.py", "attribution/lexicon/speech.py"])
def test_the_modules_that_shape_articles_are_in_the_fingerprint(module):
    assert PACKAGE / module in rule_files()


@pytest.fixture
def package_copy(tmp_path) -> Path:
    copy = tmp_path / "reader"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "seeds"))
    return copy


def test_changing_any_rule_module_changes_the_fingerprint(package_copy):
    before = rules_version(package_copy)
    assert before == rules_version(PACKAGE)
    seen = {before}
    for module in rule_files(package_copy):
        original = module.read_bytes()
        module.write_bytes(original + b"\n# one more rule\n")
        seen.add(rules_version(package_copy))
        module.write_bytes(original)
    assert len(seen) == len(rule_files(package_copy)) + 1
    assert rules_version(package_copy) == before


@pytest.mark.parametrize("new_module", ["attribution/lexicon/quotatives.py", "attribution/stages/nested.py",
                                        "cleaning_tables.py"])
def test_a_new_module_in_the_package_counts_from_the_start(package_copy, new_module):
    before = rules_version(package_copy)
    path = package_copy / new_module
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("WORDS = ('quipped',)\n")
    assert path in rule_files(package_copy)
    assert rules_version(package_copy) != before


@pytest.mark.parametrize("module", ["ui/app.py", "cli.py", "search/index.py", "state.py", "stories.py", "records.py",
                                    "store/cache_db.py", "citation.py", "search/stored.py", "store/deferred.py"])
def test_the_ui_and_what_only_reads_articles_keep_the_cache(package_copy, module):
    before = rules_version(package_copy)
    path = package_copy / module
    path.write_bytes(path.read_bytes() + b"\n# a change to the screen, not to the articles\n")
    assert rules_version(package_copy) == before
