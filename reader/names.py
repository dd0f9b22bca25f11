"""Names, titles, roles and aliases: who a mention in an article refers to.

Pure functions used by :mod:`reader.quotes` and by the per-article registry
(:mod:`reader.registry`, which applies the rules below).  Only generic
English lexicons live here (titles, pronouns, organisation words, nouns that
can head a source description); nothing is tuned to particular articles.

Canonical-name rules (documented, and relied on by the tests):

* **Persons**: titles and roles are not part of the name.  ``Secretary of
  State Antony Blinken`` is ``Antony Blinken`` with role ``Secretary of
  State``; a bare surname (``Blinken``) or a bare given name of a name written
  family-name first (``Wang`` for ``Wang Yi``) becomes the longest full name
  seen anywhere in the article that ends (or, failing that, starts) with it.
  ``the Secretary`` / ``the spokesperson`` becomes the person whose role
  contains that title word.  A name never written in full stays as written
  (``Biden``).
* **Organisations**: the name as written without a leading ``the``
  (``Pentagon``, ``State Department``).  ``Full Name (ACR)`` makes one
  speaker: the canonical name is the full name and the acronym is an alias,
  so later ``ACR`` mentions resolve to the full name.
* **Anonymous sources**: the noun phrase as written without its leading
  determiner (a/an/the/one/another/some) and without trailing relative
  clauses: ``a source with knowledge of the matter`` -> ``source with
  knowledge of the matter``; a later definite reference with the same head
  noun (``the source``) joins that speaker.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

# --------------------------------------------------------------------------
# Lexicons (generic)
# --------------------------------------------------------------------------

TITLES = frozenset(
    """
    mr mrs ms miss mx dr sir dame lord lady madam president vice-president
    secretary minister premier chancellor mayor governor senator sen rep
    representative congressman congresswoman councillor councilman councilwoman
    judge justice prosecutor attorney ambassador envoy commissioner director
    chairman chairwoman chair ceo cfo coo founder professor prof dean rev
    reverend father pope cardinal bishop archbishop rabbi imam sheikh king queen
    prince princess emperor general gen admiral adm colonel col captain capt
    major maj lieutenant lt sergeant sgt corporal cpl commander cmdr officer
    inspector superintendent supt sheriff detective det chief spokesman
    spokeswoman spokesperson coach manager deputy leader speaker treasurer
    comptroller auditor chief-executive dr. president-elect administrator executive
    secretary-general undersecretary mp mep qc kc lawmaker legislator
    """.split()
)

# Words that may sit inside a role before a name ("Secretary of State",
# "Foreign Minister", "Chief Executive", "Health Secretary").
ROLE_MODIFIERS = frozenset(
    """
    state defense defence foreign finance treasury interior home health justice
    trade energy commerce agriculture education labor labour transport
    transportation homeland security affairs prime vice deputy chief executive
    senior general attorney assistant acting associate former interim federal
    national regional district county city state's first second high supreme
    court police fire army navy air force military environment culture
    economy economic development science technology public works opposition
    majority minority party house senate us u.s. uk u.k. eu un u.n.
    """.split()
)

ORG_WORDS = frozenset(
    """
    agency network department ministry inc inc. corp corp. corporation co co.
    company ltd ltd. llc plc group bank council association party government
    commission court committee organization organisation university college
    school news times post journal office authority union federation institute
    foundation church board service services administration army navy police
    force forces club team league fund press television tv radio broadcasting
    newspaper daily herald tribune gazette telegraph guardian reuters xinhua
    airlines airways motors systems industries holdings partners trust society
    center centre hospital commission parliament congress senate assembly
    cabinet kremlin pentagon bureau exchange reserve treasury embassy
    consulate mission alliance coalition movement front council authority
    agency institution laboratory labs lab studio studios records media
    communications technologies electric energy oil petroleum mining
    ministry municipality city-council railway railways securities capital
    partners investments research consulting associates advisors advisers
    insurance financial brands foods pharmaceuticals solutions enterprises
    ventures entertainment automotive logistics shipping energy power
    relations affairs ag sa nv gmbh bv spa ab asa oyj kk
    """.split()
)

# Words that make a capitalised run a thing or an event, not a person.
NONPERSON_WORDS = frozenset(
    """
    conference summit festival games cup war day street road avenue river
    island islands airport station square park museum bridge mountain sea
    ocean lake valley province state states county city kingdom republic
    empire world olympics championship championships award awards prize act
    bill law treaty agreement accord plan program programme project street
    hall tower towers building palace house temple mosque cathedral church
    stadium arena festival expo fair week month year season series league
    internet web website online twitter facebook youtube google
    """.split()
)

# Capitals and countries commonly used as metonyms for governments.
PLACES = frozenset(
    """
    beijing washington moscow kyiv kiev london paris berlin tokyo seoul
    pyongyang tehran brussels taipei delhi new-delhi ottawa canberra rome
    madrid ankara cairo riyadh jerusalem damascus baghdad kabul islamabad
    manila jakarta hanoi bangkok havana caracas brasilia mexico china russia
    ukraine japan india iran iraq israel france germany britain italy spain
    canada australia taiwan korea pakistan turkey egypt syria cuba venezuela
    brazil argentina indonesia philippines vietnam europe america nato
    """.split()
)

PRONOUNS = {
    "he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": "s",
}
OBJECT_PRONOUNS = frozenset("him her them us me it you".split())

DETERMINERS = frozenset(
    "a an the one another some several two three four many most other "
    "his her their its our".split()
)

# Heads of noun phrases that describe a (usually unnamed) source.
SPEAKER_NOUNS = frozenset(
    """
    source sources official officials spokesman spokeswoman spokesperson
    spokespeople representative representatives analyst analysts expert
    experts witness witnesses resident residents diplomat diplomats minister
    ministers aide aides adviser advisers advisor advisors lawyer lawyers
    attorney attorneys prosecutor prosecutors police officer officers
    investigator investigators researcher researchers scientist scientists
    doctor doctors economist economists executive executives director
    directors manager managers leader leaders member members worker workers
    employee employees trader traders dealer dealers banker bankers
    student students teacher teachers parent parents person people
    critic critics supporter supporters observer observers activist
    activists protester protesters organizer organizers organiser organisers
    candidate candidates voter voters participant participants victim victims
    survivor survivors neighbour neighbours neighbor neighbors friend friends
    owner owners farmer farmers fisherman fishermen player players coach
    fan fans chief head president chairman secretary judge commander
    authorities statement report reports study survey poll documents
    document filing letter newspaper agency ministry company firm government
    administration department group bank council committee commission
    union party campaign team club council court office embassy military
    army police force board spokesperson's insiders insider operator operators
    official's broker brokers economist strategist strategists poster posters
    user users blogger bloggers writer writers author authors reporter reporters
    editor editors commentator commentators researcher spokesmen
    authority regulator regulators municipality city town county council
    utility insurer hospital university institute association federation
    league foundation charity
    """.split()
)

# Heads that make the phrase an organisation rather than an anonymous person.
ORG_NOUNS = frozenset(
    """
    newspaper agency ministry company firm government administration
    department group bank council committee commission union party campaign
    team club court office embassy military army police force board
    authorities authority regulator municipality city town county utility
    insurer hospital university institute association federation league
    foundation charity
    """.split()
)

# Institution nouns that refer back only to an organisation named with one of
# these words ("the court" -> "Supreme Court", "the city" -> "Municipality of
# Livorno"); other organisation nouns ("the company") take any organisation.
_INSTITUTION_NAMES = {
    "government": ("government",), "administration": ("administration",),
    "authorities": ("authority", "authorities"), "police": ("police",),
    "military": ("military", "army", "forces"), "army": ("army",), "court": ("court",),
    "city": ("city", "municipality", "council"), "town": ("town", "municipality", "council"),
    "county": ("county",), "municipality": ("municipality", "city"),
}

# Heads that are not people at all (a report "said"); kept as organisation kind.
THING_NOUNS = frozenset("statement report reports study survey poll documents document filing letter".split())

_PERSON_SUFFIXES = ("man", "men", "woman", "women", "person", "people", "ist", "ists", "ian", "ians")

# Capitalised words that are never the start of a name when they begin a
# sentence or stand alone.
FUNCTION_WORDS = frozenset(
    """
    a an the this that these those there here it its it's he she they we i you
    his her their our my your in on at by for from to of with without as and
    but or nor so yet if when while where whereas after before since until
    because although though however meanwhile earlier later today yesterday
    tomorrow also still even only just then now thus instead despite during
    under over about above below between among through into onto against
    according asked speaking some many most several all both each every no
    not one two three four five six seven eight nine ten first last next
    monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec what which who whom whose
    why how mr mrs ms dr sir such other another more less few any once
    overall indeed further furthermore moreover nevertheless nonetheless
    separately similarly likewise additionally finally first, second third
    but, yes no well """.split()
)

_MALE = frozenset("mr sir lord king prince father brother mr. pope".split())
_FEMALE = frozenset("mrs ms miss madam lady dame queen princess sister mrs. ms.".split())


@lru_cache(maxsize=16384)
def norm(word: str) -> str:
    """Lower-case a token and drop a trailing period (``Mr.`` -> ``mr``)."""
    return word.lower().rstrip(".")


def is_title(word: str) -> bool:
    return norm(word) in TITLES


def is_cap(word: str) -> bool:
    return bool(word) and (word[0].isupper() or (word[0].isdigit() is False and word[:1] in "ÀÁÂÄÉÈÖÜ"))


def speaker_head(word: str) -> bool:
    """Can a noun phrase headed by ``word`` be a source of speech?"""
    w = word.lower()
    if w in SPEAKER_NOUNS:
        return True
    return len(w) > 4 and w.endswith(_PERSON_SUFFIXES) and w not in {"human", "humans", "german", "mean", "woman's"}


def split_role(tokens: Sequence[str]) -> tuple[str | None, list[str]]:
    role, name = _split_role(tuple(tokens))
    return role, list(name)


# Role nouns after which "General" (or "Major", "Chief") belongs to the role.
_GENERAL_AFTER = frozenset(
    "attorney secretary surgeon inspector director consul governor solicitor auditor comptroller postmaster "
    "adjutant advocate procurator".split()
)


@lru_cache(maxsize=8192)
def _split_role(tokens: tuple[str, ...]) -> tuple[str | None, tuple[str, ...]]:
    """Split a capitalised run into ``(role, name tokens)``.

    ``["U.S.", "Secretary", "of", "State", "Antony", "Blinken"]`` ->
    ``("U.S. Secretary of State", ["Antony", "Blinken"])``.  The role is
    everything up to the last title word (plus an ``of <Dept>`` tail);
    ``General`` only counts as a title when two or more words follow it
    (``General Motors`` stays a name).
    """
    last = -1
    n = len(tokens)
    if n >= 3 and is_descriptor(tokens[0]) and not any(norm(t) in ORG_WORDS for t in tokens[1:]):
        # "Scientologist Tom Cruise", "Democrat Nancy Pelosi", "Swedish
        # striker ..." capitalised at a sentence start: a description
        role, rest = _split_role(tokens[1:])
        return (tokens[0] + (" " + role if role else "")), rest
    for i, tok in enumerate(tokens):
        w = norm(tok)
        if w in TITLES and i < n - 1:
            if w in ("general", "chief", "major", "chair", "justice", "speaker", "leader", "dean") and n - i - 1 < 2:
                continue
            if w in ("general", "major", "chief"):
                if i > 0 and norm(tokens[i - 1]) in _GENERAL_AFTER:
                    last = i  # "Attorney General", "Secretary General"
                    continue
                if any(norm(t) in ORG_WORDS for t in tokens[i + 1 :]):
                    continue  # "General Motors Corp", "General Electric Co": a name
            last = i
    if last < 0:
        return None, tokens
    end = last + 1
    # "Secretary of State", "Minister of Foreign Affairs"
    if end < n - 1 and tokens[end].lower() == "of":
        j = end + 1
        while j < n - 1 and norm(tokens[j]) in ROLE_MODIFIERS:
            j += 1
        if j == end + 1 and j < n - 2 and tokens[j][:1].isupper():
            j += 1  # "Governor of Washington Chris Gregoire"
        if j > end + 1:
            end = j
    # "Secretary Blinken" fine; "Prime Minister" already in role.
    rest = tokens[end:]
    if not rest:
        return " ".join(tokens), ()
    return " ".join(tokens[:end]), rest


DESCRIPTORS = frozenset(
    """
    actor actress singer musician author writer novelist poet artist painter
    sculptor producer comedian rapper dancer footballer striker goalkeeper
    midfielder defender cricketer golfer boxer swimmer cyclist athlete
    player scientist physicist chemist economist analyst historian
    astronaut journalist photographer designer architect lawyer activist
    entrepreneur billionaire businessman businesswoman philanthropist
    democrat democrats republican republicans socialist conservative liberal
    american british english scottish welsh irish french german italian
    spanish portuguese dutch belgian swiss austrian swedish norwegian danish
    finnish polish russian ukrainian chinese japanese korean indian
    pakistani australian canadian mexican brazilian argentine nigerian
    kenyan egyptian israeli palestinian iranian iraqi syrian turkish greek
    """.split()
)


def is_descriptor(word: str) -> bool:
    """A capitalised occupation, party or nationality word that can stand
    before a name without being part of it."""
    w = norm(word)
    return w in DESCRIPTORS or (len(w) > 6 and w.endswith(("ologist", "ologists")))


def gender_of_title(role: str | None) -> str | None:
    if not role:
        return None
    for w in role.split():
        w = norm(w)
        if w in _MALE:
            return "m"
        if w in _FEMALE:
            return "f"
    return None


@lru_cache(maxsize=16384)
def looks_org(name: str) -> bool:
    words = name.split()
    if not words:
        return False
    if any(norm(w) in ORG_WORDS for w in words):
        return True
    if "and" in words or "&" in words:
        return True  # "S and P", "Procter & Gamble": joined names (see and_joins) are firms'
    if len(words) == 1:
        w = words[0]
        if len(w) >= 2 and w.replace(".", "").replace("&", "").isupper():
            return True
        if norm(w) in PLACES:
            return True
    if len(words) >= 2 and norm(words[-1]) in PLACES:
        return False
    return False


# Words that close an organisation's name: "Acme Corp and Bolt Inc" are two firms.
_NAME_CLOSERS = frozenset(
    "co co. cos inc inc. corp corp. corporation company ltd ltd. plc llc ag sa nv gmbh bv spa ab asa oyj kk "
    "association bank group".split()
)
# A company suffix that can be the whole right side: "Sears Roebuck and Co".
_COMPANY_SUFFIXES = frozenset("co co. cos inc inc. corp corp. ltd ltd. plc llc sons".split())


def and_joins(left: Sequence[str], right: Sequence[str]) -> bool:
    """Are the capitalised words ``left``, "and" (or "&"), ``right`` one
    organisation's name?

    Initials (``S and P``, ``AT and T``, ``A and W Brands``) are; so is a
    right side ending with an organisation word when the left side is not a
    name of its own (``Savings and Loan Association``, ``Procter and Gamble
    Co``, ``Securities and Exchange Commission``, ``Merrill Lynch and Co``),
    but not ``Acme Corp and Bolt Inc`` (two firms) or ``Reagan and Congress``.
    """
    if not left or not right:
        return False
    lw, rw = left[-1], right[0]
    if len(lw) <= 2 and len(rw) <= 2 and lw.isalpha() and rw.isalpha() and lw.isupper() and rw.isupper() \
            and (len(lw) == 1 or len(rw) == 1):
        return True
    if norm(right[-1]) not in ORG_WORDS or (len(right) == 1 and norm(rw) not in _COMPANY_SUFFIXES):
        return False
    if lw.endswith(("'s", "’s")) or (len(left) == 1 and (norm(lw) in PLACES or norm(lw) in COUNTRIES)):
        return False
    for w in left:
        wl = norm(w)
        if wl in _NAME_CLOSERS or wl in TITLES:
            return False
    return not any(norm(w) in TITLES for w in right)


ORDINALS = frozenset("first second third".split())


@lru_cache(maxsize=4096)
def _short_names(org: str) -> tuple[str, ...]:
    """Single words an organisation named with "and", a leading possessive or
    an ordinal goes by: the words either side of "and" (``Lilly``, ``Vining``),
    the word after ``Hudson's`` or ``First``."""
    words = org.split()
    out = []
    if len(words) > 2 and (words[0][-2:] in ("'s", "’s") or norm(words[0]) in ORDINALS):
        out.append(words[1])
    for i in range(1, len(words) - 1):
        if words[i] in ("and", "&"):
            out += [words[i - 1], words[i + 1]]
    return tuple(w for w in out if norm(w) not in _NAME_CLOSERS)


