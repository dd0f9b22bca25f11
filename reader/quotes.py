"""Quote extraction and speaker attribution: who said what in one article.

Public API::

    extract(source, paragraphs) -> Attribution
    extract_article(article) -> Attribution

Pure Python, precompiled regexes, no UI imports.  The engine works one
paragraph at a time on a *masked* copy of the paragraph in which the inside
of every quotation is replaced by NUL characters (same length, so offsets are
kept).  Sentence splitting, speech-verb search and subject finding run on the
masked text, so the words inside a quote never act as cues.

Steps:

1. Pre-pass over all paragraphs: capitalised runs (``U.S. Secretary of State
   Antony Blinken``, ``China Global TV Network (CGTN)``) feed a
   :class:`reader.names.Registry` with full names, roles and acronyms, so a
   later ``Blinken`` or ``CGTN`` resolves to its canonical name.
2. Quotation marks are paired per paragraph (straight and curly double
   marks; a straight mark between two letters is a mis-encoded apostrophe and
   ignored; single quotes are left inside).  A quote left open at the end of a
   paragraph whose next paragraph reopens is one multi-paragraph quote: each
   paragraph's piece is its own :class:`Quote`, all with one speaker.
3. Each quote gets a cue: ``"...," X said`` / ``said X`` after it; ``X said:``
   / ``X told reporters,`` / ``X said China was "..."`` before it; a colon
   at the end of the previous paragraph; else the speaker of the previous
   quote of the paragraph (or of the previous paragraph when the quote opens
   the paragraph).  ``so-called "..."`` and short Title-Case quotes without an
   adjacent cue are scare quotes / titles: speaker ``None``.
4. Reported speech (no quotation marks): ``X said (that) ...``, ``..., X
   said.``, ``..., said X.``, ``according to X, ...``, ``..., according to
   X``.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass
from typing import Sequence

from .model import Article, Attribution, Quote, Span, Speaker
from .names import (
    COUNTRIES,
    DETERMINERS,
    FUNCTION_WORDS,
    NONPERSON_WORDS,
    ORDINALS,
    ORG_WORDS,
    OBJECT_PRONOUNS,
    PLACES,
    PRONOUNS,
    SPEAKER_NOUNS,
    TITLES,
    THING_NOUNS,
    and_joins,
    is_title,
    looks_org,
    norm,
    speaker_head,
    split_role,
    strip_det,
)
from .registry import Registry
from .sortedlist import SortedList

__all__ = ["extract", "extract_article"]

log = logging.getLogger(__name__)

MASK = "\x00"

# --------------------------------------------------------------------------
# Lexicons and regexes
# --------------------------------------------------------------------------

_REPORT_VERBS = """
said says say told tells added adds warned warns wrote writes claimed claims
claim insisted insists insist explained explains noted notes stated states
announced announces argued argues maintained maintains maintain confirmed
confirms reported reports acknowledged acknowledges admitted admits declared
declares stressed stresses emphasised emphasized emphasizes emphasises
suggested suggests predicted predicts estimated estimates alleged alleges
denied denies revealed reveals disclosed indicated indicates testified
asserted asserts contended contends conceded concedes cautioned cautions
countered complained complains recalled recalls concluded concludes
believes argue assured reiterated reiterates underscored observed
""".split()

_QUOTE_ONLY_VERBS = """
asked asks replied replies responded responds commented comments remarked
urged urges tweeted posted joked boasted lamented mentioned continued
recounted quipped shouted wondered exclaimed described describes called
calls dubbed branded characterized characterised labelled labeled
call urge warn reasoned recommended recommends recommend promised promises
""".split()

_PARTICIPLES = """
saying adding describing calling noting warning telling writing explaining
arguing insisting claiming stating asking declaring stressing urging quoting
recommending promising
reads read
""".split()

_ALL_VERBS = sorted(set(_REPORT_VERBS + _QUOTE_ONLY_VERBS + _PARTICIPLES), key=len, reverse=True)

_VERB_RE = re.compile(r"(?<![\w\-’'])(?:" + "|".join(_ALL_VERBS) + r"|according to|in the words of|went on)(?![\w\-])", re.I)
_CAP_BEFORE_RE = re.compile(r"[A-ZÀ-ÖØ-Þ\u0100-\u017f][\w.'’\-]*\s+$")


def _verbs(text: str, lo: int, hi: int, floor: int | None = None) -> list[re.Match]:
    """Speech verbs in ``text[lo:hi]``, without capitalised words inside a name
    (``the United States also include`` has no verb ``states``; the name is
    looked for from ``floor``, by default ``lo``)."""
    out = []
    floor = lo if floor is None else floor
    for vm in _VERB_RE.finditer(text, lo, hi):
        if vm.group()[0].isupper() and _CAP_BEFORE_RE.search(text, max(floor, vm.start() - 40), vm.start()):
            continue
        out.append(vm)
    return out


_REPORT_RE = re.compile(
    r"(?<![\w\-’'])(?:" + "|".join(sorted(set(_REPORT_VERBS), key=len, reverse=True)) + r")(?![\w\-])"
)
_PARTICIPLE_SET = frozenset(_PARTICIPLES)
_NAMING_VERBS = frozenset("called calls dubbed branded labelled labeled described describes characterized characterised".split())

_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTHS = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
_TIME = (
    r"(?:(?:on|last|this|early|earlier|late|later|next)\s+(?:" + _DAYS + r"|" + _MONTHS + r"\s+\d{1,2}|week|month|year|night|"
    r"morning|afternoon|evening|weekend)(?:\s+(?:morning|afternoon|evening|night))?|on\s+" + _MONTHS + r"\s+\d{1,2}"
    r"|yesterday|today|tonight|recently|previously|also|again|publicly|privately|separately|repeatedly|earlier|"
    r"later|then|once|first|simply|flatly|bluntly|frankly|openly|reportedly|further|now|already|"
    r"in\s+(?:a|an|the|his|her|its|their)\s+(?:[\w\-]+\s+){0,3}?(?:statement|interview|letter|email|e-mail|speech|"
    r"post|tweet|report|release|briefing|conference|filing|message|video|note|address|remarks|comments|op-ed|"
    r"column|blog|posting|broadcast|podcast|testimony|memo|notice|announcement)"
    r"(?:\s+(?:to|with|on|for|from|at|posted)\s+(?:the\s+)?[\w.'’\-]+(?:\s+[A-ZÀ-ÖØ-Þ\u0100-\u017f][\w.'’\-]*)*)?)"
)
_FILLER_RE = re.compile(r"(?:,?\s+" + _TIME + r")*,?")
_TRAIL_ADV_RE = re.compile(r"(?:,?\s+(?:" + _TIME + r"|had|has|have|was|were|is|would|will|did|does|do|has\s+long|"
                           r"sharply|quickly|strongly|clearly|however|too|has\s+also|had\s+also)),?\s*$", re.I)
_TOLD_OBJ_RE = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their|its|local|national|state|foreign)\s+(?:(?:news|press|parliamentary|congressional|"
    r"local|national|state|foreign|senate|house|city|u\.s\.)\s+)?[a-z][\w\-]*|(?:[A-ZÀ-ÖØ-Þ\u0100-\u017f][\w.'’&\-]*)(?:\s+[A-ZÀ-ÖØ-Þ\u0100-\u017f][\w.'’&\-]*)*"
    r"|reporters|journalists|lawmakers|legislators|parliament|congress|police|investigators|him|her|them|us|me|"
    r"you|supporters|students|members|analysts|delegates|the\s+media|media|viewers|listeners|readers|"
    r"shareholders|investors|employees|staff|workers|colleagues|officials|residents|a\s+[\w\-]+\s+(?:conference|"
    r"briefing|meeting|hearing|committee|audience|rally|crowd|forum|group))"
)

_TOKEN_RE = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev|St|Jr|Sr|Adm|Cmdr|Maj|Supt|Insp|Det|Cpl|Fr|Hon|Mx|Gens)\."
    r"|(?:[A-Za-z]\.){2,}|[^\W_](?:[\w'’\-&]*[^\W_])?|[,;:()\[\]\x00\"“”—–]"
)
_CONNECTORS = frozenset("of de del della da di du al el bin ibn van von der den la le y dos das".split())

# a capitalised run, optionally followed by "(ACR)"
_RUN_RE = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Prof|Rev|Adm|Cmdr|Maj|Supt|Insp|Det|Fr|Hon)\.\s+)?"
    r"(?:(?:[A-ZÀ-ÖØ-Þ\u0100-\u017f]\.){1,3}(?=\s+[A-ZÀ-ÖØ-Þ\u0100-\u017f])|[A-ZÀ-ÖØ-Þ\u0100-\u017f][\w’'\-&]*)"
    r"(?:(?:\s+(?:(?:of|de|del|da|di|du|al|el|bin|ibn|van|von|der|den|la|le|y|dos|das)\s+)?|-)"
    r"(?:(?:[A-ZÀ-ÖØ-Þ\u0100-\u017f]\.){1,3}(?=\s+[A-ZÀ-ÖØ-Þ\u0100-\u017f])|[A-ZÀ-ÖØ-Þ\u0100-\u017f][\w’'\-&]*))*"
    r"(?:\s+\(([A-ZÀ-ÖØ-Þ\u0100-\u017f][A-Za-z0-9&.]{1,9})\))?"
)

_ABBREV = frozenset(
    """
    mr mrs ms dr sen rep gov gen lt col capt sgt prof rev st jr sr adm cmdr maj supt insp det cpl fr hon mx
    jan feb mar apr jun jul aug sep sept oct nov dec no vs v inc corp co ltd bros dept est approx fig
    """.split()
)

_OPEN_MARKS = "“„«"
_CLOSE_MARKS = "”»"
_MARK_RE = re.compile(r"[\"“”„«»]")
_SENT_END_RE = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[A-ZÀ-ÖØ-Þ\u0100-\u017f0-9\x00]|\s*$)")
_LAST_WORD_RE = re.compile(r"([\w.]+)$")
_NEXT_WORD_RE = re.compile(r"\s+(\w+)")
_NEXT_SENTENCE_RE = re.compile(r"\s+[\"“A-Z]")
_LONGEST_SENTENCE = 1000  # characters (news sentences stay under 750); longer runs are cut at a space
_WORD_RE = re.compile(r"[^\W_][\w'’\-]*")
_SO_CALLED_RE = re.compile(r"(?:so[\-\s]called|dubbed|nicknamed|titled|entitled|named|known\s+as|termed|the\s+term|"
                           r"the\s+word|the\s+phrase|labelled|labeled|branded|hashtag|slogan|motto|song|film|book|"
                           r"album|novel|movie|poem|headline|website|code-?named)\s*$", re.I)
_STATEMENT_RE = re.compile(r"\b(?:issued|released|posted|published|gave|made|put out|sent)\s+(?:a|an)\s+(?:[\w\-]+\s+)?"
                           r"(?:statement|comment|remarks|speech|message|response|reply|tweet|post)\b")
_DATELINE_RE = re.compile(r"\s*[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+)*(?:,\s*[A-Z][A-Za-z.]*(?:\s+\d{1,2})?)*"
                          r"\s*(?:\([A-Za-z .]+\)\s*)?[-—–]+\s+")
_GENDER_PRON_RE = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|himself|[Ss]he|[Hh]er|[Hh]ers|herself)\b")
_LEAD_JUNK_RE = re.compile(r"^(?:[\s\x00\"“”„«»,:;—–\-]|(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o|[Tt]hen)\b)*")
_ACCORDING_RE = re.compile(r"(?<![\w\-])according\s+to\s+", re.I)


# --------------------------------------------------------------------------
# Mentions and subjects
# --------------------------------------------------------------------------


@dataclass
class Mention:
    kind: str  # "name", "pron", "anon", "role"
    start: int  # paragraph-local
    end: int
    text: str
    tokens: tuple[str, ...] = ()
    role: str | None = None
    definite: bool = False
    head: str = ""
    name_start: int = -1  # where the name proper starts (after any title)
    firm: bool = False  # "Moody's said": a possessive name right before the verb


def _tokens(text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text, lo, hi)]


_PARTICLE_NAME_RE = re.compile(r"(?:al|el|ad|ash|as|at|an|bin|ibn|abu|abd|de|di|da|van|von)-[A-ZÀ-ÖØ-Þ\u0100-\u017f]")


def _is_cap_tok(tok: str) -> bool:
    c = tok[:1]
    return c.isupper() or (c == "a" or c in "ebidv") and _PARTICLE_NAME_RE.match(tok) is not None  # "al-Amr"


def _is_word(tok: str) -> bool:
    return tok[:1].isalnum()


_MULTI_PLACES = tuple(
    tuple(p.split())
    for p in (
        "United States", "United Kingdom", "United Nations", "New York", "Hong Kong", "South Korea",
        "North Korea", "New Zealand", "Saudi Arabia", "South Africa", "Sri Lanka", "New Delhi", "Los Angeles",
        "San Francisco", "European Union", "White House", "Middle East", "Costa Rica", "Puerto Rico",
        "El Salvador", "Latin America", "North America", "South America", "Soviet Union", "Great Britain",
        "West Bank", "Gaza Strip", "Abu Dhabi", "Tel Aviv", "Buenos Aires", "Rio de Janeiro", "Sao Paulo",
        "Kuala Lumpur", "Cape Town", "Mexico City", "Washington D.C.", "Northern Ireland", "Czech Republic",
    )
)


_PLACE_FIRST = frozenset(p[0] for p in _MULTI_PLACES)




def _possessive_in_name(toks: list[tuple[str, int, int]], i: int) -> bool:
    """Is the possessive ``toks[i]`` part of an organisation's name
    (``Moody's Investors Service Inc``, ``Standard and Poor's Corp``) rather
    than its owner (``Japan's Finance Ministry``, ``Acme Corp's Bolt unit``)?

    It is when it opens the run (or the right side of a joined "and"), the
    run ends with an organisation word, and the possessor is not a place, an
    organisation word or a title.
    """
    if i > 0 and toks[i - 1][0] != "and":
        return False
    if norm(toks[-1][0]) not in ORG_WORDS:
        return False
    w = norm(toks[i][0][:-2] if toks[i][0][-2:] in ("'s", "’s") else toks[i][0][:-1])
    return not (w in PLACES or w in COUNTRIES or w in ORG_WORDS or w in TITLES or w in FUNCTION_WORDS)


def _clean_run(toks: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Trim a capitalised run to the part that names one thing.

    Drops sentence-initial function words, a possessive owner (``Saudi
    Arabia's Civil Defense Authority`` -> ``Civil Defense Authority``), a
    leading multi-word place (``United States Hamdullah Mohib``) and an
    organisation before a person (``Islamic Relations Alia Salem``).
    """
    while toks and norm(toks[0][0]) in FUNCTION_WORDS and not is_title(toks[0][0]):
        if len(toks) > 1 and (toks[1][0] == "and" or norm(toks[0][0]) in ORDINALS and len(toks) > 2
                              and norm(toks[-1][0]) in ORG_WORDS):
            break  # "A and B Ratings" (joined by and_joins), "First Union Corp"
        toks = toks[1:]
    while toks and toks[0][0].lower() in _CONNECTORS:
        toks = toks[1:]
    n = len(toks)
    if n < 2:
        return toks
    for i in range(n - 2, -1, -1):
        if toks[i][0].endswith(("'s", "’s", "s'", "s’")):
            if not _possessive_in_name(toks, i):
                toks = toks[i + 1 :]
            break
    n = len(toks)
    if n >= 4 and toks[0][0] in _PLACE_FIRST:
        words = tuple(t[0] for t in toks)
        for pl in _MULTI_PLACES:
            if n >= len(pl) + 2 and words[: len(pl)] == pl:
                if not any(norm(w) in ORG_WORDS for w in words[len(pl) :]):
                    toks = toks[len(pl) :]  # not "New York Stock Exchange"
                break
    n = len(toks)
    if n >= 3:
        orgs = [norm(t[0]) in ORG_WORDS for t in toks]
        i = max((k for k in range(n) if orgs[k]), default=-1)
        if 0 <= i <= n - 3 and all(t[0][:1].isupper() for t in toks[i + 1 :]):
            toks = toks[i + 1 :]
    return toks


