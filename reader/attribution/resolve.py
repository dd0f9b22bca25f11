"""Who a mention refers to: a canonical speaker from the article's registry.

A name joins the full name it abbreviates (``Blinken`` -> ``Antony
Blinken``), a role the person who holds it (``the Secretary``), a
description an earlier one with the same head (``the source``), a pronoun
the subject of a recent sentence that fits it, else the latest fitting
mention (:meth:`~reader.attribution.registry.Registry.resolve_pronoun`).

Each span is resolved once: the :class:`Resolver` remembers the answer for
every mention span it has seen (resolving changes the registry, so a
second answer could differ), and which of those spans named someone (a
pronoun looks for the first such cue in a recent sentence).

>>> from reader.attribution.paragraph import Paragraph
>>> from reader.attribution.prepass import learn_names
>>> from reader.attribution.subjects import np_at_end
>>> text = "Antony Blinken arrived. Blinken said it went well. He left."
>>> pars = [Paragraph(0, 0, text)]
>>> resolver = Resolver(text, learn_names(pars, text), pars)
>>> resolver.resolve(np_at_end(text, 24, 32), 0).name
'Antony Blinken'
>>> resolver.resolve(np_at_end(text, 51, 54), 0)
Resolved(name='Antony Blinken', span=(51, 53), antecedent=(24, 31))
"""

from __future__ import annotations

from typing import NamedTuple

from ..sortedlist import SortedList
from .cues import speech_verbs
from .documents import document_owner, is_bare_document, source_of_document
from .lexicon.grammar import PRONOUNS
from .mentions import ANONYMOUS, NAME, PRONOUN, ROLE, Mention
from .names import looks_org, split_role, strip_det, written_name
from .never import NeverSpeaker
from .openers import sentence_subject
from .paragraph import Paragraph
from .patterns import GENDERED_PRONOUN, INITIALS, LEAD_JUNK, MALE_PRONOUN_SET, NICKNAME, WORD
from .registry import Entity, Registry
from .runs import run_mention
from .subjects import np_at_end
from .tokens import tokenize

_ANTECEDENT_SENTENCES = 4  # sentences a pronoun looks back over for a subject


Span = tuple[int, int]


class Resolved(NamedTuple):
    """The canonical name a mention resolved to (``None``: nobody), its span
    in the source, and for a pronoun or a title the mention it was taken to
    mean (its antecedent)."""

    name: str | None
    span: Span | None
    antecedent: Span | None = None


