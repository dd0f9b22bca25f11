"""The engine: paragraphs -> stages -> attributions.

1. :func:`read_paragraphs`: each paragraph read whole (:class:`Paragraph`:
   quotation marks paired, quotations masked, sentences cut), a quotation
   left open at the end of one paragraph continued by the next that reopens.
2. :func:`~reader.attribution.prepass.learn_names`: every capitalised run
   teaches the registry names, roles and acronyms.
3. :func:`attribute`: paragraph by paragraph, in text order, each quotation
   (:mod:`~reader.attribution.direct`) and each piece of reported speech
   (:mod:`~reader.attribution.reported`) gets its cue resolved to a speaker
   (:mod:`~reader.attribution.resolve`).  A quotation without a cue of its
   own continues the speaker of the quotation before it in the paragraph,
   or, opening its paragraph, the last speaker of the paragraph before.
   Each attribution made marks its speaker as quoted (:func:`_credit`): the
   one step that counts quotations ("the company" prefers an organisation
   already quoted).  Each carries its evidence
   (:mod:`~reader.attribution.evidence`): the cue's words, how the speaker
   was found.
4. :func:`finish`: overlapping finds dropped, quotes and speakers built.

>>> from reader.model import Span
>>> text = 'Ned Price spoke. "We are ready," Price said. He added that talks would go on.'
>>> att = extract(text, [Span(0, len(text), text)])
>>> [(q.kind, q.text, q.speaker) for q in att.quotes]
[('direct', 'We are ready,', 'Ned Price'), ('reported', 'talks would go on', 'Ned Price')]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, cast

from ..gcpause import collector_paused
from ..model import Attribution, Evidence, Quote, QuoteKind, Span, Speaker, SpeakerKind
from .cues import Cue
from .direct import choose_cue, cue_is_weak, is_scare, shape_of
from .evidence import continued, evidence_of
from .headline import headline_quotes
from .lexicon.grammar import PRONOUNS
from .marks import quotes_with_single_marks
from .mentions import PRONOUN
from .paragraph import Paragraph, Piece
from .prepass import learn_names
from .registry import Registry
from .reported import Reported, reported
from .resolve import Resolver


class Found(NamedTuple):
    """One attribution: a quotation's piece or a reported clause, and its speaker."""

    start: int  # offsets into the source
    end: int
    kind: str  # "direct", "partial" or "reported"
    speaker: str | None
    par: int
    cue: tuple[int, int] | None  # the speaker mention's span
    evidence: Evidence | None  # the cue's words and how the speaker was found
    reported_by: str | None = None  # who reported the speaker's words ('CGTN said Wang "..."')


class Decision(NamedTuple):
    """What was decided for a whole quotation (all its pieces)."""

    kind: str
    speaker: str | None
    scare: bool
    cue_found: bool
    cue: tuple[int, int] | None
    evidence: Evidence | None
    reported_by: str | None = None


@collector_paused()  # many small objects, few cycles: the collector would walk them again and again
def extract(source: str, paragraphs: Sequence[Span], headline: tuple[int, int] | None = None) -> Attribution:
    """Every quotation and piece of reported speech in ``paragraphs`` of
    ``source``, with speakers (may raise on a bug; see :func:`reader.attribution.extract`);
    ``headline``: where the headline is written, for its quote (:mod:`.headline`)."""
    if not isinstance(source, str) or not source or not paragraphs:
        return Attribution()
    pars = read_paragraphs(source, paragraphs)
    registry = learn_names(pars, source)
    found = attribute(pars, Resolver(source, registry, pars))
    if headline is not None:
        found += _in_headline(source, headline, registry)
    return finish(source, found, registry)