def _run_mention(toks: list[tuple[str, int, int]], definite: bool) -> Mention | None:
    """A mention from capitalised tokens (leading function words trimmed)."""
    toks = _clean_run(toks)
    if not toks:
        return None
    words = [t[0] for t in toks]
    last = words[-1]
    if last.endswith(("'s", "’s")) or last.lower() in _CONNECTORS:
        return None
    if all(norm(w) in FUNCTION_WORDS for w in words):
        return None
    role, name = split_role(words)
    start, end = toks[0][1], toks[-1][2]
    if len(words) == 1 and words[0].lower() in SPEAKER_NOUNS:
        # sentence-initial "Officials said": a common noun, not a name
        return Mention("anon", start, end, words[0], tuple(words), head=words[0], definite=definite)
    if is_title(words[-1]) and (len(words) > 1 or definite):
        role, name = " ".join(words), []
    if not name:
        return Mention("role", start, end, " ".join(words), tuple(words), role=role, definite=definite,
                       head=norm(words[-1]))
    k = len(words) - len(name)
    return Mention("name", start, end, " ".join(words), tuple(words), role=role, definite=definite,
                   name_start=toks[k][1])


def _and_extend(toks: list[tuple[str, int, int]], lo: int, k: int) -> int:
    """``toks[lo:k]`` is a capitalised run and ``toks[k]`` may be "and": the end
    of the run when the capitalised words after "and" join it into one name
    (``Savings and Loan Association``, ``S and P``), else ``k``."""
    if k <= lo or k + 1 >= len(toks) or toks[k][0] != "and":
        return k
    r = k + 1
    while r < len(toks) and _is_cap_tok(toks[r][0]):
        r += 1
    if r > k + 1 and and_joins([t[0] for t in toks[lo:k]], [t[0] for t in toks[k + 1 : r]]):
        return r
    return k


_AND_GAP_RE = re.compile(r"\s+(?:and|&)\s+(?=[A-ZÀ-ÖØ-Þ\u0100-\u017f])")
_INITIAL_RE = re.compile(r"[A-Z]\.?")


def _institution_end(words: Sequence[str]) -> int | None:
    """Where a person's name starts in the words after "<Title> of the":
    ``Exchequer Nigel Lawson`` -> 1, ``Bank of Japan Satoshi Sumita`` -> 3.

    The institution runs to its last organisation word (with an ``of <Place>``
    tail); without one, the name is the last two words (three with a middle
    initial).  ``None`` when what is left does not look like a person's name.
    """
    n = len(words)
    k = -1
    for i in range(n - 1, -1, -1):
        if norm(words[i]) in ORG_WORDS:
            k = i + 1
            break
    if k >= 0:
        if k < n - 1 and words[k] == "of":
            k += 1
            for pl in _MULTI_PLACES:
                if tuple(words[k : k + len(pl)]) == pl:
                    k += len(pl)
                    break
            else:
                k += 1
    else:
        k = n - 2
        if k >= 2 and _INITIAL_RE.fullmatch(words[k]):
            k -= 1  # "Nigel J. Lawson"
    if k < 1 or not 2 <= n - k <= 4:
        return None
    for w in words[k:]:
        wl = norm(w)
        if not _is_cap_tok(w) or wl in ORG_WORDS or wl in TITLES or wl in NONPERSON_WORDS or wl in FUNCTION_WORDS:
            return None
    return k


def _of_the_mention(toks: list[tuple[str, int, int]], lo: int, p: int) -> tuple[Mention, int] | None:
    """``Chancellor of the Exchequer Nigel Lawson``: ``toks[lo:p]`` is a role
    ending with a title word, ``toks[p:p+2]`` is "of the"; the mention of the
    person after the institution, with the whole role, and where it ends."""
    q = p + 2
    hi = q
    while hi < len(toks) and (_is_cap_tok(toks[hi][0]) or toks[hi][0] == "of" and hi + 1 < len(toks)
                              and _is_cap_tok(toks[hi + 1][0])):
        hi += 1
    k = _institution_end([t[0] for t in toks[q:hi]])
    if k is None:
        return None
    name = toks[q + k : hi]
    w, ws, we = name[-1]
    if w[-2:] in ("'s", "’s"):
        name[-1] = (w[:-2], ws, we - 2)  # "... Nigel Lawson's remarks"
    pm = _run_mention(name, False)
    if pm is None or pm.kind != "name":
        return None
    while lo < p - 1 and norm(toks[lo][0]) in FUNCTION_WORDS:
        lo += 1
    pm.role = " ".join(t[0] for t in toks[lo : q + k])
    pm.start = toks[lo][1]
    return pm, hi


def _of_the_at(toks: list[tuple[str, int, int]], p: int) -> bool:
    """Do ``toks[p:p+2]`` read "of the" after a title word and before a capital?"""
    return 0 < p and p + 2 < len(toks) and toks[p][0] == "of" and toks[p + 1][0] == "the" and \
        toks[p - 1][0][:1].isupper() and is_title(toks[p - 1][0]) and _is_cap_tok(toks[p + 2][0])


