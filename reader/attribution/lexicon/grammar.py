"""Function words, determiners, pronouns and the other small words the
rules look at.

>>> PRONOUNS["she"], "the" in DETERMINERS, "jan" in ABBREVIATIONS
('f', True, True)
"""

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
    separately similarly likewise additionally finally second third
    yes well besides already amid within
    """.split()
)

DETERMINERS = frozenset(
    "a an the one another some several two three four many most other "
    "his her their its our".split()
)

# Pronouns that can be a speaker, with their gender: m, f, n (it), p (plural), s (I).
PRONOUNS = {
    "he": "m", "she": "f", "they": "p", "it": "n", "we": "p", "i": "s",
}
OBJECT_PRONOUNS = frozenset("him her them us me it you".split())
# A speaker the reader cannot be told about: "I said", "you said".
NOT_THIRD_PERSON = frozenset(("i", "we", "you"))
# Pronouns not taken as the subject after an inverted verb ('said it').
NOT_INVERTED_PRONOUNS = frozenset(("i", "it", "they", "we"))
# 'Kiara Perkins ... admitted she was': pronouns that tell a gender.
MALE_PRONOUNS = ("he", "him", "his", "himself")
FEMALE_PRONOUNS = ("she", "her", "hers", "herself")

ARTICLES = frozenset(("a", "an", "the"))
# Words that open a described noun phrase: "the club's captain", "its chief".
SPECIFIERS = frozenset(("a", "an", "the", "his", "her", "its", "their"))
# Words that make a noun phrase definite ("the source", "their lawyer").
DEFINITE_WORDS = frozenset(("the", "this", "that", "these", "those", "his", "her", "its", "their"))
CONJUNCTIONS = frozenset(("and", "or", "but", "nor"))
RELATIVE_PRONOUNS = frozenset(("who", "which", "that"))
# Words that begin a clause, not a role, after a comma ("X, who ...").
CLAUSE_OPENERS = frozenset(("who", "which", "that", "where", "when", "while", "and", "but"))
# Words that close an introductory appositive ("For Kevin Allton, a USI instructor, ...").
APPOSITIVE_OPENERS = frozenset(("a", "an", "the", "who", "whose", "which"))
# "But", "And" ... before a pronoun do not stop it being its sentence's subject.
LEADING_CONJUNCTIONS = ("but", "and", "yet", "so", "then")

# Words inside a source description: "a source with knowledge of the matter".
NP_PREPOSITIONS = frozenset(
    "with of for from at in on to familiar close who inside within near involved based among by".split()
)
# "the general manager of an oil company": prepositions after a speaker noun.
OF_PREPOSITIONS = frozenset(("of", "at", "for", "with", "from"))
# Where the person before "of" ends: "Matthew Ingram of The Globe and Mail".
AFFILIATION_PREPOSITIONS = frozenset(("of", "from", "at"))
# Words that may stand before the head of a short sentence-initial noun phrase.
HEAD_PREFIXES = frozenset(("of", "for", "at", "from", "with", "in", "the", "a", "an"))
# Where the subject after an inverted verb ends: 'said Price, who ...'.
SUBJECT_STOPS = frozenset(
    "who which that on in at after before when while during as because adding saying and".split()
)
# Words that open an introductory phrase ending at a comma ("In an interview, ...").
INTRO_WORDS = frozenset(("in", "on", "at", "after", "before", "earlier", "later"))
# Prepositions that open a longer introductory phrase ("During a national security speech earlier in the day,").
INTRO_PREPOSITIONS = frozenset(("during", "in", "at", "after", "before", "following", "amid", "despite", "on"))
INTRO_SUFFIXES = ("ing", "ed")  # "Speaking to reporters," "Asked about the plan,"

AUXILIARIES = frozenset(
    "is are was were be been has have had will would can could may might shall should must do does did said says "
    "told".split()
)

# First words of what is not a reported clause ("to", "it was", "because ...").
NOT_CLAUSE_OPENERS = frozenset(
    """
    to by for about in on at with from of and but or it so as this that was were is are had has have would will
    could should did does do be been being not no nothing yes goodbye hello thanks after before during over since
    until while when because if how what why where whether who which he's she's
    """.split()
)

# Words that may stand right before a pronoun subject of a speech verb ("and
# he said", "because she said"); any other lower-case word makes the
# pronoun open a relative clause ("the target it pledged to reach").
CLAUSE_LINKS = frozenset(
    """
    and but or so yet then that because when while as if although though since before after once until where
    whereas unless now also later earlier again still how why who
    has have had did does do will would could should can is was were are
    """.split()
)

# Words before a subject that make its clause a relative one with a gap:
# "what Trump says his plan would do", "which advocates say hurts schools".
OBJECT_RELATIVES = frozenset(("what", "which", "whom", "whatever"))
PREPOSITIONS = frozenset("in of on at from by with to for during under about after before through".split())
BE_FORMS = frozenset("is are was were be been being".split())
# "about 20 people have ...": words that open a clause before a number.
NUMBER_OPENERS = frozenset(("about", "over", "under", "nearly", "almost", "roughly", "some"))
# Capitalised words that are never a speaker on their own.
ADJECTIVE_NAMES = frozenset(
    """
    democratic republican american british european federal national conservative liberal progressive
    democrat republican independent
    """.split()
)
NUMBER_WORDS = frozenset(
    """
    one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy
    eighty ninety hundred thousand million billion dozens hundreds thousands millions
    """.split()
)

# Abbreviations whose period does not end a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr sen rep gov gen lt col capt sgt prof rev st jr sr adm cmdr maj supt insp det cpl fr hon mx
    jan feb mar apr jun jul aug sep sept oct nov dec no vs v inc corp co ltd bros dept est approx fig
    """.split()
)
