"""Written cardinals -> values (herald_timeline.numbers)."""

from __future__ import annotations

import re

import pytest

from herald_timeline.numbers import number_pattern, parse_number, scanned_number

VALUES = [
    ("8", 8.0),
    ("1,200", 1200.0),
    ("28,500", 28500.0),
    ("7,687.5", 7687.5),
    ("1.5 million", 1_500_000.0),
    ("2.4 mln", 2_400_000.0),
    ("3 billion", 3_000_000_000.0),
    ("eight", 8.0),
    ("Eight", 8.0),
    ("eleven", 11.0),
    ("seventeen", 17.0),
    ("twenty", 20.0),
    ("twenty-three", 23.0),
    ("Forty-eight", 48.0),
    ("ninety nine", 99.0),
    ("a dozen", 12.0),
    ("a hundred", 100.0),
    ("two hundred", 200.0),
    ("two hundred and five", 205.0),
    ("one hundred thousand", 100_000.0),
    ("three thousand", 3000.0),
    ("five million", 5_000_000.0),
]


@pytest.mark.parametrize(("text", "value"), VALUES, ids=[t for t, _ in VALUES])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


NOT_NUMBERS = ["54th", "third", "first-ever", "dozens", "tens", "someone", "often", "a", "", "1st"]


@pytest.mark.parametrize("text", NOT_NUMBERS, ids=[t or "empty" for t in NOT_NUMBERS])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("It fired twenty-three rockets.", "twenty-three"),
        ("About 1.2 million troops", "1.2 million"),
        ("someone often waits", None),
    ],
    ids=["compound", "decimal-million", "inside-words"],
)
def test_pattern_finds_whole_numbers(sentence: str, found: str | None) -> None:
    pattern = re.compile(rf"(?<![\w-]){number_pattern()}", re.IGNORECASE)
    match = pattern.search(sentence)
    assert (match.group(0) if match else None) == found


def test_pattern_never_matches_empty() -> None:
    assert re.fullmatch(number_pattern(), "") is None


@pytest.mark.parametrize(
    "text",
    [
        "1,200",
        "1.5 million",
        "twenty-three",
        "a dozen",
        "a  hundred",
        "five hundred and six",
        "forty-eight",
        "3 thousand",
        "one",
        "2022",
    ],
)
def test_scanned_number_is_parse_number(text: str) -> None:
    assert scanned_number(text) == parse_number(text)