def _common_np(toks: list[tuple[str, int, int]]) -> Mention | None:
    """``a source with knowledge of the matter`` / ``Chinese officials`` at the end of ``toks``."""
    n = len(toks)
    lo = n
    while lo > 0 and _is_word(toks[lo - 1][0]) and n - lo < 12:
        lo -= 1
    words = [t[0] for t in toks[lo:]]
    if not words:
        return None
    # find the head: the rightmost candidate start whose phrase head is a speaker noun
    preps = {"with", "of", "for", "from", "at", "in", "on", "to", "familiar", "close", "who", "inside", "within",
             "near", "involved", "based", "among", "by"}
    for k in range(len(words) - 1, -1, -1):
        w = words[k]
        if w.lower() in preps:
            continue
        # head = last word of words[k:] before the first preposition
        span = words[k:]
        head = None
        for j, x in enumerate(span):
            if x.lower() in preps:
                break
            head = x
        else:
            j = len(span)
        if head is None or k + j - 1 < k:
            continue
        # everything after the head must be a prepositional tail
        if j < len(span) and span[j].lower() not in preps:
            continue
        if not speaker_head(head) or _is_cap_tok(head) and norm(head) not in ("police",):
            continue
        # extend to the left over modifiers, stopping at a determiner / function word
        s = k
        while s > 0:
            prev = words[s - 1]
            pl = prev.lower()
            if pl in DETERMINERS:
                s -= 1
                break
            if pl in FUNCTION_WORDS or pl in preps or pl in PRONOUNS or pl in _REPORT_SET or pl.isdigit():
                break
            s -= 1
        # "the general manager of an oil company": the phrase is headed by
        # the speaker noun before the preposition
        while s >= 2 and words[s - 1].lower() in ("of", "at", "for", "with", "from") and \
                speaker_head(words[s - 2]) and not _is_cap_tok(words[s - 2]):
            head = words[s - 2]
            k = s = s - 2
            while s > 0:
                pl = words[s - 1].lower()
                if pl in DETERMINERS:
                    s -= 1
                    break
                if pl in FUNCTION_WORDS or pl in preps or pl in PRONOUNS or pl in _REPORT_SET:
                    break
                s -= 1
        if any(x.lower() in ("who", "which", "that") for x in words[s:]):
            return None
        first = toks[lo + s]
        lastt = toks[-1]
        phrase = " ".join(words[s:])
        definite = words[s].lower() in ("the", "this", "that", "these", "those", "his", "her", "its", "their") or any(
            x.endswith(("'s", "’s")) for x in words[s:k])
        return Mention("anon", first[1], lastt[2], phrase, tuple(words[s:]), definite=definite, head=head)
    return None


_REPORT_SET = frozenset(v.lower() for v in _ALL_VERBS)


