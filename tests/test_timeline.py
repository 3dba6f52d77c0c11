"""One timeline from many articles (herald_timeline.timeline.merge_events)."""

from __future__ import annotations

import calendar
import itertools
import json
from pathlib import Path

import pandas as pd
import pytest

from herald_timeline import schema
from herald_timeline.timeline import TIMELINE, merge_events
from herald_timeline.timeline_mentions import name_tokens

GOLD = Path("/work/shared/eval/dev/gold.jsonl")


def _events(*rows: dict[str, object]) -> pd.DataFrame:
    out = []
    for i, row in enumerate(rows):
        start = str(row.get("start", "2022-11-18"))
        article = str(row.get("article_id", f"a{i}"))
        out.append(
            {
                "event_id": f"{article}-e{i:03d}",
                "article_id": article,
                "type": "launch",
                "start": start,
                "end": row.get("end", start),
                "precision": "day",
                "approximate": False,
                "published": "2022-11-18T17:58+09:00",
                **row,
            }
        )
    return schema.frame("events", out)


def test_columns_and_dtypes() -> None:
    out = merge_events(_events({"name": "ICBM launch"}))
    assert list(out.columns) == list(TIMELINE)
    for name, dtype in TIMELINE.items():
        assert str(out[name].dtype) == str(pd.Series([], dtype=dtype).dtype), name


def test_empty() -> None:
    out = merge_events(schema.empty("events"))
    assert out.empty and list(out.columns) == list(TIMELINE)


def test_same_launch_from_three_outlets() -> None:
    events = _events(
        {"name": "Hwasong-17 ICBM launch", "actors": "North Korea"},
        {"name": "intercontinental ballistic missile launch from Sunan"},
        {"name": "ICBM launch", "actors": "North Korea", "location": "Sunan"},
    )
    out = merge_events(events)
    assert len(out) == 1
    row = out.iloc[0]
    assert (row["n_sources"], row["n_mentions"]) == (3, 3)
    assert row["event_ids"] == "a0-e000;a1-e001;a2-e002"
    assert row["article_ids"] == "a0;a1;a2"
    assert row["actors"] == "North Korea" and row["location"] == "Sunan"
    assert pd.isna(row["conflict"])
    assert row["timeline_id"].startswith("tl-")


def test_month_row_joins_the_day_it_contains() -> None:
    events = _events(
        {"name": "Hwasong-18 ICBM launch", "start": "2023-12-18"},
        {"name": "previous ICBM launch", "start": "2023-12-01", "end": "2023-12-31",
         "precision": "month"},
    )  # fmt: skip
    out = merge_events(events)
    assert len(out) == 1
    row = out.iloc[0]
    assert (f"{row['start']:%Y-%m-%d}", row["precision"], row["n_sources"]) == (
        "2023-12-18",
        "day",
        2,
    )
    assert pd.isna(row["conflict"])


def test_month_row_between_two_candidates_stays_alone() -> None:
    events = _events(
        {"name": "ICBM launch", "start": "2022-11-03"},
        {"name": "ICBM launch", "start": "2022-11-18"},
        {"name": "ICBM launch", "start": "2022-11-01", "end": "2022-11-30", "precision": "month"},
    )
    assert len(merge_events(events)) == 3


