"""The pre-pass: every capitalised run of the article teaches the registry
its full names, roles and acronyms before any quotation is attributed, so a
later ``Blinken`` or ``CGTN`` resolves to the name given in full anywhere.

>>> from reader.attribution.paragraph import Paragraph
>>> text = "U.S. Secretary of State Antony Blinken met China Global TV Network (CGTN)."
>>> reg = learn_names([Paragraph(0, 0, text)], text)
>>> sorted(reg.entities), reg.entities["Antony Blinken"].role, reg.canonical_name("CGTN")
(['Antony Blinken', 'China Global TV Network'], 'U.S. Secretary of State', 'China Global TV Network')
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import NamedTuple

from .lexicon.grammar import FUNCTION_WORDS
from .lexicon.organisations import NEWS_AGENCIES, NONPERSON_WORDS, ORG_WORDS
from .names import (
    acronym_matches,
    and_joins,
    is_group,
    is_model_code,
    is_place_description,
    is_title,
    looks_org,
    norm,
    role_before,
    split_role,
    written_name,
)
from .paragraph import Paragraph
from .patterns import AND_GAP, DATELINE, NICKNAME, RUN
from .registry import Registry
from .runs import clean_run, of_the_at, of_the_mention
from .tokens import Token, is_cap_token, is_word, read_tokens, tokenize

_LONGEST_RUN = 80  # characters: longer is an all-capitals line or a table, not a name
# the words before an agency that only heard or asked: "told Reuters", "polled by Reuters", "said to AFP"
_AUDIENCE_BEFORE = re.compile(r"\b(?:told|tell|tells|by|to|with)\s+$")


class Run(NamedTuple):
    """A capitalised run that may name someone (offsets into the source)."""

    start: int
    end: int
    words: tuple[str, ...]  # a final possessive "'s" dropped
    acronym: str | None  # "CGTN" in "China Global TV Network (CGTN)"
    acronym_at: int | None
    in_quote: bool  # names inside a quotation are not antecedents
    offsets: tuple[int, ...]  # where each word starts
    role: str | None  # a role reaching back before the run ("Chancellor of the Exchequer")


def learn_names(paragraphs: list[Paragraph], source: str) -> Registry:
    """A registry that knows every name, organisation and acronym of the article."""
    runs = [run for par in paragraphs for run in find_runs(par)]
    reg = Registry()
    named = [_named(run, source) for run in runs]
    for run, nr in zip(runs, named, strict=False):
        if not _no_name(nr.name_toks):
            reg.learn_run(run.words, nr.acronym, nr.name, (nr.role, nr.name_toks))
    for run, nr in zip(runs, named, strict=False):
        if not run.in_quote:
            _add_named(reg, run, nr, source)
    return reg


class NamedRun(NamedTuple):
    """What a run names, read once for both passes of :func:`learn_names`."""

    role: str | None  # the title words (see :func:`~reader.attribution.names.split_role`)
    name_toks: tuple[str, ...]
    name: str | None  # the name as written in the source
    acronym: str | None  # the run's "(ACR)" when its letters fit the name


def _named(run: Run, source: str) -> NamedRun:
    role, name_toks = split_role(run.words)
    start = run.offsets[len(run.words) - len(name_toks)] if name_toks else 0
    name = written_name(" ".join(NICKNAME.sub(" ", source[start : run.end]).split())) if name_toks else None
    acronym = run.acronym if run.acronym and acronym_matches(run.words, run.acronym) else None
    return NamedRun(role, tuple(name_toks), name, acronym)


def _add_named(reg: Registry, run: Run, nr: NamedRun, source: str) -> None:
    """Add the person or organisation a run names (outside quotations), with
    its role; an unknown single capitalised word is not evidence of a person."""
    role, name_toks, name = nr.role, nr.name_toks, nr.name
    if run.role:
        role = run.role
    if not name_toks or name is None or is_title(name_toks[-1]):
        return  # (a name is written whenever there are name words)
    if any(norm(w) in NONPERSON_WORDS for w in name_toks) or _no_name(name_toks):
        return
    if name and name.lower() in NEWS_AGENCIES and _AUDIENCE_BEFORE.search(source, max(0, run.start - 12), run.start):
        return  # "told Reuters", "polled by Reuters": the agency asked, nobody said anything
    org = looks_org(name) or nr.acronym is not None
    kind = "organisation" if org else "person"
    canon = reg.canonical_name(name, kind)
    if kind == "person" and (len(name_toks) < 2 and canon == name and not role or len(name_toks) > 4):
        return
    reg.add(name, kind, (run.start, run.end), source[run.start : run.end], role)
    if kind == "person" and len(name_toks) >= 2:
        reg.note_role(reg.canonical_name(name, kind), role or role_before(source, run.start))
    if nr.acronym and run.acronym_at is not None:
        reg.add(nr.acronym, kind, (run.acronym_at, run.acronym_at + len(nr.acronym)), nr.acronym)


@lru_cache(maxsize=16384)
def _no_name(name_toks: tuple[str, ...]) -> bool:
    """Words that look like a name and are none: a group (``Ohio Democrats``), a
    description (``Maryland Democrat``: "the Democrat report" is not theirs), a product (``Airbus A340``)."""
    return is_group(name_toks) or is_place_description(name_toks) or any(is_model_code(w) for w in name_toks)


def find_runs(par: Paragraph) -> list[Run]:
    """The capitalised runs of one paragraph (after any wire dateline, which
    names no one: "MARLBOROUGH, Mass., March 4 -"), two runs joined by an
    "and" that makes one name (``Savings and Loan Association``) taken as one."""
    t = par.name_text
    opens = [o for o, _ in par.spans]
    dm = DATELINE.match(t) if t[:2].isupper() else None
    out = []
    skip = 0
    for m in RUN.finditer(t, dm.end() if dm else 0):
        if m.start() < skip:
            continue  # joined to the run before it by "and"
        am, g = _joined(t, m)
        if am is not m:
            skip = am.end()
        if len(g) > _LONGEST_RUN or " " not in g and "-" not in g and g.lower() in FUNCTION_WORDS:
            continue
        run = _run_of(par, m, am, g, opens)
        if run is not None:
            out.append(run)
    return out


def _joined(t: str, m: re.Match) -> tuple[re.Match, str]:
    """``(match whose "(ACR)" counts, the run's text)``: the run after an
    "and" that joins it into one name, else ``m`` itself."""
    g = m.group()
    if t[m.end() + 1 : m.end() + 2] in ("a", "&") and m.group(1) is None:
        gm = AND_GAP.match(t, m.end())
        m2 = RUN.match(t, gm.end()) if gm else None
        after = t[m2.start() : m2.start(1) if m2.group(1) else m2.end()].split() if m2 is not None else []
        if m2 is not None and (and_joins(g.split(), after) or _role_with_and(g.split(), after)):
            return m2, t[m.start() : m2.end()]  # "Savings and Loan Association", "S and P"
    return m, g


def _role_with_and(before: list[str], after: list[str]) -> bool:
    """Do two runs joined by "and" make a role and a name (``Minister of
    Energy`` and ``Mines Subroto``: Subroto, Minister of Energy and Mines)?"""
    role, name = split_role([*before, "and", *after])
    return bool(role and name and " and " in role)


def _run_of(par: Paragraph, m: re.Match, am: re.Match, g: str, opens: list[int]) -> Run | None:
    """The run matched by ``m`` (through ``am``), trimmed to what names one thing."""
    t = par.name_text
    ms = m.start()
    acr = am.group(1)
    pre_role = None
    if acr is None and " " not in g and "." not in g and g[-1].isalnum():
        toks = [Token(g, ms, m.end())]  # the common case: one word
    else:
        toks = [x for x in read_tokens(t, ms, am.start(1) - 1 if acr else am.end()) if is_word(x.text)]
        if len(toks) >= 3 and t.endswith("the", 0, ms - 1):
            toks, pre_role = _after_of_the(t, ms, toks)
    toks = clean_run(_person_before_of(toks))
    if not toks:
        return None
    words = [x.text for x in toks]
    if words[-1].endswith(("'s", "’s")):
        words[-1] = words[-1][:-2]
        if not words[-1]:
            return None
    s, e = toks[0].start, toks[-1].end
    if t[e - 2 : e] in ("'s", "’s"):
        e -= 2
    k = bisect_left(opens, s) - 1  # the last quotation opening before the run
    inside = k >= 0 and s < par.spans[k][1]
    base = par.base
    return Run(base + s, base + e, tuple(words), acr, base + am.start(1) if acr else None, inside,
               tuple([base + x.start for x in toks]), pre_role)


def _after_of_the(t: str, ms: int, toks: list[Token]) -> tuple[list[Token], str | None]:
    """"Chancellor of the Exchequer Nigel Lawson": the role reaches back before
    the run (which starts at ``ms``), the name is at its end."""
    before = tokenize(t, max(0, ms - 100), ms)
    p = len(before) - 2
    both = before + toks
    if of_the_at(both, p):
        i = p - 1
        while i > 0 and is_cap_token(both[i - 1].text):
            i -= 1
        r = of_the_mention(both, i, p)
        if r is not None and r[1] == len(both):
            return [x for x in toks if x.start >= r[0].name_start], r[0].role
    return toks, None


def _person_before_of(toks: list[Token]) -> list[Token]:
    """"Tāne Rāwiri of Lincoln University": the person, without the institution."""
    for q in range(2, min(len(toks) - 1, 5)):
        if toks[q].text == "of":
            pw = [x.text for x in toks[:q]]
            if not any(norm(w) in ORG_WORDS for w in pw) and not is_title(pw[-1]) and \
                    sum(1 for w in pw if not is_title(w)) >= 2:
                return toks[:q]
            break
    return toks
