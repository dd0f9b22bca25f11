"""Word lists of the attribution engine: data only, no code.

Kept the way spaCy keeps ``lang/en/*.py``: one module per kind of word, each
a plain ``frozenset`` (membership) or ``tuple`` (when the order matters, as
in a regular expression's alternatives).  :mod:`reader.attribution.patterns`
builds every regular expression from these lists, and the rules in the
other modules test words against them; a rule never spells a word list of
its own.

==================  =========================================================
module              holds
==================  =========================================================
``speech``          speech verbs, ``according to``, "told reporters" objects,
                    naming words that make a quote a title ("so-called")
``people``          titles and roles, descriptors, nouns that head a source
                    description, gendered titles, abbreviated titles
``organisations``   words that make a name an organisation or a thing
``places``          capitals, countries, multi-word places
``grammar``         function words, determiners, pronouns, auxiliaries,
                    prepositions, abbreviations that do not end a sentence
``when``            days, months, time adverbs, "in a statement" nouns
==================  =========================================================
"""
