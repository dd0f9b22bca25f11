"""Words that make a capitalised run an organisation, or a thing.

>>> "ministry" in ORG_WORDS and "festival" in NONPERSON_WORDS
True
"""

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

# News agencies: as the audience or the asker ("told Reuters", "polled by Reuters")
# they are nobody a later "they said" can mean.
NEWS_AGENCIES = frozenset(
    """
    reuters reuter afp ap upi xinhua kyodo tass dpa bloomberg ansa efe bernama yonhap
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

# Words that close an organisation's name: "Acme Corp and Bolt Inc" are two firms.
NAME_CLOSERS = frozenset(
    "co co. cos inc inc. corp corp. corporation company ltd ltd. plc llc ag sa nv gmbh bv spa ab asa oyj kk "
    "association bank group".split()
)

# A company suffix that can be the whole right side: "Sears Roebuck and Co".
COMPANY_SUFFIXES = frozenset("co co. cos inc inc. corp corp. ltd ltd. plc llc sons".split())

# A company's legal form: never a speaker on its own ("... (Netherlands) BV said").
LEGAL_FORMS = COMPANY_SUFFIXES | frozenset("corporation limited ag sa nv gmbh bv spa ab asa oyj kk lp".split())

# "First Union Corp": an ordinal that begins an organisation's name.
ORDINALS = frozenset("first second third".split())
