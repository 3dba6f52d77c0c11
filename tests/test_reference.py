"""Reference launch tables (herald_timeline.reference) and claim checks (herald_timeline.checks)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from herald_timeline import missile_classes, resources, schema
from herald_timeline.checks import check_claims
from herald_timeline.missile_classes import classify_name, unit_rule
from herald_timeline.reference import (
    REFERENCE,
    ReferenceError,
    launches_from_events,
    load_reference,
    reference_series,
)

SHARED = Path("/work/shared/reference/nk_missile_tests.csv")
PUBLISHED = pd.Timestamp("2022-11-18T17:58+09:00")

HEADER = [
    "F1",
    "Date",
    "Date Entered/Updated",
    "Launch Time (UTC)",
    "Missile Name",
    "Missile Type",
    "Facility Name",
    "Confirmation Status",
    "Test Outcome",
    "Additional Information",
]

# A few rows in the CNS layout, written for these tests (not copied from the database).
ROWS = [
    ["1", "Sep-91", "1/1/2020", "", "Scud-C", "SRBM", "", "Confirmed", "Success", ""],
    ["2", "3-Jan-22", "1/1/2023", "10:00:00 PM", "Hwasong-8", "MRBM", "Site A", "Confirmed",
     "Success", ""],
    ["3", "10-Mar-22", "1/1/2023", "11:30:00 PM", "Unknown", "Unknown", "", "Confirmed",
     "Success", "Officials later said it was a failed ICBM test."],
    ["4", "10-Mar-22", "1/1/2023", "11:40:00 PM", "Unknown", "Unknown", "", "Confirmed",
     "Failure", "2 of 2 tests"],
    ["5", "20-Apr-22", "1/1/2023", "1:00:00 AM", "Hwasong-17", "ICBM", "", "Confirmed",
     "Success", ""],
    ["6", "20-Apr-22", "1/1/2023", "Unknown", "KN-23", "SRBM", "", "Confirmed", "Success", ""],
    ["7", "1-May-22", "1/1/2023", "3:00:00 AM", "KN-25", "SRBM", "", "Confirmed", "Success", ""],
    ["8", "1-May-22", "1/1/2023", "9:00:00 AM", "KN-25", "SRBM", "", "Confirmed", "Success", ""],
    ["9", "5-Jun-22", "1/1/2023", "2:00:00 AM", "Hwasong-17", "ICBM", "", "Confirmed", "Success",
     ""],
    ["10", "30-Nov-22", "1/1/2023", "1:00:00 AM", "KN-25", "SRBM", "", "Confirmed", "Success", ""],
]  # fmt: skip


@pytest.fixture
def raw() -> pd.DataFrame:
    return pd.DataFrame(ROWS, columns=HEADER)


@pytest.fixture
def ref(raw: pd.DataFrame) -> pd.DataFrame:
    return load_reference(raw)


def _day(ref: pd.DataFrame, launch_id: str) -> str:
    return f"{ref.set_index('launch_id').loc[launch_id, 'day']:%Y-%m-%d}"


# --------------------------------------------------------------------------- loading


def test_columns_and_dtypes(ref: pd.DataFrame) -> None:
    assert list(ref.columns) == list(REFERENCE)
    for name, dtype in REFERENCE.items():
        assert str(ref[name].dtype) == str(pd.Series([], dtype=dtype).dtype), name


@pytest.mark.parametrize(
    ("launch_id", "day"),
    [
        ("2", "2022-01-04"),  # 22:00 UTC on 3 Jan is 07:00 KST on 4 Jan
        ("3", "2022-03-11"),
        ("5", "2022-04-20"),  # 01:00 UTC is 10:00 KST the same day
        ("6", "2022-04-20"),  # unknown time keeps Date
        ("1", "1991-09-01"),  # month-only row
    ],
    ids=["evening-utc-next-korean-day", "late-utc", "morning-utc", "unknown-time", "month-only"],
)
def test_korean_launch_day(ref: pd.DataFrame, launch_id: str, day: str) -> None:
    assert _day(ref, launch_id) == day


def test_month_only_row_spans_its_month(ref: pd.DataFrame) -> None:
    row = ref.set_index("launch_id").loc["1"]
    assert (row["precision"], f"{row['day_end']:%Y-%m-%d}") == ("month", "1991-09-30")


def test_moment_is_korean_time(ref: pd.DataFrame) -> None:
    moment = ref.set_index("launch_id").loc["2", "moment"]
    assert moment == pd.Timestamp("2022-01-04T07:00+09:00")
    assert pd.isna(ref.set_index("launch_id").loc["6", "moment"])


@pytest.mark.parametrize(
    ("launch_id", "cls", "described"),
    [("5", "ICBM", None), ("3", None, "ICBM"), ("4", None, None), ("2", "MRBM", None)],
    ids=["typed", "described-in-notes", "unknown-undescribed", "mrbm"],
)
def test_classes(ref: pd.DataFrame, launch_id: str, cls: str | None, described: str | None) -> None:
    row = ref.set_index("launch_id").loc[launch_id]
    assert (None if pd.isna(row["cls"]) else row["cls"]) == cls
    assert (None if pd.isna(row["described"]) else row["described"]) == described


def test_errata_fix_only_the_published_error() -> None:
    erratum = resources.table("reference/errata.csv")[0]
    published = pd.Timestamp(erratum["date"])
    clock = pd.Timestamp(f"2000-01-01 {erratum['time_utc']}").strftime("%I:%M:%S %p")
    row = [erratum["launch_id"], f"{published:%d-%b-%y}", "", clock, erratum["name"], "MRBM"]
    raw = pd.DataFrame([row + [""] * 4], columns=HEADER)
    corrected = pd.Timestamp(erratum["corrected_date"]) + pd.Timedelta(hours=9 + 23)
    assert _day(load_reference(raw), erratum["launch_id"]) == f"{corrected:%Y-%m-%d}"
    assert _day(load_reference(raw, errata=False), erratum["launch_id"]) == (
        f"{published + pd.Timedelta(days=1):%Y-%m-%d}"
    )
    other = raw.assign(**{"Missile Name": "Something else"})
    assert _day(load_reference(other), erratum["launch_id"]) == (
        f"{published + pd.Timedelta(days=1):%Y-%m-%d}"
    )


def test_csv_path(raw: pd.DataFrame, tmp_path: Path) -> None:
    path = tmp_path / "launches.csv"
    raw.to_csv(path, index=False)
    assert load_reference(path).equals(load_reference(raw))


def test_missing_columns_raise() -> None:
    with pytest.raises(ReferenceError, match="Missile Type"):
        load_reference(pd.DataFrame({"F1": ["1"], "Date": ["1-Jan-22"]}))


def test_xlsx_without_openpyxl_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "openpyxl" else real(name)
    )
    with pytest.raises(ReferenceError, match="openpyxl"):
        load_reference(tmp_path / "cns.xlsx")


# --------------------------------------------------------------------------- resources


def _rules(name: str) -> list[dict[str, object]]:
    return list(resources.toml(name)["rule"])


@pytest.mark.parametrize("rule", _rules("reference/described.toml"), ids=lambda r: r["name"])
def test_described_rule_examples(rule: dict[str, object]) -> None:
    pattern = re.compile(str(rule["pattern"]))
    for text in rule["examples"]:  # type: ignore[attr-defined]
        assert pattern.search(text), text
    for text in rule["counter_examples"]:  # type: ignore[attr-defined]
        assert not pattern.search(text), text


@pytest.mark.parametrize("rule", _rules("reference/names.toml"), ids=lambda r: r["name"])
def test_name_rule_examples(rule: dict[str, object]) -> None:
    for text in rule["examples"]:  # type: ignore[attr-defined]
        assert rule["class"] in classify_name(text), text
    for text in rule["counter_examples"]:  # type: ignore[attr-defined]
        assert rule["class"] not in classify_name(text), text


@pytest.mark.parametrize("name", ["subjects.txt", "launch_actions.txt"])
def test_line_patterns_match_their_examples(name: str) -> None:
    text = resources.read_text(f"reference/{name}")
    examples = [line.split(":", 1)[1].strip() for line in text.splitlines() if "# example:" in line]
    patterns = [
        resources.compile_pattern(p, re.I, where=name) for p in resources.lines(f"reference/{name}")
    ]
    assert examples
    for example in examples:
        assert any(p.search(example) for p in patterns), example


@pytest.mark.parametrize(
    ("unit", "classes", "count"),
    [
        ("ICBM", {"ICBM"}, "missiles"),
        ("intercontinental ballistic missile", {"ICBM"}, "missiles"),
        ("ballistic missile", None, "missiles"),
        ("launch", None, "days"),
        ("Space  Launch Vehicle", {"space launch vehicle"}, "missiles"),
    ],
    ids=["acronym", "spelled-out", "broad", "launch-days", "case-and-spaces"],
)
def test_unit_rules(unit: str, classes: set[str] | None, count: str) -> None:
    rule = unit_rule(unit)
    assert rule is not None
    assert (None if rule.classes is None else set(rule.classes), rule.count) == (classes, count)


def test_unit_rule_unknown() -> None:
    assert unit_rule("troop") is None


# --------------------------------------------------------------------------- claims


def _claims(*rows: dict[str, object]) -> pd.DataFrame:
    base = {"published": PUBLISHED, "subject": "North Korea", "action": "fired"}
    return schema.frame(
        "claims", [{**base, "claim_id": f"a-c{i:03d}", **row} for i, row in enumerate(rows)]
    )


YEAR = {"period_start": "2022-01-01", "period_end": "2022-11-18"}

# the test table, 2022-01-01..2022-11-18: 8 missiles (2 ICBM typed, 1 more described, 3 SRBM)
# on 5 Korean days
CASES = [
    ({"value": 7, "bound": "more_than", "unit": "ballistic missile"}, "consistent", 8),
    ({"value": 8, "bound": "exact", "unit": "missile"}, "consistent", 8),
    ({"value": 8, "bound": "more_than", "unit": "ballistic missile"}, "overstates", 8),
    ({"value": 10, "bound": "exact", "unit": "ballistic missile"}, "overstates", 8),
    ({"value": 5, "bound": "exact", "unit": "ballistic missile"}, "understates", 8),
    ({"value": 9, "bound": "at_most", "unit": "ballistic missile"}, "consistent", 8),
    ({"value": 8, "bound": "less_than", "unit": "ballistic missile"}, "understates", 8),
    ({"value": 9, "bound": "about", "unit": "ballistic missile"}, "consistent", 8),
    ({"value": 20, "bound": "about", "unit": "ballistic missile"}, "overstates", 8),
    ({"value": 6, "upper": 7, "bound": "range", "unit": "ballistic missile"}, "understates", 8),
    ({"value": 2, "bound": "exact", "unit": "ICBM"}, "consistent", 2),
    ({"value": 3, "bound": "exact", "unit": "ICBM"}, "consistent", 2),
    ({"value": 4, "bound": "exact", "unit": "ICBM"}, "overstates", 2),
    ({"value": 5, "bound": "exact", "unit": "launch"}, "consistent", 5),
    ({"value": 3, "bound": "exact", "unit": "SRBM"}, "consistent", 3),
]


@pytest.mark.parametrize(
    ("claim", "verdict", "count"),
    CASES,
    ids=[
        "more-than-below",
        "missile-exact",
        "more-than-equal",
        "exact-too-many",
        "exact-too-few",
        "at-most",
        "less-than-equal",
        "about-close",
        "about-far",
        "range-below",
        "icbm-typed",
        "icbm-wide",
        "icbm-beyond-wide",
        "launch-days",
        "srbm",
    ],
)
def test_verdicts(ref: pd.DataFrame, claim: dict[str, object], verdict: str, count: int) -> None:
    claim = {"lower": claim["value"], **claim, **YEAR}
    out = check_claims(_claims(claim), ref)
    assert (out.loc[0, "verdict"], out.loc[0, "reference_count"]) == (verdict, count)


def test_wide_count_is_reported(ref: pd.DataFrame) -> None:
    out = check_claims(_claims({"value": 3, "bound": "exact", "unit": "ICBM", **YEAR}), ref)
    assert out.loc[0, "reference_wide"] == 3
    assert "2 typed ICBM, 1 more described as ICBM tests (3 in all)" in out.loc[0, "reason"]
    assert "described" in out.loc[0, "reason"].split(";")[-1]


def test_publication_time_cuts_the_last_day(ref: pd.DataFrame) -> None:
    # two launches on 1 May (12:00 and 18:00 KST); published 1 May 15:00 KST
    claim = {"value": 3, "bound": "exact", "unit": "SRBM"}
    period = {"period_start": "2022-04-01", "period_end": "2022-05-01"}
    published = pd.Timestamp("2022-05-01T15:00+09:00")
    out = check_claims(_claims({**claim, **period, "published": published}), ref)
    # 20 Apr (unknown time, not the last day) + 1 May 12:00; 18:00 came after publication
    assert (out.loc[0, "reference_count"], out.loc[0, "verdict"]) == (2, "overstates")


@pytest.mark.parametrize(
    ("claim", "why"),
    [
        ({"value": 100, "unit": "troop", **YEAR}, "does not count"),
        ({"value": 3, "unit": "ICBM"}, "no period"),
        ({"value": 3, "unit": "ICBM", "period_start": "2022-01-01", "period_end": "2022-12-31"},
         "outside"),
        ({"value": 3, "unit": "ICBM", "subject": "South Korea", **YEAR}, "not 'South Korea'"),
        ({"value": 3, "unit": "ICBM", "action": "deployed", **YEAR}, "not one"),
    ],
    ids=["unit", "no-period", "after-last-row", "subject", "action"],
)  # fmt: skip
def test_not_covered(ref: pd.DataFrame, claim: dict[str, object], why: str) -> None:
    out = check_claims(_claims({"bound": "exact", **claim}), ref)
    assert out.loc[0, "verdict"] == "not_covered"
    assert pd.isna(out.loc[0, "reference_count"])
    assert why in out.loc[0, "reason"]


def test_part_of_inherits_the_period(ref: pd.DataFrame) -> None:
    claims = _claims(
        {"value": 7, "bound": "more_than", "unit": "ballistic missile", **YEAR},
        {"value": 3, "bound": "exact", "unit": "ICBM", "part_of": "a-c000"},
    )
    out = check_claims(claims, ref)
    assert list(out["verdict"]) == ["consistent", "consistent"]
    assert "part of" in out.loc[1, "reason"]


def test_breakdown_in_the_totals_unit_does_not_inherit_the_period(ref: pd.DataFrame) -> None:
    claims = _claims(
        {"value": 7, "bound": "more_than", "unit": "ballistic missile", **YEAR},
        {"value": 2, "bound": "exact", "unit": "ballistic missile", "part_of": "a-c000"},
    )
    out = check_claims(claims, ref)
    assert list(out["verdict"]) == ["consistent", "not_covered"]


def test_does_not_mutate_and_keeps_columns(ref: pd.DataFrame) -> None:
    claims = _claims({"value": 7, "bound": "more_than", "unit": "ballistic missile", **YEAR})
    before = claims.copy()
    out = check_claims(claims, ref)
    pd.testing.assert_frame_equal(claims, before)
    assert list(out.columns[: len(claims.columns)]) == list(claims.columns)
    assert list(out.columns[len(claims.columns) :]) == [
        "reference_count",
        "reference_wide",
        "verdict",
        "reason",
    ]
    assert str(out["reference_count"].dtype) == "Int64"


def test_empty_claims(ref: pd.DataFrame) -> None:
    out = check_claims(schema.empty("claims"), ref)
    assert out.empty and "verdict" in out.columns


# --------------------------------------------------------------------------- events, series


def _events() -> pd.DataFrame:
    rows = [
        {"event_id": "x-e000", "article_id": "x", "type": "launch", "start": "2022-03-11",
         "end": "2022-03-11", "precision": "day", "name": "Hwasong-17 ICBM launch"},
        {"event_id": "x-e001", "article_id": "x", "type": "launch", "start": "2022-05-01",
         "end": "2022-05-01", "precision": "day", "name": "two SRBMs"},
        {"event_id": "x-e002", "article_id": "x", "type": "meeting", "start": "2022-05-02",
         "end": "2022-05-02", "precision": "day", "name": "summit"},
    ]  # fmt: skip
    return schema.frame("events", rows)


def test_launches_from_events() -> None:
    launches = launches_from_events(_events())
    assert list(launches["launch_id"]) == ["x-e000", "x-e001"]
    assert list(launches["cls"]) == ["ICBM", "SRBM"]
    assert launches["missiles"].isna().all()


def test_event_launch_table_counts_days_not_missiles() -> None:
    launches = launches_from_events(_events())
    period = {"period_start": "2022-03-11", "period_end": "2022-05-01", "published": None}
    claims = _claims(
        {"value": 2, "bound": "exact", "unit": "launch", **period},
        {"value": 2, "bound": "exact", "unit": "ballistic missile", **period},
    )
    out = check_claims(claims, launches)
    assert list(out["verdict"]) == ["consistent", "not_covered"]


def test_reference_series(ref: pd.DataFrame) -> None:
    series = reference_series(ref, unit="ICBM", start="2022-01-01", end="2022-06-30")
    assert series.index[0] == pd.Timestamp("2022-01-01")
    assert series.index[-1] == pd.Timestamp("2022-06-30")
    assert len(series) == 181 and series.index.is_monotonic_increasing
    assert (series["2022-04-19"], series["2022-04-20"], series.iloc[-1]) == (0, 1, 2)
    assert str(series.dtype) == "Int64"
    wide = reference_series(ref, unit="ICBM", start="2022-01-01", end="2022-06-30", wide=True)
    assert wide.iloc[-1] == 3


def test_reference_series_all_and_days(ref: pd.DataFrame) -> None:
    assert reference_series(ref).iloc[-1] == len(ref)
    days = reference_series(ref, unit="launch", start="2022-01-01")
    assert days.iloc[-1] == 6


def test_reference_series_unknown_unit(ref: pd.DataFrame) -> None:
    with pytest.raises(ReferenceError, match="troop"):
        reference_series(ref, unit="troop")


# --------------------------------------------------------------------------- the CNS copy


@pytest.mark.shared
@pytest.mark.skipif(not SHARED.exists(), reason="no reference copy in /work/shared")
def test_cns_copy_seed_claims() -> None:
    ref = load_reference(SHARED)
    claims = _claims(
        {"value": 60, "lower": 60, "bound": "more_than", "unit": "ballistic missile", **YEAR},
        {"value": 8, "lower": 8, "bound": "exact", "unit": "ICBM", "part_of": "a-c000"},
    )
    out = check_claims(claims, ref)
    assert (out.loc[0, "reference_count"], out.loc[0, "verdict"]) == (62, "consistent")
    assert out.loc[1, "verdict"] == "consistent"
    assert (out.loc[1, "reference_count"], out.loc[1, "reference_wide"]) == (5, 8)
    assert "5 typed ICBM, 3 more described as ICBM tests (8 in all)" in out.loc[1, "reason"]
    days = _claims({"value": 30, "bound": "exact", "unit": "launch", **YEAR})
    assert check_claims(days, ref).loc[0, "reference_count"] == 30
    year = ref[(ref["day"] >= "2022-01-01") & (ref["day"] <= "2022-12-31")]
    assert len(year) == 69


def test_reference_series_can_restart_every_year() -> None:
    from herald_timeline.reference import load_reference, reference_series

    rows = [
        {
            "F1": str(i),
            "Date": d,
            "Launch Time (UTC)": "1:00:00 AM",
            "Missile Name": "Hwasong-11",
            "Missile Type": "SRBM",
            "Test Outcome": "Success",
        }
        for i, d in enumerate(("30-Dec-21", "31-Dec-21", "2-Jan-22"), 1)
    ]
    import pandas as pd

    reference = load_reference(pd.DataFrame(rows))
    running = reference_series(reference, unit="SRBM", start="2021-12-30", end="2022-01-02")
    yearly = reference_series(
        reference, unit="SRBM", start="2021-12-30", end="2022-01-02", reset="year"
    )
    assert running.tolist() == [1, 2, 2, 3]
    assert yearly.tolist() == [1, 2, 0, 1]


_NAME_WORDS = [
    "ICBM",
    "icbms",
    "Hwasong-17",
    "HWASONG12",
    "KN-23",
    "kn-02",
    "Scud",
    "ſcud",
    "known",
    "Nuri",
    "satellite",
    "SLV",
    "cruise",
    "missiles",
    "Toksa",
    "İ",
    "Medium-Range",
    "the",
    "KN23s",
    "Pukguksong-3",
]


@given(st.lists(st.sampled_from(_NAME_WORDS), max_size=6), st.sampled_from([" ", "-", ", ", ""]))
def test_classify_name_agrees_with_the_rules_one_by_one(words: list[str], sep: str) -> None:
    text = sep.join(words)
    plain = frozenset(
        rule.cls for rule in missile_classes._name_rules() if rule.pattern.search(text)
    )
    assert classify_name(text) == plain
