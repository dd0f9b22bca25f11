"""When and where something was said: words that sit between a speaker and
the speech verb or after it ("said on Thursday", "told CNN in an interview").

>>> "Monday" in DAYS and "statement" in DOCUMENT_NOUNS
True
"""

DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Every way a month is written, longest first for each month ("Sept." before "Sept").
MONTH_FORMS = (
    "January", "Jan.", "Jan", "February", "Feb.", "Feb", "March", "Mar.", "Mar", "April", "Apr.", "Apr", "May",
    "June", "Jun", "July", "Jul", "August", "Aug.", "Aug", "September", "Sept.", "Sept", "Sep.", "Sep",
    "October", "Oct.", "Oct", "November", "Nov.", "Nov", "December", "Dec.", "Dec",
)

# "on Monday", "last week", "earlier this month".
TIME_DEICTICS = ("on", "last", "this", "early", "earlier", "late", "later", "next")
PERIODS = ("week", "month", "year", "night", "morning", "afternoon", "evening", "weekend")
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")

# Adverbs that can sit between a speaker and the verb ("X also said").
TIME_ADVERBS = (
    "yesterday", "today", "tonight", "recently", "previously", "also", "again", "publicly", "privately",
    "separately", "repeatedly", "earlier", "later", "then", "once", "first", "simply", "flatly", "bluntly",
    "frankly", "openly", "reportedly", "further", "now", "already",
)

# "in a statement", "in an interview with CNN".
DOCUMENT_NOUNS = (
    "statement", "interview", "letter", "email", "e-mail", "speech", "post", "tweet", "report", "release",
    "briefing", "conference", "filing", "message", "video", "note", "address", "remarks", "comments", "op-ed",
    "column", "blog", "posting", "broadcast", "podcast", "testimony", "memo", "notice", "announcement",
)
DOCUMENT_OWNERS = ("a", "an", "the", "his", "her", "its", "their")
DOCUMENT_PREPOSITIONS = ("to", "with", "on", "for", "from", "at", "posted")

# Auxiliaries and manner adverbs that may trail a subject before its verb
# ("X had earlier said", "X sharply criticised").
TRAIL_AUXILIARIES = ("had", "has", "have", "was", "were", "is", "would", "will", "did", "does", "do")
TRAIL_ADVERBS = tuple(
    """
    sharply quickly strongly clearly however too boldly repeatedly publicly privately openly reportedly
    previously separately flatly bluntly frankly angrily forcefully firmly loudly simply initially
    subsequently twice again further often frequently falsely wrongly correctly rightly famously
    memorably pointedly tersely candidly confidently proudly jokingly sarcastically defiantly
    emphatically explicitly directly personally ultimately finally once
    """.split()
)
