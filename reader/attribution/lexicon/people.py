"""Titles, roles and the nouns that describe a source.

>>> "secretary" in TITLES and "spokesperson" in SPEAKER_NOUNS and "striker" in DESCRIPTORS
True
"""

TITLES = frozenset(
    """
    mr mrs ms miss mx dr sir dame lord lady madam president vice-president
    secretary minister premier chancellor mayor governor senator sen rep
    representative congressman congresswoman councillor cllr councilman councilwoman
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

# Title words that only count as one with two or more words after them
# ("General Motors" is a name, "General Colin Powell" a title and a name).
WEAK_TITLES = frozenset(("general", "chief", "major", "chair", "justice", "speaker", "leader", "dean"))

# Title words that are also common surnames: after an honorific or a given
# name they end a person's name ("Mr. King", "Charlie King", "John Major",
# "Howard Dean"), not a role.
SURNAME_TITLES = frozenset(("king", "major", "dean", "bishop", "judge", "marshal", "chancellor", "sheriff"))
HONORIFICS = frozenset(("mr", "mrs", "ms", "miss", "dr", "mx"))
# Endings of nationality words ("Jordanian King", "Thai King"): not a given name.
NATIONALITY_ENDINGS = ("an", "ese", "ish", "i", "ic")

# Of those, the ones an organisation word after them makes part of a name
# ("General Electric Co").
ORG_TITLES = frozenset(("general", "major", "chief"))

# Role nouns after which "General" (or "Major", "Chief") belongs to the role.
GENERAL_AFTER = frozenset(
    "attorney secretary surgeon inspector director consul governor solicitor auditor comptroller postmaster "
    "adjutant advocate procurator".split()
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
    mines mining oil petroleum industry industries resources planning information
    """.split()
)

# A capitalised occupation, party or nationality word that can stand before
# a name without being part of it ("Democrat Nancy Pelosi").
DESCRIPTORS = frozenset(
    """
    actor actress singer musician author writer novelist poet artist painter
    sculptor producer comedian rapper dancer footballer striker goalkeeper
    midfielder defender cricketer golfer boxer swimmer cyclist athlete
    player scientist physicist chemist economist analyst historian
    astronaut journalist photographer designer architect lawyer activist
    engineer nurse surgeon pilot chef teacher researcher consultant accountant
    pharmacist dentist paramedic firefighter electrician plumber technician
    programmer developer investor strategist midwife veterinarian lecturer
    entrepreneur billionaire businessman businesswoman philanthropist
    democrat democrats republican republicans socialist conservative liberal
    american british english scottish welsh irish french german italian
    spanish portuguese dutch belgian swiss austrian swedish norwegian danish
    finnish polish russian ukrainian chinese japanese korean indian
    pakistani australian canadian mexican brazilian argentine nigerian
    kenyan egyptian israeli palestinian iranian iraqi syrian turkish greek
    """.split()
)
DESCRIPTOR_SUFFIXES = ("ologist", "ologists")

