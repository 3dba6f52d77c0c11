"""Numeric claims (herald_timeline.claims): counts, hedges, units, subsets, periods."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from herald_timeline import claim_lexicon, resources
from herald_timeline.claim_context import _attribution
from herald_timeline.claims import Claim, find_claims, unit_of
from herald_timeline.dates import Timex, find_dates
from herald_timeline.text import ascii_class, split_sentences

PUBLISHED = datetime(2022, 11, 18, 17, 58, tzinfo=ZoneInfo("Asia/Seoul"))


def claims_of(text: str, timexes: list[Timex] | None = None) -> list[Claim]:
    return find_claims(text, split_sentences(text), timexes or [], published=PUBLISHED)


def short(claims: list[Claim]) -> list[tuple[float, str, str]]:
    return [(c.value, c.bound, c.unit) for c in claims]


# --- what counts --------------------------------------------------------------------------

COUNTS = [
    ("Pyongyang fired eight cruise missiles.", (8, "exact", "cruise missile")),
    ("It fired 70 or so missiles.", (70, "about", "missile")),
    ("It fired 20 or more missiles.", (20, "at_least", "missile")),
    ("It sent two dozen warships.", (24, "exact", "warship")),
    ("The army fired more than 400 rounds.", (400, "more_than", "round")),
    ("They fired over 60 missiles.", (60, "more_than", "missile")),
    ("It has at least 20 ballistic missiles.", (20, "at_least", "ballistic missile")),
    ("The drill involved some 3,500 troops.", (3500, "about", "troop")),
    ("Nearly 100 drones were seen.", (100, "about", "drone")),
    ("Up to 40 jets will fly.", (40, "at_most", "jet")),
    ("As many as 5,000 soldiers left.", (5000, "at_most", "soldier")),
    ("It launched fewer than 10 SRBMs.", (10, "less_than", "SRBM")),
    ("It has between 40 and 50 nuclear warheads.", (40, "range", "nuclear warhead")),
    ("It built 10 to 20 warheads.", (10, "range", "warhead")),
    (
        "Forty-two combined field training exercises are planned.",
        (42, "exact", "field training exercise"),
    ),
    ("A dozen warships sailed.", (12, "exact", "warship")),
    ("About 1.5 million troops joined.", (1_500_000, "about", "troop")),
    ("It fired two intermediate-range ballistic missiles.", (2, "exact", "IRBM")),
    ("It fired three short-range missiles.", (3, "exact", "short-range missile")),
    ("Seoul sent four F-35A stealth fighters.", (4, "exact", "stealth fighter")),
    ("Tokyo sent six F-15s.", (6, "exact", "F-15")),
    ("Seoul said 14 member states agreed.", (14, "exact", "member state")),
    ("The drill mobilized 9 Aegis destroyers.", (9, "exact", "destroyer")),
    ("It staged three rounds of missile launches.", (3, "exact", "launch")),
    ("It conducted two ICBM launches.", (2, "exact", "launch")),
    ("The council blacklisted seven individuals.", (7, "exact", "individual")),
    ("All 12 members backed it.", (12, "exact", "member")),
    ("It sent about 310 more balloons.", (310, "about", "balloon")),
    # a possessive or an abbreviation before the digits is no name
    ("Japan's 3 destroyers sailed.", (3, "exact", "destroyer")),
    ("The allies agreed to withdraw 11 guard posts each.", (11, "exact", "guard post")),
    # "of the <unit>" and "of them" after a unit named without a number
    ("Japan said 36 of the missiles landed in its waters.", (36, "exact", "missile")),
    (
        "It launched a record number of ballistic missiles, firing at least 69 of them.",
        (69, "at_least", "ballistic missile"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), COUNTS, ids=[t for t, _ in COUNTS])
def test_counts(text: str, expected: tuple[float, str, str]) -> None:
    assert short(claims_of(text)) == [expected]


def test_bounds_and_value_text() -> None:
    more, rng = claims_of("It fired more than 30 missiles. It has between 20 and 30 warheads.")
    assert (more.value, more.lower, more.upper, more.value_text) == (30, 30, None, "more than 30")
    assert (rng.value, rng.lower, rng.upper, rng.bound) == (20, 20, 30, "range")


def test_claim_offsets_are_the_sentence() -> None:
    text = "Intro line.\nThe North fired nine ballistic missiles on Monday."
    (claim,) = claims_of(text)
    assert text[claim.char_start : claim.char_end] == claim.evidence
    assert claim.unit_text == "ballistic missiles"


# --- what does not count ------------------------------------------------------------------

NOT_CLAIMS = [
    "It was the 54th such meeting.",
    "It was the third test this year.",
    "It was the second failed attempt.",
    "The missile flew 2,800 km.",
    "Japan said it flew at least 500 km.",
    "The missiles flew between 110 and 670 kilometers.",
    "It used a 600mm rocket launcher.",
    "The deal is worth $3 billion.",
    "A third of exports were banned.",
    "Exports fell 7.4% last year.",
    "The 11-day drills began.",
    "It ended a two-day summit.",
    "It broke a 17-month lull.",
    "The flight lasted 75 days.",
    "It came four years and four months later.",
    "A 15-member panel met.",
    "The two leaders shook hands.",
    "It fired a single missile.",
    "It fired a short-range ballistic missile.",
    "It fired an ICBM.",
    "Resolution 2371 passed on Aug. 5.",
    "They met again in 2019.",
    "Ships from all three countries joined.",
    "The flight lasted 39 minutes.",
    "The launch came at 4:45 a.m.",
    "Trump flew on Air Force One.",
    "It fired 20 more than last year.",
    "It has fired two more times.",
    "The satellite flew aboard a SpaceX Falcon 9 rocket.",
    "The two previous launches, on Feb. 27 and March 5, tested its engine.",
    "It is one of the worst offending countries.",
]


@pytest.mark.parametrize("text", NOT_CLAIMS, ids=NOT_CLAIMS)
def test_not_claims(text: str) -> None:
    assert claims_of(text) == []


HAS_NUMBER = [
    ("fired two missiles", True),
    ("two-thirds of them", True),
    ("“one” of them", True),
    ("it happens often", False),
    ("someone fired", False),
    ("tens of drills", False),
    ("in 2022", True),
    ("in “2022”", True),  # an ASCII digit in a text that is not ASCII
    ("in ٢٠٢٢", True),  # digits of another script
    ("“often” – never", False),
]


@pytest.mark.parametrize(("text", "expected"), HAS_NUMBER, ids=[t for t, _ in HAS_NUMBER])
def test_has_number(text: str, expected: bool) -> None:
    assert claim_lexicon.has_number(text) is expected


_SEPARATORS = str.maketrans({c: " " for c in claim_lexicon._PUNCT})


@given(st.lists(st.sampled_from(["one", "ten", "often", "x", " ", "-", "’", ".", "$", "\t"])))
def test_has_number_is_a_number_word_between_separators(parts: list[str]) -> None:
    text = "".join(parts)
    words = set(text.translate(_SEPARATORS).split())
    assert claim_lexicon.has_number(text) is bool(words & {"one", "ten"})


_SCAN_PIECES = [
    "between",
    "from",
    "more than",
    "a",
    "dozen",
    "twenty",
    "-",
    "three",
    "one",
    "5",
    "1,200",
    ".",
    "$",
    " ",
    "and",
    "to",
    "or",
    "x",
    "’",
    "million",
    "of",
    "at least",
]


@given(st.lists(st.sampled_from(_SCAN_PIECES), max_size=12).map("".join))
def test_scan_all_is_the_scan_finditer(text: str) -> None:
    spans = [(m.span(), m.groupdict()) for m in claim_lexicon.scan_all(text)]
    assert spans == [(m.span(), m.groupdict()) for m in claim_lexicon.scan().finditer(text)]


_UNIT_PIECES = [
    "ballistic",
    "missiles",
    " ",
    "  ",
    "Korean",
    "F-16s",
    "launches",
    "of",
    "the",
    "per",
    "cent",
    "U.S.",
    "ſoldiers",
    "Troops",
    "new",
    ",",
    "-",
    "stealth",
    "fighters",
    "United",
    "Nations",
    "Command",
    "member",
    "states",
    "’s",
    "ICBM",
    "year-old",
]


def _unit_end(match: re.Match[str] | None) -> tuple[str | None, int] | None:
    return None if match is None else (match.lastgroup, match.end())


@given(st.lists(st.sampled_from(_UNIT_PIECES), max_size=10).map("".join))
def test_unit_walks_are_the_unit_regexes(text: str) -> None:
    assert claim_lexicon._unit_starts() is not None  # the data allows the walks
    for pos in range(min(len(text), 3)):
        after = claim_lexicon._walk_after(text, pos)
        assert _unit_end(after) == _unit_end(claim_lexicon._unit_after().match(text, pos))
        after = claim_lexicon._walk_next(text, pos)
        assert _unit_end(after) == _unit_end(claim_lexicon._unit_next().match(text, pos))


def test_definite_count_repeating_an_earlier_one_is_anaphora() -> None:
    text = "It fired six cruise missiles. The six cruise missiles flew far."
    assert short(claims_of(text)) == [(6, "exact", "cruise missile")]


def test_definite_first_mention_is_a_claim() -> None:
    text = "The council punished it over the three ICBMs it fired last month."
    assert short(claims_of(text)) == [(3, "exact", "ICBM")]


def test_headline_repeating_a_count_is_one_claim() -> None:
    text = "Five warships join drill\nThe drill involved five warships."
    assert len(claims_of(text)) == 1


def test_same_count_in_two_sentences_is_two_claims() -> None:
    text = "It fired two SRBMs on Monday. It fired two SRBMs again on Friday."
    assert len(claims_of(text)) == 2


# --- subsets and elliptical counts ---------------------------------------------------------


def test_including_is_part_of() -> None:
    total, part = claims_of("It flew 30 jets, including five F-22 stealth fighters.")
    assert (part.value, part.unit, part.part_of) == (5, "stealth fighter", 0)
    assert total.part_of is None


def test_n_of_the_m() -> None:
    part, whole = claims_of("Twelve of the council's 15 members voted for it.")
    assert (part.value, part.unit, part.part_of) == (12, "member", 1)
    assert (whole.value, whole.unit, whole.part_of) == (15, "member", None)


def test_of_them() -> None:
    whole, part = claims_of("Some 9,000 troops went, and as many as 6,000 of them fought.")
    assert (part.value, part.bound, part.unit, part.part_of) == (6000, "at_most", "troop", 0)


def test_breakdown_after_total() -> None:
    text = (
        "The allies fired six surface-to-air missiles. Four were fired by Seoul and two by Tokyo."
    )
    claims = claims_of(text)
    assert short(claims) == [(6, "exact", "surface-to-air missile")] + [
        (4, "exact", "surface-to-air missile"),
        (2, "exact", "surface-to-air missile"),
    ]
    assert [c.part_of for c in claims] == [None, 0, 0]


def test_siblings_share_a_unit_without_subset() -> None:
    claims = claims_of("It fired more than 50 rounds on Monday and about 70 on Tuesday.")
    assert short(claims) == [(50, "more_than", "round"), (70, "about", "round")]
    assert claims[1].part_of is None


def test_coordinated_counts_take_the_later_noun() -> None:
    claims = claims_of("It sent six Japanese and two U.S. fighter jets.")
    assert short(claims) == [(6, "exact", "fighter jet"), (2, "exact", "fighter jet")]


def test_number_of_things_to_n() -> None:
    text = "The launch brings the number of missiles fired this year to 12."
    assert short(claims_of(text)) == [(12, "exact", "missile")]


def test_bare_number_without_context_is_dropped() -> None:
    assert claims_of("He said 12 on the phone.") == []


# --- context ------------------------------------------------------------------------------


def test_subject_action_attribution() -> None:
    (claim,) = claims_of("The North fired 14 artillery shells, the JCS said.")
    assert (claim.subject, claim.action, claim.attributed_to) == ("North Korea", "fired", "the JCS")


ATTRIBUTIONS = [
    ("It sent 1,000 soldiers, South Korea's spy agency said Monday.", "South Korea's spy agency"),
    ("It fired 3 missiles, according to the Joint Chiefs of Staff.", "the Joint Chiefs of Staff"),
    ("Japan's Defense Ministry said it fired 3 missiles.", "Japan's Defense Ministry"),
    ("It fired 3 missiles, said the ministry.", "the ministry"),
    ("It fired 3 missiles.", None),
]


@pytest.mark.parametrize(("text", "who"), ATTRIBUTIONS, ids=[t for t, _ in ATTRIBUTIONS])
def test_attribution(text: str, who: str | None) -> None:
    found = _attribution(text)
    assert (found[0] if found else None) == who
    if found:  # the span is where the source is written
        assert text[found[1] : found[2]].strip().rstrip(".") == who


def timex(
    text: str,
    body: str,
    kind: str,
    value: str,
    start: date | None,
    end: date | None,
    precision: str | None,
    anchor: str = "published",
) -> Timex:
    at = body.index(text)
    return Timex(text, at, at + len(text), kind, value, start, end, precision, False, anchor)


PERIODS = [
    (
        "It has fired 30 missiles this year.",
        ("this year", "date", "2022", date(2022, 1, 1), date(2022, 12, 31), "year"),
        (date(2022, 1, 1), date(2022, 11, 18)),
    ),
    (
        "It fired 7 missiles last year.",
        ("last year", "date", "2021", date(2021, 1, 1), date(2021, 12, 31), "year"),
        (date(2021, 1, 1), date(2021, 12, 31)),
    ),
    (
        "It has fired 9 missiles this month.",
        ("this month", "date", "2022-11", date(2022, 11, 1), date(2022, 11, 30), "month"),
        (date(2022, 11, 1), date(2022, 11, 18)),
    ),
    (
        "It fired 2 ICBMs last month.",
        ("last month", "date", "2022-10", date(2022, 10, 1), date(2022, 10, 31), "month"),
        (date(2022, 10, 1), date(2022, 10, 31)),
    ),
    (
        "It has fired 20 missiles since May.",
        ("May", "date", "2022-05", date(2022, 5, 1), date(2022, 5, 31), "month"),
        (date(2022, 5, 1), date(2022, 11, 18)),
    ),
    (
        "It has now fired 5 rounds of launches in 10 days.",
        ("10 days", "duration", "P10D", None, None, None),
        (date(2022, 11, 9), date(2022, 11, 18)),
    ),
    (
        "It fired 5 missiles on Monday.",
        ("Monday", "date", "2022-11-14", date(2022, 11, 14), date(2022, 11, 14), "day"),
        (None, None),
    ),
    (
        "It had 6 nuclear tests, the last in September 2017.",
        (
            "September 2017",
            "date",
            "2017-09",
            date(2017, 9, 1),
            date(2017, 9, 30),
            "month",
            "absolute",
        ),
        (None, None),
    ),
]


@pytest.mark.parametrize(("text", "spec", "period"), PERIODS, ids=[p[0] for p in PERIODS])
def test_period_from_hand_built_timex(text: str, spec: tuple, period: tuple) -> None:  # type: ignore[type-arg]
    (claim,) = claims_of(text, [timex(spec[0], text, *spec[1:])])
    assert (claim.period_start, claim.period_end) == period


def test_seed_like_sentence_end_to_end() -> None:
    text = (
        "North Korea has fired more than 50 ballistic missiles, including seven "
        "intercontinental ballistic missiles, this year."
    )
    timexes = find_dates(text, published=PUBLISHED, tz="Asia/Seoul")
    first, second = find_claims(text, split_sentences(text), timexes, published=PUBLISHED)
    period = (date(2022, 1, 1), date(2022, 11, 18))
    assert (first.value, first.bound, first.unit, first.subject, first.action) == (
        50,
        "more_than",
        "ballistic missile",
        "North Korea",
        "fired",
    )
    assert (first.period_start, first.period_end) == period
    assert (second.value, second.bound, second.unit, second.part_of) == (7, "exact", "ICBM", 0)
    assert (second.period_start, second.period_end) == period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("It has launched 12 missiles since January.", (date(2022, 1, 1), date(2022, 11, 18))),
        ("It fired fewer than 10 missiles last year.", (date(2021, 1, 1), date(2021, 12, 31))),
        ("It has fired nine missiles this month.", (date(2022, 11, 1), date(2022, 11, 18))),
    ],
    ids=["since-january", "last-year", "this-month"],
)
def test_period_end_to_end(text: str, period: tuple[date, date]) -> None:
    timexes = find_dates(text, published=PUBLISHED, tz="Asia/Seoul")
    (claim,) = find_claims(text, split_sentences(text), timexes, published=PUBLISHED)
    assert (claim.period_start, claim.period_end) == period


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        ("It fired about 90 missiles in 2021 and nearly 40 in 2020.",
         [(90, date(2021, 1, 1), None), (40, date(2020, 1, 1), None)]),
        ("It fired 90 missiles in 2021. In 2020, it fired 40.",
         [(90, date(2021, 1, 1), None), (40, date(2020, 1, 1), None)]),
        ("It fired 90 missiles this year, including 8 ICBMs.",
         [(90, date(2022, 1, 1), None), (8, date(2022, 1, 1), 0)]),
        ("The US keeps 28,500 troops in the South, and it plans to send two more squadrons "
         "of jets this year.",
         [(28500, None, None)]),
    ],
    ids=["elliptical-own-year", "other-year-no-subset", "subset-same-period",
         "period-of-another-clause"],
)  # fmt: skip
def test_counts_of_two_periods(text: str, rows: list[tuple[int, date | None, int | None]]) -> None:
    timexes = find_dates(text, published=PUBLISHED, tz="Asia/Seoul")
    claims = find_claims(text, split_sentences(text), timexes, published=PUBLISHED)
    assert [(c.value, c.period_start, c.part_of) for c in claims] == rows


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("It fired two missiles on Oct. 2 and a satellite in May.", (None, None)),
        ("It fired two missiles in May and a satellite on Oct. 2.",
         (date(2022, 5, 1), date(2022, 5, 31))),
        ("It has launched about 30 missiles since Wednesday.",
         (date(2022, 11, 16), date(2022, 11, 18))),
        # the count of the moment a "when" clause describes is no total since then
        ("It was the first incursion since June, when four Russian aircraft entered the zone.",
         (None, None)),
        # "since" after an ordinal belongs to it: the count is of the drill, no total
        ("The drill, the first since April, involved three destroyers.", (None, None)),
        # the year a comparison is made with is no period of a count after it
        ("Twice as many drills as in 2021 mobilized 240 aircraft.", (None, None)),
    ],
    ids=["day-dated-count", "month-nearer-than-day", "since-a-day", "since-when-clause",
         "first-since", "comparison-year"],
)  # fmt: skip
def test_a_count_of_one_day_has_no_period(
    text: str, period: tuple[date | None, date | None]
) -> None:
    timexes = find_dates(text, published=PUBLISHED, tz="Asia/Seoul")
    claim = find_claims(text, split_sentences(text), timexes, published=PUBLISHED)[0]
    assert (claim.period_start, claim.period_end) == period


# --- data files ---------------------------------------------------------------------------


UNIT_ROWS = resources.table("claims/units.csv")


@pytest.mark.parametrize("row", UNIT_ROWS, ids=[r["example"] for r in UNIT_ROWS])
def test_unit_examples(row: dict[str, str]) -> None:
    phrase = row["example"].split(" ", 1)[1]
    found = unit_of(phrase)
    assert found is not None
    expected = row["unit"] if row["unit"] != "*" else phrase.rstrip("s")
    assert found[0] == expected


BOUND_ROWS = resources.table("claims/bounds.csv")


@pytest.mark.parametrize("row", BOUND_ROWS, ids=[r["example"] for r in BOUND_ROWS])
def test_bound_examples(row: dict[str, str]) -> None:
    (claim,) = claims_of(f"The report counted {row['example']}.")
    assert claim.bound == row["bound"]


def test_unit_of_rejects_non_units() -> None:
    assert unit_of("kilometers") is None
    assert unit_of("on Monday") is None


# --- the seed page and the dev corpus (read, never copied) ----------------------------------


def test_seed_page_gives_exactly_two_claims(seed_path: Path) -> None:
    if not seed_path.exists():
        pytest.skip("seed page not bundled")
    from herald_timeline.article import load_article

    article = load_article(str(seed_path))
    timexes = find_dates(article.body, published=PUBLISHED, tz="Asia/Seoul")
    claims = find_claims(article.body, split_sentences(article.body), timexes, published=PUBLISHED)
    assert short(claims) == [(60, "more_than", "ballistic missile"), (8, "exact", "ICBM")]
    assert claims[1].part_of == 0
    assert all(
        (c.period_start, c.period_end) == (date(2022, 1, 1), date(2022, 11, 18)) for c in claims
    )


def test_dev_corpus_claims_f1(shared: Path) -> None:
    """A regression floor on the dev corpus (value, unit, bound as score.py compares)."""
    import csv
    import sys

    from herald_timeline.article import load_article

    dev = shared / "eval" / "dev"
    sys.path.insert(0, str(shared / "eval"))
    try:
        import score  # the scorer's own unit normalisation
    finally:
        sys.path.pop(0)
    rows = (dev / "manifest.csv").read_text(encoding="utf-8").splitlines()
    manifest = {row["file"]: row for row in csv.DictReader(rows)}
    tp = n_pred = n_gold = 0
    for line in (dev / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        path = dev / "docs" / gold["file"]
        if not path.exists():
            continue
        row = manifest[gold["file"]]
        article = load_article(str(path), overrides={"published": row["published"]})
        timexes = find_dates(article.body, published=article.published, tz=article.tz)
        claims = find_claims(
            article.body, split_sentences(article.body), timexes, published=article.published
        )
        want = Counter(
            (float(c["value"]), score.norm_unit(c["unit"]), c["bound"]) for c in gold["claims"]
        )
        got = Counter((c.value, score.norm_unit(c.unit), c.bound) for c in claims)
        tp += sum((want & got).values())
        n_pred += sum(got.values())
        n_gold += sum(want.values())
    precision, recall = tp / n_pred, tp / n_gold
    assert 2 * precision * recall / (precision + recall) >= 0.95


@pytest.mark.parametrize(
    ("one", "inside", "outside"),
    [(r"[^\w$]", " (\t", "a_0$"), (r"[\s,]", " \t\x1c,", "a-"), (r"\d", "09", "a")],
    ids=["negated-word", "space", "digit"],
)
def test_ascii_class_spells_out_a_class(one: str, inside: str, outside: str) -> None:
    spelt = re.compile(ascii_class(one))
    assert all(spelt.fullmatch(c) for c in inside)
    assert not any(spelt.fullmatch(c) for c in outside)


SUBJECTS = [
    ("Russia has provided North Korea with about 10 air defense systems.", "Russia"),
    (
        "The North has sent more troops to Russia, bringing the total to 12,000 soldiers.",
        "North Korea",
    ),
    ("The United States has 28,500 troops stationed in South Korea.", "United States"),
    ("It fired 30 missiles this year, according to South Korean officials.", None),
    ("North Korea said two missiles it fired were launched from a railway car.", "North Korea"),
    ("It responded to North Korea's launch of eight missiles.", "North Korea"),
    (
        "The company, according to U.S. Forces Korea, which has 28,500 troops, left.",
        "United States",
    ),
    ("The North fired 14 artillery shells.", "North Korea"),
    ("Seoul scrambled jets after five North Korean drones entered its airspace.", "North Korea"),
    ("Seoul deployed 10 US-made stealth fighters.", "South Korea"),
    ("Japan tracked two North Korean missiles.", "North Korea"),
    ("Two missiles were fired by the North.", "North Korea"),
    ("It fired 3 missiles.", None),
]


@pytest.mark.parametrize(("text", "subject"), SUBJECTS, ids=[s[0][:40] for s in SUBJECTS])
def test_subject_is_whose_the_counted_things_are(text: str, subject: str | None) -> None:
    (claim,) = claims_of(text)
    assert claim.subject == subject


def test_coordinated_counts_each_take_their_own_modifier() -> None:
    claims = claims_of("The US held a drill with eight Japanese and four U.S. fighter jets.")
    assert [c.subject for c in claims] == ["Japan", "United States"]


def periods_of(text: str) -> list[tuple[float, str, date | None, date | None]]:
    timexes = find_dates(text, published=PUBLISHED, tz="Asia/Seoul")
    claims = find_claims(text, split_sentences(text), timexes, published=PUBLISHED)
    return [(c.value, c.unit, c.period_start, c.period_end) for c in claims]


YEAR_2022 = (date(2022, 1, 1), date(2022, 11, 18))
PERIOD_ROWS = [
    (
        "They held 20 field training events, double the number last year.",
        [(20, "field training event", None, None)],
    ),
    ("It fired 30 missiles, more than in 2021.", [(30, "missile", None, None)]),
    (
        "In 2021, it fired more than 70 missiles.",
        [(70, "missile", date(2021, 1, 1), date(2021, 12, 31))],
    ),
    ("In 2021, after talks collapsed, it fired 70 missiles.", [(70, "missile", None, None)]),
    (
        "It fired 3 missiles and 2 rockets this year.",
        [(3, "missile", *YEAR_2022), (2, "rocket", *YEAR_2022)],
    ),
    (
        "They held 30 drills, up from 13 last year.",
        [(30, "drill", None, None), (13, "drill", date(2021, 1, 1), date(2021, 12, 31))],
    ),
    (
        "Last year, they held 30 drills, up from 13.",
        [
            (30, "drill", date(2021, 1, 1), date(2021, 12, 31)),
            (13, "drill", date(2021, 1, 1), date(2021, 12, 31)),
        ],
    ),
    (
        "It fired 8 missiles in March 2019, the ministry said.",
        [(8, "missile", date(2019, 3, 1), date(2019, 3, 31))],
    ),
    (
        "It launched about 70 missiles in 2021.",
        [(70, "missile", date(2021, 1, 1), date(2021, 12, 31))],
    ),
    (
        "It conducted five nuclear tests, the last in September 2016.",
        [(5, "nuclear test", None, None)],
    ),
    # a rolling window up to publication, not the calendar week or month before it
    (
        "It has fired more than 200 rockets over the past week.",
        [(200, "rocket", date(2022, 11, 12), date(2022, 11, 18))],
    ),
    (
        "It has fired 40 rockets in the past month.",
        [(40, "rocket", date(2022, 10, 19), date(2022, 11, 18))],
    ),
    (
        "It fired 40 rockets in the past year.",
        [(40, "rocket", date(2021, 11, 19), date(2022, 11, 18))],
    ),
    # a window of days
    (
        "It fired 12 missiles from Oct. 28 to 29.",
        [(12, "missile", date(2022, 10, 28), date(2022, 10, 29))],
    ),
    (
        "From Oct. 28 to 30, it fired 12 missiles.",
        [(12, "missile", date(2022, 10, 28), date(2022, 10, 30))],
    ),
    (
        "It fired 12 missiles between Oct. 28 and Nov. 2.",
        [(12, "missile", date(2022, 10, 28), date(2022, 11, 2))],
    ),
    ("It fired 2 missiles on Oct. 28 and Oct. 29.", [(2, "missile", None, None)]),
    ("The drill will run from Nov. 18 to 28 in two phases.", [(2, "phase", None, None)]),
]


@pytest.mark.parametrize(("text", "rows"), PERIOD_ROWS, ids=[r[0][:40] for r in PERIOD_ROWS])
def test_period_goes_to_the_count_it_totals(text: str, rows: list[tuple[object, ...]]) -> None:
    assert periods_of(text) == rows


PARALLEL_TO_THE_WHOLE = [
    # after a clause in the same sentence
    "It fired more than 30 ballistic missiles this year, including five ICBMs, "
    "while it launched about 70 in 2021.",
    # larger than the subset in the sentence before
    "North Korea has launched 12 ballistic missiles this year, including three ICBMs. "
    "In 2021 it fired more than 70, a record.",
]


@pytest.mark.parametrize("text", PARALLEL_TO_THE_WHOLE, ids=["clause", "sentence-before"])
def test_elliptical_count_after_a_subset_parallels_the_whole(text: str) -> None:
    claims = claims_of(text, find_dates(text, published=PUBLISHED, tz="Asia/Seoul"))
    last = claims[-1]
    assert (last.value, last.unit, last.part_of) == (70, "ballistic missile", None)
    assert (last.period_start, last.period_end) == (date(2021, 1, 1), date(2021, 12, 31))
    assert claims[1].part_of == 0


def test_a_list_of_parts_stays_part_of_the_total() -> None:
    text = (
        "It brings the number of missiles fired this month to nine. "
        "It fired two on March 2, three on March 9 and four more on March 21."
    )
    claims = claims_of(text)
    assert [(c.value, c.part_of) for c in claims] == [(9, None), (2, 0), (3, 0), (4, 0)]


def test_a_count_larger_than_the_whole_is_no_part_of_it() -> None:
    text = "At least 74, including eight soldiers, were killed, and more than 1,640 were hurt."
    claims = claims_of(text)
    assert [(c.value, c.part_of) for c in claims][-1] == (1640, None)


def test_since_needs_a_publication_day_to_end() -> None:
    text = "It has sent at least 11 million rounds since September 2021."
    timexes = find_dates(text, published=None, tz="Asia/Seoul")
    (claim,) = find_claims(text, split_sentences(text), timexes, published=None)
    assert (claim.value, claim.period_start, claim.period_end) == (11_000_000, None, None)
    (dated,) = find_claims(text, split_sentences(text), timexes, published=PUBLISHED)
    assert (dated.period_start, dated.period_end) == (date(2021, 9, 1), date(2022, 11, 18))
    later = datetime(2021, 5, 1, tzinfo=ZoneInfo("Asia/Seoul"))  # a page older than "since"
    (odd,) = find_claims(text, split_sentences(text), timexes, published=later)
    assert (odd.period_start, odd.period_end) == (None, None)


def test_a_list_closed_by_a_comma_is_no_subset() -> None:
    text = (
        "About 100 aircraft, including F-35A fighters, took part in the drills, "
        "along with two dozen warships."
    )
    assert [(c.value, c.part_of) for c in claims_of(text)] == [(100, None), (24, None)]


def test_casualties_after_a_count_share_its_unit() -> None:
    text = "About 100 soldiers have been killed and at least 1,000 wounded."
    assert short(claims_of(text)) == [(100, "about", "soldier"), (1000, "at_least", "soldier")]


def test_list_items_after_including_share_the_whole() -> None:
    text = (
        "It shipped more than 13,000 containers, including some 170 self-propelled guns "
        "and 240 multiple rocket launchers."
    )
    assert [(c.value, c.unit, c.part_of) for c in claims_of(text)] == [
        (13000, "container", None),
        (170, "self-propelled gun", 0),
        (240, "multiple rocket launcher", 0),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "During the talks, the four ministers condemned North Korea's launch.",
        "Three officials said two launches were planned.",
    ],
    ids=["anaphor-then-verb", "count-of-officials"],
)
def test_a_count_of_another_noun_takes_no_later_unit(text: str) -> None:
    assert [c.value for c in claims_of(text) if c.unit == "launch"] in ([], [2])
    assert all(c.value != 4 and c.value != 3 for c in claims_of(text) if c.unit == "launch")


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # an elliptical count after "of which" is part of the count before it
        ("The nine states held an estimated 12,121 warheads, of which some 9,585 were "
         "in military stockpiles.",
         [(12121, None), (9585, 12121)]),
        # a stock "as of" a month is no total over that month
        ("The nine states held an estimated 12,121 warheads as of January.",
         [(12121, None)]),
    ],
    ids=["of-which-elliptical", "as-of-a-month"],
)  # fmt: skip
def test_subset_and_stock_counts(text: str, rows: list[tuple[int, int | None]]) -> None:
    timexes = find_dates(text, published=PUBLISHED, tz="Asia/Seoul")
    claims = find_claims(text, split_sentences(text), timexes, published=PUBLISHED)
    assert [
        (c.value, None if c.part_of is None else claims[c.part_of].value) for c in claims
    ] == rows
    assert all(c.period_start is None for c in claims)
