"""Feeds and web pages: subscribing, fetching, extracting, storing.

* :mod:`reader.feeds.fetch`: HTTP with httpx (timeouts, redirects, gzip and
  brotli, conditional GET, a size cap, two connections per host, one retry
  on 429/503); every failure is a :class:`~reader.feeds.fetch.FetchError`
  with a one-line message,
* :mod:`reader.feeds.parse`: feedparser's reading of RSS 0.9x/1.0/2.0 and
  Atom, and telling a feed from a web page or from broken XML,
* :mod:`reader.feeds.pages`: each item's own page, extracted by
  :func:`reader.formats.parse_html`, the feed's summary when it cannot be had,
* :mod:`reader.feeds.library`: subscriptions and fetched articles in the
  state database, and their ``.html`` copies that the loader reads,
* :mod:`reader.feeds.refresh`: refreshing one feed or all of them.

Nothing fetched is executed; it is only ever parsed as text, and what the
reader shows of it goes through the same extraction and terminal-safety
rules as an article file.
"""
