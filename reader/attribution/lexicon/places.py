"""Places: capitals and countries used for their governments, multi-word places.

>>> "beijing" in PLACES and "norway" in COUNTRIES and ("New", "York") in MULTI_WORD_PLACES
True
"""

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
    lima warsaw bonn bogota quito nairobi dublin lisbon vienna stockholm oslo helsinki
    copenhagen athens budapest prague bucharest belgrade amman beirut tripoli algiers
    rabat tunis khartoum harare pretoria dhaka colombo kathmandu managua montevideo
    """.split()
)

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

# Places of several words, as tokens (checked in this order).
MULTI_WORD_PLACES = tuple(
    tuple(place.split())
    for place in (
        "United States", "United Kingdom", "United Nations", "New York", "Hong Kong", "South Korea",
        "North Korea", "New Zealand", "Saudi Arabia", "South Africa", "Sri Lanka", "New Delhi", "Los Angeles",
        "San Francisco", "European Union", "White House", "Middle East", "Costa Rica", "Puerto Rico",
        "El Salvador", "Latin America", "North America", "South America", "Soviet Union", "Great Britain",
        "West Bank", "Gaza Strip", "Abu Dhabi", "Tel Aviv", "Buenos Aires", "Rio de Janeiro", "Sao Paulo",
        "Kuala Lumpur", "Cape Town", "Mexico City", "Washington D.C.", "Northern Ireland", "Czech Republic",
    )
)

# US states and their wire abbreviations: the second half of "Salem, New Hampshire," / "Nashua, N.H.,".
US_STATES = frozenset(
    """
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
    mississippi missouri montana nebraska nevada new-hampshire new-jersey new-mexico new-york
    north-carolina north-dakota ohio oklahoma oregon pennsylvania rhode-island south-carolina
    south-dakota tennessee texas utah vermont virginia washington west-virginia wisconsin wyoming
    ala. ariz. ark. calif. colo. conn. del. fla. ga. ill. ind. kan. ky. la. md. mass. mich. minn.
    miss. mo. mont. neb. nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa. r.i. s.c. s.d. tenn.
    tex. vt. va. wash. w.va. wis. wyo. d.c.
    """.split()
)
