"""All of newsreader's SQL: the parse cache and the state databases.

* :mod:`reader.store.sqlite`: opening a database (WAL, migrations, checks),
* :mod:`reader.store.cache_db`: the parse cache's tables,
* :mod:`reader.store.state_db`: the user's state's tables.

Nothing outside this package writes SQL.
"""
