"""Moved to :mod:`reader.attribution.names` and :mod:`reader.attribution.lexicon`.

Kept while :mod:`reader.directory` (another branch's work) still imports its
word lists from here.
"""

from reader.attribution.lexicon.grammar import DETERMINERS
from reader.attribution.lexicon.people import SPEAKER_NOUNS, THING_NOUNS

__all__ = ["DETERMINERS", "SPEAKER_NOUNS", "THING_NOUNS"]
