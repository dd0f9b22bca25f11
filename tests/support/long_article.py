"""A long synthetic article with who said what in it, built directly (no
quote extraction): for the reading pane's tests and benchmark."""

from __future__ import annotations

from reader.model import Article, Attribution, Quote, Span, Speaker

NAMES = ["Mara Quint", "Tobias Fenn", "Ilse Brandvold", "Osric Delane", "Perpetua Hale", "Nils Ochoa"]


def synthetic(paragraphs: int) -> tuple[Article, Attribution]:
    """An article of ``paragraphs`` paragraphs, and who said what in it."""
    parts: list[str] = []
    bounds: list[tuple[int, int]] = []
    quotes: list[Quote] = []
    mentions: dict[str, list[tuple[int, int]]] = {name: [] for name in NAMES}
    offset = 0

    def add(text: str) -> int:
        nonlocal offset
        start = offset
        parts.append(text)
        offset += len(text)
        return start

    title = f"A very long account of the harbour works, in {paragraphs:,} paragraphs"
    add(title + "\n\n")
    for i in range(paragraphs):
        name = NAMES[i % len(NAMES)]
        surname = name.split()[-1]
        start = offset
        first = add(name)
        add(f" spoke at meeting {i} about the pier and the tide gates on the east side of the harbour. ")
        add('"')
        said = f"We will finish section {i} before the autumn storms, and the ferry keeps running meanwhile"
        quote_start = add(said)
        add('," ')
        cue = add(surname)
        add(" said. ")
        reported = None
        if i % 3 == 0:
            add("She added that ")
            clause = f"the budget for part {i} had not grown since the spring"
            reported = add(clause)
            add(".")
        end = offset
        bounds.append((start, end))
        quotes.append(Quote(quote_start, quote_start + len(said), said, "direct", name, i, (cue, cue + len(surname))))
        if reported is not None:
            quotes.append(Quote(reported, reported + len(clause), clause, "reported", name, i, (cue, cue + len(surname))))
        mentions[name] += [(first, first + len(name)), (cue, cue + len(surname))]
        add("\n\n")
    source = "".join(parts)
    article = Article(
        id=f"long-{paragraphs}", path=f"long-{paragraphs}.txt", source=source, title=title,
        paragraphs=tuple(Span(start, end, source[start:end]) for start, end in bounds), outlet="Harbour Gazette",
    )
    speakers = tuple(
        Speaker(name, "person", "harbour board member", (name, name.split()[-1]), tuple(mentions[name]),
                sum(1 for q in quotes if q.speaker == name))
        for name in NAMES
    )
    return article, Attribution(tuple(quotes), speakers)


def small() -> tuple[Article, Attribution]:
    text = 'Short note\n\nThe ferry ran on time, the harbour master said.\n'
    paragraph = Span(12, len(text) - 1, text[12:-1])
    return Article(id="short", path="short.txt", source=text, title="Short note", paragraphs=(paragraph,)), Attribution()
