"""The time resources: every rule's examples hold, no pattern matches "", no slow patterns."""

from __future__ import annotations

import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from herald_timeline import resources, timex_rules, timex_scan
from herald_timeline.dates import find_dates

PUBLISHED = datetime(2022, 11, 18, 17, 58, tzinfo=ZoneInfo("Asia/Seoul"))
EXAMPLES = [
    (rule.name, text, value) for rule in timex_rules.rules() for text, value in rule.examples
]


def test_every_rule_has_examples() -> None:
    assert [r.name for r in timex_rules.rules() if not r.examples] == []


def test_rule_names_are_unique() -> None:
    names = [r.name for r in timex_rules.rules()]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(("rule", "text", "value"), EXAMPLES,
                         ids=[f"{r}:{t}" for r, t, _ in EXAMPLES])  # fmt: skip
def test_rule_example(rule: str, text: str, value: str) -> None:
    found = [(t.rule, t.value) for t in find_dates(text, published=PUBLISHED)]
    if value == "":  # a counter-example: the rule's words are there, but no timex
        assert [v for r, v in found if r == rule] == []
    else:
        assert (rule, value) in found


def test_no_pattern_matches_empty() -> None:
    for rule in timex_rules.rules():
        assert rule.pattern.fullmatch("") is None, rule.name


def test_compile_pattern_refuses_empty_match() -> None:
    with pytest.raises(resources.ResourceError):
        resources.compile_pattern("(?:early )?")


@pytest.mark.parametrize(
    "unit",
    [
        "1 ",
        "Nov. ",
        "1",
        "Friday ",
        "two weeks after ",
        "6:01 a.m. ",
        "nineteen ninety-",
        "the eve of ",
    ],
    ids=["ones", "nov", "digits", "friday", "after", "clock", "spelled-year", "eve"],
)
def test_long_input_is_linear(unit: str) -> None:
    """100 KB of one token must not make the scan backtrack badly."""
    text = unit * (100_000 // len(unit))
    started = time.perf_counter()
    find_dates(text, published=PUBLISHED)
    assert time.perf_counter() - started < 10


def _exhaustive(text: str) -> list[tuple[int, int, str]]:
    """Every rule tried at every position: what the indexed scan must reproduce."""
    found = []
    pos = 0
    while pos < len(text):
        best = None
        for number, rule in enumerate(timex_rules.rules()):
            match = rule.pattern.match(text, pos)
            names = timex_scan._capitalised()[number]
            if match is None or match.end() == pos or not timex_scan._acceptable(match, names):
                continue
            if best is None or match.end() > best[1]:
                best = (pos, match.end(), rule.name)
        if best is None:
            pos += 1
        else:
            found.append(best)
            pos = best[1]
    return found


@pytest.mark.parametrize(
    "text",
    [text for rule in timex_rules.rules() for text, _ in rule.examples]
    + [
        "(About two weeks ago) \u201cEarly Friday\u201d, and\tlate-November; 'the 1990s'.",
        "On\nMonday—Nov. 3—talks began; by mid-2023, around 10 p.m. KST.",
    ],
    ids=lambda text: text[:40],
)
def test_indexed_scan_finds_what_trying_every_rule_finds(text: str) -> None:
    assert [(h.start, h.end, h.rule.name) for h in timex_scan.scan(text)] == _exhaustive(text)


@pytest.mark.parametrize(
    "unit",
    ["about ", "the ", "recent ", "will meet on Friday and ", "said Monday that "],
    ids=["modifier", "the", "recent", "future-cues", "reporting"],
)
def test_long_prose_is_linear(unit: str) -> None:
    text = unit * (100_000 // len(unit))
    started = time.perf_counter()
    find_dates(text, published=PUBLISHED)
    assert time.perf_counter() - started < 10
