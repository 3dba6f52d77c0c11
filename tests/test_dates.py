"""find_dates / find_timexes: phrase -> normalised TIMEX3, against a fixed publication time."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from herald_timeline import schema
from herald_timeline.dates import Timex, find_dates, find_timexes, reference_day

# Friday 2022-11-18 17:58 in Seoul
PUBLISHED = datetime(2022, 11, 18, 17, 58, tzinfo=ZoneInfo("Asia/Seoul"))


def only(text: str, phrase: str, published: datetime | date | None = PUBLISHED) -> Timex:
    """The timex whose text is ``phrase`` (it must be found exactly once)."""
    found = [t for t in find_dates(text, published=published) if t.text == phrase]
    assert len(found) == 1, find_dates(text, published=published)
    return found[0]


CASES = [
    # (id, sentence, timex text, type, value, precision)
    ("full-date", "The SCM was held on Nov. 3, 2022.", "Nov. 3, 2022", "date", "2022-11-03", "day"),
    (
        "month-day",
        "The ministers met on Nov. 3 at the Pentagon.",
        "Nov. 3",
        "date",
        "2022-11-03",
        "day",
    ),
    ("ordinal-day", "It ended November 3rd.", "November 3rd", "date", "2022-11-03", "day"),
    (
        "day-month-year",
        "Signed 3 November 2022 in Seoul.",
        "3 November 2022",
        "date",
        "2022-11-03",
        "day",
    ),
    ("iso", "Dated 2022-11-03.", "2022-11-03", "date", "2022-11-03", "day"),
    ("us-numeric", "Dated 11/3/2022.", "11/3/2022", "date", "2022-11-03", "day"),
    (
        "weekday-same-day",
        "The allies on Friday launched a group.",
        "Friday",
        "date",
        "2022-11-18",
        "day",
    ),
    ("weekday-past", "The JCS said it fired on Tuesday.", "Tuesday", "date", "2022-11-15", "day"),
    (
        "weekday-future",
        "The council will convene on Monday.",
        "Monday",
        "date",
        "2022-11-21",
        "day",
    ),
    (
        "weekday-future-then-report",
        "The council will hold a meeting on the launch on Monday, diplomats said.",
        "Monday",
        "date",
        "2022-11-21",
        "day",
    ),
    (
        "weekday-future-past-an-abbreviation",
        "They will hold talks with U.S. Defense Secretary Lloyd Austin on Monday.",
        "Monday",
        "date",
        "2022-11-21",
        "day",
    ),
    (
        "weekday-report-only",
        "The drill ended on Monday, officials said.",
        "Monday",
        "date",
        "2022-11-14",
        "day",
    ),
    (
        "weekday-opens",
        "The forum opens Wednesday in Seoul.",
        "Wednesday",
        "date",
        "2022-11-23",
        "day",
    ),
    (
        "weekday-plans",
        "It plans to test a missile on Wednesday.",
        "Wednesday",
        "date",
        "2022-11-23",
        "day",
    ),
    (
        "month-past",
        "They first agreed to set it up in August.",
        "August",
        "date",
        "2022-08",
        "month",
    ),
    ("month-future", "They will hold talks in August.", "August", "date", "2023-08", "month"),
    (
        "month-last-year",
        "It happened in December last year.",
        "December last year",
        "date",
        "2021-12",
        "month",
    ),
    (
        "since-january",
        "It has fired 60 missiles since January.",
        "January",
        "date",
        "2022-01",
        "month",
    ),
    ("year", "The test took place in 2019.", "2019", "date", "2019", "year"),
    ("this-year", "North Korea fired 60 missiles this year.", "this year", "date", "2022", "year"),
    ("last-year", "It fired 8 last year.", "last year", "date", "2021", "year"),
    ("this-month", "Talks resumed this month.", "this month", "date", "2022-11", "month"),
    ("last-month", "Talks resumed last month.", "last month", "date", "2022-10", "month"),
    ("next-month", "Talks resume next month.", "next month", "date", "2022-12", "month"),
    (
        "earlier-this-month",
        "They met earlier this month.",
        "earlier this month",
        "date",
        "2022-11",
        "month",
    ),
    (
        "earlier-this-year",
        "A regiment organized earlier this year.",
        "earlier this year",
        "date",
        "2022",
        "year",
    ),
    ("early-next-year", "It starts early next year.", "early next year", "date", "2023", "year"),
    ("late-last-month", "It was late last month.", "late last month", "date", "2022-10", "month"),
    (
        "first-half",
        "It ends in the first half of 2023.",
        "the first half of 2023",
        "date",
        "2023-H1",
        "year",
    ),
    ("yesterday", "The JCS said so yesterday.", "yesterday", "date", "2022-11-17", "day"),
    (
        "early-yesterday",
        "Early yesterday it fired.",
        "Early yesterday",
        "date",
        "2022-11-17",
        "day",
    ),
    ("late-wednesday", "It fired late Wednesday.", "late Wednesday", "date", "2022-11-16", "day"),
    ("last-week", "They met last week.", "last week", "date", "2022-W45", "week"),
    ("week-ago", "They met a week ago.", "a week ago", "date", "2022-W45", "week"),
    ("decade", "Talks began in the 1990s.", "the 1990s", "date", "199", "year"),
    (
        "quarter",
        "Exports grew in the third quarter.",
        "the third quarter",
        "date",
        "2022-Q3",
        "quarter",
    ),
    (
        "weekday-date",
        "It fired on Sunday, Jan. 14, then again.",
        "Sunday, Jan. 14",
        "date",
        "2022-01-14",
        "day",
    ),
    ("clock", "It fired at 6:01 a.m. on the day.", "6:01 a.m.", "time", "2022-11-18T06:01", "day"),
    ("clock-kst", "Published 17:58 KST.", "17:58 KST", "time", "2022-11-18T17:58", "day"),
    ("two-weeks", "The drill lasts two weeks.", "two weeks", "duration", "P2W", None),
    ("eleven-day", "An 11-day drill began.", "11-day", "duration", "P11D", None),
    ("two-years", "He served for two years.", "two years", "duration", "P2Y", None),
    ("every-year", "It is held every year.", "every year", "set", "P1Y", None),
    ("now", "Tensions are high now.", "now", "date", "PRESENT_REF", None),
    ("the-past", "As in the past, it ended.", "the past", "date", "PAST_REF", None),
]


@pytest.mark.parametrize(("sentence", "phrase", "kind", "value", "precision"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])  # fmt: skip
def test_phrase(sentence: str, phrase: str, kind: str, value: str, precision: str | None) -> None:
    timex = only(sentence, phrase)
    assert (timex.type, timex.value, timex.precision) == (kind, value, precision)
    assert sentence[timex.char_start : timex.char_end] == timex.text


def test_month_span_covers_the_month() -> None:
    timex = only("They agreed in August to meet.", "August")
    assert (timex.start, timex.end) == (date(2022, 8, 1), date(2022, 8, 31))


def test_this_year_spans_the_year() -> None:
    timex = only("It fired 60 this year.", "this year")
    assert (timex.start, timex.end, timex.anchor) == (
        date(2022, 1, 1),
        date(2022, 12, 31),
        "published",
    )


def test_event_anchored_and_hedged() -> None:
    text = "They launched it on Friday, around two weeks after the SCM on Nov. 3."
    timex = only(text, "around two weeks after")
    assert (timex.value, timex.anchor, timex.approximate) == ("2022-11-17", "event", True)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [("They met on May 25. The following day, they fired.", "The following day", "2022-05-26"),
     ("They met on May 25. Two days later, they fired.", "Two days later", "2022-05-27"),
     ("They met on May 25. A day earlier, they fired.", "A day earlier", "2022-05-24")],
    ids=["following-day", "two-days-later", "a-day-earlier"],
)  # fmt: skip
def test_relative_to_previous_date(text: str, phrase: str, value: str) -> None:
    timex = only(text, phrase)
    assert (timex.value, timex.anchor) == (value, "event")


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [("Drills ran March 13-23.", "2022-03-13", "2022-03-23"),
     ("Launches on Sept. 11 and 12 followed.", "2022-09-11", "2022-09-12"),
     ("It ran Aug. 22-Sept. 1.", "2022-08-22", "2022-09-01"),
     ("They met between March 13 and 23.", "2022-03-13", "2022-03-23"),
     ("It ran June 27th through June 29th.", "2022-06-27", "2022-06-29")],
    ids=["dash", "and", "cross-month", "between", "through"],
)  # fmt: skip
def test_ranges_give_two_dates(text: str, first: str, second: str) -> None:
    values = [t.value for t in find_dates(text, published=PUBLISHED)]
    assert values == [first, second]


def test_utc_publication_uses_the_korean_day() -> None:
    # 2022-11-18 10:00 UTC is 19:00 in Seoul; 2022-11-17 20:00 UTC is already the 18th there
    late_utc = datetime(2022, 11, 17, 20, 0, tzinfo=UTC)
    assert only("They met today.", "today", late_utc).value == "2022-11-18"
    assert reference_day(late_utc, "America/New_York") == date(2022, 11, 17)


def test_date_only_publication_is_the_day() -> None:
    assert reference_day(date(1998, 2, 6)) == date(1998, 2, 6)
    assert only("Jobs rose last month.", "last month", date(1998, 2, 6)).value == "1998-01"


def test_without_publication_nothing_is_guessed() -> None:
    found = find_dates("They met on Friday and on Nov. 3, 2022, and in August.", published=None)
    by_text = {t.text: t for t in found}
    assert by_text["Friday"].anchor == "unresolved" and by_text["Friday"].start is None
    assert by_text["August"].value == "XXXX-08"
    assert by_text["Nov. 3, 2022"].value == "2022-11-03"


@pytest.mark.parametrize(
    "text",
    ["He may go.", "They march on.", "The Sun reported it.", "Jan said so.", "A 6-year-old boy.",
     "It cost $1990.", "The 2,000 troops.", "A 1-1 draw."],
    ids=["may", "march", "sun", "jan-name", "age", "money", "count", "score"],
)  # fmt: skip
def test_not_dates(text: str) -> None:
    assert find_dates(text, published=PUBLISHED) == []


def test_sorted_and_non_overlapping() -> None:
    text = "On Nov. 3, 2022 and on Friday, two weeks later, this year and in August."
    found = find_dates(text, published=PUBLISHED)
    assert [t.char_start for t in found] == sorted(t.char_start for t in found)
    assert all(a.char_end <= b.char_start for a, b in zip(found, found[1:], strict=False))


def test_find_timexes_has_the_schema() -> None:
    df = find_timexes("They met on Friday.", published=PUBLISHED, article_id="a1")
    schema.validate(df, "timexes")
    assert df.loc[0, "timex_id"] == "a1-t000" and df.loc[0, "value"] == "2022-11-18"
    empty = find_timexes("No dates here.", published=PUBLISHED)
    schema.validate(empty, "timexes")
    assert len(empty) == 0


# ----------------------------------------------------------------- direction from tense


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [("The envoys had agreed to meet on Friday and to sign on Saturday.", date(2019, 10, 2),
      ["2019-10-04", "2019-10-05"]),
     ("The second phase of the drill runs through Thursday.", date(2022, 8, 23), ["2022-08-25"]),
     ("The drill ran through Thursday.", date(2022, 8, 23), ["2022-08-18"]),
     ("Talks were postponed until Tuesday.", date(2022, 8, 24), ["2022-08-30"]),
     ("Officials said the plane was to leave on Friday.", date(2022, 8, 24), ["2022-08-26"]),
     ("On Friday, the ministry planned to pay the victims.", date(2022, 8, 24), ["2022-08-19"]),
     ("On Thursday, he is expected to meet the envoy.", date(2017, 7, 4), ["2017-07-06"]),
     ("Both had agreed to hold contact on Friday, followed by talks on Saturday.",
      date(2019, 10, 2), ["2019-10-04", "2019-10-05"]),
     ("Ten members had filed their reports by Wednesday.", date(2022, 8, 25), ["2022-08-24"]),
     ("Until Thursday, they had not called him a suspect.", date(2022, 8, 26), ["2022-08-25"]),
     ("The reports were due by Wednesday.", date(2022, 8, 25), ["2022-08-31"]),
     ("They had to file their reports by Wednesday.", date(2022, 8, 25), ["2022-08-31"]),
     ("The sale, which had been expected, pays the loan by Friday.", date(2022, 8, 25),
      ["2022-08-26"]),
     ("Protesters planned a large rally on Saturday.", date(2000, 1, 7), ["2000-01-08"]),
     ("The planned visit on Monday was called off.", date(2022, 8, 26), ["2022-08-29"]),
     ("Officials met the day before last Tuesday.", date(2000, 2, 24), ["2000-02-21"]),
     ("It fired what was believed to be an ICBM on Wednesday.", date(2022, 5, 27),
      ["2022-05-25"]),
     ("On Wednesday, it fired what is thought to be a new missile.", date(2022, 5, 27),
      ["2022-05-25"]),
     ("The deal is to be signed on Wednesday.", date(2022, 5, 27), ["2022-06-01"]),
     # "said in a statement on Monday": the saying is dated, not what "would" happen
     ("The ministry said in a statement on Monday that it would respond.", date(2024, 6, 27),
      ["2024-06-24"]),
     ("The ministry said it will hold talks on Monday.", date(2024, 6, 27), ["2024-07-01"])],
    ids=["agreed-to-hold", "runs-through", "ran-through", "postponed-until", "was-to",
         "fronted-plan", "fronted-expected", "followed-by", "past-perfect-by",
         "until-past-perfect", "due-by", "had-to", "relative-clause-aside", "planned-noun",
         "planned-adjective", "day-before-last-weekday", "believed-to-be-before",
         "thought-to-be-after", "is-to-be", "said-in-a-statement-on", "said-it-will"],
)  # fmt: skip
def test_weekday_direction(text: str, published: date, expected: list[str]) -> None:
    assert [t.value for t in find_dates(text, published=published)] == expected


MODAL_DIRECTIONS = [
    # possibility and expectation look ahead; "may have" looks back; "May" is a month
    ("North Korea may conduct a nuclear test in November.", date(2024, 1, 6), ["2024-11"]),
    ("It might launch a satellite in March.", date(2024, 5, 6), ["2025-03"]),
    ("Experts expect another test in November.", date(2024, 1, 6), ["2024-11"]),
    ("The talks are expected in November.", date(2024, 1, 6), ["2024-11"]),
    ("The North may have fired a missile in November.", date(2024, 1, 6), ["2023-11"]),
    ("Since May it has fired one missile in November.", date(2024, 1, 6), ["2023-05", "2023-11"]),
    # told its audience on a day: the telling is dated, not what might follow
    ("Bush told a news conference on Tuesday that it might be extended.", date(1990, 8, 15),
     ["1990-08-14"]),
    ("He told reporters on Tuesday that they would meet.", date(1990, 8, 15), ["1990-08-14"]),
    # an irregular past verb is nearer than a modal of the quote before it
    ("'They might come,' said a man who spent part of Sunday with protesters.",
     date(2000, 4, 17), ["2000-04-16"]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "published", "expected"), MODAL_DIRECTIONS, ids=[r[0][:40] for r in MODAL_DIRECTIONS]
)
def test_direction_from_modals_and_reports(text: str, published: date, expected: list[str]) -> None:
    assert [t.value for t in find_dates(text, published=published)] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [("The governor, who takes office on May 10, spoke.", date(2022, 3, 24), "2022-05-10"),
     ("The vote will be held on Nov. 5 in all states.", date(2024, 11, 1), "2024-11-05"),
     ("She is sworn in at noon on Jan. 20 in the capital.", date(2021, 1, 15), "2021-01-20"),
     ("The drills, starting on Aug. 16, involve jets.", date(2022, 8, 22), "2022-08-16"),
     ("He said the firm is calling the notes on Dec. 7.", date(1989, 11, 20), "1989-12-07"),
     ("It set a Jan. 14 deadline, officials said.", date(2000, 1, 5), "2000-01-14"),
     ("They met on Dec. 28 in Seoul.", date(2022, 11, 18), "2021-12-28"),
     ("Payment would come on a still unspecified date in January.", date(1989, 11, 2),
      "1990-01"),
     ("The deal is to be completed around Nov. 1.", date(1989, 10, 30), "1989-11-01"),
     ("Last year's drill, held March 13-23, was large.", date(2024, 3, 4), "2023-03-13"),
     ("In 2019, the North fired a missile on Oct. 2.", date(2022, 9, 1), "2019-10-02"),
     ("The 2019 drill was large. It fired on March 16 that year.", date(2024, 3, 4),
      "2019-03-16")],
    ids=["takes-office", "will-be-held", "is-sworn-in", "starting-recent-past",
         "said-present", "deadline-noun", "past-far", "adjective-ed", "to-be-done",
         "sentence-year-relative", "sentence-year", "that-year"],
)  # fmt: skip
def test_month_day_year(text: str, published: date, expected: str) -> None:
    found = find_dates(text, published=published)
    values = [t.value for t in found if t.precision in ("day", "month")]
    assert values[0].split("T")[0] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [("They agreed in August that the system will start soon.", date(2023, 12, 18), "2023-08"),
     ("The allies agreed in August at a summit to share data, and it will run from Tuesday.",
      date(2023, 12, 18), "2023-08"),
     ("The party decided in March that it would hold a congress.", date(2023, 12, 18),
      "2023-03"),
     ("They agreed to hold talks that will start in August.", date(2023, 12, 18), "2024-08"),
     ("Both sides agreed that talks will resume in March.", date(2023, 12, 18), "2024-03"),
     # a participle clause set off by commas keeps its date from the main clause's "will"
     ("The group, agreed upon by Yoon and Biden in April, will meet next week.",
      date(2023, 7, 12), "2023-04")],
    ids=["agreed-in-month-then-will", "agreed-at-summit-then-will", "decided-in-month",
         "agreed-to-then-will", "agreed-that-will", "participle-aside"],
)  # fmt: skip
def test_decision_verbs_date_the_decision(text: str, published: date, expected: str) -> None:
    """ "agreed/decided <date>" dates the decision (past); the date of what was agreed
    ("agreed that talks will resume in March") follows that clause's own tense."""
    assert [t.value for t in find_dates(text, published=published)][0] == expected


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [("It fired on Nov. 3 in the afternoon.", "the afternoon", "2022-11-03TAF"),
     ("Officials met in the morning.", "the morning", "2022-11-18TMO"),
     ("The rally began Wednesday night.", "Wednesday night", "2022-11-16TNI"),
     ("It fired yesterday morning.", "yesterday morning", "2022-11-17TMO"),
     ("It fired last night.", "last night", "2022-11-17TNI")],
    ids=["afternoon-of-day", "morning-of-publication", "weekday-night", "yesterday-morning",
         "last-night"],
)  # fmt: skip
def test_parts_of_days(text: str, phrase: str, value: str) -> None:
    assert only(text, phrase).value == value


