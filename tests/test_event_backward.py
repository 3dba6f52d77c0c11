"""A ``$``-anchored search and its backwards twin (one match on the reversed text) agree."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from herald_timeline import event_dates, event_gazetteer, event_triggers, resources
from herald_timeline.event_backward import backward


def _anchored_patterns() -> list[tuple[str, str]]:
    out = [
        (f"cue:{name}", resources.lowered(event_dates.cue(name).pattern) or "")
        for name in resources.toml("events/cues.toml")["cue"]
    ]
    out += [
        (f"before_not:{rule.id}", resources.lowered(rule.before_not.pattern) or "")
        for rule in event_triggers.rules()
        if rule.before_not is not None
    ]
    out.append(("preposition", event_gazetteer.preposition().pattern))
    return [(name, source) for name, source in out if backward(source) is not None]


_PATTERNS = _anchored_patterns()
_WORDS = sorted({w for _, source in _PATTERNS for w in re.findall(r"[a-z]+", source)})
_PIECES = st.sampled_from([*_WORDS, "x", "ab", "9", "12", "2211", "(", ")", "’s", "-", "—"])
_GAPS = st.sampled_from([" ", "  ", ", ", ",", "\n", " - ", ".", ";", "", " (", "'", ":"])
_TEXTS = st.lists(st.tuples(_PIECES, _GAPS), max_size=9).map(
    lambda parts: "".join(a + b for a, b in parts)
)


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        (r"\bsaid\s+$", "the ministry said ", True),
        (r"\bsaid\s+$", "the ministry said it ", False),
        (r"\bsaid\s+$", "unsaid ", False),
        (r"(?<!\w.)on\s+(?:[\w-]+\s+){0,2}$", "on the day ", True),
        (r"\bto\s+$", "agreed to\n", True),
        (r"x(?=y)\w+$", "xyz", True),
    ],
    ids=["word", "word-not-last", "boundary", "lookbehind-repeat", "final-newline", "lookahead"],
)
def test_backward_agrees(pattern: str, text: str, expected: bool) -> None:
    twin = backward(pattern)
    assert twin is not None
    assert bool(re.search(pattern, text)) is expected
    assert bool(twin.match(text[::-1])) is expected


@pytest.mark.parametrize(
    "pattern",
    [r"\bsaid\b", r"said$|told", r"(?m)said$", r"(said)\1$", r"^said$"],
    ids=["unanchored", "one-branch-unanchored", "multiline", "backreference", "caret"],
)
def test_not_reversed(pattern: str) -> None:
    assert backward(pattern) is None


def test_the_event_cues_reverse() -> None:
    names = {name for name, _ in _PATTERNS}
    assert {"cue:date_before_not", "cue:irrealis_before", "preposition"} <= names


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_backward_search_equals_search(text: str) -> None:
    for name, source in _PATTERNS:
        twin = backward(source)
        assert twin is not None
        forward = re.search(source, text) is not None
        assert (twin.match(text[::-1]) is not None) is forward, (name, text)