def _in_headline(source: str, span: tuple[int, int], registry: Registry) -> list[Found]:
    """The headline's quote, credited only to a speaker the body quotes
    (``Lynch: 'We have no choice'`` and Mick Lynch quoted below)."""

    def quoted_speaker(name: str) -> str | None:
        for kind in ("person", "organisation"):
            ent = registry.entities.get(registry.canonical_name(name, kind))
            if ent is not None and ent.quoted and ent.kind in ("person", "organisation"):
                return ent.name
        return None

    return [Found(s, e, kind, name, -1, None, Evidence(span[0], cue, "colon"))
            for s, e, kind, name, cue in headline_quotes(source, span, quoted_speaker)]


def read_paragraphs(source: str, paragraphs: Sequence[Span]) -> list[Paragraph]:
    """The paragraphs inside ``source`` (others skipped), each read whole."""
    out: list[Paragraph] = []
    n = len(source)
    after_open = False  # the paragraph before left a quotation open
    singles = quotes_with_single_marks(source)  # 'We won,' said Lynch.
    for p in paragraphs:
        try:
            s, e = int(p.start), int(p.end)
        except Exception:
            continue
        if s < 0 or e > n or s >= e:
            continue
        par = Paragraph(len(out), s, source[s:e], after_open, singles)
        out.append(par)
        after_open = par.open_at_end
    return out


def quote_groups(pars: list[Paragraph]) -> list[list[int]]:
    """For each paragraph, the quotation (group) number of each of its pieces:
    a piece that continues the quotation left open by the paragraph before
    has that quotation's number.

    >>> pars = read_paragraphs(t := '"One.\\n\\n"Two." And "three."', [Span(0, 5, ""), Span(7, len(t), "")])
    >>> quote_groups(pars)
    [[1], [1, 2]]
    """
    out = []
    group = 0
    for par in pars:
        numbers = []
        for piece in par.pieces:
            if not piece.joins_previous:
                group += 1
            numbers.append(group)
        out.append(numbers)
    return out


def attribute(pars: list[Paragraph], resolver: Resolver) -> list[Found]:
    """Every attribution of the article, paragraph by paragraph (see the module docstring)."""
    numbers = quote_groups(pars)
    groups: dict[int, list[tuple[Paragraph, Piece]]] = {}
    for par, nums in zip(pars, numbers, strict=False):
        for piece, g in zip(par.pieces, nums, strict=False):
            groups.setdefault(g, []).append((par, piece))
    decided: dict[int, Decision] = {}
    found: list[Found] = []
    last: Found | None = None  # the last attribution with a speaker in the paragraph before
    name: str | None
    evidence: Evidence | None
    for par, nums in zip(pars, numbers, strict=False):
        latest: Found | None = None  # ... in this paragraph
        for item in _in_text_order(par, nums, reported(par)):
            if isinstance(item, Reported):
                resolved = resolver.resolve(item.cue.mention, par.base)
                if resolved.name is None:
                    continue
                kind, name, cue, reporter = "reported", resolved.name, resolved.span, None
                evidence = evidence_of(pars, item.cue, resolved)
                start, end = par.base + item.lo, par.base + item.hi
            else:
                piece, g = item
                if g not in decided:
                    decided[g] = _decide(pars, groups[g], resolver, last)
                d = decided[g]
                kind, name, cue, evidence, reporter = d.kind, d.speaker, d.cue, d.evidence, d.reported_by
                if name is None and not d.scare and not d.cue_found and d.kind == "direct" and latest:
                    # the next quote of a paragraph continues the same speaker
                    name, evidence = latest.speaker, _carried(latest)
                start, end = par.base + piece.lo, par.base + piece.hi
            found.append(Found(start, end, kind, name, par.index, cue, evidence, reporter if name else None))
            if name is not None:
                _credit(resolver.registry, name)
                latest = found[-1]
        last = latest
    return found


def _carried(before: Found) -> Evidence | None:
    """The evidence of a speaker carried on from the attribution ``before``."""
    return continued(before.evidence, (before.start, before.end)) if before.evidence else None