class Resolver:
    """Resolves mentions against one article's registry (see the module docstring)."""

    def __init__(self, source: str, registry: Registry, paragraphs: list[Paragraph]) -> None:
        self.source = source
        self.registry = registry
        self.paragraphs = paragraphs
        self._answers: dict[Span, tuple[str | None, Span | None]] = {}  # span -> name, antecedent
        self._named = SortedList()  # the spans in _answers that name someone
        # a paragraph by its offset (the last one given, should two start at the same place)
        self._by_base = {par.base: par for par in paragraphs}
        self._sentence_subjects: dict[tuple[int, int, int], list[Mention | None]] = {}  # see _subjects
        self._never = NeverSpeaker(source)  # words never a speaker alone ("Democratic", "Shortly")

    def resolve(self, m: Mention | None, base: int, quote: str | None = None) -> Resolved:
        """The canonical speaker ``m`` (offsets local to the paragraph at
        ``base``) refers to; ``quote``: the words it introduces (a pronoun
        does not mean a person the quotation names)."""
        if m is None:
            return Resolved(None, None)
        span = (base + m.start, base + m.end)
        known = self._answers.get(span)
        if known is not None:
            return Resolved(known[0], span, known[1])
        antecedent = None
        if m.kind is PRONOUN:
            name, antecedent = self._pronoun(m, base, span, quote)
        elif m.kind is ROLE:
            name, antecedent = self._role(m, span)
        elif m.kind is NAME:
            name = self._name(m, base, span)
            if name is None:
                return Resolved(None, None)
        elif is_bare_document(m):  # "the statement said": whoever issued it
            name, antecedent = self._issuer(m, span)
            if name is None:
                return Resolved(None, None)
        elif (owner := document_owner(m)) is not None:  # "the Finance Ministry statement said"
            span = (base + owner.start, base + owner.end)
            if owner.kind is NAME:
                name = self._name(owner, base, span)
            elif owner.kind is ROLE:  # "the Democrat report": the Democrat named before, if any
                name, antecedent = self._role(owner, span)
            else:
                name = self.registry.add_anonymous(owner.text, owner.head, span, owner.definite).name
            if name is None:
                return Resolved(None, None)
        else:
            name = self.registry.add_anonymous(m.text, m.head, span, m.definite).name
        self._answers[span] = (name, antecedent)
        if name is not None:
            self._named.add(span)
        return Resolved(name, span, antecedent)

    def _pronoun(self, m: Mention, base: int, span: Span, quote: str | None) -> tuple[str | None, Span | None]:
        reg = self.registry
        exclude = reg.persons_named(set(WORD.findall(quote))) if quote else frozenset()
        found = self._subject_antecedent(m, base, exclude) or reg.resolve_pronoun(m.text, span[0], exclude)
        if found is None:
            return None, None
        ent, antecedent = found
        ent.add_mention(span)
        return ent.name, antecedent

    def _issuer(self, m: Mention, span: Span) -> tuple[str | None, Span | None]:
        """Who issued the document ``m`` (``The council issued a statement``), named before it."""
        where = source_of_document(self.source, span[0], strip_det(m.text).lower().split()[-1])
        if where is None:
            return None, None
        toks = tokenize(self.source, *where)
        definite = bool(toks) and toks[0].text.lower() == "the"
        issuer = run_mention(toks[1:] if definite else toks, definite)
        if issuer is None or issuer.kind not in (NAME, ROLE):
            return None, None
        return self.resolve(issuer, 0).name, where

    def _role(self, m: Mention, span: Span) -> tuple[str | None, Span | None]:
        found = self.registry.by_role(m.head, span[0])
        if found is None:
            return None, None
        ent, antecedent = found
        ent.add_alias(m.text)
        ent.add_mention(span)
        return ent.name, antecedent

    def _name(self, m: Mention, base: int, span: tuple[int, int]) -> str | None:
        """A person or organisation by name (the name as written, without a
        title, a possessive or a final period)."""
        reg = self.registry
        role, name_toks = split_role(list(m.tokens))
        nm = " ".join(name_toks)
        if m.name_start >= 0 and name_toks:
            # the name as written (keeps "Manufacturers' Association")
            nm = written_name(" ".join(NICKNAME.sub(" ", self.source[base + m.name_start : base + m.end]).split()))
        if nm.endswith(("'s", "’s")):
            # a firm's full name seen earlier ("Moody's Investors Service Inc")
            nm = (reg.names.org_starting(nm) or nm) if m.firm else nm[:-2]
        if nm.endswith(".") and not INITIALS.fullmatch(nm):
            nm = nm[:-1]
        if not nm or self._never.rejects(nm, self._never.starts_sentence(base + m.name_start
                                                                           if m.name_start >= 0 else span[0])):
            return None
        kind = "organisation" if (looks_org(nm) or m.definite or m.firm or nm in reg.acronyms) else "person"
        if kind == "organisation" and " " not in nm and nm not in reg.acronyms \
                and reg.canonical_name(nm, "person") != nm:
            kind = "person"
        ent = reg.add(nm, kind, span, self.source[span[0] : span[1]], role or None)
        if m.role and ent.kind == "person":
            reg.note_role(ent.name, m.role)
        return ent.name

    def _subject_antecedent(self, m: Mention, base: int, exclude: frozenset[str]) -> tuple[Entity, Span] | None:
        """A pronoun refers first to the subject of a recent sentence.

        Looks back over the sentences before the pronoun's own (this paragraph,
        then the previous one; at most four) and takes the first whose subject
        (a resolved speech cue in it, else its first noun phrase) fits the
        pronoun: ``Rathbun asked donors to help Montalvo. He described ...``
        is Rathbun, not the more recent Montalvo.  Only a pronoun that is the
        subject of its own sentence looks back this way.
        """
        par = self._by_base.get(base)
        if par is None:
            return None
        cur, cend = par.sentence_of(m.start)
        mt = par.masked
        if LEAD_JUNK.sub("", mt[cur : m.start]):
            sm = sentence_subject(mt, cur, cend)
            if sm is None or sm.start != m.start:
                return None  # not the subject of its sentence: recency decides
        seq = [(par, s, e) for s, e in reversed(par.sentences_before(cur)[-_ANTECEDENT_SENTENCES:])]
        if par.index > 0:
            prev = self.paragraphs[par.index - 1]
            seq += [(prev, s, e) for s, e in reversed(prev.sentences[-_ANTECEDENT_SENTENCES:])]
        for pj, s, e in seq[:_ANTECEDENT_SENTENCES]:
            found = self._fitting_subject(m.text, pj, s, e, exclude)
            if found is not None:
                ent, mention = found
                if self._gender_fits(ent, m.text, pj, mention[1] - pj.base, e):
                    return ent, mention
        return None

    def _fitting_subject(self, pron: str, par: Paragraph, s: int, e: int,
                         exclude: frozenset[str]) -> tuple[Entity, Span] | None:
        """The first subject of the sentence ``[s, e)`` of ``par`` that ``pron``
        can mean, and its mention (in the source): the first resolved cue in
        the sentence, else its first noun phrase, else the subject of its first
        speech verb ("..., a spokeswoman said in response")."""
        reg = self.registry
        pbase = par.base
        cands: list[tuple[str | None, Span]] = []
        cue = self._named.first_from((pbase + s,))
        if cue is not None and cue[0] < pbase + e:
            cands.append((self._answers[cue][0], cue))
        for sm in self._subjects(par, s, e):
            if sm is not None and sm.kind in (NAME, ANONYMOUS, ROLE):
                cands.append((self.resolve(sm, pbase).name, (pbase + sm.start, pbase + sm.end)))
        for name, mention in cands:
            ent = reg.entities.get(name) if name else None
            if ent is not None and name not in exclude and reg.pronoun_fits(ent, pron):
                return ent, mention
        return None

    def _subjects(self, par: Paragraph, s: int, e: int) -> list[Mention | None]:
        """The first noun phrase of the sentence ``[s, e)`` of ``par`` and the
        subject of its first speech verb (read once: every pronoun after the
        sentence may ask)."""
        key = (par.index, s, e)
        found = self._sentence_subjects.get(key)
        if found is None:
            mt = par.masked
            found = [sentence_subject(mt, s, e)]
            for vm in speech_verbs(mt, s, e):
                found.append(np_at_end(mt, s, vm.start()))
                break
            self._sentence_subjects[key] = found
        return found

    def _gender_fits(self, ent: Entity, pron: str, par: Paragraph, after: int, e: int) -> bool:
        """Does "he" or "she" fit ``ent`` once its gender is learnt? 'Kiara
        Perkins ... admitted she was': the first gendered pronoun after a
        subject of unknown gender (from ``after`` to ``e``) usually refers back
        to it.  Sets the gender learnt."""
        reg = self.registry
        g = PRONOUNS.get(pron.lower(), "")
        if g not in ("m", "f") or ent.gender:
            return True
        gm = GENDERED_PRONOUN.search(par.masked, after, e)
        if gm is not None:
            reg.set_gender(ent, "m" if gm.group().lower() in MALE_PRONOUN_SET else "f")
            if ent.gender != g:
                return False
        reg.set_gender(ent, g)
        return True
