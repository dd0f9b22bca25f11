"""Story grouping and shared quotes, with measured pairwise precision/recall
against a hand-made gold grouping (tests/fixtures/stories/gold.json)."""

from __future__ import annotations

from datetime import date
from itertools import combinations
from pathlib import Path

import pytest

from reader.attribution import extract_article
from reader.cleaning import parse_article
from reader.corpus import load
from reader.dates import parse_date
from reader.directory import build_directory
from reader.stories import group_stories
from tests.support.stories import SEED_DIR, STORIES, STORY_GOLD

GOLD = STORY_GOLD
SEEDS = SEED_DIR


@pytest.fixture(scope="module")
def items():
    corpus = load([STORIES, SEEDS])
    return [(a, extract_article(a)) for a in corpus.articles]


@pytest.fixture(scope="module")
def stories(items):
    return group_stories(items, directory=build_directory(items))


def _name(article) -> str:
    return Path(article.path).name


def _pairs(groups) -> set[frozenset]:
    return {frozenset(p) for g in groups for p in combinations(sorted(g), 2)}


def _story_of(stories, file):
    return next(s for s in stories if file in {_name(a) for a in s.articles})


def test_grouping_precision_recall(stories):
    gold = _pairs(GOLD["stories"])
    found = _pairs([[_name(a) for a in s.articles] for s in stories])
    hit = len(gold & found)
    precision = hit / len(found) if found else 1.0
    recall = hit / len(gold)
    print(f"\nstory grouping: precision {precision:.2f} recall {recall:.2f} ({hit}/{len(found)} found pairs, {len(gold)} gold pairs)")
    assert precision >= 0.9 and recall >= 0.9
    assert sum(len(s.articles) for s in stories) == sum(len(g) for g in GOLD["stories"])


def test_seed_articles_are_one_story():
    items = [(a, extract_article(a)) for a in load([SEEDS]).articles]
    stories = group_stories(items)
    assert len(stories) == 1 and len(stories[0].articles) == 2


def test_story_order_title_and_singletons(stories):
    def rank(story):
        return (len({a.outlet_label for a in story.articles if a.outlet_label}) if len(story) > 1 else -1,
                len(story.shared_quotes), len(story))
    ranks = [rank(s) for s in stories]
    assert ranks == sorted(ranks, reverse=True)  # most outlets, then most shared quotes, then size
    library = _story_of(stories, "library_courier.md")
    assert len(library) == 1 and library.title == "Porthaven library reopens after flood repairs"
    ferry = _story_of(stories, "ferry_ledger.md")
    # First report first (dates), the title from one of its own articles.
    assert [a.date for a in ferry.articles] == sorted(a.date for a in ferry.articles)
    assert ferry.title in {a.title for a in ferry.articles}


def test_shared_quotes_match_reworded_quotes(stories):
    ferry = _story_of(stories, "ferry_courier.md")
    by_speaker = {sq.speaker: sq for sq in ferry.shared_quotes}
    okafor = by_speaker["Grace Okafor"]
    # "We have given ... and they have refused" / "We've given ... and they refused" / "We gave ..."
    assert {_name(a) for a in okafor.articles} == {"ferry_courier.md", "ferry_radionorth.md", "ferry_ledger.md"}
    assert okafor.first[0].date == "2024-03-04"
    assert okafor.also_quoted_by[-1] == "The Northern Ledger"
    assert "Tom Reilly" in by_speaker
    # Part of a longer quote is the same quotation ("We have to act now to save our season").
    football = _story_of(stories, "football_sportdesk.md")
    lindqvist = next(sq for sq in football.shared_quotes if sq.speaker == "Peter Lindqvist")
    assert len(lindqvist.articles) == 2
    # The acronym-only article's quote is credited to the merged organisation.
    ema = _story_of(stories, "ema_healthdaily.md")
    assert any(sq.speaker == "European Medicines Agency" and len(sq.articles) == 3 for sq in ema.shared_quotes)


def test_no_shared_quote_within_one_article_or_across_stories(stories):
    for story in stories:
        names = {_name(a) for a in story.articles}
        for sq in story.shared_quotes:
            assert len(sq.articles) >= 2
            assert {_name(a) for a, _q in sq.occurrences} <= names


def test_who_quoted_whom(stories):
    rail = _story_of(stories, "rail_ledger.md")
    quoted = {_name(a): names for a, names in rail.quoted()}
    assert "Daniel Okafor" in quoted["rail_ledger.md"] and "Gareth Lloyd" in quoted["rail_radionorth.md"]


def test_empty_and_dates():
    assert group_stories([]) == []
    assert parse_date("2024-03-04") == date(2024, 3, 4)
    assert parse_date("March 3, 2024") == date(2024, 3, 3)
    assert parse_date("Feb. 18, 2023") == date(2023, 2, 18)
    assert parse_date("18 February 2023 10:00 GMT") == date(2023, 2, 18)
    assert parse_date("2024-02-30") is None
    assert parse_date("Feb 26") is None and parse_date(None) is None


def _wire(folder: Path, name: str, title: str, dateline: str, body: str):
    path = folder / name
    path.write_text(f"{title}\n\n{dateline} - {body}\n", encoding="utf-8")
    article = parse_article(path.read_text(encoding="utf-8"), str(path))
    return article, extract_article(article)


def _together(stories, a, b) -> bool:
    return any({a, b} <= {x.id for x in s.articles} for s in stories)


