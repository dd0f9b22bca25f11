"""Every regular expression of the attribution engine, built from
:mod:`reader.attribution.lexicon`.

One capital-letter class, :data:`CAP` (ASCII and Latin-1 capitals and Latin
Extended-A), is used wherever a pattern asks for "a capitalised word".  The
few patterns that mean ASCII capitals only say so (wire datelines, party
labels like ``D-Ark.``, initials).

Word lists become alternations with :func:`alternation`, in the order the
lexicon gives them (the order decides which alternative wins when several
match at one place).

>>> bool(VERB.search("the minister said")), bool(VERB.search("the United States also"))
(True, True)
>>> TOKEN.findall("Sen. Ann Lee, 45, said")
['Sen.', 'Ann', 'Lee', ',', '45', ',', 'said']
>>> RUN.match("U.S. Secretary of State Antony Blinken said").group()
'U.S. Secretary of State Antony Blinken'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..dates import DATELINE_PATTERN
from .lexicon import grammar, people, speech, when

CAP = "A-ZÀ-ÖØ-Þ\u0100-\u017f"  # inside [...]: a capital letter


def alternation(words: Iterable[str], escape: bool = False) -> str:
    """``(?:a|b|c)`` from words (regular-expression fragments unless ``escape``),
    alternatives that share a first letter tried together after it.

    >>> alternation(["said", "says", "told", "sang"])
    '(?:s(?:aid|ays|ang)|told)'

    The ``re`` module tries the alternatives of a group one by one at every
    place it searches; grouped by first letter, it skips a whole group on
    one comparison (a search for a speech verb runs 2-5 times faster).  The
    matches are the same: alternatives with different first letters (in any
    case) never match at one place, and within a group the order is kept.
    Fragments that do not start with a plain letter leave the list as it is.
    """
    alts = [re.escape(w) if escape else w for w in words]
    if not all(_starts_with_letter(a) for a in alts):
        return "(?:" + "|".join(alts) + ")"
    groups: dict[str, list[str]] = {}
    for a in alts:
        groups.setdefault(a[0].lower(), []).append(a)
    out = []
    for group in groups.values():
        if len(group) == 1 or any(a[0] != group[0][0] for a in group):
            out += group  # one alternative, or both cases of the letter: as they are
        else:
            out.append(group[0][0] + "(?:" + "|".join(a[1:] for a in group) + ")")
    return "(?:" + "|".join(out) + ")"


def _starts_with_letter(fragment: str) -> bool:
    """Does the fragment start with a letter matched as itself (not ``s?`` or
    ``a*``), with no ``|`` that would split it?"""
    return fragment[:1].isascii() and fragment[:1].isalpha() and fragment[1:2] not in ("?", "*", "+", "{") \
        and "|" not in fragment


def first_letters(words: Iterable[str]) -> str:
    """``(?=[st])`` for words starting with s or t: a cheap first test before
    a lookbehind, so a search skips most places on one character."""
    return "(?=[" + "".join(sorted({w[0] for w in words})) + "])"


def either_case(word: str) -> str:
    """``[Bb]ut`` from ``but``: the word with or without a capital first letter."""
    return f"[{word[0].upper()}{word[0]}]{word[1:]}"


def phrase(words: str) -> str:
    """``has\\s+long`` from ``has long``."""
    return r"\s+".join(words.split())


# --- speech verbs ------------------------------------------------------------

ALL_VERBS = tuple(sorted(set(speech.REPORT_VERBS + speech.QUOTE_ONLY_VERBS + speech.PARTICIPLES),
                         key=lambda w: (-len(w), w)))
REPORT_VERB_SET = frozenset(v.lower() for v in ALL_VERBS)
PARTICIPLE_SET = frozenset(speech.PARTICIPLES)
_REPORT_VERBS_LONGEST_FIRST = tuple(sorted(set(speech.REPORT_VERBS + speech.REPORTED_ONLY_VERBS),
                                            key=lambda w: (-len(w), w)))

# Any speech verb or "according to", as a whole word, any case.
_ANY_VERB = ALL_VERBS + speech.SOURCE_PHRASES + speech.CONTINUING_PHRASES
VERB = re.compile(first_letters(_ANY_VERB) + r"(?<![\w\-’'])" + alternation(_ANY_VERB) + r"(?![\w\-])", re.I)
# A verb that can introduce reported speech, as written (lower case).
# "is warning", "was saying": a participle cue after a form of "be" (a progressive).
_PROGRESSIVE = r"(?:(?<=\bis\s)|(?<=\bare\s)|(?<=\bwas\s)|(?<=\bwere\s)|(?<=\bbeen\s))" + alternation(
    sorted(speech.PARTICIPLE_CUES, key=lambda w: (-len(w), w)))
REPORT_VERB = re.compile(first_letters(_REPORT_VERBS_LONGEST_FIRST + speech.PARTICIPLE_CUES)
                         + r"(?<![\w\-’'])(?:" + alternation(_REPORT_VERBS_LONGEST_FIRST) + "|" + _PROGRESSIVE
                         + r")(?![\w\-])")
# ", saying (that) ...": a participle cue after a comma (group 1: the participle).
PARTICIPLE_CUE = re.compile(r",\s+(" + alternation(sorted(speech.PARTICIPLE_CUES, key=lambda w: (-len(w), w)))
                            + r")(?![\w\-])")
# ", cutting off a reporter": a comma and a gerund right after a verb.
COMMA_GERUND = re.compile(r"\s*,\s+[a-z]+ing\b")
# A quotation opening with a speech verb in lower case, maybe after an adverb ("directly spoke to", "urged").
_OPENING_VERBS = ALL_VERBS + speech.REPORTED_ONLY_VERBS + ("spoke", "expressed")
SPEECH_OPENING = re.compile(r"(?:[a-z]+ly\s+)?(?:" + alternation(_OPENING_VERBS) + r")(?![\w\-])")
# Text ending with a speech verb (no word boundary before it).
VERB_AT_END = re.compile(alternation(ALL_VERBS) + r"\s*$", re.I)
# A capitalised word right before: a verb with a capital is then part of a name.
CAP_BEFORE = re.compile(f"[{CAP}]" + r"[\w.'’\-]*\s+$")
ACCORDING = re.compile(r"(?<![\w\-])according\s+to\s+", re.I)

# --- when and how: "on Thursday", "in a statement to CNN" ---------------------

_DAY = alternation(when.DAYS)
_MONTH = alternation(when.MONTH_FORMS, escape=True)
TIME = (
    r"(?:" + alternation(when.TIME_DEICTICS)[3:-1] + r")\s+(?:" + _DAY + r"|" + _MONTH + r"\s+\d{1,2}|"
    + "|".join(when.PERIODS) + r")(?:\s+" + alternation(when.PARTS_OF_DAY) + r")?|on\s+" + _MONTH + r"\s+\d{1,2}"
    + "|" + "|".join(when.TIME_ADVERBS) + "|"
    r"in\s+" + alternation(when.DOCUMENT_OWNERS) + r"\s+(?:[\w\-]+\s+){0,3}?" + alternation(when.DOCUMENT_NOUNS)
    + r"(?:\s+" + alternation(when.DOCUMENT_PREPOSITIONS) + r"\s+(?:the\s+)?[\w.'’\-]+(?:\s+[" + CAP
    + r"][\w.'’\-]*)*)?"
)
TIME = "(?:" + TIME + ")"
# Time phrases and commas between a verb and what follows ("said on Monday, ...").
FILLER = re.compile(r"(?:,?\s+" + TIME + r")*,?")
# A time phrase, auxiliary or adverb at the end of a subject ("X, on Monday,").
TRAIL_ADVERBIAL = re.compile(
    r"(?:,?\s+" + alternation((TIME,) + when.TRAIL_AUXILIARIES + (phrase("has long"),) + when.TRAIL_ADVERBS
                              + (phrase("has also"), phrase("had also"))) + r"),?\s*$", re.I)
# What a trailing adverbial can end with (a cheap test before TRAIL_ADVERBIAL).
TRAIL_LAST_WORDS = frozenset(
    [d.lower() for d in when.DAYS] + list(when.PERIODS) + list(when.TIME_ADVERBS) + list(when.DOCUMENT_NOUNS)
    + list(when.TRAIL_AUXILIARIES) + ["long"] + list(when.TRAIL_ADVERBS)
)
IN_A = re.compile(r"\bin\s+" + alternation(when.DOCUMENT_OWNERS) + r"\s", re.I)
# ", has": an appositive's comma before an auxiliary ("X, an engineer, has said").
COMMA_AUXILIARY = re.compile(r",\s*" + alternation(when.TRAIL_AUXILIARIES) + r"\b", re.I)
# Between a speech verb and a quotation that it introduces: time phrases only.
ADJACENT_GAP = re.compile(r"\s*(?:" + TIME + r"|\s)*[,:]?\s*")
ADJACENT_TOLD = re.compile(r"\s*(?:told|tells)?\s*[^,.\x00]{0,40}[,:]\s*")
# "X told reporters": the audience of "told".
TOLD_OBJECT = re.compile(
    r"\s+(?:" + alternation(speech.TOLD_DETERMINERS) + r"\s+(?:" + alternation(speech.TOLD_MODIFIERS)
    + r"\s+)?[a-z][\w\-]*|(?:[" + CAP + r"][\w.'’&\-]*)(?:\s+[" + CAP + r"][\w.'’&\-]*)*|"
    + "|".join(speech.TOLD_AUDIENCES) + r"|a\s+[\w\-]+\s+" + alternation(speech.TOLD_GATHERINGS) + ")"
)
# A nickname's neighbours: a given name right before the opening mark, a surname right after the closing one.
NAME_BEFORE = re.compile(r"\b[A-Z][a-z]+ $")
NAME_AFTER = re.compile(r" [A-Z][a-z][\w\-]*\b")
# a nickname in its marks inside a name as written (``Marcia "Cia" Price``): left out of the name
NICKNAME = re.compile(r"\s[\"“‘'][A-Z][\w.\- ]{0,30}[\"”’']\s")
SO_CALLED = re.compile(alternation(speech.NAMING_WORDS) + r",?\s*$", re.I)  # "his book, \"Title\""
STATEMENT = re.compile(r"\b" + alternation(speech.STATEMENT_VERBS) + r"\s+(?:a|an)\s+(?:[\w\-]+\s+)?"
                       + alternation(speech.STATEMENT_NOUNS) + r"\b")

# --- words and names -------------------------------------------------------------

TOKEN = re.compile(
    alternation(people.TOKEN_ABBREVIATIONS) + r"\."
    r"|(?:[A-Za-z]\.){2,}|[^\W_](?:[\w'’\-&]*[^\W_])?|[,;:()\[\]\x00\"“”—–]"
)
WORD = re.compile(r"[^\W_][\w'’\-]*")
_RUN_WORD = r"(?:(?:[" + CAP + r"]\.){1,3}(?=\s+[" + CAP + r"])|[" + CAP + r"][\w’'\-&]*)"
# A capitalised run, optionally followed by "(ACR)" (group 1).
RUN = re.compile(
    f"(?=[{CAP}])(?:" + alternation(people.TITLE_ABBREVIATIONS) + r"\.\s+)?" + _RUN_WORD
    + r"(?:(?:\s+(?:" + alternation(people.RUN_PARTICLES) + r"\s+)?|-)" + _RUN_WORD + r")*"
    r"(?:\s+\(([" + CAP + r"][A-Za-z0-9&.]{1,9})\))?"
)
AND_GAP = re.compile(r"\s+(?:and|&)\s+(?=[" + CAP + r"])")
PARTICLE_NAME = re.compile(alternation(people.HYPHEN_PARTICLES) + r"-[" + CAP + "]")
PARTICLE_INITIALS = frozenset(p[0] for p in people.HYPHEN_PARTICLES)
INITIAL = re.compile(r"[A-Z]\.?")  # ASCII: "J." in "Nigel J. Lawson"
INITIALS = re.compile(r"(?:[" + CAP + r"]\.)+")  # "U.S."
PARTY = re.compile(r"[A-Z]\s*-\s*[A-Z][A-Za-z.]*")  # ASCII: "D-Ark."
_NAME_WORDS = r"((?:[" + CAP + r"][\w’'\-]*\.?\s+){1,3}[" + CAP + r"][\w’'\-]*)"
# ", Gary Whitcombe,": a name in apposition (group 1).
APPOSED_NAME = re.compile(r",\s+" + _NAME_WORDS + r"\s*,")
APPOSED_NAME_END = re.compile(r",\s+" + _NAME_WORDS + r"\s*(?:[,.;]|$)")
# ", the club's captain.": an appositive description (group 1).
APPOSITIVE = re.compile(r",\s+((?:(?:a|an|the)\s+)?[^,.;:\x00\"“”]{2,100}?)\s*(?:[,.;]|$)")
APPOSITIVE_TAIL = re.compile(r",\s+[^,.;]*")
# ", curator at the museum, ": the appositive after "according to X".
ACCORDING_APPOSITIVE = re.compile(r",\s+[^,]*,\s*")
ACCORDING_CLAUSE_START = re.compile(r"[^,]*?,\s*|\s+")
# "China's top diplomat, Wang Yi": a role in apposition before a name (ASCII capitals).
ROLE_BEFORE = re.compile(
    r"(?:^|[.;:!?]\s+|,\s+|\band\s+|\bwith\s+|\bmet\s+)"
    r"((?:the\s+|a\s+|an\s+)?(?:[A-Z][\w.'’-]*(?:'s|’s)?\s+)?(?:[a-z][\w'’-]*\s+){0,3}([a-z][\w-]*)),\s*$"
)
# A wire dateline, "NEW YORK, March 2 -" (ASCII capitals).
DATELINE = re.compile(r"\s*[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+)*(?:,\s*[A-Z][A-Za-z.]*(?:\s+\d{1,2})?)*"
                      r"\s*(?:\([A-Za-z .]+\)\s*)?[-—–]+\s+")
# "team member Rodaba Noori told": lower-case role words before a name.
ROLE_WORDS = re.compile(r"(?:[a-z][\w\-]*\s+){1,4}")
ARTICLE_GAP = re.compile(r"\s*(?:[Tt]he|[Aa]n?)\s+")
TRAILING_ARTICLE = re.compile(r"(?:^|\s)(?:the|a|an)$", re.I)
GENDERED_PRONOUN = re.compile(
    r"\b" + alternation(w if w.endswith("self") else either_case(w)
                        for w in grammar.MALE_PRONOUNS + grammar.FEMALE_PRONOUNS) + r"\b")
MALE_PRONOUN_SET = frozenset(grammar.MALE_PRONOUNS)

# --- quotation marks and sentences -------------------------------------------------

OPEN_MARKS = "“„«"
CLOSE_MARKS = "”»"
MARK = re.compile(r"[\"“”„«»]")
MASK = "\x00"  # stands for each character inside a quotation in a masked paragraph
MASK_RUN = re.compile(MASK + "+")
SENT_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[" + CAP + r"0-9\x00]|\s*$)")
NEXT_WORD = re.compile(r"\s+(\w+)")
NEXT_SENTENCE = re.compile(r"\s+[\"“A-Z]")  # ASCII, as the cut after a quotation always was
DOTTED_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # "U.S.A" before its last period
CUE_LEAD = re.compile(r"\s*[,:;]?\s*")
SENTENCE_TAIL = re.compile(r"\s*[.!?]?[\"”’')]*\s*")
CLAUSE_AFTER_SUBJECT = re.compile(r"(?:,\s+[^\x00]*)?[.!?]?[\"”’')]*\s*")
TIME_TAIL = re.compile(r"\s*" + TIME + r"?[.!?]?\s*")
THAT = re.compile(r"\s+that\b")
INVERTED_GAP = re.compile(r"[^\x00]*?[,:]\s*")
LEAD_JUNK = re.compile(r"^(?:[\s\x00\"“”„«»,:;—–\-]|" + alternation(map(either_case, grammar.LEADING_CONJUNCTIONS))
                       + r"\b)*")
# A wire dateline, space and conjunctions opening a reported clause ("SALVADOR, Feb 26 - ", " But the ferry ...").
_DATELINE_LEAD = re.sub(r"\(\?P<\w+>", "(?:", DATELINE_PATTERN)  # the same, without its named groups
CLAUSE_LEAD = re.compile(
    r"(?:" + _DATELINE_LEAD + r")?(?:\s+|" + alternation(map(either_case, grammar.LEADING_CONJUNCTIONS)) + r"\b,?)*"
)
# A party tag ending a subject: "Sen. Ann Lee (D-Ore.)", "Rep. Bo Hart, R-Tex.," (ASCII capitals).
PARTY_TAG = re.compile(
    r"(?:\s*\((?:[DRI]|Dem|Rep|Ind)\.?\s*-\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\)|,\s*[DRI]-[A-Z][\w.]*,?)\s*$"
)
# "... and (also) said": a speech verb coordinated with an earlier verb.
AND_BEFORE = re.compile(r"\b(?:and|but)(?:\s+(?:also|then|later))?\s*$")
# Where a reported clause stops: a semicolon, ", including ...".
CLAUSE_STOP = re.compile(r";|,\s+including\b")
# A comma and a conjunction before a second cue's subject ("..., though she said").
COMMA_CONJUNCTION = re.compile(r",\s*(?:though|although|but|while|whereas|and)$")
# The phrase after "according to": words up to punctuation or a relative pronoun.
SOURCE_PHRASE = re.compile(r"[\w$][\w.'’/\-]*(?:\s+(?!(?:who|which|that|and|but)\b)[\w$][\w.'’/\-]*)*")
# "an analysis by Ann Lee": the author after "by".
BY_NAME = re.compile(r"\bby\s+(?=[" + CAP + r"])")
# What may follow the subject of an inverted sentence-final cue: its
# prepositional tail ("said one source in the room.", "said a source close to the team").
SUBJECT_TAIL = re.compile(r"\s+(?:in|at|with|from|of|on|for|close\s+to|familiar\s+with|inside|near)\b"
                          r"(?:(?!\bthat\b)[^\x00\"“”,;])*"
                          r"[.!?]?[\"”’')]*\s*")
# A party tag anywhere: "(D-N.Y.)", ", R-Tex." (ASCII capitals).
PAREN_PARTY_TAG = re.compile(r"\((?:[DRI]|Dem|Rep|Ind)\.?\s*-\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\)")
PARTY_TAG_ANY = re.compile(
    r"\s*\((?:[DRI]|Dem|Rep|Ind)\.?\s*-\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\)|,\s*[DRI]-[A-Z][\w.]*(?=,)"
)
# An aside right before a verb: ", who served ... ," or "-- co-author of X --".
ASIDE_AT_END = re.compile(r",\s+(?:who|whose)\b[^\x00;:]*?,\s*$|\s+(?:--|—|―)\s*[^\x00;:]*?(?:--|—|―)\s*$")
# A bare day after a verb: "said Friday afternoon", "said on Monday".
DAY_TAIL = re.compile(r"(?:\s+(?:on\s+)?" + _DAY + r"(?:\s+" + alternation(when.PARTS_OF_DAY) + r")?)?,?")
# A short place or audience between a verb and its "that": "says in Ohio
# that", "told a meeting of island leaders that", "told the show <quote> that".
GAP_THAT = re.compile(
    r"(?:\s+(?:in|at|on|during|to|of|before|after)\s+[^.;:!?\"“”\x00]{1,60}?|\s*[\x00\"“”]+),?\s+that\b"
)
# "told his aides to find ...": an infinitive after the audience.
TO_VERB = re.compile(r"\s+to\s+[a-z]")
# "Another 19 percent said": a share of people before a verb (group 1).
PERCENT_SUBJECT = re.compile(r"(?:^|\s)((?:[Aa]nother\s+|[Oo]nly\s+|[Jj]ust\s+)?\d+(?:\.\d+)?\s*(?:percent|%)"
                             r"(?:\s+of\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,3})?)\s*$")
# "... and said a curfew would ...", "... but noted that": a second speech verb
# coordinated inside a clause ends it.
AND_SPEECH_VERB = re.compile(
    r",?\s+(?:and|but)\s+(?:also\s+|then\s+|later\s+)?" + alternation(_REPORT_VERBS_LONGEST_FIRST) + r"(?![\w\-])"
)
# "warned voters that": a short object before "that".
OBJECT_THAT = re.compile(r"\s+(?:[\w'’\-]+\s+){1,4}?that\b")
# '"..." ― Ana Ruiz': a dash and a name signing a quotation off (group 1: the name),
# then the end of the line or the next quotation.
SIGNOFF = re.compile(r"[.,]?[^\S\n]*(?:[―—–]|--?)[^\S\n]*((?:[" + CAP + r"][\w’'\-]*\.?[^\S\n]+){1,3}[" + CAP
                     + r"][\w’'\-]*)[^\S\n]*\.?[^\S\n]*(?=$|\n|[^\S\n]*[\"“”])")
