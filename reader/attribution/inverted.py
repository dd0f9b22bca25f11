"""The subject after an inverted speech verb: ``said Luis Ferreira, the
club's captain.``, ``according to the Crown prosecutor, Mark Tedeschi, QC``.

>>> text = "said Luis Ferreira, the club's captain."
>>> m = np_after(text, 4, len(text))
>>> m.text, m.role
('Luis Ferreira', "club's captain")
>>> text = "according to the Crown prosecutor, Mark Tedeschi, QC"
>>> m = np_after(text, 12, len(text))
>>> m.text, m.role
('Mark Tedeschi', 'Crown prosecutor')
"""

from __future__ import annotations

from .descriptions import common_np
from .lexicon.grammar import NOT_INVERTED_PRONOUNS, PRONOUNS, SPECIFIERS, SUBJECT_STOPS
from .lexicon.people import NAME_PARTICLES
from .mentions import ANONYMOUS, NAME, ROLE, Mention, pronoun
from .names import is_title, speaker_head, strip_det
from .patterns import APPOSED_NAME_END, APPOSITIVE
from .roles import cut_asked_by, role_then_name
from .runs import and_extend, cap_run_end, of_the_at, of_the_mention, person_of, run_mention
from .tokens import Token, is_cap_token, is_word, tokenize, words_of

_LONGEST = 14  # tokens in a subject after the verb


def np_after(text: str, pos: int, hi: int) -> Mention | None:
    """The subject right after an inverted verb ending at ``pos`` (up to ``hi``)."""
    hi = cut_asked_by(text, pos, hi)  # "according to analysts polled by Reuters": not Reuters
    toks = tokenize(text, pos, hi)
    if not toks:
        return None
    first = toks[0].text
    fl = first.lower()
    if fl in PRONOUNS and fl not in NOT_INVERTED_PRONOUNS:
        return pronoun(toks[0].start, toks[0].end, first)
    seg = toks[: _subject_length(toks)]
    if not seg:
        return None
    # "said psychologist Nancy Ruiz", "said 9/11 widow Ann Lee"
    m = _capitalised_subject(seg) or _role_as_written(text, seg, role_then_name(seg, 0))
    if m is None:
        m = common_np(seg)
        if m is not None and m.start != seg[0].start:
            m = None
    if m is None:
        return None
    return _with_appositive(text, m, hi)


def _role_as_written(text: str, seg: list[Token], m: Mention | None) -> Mention | None:
    """``m`` with its role as the text writes it ("9/11 widow", not the tokens "9 11 widow")."""
    if m is None or not m.role or not any(c.isdigit() for c in m.role):
        return m
    return m.with_role(" ".join(text[seg[0].start : m.start].split()))


def _subject_length(toks: list[Token]) -> int:
    """How many of ``toks`` the subject can take: words up to punctuation, a
    relative pronoun, a preposition or a participle (over an "and" inside
    a name, ``said Standard and Poor's Corp``)."""
    j = 0
    while j < len(toks) and is_word(toks[j].text) and j < _LONGEST:
        if toks[j].text.lower() in SUBJECT_STOPS:
            if toks[j].text == "and" and j > 0 and is_cap_token(toks[j - 1].text):
                i = j
                while i > 0 and is_cap_token(toks[i - 1].text):
                    i -= 1
                r = and_extend(toks, i, j)
                if r > j:
                    j = r  # "said Standard and Poor's Corp"
                    continue
            break
        j += 1
    return j


def _capitalised_subject(seg: list[Token]) -> Mention | None:
    """A capitalised subject (``Chancellor of the Exchequer Nigel Lawson``,
    ``the Crown prosecutor``, ``Acme Corp``) at the start of ``seg``."""
    if not (is_cap_token(seg[0].text) or (seg[0].text.lower() == "the" and len(seg) > 1
                                          and is_cap_token(seg[1].text))):
        return None
    definite = seg[0].text.lower() == "the"
    run = seg[1:] if definite else seg
    k = cap_run_end(run, 0)
    r = of_the_mention(run, 0, k) if of_the_at(run, k) else None
    if r is not None:
        return r[0]  # "said Chancellor of the Exchequer Nigel Lawson"
    if k == len(run):
        return (person_of(run, definite) if "and" in words_of(run) else None) or run_mention(run, definite)
    if k > 0 and run[k].text[:1].islower():
        rm = role_then_name(run, k)  # "said NBC host Carl Benning"
        if rm is not None:
            return rm
    if k > 0 and definite and run[k].text[:1].islower() and run[k].text.lower() not in NAME_PARTICLES:
        # "the Crown prosecutor": capitalised words modifying a common noun
        m = common_np(seg)
        if m is None or m.start != seg[0].start:
            m = run_mention(run[:k], definite)
        return m
    if k > 0 and (run[k].text.lower() in ("of", "for") and not definite or run[k].text[:1].islower()):
        return run_mention(run[:k], definite)
    return None


def _with_appositive(text: str, m: Mention, hi: int) -> Mention:
    """The appositive after the subject: a role for a name (``, the club's
    captain``), or the name for a role (``the Crown prosecutor, Mark
    Tedeschi, QC``)."""
    after = text[m.end : hi]
    am = APPOSITIVE.match(after)
    if am and am.end() == len(after) and hi < len(text) and not after.rstrip().endswith((",", ".", ";")):
        am = None  # "according to Rush Lee, the move reeks of "...": a clause runs on, no appositive
    if am and m.kind is NAME:
        first = am.group(1).split()[0]
        fl = first.lower()
        if fl in SPECIFIERS or is_title(first) or speaker_head(first) or (fl.endswith("'s") or fl.endswith("’s")):
            return m.with_role(strip_det(am.group(1)))
    elif am and m.kind in (ROLE, ANONYMOUS):
        nm2 = APPOSED_NAME_END.match(after)
        if nm2:
            toks = tokenize(text, m.end + nm2.start(1), m.end + nm2.end(1))
            pm = run_mention([x for x in toks if is_word(x.text)], False)
            if pm is not None and pm.kind is NAME and len(pm.tokens) >= 2:
                return pm.with_role(strip_det(m.text))
    return m