# Last words a trailing adverbial (``_TRAIL_ADV_RE``) can end with; "in a
# statement to <Anyone>" can end with any word, so "in a/the ..." is checked apart.
_TRAIL_LAST = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday week month year night morning afternoon
    evening weekend yesterday today tonight recently previously also again publicly privately separately
    repeatedly earlier later then once first simply flatly bluntly frankly openly reportedly further now
    already statement interview letter email e-mail speech post tweet report release briefing conference
    filing message video note address remarks comments op-ed column blog posting broadcast podcast
    testimony memo notice announcement had has have was were is would will did does do long sharply
    quickly strongly clearly however too""".split()
)
_IN_A_RE = re.compile(r"\bin\s+(?:a|an|the|his|her|its|their)\s", re.I)


def _may_trail(seg: str) -> bool:
    """Could ``_TRAIL_ADV_RE`` match at the end of ``seg``? (A cheap test first.)"""
    tail = seg.rstrip().rstrip(",").rstrip()
    word = tail[tail.rfind(" ") + 1 :].strip(".,'’\"").lower()
    if word in _TRAIL_LAST or word.isdigit():
        return True
    return _IN_A_RE.search(seg, max(0, len(seg) - 160)) is not None


def _np_at_end(text: str, lo: int, hi: int) -> Mention | None:
    """The subject noun phrase that ends right before ``hi``."""
    seg = text[lo:hi]
    # strip trailing adverbials ("on Thursday", "also", "in a statement")
    while _may_trail(seg):
        m = _TRAIL_ADV_RE.search(seg, max(0, len(seg) - 160))
        if not m or m.start() == 0:
            break
        cut = m.start()
        if seg[cut] == "," and re.match(r",\s*(?:had|has|have|was|were|is|would|will|did|does|do)\b", seg[cut:], re.I):
            cut += 1  # "X, an Australian woman, has claimed": keep the appositive's comma
        seg = seg[:cut]
        if seg.endswith(","):
            break
    hi = lo + len(seg.rstrip())
    if hi - lo > 300:
        sp = text.find(" ", hi - 300, hi)
        lo = sp + 1 if sp >= 0 else lo
    toks = _tokens(text, lo, hi)
    if not toks:
        return None
    if toks[-1][0] == ",":
        return _np_before_appositives(text, toks)
    return _np_simple(toks)

_HARD_STOPS = frozenset((";", ":", MASK, '"', "“", "”"))
_AUX_WORDS = frozenset("is are was were be been has have had will would can could may might shall should must do "
                       "does did said says told".split())
_PARTY_RE = re.compile(r"[A-Z]\s*-\s*[A-Z][A-Za-z.]*")
_POSTNOMINALS = frozenset("qc kc mp mep jr sr phd md esq obe mbe cbe ii iii".split())


def _comma_segments(toks: list[tuple[str, int, int]]) -> list[tuple[int, int]]:
    """Comma-separated segments before the final comma of ``toks`` (token index
    ranges, left to right); a parenthesis is kept inside its segment."""
    segs: list[tuple[int, int]] = []
    b = len(toks) - 1
    k = b - 1
    depth = 0
    while k >= 0 and len(segs) < 6 and len(toks) - k < 60:
        w = toks[k][0]
        if w == ")":
            depth += 1
        elif w == "(":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and (w in _HARD_STOPS or w == ","):
            if w != ",":
                break
            segs.append((k + 1, b))
            b = k
        k -= 1
    segs.append((k + 1, b))
    segs.reverse()
    return [(a, b) for a, b in segs if b > a] or [(0, 0)]


def _appositive_seg(toks: list[tuple[str, int, int]], seg: tuple[int, int], prev: tuple[int, int]) -> bool:
    """Does this comma segment describe the noun phrase before it?

    ``a spokesperson for X`` / ``the club's captain`` / ``who runs the shop`` /
    ``45`` / ``QC`` / ``CEO of Acme`` / a place after a descriptive segment
    (``..., curator at the University of Arkansas, Fayetteville,``).
    """
    a, b = seg
    words = [t[0] for t in toks[a:b]]
    if not words:
        return True
    w0 = words[0]
    l0 = w0.lower()
    if l0 in ("and", "or", "but", "nor"):
        # "..., and president of the Society," continues the description;
        # "..., and Jones," adds a second subject
        return len(words) > 1 and (not words[1][:1].isupper() or words[1].lower() in ("a", "an", "the"))
    if len(words) <= 2 and _PARTY_RE.fullmatch(" ".join(words)):
        return True  # "Sen. David Pryor, D-Ark., said"
    if not words[-1][:1].isupper() and (is_title(words[-1]) or speaker_head(words[-1])) and \
            not any(is_title(w) for w in words[:-1] if w[:1].isupper()):
        return True  # "Hernan Dario Gomez, Panama coach, said"
    if not w0[:1].isupper():
        # lowercase start: a description, an age, a relative clause; not a
        # predicate ("Acme, a unit of X, is raising ..., said")
        return len(words) <= 24 and l0 not in _AUX_WORDS
    if l0 in ("the", "a", "an", "his", "her", "its", "their") or l0.endswith(("'s", "’s")):
        return True
    if len(words) == 1 and norm(w0) in _POSTNOMINALS:
        return True
    if is_title(w0):
        # "CEO of Acme" describes; "Professor Tāne Rāwiri of X" names
        k = 1
        while k < len(words) and _is_cap_tok(words[k]):
            k += 1
        run = words[1:k]
        return not (len(run) >= 2 and not looks_org(" ".join(run)))
    pw = [t[0] for t in toks[prev[0] : prev[1]]]
    descriptive = bool(pw) and (not pw[0][:1].isupper() or pw[0].lower() in ("a", "an", "the"))
    if descriptive and len(words) <= 3 and all(_is_cap_tok(w) for w in words) and _is_cap_tok(pw[-1]):
        return True  # "..., at the University of Arkansas, Fayetteville,"
    return False


def _np_before_appositives(text: str, toks: list[tuple[str, int, int]]) -> Mention | None:
    """The subject before a speech verb when ``toks`` ends with a comma.

    ``Ned Price, a spokesperson for the State Department, said`` -> Ned Price;
    ``Cynthia Thompson, curator at the University of Arkansas, Fayetteville,
    said`` -> Cynthia Thompson; ``The secretary general of CEI, Nunzio
    Galantino, has called`` -> Nunzio Galantino; ``Her co-author, Professor
    Tāne Rāwiri of Lincoln University, said`` -> Tāne Rāwiri.
    """
    segs = _comma_segments(toks)
    if len(segs) == 1:
        return _np_simple(toks[:-1]) if len(toks) > 1 else None
    i = len(segs) - 1
    while i > 0 and _appositive_seg(toks, segs[i], segs[i - 1]):
        i -= 1
    hb = segs[i][1]
    if hb <= 0:
        return None
    m = _np_simple(toks[:hb])
    appositive = None
    app_toks: list[tuple[str, int, int]] = []
    if i + 1 < len(segs):
        app_toks = toks[segs[i + 1][0] : segs[-1][1]]
        if app_toks:
            appositive = text[app_toks[0][1] : app_toks[-1][2]]
            if appositive.split()[0].lower() in ("who", "which", "that", "where", "when", "while", "and", "but"):
                appositive = None
    if m is not None and m.kind in ("anon", "role", "pron") and appositive and app_toks[0][0][:1].isupper():
        # "Her co-author, Professor Tāne Rāwiri of Lincoln University, said"
        k = 0
        while k < len(app_toks) and _is_cap_tok(app_toks[k][0]):
            k += 1
        pm = _run_mention(app_toks[:k], False)
        if pm is not None and pm.kind == "name" and not looks_org(" ".join(pm.tokens)):
            pm.role = " ".join(x[0] for x in app_toks[k:]) or None
            return pm
    if m is None or m.kind == "anon":
        return m
    if appositive:
        m.role = strip_det(appositive)
    elif m.kind == "name" and i > 0 and m.start == toks[segs[i][0]][1]:
        # "The secretary general of CEI, Nunzio Galantino,": the role before
        pa, pb = segs[i - 1]
        pw = [t[0] for t in toks[pa:pb]]
        if pw and pw[0].lower() in ("the", "a", "an", "its", "his", "her", "their") and len(pw) > 1:
            m.role = strip_det(text[toks[pa][1] : toks[pb - 1][2]])
    return m


def _np_simple(toks: list[tuple[str, int, int]]) -> Mention | None:
    last = toks[-1][0]
    ll = last.lower()
    if ll in PRONOUNS and ll != "i":
        return Mention("pron", toks[-1][1], toks[-1][2], last)
    if ll in ("i", "we", "you"):
        return None
    if ll in THING_NOUNS and len(toks) >= 2:
        # "Cornyn's statement added": the owner of the statement speaks
        ow, os_, oe = toks[-2]
        if ow.endswith(("'s", "’s")) and len(ow) > 2 and (
                _is_cap_tok(ow) or speaker_head(ow[:-2])):
            owner = _np_simple(toks[:-2] + [(ow[:-2], os_, oe - 2)])
            if owner is not None and owner.kind in ("name", "anon"):
                return owner
    if _is_cap_tok(last) and not last.isdigit():
        j = len(toks) - 1
        while j > 0:
            prev = toks[j - 1][0]
            if _is_cap_tok(prev) or (prev.lower() in _CONNECTORS and j - 1 > 0 and _is_cap_tok(toks[j - 2][0])):
                j -= 1
                continue
            break
        if j >= 2 and toks[j - 1][0] == "and" and _is_cap_tok(toks[j - 2][0]):
            # "Savings and Loan Association", "S and P": one name
            i = j - 2
            while i > 0 and (_is_cap_tok(toks[i - 1][0]) or (toks[i - 1][0].lower() in _CONNECTORS and i - 1 > 0
                                                             and _is_cap_tok(toks[i - 2][0]))):
                i -= 1
            if _and_extend(toks, i, j - 1) == len(toks):
                j = i
        elif j >= 3 and _of_the_at(toks, j - 2):
            # "Chancellor of the Exchequer Nigel Lawson": role, institution, name
            i = j - 3
            while i > 0 and _is_cap_tok(toks[i - 1][0]):
                i -= 1
            r = _of_the_mention(toks, i, j - 2)
            if r is not None and r[1] == len(toks):
                return r[0]
        run = toks[j:]
        definite = j > 0 and toks[j - 1][0].lower() == "the"
        # "Matthew Ingram of The Globe and Mail": the person before "of"
        k = j
        if k >= 2 and toks[k - 1][0].lower() in ("and", "&") and _is_cap_tok(toks[k - 2][0]):
            k -= 2
            while k > 0 and _is_cap_tok(toks[k - 1][0]):
                k -= 1
        if k > 0 and toks[k - 1][0].lower() == "the":
            k -= 1
        if k >= 2 and toks[k - 1][0].lower() in ("of", "from", "at") and _is_cap_tok(toks[k - 2][0]):
            q = k - 1
            while q > 0 and _is_cap_tok(toks[q - 1][0]) and k - 1 - q < 4:
                q -= 1
            person = toks[q : k - 1]
            pw = [x[0] for x in person]
            if 2 <= len(pw) <= 4 and not any(norm(w) in ORG_WORDS for w in pw) and not looks_org(" ".join(pw)):
                pm = _run_mention(person, False)
                if pm is not None and pm.kind == "name":
                    pm.role = " ".join(x[0] for x in toks[k - 1 :])
                    return pm
        pm = _person_of(run, definite)
        if pm is not None:
            return pm
        m = _run_mention(run, definite)
        if m is not None:
            return m
        if last[-2:] in ("'s", "’s") and len(last) > 3 and not definite:
            # "Moody's said", "Standard and Poor's said": no noun follows the
            # possessive, so it is a firm's name (a person's name has none);
            # only as a subject ("challenging Continental's reported loss" is not)
            i = j
            if j >= 2 and toks[j - 1][0] == "and" and _is_cap_tok(toks[j - 2][0]):
                i = j - 2
                while i > 0 and _is_cap_tok(toks[i - 1][0]):
                    i -= 1
            words = tuple(t[0] for t in toks[i:])
            if (i == 0 or not _is_word(toks[i - 1][0])) and not any(norm(w) in FUNCTION_WORDS and w != "and" or is_title(w) for w in words) and \
                    norm(last[:-2]) not in PLACES and norm(last[:-2]) not in COUNTRIES:
                return Mention("name", toks[i][1], toks[-1][2], " ".join(words), words, name_start=toks[i][1],
                               firm=True)
    return _common_np(toks)


def _person_of(run: list[tuple[str, int, int]], definite: bool) -> Mention | None:
    """"Professor Tāne Rāwiri of Lincoln University": the person before "of"."""
    for q in range(2, min(len(run) - 1, 6)):
        if run[q][0] == "of":
            pw = [x[0] for x in run[:q]]
            if not any(norm(w) in ORG_WORDS for w in pw) and not is_title(pw[-1]) and \
                    sum(1 for w in pw if not is_title(w)) >= 2:
                pm = _run_mention(run[:q], definite)
                if pm is not None and pm.kind == "name":
                    pm.role = " ".join(x[0] for x in run[q:])
                    return pm
            break
    return None


def _np_after(text: str, pos: int, hi: int) -> Mention | None:
    """The subject right after an inverted verb: ``said Luis Ferreira, the club's captain.``"""
    toks = _tokens(text, pos, hi)
    if not toks:
        return None
    first = toks[0][0]
    fl = first.lower()
    if fl in PRONOUNS and fl not in ("i", "it", "they", "we"):
        return Mention("pron", toks[0][1], toks[0][2], first)
    # take tokens up to punctuation
    j = 0
    while j < len(toks) and _is_word(toks[j][0]) and j < 14:
        if toks[j][0].lower() in ("who", "which", "that", "on", "in", "at", "after", "before", "when", "while",
                                  "during", "as", "because", "adding", "saying", "and"):
            if toks[j][0] == "and" and j > 0 and _is_cap_tok(toks[j - 1][0]):
                i = j
                while i > 0 and _is_cap_tok(toks[i - 1][0]):
                    i -= 1
                r = _and_extend(toks, i, j)
                if r > j:
                    j = r  # "said Standard and Poor's Corp"
                    continue
            break
        j += 1
    seg = toks[:j]
    if not seg:
        return None
    m = None
    if _is_cap_tok(seg[0][0]) or (seg[0][0].lower() == "the" and len(seg) > 1 and _is_cap_tok(seg[1][0])):
        definite = seg[0][0].lower() == "the"
        run = seg[1:] if definite else seg
        k = 0
        while True:
            while k < len(run) and (_is_cap_tok(run[k][0]) or (run[k][0].lower() in _CONNECTORS and k + 1 < len(run)
                                                            and _is_cap_tok(run[k + 1][0]))):
                k += 1
            k2 = _and_extend(run, 0, k)
            if k2 == k:
                break
            k = k2
        r = _of_the_mention(run, 0, k) if _of_the_at(run, k) else None
        if r is not None:
            m = r[0]  # "said Chancellor of the Exchequer Nigel Lawson"
        elif k == len(run):
            m = (_person_of(run, definite) if "and" in [t[0] for t in run] else None) or _run_mention(run, definite)
        elif k > 0 and definite and run[k][0][:1].islower() and run[k][0].lower() not in _CONNECTORS:
            # "the Crown prosecutor": capitalised words modifying a common noun
            m = _common_np(seg)
            if m is None or m.start != seg[0][1]:
                m = _run_mention(run[:k], definite)
        elif k > 0 and (run[k][0].lower() in ("of", "for") and not definite or run[k][0][:1].islower()):
            m = _run_mention(run[:k], definite)
    if m is None:
        m = _common_np(seg)
        if m is not None and m.start != seg[0][1]:
            m = None
    if m is None:
        return None
    # appositive role: ", the club's captain" / ", a spokesperson for X"
    after = text[m.end:hi]
    am = re.match(r",\s+((?:(?:a|an|the)\s+)?[^,.;:\x00\"“”]{2,100}?)\s*(?:[,.;]|$)", after)
    if am and m.kind in ("name",):
        first = am.group(1).split()[0]
        fl = first.lower()
        if fl in ("a", "an", "the", "its", "his", "her", "their") or is_title(first) or speaker_head(first) or (
                fl.endswith("'s") or fl.endswith("’s")):
            m.role = strip_det(am.group(1))
    elif am and m.kind in ("role", "anon"):
        # "the Crown prosecutor, Mark Tedeschi, QC": the name in apposition
        nm2 = re.match(r",\s+((?:[A-ZÀ-ÖØ-Þ\u0100-\u017f][\w’'\-]*\.?\s+){1,3}[A-ZÀ-ÖØ-Þ\u0100-\u017f][\w’'\-]*)\s*(?:[,.;]|$)", after)
        if nm2:
            toks = _tokens(text, m.end + nm2.start(1), m.end + nm2.end(1))
            pm = _run_mention([x for x in toks if _is_word(x[0])], False)
            if pm is not None and pm.kind == "name" and len(pm.tokens) >= 2:
                pm.role = strip_det(m.text)
                return pm
    return m


def _sentence_subject(text: str, lo: int, hi: int) -> Mention | None:
    """The first noun phrase of a sentence, after an introductory phrase."""
    dm = _DATELINE_RE.match(text, lo, hi)
    if dm:
        lo = dm.end()  # "NEW YORK, March 2 - Chemical Bank said ..."
    toks = _tokens(text, lo, hi)
    if not toks:
        return None
    # skip "Earlier on Saturday," / "In an interview with CBS news," /
    # "Speaking to reporters," / "Asked about the plan,"
    for i, t in enumerate(toks[:9]):
        if t[0] == ",":
            if i + 1 < len(toks):
                first = toks[0][0].lower()
                if first in FUNCTION_WORDS or first in ("in", "on", "at", "after", "before", "earlier", "later") or (
                        len(first) > 4 and first.endswith(("ing", "ed")) and first not in _REPORT_SET):
                    toks = toks[i + 1 :]
                    # "For Kevin Allton, a USI instructor, Warhol was ...":
                    # an appositive closing the introduction
                    if toks and toks[0][0].lower() in ("a", "an", "the", "who", "whose", "which"):
                        for i2, t2 in enumerate(toks[:14]):
                            if t2[0] in (";", ":", MASK):
                                break
                            if t2[0] == ",":
                                toks = toks[i2 + 1 :]
                                break
            break
    if not toks:
        return None
    t0 = toks[0][0]
    if t0.lower() in PRONOUNS and t0.lower() not in ("i", "we", "you"):
        return Mention("pron", toks[0][1], toks[0][2], t0)
    j = 0
    definite = False
    if t0.lower() in ("the", "a", "an"):
        definite = t0.lower() == "the"
        j = 1
    k = j
    while True:
        while k < len(toks) and (_is_cap_tok(toks[k][0]) or (toks[k][0].lower() in _CONNECTORS and k + 1 < len(toks)
                                                              and _is_cap_tok(toks[k + 1][0]))):
            k += 1
        k2 = _and_extend(toks, j, k)
        if k2 == k:
            break
        k = k2
    if k > j and _of_the_at(toks, k):
        r = _of_the_mention(toks, j, k)
        if r is not None:
            return r[0]  # "Chancellor of the Exchequer Nigel Lawson said"
    rm = None
    if k > j and k + 1 < len(toks) and toks[k][0][:1].islower() and (is_title(toks[k][0]) or speaker_head(toks[k][0])):
        # "Polish National Bank head Wladyslaw Baka, ...": ORG ROLE NAME
        k2 = k + 1
        while k2 < len(toks) and _is_cap_tok(toks[k2][0]):
            k2 += 1
        if k2 - (k + 1) >= 2:
            pm = _run_mention(toks[k + 1 : k2], False)
            if pm is not None and pm.kind == "name" and not looks_org(" ".join(pm.tokens)):
                pm.role = " ".join(t[0] for t in toks[j : k + 1])
                return pm
    if k > j:
        rm = _run_mention(toks[j:k], definite)
        if (j == 0 and rm is not None) or k >= len(toks) or not toks[k][0][:1].islower():
            return _apposed_name(text, rm, hi)
        # "the Crown prosecutor" / "a USI instructor": the capitalised words
        # modify a common noun, tried below
    # "One poster admitted ..., writing" / "A spokesman for Airbus confirmed":
    # a short common noun phrase, ending at its head or a prepositional tail
    k = 0
    while k < len(toks) and k < 6 and _is_word(toks[k][0]) and toks[k][0].lower() not in _REPORT_SET:
        k += 1
    best = None
    for end in range(1, k + 1):
        cm = _common_np(toks[:end])
        if cm is None or cm.start != toks[0][1]:
            continue
        last = toks[end - 1][0]
        prev = toks[end - 2][0].lower() if end >= 2 else ""
        if last == cm.head or _is_cap_tok(last) or prev in ("of", "for", "at", "from", "with", "in", "the", "a", "an"):
            best = cm
    return _apposed_name(text, best or rm, hi)