@pytest.mark.parametrize(
    "published",
    ["2022-11-18T17:58+09:00", "2022-11-18", "2022-11-18T08:58:00Z", date(2022, 11, 18)],
    ids=["iso-offset", "iso-date", "iso-utc", "date"],
)
def test_published_as_iso_string(published: str | date) -> None:
    assert only("They met today.", "today", published).value == "2022-11-18"  # type: ignore[arg-type]
    df = find_timexes("They met today.", published=published)
    assert df.loc[0, "value"] == "2022-11-18"


def test_bad_published_string_is_refused() -> None:
    with pytest.raises(ValueError, match="ISO 8601"):
        find_dates("They met today.", published="18/11/2022")


def test_day_columns_are_seconds() -> None:
    df = find_timexes("It began in 1650 and ended on Nov. 3.", published=PUBLISHED)
    assert str(df["start"].dtype) == schema.DAY
    assert df["start"].tolist()[0].year == 1650


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [("In the third quarter, profit was $5 million, compared with a loss of $3 million last "
      "year.", "last year", "1988-Q3"),
     ("In the third quarter, profit rose. This quarter's gain was large.", "This quarter",
      "1989-Q3"),
     ("Profit rose in the third quarter from the 1988 quarter.", "the 1988 quarter", "1988-Q3"),
     ("Revenue for the year ended March 31 rose.", "the year", "P1Y"),
     ("Sales for the full year rose.", "the full year", "1989"),
     ("It fell last year, when rates rose.", "last year", "1988"),
     ("Profit rose in the third quarter. For the nine months, it earned $5, up from $4 a "
      "year earlier.", "a year earlier", "1988"),
     ("Profit fell in the third quarter. It earned $4 in the year-ago quarter. The year-ago "
      "results were restated.", "year-ago", "1988-Q3"),
     ("Output fell from a year ago. Costs were higher compared with a year earlier.",
      "a year earlier", "1988"),
     ("It rose last year. The year-earlier results were restated.", "year-earlier", "1988"),
     ("Losses will last through the third quarter of 1990. In the year-ago period, it "
      "earned $5.", "the year-ago period", "1988-Q3"),
     ("It lost $8 for the third quarter ended Sept. 30, against a profit for the "
      "corresponding period last year.", "the corresponding period last year", "1988-Q3"),
     ("Profit fell in the third quarter. For the quarter a year ago, it earned $3.",
      "the quarter a year ago", "1988-Q3"),
     ("Net was $4 for the fiscal first quarter ended Sept. 30, against a loss a year ago.",
      "a year ago", "1988-Q1")],
    ids=["compared-last-year", "this-quarter", "year-quarter", "year-ended", "full-year",
         "plain-last-year", "nine-months-a-year-earlier", "second-comparison-same-period",
         "a-year-earlier-after-a-year-ago", "year-earlier-after-last-year",
         "forecast-quarter-is-not-the-period", "quarter-ended-day", "quarter-a-year-ago",
         "fiscal-quarter-ended-day"],
)  # fmt: skip
def test_earnings_periods(text: str, phrase: str, value: str) -> None:
    assert only(text, phrase, date(1989, 11, 2)).value == value


