"""The cheap paths of event_names agree with the plain patterns they stand for."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from herald_timeline import event_gazetteer, event_lexicon, event_names, event_proper, resources
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
    expected = event_names._WITH.search(text, start, end) is not None
    assert event_names._linked(text, event_names._links(text, start, end), end) == expected
    if not text[end : end + 1].isspace():  # a word starts at ``end``: links found further on
        links = event_names._links(text, start, len(text))
        assert event_names._linked(text, links, end) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("held talks", True), ("met", False), ("Summit", True), ("\u017fummit", True), ("x", False)],
    ids=["talks", "met", "capital", "long-s", "none"],
)
def test_is_noun(text: str, expected: bool) -> None:
    assert event_gazetteer.is_noun(text) is expected
    assert (event_gazetteer.noun_trigger().search(text) is not None) is expected


@given(TEXTS)
def test_is_noun_agrees_with_noun_trigger(text: str) -> None:
    assert event_gazetteer.is_noun(text) == (
        event_gazetteer.noun_trigger().search(text) is not None
    )


def _ordinal_plain(window: str) -> int | None:
    found = list(event_gazetteer.ordinal_pattern().finditer(window))
    if not found:
        return None
    last = found[-1]
    if last.group(1):
        return int(last.group(1))
    return event_gazetteer.ordinal_words()[last.group(2).lower()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("the 54th ", 54), ("its FIFTH ", 5), ("1234th ", None), ("third and 3rd ", 3), ("no ", None)],
    ids=["digits", "capitals", "four-digits", "last-one", "none"],
)
def test_ordinal(text: str, expected: int | None) -> None:
    trigger = _trigger(text + "meeting", len(text), len(text) + 7)
    assert event_proper.ordinal(text + "meeting", trigger) == expected


@given(TEXTS)
def test_ordinal_agrees_with_plain(text: str) -> None:
    sentence = text + " meeting"
    trigger = _trigger(sentence, len(text) + 1, len(sentence))
    window = sentence[max(0, trigger.start - 45) : trigger.start]
    assert event_proper.ordinal(sentence, trigger) == _ordinal_plain(window)


def _sources_plain(text: str) -> tuple[tuple[int, int], ...]:
    if not event_gazetteer.attribution().search(text):
        return ()
    return tuple(m.span() for m in event_gazetteer.ATTRIBUTION_SOURCE.finditer(text))


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
    assert event_gazetteer.dash_break(text) == expected


def test_branched_words_match_like_an_alternation() -> None:
    pattern = re.compile(event_lexicon.branched_words(["a", "ab", "Sep", "Sept"], not_after=r"\w"))
    assert [m.group() for m in pattern.finditer("ab a Sept xa")] == ["ab", "a", "Sept"]


def test_branched_needs_a_plain_first_character() -> None:
    with pytest.raises(ValueError, match="plain first"):
        event_lexicon.branched([r"\bword"])


@given(TEXTS, st.integers(0, 80))
def test_ordinal_before_agrees_with_plain(text: str, end: int) -> None:
    found = event_proper.ordinal_before(text, end)
    plain = event_proper.ORDINAL_BEFORE.search(text[:end])
    assert (found and found.span()) == (plain and plain.span())


def test_folded_lowers_the_ascii_letters() -> None:
    assert (
        event_names.Facts("\u00c9T\u00c9 Said \u201cX\u201d").folded
        == "\u00c9t\u00c9 said \u201cx\u201d"
    )
    assert event_names.Facts("the \u212a-9 unit").folded is None  # the Kelvin sign


def test_words_matched_on_folded_text_are_ascii() -> None:
    words = [
        *event_lexicon.words("attribution_verbs"),
        *event_lexicon.words("clause_words"),
        *event_lexicon.words("clause_comma_words"),
        *(w for spec in resources.toml("events/weapons.toml")["class"] for w in spec["needs"]),
    ]
    assert all(word.isascii() and word == word.lower() for word in words)


_NAME_WORDS = [
    "The", "Group", "of", "the", "Seven", "and", "for", "met", "54th", "US-led", ",", "iPhone", "x",
]  # fmt: skip
NAMES = st.lists(st.sampled_from(_NAME_WORDS), max_size=12).map(" ".join)


@given(NAMES, st.integers(0, 70))
def test_run_break_is_crossed_by_no_proper_run(text: str, position: int) -> None:
    position = min(position, len(text))
    cut = event_proper.run_break(text, position)
    assert cut <= position
    runs = [m.span() for m in event_proper.PROPER.finditer(text)]
    assert [r for r in runs if r[0] >= cut] == [
        m.span() for m in event_proper.PROPER.finditer(text, cut)
    ]
    assert not any(begin < cut < end for begin, end in runs)


_MODIFIER_WORDS = [
    "joint", "JOINT", "Naval", "live-fire", "summit", "the", "a", "\u017fpecial", "\u212aey",
    "large-scale", "x", "\n", "  ", "first", "Ministerial", "ﬁnal",
]  # fmt: skip


@given(st.lists(st.sampled_from(_MODIFIER_WORDS), max_size=10).map(" ".join), st.integers(0, 90))
def test_modifiers_agree_with_the_modifier_pattern(text: str, position: int) -> None:
    position = min(position, len(text))
    words = text[max(0, position - 50) : position].split()
    expected: list[str] = []
    for word in reversed(words):
        if not event_proper.modifier().match(word):
            break
        expected.insert(0, word.lower())
    assert event_proper.modifiers(text, position) == expected[-3:]
    assert event_proper.modifier_words()  # the lexicon is plain words: the set is used


@given(NAMES, st.integers(0, 70))
def test_run_end_is_crossed_by_no_proper_run(text: str, position: int) -> None:
    position = min(position, len(text))
    cut = event_proper.run_end(text, position)
    assert position < cut or cut == len(text)
    runs = [m.span() for m in event_proper.PROPER.finditer(text)]
    assert [r for r in runs if r[0] < cut] == [
        m.span() for m in event_proper.PROPER.finditer(text, 0, cut)
    ]
    assert not any(begin < cut < end for begin, end in runs)
