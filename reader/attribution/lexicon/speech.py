"""Speech verbs and the words around them.

>>> "said" in REPORT_VERBS and "asked" in QUOTE_ONLY_VERBS and "saying" in PARTICIPLES
True
"""

# Verbs that introduce a quotation or reported speech ("X said that ...").
REPORT_VERBS = tuple(
    """
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
)

# Verbs and phrases that introduce reported speech only (not searched for as
# the cue of a quotation): "X vowed to ...", "X called for ...".  Those in
# OBJECT_CONTENT_VERBS take what follows as content even when it is no
# clause: "urged Congress to act", "called for an inquiry", "vowed to fight".
REPORTED_ONLY_VERBS = tuple(
    """
urged urges urge vowed vows vow pledged pledges pledge promised promises promise asked asks
tweeted tweets testified testifies repeated repeats reaffirmed responded responds replied replies
bragged brags boasted boasts joked jokes
called\\s+for calls\\s+for call\\s+for called\\s+on calls\\s+on call\\s+on called\\s+upon
pointed\\s+out points\\s+out point\\s+out
""".split()
)
OBJECT_CONTENT_VERBS = frozenset(
    """
urged urges urge vowed vows vow pledged pledges pledge promised promises promise asked asks
called calls call urging vowing pledging promising asking calling
""".split()
)

# Verbs whose content is a question ("asked whether ...", "asks how ..."):
# "asked the council to wait" or "asked to speak" is not taken.
ASK_VERBS = frozenset("asked asks ask asking".split())
QUESTION_OPENERS = frozenset("whether if how why what when where who which".split())
# Cues whose content must open with "that": "pointed out that ...", ",
# noting that ..." ("pointed out the exits", "noting the date" are not speech).
THAT_ONLY_CUES = frozenset(
    """
pointed points point noting explaining acknowledging admitting conceding announcing stressing emphasizing
emphasising reiterating writing tweeting
maintained maintains maintain revealed reveals disclosed indicated indicates estimated estimates believes
observed underscored
""".split()
)

# Verbs whose audience may stand before "that": "warned voters that ...".
AUDIENCE_VERBS = frozenset("warned warns warn warning assured assures reminded reminds informed informs".split())

# Verb forms that are also plural nouns ("member states", "his claims"):
# only a name or a pronoun is their subject.
NOUN_HOMOGRAPHS = frozenset("states claims reports notes estimates remarks comments".split())
# Irregular past participles: "was told", "was said" are passives.
PARTICIPLE_FORMS = frozenset("told said written".split())

# "..., saying (that) CLAUSE": participles whose subject is the sentence's
# subject and whose content follows them.
PARTICIPLE_CUES = tuple(
    """
saying adding arguing noting warning insisting claiming stating declaring stressing explaining
suggesting predicting promising vowing pledging urging asking telling acknowledging admitting
conceding contending asserting complaining announcing emphasizing emphasising reiterating
calling\\s+for calling\\s+on writing tweeting
""".split()
)

# Verbs that attribute a quotation but not a reported clause ("she asked").
QUOTE_ONLY_VERBS = tuple(
    """
asked asks replied replies responded responds commented comments remarked
urged urges tweeted posted joked boasted lamented mentioned continued
recounted quipped shouted wondered exclaimed described describes called
calls dubbed branded characterized characterised labelled labeled
call urge warn reasoned recommended recommends recommend promised promises
demanded demands sang sings chanted scolded recalled recalls
likened likens condemned condemns denounced denounces decried decries criticized criticizes
criticised criticises slammed slams blasted blasts lambasted mocked mocks praised praises
lauded lauds hailed hails derided derides dismissed dismisses proclaimed proclaims exhorted exhorts
vowed vows pledged pledges reaffirmed reaffirms rated compared ruled(?!\\s+out)
barked groused snapped retorted countered interjected mused gushed scoffed thundered
accused accuses shot\\s+back fired\\s+back
""".split()
) + tuple(
    # verbs that characterise only with "as" after their object: 'Lee referred to the plan as "a gift"'
    verb + r"(?=[^.\"“”]{0,80}?\sas\s)" for verb in """
referred refers heralded heralds defended defends rejected rejects identified identifies
portrayed portrays characterizes characterises praising heralding
""".split()
)

# "..., saying" / "the sign reads": participles and the like.
PARTICIPLES = tuple(
    """
saying adding describing calling noting warning telling writing explaining
arguing insisting claiming stating asking declaring stressing urging quoting
recommending promising asserting chanting demanding
tweeting posting joking quipping
reads read
""".split()
)

# Phrases that work as a speech verb before the source ("according to X").
SOURCE_PHRASES = ("according to", "in the words of")

# A phrase that works as a speech verb after the source ("he went on").
CONTINUING_PHRASES = ("went on", "put it")

# Verbs of an inverted sentence-final cue: "..., said the source, who ...".
INVERTED_VERBS = frozenset(
    "said says added wrote told reported noted warned claimed stated explained insisted".split()
)

# Verbs whose object is the audience: "X told reporters (that) ...".
TELL_VERBS = frozenset(("told", "tells"))

# The audience after "told": determiners and modifiers of "the press", "a
# news conference", and the plural nouns that stand alone ("told reporters").
TOLD_DETERMINERS = ("the", "a", "an", "his", "her", "their", "its", "local", "national", "state", "foreign")
TOLD_MODIFIERS = ("news", "press", "parliamentary", "congressional", "local", "national", "state", "foreign",
                  "senate", "house", "city", r"u\.s\.")
TOLD_AUDIENCES = tuple(
    """
reporters journalists lawmakers legislators parliament congress police investigators him her them us me
you supporters students members analysts delegates the\\s+media media viewers listeners readers
shareholders investors employees staff workers colleagues officials residents
""".split()
)
TOLD_GATHERINGS = ("conference", "briefing", "meeting", "hearing", "committee", "audience", "rally", "crowd",
                   "forum", "group")

# Words before a quotation that make it a name, a title or a scare quote:
# 'so-called "experts"', 'the film "Jaws"'.
NAMING_WORDS = (
    r"so[\-\s]called", "dubbed", "nicknamed", "titled", "entitled", "named", r"known\s+as", "termed",
    r"the\s+term", r"the\s+word", r"the\s+phrase", "labelled", "labeled", "branded", "hashtag", "slogan",
    "motto", "song", "film", "book", "album", "novel", "movie", "poem", "headline", "website", "code-?named",
)

# "X issued a statement." introduces the quotation that follows.
STATEMENT_VERBS = ("issued", "released", "posted", "published", "gave", "made", r"put out", "sent")
STATEMENT_NOUNS = ("statement", "comment", "remarks", "speech", "message", "response", "reply", "tweet", "post")
# Documents that speak for whoever issued them: never a speaker themselves
# ("The council issued a statement. The statement noted ..." is the council's;
# with no issuer named, nobody's).  A report, letter or study stays its own source.
DOCUMENT_HEADS = ("statement", "statements", "release", "communique", "communiqué", "announcement")