def test_month_day_with_a_relative_year_is_one_date() -> None:
    found = find_dates("It fired a missile on June 12 last year.", published=PUBLISHED)
    assert [(t.text, t.value, t.anchor) for t in found] == [
        ("June 12 last year", "2021-06-12", "published")
    ]


@pytest.mark.parametrize(
    ("text", "phrase", "value", "precision"),
    [("It fired earlier this year.", "earlier this year", "2022", "year"),
     ("It will fire later this month.", "later this month", "2022-11", "month"),
     ("They met early next year.", "early next year", "2023", "year")],
    ids=["earlier-this-year", "later-this-month", "early-next-year"],
)  # fmt: skip
def test_part_of_a_period_is_hedged(text: str, phrase: str, value: str, precision: str) -> None:
    timex = only(text, phrase)
    assert (timex.value, timex.precision, timex.approximate) == (value, precision, True)


def test_earlier_on_a_day_stays_that_day() -> None:
    timex = only("Earlier Friday, it fired.", "Earlier Friday")
    assert (timex.value, timex.approximate) == ("2022-11-18", False)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [("It came less than a week before the summit on Nov. 20.", "less than a week", "P1W"),
     ("It came more than two days after the talks on Nov. 3.", "more than two days", "P2D"),
     ("It came a day after the minister said the two sides agreed to meet on Friday.",
      "a day", "P1D"),
     ("It fired on Nov. 10, a day after the allies met on Nov. 9.", "a day after",
      "2022-11-10")],
    ids=["less-than-before", "more-than-after", "reported-date", "event-date"],
)  # fmt: skip
def test_counts_before_or_after_an_event(text: str, phrase: str, value: str) -> None:
    """A bound ("less than a week before") is no date; neither is a count whose date
    belongs to a reported clause; a date right after the event it names anchors it."""
    assert only(text, phrase).value == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [("It ended the eight-year war.", "eight-year", "P8Y"),
     ("He blamed the third-quarter loss on the storm.", "third-quarter", "2022-Q3"),
     ("It lasted the two weeks of the drill.", "the two weeks", "P2W"),
     ("Profit rose in the third quarter.", "the third quarter", "2022-Q3")],
    ids=["duration-modifier", "quarter-modifier", "duration-noun", "quarter-noun"],
)  # fmt: skip
def test_hyphenated_modifier_leaves_the_article(text: str, phrase: str, value: str) -> None:
    """ "the eight-year war": "the" belongs to the noun; "the two weeks" keeps it."""
    assert only(text, phrase).value == value


NEW_YEAR_EVE = datetime(2022, 12, 31, 10, 0, tzinfo=ZoneInfo("Asia/Seoul"))
ACROSS_THE_YEAR = [
    ("past-tense", "North Korea fired a missile on Jan. 5.", "2022-01-05"),
    ("future-tense", "The allies will hold talks on Jan. 5.", "2023-01-05"),
    ("timeline-entry", "Jan. 5: North Korea fires a missile.", "2022-01-05"),
    ("timeline-entry-months-away", "June 5: The North fires eight missiles.", "2022-06-05"),
    ("timeline-entry-with-cue", "Jan. 5: The allies will hold talks.", "2023-01-05"),
]


@pytest.mark.parametrize(
    ("text", "value"), [r[1:] for r in ACROSS_THE_YEAR], ids=[r[0] for r in ACROSS_THE_YEAR]
)
def test_a_month_day_near_new_year_follows_the_tense(text: str, value: str) -> None:
    (found,) = find_dates(text, published=NEW_YEAR_EVE, tz="Asia/Seoul")
    assert found.value == value