# A party member after a place: "Maryland Democrat Barbara Mikulski", "Texas Republicans".
PARTY_MEMBERS = frozenset(
    "democrat democrats republican republicans independent independents socialist socialists conservative "
    "conservatives liberal liberals tory tories".split()
)  # "Scientologist Tom Cruise"

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
    league foundation charity announcer announcers narrator narrators moderator moderators media outlet outlets
    nominee nominees lawmaker lawmakers legislator legislators senator senators mayor governor governors
    commissioner commissioners congressman congresswoman defenders opponents advocates backers proponents
    allies groups families
    """.split()
)

# Endings of a noun that names a person ("chairwoman", "economist",
# "Australian"), and the words with such an ending that do not.
PERSON_SUFFIXES = ("man", "men", "woman", "women", "person", "people", "ist", "ists", "ian", "ians")
NOT_PERSON_NOUNS = frozenset(("human", "humans", "german", "mean", "woman's"))

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

# Heads that are not people at all (a report "said"); kept as organisation kind.
THING_NOUNS = frozenset("statement report reports study survey poll documents document filing letter".split())

# Institution nouns that refer back only to an organisation named with one of
# these words ("the court" -> "Supreme Court", "the city" -> "Municipality of
# Livorno"); other organisation nouns ("the company") take any organisation.
INSTITUTION_NAMES = {
    "government": ("government",), "administration": ("administration",),
    "authorities": ("authority", "authorities"), "police": ("police",),
    "military": ("military", "army", "forces"), "army": ("army",), "court": ("court",),
    "city": ("city", "municipality", "council"), "town": ("town", "municipality", "council"),
    "county": ("county",), "municipality": ("municipality", "city"),
    # "the bank" is a bank (Citibank, BankAmerica: a word that starts or ends with it), not the last body named
    "bank": ("bank", "bancorp", "bancshares", "banco", "banque"), "ministry": ("ministry",),
    "department": ("department",), "agency": ("agency",), "committee": ("committee",),
    "commission": ("commission",), "union": ("union",), "party": ("party",), "campaign": ("campaign",),
    "team": ("team",), "club": ("club",), "office": ("office",), "embassy": ("embassy",), "board": ("board",),
    "regulator": ("regulator", "authority", "commission", "agency", "board", "office"),
    "hospital": ("hospital",), "university": ("university", "college"), "institute": ("institute", "institution"),
    "association": ("association",), "federation": ("federation",), "league": ("league",),
    "foundation": ("foundation",), "charity": ("charity", "trust", "foundation"),
    "newspaper": ("newspaper", "times", "post", "journal", "herald", "news", "tribune", "gazette", "daily",
                  "telegraph", "guardian", "mail", "globe", "courier", "chronicle", "observer", "express", "mirror"),
}

# "the company", "the firm": a business, i.e. an organisation whose name has none of these words.
BUSINESS_NOUNS = frozenset("company firm group utility insurer".split())
PUBLIC_BODY_WORDS = frozenset(
    """
    ministry department agency government administration commission committee council court office embassy
    bureau authority authorities police army military party union parliament senate congress house assembly
    embassy cabinet treasury reserve
    """.split()
)

# Titles that tell a person's gender.
MALE_TITLES = frozenset("mr sir lord king prince father brother mr. pope".split())
FEMALE_TITLES = frozenset("mrs ms miss madam lady dame queen princess sister mrs. ms.".split())

# Abbreviated titles written with a period before a name ("Sen. Pryor").
TITLE_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "Prof",
                       "Rev", "Adm", "Cmdr", "Maj", "Supt", "Insp", "Det", "Fr", "Hon")

# More abbreviations that keep their period inside a token ("St.", "Jr.").
TOKEN_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "Prof",
                       "Rev", "St", "Jr", "Sr", "Adm", "Cmdr", "Maj", "Supt", "Insp", "Det", "Cpl", "Fr", "Hon",
                       "Mx", "Gens")

# Small words inside a name ("Rio de Janeiro", "Osama bin Laden").
NAME_PARTICLES = frozenset("of de del della da di du al el bin ibn van von der den la le y dos das".split())
# The same, as they join two capitalised words into one run ("della" does not).
RUN_PARTICLES = ("of", "de", "del", "da", "di", "du", "al", "el", "bin", "ibn", "van", "von", "der", "den", "la",
                 "le", "y", "dos", "das")
# Prefixes of a lower-case name part joined by a hyphen ("al-Amr", "van-Dijk").
HYPHEN_PARTICLES = ("al", "el", "ad", "ash", "as", "at", "an", "bin", "ibn", "abu", "abd", "de", "di", "da", "van",
                    "von")

# Letters after a name ("Mark Tedeschi, QC").
POSTNOMINALS = frozenset("qc kc sc mp mep jr sr phd md esq obe mbe cbe ii iii".split())

# Heads of a role in apposition before a name ("China's top diplomat, Wang Yi").
ROLE_HEADS = TITLES | SPEAKER_NOUNS

# Lower-case job words that end a role written before a name ("NBC host Carl
# Benning", "Acme campaign chairman Tim Rourke", "flood survivor Jane Doe"),
# beyond the titles and speaker nouns.
ROLE_NOUNS = frozenset(
    """
    host anchor correspondent commentator pollster nominee candidate contender
    hopeful challenger incumbent surrogate strategist consultant operative
    counsel attorney lawyer advocate aide adviser advisor staffer deputy
    secretary chief head boss founder co-founder owner partner captain coach
    rival opponent running-mate mate veteran survivor mother father son
    daughter wife husband widow brother sister resident voter delegate
    congressman congresswoman senator governor mayor
    """.split()
)

# Words that open a sentence without naming anyone: time nouns ("Hours later, ..."),
# sentence adverbs ("Perhaps", "Sometimes") and fixed openers ("Thanks to ...").
NEVER_AT_START = frozenset(
    """
    hours days weeks months years minutes moments decades seconds nights
    sometimes perhaps thanks maybe often still later earlier instead indeed
    also yet besides meanwhile already again once twice soon now then today
    signs
    """.split()
)

# Adjectives that only ever modify a name or a role, never speak alone
# ("Democratic nominee Ann Lee", "American officials", "Former Mayor X").
NEVER_ALONE = frozenset(
    """
    democratic republican american british english scottish welsh irish french
    german italian spanish russian chinese japanese korean indian canadian
    mexican australian israeli iranian iraqi syrian turkish european african
    asian latino hispanic former late early nuclear federal national
    presidential congressional political conservative liberal progressive
    small new senior junior acting interim
    us u.s. uk u.k.
    """.split()
)