def test_wire_datelines_keep_a_months_apart_report_out_of_the_story(tmp_path):
    body = ("Harbour pilots at Port Elwin walked out over pay, halting grain loadings, "
            "the Elwin Harbour Board said. \"The port is closed until further notice,\" said "
            "Marta Quell, the board's chairwoman.")
    strike = _wire(tmp_path, "a.txt", "PORT ELWIN PILOTS STRIKE OVER PAY", "ELWIN, March 3", body)
    next_day = _wire(tmp_path, "b.txt", "ELWIN HARBOUR STRIKE HALTS GRAIN LOADINGS", "ELWIN, March 4",
                     body.replace("walked out", "stayed off work"))
    months_on = _wire(tmp_path, "c.txt", "PORT ELWIN PILOTS STRIKE AGAIN OVER PAY", "ELWIN, June 20",
                      body.replace("walked out", "walked out again"))
    stories = group_stories([strike, next_day, months_on])
    assert _together(stories, strike[0].id, next_day[0].id)
    assert not _together(stories, strike[0].id, months_on[0].id)


def test_the_same_headline_on_other_days_is_a_recurring_report_not_one_story(tmp_path):
    def report(day: int, hogs: int):
        return _wire(tmp_path, f"r{day}.txt", "ELWIN LIVESTOCK AUCTION RESULTS", f"ELWIN, March {day}",
                     f"The Elwin livestock auction sold {hogs} hogs and {hogs // 3} cattle, "
                     f"the Elwin Auction Board said, with prices steady to firm on good demand.")
    monday, tuesday, again = report(2, 900), report(3, 1200), report(2, 950)
    stories = group_stories([monday, tuesday, again])
    assert not _together(stories, monday[0].id, tuesday[0].id)
    assert _together(stories, monday[0].id, again[0].id)  # the same day: an update of one report


def _days(story) -> list[int]:
    from reader.stories import _when

    return [d for d in (_when(a)[1] for a in story.articles) if d is not None]


def test_an_agencys_weekly_releases_never_chain_into_one_story(tmp_path):
    """One statistics office, a release a week for six weeks, each worded
    like the last: no story may span more than a week, and two releases of
    different figures in one week are two stories."""
    figures = ["retail sales", "housing starts", "factory orders", "retail sales", "housing starts", "factory orders"]
    releases = [
        _wire(tmp_path, f"w{week}.txt", f"ELWIN {figure.upper()} RISE IN MONTH", f"ELWIN, March {1 + 5 * week}",
              f"Elwin {figure} rose 0.4 pct in the month, seasonally adjusted, after a 0.2 pct gain the month "
              f"before, the Elwin Statistics Office said. The office said {figure} were up 3.1 pct on a year ago.")
        for week, figure in enumerate(figures)
    ]
    stories = group_stories(releases)
    assert all(max(_days(s)) - min(_days(s)) <= 7 for s in stories)
    assert not _together(stories, releases[0][0].id, releases[3][0].id)  # retail sales, three weeks apart


def test_one_event_reported_over_days_stays_one_story_apart_from_the_companys_other_news(tmp_path):
    fire = _wire(tmp_path, "f1.txt", "FIRE SHUTS KESTREL COPPER MINE", "TORVIK, April 2",
                 "A fire broke out underground at the Kestrel copper mine near Torvik, trapping eleven miners "
                 "and halting production, Kestrel Mining Ltd said.")
    rescue = _wire(tmp_path, "f2.txt", "TRAPPED KESTREL MINERS FOUND ALIVE", "TORVIK, April 3",
                   "Rescuers found the eleven miners trapped by the underground fire at the Kestrel copper mine "
                   "alive, Kestrel Mining Ltd said, and production will stay halted for weeks.")
    bonds = _wire(tmp_path, "f3.txt", "KESTREL MINING TO SELL 150 MLN DLRS OF BONDS", "TORVIK, April 4",
                  "Kestrel Mining Ltd said it will sell 150 mln dlrs of ten-year bonds to refinance debt, "
                  "with Harlow Securities as lead manager.")
    stories = group_stories([fire, rescue, bonds])
    assert _together(stories, fire[0].id, rescue[0].id)
    assert not _together(stories, fire[0].id, bonds[0].id)


def test_an_intraday_price_table_series_is_not_one_story(tmp_path):
    """Undated snapshots of one table, told apart by the clock time in the headline."""
    def table(name: str, clock: str, price: int):
        path = tmp_path / name
        path.write_text(f"ELWIN GRAIN FUTURES {clock} EDT\n\nWheat {price} up 2, corn 151 up 1, oats 98 unch.\n",
                        encoding="utf-8")
        article = parse_article(path.read_text(encoding="utf-8"), str(path))
        return article, extract_article(article)

    ten, eleven, again = table("a.txt", "10:50", 301), table("b.txt", "11:20", 303), table("c.txt", "10:50", 301)
    stories = group_stories([ten, eleven, again])
    assert not _together(stories, ten[0].id, eleven[0].id)
    assert _together(stories, ten[0].id, again[0].id)  # the same snapshot twice: one story


def test_dividend_notices_of_different_companies_in_a_wire_feed_are_not_one_story(tmp_path):
    """A feed carries dozens of these a week; what they share is the form, not an event."""
    places, trades = ["Harlow", "Torvik", "Elwin", "Marsh", "Quell", "Brant"], ["Foods", "Power", "Bancorp", "Mills", "Steel"]
    notices = [
        _wire(tmp_path, f"d{i}.txt", f"{place.upper()} {trade.upper()} <{place[:2].upper()}{trade[:2].upper()}> SETS PAYOUT",
              f"NEW YORK, May {1 + i % 5}", f"Qtly div {10 + i} cts vs {10 + i} cts prior. Pay June 1. Record May 20.")
        for i, (place, trade) in enumerate((p, t) for p in places for t in trades)
    ]
    stories = group_stories(notices)
    assert all(len(s.articles) == 1 for s in stories)
