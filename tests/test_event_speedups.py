"""The cheap paths of the events modules agree with the plain ones they replace."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from herald_timeline import event_dates, event_lexicon, event_triggers, pattern_facts
from herald_timeline.text import folded


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"\bhave\s+not\s+agreed\b", ("agreed",)),
        (r"abc|de(?:f|g)h", ("abc", "de")),
        (r"x(?:ab|cd)+y", ("ab", "cd")),
        (r"(?:ab)?c", ("c",)),
        (r"\w+", None),
        (r"a|\d", None),
        (r"(?=later)\w+", None),
    ],
    ids=["literal-runs", "branch", "repeat", "optional", "no-literal", "branch-class", "lookahead"],
)
def test_required_words(pattern: str, words: tuple[str, ...] | None) -> None:
    assert pattern_facts.required_words(pattern) == words


@pytest.mark.parametrize(
    "text",
    [
        "The summit was abruptly called off.",
        "Their meeting was cancelled, and the motorcades left.",
        "The drill were postponed",
        "The talks were held in Seoul.",
        "The talks, postponed before, went on.",
    ],
    ids=["called-off", "cancelled", "postponed", "held", "comma"],
)
def test_called_off_probe_never_hides_a_match(text: str) -> None:
    lower = text.lower()
    for end in range(len(text)):
        if event_triggers._called_off().match(text, end, end + 60):
            assert event_triggers._may_be_called_off(lower, end)


@pytest.mark.parametrize(
    "sentence",
    [
        "North Korea launched an ICBM on Friday, and the allies HELD TALKS.",
        "On Twitter, he said the drills were canceled.",
        "The ministers have not agreed on the ſummit.",
        "İstanbul hosted the talks; the test-fired missile fell.",
        "“Joint drills,” he said — the ministers met (again) in Seoul.",
    ],
    ids=["caps", "twitter", "long-s", "dotted-i", "punctuation"],
)
def test_folded_scan_equals_the_scan_on_the_text(sentence: str) -> None:
    plain = [(m.span(), m.lastgroup) for m in event_triggers._scan(sentence)]
    lower = folded(sentence)
    fast = [(m.span(), m.lastgroup) for m in event_triggers._scan(sentence, lower)]
    assert fast == plain


@pytest.mark.parametrize(
    ("name", "text"),
    [("irrealis_before", "He Would Stop The "), ("end", "WHICH RUNS THROUGH "), ("start", "x")],
)
def test_folded_cue_matches_like_the_cue(name: str, text: str) -> None:
    cue = event_lexicon.folded(event_dates.cue(name))
    lower = folded(text)
    assert bool(cue.search(text, lower)) == bool(event_dates.cue(name).search(text))


def test_folded_is_none_for_case_odd_text() -> None:
    assert folded("ſaid") is None
    assert folded("İ") is None
    assert folded("Said") == "said"
    assert re.fullmatch(r"[a-z ]+", folded("Some Text") or "")


@pytest.mark.parametrize(
    "before",
    [
        "The launches came less than a week after North Korea's second ",
        "After the summit, the North ",
        "hours before; the ",
        "Hereafter the ",
        "It fired ahead of the ",
        "x,after ",
        "",
    ],
    ids=["after", "comma-after-it", "semicolon", "inside-word", "two-words", "at-cut", "empty"],
)
def test_tail_search_finds_what_the_whole_search_finds(before: str) -> None:
    name = "subordinate_before"
    lower = folded(before)
    whole = event_dates.found(name, before, lower)
    assert event_dates.found_after_last_comma(name, before, lower) == whole
    assert event_dates.found_after_last_comma(name, before, None) == whole


_WORDS = st.sampled_from(["after", "Before", "since", "ahead of", "x", ",", ";", " ", "-", "a"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=12).map("".join))
def test_tail_search_property(before: str) -> None:
    name = "subordinate_before"
    whole = bool(event_dates.cue(name).search(before))
    assert event_dates.found_after_last_comma(name, before, folded(before)) == whole
