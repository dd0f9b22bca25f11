"""The reader on the bundled seeds, for snapshot tests and screenshots."""

from reader.corpus import load
from reader.ui.app import NewsReaderApp

app = NewsReaderApp(load())

if __name__ == "__main__":
    app.run()