_APPOSED_NAME_RE = re.compile(r",\s+((?:[A-ZÀ-ÖØ-Þ\u0100-\u017f][\w’'\-]*\.?\s+){1,3}[A-ZÀ-ÖØ-Þ\u0100-\u017f][\w’'\-]*)\s*,")


def _apposed_name(text: str, m: Mention | None, hi: int) -> Mention | None:
    """``Dunmore's manager, Gary Whitcombe, called ...``: a role or common noun
    subject followed by a person's name in apposition is that person."""
    if m is None or m.kind not in ("anon", "role"):
        return m
    nm = _APPOSED_NAME_RE.match(text, m.end, hi)
    if nm is None:
        return m
    toks = [x for x in _tokens(text, nm.start(1), nm.end(1)) if _is_word(x[0])]
    pm = _run_mention(toks, False)
    if pm is None or pm.kind != "name" or len(pm.tokens) < 2 or looks_org(" ".join(pm.tokens)):
        return m
    pm.role = strip_det(m.text)
    return pm


# --------------------------------------------------------------------------
# Quotation marks
# --------------------------------------------------------------------------


def _pair_marks(t: str) -> tuple[list[tuple[int, int]], int | None]:
    """Pair the double quotation marks of one paragraph.

    Returns ``(pairs, open_at_end)``: ``pairs`` are ``(open_index, close_index)``
    mark positions; ``open_at_end`` is the position of an opening mark left
    unclosed at the end of the paragraph (or ``None``).
    """
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    n = len(t)
    for mm in _MARK_RE.finditer(t):
        i = mm.start()
        c = t[i]
        prev = t[i - 1] if i > 0 else " "
        nxt = t[i + 1] if i + 1 < n else " "
        if c == '"':
            if prev.isalpha() and nxt.isalpha():
                continue  # mis-encoded apostrophe: country"s, don"t
            if open_at is None:
                if (nxt.isspace() or i + 1 == n) and not (prev.isspace() or i == 0):
                    # a stray closing mark, unless it follows a speech tag's
                    # comma or colon with the space misplaced: 'said," It...'
                    if not (prev in ",:" and i + 1 < n and _MARK_RE.search(t, i + 1)):
                        continue
                open_at = i
            else:
                if (prev.isspace() and not nxt.isspace() and nxt not in ".,;:!?)") and i - open_at > 1:
                    # looks like an opener: the previous quote was never closed
                    if t[open_at + 1 : i].strip():
                        pass
                    open_at = i
                    continue
                pairs.append((open_at, i))
                open_at = None
        elif c in _OPEN_MARKS:
            if open_at is not None and c == "“" and not prev.isspace() and (
                    nxt.isspace() or i + 1 == n or nxt in ".,;:!?)"):
                # a wrongly curled closing mark: 'decision.“ However'
                pairs.append((open_at, i))
                open_at = None
                continue
            open_at = i
        else:  # closing curly mark
            if open_at is not None:
                pairs.append((open_at, i))
                open_at = None
    return pairs, open_at


def _starts_with_open(t: str) -> bool:
    s = t.lstrip()
    return bool(s) and (s[0] in _OPEN_MARKS or s[0] == '"')


# --------------------------------------------------------------------------
# The engine
# --------------------------------------------------------------------------


@dataclass
class _Piece:
    par: int
    lo: int  # paragraph-local inner start (after trimming)
    hi: int
    open: int  # mark index (or -1 for a continuation without mark)
    close: int  # close mark index, or len(t) when open at the end
    group: int
    kind: str = "direct"
    mention: Mention | None = None
    speaker: str | None = None
    scare: bool = False
    cue_found: bool = False
    cue: tuple[int, int] | None = None


