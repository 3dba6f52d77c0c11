"""The cheap paths of event_names agree with the plain patterns they stand for."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from herald_timeline import event_names
from herald_timeline.event_triggers import Trigger

#: words and characters the patterns care about, to find edge cases
_WORDS = [
    "with", "of", "among", "between", "said", "told", "reporters", "according", "to",
    "the", "US", "fifth", "54th", "3rd", "talks", "Talks", "summit", "met", ",", "-",
    " - ", "\u2013", "\u2019s", "x", "\n", "  ", "According", "SAID", "\u017f", "1234th",
]  # fmt: skip
TEXTS = st.lists(st.sampled_from(_WORDS), max_size=14).map(" ".join)
SENTENCES = [
    "Yoon held talks with Biden and Kishida in Washington.",
    "According to the JCS, the North fired its fifth missile, the ministry said.",
    "The 54th SCM - held in Seoul - ended, officials told reporters on Friday.",
    "The summit of the leaders of South Korea, the US and Japan.",
]


def _trigger(text: str, start: int, end: int) -> Trigger:
    return Trigger("meeting", start, end, text[start:end], "test", False)


@given(TEXTS, st.integers(0, 60), st.integers(0, 80))
def test_linked_agrees_with_the_with_pattern(text: str, start: int, end: int) -> None:
    links = event_names._links(text, start)
    expected = event_names._WITH.search(text, start, end) is not None
    assert event_names._linked(text, links, end) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("held talks", True), ("met", False), ("Summit", True), ("\u017fummit", True), ("x", False)],
    ids=["talks", "met", "capital", "long-s", "none"],
)
def test_is_noun(text: str, expected: bool) -> None:
    assert event_names.is_noun(text) is expected
    assert (event_names.noun_trigger().search(text) is not None) is expected


@given(TEXTS)
def test_is_noun_agrees_with_noun_trigger(text: str) -> None:
    assert event_names.is_noun(text) == (event_names.noun_trigger().search(text) is not None)


def _ordinal_plain(window: str) -> int | None:
    found = list(event_names.ordinal_pattern().finditer(window))
    if not found:
        return None
    last = found[-1]
    if last.group(1):
        return int(last.group(1))
    return event_names.ordinal_words()[last.group(2).lower()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("the 54th ", 54), ("its FIFTH ", 5), ("1234th ", None), ("third and 3rd ", 3), ("no ", None)],
    ids=["digits", "capitals", "four-digits", "last-one", "none"],
)
def test_ordinal(text: str, expected: int | None) -> None:
    trigger = _trigger(text + "meeting", len(text), len(text) + 7)
    assert event_names.ordinal(text + "meeting", trigger) == expected


@given(TEXTS)
def test_ordinal_agrees_with_plain(text: str) -> None:
    sentence = text + " meeting"
    trigger = _trigger(sentence, len(text) + 1, len(sentence))
    window = sentence[max(0, trigger.start - 45) : trigger.start]
    assert event_names.ordinal(sentence, trigger) == _ordinal_plain(window)


def _sources_plain(text: str) -> tuple[tuple[int, int], ...]:
    if not event_names._attribution().search(text):
        return ()
    return tuple(m.span() for m in event_names._ATTRIBUTION_SOURCE.finditer(text))


@pytest.mark.parametrize("text", SENTENCES)
def test_sources_agree_with_plain(text: str) -> None:
    assert event_names.Facts(text).sources == _sources_plain(text)


@given(TEXTS)
def test_sources_agree_on_generated_text(text: str) -> None:
    assert event_names.Facts(text).sources == _sources_plain(text)


@given(TEXTS, st.integers(0, 40), st.integers(0, 80))
def test_party_agrees_without_the_stem_check(text: str, start: int, end: int) -> None:
    facts = event_names.Facts(text)
    plain = event_names.Facts(text)
    plain._attributed = True  # always run the attribution regex
    assert event_names.party(facts, start, end) == event_names.party(plain, start, end)


@given(TEXTS)
def test_dash_break_agrees_with_regex(text: str) -> None:
    expected = re.search(r"\s[-\u2013\u2014]\s", text) is not None
    assert event_names._dash_break(text) == expected


def test_branched_words_match_like_an_alternation() -> None:
    pattern = re.compile(event_names.branched_words(["a", "ab", "Sep", "Sept"], not_after=r"\w"))
    assert [m.group() for m in pattern.finditer("ab a Sept xa")] == ["ab", "a", "Sept"]


def test_branched_needs_a_plain_first_character() -> None:
    with pytest.raises(ValueError, match="plain first"):
        event_names.branched([r"\bword"])