def test_one_day_apart_with_strong_names_merges_with_conflict() -> None:
    events = _events(
        {"name": "Hwasong-17 ICBM launch", "start": "2022-11-18"},
        {"name": "Hwasong-17 launch", "start": "2022-11-18"},
        {"name": "Hwasong-17 ICBM test", "start": "2022-11-17"},  # a US outlet's day
    )
    out = merge_events(events)
    assert len(out) == 1
    row = out.iloc[0]
    assert f"{row['start']:%Y-%m-%d}" == "2022-11-18"
    assert row["conflict"] == (
        "sources disagree on the date: 2022-11-17 (1 source), 2022-11-18 (2 sources)"
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ({"name": "SRBM launch from Wonsan"}, {"name": "launch from Sunan", "start": "2022-11-17"}),
        ({"name": "ICBM launch"}, {"name": "ICBM launch", "start": "2022-11-16"}),
        ({"name": "Hwasong-17 ICBM launch"}, {"name": "SRBM launch"}),
        ({"name": "missile launch", "actors": "North Korea"},
         {"name": "missile launch", "actors": "South Korea"}),
        ({"name": "53rd SCM", "type": "meeting", "ordinal": 53},
         {"name": "54th SCM", "type": "meeting", "ordinal": 54}),
        ({"name": "ICBM launch", "article_id": "same"},
         {"name": "ICBM launch", "article_id": "same"}),
        ({"name": "ICBM launch", "type": "launch"}, {"name": "ICBM launch", "type": "statement"}),
        ({"name": "Ulchi Freedom Shield exercise"}, {"name": "Freedom Edge exercise trilateral"}),
        ({"name": "fired", "evidence": "It fired an ICBM on Friday."},
         {"name": "fired", "evidence": "It fired two short-range ballistic missiles Friday."}),
    ],
    ids=[
        "weak-names-a-day-apart",
        "two-days-apart",
        "different-classes",
        "different-actors",
        "different-ordinals",
        "same-article",
        "different-types",
        "different-names",
        "classes-from-evidence",
    ],
)  # fmt: skip
def test_kept_apart(a: dict[str, object], b: dict[str, object]) -> None:
    assert len(merge_events(_events(a, b))) == 2


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ({"name": "54th Security Consultative Meeting", "type": "meeting"},
         {"name": "SCM", "type": "meeting"}),
        ({"name": "Trump-Kim Hanoi summit", "type": "meeting"},
         {"name": "Hanoi talks end without deal", "type": "meeting"}),
        ({"name": "SRBM launch from Ryongsong"}, {"name": "previous ballistic missile launch"}),
        ({"name": "U.S.-ROK talks", "type": "meeting", "actors": "United States;South Korea"},
         {"name": "talks", "type": "meeting", "actors": "South Korea"}),
        ({"name": "ICBM launch", "approximate": True, "start": "2022-11-16"},
         {"name": "ICBM launch"}),
        ({"name": "North Korea fired", "actors": "North Korea;Japan"},
         {"name": "test-fired", "actors": "North Korea", "start": "2022-11-01",
          "end": "2022-11-30", "precision": "month"}),
    ],
    ids=[
        "acronym",
        "shared-place",
        "generic-name",
        "actors-overlap",
        "approximate-tolerance",
        "actor-words-in-name",
    ],
)  # fmt: skip
def test_merged(a: dict[str, object], b: dict[str, object]) -> None:
    out = merge_events(_events(a, b))
    assert len(out) == 1 and out.loc[0, "n_sources"] == 2


def test_generic_name_between_two_same_day_events_stays_alone() -> None:
    events = _events(
        {"name": "ICBM launch", "actors": "North Korea"},
        {"name": "live-fire drill", "actors": "South Korea"},
        {"name": "missile launch"},
    )
    assert len(merge_events(events)) == 3


def test_thresholds_are_tunable() -> None:
    events = _events(
        {"name": "Hwasong-17 ICBM launch from Sunan"}, {"name": "ICBM launch from Pyongyang"}
    )
    assert len(merge_events(events)) == 1  # shared ICBM: 1/2 of the shorter name
    assert len(merge_events(events, min_similarity=0.8)) == 2
    approx = _events(
        {"name": "ICBM launch", "approximate": True, "start": "2022-11-14"}, {"name": "ICBM launch"}
    )
    assert len(merge_events(approx)) == 2
    assert len(merge_events(approx, approx_tolerance=4)) == 1
    slack = _events({"name": "ICBM launch"}, {"name": "ICBM launch", "start": "2022-11-16"})
    assert len(merge_events(slack, date_slack=2)) == 1