class _Engine:
    def __init__(self, source: str, paragraphs: Sequence[Span]) -> None:
        self.source = source
        pars: list[tuple[int, str]] = []
        n = len(source)
        for p in paragraphs:
            try:
                s, e = int(p.start), int(p.end)
            except Exception:
                continue
            if s < 0 or e > n or s >= e:
                continue
            pars.append((s, source[s:e]))
        self.pars = pars
        self.reg = Registry()
        self.quotes: list[tuple[int, int, str, str | None, int, tuple[int, int] | None]] = []
        self.entity_of_span: dict[tuple[int, int], str | None] = {}
        self._named_spans = SortedList()  # the spans in entity_of_span that name someone
        self._sent_ends: dict[int, tuple[int, re.Match | None]] = {}
        self._verb_cache: dict[tuple[int, int], tuple[list[re.Match], list[int], int]] = {}
        self._pi_of_base = {b: i for i, (b, _) in enumerate(pars)}

    # -- pre-pass ----------------------------------------------------------

    def prepass(self, spans_by_par: list[list[tuple[int, int]]]) -> None:
        runs = []
        for pi, (base, t) in enumerate(self.pars):
            qspans = spans_by_par[pi]  # sorted and disjoint
            opens = [o for o, _ in qspans]
            dm = _DATELINE_RE.match(t) if t[:2].isupper() else None
            skip = 0
            for m in _RUN_RE.finditer(t, dm.end() if dm else 0):
                ms = m.start()
                if ms < skip:
                    continue  # joined to the run before it by "and"
                g = m.group()  # (a wire dateline, "MARLBOROUGH, Mass., March 4 -", names no one)
                am = m  # the match whose "(ACR)" counts
                if t[m.end() + 1 : m.end() + 2] in ("a", "&") and m.group(1) is None:
                    gm = _AND_GAP_RE.match(t, m.end())
                    m2 = _RUN_RE.match(t, gm.end()) if gm else None
                    if m2 is not None and and_joins(g.split(), t[m2.start() : m2.start(1) if m2.group(1) else m2.end()].split()):
                        am = m2  # "Savings and Loan Association", "S and P"
                        g = t[ms : m2.end()]
                        skip = m2.end()
                if len(g) > 80:
                    continue  # an all-capitals line or a table: not a name
                if " " not in g and "-" not in g and g.lower() in FUNCTION_WORDS:
                    continue
                acr = am.group(1)
                e0 = am.start(1) - 1 if acr else am.end()
                pre_role = None
                if acr is None and " " not in g and "." not in g and g[-1].isalnum():
                    toks = [(g, ms, m.end())]  # the common case: one word
                else:
                    toks = [(x.group(), x.start(), x.end()) for x in _TOKEN_RE.finditer(t, ms, e0)]
                    toks = [x for x in toks if _is_word(x[0])]
                    if len(toks) >= 3 and t.endswith("the", 0, ms - 1):
                        # "Chancellor of the Exchequer Nigel Lawson": the role
                        # reaches back before the run, the name is at its end
                        before = _tokens(t, max(0, ms - 100), ms)
                        p = len(before) - 2
                        both = before + toks
                        if _of_the_at(both, p):
                            i = p - 1
                            while i > 0 and _is_cap_tok(both[i - 1][0]):
                                i -= 1
                            r = _of_the_mention(both, i, p)
                            if r is not None and r[1] == len(both):
                                toks = [x for x in toks if x[1] >= r[0].name_start]
                                pre_role = r[0].role
                for q in range(2, min(len(toks) - 1, 5)):
                    if toks[q][0] == "of":
                        pw = [x[0] for x in toks[:q]]
                        if not any(norm(w) in ORG_WORDS for w in pw) and not is_title(pw[-1]) and \
                                sum(1 for w in pw if not is_title(w)) >= 2:
                            toks = toks[:q]
                        break
                toks = _clean_run(toks)
                if not toks:
                    continue
                words = [x[0] for x in toks]
                if words[-1].endswith(("'s", "’s")):
                    words[-1] = words[-1][:-2]
                    if not words[-1]:
                        continue
                s, e = toks[0][1], toks[-1][2]
                if t[e - 2 : e] in ("'s", "’s"):
                    e -= 2
                k = bisect.bisect_left(opens, s) - 1  # the last quote opening before the run
                inside = k >= 0 and s < qspans[k][1]
                offs = [base + x[1] for x in toks]
                runs.append((pi, base + s, base + e, words, acr, base + am.start(1) if acr else None, inside, offs,
                             pre_role))
        reg = self.reg
        src = self.source
        for pi, s, e, toks, acr, acr_at, inside, offs, _ in runs:
            _, name_toks = split_role(toks)
            name = " ".join(src[offs[len(toks) - len(name_toks)] : e].split()) if name_toks else None
            if acr and acronym_matches(toks, acr):
                reg.learn_run(toks, s, e, acronym=acr, name=name)
            else:
                reg.learn_run(toks, s, e, name=name)
        for pi, s, e, toks, acr, acr_at, inside, offs, pre_role in runs:
            if inside:
                continue  # names inside a quote are not antecedents
            role, name_toks = split_role(toks)
            if pre_role:
                role = pre_role
            if not name_toks or is_title(name_toks[-1]):
                continue
            name = " ".join(name_toks)
            if offs:
                name = " ".join(self.source[offs[len(toks) - len(name_toks)] : e].split())
            if any(norm(w) in NONPERSON_WORDS for w in name_toks):
                continue
            org = looks_org(name) or (acr is not None and acronym_matches(toks, acr))
            kind = "organisation" if org else "person"
            canon = reg.canonical_name(name, kind)
            if kind == "person" and len(name_toks) < 2 and canon == name and not role:
                continue  # an unknown single capitalised word: not evidence of a person
            if kind == "person" and len(name_toks) > 4:
                continue
            surface = self.source[s:e]
            reg.add(name, kind, (s, e), surface, role)
            if kind == "person" and len(name_toks) >= 2:
                reg.note_role(reg.canonical_name(name, kind), role or _role_before(src, s))
            if acr and acr_at is not None and acronym_matches(toks, acr):
                reg.add(acr, kind, (acr_at, acr_at + len(acr)), acr)

    # -- resolving mentions --------------------------------------------------

    def resolve(self, m: Mention | None, base: int, quote: str | None = None) -> tuple[str | None, tuple[int, int] | None]:
        """The canonical speaker a mention refers to (``quote``: the words it introduces)."""
        if m is None:
            return None, None
        span = (base + m.start, base + m.end)
        if span in self.entity_of_span:
            return self.entity_of_span[span], span
        reg = self.reg
        name: str | None = None
        if m.kind == "pron":
            exclude = self._named_in(quote) if quote else frozenset()
            ent = self._subject_antecedent(m, base, exclude)
            if ent is None:
                ent = reg.resolve_pronoun(m.text, span[0], exclude)
            if ent is not None:
                ent.add_mention(span)
                name = ent.name
        elif m.kind == "role":
            ent = reg.by_role(m.head, span[0])
            if ent is not None:
                ent.add_alias(m.text)
                ent.add_mention(span)
                name = ent.name
        elif m.kind == "name":
            role, name_toks = split_role(list(m.tokens))
            nm = " ".join(name_toks)
            if m.name_start >= 0 and name_toks:
                # the name as written (keeps "Manufacturers' Association")
                nm = " ".join(self.source[base + m.name_start : base + m.end].split())
            if nm.endswith(("'s", "’s")):
                if m.firm:
                    # the firm's full name seen earlier ("Moody's Investors Service Inc")
                    nm = reg.names.org_starting(nm) or nm
                else:
                    nm = nm[:-2]
            if nm.endswith(".") and not re.fullmatch(r"(?:[A-ZÀ-ÖØ-Þ\u0100-\u017f]\.)+", nm):
                nm = nm[:-1]
            if not nm:
                return None, None
            kind = "organisation" if (looks_org(nm) or m.definite or m.firm or nm in reg.acronyms) else "person"
            if kind == "organisation" and " " not in nm and nm not in reg.acronyms \
                    and reg.canonical_name(nm, "person") != nm:
                kind = "person"
            ent = reg.add(nm, kind, span, self.source[span[0] : span[1]], role or None)
            if m.role and ent.kind == "person":
                reg.note_role(ent.name, m.role)
            name = ent.name
        elif m.kind == "anon":
            ent = reg.add_anonymous(m.text, m.head, span, m.definite)
            name = ent.name
        self.entity_of_span[span] = name
        if name is not None:
            self._named_spans.add(span)
        return name, span

    def _named_in(self, quote: str) -> frozenset[str]:
        """Persons whose surname the quotation itself contains: a speaker does
        not usually talk about himself by name, so ``He said, "Warhol was..."``
        is not Warhol speaking."""
        return self.reg.persons_named(set(_WORD_RE.findall(quote)))

    def _subject_antecedent(self, m: Mention, base: int, exclude: frozenset[str]):
        """A pronoun refers first to the subject of a recent sentence.

        Looks back over the sentences before the pronoun's own (this paragraph,
        then the previous one; at most four) and takes the first whose subject
        (a resolved speech cue in it, else its first noun phrase) fits the
        pronoun: ``Rathbun asked donors to help Montalvo. He described ...``
        is Rathbun, not the more recent Montalvo.
        """
        pi = self._pi_of_base.get(base)
        if pi is None:
            return None
        cur, cend = self._sentence_of(pi, m.start)
        mt = self.masked[pi]
        lead = _LEAD_JUNK_RE.sub("", mt[cur : m.start])
        if lead:
            sm = _sentence_subject(mt, cur, cend)
            if sm is None or sm.start != m.start:
                return None  # not the subject of its sentence: recency decides
        spans = self.sentences[pi]
        before = bisect.bisect_right(spans, cur, key=lambda span: span[1])  # those ending by cur
        seq = [(pi, s, e) for s, e in reversed(spans[max(before - 4, 0) : before])]
        if pi > 0:
            seq += [(pi - 1, s, e) for s, e in reversed(self.sentences[pi - 1][-4:])]
        reg = self.reg
        g = PRONOUNS.get(m.text.lower())
        for pj, s, e in seq[:4]:
            pbase = self.pars[pj][0]
            cands: list[tuple[str | None, int]] = []
            cue = self._named_spans.first_from((pbase + s,))  # the first resolved cue in the sentence
            if cue is not None and cue[0] < pbase + e:
                cands.append((self.entity_of_span[cue], cue[1] - pbase))
            mt = self.masked[pj]
            subj = [_sentence_subject(mt, s, e)]
            for vm in _verbs(mt, s, e):
                # "..., a spokeswoman said in response": the speech verb's subject
                subj.append(_np_at_end(mt, s, vm.start()))
                break
            for sm in subj:
                if sm is not None and sm.kind in ("name", "anon", "role"):
                    nm, _ = self.resolve(sm, pbase)
                    cands.append((nm, sm.end))
            ent = None
            for name, after in cands:
                ent = reg.entities.get(name) if name else None
                if ent is not None and name not in exclude and reg.pronoun_fits(ent, m.text):
                    break
                ent = None
            if ent is None:
                continue
            if g in ("m", "f") and not ent.gender:
                # 'Kiara Perkins ... admitted she was': the first personal
                # pronoun after a subject usually refers back to it
                gm = _GENDER_PRON_RE.search(self.masked[pj], after, e)
                if gm is not None:
                    reg.set_gender(ent, "m" if gm.group().lower() in ("he", "him", "his", "himself") else "f")
                    if ent.gender != g:
                        continue
                reg.set_gender(ent, g)
            return ent
        return None

    # -- per-paragraph ------------------------------------------------------

    def run(self) -> Attribution:
        pieces: list[_Piece] = []
        spans_by_par: list[list[tuple[int, int]]] = []
        group = 0
        carry_open = False  # previous paragraph left a quote open
        masked: list[str] = []
        for pi, (base, t) in enumerate(self.pars):
            pairs, open_at = _pair_marks(t)
            spans: list[tuple[int, int]] = list(pairs)
            if open_at is not None:
                spans.append((open_at, len(t)))
            spans_by_par.append(spans)
            # a paragraph that starts inside an open quote but has no opener
            cont = carry_open and _starts_with_open(t)
            mlist = list(t)
            for k, (o, c) in enumerate(spans):
                lo, hi = o + 1, c
                while lo < hi and t[lo].isspace():
                    lo += 1
                while hi > lo and t[hi - 1].isspace():
                    hi -= 1
                for x in range(o + 1, c):
                    mlist[x] = MASK
                if hi <= lo:
                    continue
                if k == 0 and cont and t[: o].strip() == "":
                    g = group  # continues the previous group
                else:
                    group += 1
                    g = group
                pieces.append(_Piece(pi, lo, hi, o, c, g))
            masked.append("".join(mlist))
            carry_open = open_at is not None
        # a piece left open at paragraph end whose next paragraph does not
        # reopen: keep it (runs to the paragraph end) but it is its own group.
        self.masked = masked
        self.prepass(spans_by_par)
        by_par: dict[int, list[_Piece]] = {}
        for p in pieces:
            by_par.setdefault(p.par, []).append(p)
        self.sentences = [self._sentences(pi, masked[pi], by_par.get(pi, [])) for pi in range(len(self.pars))]

        # attribute groups
        groups: dict[int, list[_Piece]] = {}
        for p in pieces:
            groups.setdefault(p.group, []).append(p)

        results: list[tuple[int, int, str, str | None, int, tuple[int, int] | None]] = []
        last_speaker_of_par: dict[int, str | None] = {}
        done_groups: set[int] = set()
        for pi, (base, t) in enumerate(self.pars):
            m = masked[pi]
            items: list[tuple[int, str, object]] = []
            for p in by_par.get(pi, []):
                items.append((p.lo, "q", p))
            for r in self._reported(pi, base, t, m):
                items.append((r[0], "r", r))
            items.sort(key=lambda x: x[0])
            prev_speaker: str | None = None
            for _, typ, obj in items:
                if typ == "r":
                    lo, hi, mention = obj  # type: ignore[misc]
                    name, cue = self.resolve(mention, base)
                    if name is None:
                        continue
                    results.append((base + lo, base + hi, "reported", name, pi, cue))
                    prev_speaker = name
                    ent = self.reg.entities.get(name)
                    if ent is not None:
                        self.reg.credit(ent)  # a speaker: preferred by "the company"
                    continue
                p: _Piece = obj  # type: ignore[assignment]
                if p.group not in done_groups:
                    self._attribute_group(groups[p.group], last_speaker_of_par)
                    done_groups.add(p.group)
                if p.speaker is None and not p.scare and not p.cue_found and p.kind == "direct" and prev_speaker:
                    # the next quote of a paragraph continues the same speaker
                    p.speaker = prev_speaker
                    ent = self.reg.entities.get(prev_speaker)
                    if ent is not None:
                        self.reg.credit(ent)
                results.append((base + p.lo, base + p.hi, p.kind, p.speaker, pi, p.cue))
                if p.speaker is not None:
                    prev_speaker = p.speaker
            # the last speaker of the paragraph, quoted or reported: a quote
            # opening the next paragraph without a cue continues with them
            last_speaker_of_par[pi] = prev_speaker
        return self._finish(results)

    # -- sentences ------------------------------------------------------------

    def _sentences(self, pi: int, m: str, pieces: list[_Piece]) -> list[tuple[int, int]]:
        t = self.pars[pi][1]
        cuts: set[int] = set()
        for mm in _SENT_END_RE.finditer(m):
            end = mm.end()
            i = mm.start()
            # abbreviation before the period?
            wm = _LAST_WORD_RE.search(m, max(0, i - 40), i)
            if wm:
                w = wm.group(1)
                wl = w.lower().rstrip(".")
                if m[i] == "." and (wl in _ABBREV or (len(w) == 1 and w.isupper())):
                    continue
                if m[i] == "." and re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", w):
                    nxt = _NEXT_WORD_RE.match(m, end)
                    if nxt and norm(nxt.group(1)) not in FUNCTION_WORDS:
                        continue
            cuts.add(end)
        # a quote whose words end a sentence ("... occur.") ends the sentence
        # unless a short attribution follows ("... occur." Price said.)
        for p in pieces:
            c = p.close
            if c >= len(t) or p.hi <= p.lo:
                continue
            if t[p.hi - 1] in ".!?…" and _NEXT_SENTENCE_RE.match(t, c + 1):
                if not self._after_cue(pi, p, t, m, terminal=True, probe=True):
                    cuts.add(c + 1)
        cuts.add(len(m))
        out = []
        s = 0
        for c in sorted(cuts):
            if c > s:
                # a run-on "sentence" (a huge line with no full stop) is cut at
                # spaces, so the work for each cue in it stays bounded
                while c - s > _LONGEST_SENTENCE:
                    cut = m.rfind(" ", s + 1, s + _LONGEST_SENTENCE)
                    cut = cut if cut > s else s + _LONGEST_SENTENCE
                    out.append((s, cut))
                    s = cut
                out.append((s, c))
                s = c
        return out

    def _next_sentence_end(self, pi: int, m: str, pos: int) -> re.Match | None:
        """``_SENT_END_RE.search(m, pos)`` for paragraph ``pi``, remembered.

        A match depends only on the text from where it starts, so the match
        found from ``pos`` is the answer from any later position up to its
        start: probing each quote of a paragraph in order scans it once.
        """
        hit = self._sent_ends.get(pi)
        if hit is not None and hit[0] <= pos and (hit[1] is None or pos <= hit[1].start()):
            return hit[1]
        found = _SENT_END_RE.search(m, pos)
        self._sent_ends[pi] = (pos, found)
        return found

    def _sentence_of(self, pi: int, pos: int) -> tuple[int, int]:
        # sentences are sorted and do not overlap: a binary search, so a paragraph
        # with thousands of quotes costs n log n, not n squared
        spans = self.sentences[pi]
        i = bisect.bisect_right(spans, pos, key=lambda span: span[0]) - 1
        if i >= 0 and spans[i][0] <= pos < spans[i][1]:
            return spans[i]
        return 0, len(self.pars[pi][1])

    # -- quote cues -------------------------------------------------------------

    def _after_cue(self, pi: int, p: _Piece, t: str, m: str, terminal: bool, probe: bool = False) -> Mention | None:
        c = p.close
        if c >= len(t):
            return None
        s, e = (0, len(t)) if probe else self._sentence_of(pi, c)
        # trailer: up to the next quotation mark or sentence end
        hi = e
        nm = _MARK_RE.search(t, c + 1)
        if nm and nm.start() < hi:
            hi = nm.start()
        if probe:
            se = self._next_sentence_end(pi, m, c + 1)
            if se:
                hi = min(hi, se.end())
        tr = m[c + 1 : hi]
        lead = re.match(r"\s*[,:;]?\s*", tr)
        off = c + 1 + lead.end()
        vm = _VERB_RE.match(m, off, hi)
        mention = None
        vend = None
        if vm:
            if vm.group().lower() in ("according to", "in the words of"):
                mention = _np_after(m, vm.end(), hi)
            else:
                mention = _np_after(m, vm.end(), hi)
            vend = mention.end if mention else None
            if mention is not None and mention.role:
                # skip the appositive
                am = re.match(r",\s+[^,.;]*", m[mention.end:hi])
                if am:
                    vend = mention.end + am.end()
        else:
            for vm2 in _verbs(m, off, min(hi, off + 160)):
                if vm2.group().lower() == "according to":
                    break
                mention = _np_at_end(m, off, vm2.start())
                if mention is not None and mention.start > off + 1 and mention.kind == "name":
                    # "team member Rodaba Noori told the press"
                    pre = m[off : mention.start]
                    if re.fullmatch(r"(?:[a-z][\w\-]*\s+){1,4}", pre) and not any(
                            w in FUNCTION_WORDS for w in pre.split()):
                        mention.role = mention.role or pre.strip()
                        vend = vm2.end()
                        break
                if mention is not None and (mention.start <= off + 1 or re.fullmatch(
                        r"\s*(?:[Tt]he|[Aa]n?)\s+", m[off : mention.start])):
                    vend = vm2.end()
                    break
                mention = None
                break
        if mention is None:
            return None
        if terminal:
            rest = m[vend:hi] if vend is not None else ""
            rest = _FILLER_RE.sub("", rest, count=1)
            if len(_WORD_RE.findall(rest)) > 8:
                return None
        return mention

    def _last_verb(self, pi: int, m: str, s: int, hi: int) -> re.Match | None:
        """The last of ``_verbs(m, s, hi)``, where ``s`` starts a sentence and
        ``m[hi]`` is a quotation mark.  No verb runs across a mark, so the
        verbs up to one quote's mark are those up to the next quote's, plus
        the ones between: a sentence with many quotes is scanned once, not
        once per quote."""
        verbs, ends, done = self._verb_cache.get((pi, s)) or ([], [], s)
        if hi > done:
            more = _verbs(m, done, hi, floor=s)
            verbs += more
            ends += [vm.end() for vm in more]
            done = hi
        self._verb_cache[(pi, s)] = (verbs, ends, done)
        k = bisect.bisect_right(ends, hi)
        return verbs[k - 1] if k else None

    def _left_cue(self, pi: int, p: _Piece, t: str, m: str) -> tuple[Mention | None, bool]:
        """(mention, adjacent): the speech verb before the quote in its sentence."""
        s, e = self._sentence_of(pi, p.open)
        lo = s
        # do not look past the previous quote's closing mark in this sentence
        vm = self._last_verb(pi, m, s, p.open)
        if vm is None:
            if m[lo : p.open].rstrip().endswith(":"):
                # 'Sunak defended the record ...: "..."': the sentence's subject
                return _sentence_subject(m, lo, p.open), True
            return None, False
        verb = vm.group().lower()
        between = m[vm.end() : p.open]
        adjacent = bool(re.fullmatch(r"\s*(?:" + _TIME + r"|\s)*[,:]?\s*", between)) or bool(
            re.fullmatch(r"\s*(?:told|tells)?\s*[^,.\x00]{0,40}[,:]\s*", between))
        if verb in ("according to", "in the words of"):
            return _np_after(m, vm.end(), p.open), adjacent
        mention = None
        if verb not in _PARTICIPLE_SET or not m[lo : vm.start()].rstrip().endswith(","):
            mention = _np_at_end(m, lo, vm.start())
            if mention is None:
                # inverted: 'said Price: "..."'
                inv = _np_after(m, vm.end(), p.open)
                if inv is not None and re.fullmatch(r"[^\x00]*?[,:]\s*", m[inv.end : p.open] or ","):
                    mention = inv
        if mention is None:
            # "Wang ..., describing its actions as" / "He did not ... but said"
            mention = _sentence_subject(m, lo, vm.start())
        return mention, adjacent

    def _attribute_group(self, grp: list[_Piece], last_speaker_of_par: dict[int, str | None]) -> None:
        first, last = grp[0], grp[-1]
        pi = first.par
        base, t = self.pars[pi]
        m = self.masked[pi]
        text = t[first.lo : first.hi]
        left = m[self._sentence_of(pi, first.open)[0] : first.open]
        left_s = left.rstrip()
        # drop any earlier masked quote in the same sentence for the kind decision
        left_tail = left_s.rsplit(MASK, 1)[-1].lstrip('"“” ')
        if len(grp) > 1:
            kind = "direct"
        elif not left_tail or left_tail.endswith((",", ":", "—", "–")) or _VERB_RE.search(left_tail[-25:] + " ") and \
                re.search(r"(?:" + "|".join(_ALL_VERBS) + r")\s*$", left_tail, re.I):
            kind = "direct"
        else:
            kind = "partial"
        words = _WORD_RE.findall(text)
        title_case = len(words) <= 5 and all(w[0].isupper() or not w[0].isalpha() or len(w) <= 3 for w in words)
        scare_prefix = bool(_SO_CALLED_RE.search(left_s[-40:]))

        lp = last.par
        lt = self.pars[lp][1]
        lm = self.masked[lp]
        after = self._after_cue(lp, last, lt, lm, terminal=lt[last.hi - 1 : last.hi] in ".!?") if last.close < len(lt) else None
        leftm, adjacent = self._left_cue(pi, first, t, m)
        mention = None
        mbase = base
        if scare_prefix:
            mention = None
        elif kind == "partial":
            if leftm is not None:
                mention = leftm
            elif after is not None:
                mention, mbase = after, self.pars[lp][0]
        else:
            if after is not None:
                mention, mbase = after, self.pars[lp][0]
            elif leftm is not None and (adjacent or not left_tail or left_tail.endswith((",", ":"))):
                mention = leftm
            elif leftm is not None:
                mention = leftm
        if mention is None and not scare_prefix and kind == "direct" and first.open == len(t) - len(t.lstrip()):
            # 'X said:' at the end of the previous paragraph
            if pi > 0:
                pb, pt = self.pars[pi - 1]
                if pt.rstrip().endswith(":"):
                    pm = self.masked[pi - 1]
                    ss = self._sentences_last(pi - 1)
                    vms = _verbs(pm, ss, len(pm))
                    if vms:
                        mm = _np_at_end(pm, ss, vms[-1].start()) or _sentence_subject(pm, ss, vms[-1].start())
                        if mm is not None:
                            mention, mbase = mm, pb
        if mention is None and not scare_prefix and kind == "direct" and not left_tail:
            mm, mb = self._previous_sentence_cue(pi, first)
            if mm is not None:
                mention, mbase = mm, mb
        speaker = None
        cue = None
        if mention is not None and not (title_case and kind == "partial" and leftm is not None and not adjacent
                                        and after is None):
            speaker, cue = self.resolve(mention, mbase, text)
        scare = scare_prefix or (speaker is None and (title_case or (kind == "partial" and len(words) <= 4)))
        if speaker is None and not scare and kind == "direct" and first.open == len(t) - len(t.lstrip()):
            # a paragraph opening with an unattributed quote continues the
            # previous paragraph's speaker
            speaker = last_speaker_of_par.get(pi - 1)
        for p in grp:
            p.kind = kind
            p.speaker = speaker
            p.scare = scare
            p.cue_found = mention is not None
            p.cue = cue
            if speaker is not None:
                ent = self.reg.entities.get(speaker)
                if ent is not None:
                    self.reg.credit(ent)
        if len(grp) > 1:
            for p in grp:
                p.kind = "direct"

    def _previous_sentence_cue(self, pi: int, p: _Piece) -> tuple[Mention | None, int]:
        """'Senator X issued a statement. "..."': the speaker in the sentence before."""
        s, _ = self._sentence_of(pi, p.open)
        if s == 0:
            return None, 0
        ps, pe = self._sentence_of(pi, s - 1)
        m = self.masked[pi]
        if MASK in m[ps:pe]:
            return None, 0
        vms = _verbs(m, ps, pe)
        if vms:
            mm = _np_at_end(m, ps, vms[-1].start()) or _sentence_subject(m, ps, vms[-1].start())
            return mm, self.pars[pi][0]
        if _STATEMENT_RE.search(m, ps, pe) or len(_WORD_RE.findall(m, ps, pe)) <= 5:
            # 'Whitlock disagreed. "..."': a short sentence introducing the quote
            sm = _sentence_subject(m, ps, pe)
            if sm is not None and sm.kind in ("name", "pron", "role"):
                return sm, self.pars[pi][0]
        return None, 0

    def _sentences_last(self, pi: int) -> int:
        ss = self.sentences[pi]
        return ss[-1][0] if ss else 0

    # -- reported speech --------------------------------------------------------

    def _reported(self, pi: int, base: int, t: str, m: str) -> list[tuple[int, int, Mention]]:
        out: list[tuple[int, int, Mention]] = []
        for s, e in self.sentences[pi]:
            sent = m[s:e]
            if "according to" in sent.lower():
                r = self._according(m, s, e)
                if r:
                    out.append(r)
                    continue
            pos = s
            while True:
                vm = _REPORT_RE.search(m, pos, e)
                if vm is None:
                    break
                pos = vm.end()
                r = self._reported_at(m, s, e, vm)
                if r is not None:
                    out.append(r)
                    pos = max(pos, r[1])
        return out

    def _clause_end(self, m: str, e: int) -> int:
        hi = e
        while hi > 0 and (m[hi - 1].isspace() or m[hi - 1] in ".!?\"”’')"):
            hi -= 1
        return hi

    def _ok_clause(self, m: str, lo: int, hi: int) -> bool:
        if hi - lo < 8:
            return False
        c = m[lo:hi]
        if MASK in c or '"' in c or "“" in c or "”" in c:
            return False
        w = _WORD_RE.findall(c)
        if len(w) < 3:
            return False
        if w[0].lower() in ("to", "by", "for", "about", "in", "on", "at", "with", "from", "of", "and", "but", "or",
                            "it", "so", "as", "this", "that", "was", "were", "is", "are", "had", "has", "have",
                            "would", "will", "could", "should", "did", "does", "do", "be", "been", "being", "not",
                            "no", "nothing", "yes", "goodbye", "hello", "thanks", "after", "before", "during",
                            "over", "since", "until", "while", "when", "because", "if", "how", "what", "why",
                            "where", "whether", "who", "which", "he's", "she's") and not (w[0].lower() == "it" and len(w) > 3):
            return False
        return True

    def _according(self, m: str, s: int, e: int) -> tuple[int, int, Mention] | None:
        am = _ACCORDING_RE.search(m, s, e)
        if am is None:
            return None
        mention = _np_after(m, am.end(), e)
        if mention is None:
            return None
        before = m[s : am.start()]
        if before.strip(" ,") == "" or before.strip() == "":
            # According to X, CLAUSE.
            cm = re.compile(r"[^,]*?,\s*|\s+").match(m, mention.end, e)
            lo = mention.end
            rm = re.match(r",\s+[^,]*,\s*", m[mention.end:e]) if mention.role else None
            if rm:
                lo = mention.end + rm.end()
            elif cm:
                lo = cm.end()
            while lo < e and m[lo] in " ,":
                lo += 1
            hi = self._clause_end(m, e)
            if self._ok_clause(m, lo, hi):
                return lo, hi, mention
            return None
        # CLAUSE, according to X
        lo = s
        hi = am.start()
        while hi > lo and m[hi - 1] in " ,;—–-":
            hi -= 1
        lo = self._skip_intro(m, lo, hi)
        if self._ok_clause(m, lo, hi):
            return lo, hi, mention
        return None

    def _skip_intro(self, m: str, lo: int, hi: int) -> int:
        return lo

    def _reported_at(self, m: str, s: int, e: int, vm: re.Match) -> tuple[int, int, Mention] | None:
        verb = vm.group()
        after = m[vm.end() : e]
        if after.lstrip().startswith((":", '"', "“")) or MASK in after[:3]:
            return None
        # sentence-final cue: "CLAUSE, X said." / "CLAUSE, said X."
        fm = _FILLER_RE.match(m, vm.end(), e)
        rest_pos = fm.end() if fm else vm.end()
        rest = m[rest_pos:e]
        if re.fullmatch(r"\s*[.!?]?[\"”’')]*\s*", rest):
            mention = _np_at_end(m, s, vm.start())
            if mention is None:
                return None
            # the clause is what precedes ", SUBJECT"
            k = mention.start
            pre = m[s:k].rstrip()
            if not pre.endswith(","):
                return None
            hi = s + len(pre) - 1
            while hi > s and m[hi - 1] in " ,":
                hi -= 1
            lo = s
            if self._ok_clause(m, lo, hi):
                return lo, hi, mention
            return None
        # inverted sentence-final: ", said the source, who declined ..."
        pre = m[s : vm.start()].rstrip()
        if pre.endswith(",") and verb.lower() in ("said", "says", "added", "wrote", "told", "reported", "noted", "warned", "claimed", "stated", "explained", "insisted"):
            mention = _np_after(m, vm.end(), e)
            if mention is not None:
                tail = m[mention.end : e]
                if re.fullmatch(r"(?:,\s+[^\x00]*)?[.!?]?[\"”’')]*\s*", tail) or re.fullmatch(r"\s*" + _TIME + r"?[.!?]?\s*", tail):
                    hi = s + len(pre) - 1
                    while hi > s and m[hi - 1] in " ,":
                        hi -= 1
                    if self._ok_clause(m, s, hi):
                        return s, hi, mention
                    return None
        # "X said (on Thursday) (that) CLAUSE"
        mention = _np_at_end(m, s, vm.start())
        if mention is None:
            return None
        if mention.kind == "name" and mention.tokens and mention.tokens[-1].lower() in OBJECT_PRONOUNS:
            return None
        pos = vm.end()
        if verb.lower() in ("told", "tells"):
            om = _TOLD_OBJ_RE.match(m, pos, e)
            if om is None:
                return None
            pos = om.end()
        fm = _FILLER_RE.match(m, pos, e)
        if fm:
            pos = fm.end()
        tm = re.compile(r"\s+that\b").match(m, pos, e)
        if tm:
            pos = tm.end()
        while pos < e and m[pos] in " ,":
            pos += 1
        hi = self._clause_end(m, e)
        # a second cue later in the sentence (", the Pentagon claims that")
        for vm2 in _REPORT_RE.finditer(m, pos, hi):
            pre2 = m[pos : vm2.start()]
            sub2 = _np_at_end(m, pos, vm2.start())
            if sub2 is not None:
                k = sub2.start
                head = m[pos:k].rstrip()
                head = re.sub(r"(?:^|\s)(?:the|a|an)$", "", head, flags=re.I).rstrip()
                if head.endswith(","):
                    hi = pos + len(head) - 1
                    while hi > pos and m[hi - 1] in " ,":
                        hi -= 1
                    break
        if not self._ok_clause(m, pos, hi):
            return None
        # subject must start the sentence or follow a comma / conjunction
        return pos, hi, mention

    # -- output ---------------------------------------------------------------

    def _finish(self, results) -> Attribution:
        results.sort(key=lambda r: (r[0], r[1]))
        quotes: list[Quote] = []
        last_end = -1
        src = self.source
        counts: dict[str, int] = {}
        for start, end, kind, speaker, pi, cue in results:
            if start < last_end or end <= start:
                continue
            quotes.append(Quote(start, end, src[start:end], kind, speaker, pi, cue))
            last_end = end
            if speaker:
                counts[speaker] = counts.get(speaker, 0) + 1
        speakers = []
        order = {}
        for q in quotes:
            if q.speaker and q.speaker not in order:
                order[q.speaker] = len(order)
        for name in order:
            ent = self.reg.entities.get(name)
            if ent is None:
                speakers.append(Speaker(name=name, quotes=counts[name]))
                continue
            aliases = [a for a in ent.aliases if a and a.lower() not in PRONOUNS]
            if name not in aliases:
                aliases.insert(0, name)
            kind = ent.kind if ent.kind in ("person", "organisation", "anonymous") else "person"
            speakers.append(Speaker(name=name, kind=kind, role=ent.role, aliases=tuple(aliases),
                                    mentions=tuple(sorted(set(ent.mentions))), quotes=counts[name]))
        return Attribution(quotes=tuple(quotes), speakers=tuple(speakers))


