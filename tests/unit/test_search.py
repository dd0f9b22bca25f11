"""The search engine as a user notices it: what a query finds, and in what order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.model import Article, Attribution, Quote, Span, Speaker
from reader.query import parse_query
from reader.search import Hit, SearchIndex


def make(
    aid: str,
    title: str,
    paragraphs: list[str],
    quotes: list[tuple[str, str | None]] = (),
    speakers: list[tuple[str, tuple[str, ...]]] = (),
    outlet: str | None = None,
) -> tuple[Article, Attribution]:
    """An article whose quotes are located in its own source text."""
    source = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    spans, pos = [], len(title) + 2
    for p in paragraphs:
        spans.append(Span(pos, pos + len(p), p))
        pos += len(p) + 2
    qs = []
    for text, speaker in quotes:
        start = source.index(text)
        para = next(i for i, s in enumerate(spans) if s.start <= start < s.end)
        qs.append(Quote(start, start + len(text), text, "direct", speaker, para))
    sp = []
    for name, aliases in speakers:
        first = next((source.index(n) for n in (name, *aliases) if n in source), None)
        mention = ((first, first + len(name)),) if first is not None and source[first:].startswith(name) else ()
        sp.append(Speaker(name, aliases=aliases, mentions=mention, quotes=sum(s == name for _, s in quotes)))
    article = Article(aid, f"news/{aid}.txt", source, title, tuple(spans), outlet=outlet)
    return article, Attribution(tuple(qs), tuple(sp))


BALLOON = make(
    "balloon",
    "Chinese balloon shot down off the coast",
    [
        '"This surveillance balloon was a clear violation of our sovereignty," Antony Blinken said.',
        'Wang Wenbin called the reaction "hysterical and absurd" and said the airship was civilian.',
        "Officials said the debris would be recovered over several days.",
    ],
    quotes=[
        ("This surveillance balloon was a clear violation of our sovereignty", "Antony Blinken"),
        ("hysterical and absurd", "Wang Wenbin"),
    ],
    speakers=[("Antony Blinken", ("Blinken", "the secretary")), ("Wang Wenbin", ("Wang",))],
    outlet="NPR",
)
AID = make(
    "aid",
    "Allies weigh more weapons for Kyiv",
    [
        '"We will keep providing lethal aid for as long as it takes," Blinken said.',
        '"The balloon affair is closed," Wang Yi said at a press conference in Munich.',
        "The package includes artillery and armoured vehicles.",
    ],
    quotes=[
        ("We will keep providing lethal aid for as long as it takes", "Antony Blinken"),
        ("The balloon affair is closed", "Wang Yi"),
    ],
    speakers=[("Antony Blinken", ("Blinken",)), ("Wang Yi", ("Wang",))],
    outlet="Reuters",
)
POLAND = make(
    "poland",
    "Warsaw budget talks stall",
    [
        '"We are not going to sign this budget," said Anna Wiśniewski, the finance minister.',
        "Żółć and łódź are words with letters that do not decompose.",
    ],
    quotes=[("We are not going to sign this budget", "Anna Wiśniewski")],
    speakers=[("Anna Wiśniewski", ("Wiśniewski",))],
    outlet="NPR",
)
OIL = make(
    "oil",
    "Oil prices climb",
    [
        '"Oil prices will keep rising through the winter," an analyst said.',
        "Prices for crude oil rose two percent on Tuesday.",
        "The balon festival in town drew small crowds.",
    ],
    quotes=[("Oil prices will keep rising through the winter", None)],
    outlet="AP",
)
ALL = [BALLOON, AID, POLAND, OIL]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.build(ALL)


def quotes(hits: list[Hit]) -> list[Hit]:
    return [h for h in hits if h.kind == "quote"]


def article_of(hit: Hit) -> Article:
    return next(a for a, _ in ALL if a.id == hit.article_id)


# --------------------------------------------------------------- finding


def test_a_plain_word_finds_quote_title_and_paragraph(index):
    hits = index.search("balloon")
    kinds = {h.kind for h in hits}
    assert {"quote", "article", "text"} <= kinds
    q = next(h for h in quotes(hits) if "surveillance balloon" in h.text)
    assert q.speaker == "Antony Blinken"
    assert q.article_id == "balloon" and q.path == "news/balloon.txt"


def test_quotes_come_first_then_titles_then_paragraphs(index):
    kinds = [h.kind for h in index.search("balloon")]
    order = {"quote": 0, "article": 1, "text": 2}
    assert kinds == sorted(kinds, key=order.__getitem__)
    assert kinds[0] == "quote"


def test_typos_are_forgiven(index):
    hits = index.search("surveilance balon")
    assert hits, "a typo'd query should still find the quote"
    assert "surveillance balloon" in hits[0].text
    assert hits[0].speaker == "Antony Blinken"


def test_missing_letters_and_swapped_letters(index):
    assert "hysterical" in index.search("hystercal")[0].text
    assert "hysterical" in index.search("hsyterical")[0].text


def test_word_order_does_not_matter(index):
    hits = index.search("absurd hysterical")
    assert quotes(hits)[0].text == "hysterical and absurd"
    assert quotes(hits)[0].speaker == "Wang Wenbin"


def test_accents_are_forgiven_both_ways(index):
    hits = index.search("wisniewski")
    assert any(h.speaker == "Anna Wiśniewski" for h in hits)
    assert any(h.kind == "speaker" and h.text == "Anna Wiśniewski" for h in hits)
    assert index.search("Wiśniewski")[0].speaker == "Anna Wiśniewski"
    assert index.search("lodz")  # ł has no NFKD decomposition
    assert index.search("zolc")


def test_exact_matches_rank_above_fuzzy_ones(index):
    # "balon" is a real word in the OIL article; "balloon" is only a fuzzy match.
    hits = index.search("balon")
    exact = [i for i, h in enumerate(hits) if "balon" in h.text.lower().split()]
    fuzzy = [i for i, h in enumerate(hits) if "balon" not in h.text.lower().split()]
    assert exact and fuzzy
    assert max(exact) < min(fuzzy)
    assert hits[0].score > hits[fuzzy[0]].score


def test_whole_word_ranks_above_prefix(index):
    hits = index.search("oil ")
    assert hits[0].kind == "quote" and "Oil prices" in hits[0].text


def test_short_queries_match_word_starts(index):
    hits = index.search("bl")
    assert hits
    for h in hits:
        words = [h.text[s:e].lower() for s, e in h.matches]
        if words:
            assert all(w.startswith("bl") for w in words)
        else:  # matched through the name of who said it
            assert h.kind == "quote" and "Blinken" in h.speaker
    assert index.search("w")


def test_prefix_of_the_word_being_typed(index):
    assert "surveillance" in quotes(index.search("surveil"))[0].text


def test_matches_highlight_the_matched_words(index):
    hit = quotes(index.search("surveilance balon"))[0]
    words = [hit.text[s:e] for s, e in hit.matches]
    assert words == ["surveillance", "balloon"]


def test_accented_word_is_highlighted_whole(index):
    hit = next(h for h in index.search("wisniewski") if h.kind == "speaker")
    assert [hit.text[s:e] for s, e in hit.matches] == ["Wiśniewski"]


# --------------------------------------------------------------- filters


def test_speaker_filter_is_fuzzy_on_names_and_aliases(index):
    hits = index.search("@blinkin")
    assert hits
    assert {h.speaker for h in hits} == {"Antony Blinken"}
    assert len(quotes(hits)) == 2  # both articles' quotes
    assert {h.speaker for h in index.search("speaker:blinken")} == {"Antony Blinken"}
    assert {h.speaker for h in index.search('speaker:"antony blinken"')} == {"Antony Blinken"}


def test_speaker_filter_with_words(index):
    hits = index.search("@wang balloon")
    assert [h.text for h in hits] == ["The balloon affair is closed"]
    assert hits[0].speaker == "Wang Yi"
    # both Wangs, but only the one who said something absurd
    assert [h.speaker for h in quotes(index.search("@wang absurd"))] == ["Wang Wenbin"]
    assert {h.speaker for h in quotes(index.search("@wang"))} == {"Wang Yi", "Wang Wenbin"}


def test_unknown_speaker_finds_nothing(index):
    assert index.search("@zzyzx balloon") == []


def test_outlet_filter(index):
    hits = index.search("outlet:npr")
    assert hits and {h.article_id for h in hits} == {"balloon", "poland"}
    assert {h.article_id for h in index.search("outlet:npr balloon")} == {"balloon"}
    assert {h.article_id for h in index.search("outlet:reuters balloon")} == {"aid"}


def test_outlet_filter_takes_a_wire_sign_off_as_the_outlet():
    signed = make("signed", "Pipeline talks resume", ['"Talks went well," Blinken said.'],
                  quotes=[("Talks went well", "Antony Blinken")], outlet="Reuter")
    index = SearchIndex.build([*ALL, signed])
    found = {h.article_id for h in index.search("outlet:reuters")}
    assert found == {"aid", "signed"}  # "Reuters" and the old sign-off "Reuter", nothing else
    assert {h.article_id for h in index.search("outlet:reuter")} == {"aid", "signed"}


def test_exact_phrase(index):
    hits = index.search('"hysterical and absurd"')
    assert hits and all("hysterical and absurd" in h.text for h in hits)
    assert index.search('"absurd and hysterical"') == []
    # an unterminated phrase while typing: last word is a prefix
    assert all("hysterical and ab" in h.text for h in index.search('"hysterical and ab'))


def test_words_spoken_by_finds_quotes_by_speaker_name(index):
    hits = index.search("blinkin lethal")
    assert hits[0].kind == "quote" and "lethal aid" in hits[0].text
    assert hits[0].speaker == "Antony Blinken"


# --------------------------------------------------------------- offsets


def test_hits_point_inside_their_article(index):
    for query in ("balloon", "@wang", "wisniewski", "oil", "outlet:npr", '"lethal aid"', "w"):
        for h in index.search(query):
            source = article_of(h).source
            assert 0 <= h.start <= h.end <= len(source)
            if h.kind in ("quote", "text", "article"):
                assert source[h.start : h.end] == h.text
            for s, e in h.matches:
                assert 0 <= s < e <= len(h.text)


def test_speaker_hit_points_at_first_mention(index):
    hit = next(h for h in index.search("blinken") if h.kind == "speaker")
    assert hit.text == "Antony Blinken"
    assert article_of(hit).source[hit.start : hit.end] in ("Antony Blinken", "Blinken")


# --------------------------------------------------------------- incremental


def test_incremental_add():
    index = SearchIndex()
    assert index.search("balloon") == []
    index.add(*BALLOON)
    assert [h.article_id for h in quotes(index.search("balloon"))] == ["balloon"]
    assert index.search("lethal") == []
    index.add(*AID)
    assert quotes(index.search("lethal"))[0].article_id == "aid"
    assert {h.article_id for h in quotes(index.search("@blinken"))} == {"balloon", "aid"}
    assert "Wang Yi" in index.speakers()
    # same index again: nothing stale from the first vocabulary
    assert index.search("surveilance balon")[0].article_id == "balloon"


def test_searching_while_articles_arrive_ends_with_the_same_hits():
    """The reader searches while it loads: the end result is as if built at once."""
    # a quote whose speaker the attribution does not list among its speakers
    unlisted = make(
        "unlisted",
        "Pipeline talks resume",
        ['"Talks went well," Blinken said.', '"The pipeline will reopen in spring," Olena Kovalenko said.'],
        quotes=[("Talks went well", "Antony Blinken"), ("The pipeline will reopen in spring", "Olena Kovalenko")],
        speakers=[("Antony Blinken", ("Blinken",))],
    )
    items = [*ALL, unlisted]
    queries = ["balloon", "@wang", "@blinken", "@kovalenko", "@kovalenko pipeline", "surveilance balon",
               "lethal", "wisniewski", "pipeline", "outlet:npr the", "w"]
    growing = SearchIndex()
    for item in items:
        growing.add(*item)
        for q in queries:
            growing.search(q)  # each search between additions rebuilds what it needs
    at_once = SearchIndex.build(items)
    for q in queries:
        assert growing.search(q) == at_once.search(q), q
    # each speaker's quotes are the quotes that speaker said
    hits = at_once.search("@kovalenko")
    assert [h.text for h in quotes(hits)] == ["The pipeline will reopen in spring"]
    assert {h.text for h in quotes(at_once.search("@blinken"))} == {
        "This surveillance balloon was a clear violation of our sovereignty",
        "We will keep providing lethal aid for as long as it takes",
        "Talks went well",
    }


def test_empty_queries(index):
    assert index.search("") == []
    assert index.search("   ") == []
    assert index.search("@") == []
    assert index.search('"') == []
    assert index.search("balloon", limit=0) == []
    assert len(index.search("the", limit=2)) <= 2


def test_parse_query():
    q = parse_query('@wang outlet:npr "trade war" tarif')
    assert q.speakers == ("wang",) and q.outlets == ("npr",)
    assert q.phrases == (("trade", "war"),) and q.words == ("tarif",)
    assert q.partial_word
    assert not parse_query("tarif ").partial_word


# --------------------------------------------------------------- properties


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_search_never_raises_and_hits_point_inside(query):
    index = _property_index()
    for h in index.search(query, limit=20):
        source = article_of(h).source
        assert 0 <= h.start <= h.end <= len(source)
        if h.kind == "quote":
            assert source[h.start : h.end] == h.text
        for s, e in h.matches:
            assert 0 <= s < e <= len(h.text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["@", "speaker:", "outlet:", '"', "ballon", "wang", "ś", " ", "a", "zz"]), max_size=8))
def test_query_syntax_soup_never_raises(parts):
    _property_index().search("".join(parts))


_PROP: list[SearchIndex] = []


def _property_index() -> SearchIndex:
    if not _PROP:
        _PROP.append(SearchIndex.build(ALL))
    return _PROP[0]
