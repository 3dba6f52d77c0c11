"""The literal-led rewrites of the events patterns (``pattern_facts.literal_led``) find
what the patterns they replace find."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from herald_timeline import event_dates, event_lexicon, pattern_facts, resources


@pytest.mark.parametrize(
    ("pattern", "led"),
    [
        (r"\bfirst\s+meeting\b", r"f(?<!\w.)irst\s+meeting\b"),
        (r"\b(?:after|before)\s", r"a(?<!\w.)fter\s|b(?<!\w.)efore\s"),
        (r";|\bsince\b", r";|s(?<!\w.)ince\b"),
        (r"\b(?:a|b)?c", None),
        (r"\bx?y", None),
        (r"\b(?:a|(?:b))c", None),
        (r"\s[-–—]\s|;", None),
        (r"\b(a)c", None),
        (r"[;,]x", None),
    ],
    ids=["word", "group", "literal", "optional-group", "optional-first", "nested", "class",
         "capture", "class-first"],
)  # fmt: skip
def test_literal_led(pattern: str, led: str | None) -> None:
    assert pattern_facts.literal_led(pattern) == led


_CUES = [
    name
    for name, spec in resources.toml("events/cues.toml")["cue"].items()
    if resources.lowered(spec["pattern"]) is not None
]
_ALPHABET = "abcdefhilmnorstuwy ,;-'\n0123456789ſé"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["the", "day", "earlier", "later", "in", "on", "after", "since", "will", "first",
             "meeting", "said", "separate", "launch", "its", "to", "began", ",", ";", " ",
             "xin", "_the", "2"]
        ),
        max_size=14,
    ),
    st.text(_ALPHABET, max_size=8),
)  # fmt: skip
def test_led_cues_match_alike(words: list[str], noise: str) -> None:
    text = " ".join(words) + noise
    for name in _CUES:
        source = resources.lowered(event_dates.cue(name).pattern)
        assert source is not None
        led = pattern_facts.literal_led(source)
        if led is None:
            continue
        plain, fast = re.compile(source), re.compile(led)
        for pos in (0, 1, 3):
            one, two = plain.search(text, pos), fast.search(text, pos)
            assert (one and one.span()) == (two and two.span()), (name, text, pos)
        assert [m.span() for m in plain.finditer(text)] == [m.span() for m in fast.finditer(text)]


def test_folded_uses_the_led_twin() -> None:
    folded = event_lexicon.folded(event_dates.cue("news_day"))
    assert folded.lowered is not None
    assert folded.lowered.pattern.startswith("e(?<!")
    assert folded.search("Met EARLIER in the day.", "met earlier in the day.") is not None