_ROLE_BEFORE = re.compile(
    r"(?:^|[.;:!?]\s+|,\s+|\band\s+|\bwith\s+|\bmet\s+)"
    r"((?:the\s+|a\s+|an\s+)?(?:[A-Z][\w.'’-]*(?:'s|’s)?\s+)?(?:[a-z][\w'’-]*\s+){0,3}([a-z][\w-]*)),\s*$"
)


_ROLE_HEADS = TITLES | SPEAKER_NOUNS


def _role_before(source: str, start: int) -> str | None:
    """``China's top diplomat, Wang Yi,``: a role in apposition before a name."""
    if source[start - 2 : start] != ", ":
        return None  # no apposition comma right before the name (most names)
    match = _ROLE_BEFORE.search(source, max(0, start - 80), start)
    if match is None or match.group(2) not in _ROLE_HEADS:
        return None
    role = strip_det(match.group(1))
    return role if len(role.split()) >= 2 else None


def acronym_matches(toks: list[str], acr: str) -> bool:
    from .names import acronym_of, split_role as _sr

    _, name = _sr(list(toks))
    a = acr.replace(".", "").upper()
    full = acronym_of(" ".join(name)).upper()
    if a == full:
        return True
    # letters of the acronym appear in order as word initials (allowing extras)
    initials = [w[0].upper() for w in name if w and w[0].isalpha()]
    i = 0
    for ch in a:
        while i < len(initials) and initials[i] != ch:
            i += 1
        if i == len(initials):
            return False
        i += 1
    return len(a) >= 2 and a[0] == (initials[0] if initials else "")


# --------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------


def _extract(source: str, paragraphs: Sequence[Span]) -> Attribution:
    """The engine without the safety net (the property tests call this)."""
    if not isinstance(source, str) or not source or not paragraphs:
        return Attribution()
    return _Engine(source, paragraphs).run()


def extract(source: str, paragraphs: Sequence[Span]) -> Attribution:
    """Every quotation and piece of reported speech in ``paragraphs``, with speakers.

    Offsets are into ``source``; ``Quote.text == source[q.start:q.end]``.
    Never raises: on an internal error the article gets no quotes (and the
    error is logged), so one odd article cannot break the reader.
    """
    try:
        return _extract(source, paragraphs)
    except Exception:  # pragma: no cover - defensive; property tests run _extract
        log.exception("quote extraction failed")
        return Attribution()


def extract_article(article: Article) -> Attribution:
    return extract(article.source, article.paragraphs)
