"""Publication stamps (herald_timeline.stamps): tz-aware moments in the outlet's zone."""

from __future__ import annotations

from datetime import datetime

import pytest

from herald_timeline import resources
from herald_timeline.stamps import parse_iso, read_line, read_stamps, zone

SEOUL = zone("Asia/Seoul")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Published : Nov 18, 2022 - 17:58", [("published", "2022-11-18T17:58:00+09:00")]),
        (
            "Published : Nov 18, 2022 - 17:58       Updated : Nov 19, 2022 - 09:01",
            [("published", "2022-11-18T17:58:00+09:00"), ("updated", "2022-11-19T09:01:00+09:00")],
        ),
        ("입력 2022.10.06 (15:03)", [("published", "2022-10-06T15:03:00+09:00")]),
        ("수정 2022.10.06 (17:41)", [("updated", "2022-10-06T17:41:00+09:00")]),
        ("Posted : 2019-02-28 21:40", [("published", "2019-02-28T21:40:00+09:00")]),
        ("All News 16:48 July 04, 2017", [("published", "2017-07-04T16:48:00+09:00")]),
        (
            "AUGUST 5, 2017 / 8:38 PM / UPDATED 2 HOURS AGO",
            [("published", "2017-08-05T20:38:00+09:00")],
        ),
        ("Published 3:41 PM EST, November 28, 2017", [("published", "2017-11-28T15:41:00-05:00")]),
        ("Published 10:12 AM GMT+9, October 4, 2022", [("published", "2022-10-04T10:12:00+09:00")]),
        ("Feb 19, 2023 14:27 JST", [("published", "2023-02-19T14:27:00+09:00")]),
        ("June 30, 2024 07:15 AM ET", [("published", "2024-06-30T07:15:00-04:00")]),
        ("19 Nov. 2022, 11:38", [("published", "2022-11-19T11:38:00+09:00")]),
        ("Sept. 3, 2021 12:00 a.m.", [("published", "2021-09-03T00:00:00+09:00")]),
        ("2022.08.22 10:31:12", [("published", "2022-08-22T10:31:12+09:00")]),
    ],
)
def test_stamp_lines(line: str, expected: list[tuple[str, str]]) -> None:
    found = [(s.label, s.moment.isoformat()) for s in read_stamps(line, SEOUL)]
    assert found == expected


@pytest.mark.parametrize(
    "line",
    [
        "Nov 18 - 17:58",  # no year: never filled in from the clock
        "Published : Feb 30, 2022 - 10:00",  # no such day
        "Published : Nov 18, 2022 - 25:61",  # no such time
        "North Korea fired missiles.",
        "",
    ],
)
def test_not_stamps(line: str) -> None:
    assert read_stamps(line, SEOUL) == []


def test_stamp_without_time_is_midnight_and_says_so() -> None:
    (stamp,) = read_stamps("Published : Nov 18, 2022", SEOUL)
    assert not stamp.has_time
    assert stamp.moment == datetime(2022, 11, 18, tzinfo=SEOUL)


@pytest.mark.parametrize(
    ("name", "offset_hours"),
    [
        ("KST", 9),
        ("JST", 9),
        ("EST", -5),
        ("EDT", -4),
        ("GMT", 0),
        ("UTC", 0),
        ("+09:00", 9),
        ("-5", -5),
        ("UTC+9", 9),
        ("Asia/Seoul", 9),
    ],
)
def test_zone(name: str, offset_hours: int) -> None:
    offset = datetime(2022, 1, 15, 12, tzinfo=zone(name)).utcoffset()
    assert offset is not None
    assert offset.total_seconds() == offset_hours * 3600


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022-11-18T17:58:00+09:00", "2022-11-18T17:58:00+09:00"),
        ("2022-11-18T08:58:00Z", "2022-11-18T08:58:00+00:00"),
        ("2022-11-18T17:58", "2022-11-18T17:58:00+09:00"),
        ("2022-11-18", "2022-11-18T00:00:00+09:00"),
        ("Nov 18, 2022", None),
        ("", None),
    ],
)
def test_parse_iso(text: str, expected: str | None) -> None:
    moment = parse_iso(text, SEOUL)
    assert (moment.isoformat() if moment else None) == expected


def test_stamp_rule_examples_are_read() -> None:
    """Every example in resources/page/stamps.toml is read as a stamp."""
    spec = resources.toml("page/stamps.toml")
    for rule in spec["date"]:
        for example in rule["examples"]:
            assert read_stamps(example, SEOUL), example
    for example in spec["zone"]["examples"]:
        (stamp,) = read_stamps("Nov 18, 2022 " + example, SEOUL)
        assert stamp.moment.tzinfo is not None and stamp.has_time, example


@pytest.mark.parametrize(
    ("name", "where"),
    [("page/chrome.txt", "chrome"), ("page/chrome_words.txt", "chrome"), ("page/end.txt", "end")],
)
def test_line_pattern_examples_match(name: str, where: str) -> None:
    """Each `# example:` line of the chrome/end files matches its own list."""
    from herald_timeline.page import is_chrome, is_end

    check = is_chrome if where == "chrome" else is_end
    text = resources.read_text(name)
    examples = [
        line.split("example:", 1)[1].strip()
        for line in text.splitlines()
        if line.startswith("# example:")
    ]
    assert examples
    for example in examples:
        assert check(example), example


@pytest.mark.parametrize(
    ("line", "named", "in_utc"),
    [
        pytest.param(
            "Published : Nov 18, 2022 - 17:58", None, "2022-11-18T17:58:00+00:00", id="naive"
        ),
        pytest.param("Feb 19, 2023 14:27 JST", "2023-02-19T14:27:00+09:00", None, id="named"),
        pytest.param("Nov 18, 2022 10:12 AM GMT-5", "2022-11-18T10:12:00-05:00", None, id="offset"),
    ],
)
def test_reading_takes_the_default_zone_only_when_it_names_none(
    line: str, named: str | None, in_utc: str | None
) -> None:
    (reading,) = read_line(line)
    assert reading.naive.tzinfo is None
    expected = named or in_utc
    assert reading.stamp(zone("UTC")).moment.isoformat() == expected
    assert reading.stamp(SEOUL).moment.isoformat() == (
        named or expected.replace("+00:00", "+09:00")
    )
