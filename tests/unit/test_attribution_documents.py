"""A statement speaks for whoever issued it, and is never a speaker itself."""

from __future__ import annotations

import re

import pytest

from reader.attribution import extract
from reader.model import Span


def speakers(*lines: str) -> list[str | None]:
    source = "\n\n".join(lines)
    spans = tuple(Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", source))
    return [q.speaker for q in extract(source, spans).quotes if q.kind != "reported"]


def test_the_issuer_of_a_statement_speaks_through_it():
    lines = ("The Harbour Board issued a statement on Friday after the vote.",
             '"We will not stop the works," the statement said.')
    assert speakers(*lines) == ["Harbour Board"]


@pytest.mark.parametrize("line", [
    '"We will not stop the works," the statement said.',
    'The statement called the vote "a clear breach of the rules."',
])
def test_a_statement_with_no_issuer_names_nobody(line):
    assert speakers(line) == [None]


def test_a_report_stays_its_own_source():
    assert speakers('"Costs will double by 2030," the report said.') == ["report"]