# Countries (with PLACES): an owner before a possessive ("Norway's Central
# Bank"), not part of an organisation's name the way "Moody's" is.
COUNTRIES = frozenset(
    """
    afghanistan albania algeria angola austria bahrain bangladesh belgium bolivia botswana bulgaria
    burma cambodia cameroon chad chile colombia congo croatia cyprus czechoslovakia denmark ecuador
    ethiopia finland gabon ghana greece guatemala guyana honduras hungary iceland ireland jamaica
    jordan kenya kuwait laos lebanon liberia libya luxembourg malaysia mali malta mauritius morocco
    mozambique namibia nepal netherlands nicaragua niger nigeria norway oman panama paraguay peru
    poland portugal qatar romania rwanda senegal singapore somalia sudan sweden switzerland tanzania
    thailand tunisia uganda uruguay yemen yugoslavia zaire zambia zimbabwe holland scotland wales
    england ussr africa asia zealand arabia korea lanka germany u.s u.k us uk hong kong
    """.split()
)


def acronym_of(name: str) -> str:
    """Initials of the significant words (``China Global TV Network`` -> ``CGTN``)."""
    out = []
    for w in name.split():
        if w.lower() in ("of", "the", "and", "for", "&", "de", "la"):
            continue
        if w.isupper() and len(w) <= 4:
            out.append(w)
        else:
            out.append(w[0].upper())
    return "".join(out)


def strip_det(phrase: str) -> str:
    words = phrase.split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)
