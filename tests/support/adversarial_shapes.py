"""Generators of hostile-but-plausible article shapes (issue 11).

Each generator takes a size ``n`` and returns the text of one file (plain
text or HTML) whose cost to read used to grow faster than ``n``.  All text is
synthetic: made-up names built from syllables, made-up sentences.  Shared by
``tests/benchmarks/bench_adversarial.py`` (timings) and
``tests/hardening/test_adversarial.py`` (behaviour and operation counts).

>>> name(0), name(1), name(21)
('Kaka', 'Loka', 'Lolo')
>>> company_paragraphs(2).splitlines()[2]
'Kaka Holdings Inc reported higher sales in March. "We had a good quarter," the company said.'
"""

from __future__ import annotations

_SYLLABLES = ("ka", "lo", "mi", "ra", "ten", "vo", "zu", "bel", "dor", "fin",
              "gar", "hol", "jex", "mar", "nor", "pel", "quin", "sor", "tav", "wen")


def name(i: int, parts: int = 2) -> str:
    """A distinct capitalised made-up word for each ``i`` (``parts`` syllables or more)."""
    out = []
    while i or len(out) < parts:
        out.append(_SYLLABLES[i % len(_SYLLABLES)])
        i //= len(_SYLLABLES)
    return "".join(out).capitalize()


def _article(title: str, paragraphs: list[str]) -> str:
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def company_paragraphs(n: int) -> str:
    """``n`` news paragraphs, each naming a new firm and quoting "the company"."""
    return _article("Quarterly results season", [
        f'{name(i)} Holdings Inc reported higher sales in March. "We had a good quarter," the company said.'
        for i in range(n)
    ])


def quoted_paragraphs(n: int) -> str:
    """``n`` paragraphs of quotes by a handful of named people."""
    people = ["Dana Whitlock", "Omar Castell", "Ines Marlow"]
    paras = [f"{p}, a member of the city council, spoke on Monday." for p in people]
    for i in range(n):
        who = people[i % 3].split()[-1]
        paras.append(f'"The works on road {i} will be finished by the spring," {who} said.')
    return _article("The road works", paras)


def look_alike_reports(n: int) -> list[str]:
    """Two reports of one event, each with ``n`` quotations that differ in one word: every
    quotation looks like every other, the worst case for finding the ones both carry."""
    def report(day: int) -> str:
        return _article(f"Harbour inquiry hears pilots, day {day}", [
            "ELWIN, March 3 - The harbour inquiry heard the pilots on Monday."
        ] + [f'"The night shift on pier {name(i)} was short of pilots again," Dana Whitlock said.' for i in range(n)])
    return [report(1), report(2)]


def one_paragraph_quotes(n: int) -> str:
    """One paragraph holding ``n`` quotations, each cued by a name; every full
    stop is inside a quote, so outside them it is one run-on sentence."""
    people = ["Whitlock", "Castell", "Marlow"]
    intro = "Dana Whitlock, Omar Castell and Ines Marlow met on Monday."
    body = " ".join(f'{people[i % 3]} said "point {i} is settled."' for i in range(n))
    return _article("The long meeting", [intro, body])


def distinct_speakers(n: int) -> str:
    """``n`` paragraphs, each quoting a different person by full name, then by
    surname (every tenth surname misspelt by one letter, as reporters do)."""
    paras = []
    for i in range(n):
        first, last = name(i, 3), name(i * 7 + 3, 4)
        again = last if i % 10 else last[:-1] + ("a" if last[-1] != "a" else "e")
        paras.append(f'"We will keep working on plan {i}," said {first} {last}, a local farmer. '
                     f"{again} added that the harvest was late.")
    return _article("Voices from the valley", paras)