def test_most_supported_date_and_most_informative_name() -> None:
    events = _events(
        {"name": "launch", "start": "2022-11-01", "end": "2022-11-30", "precision": "month"},
        {"name": "Hwasong-17 ICBM launch from Sunan airport"},
        {"name": "ICBM launch"},
    )
    row = merge_events(events).iloc[0]
    assert row["name"] == "Hwasong-17 ICBM launch from Sunan airport"
    assert (f"{row['start']:%Y-%m-%d}", row["precision"]) == ("2022-11-18", "day")


def test_does_not_mutate() -> None:
    events = _events({"name": "ICBM launch"}, {"name": "Hwasong-17 launch"})
    before = events.copy()
    merge_events(events)
    pd.testing.assert_frame_equal(events, before)


def test_same_output_whatever_the_row_order() -> None:
    events = _events(
        {"name": "Hwasong-17 ICBM launch", "start": "2022-11-18"},
        {"name": "ICBM launch", "start": "2022-11-17"},
        {"name": "missile launch", "start": "2022-11-01", "end": "2022-11-30",
         "precision": "month"},
        {"name": "SRBM launch", "start": "2022-11-17"},
        {"name": "Hwasong-17 launch", "start": "2022-11-18", "article_id": "a0"},
        {"name": "SCM", "type": "meeting", "start": "2022-11-03"},
        {"name": "54th Security Consultative Meeting", "type": "meeting", "start": "2022-11-03"},
    )  # fmt: skip
    expected = merge_events(events)
    for order in itertools.islice(itertools.permutations(range(len(events))), 0, None, 97):
        shuffled = events.iloc[list(order)].reset_index(drop=True)
        pd.testing.assert_frame_equal(merge_events(shuffled), expected)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("54th Security Consultative Meeting", {"54th", "security", "consultative", "scm"}),
        ("intercontinental ballistic missile launch", {"icbm"}),
        ("first meeting of the Counter-Missile Working Group", {"cmwg", "working", "group"}),
        ("U.S.-ROK talks", {"us", "rok"}),
    ],
    ids=["acronym", "synonym", "hyphenated-acronym", "abbreviation"],
)
def test_name_tokens(name: str, expected: set[str]) -> None:
    tokens = name_tokens(name)
    assert expected <= tokens
    assert not {"the", "of", "first"} & tokens


# --------------------------------------------------------------------------- dev corpus


def _gold_events() -> pd.DataFrame:
    rows = []
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for i, event in enumerate(doc["events"]):
            value, precision = event["date"], event["precision"]
            start, end = value, value
            if precision == "month":
                year, month = map(int, value.split("-"))
                start, end = f"{value}-01", f"{value}-{calendar.monthrange(year, month)[1]}"
            elif precision == "year":
                start, end = f"{value}-01-01", f"{value}-12-31"
            rows.append(
                {
                    "event_id": f"{doc['file']}-e{i:03d}",
                    "article_id": doc["file"],
                    "type": event["type"],
                    "start": start,
                    "end": end,
                    "precision": precision,
                    "approximate": event["approximate"],
                    "name": event["name"],
                }
            )
    return schema.frame("events", rows)


@pytest.mark.shared
@pytest.mark.skipif(not GOLD.exists(), reason="no dev corpus in /work/shared")
def test_dev_gold_events_merge_across_documents() -> None:
    events = _gold_events()
    out = merge_events(events)
    merged = out[out["n_sources"] > 1]
    assert (merged["type"] == "launch").sum() >= 3
    # every source row is kept exactly once, and an article's own rows are never merged
    ids = [i for cell in out["event_ids"] for i in cell.split(";")]
    assert sorted(ids) == sorted(events["event_id"])
    assert (out["n_sources"] == out["n_mentions"]).all()
    shuffled = events.sample(frac=1, random_state=7).reset_index(drop=True)
    pd.testing.assert_frame_equal(merge_events(shuffled), out)
