"""CSV and parquet round trips (herald_timeline.io): every dtype comes back equal."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import herald_timeline as ht
from herald_timeline import schema
from herald_timeline.io import read_table, write_table

ZONES = ("Asia/Seoul", "Asia/Tokyo", "America/New_York", "UTC", "+09:00", "-05:00")


def _values(dtype: Any) -> st.SearchStrategy[Any]:
    """Values a column of ``dtype`` may hold, missing included."""
    if isinstance(dtype, pd.CategoricalDtype):
        inner: st.SearchStrategy[Any] = st.sampled_from(list(dtype.categories))
    elif isinstance(dtype, pd.DatetimeTZDtype):
        inner = st.builds(
            lambda moment, zone: moment.replace(tzinfo=UTC).astimezone(ZoneInfo(zone)),
            st.datetimes(datetime(1990, 1, 1), datetime(2040, 1, 1)),  # noqa: DTZ001
            st.sampled_from(["Asia/Seoul", "America/New_York", "UTC"]),
        )
    elif isinstance(dtype, str) and dtype.startswith("datetime64"):
        inner = st.dates(date(1900, 1, 1), date(2100, 12, 31))
    elif dtype == schema.INT:
        inner = st.integers(-(2**62), 2**62)
    elif dtype == schema.FLOAT:
        inner = st.floats(allow_nan=False, allow_infinity=False, width=64)
    elif dtype == schema.BOOL:
        inner = st.booleans()
    else:  # text: "" and NA are the same empty cell in CSV, so text is never empty
        inner = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30)
    return st.none() | inner


def _rows(table: str) -> st.SearchStrategy[list[dict[str, Any]]]:
    spec = dict(schema.TABLES[table])
    fields = {name: _values(dtype) for name, dtype in spec.items()}
    if "tz" in fields:
        fields["tz"] = st.none() | st.sampled_from(ZONES)
    return st.lists(st.fixed_dictionaries(fields), max_size=6)


def _roundtrip(df: pd.DataFrame, path: Path, table: str) -> pd.DataFrame:
    write_table(df, path, table)
    return read_table(path, table)


@pytest.mark.parametrize("table", sorted(schema.TABLES))
@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_roundtrip_any_rows(table: str, suffix: str, data: st.DataObject, tmp_path: Path) -> None:
    df = schema.frame(table, data.draw(_rows(table)))
    back = _roundtrip(df, tmp_path / f"{table}{suffix}", table)
    pd.testing.assert_frame_equal(back, df)
    schema.validate(back, table)


@pytest.mark.parametrize("table", sorted(schema.TABLES))
def test_empty_tables_roundtrip(table: str, tmp_path: Path) -> None:
    df = schema.empty(table)
    back = _roundtrip(df, tmp_path / f"{table}.csv", table)
    pd.testing.assert_frame_equal(back, df)


def test_tricky_values_survive_csv(tmp_path: Path) -> None:
    rows = [
        {
            "event_id": "000123",  # an id that looks like a number stays a string
            "article_id": "1e5",
            "type": "launch",
            "start": date(2022, 11, 18),
            "end": date(2022, 11, 18),
            "precision": "day",
            "approximate": None,
            "date_text": 'on "Friday", Nov. 3',
            "name": "line one\nline two, with comma",
            "ordinal": None,
            "actors": "South Korea;United States",
            "location": "서울",
            "evidence": "true",  # text that looks like a boolean
            "char_start": 0,
            "char_end": 2**40,
            "published": datetime(2022, 11, 18, 17, 58, tzinfo=ZoneInfo("Asia/Seoul")),
        },
        {"event_id": "NA", "article_id": "null", "type": None, "ordinal": 54, "approximate": True},
    ]
    df = schema.frame("events", rows)
    back = _roundtrip(df, tmp_path / "events.csv", "events")
    pd.testing.assert_frame_equal(back, df)
    assert back.loc[0, "event_id"] == "000123"
    assert back.loc[1, "event_id"] == "NA"
    assert back.loc[0, "actors"].split(";") == ["South Korea", "United States"]


def test_published_written_with_the_articles_own_offset(tmp_path: Path) -> None:
    moment = datetime(2017, 11, 28, 15, 41, tzinfo=ZoneInfo("America/New_York"))
    df = schema.frame(
        "articles",
        [
            {"article_id": "a", "published": moment, "tz": "-05:00", "status": "ok"},
            {"article_id": "b", "published": moment, "tz": "Asia/Seoul", "status": "ok"},
            {"article_id": "c", "published": moment, "tz": None, "status": "ok"},
        ],
    )
    path = tmp_path / "articles.csv"
    write_table(df, path, "articles")
    raw = pd.read_csv(path, dtype=str)
    assert raw["published"].tolist() == [
        "2017-11-28T15:41:00-05:00",
        "2017-11-29T05:41:00+09:00",
        "2017-11-29T05:41:00+09:00",
    ]
    pd.testing.assert_frame_equal(read_table(path), df)


def test_contract_csv_format(tmp_path: Path) -> None:
    df = schema.frame(
        "timexes",
        [{"timex_id": "x-t000", "start": date(2022, 8, 1), "approximate": False, "char_start": 3}],
    )
    path = tmp_path / "timexes.csv"
    write_table(df, path, "timexes")
    text = path.read_text(encoding="utf-8")
    header, row = text.splitlines()
    assert header.split(",")[:3] == ["timex_id", "article_id", "text"]
    assert "2022-08-01," in row and ",false," in row and "00:00" not in row
    assert ",3," in row


def test_append_mode_writes_one_header(tmp_path: Path) -> None:
    df = schema.frame("claims", [{"claim_id": "c1", "value": 1.5}])
    path = tmp_path / "claims.csv"
    write_table(df, path, "claims")
    write_table(df.assign(claim_id="c2"), path, "claims", mode="a")
    back = read_table(path)
    assert back["claim_id"].tolist() == ["c1", "c2"]
    assert back["value"].dtype == schema.FLOAT


def test_parsed_seed_tables_roundtrip(seed_path: Path, tmp_path: Path) -> None:
    corpus = ht.parse_corpus([seed_path])
    for name, df in corpus.tables().items():
        for suffix in (".csv", ".parquet"):
            back = _roundtrip(df, tmp_path / f"{name}{suffix}", name)
            pd.testing.assert_frame_equal(back, df, obj=f"{name}{suffix}")


def test_read_functions_and_unknown_tables(tmp_path: Path) -> None:
    df = schema.frame("events", [{"event_id": "e", "start": date(2020, 1, 2)}])
    write_table(df, tmp_path / "events.csv", "events")
    pd.testing.assert_frame_equal(ht.read_events_csv(tmp_path / "events.csv"), df)
    (tmp_path / "other.csv").write_text("a,b\n1,x\n", encoding="utf-8")
    other = read_table(tmp_path / "other.csv")
    assert other["a"].tolist() == ["1"]  # no schema: text, not guessed numbers


def test_moment_precision_kept(tmp_path: Path) -> None:
    moment = datetime(2022, 11, 18, 17, 58, 1, 123456, tzinfo=ZoneInfo("Asia/Seoul"))
    df = schema.frame("articles", [{"article_id": "a", "published": moment, "tz": "+09:00"}])
    back = _roundtrip(df, tmp_path / "articles.csv", "articles")
    assert back.loc[0, "published"] - moment == timedelta(0)


def test_frames_do_not_share_their_column_index() -> None:
    """Frames of one table are built from one cached Index: naming one frame's columns
    must not name the next frame's."""
    first = schema.frame("timexes", [{"text": "Friday"}])
    first.columns.name = "field"
    assert schema.frame("timexes", [{"text": "Monday"}]).columns.name is None


@pytest.mark.parametrize(
    ("column", "values", "expected"),
    [
        ("char_start", [1, 2], [1, 2]),
        ("char_start", [1, None], [1, pd.NA]),
        ("char_start", [True, 2], [1, 2]),  # a bool is no int: the general path
        ("approximate", [True, False], [True, False]),
        ("approximate", [None, True], [pd.NA, True]),
    ],
    ids=["ints", "int-missing", "bool-in-ints", "bools", "bool-missing"],
)
def test_nullable_columns_with_and_without_missing_values(
    column: str, values: list[object], expected: list[object]
) -> None:
    built = schema.frame("timexes", [{column: v} for v in values])[column]
    assert built.tolist() == expected
    assert str(built.dtype) == str(schema.TIMEXES[column])


def test_claim_values_keep_nan_as_missing() -> None:
    values = schema.frame("claims", [{"value": 60.0}, {"value": float("nan")}])["value"]
    assert values.isna().tolist() == [False, True]
    assert str(values.dtype) == "Float64"