def big_html_page(n: int) -> str:
    """A saved news page with ``n`` story paragraphs in the markup sites use
    (classes, data attributes, tracked links), an ad slot with its script
    every 10th paragraph and related links every 25th: about 600 bytes a
    paragraph, so 19,000 make 10 MB.  Every paragraph quotes a new person."""
    parts = [
        "<!doctype html><html><head><title>The long read | Valley Gazette</title>",
        '<meta property="og:site_name" content="Valley Gazette">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "The long read"}</script>',
        "</head><body><header><nav><a href='/'>Home</a></nav></header>",
        '<div class="ad-slot">Advertisement</div><main><article><h1>The long read</h1>',
        '<figure><img src="a.jpg"><figcaption>The valley at dawn. <cite>Photo: Tom Reed</cite></figcaption></figure>',
    ]
    for i in range(n):
        parts.append(
            f'<div class="article-body__content" data-component="text-block"><p class="article-body__paragraph" '
            f'data-paragraph-index="{i}">The council of <a href="https://www.valleygazette.example/topics/{name(i)}'
            f'?ref=article_inline&amp;pos={i}" class="article-body__link" data-link-type="topic" '
            f'data-tracking-label="inline-link">{name(i)}</a> met on Monday &amp; agreed the budget for item {i}. '
            f"&ldquo;We are pleased with the outcome,&rdquo; said <b>{name(i, 3)} {name(i + 5, 3)}</b>, who "
            "chairs the committee.</p></div>\n"
        )
        if i % 10 == 9:
            parts.append(
                f'<div class="ad-slot ad-slot--mid" id="ad-mid-{i}"><script>window.adq=window.adq||[];'
                f'adq.push({{slot:"mid-{i}",sizes:[[300,250],[728,90]],targeting:{{section:"news",pos:{i}}}}});'
                "</script></div>\n"
            )
        if i % 25 == 24:
            parts.append(
                '<aside class="related-links"><h3>Related</h3><ul><li><a href="/a">Council budget explained</a>'
                '</li><li><a href="/b">Who sits on the committee</a></li></ul></aside>\n'
            )
    parts.append('</article></main><aside class="related">More stories</aside></body></html>')
    return "".join(parts)


def figure_captions(n: int) -> str:
    """A saved gallery: one ``<figure>`` with ``n`` captions and one credit
    for them all (every tenth caption has a credit of its own)."""
    caps = "".join(
        f"<figcaption>Picture {i} of the harbour.{f' <cite>Photo: {name(i)}</cite>' if i % 10 == 0 else ''}"
        "</figcaption>"
        for i in range(n)
    )
    return (
        "<html><head><title>Harbour in pictures</title></head><body><article><h1>Harbour in pictures</h1>"
        "<p>The harbour was rebuilt over ten years, and the photographers were there every day.</p>"
        f'<figure>{caps}<p class="credit">Photos: Harbour Agency</p></figure></article></body></html>'
    )


def unclosed_tags(n: int) -> str:
    """A saved page ending in ``n`` constructs html.parser cannot close:
    comments with no end (before the last ``>``), then tags with no ``>``."""
    half = n // 2
    return (
        "<html><head><title>Broken page</title></head><body><article>"
        "<p>The page was cut off while it was being saved, as pages sometimes are.</p>"
        + "<!-- x> " * half + "<p>end</p>" + "<a " * (n - half)
    )


def pronoun_quotes_naming(n: int) -> str:
    """``n`` paragraphs about one person, each ending with a quote that names
    him introduced by "He said": the quote cannot be his, so the speaker is
    the other man named once at the start, far back."""
    paras = ["Dana Whitlock and Omar Castell met the press on Monday."]
    for i in range(n):
        paras.append(f"Whitlock spoke at meeting {i}. Whitlock left early. Whitlock came back. Whitlock sat down. "
                     f'He said, "Whitlock will win vote {i}."')
    return _article("The long campaign", paras)


def hostile_lines(n: int) -> str:
    """A text whose header line is ``n`` capital letters and a "!", then a
    word of ``n`` letters and a paragraph with ``n`` spaces in it: patterns
    that backtrack took exponential or quadratic time on such lines."""
    return ("A" * n + "!\n\nThe story of the day\n\nThe first paragraph has words enough.\n\n"
            + "a" * n + "\n\nIt began" + " " * n + "(and ended\n")
