"""The attribution engine (being moved here from reader/quotes.py): see lexicon/ and patterns.py."""