def _in_text_order(par: Paragraph, nums: list[int], clauses: list[Reported]) -> list:
    """The paragraph's pieces (with their group numbers) and reported clauses
    by where they start (a piece first when both start at one place)."""
    if not clauses:
        return list(zip(par.pieces, nums, strict=False))  # in text order already, as their marks are
    items: list[tuple[int, object]] = [(p.lo, (p, g)) for p, g in zip(par.pieces, nums, strict=False)]
    items += [(r.lo, r) for r in clauses]
    items.sort(key=lambda x: x[0])
    return [item for _, item in items]


def _decide(pars: list[Paragraph], group: list[tuple[Paragraph, Piece]], resolver: Resolver,
            last: Found | None) -> Decision:
    """Kind, speaker and cue of the quotation made of ``group``'s pieces;
    ``last``: the last attribution with a speaker in the paragraph before the first piece's."""
    par, first = group[0]
    shape = shape_of(par, first, multi=len(group) > 1)
    choice = choose_cue(pars, group, shape)
    speaker = cue = evidence = reported_by = None
    if choice.cue is not None and not cue_is_weak(shape, choice):
        base = pars[choice.cue.par].base
        resolved = resolver.resolve(choice.cue.mention, base, par.text[first.lo : first.hi])
        speaker, cue = resolved.name, resolved.span
        if speaker is not None:
            evidence = evidence_of(pars, choice.cue, resolved)
            if choice.cue.reporter is not None:
                reported_by = resolver.resolve(choice.cue.reporter, base).name
    scare = is_scare(shape, speaker is not None)
    if (speaker is None and not scare and shape.kind == "direct" and first.open == par.indent and last
            and _may_carry(resolver.registry, choice.cue, last)):
        # a paragraph opening with an unattributed quote continues the one before
        speaker, evidence = last.speaker, _carried(last)
    return Decision(shape.kind, speaker, scare, choice.cue is not None, cue, evidence, reported_by)


def _may_carry(registry: Registry, cue: Cue | None, last: Found) -> bool:
    """Can a quotation whose cue named nobody continue ``last``'s speaker?
    Without a cue, yes; with a pronoun cue, when the pronoun fits that
    speaker (``"...," he said.`` never continues "supporters"); with any other
    cue, no."""
    if cue is None:
        return True
    ent = registry.entities.get(last.speaker) if last.speaker else None
    m = cue.mention
    return ent is not None and m is not None and m.kind is PRONOUN and registry.pronoun_fits(ent, m.text)


def _credit(registry: Registry, name: str) -> None:
    """Count an attribution to ``name``: the speaker is now a quoted one."""
    ent = registry.entities.get(name)
    if ent is not None:
        registry.mark_quoted(ent)


def finish(source: str, found: list[Found], registry: Registry) -> Attribution:
    """Quotes in text order (a find overlapping an earlier one dropped) and
    their speakers in order of first quotation, with every alias and mention."""
    found = sorted(found, key=lambda r: (r.start, r.end))
    quotes: list[Quote] = []
    last_end = -1
    counts: dict[str, int] = {}
    for f in found:
        if f.start < last_end or f.end <= f.start:
            continue
        kind = cast(QuoteKind, f.kind)
        quotes.append(Quote(f.start, f.end, source[f.start : f.end], kind, f.speaker, f.par, f.cue, f.evidence,
                            f.reported_by))
        last_end = f.end
        if f.speaker:
            counts[f.speaker] = counts.get(f.speaker, 0) + 1
    return Attribution(quotes=tuple(quotes), speakers=tuple(_speaker(name, n, registry) for name, n in counts.items()))


def _speaker(name: str, quotes: int, registry: Registry) -> Speaker:
    ent = registry.entities.get(name)
    if ent is None:
        return Speaker(name=name, quotes=quotes)
    aliases = [a for a in ent.aliases if a and a.lower() not in PRONOUNS]
    if name not in aliases:
        aliases.insert(0, name)
    kind = cast(SpeakerKind, ent.kind if ent.kind in ("person", "organisation", "anonymous") else "person")
    return Speaker(name=name, kind=kind, role=ent.role, aliases=tuple(aliases),
                   mentions=tuple(sorted(set(ent.mentions))), quotes=quotes)
