"""The fast scans of the events modules agree with the plain patterns they replace."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from herald_timeline import (
    event_gazetteer,
    event_lexicon,
    event_names,
    event_proper,
    event_weapons,
    resources,
)

SENTENCES = [
    "South Korea and the United States on Friday launched a new working group.",
    "After the meeting, Yoon said; the North fired - again - from Pyongyang.",
    "The 54th Security Consultative Meeting was held at the Pentagon in Washington.",
    "According to the JCS, North Korea-related talks in New York, which ended, were tense.",
    "U.S.-drafted text: the U.S. and Japan met while Kim Jong-un watched 3+2 drills.",
    "SEOUL\u2014 Since May, Tokyo \u2013 and Beijing reported that ahead of   the summit...",
    "Kishida told reporters in the East Sea, as Biden says.",
]
#: texts with only the characters the patterns care about, to find edge cases
_ALPHABET = "aefhiNoSt Kr.-,;:\u2014sUwy'5 thW"
TEXTS = st.text(alphabet=_ALPHABET, max_size=40)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("words", "text", "expected"),
    [
        (["after", "ahead", "before"], "x after, ahead before", ["after", "ahead", "before"]),
        (["Sep", "Sept"], "Sept 3", ["Sept"]),
        (["a", "ab"], "ab a", ["ab", "a"]),
    ],
    ids=["words", "longest-first", "one-letter-word"],
)
def test_led_words_match_like_an_alternation(
    words: list[str], text: str, expected: list[str]
) -> None:
    pattern = re.compile(event_lexicon.led_words(words, not_after=r"\w"))
    assert [m.group() for m in pattern.finditer(text)] == expected


def test_led_needs_a_plain_first_character() -> None:
    with pytest.raises(ValueError, match="plain first"):
        event_lexicon.led([r"\bword"])


@given(TEXTS)
def test_led_alternation_agrees_with_plain(text: str) -> None:
    words = ["the", "then", "Kr", "s", "ta"]
    plain = re.compile(rf"(?<!\w){resources.alternation(words)}")
    led = re.compile(event_lexicon.led_words(words, not_after=r"\w"))
    assert _spans(led, text) == _spans(plain, text)


@pytest.mark.parametrize("text", SENTENCES)
def test_scans_agree_with_plain_patterns(text: str) -> None:
    _agree(text)


@given(TEXTS)
def test_scans_agree_on_generated_text(text: str) -> None:
    _agree(text)


def _agree(text: str) -> None:
    actors = re.compile(
        rf"(?<![\w.]){resources.alternation(tuple(event_gazetteer.actor_names()))}(?!\w|-[a-z])"
    )
    assert _spans(event_gazetteer._actor_pattern(), text) == _spans(actors, text)
    places = re.compile(rf"\b{resources.alternation(resources.lines('events/places.txt'))}\b")
    assert _spans(event_names._places(), text) == _spans(places, text)
    proper = re.compile(event_proper.PROPER_PLAIN)
    assert _spans(event_proper.PROPER, text) == _spans(proper, text)
    facts = event_names.Facts(text)
    assert facts.breaks == tuple(_spans(event_gazetteer.clause_end(), text))
    folded = facts.folded
    if folded is not None:
        fast = event_gazetteer.attribution_folded()
        assert _spans(fast, folded) == _spans(event_gazetteer.attribution(), text)


def test_folded_is_none_when_case_matters() -> None:
    assert event_names.Facts("The talks ended.").folded == "the talks ended."
    assert event_names.Facts("\u0130stanbul talks").folded is None  # "İ" grows when lowered
    assert event_names.Facts("the \u017fummit").folded is None  # "ſ" is "s" to IGNORECASE


def _literal(alternative: str) -> str:
    return re.sub(r"\\[bs][+*]?|[()?:|]", "", alternative).lower()


def test_weapon_class_needs_cover_every_alternative() -> None:
    for spec in resources.toml("events/weapons.toml")["class"]:
        for alternative in re.split(r"\|(?![^(]*\))", spec["pattern"]):
            assert any(word in _literal(alternative) for word in spec["needs"]), alternative


@pytest.mark.parametrize(
    ("text", "named", "kinds"),
    [
        ("fired a Hwasong-17 ICBM", ["Hwasong-17"], ["ICBM"]),
        ("fired a Pulhwasal-3 cruise missile", ["Pulhwasal-3"], ["cruise missile"]),
        (
            "an SLBM, a ballistic missile launched from a submarine",
            [],
            ["SLBM", "ballistic missile"],
        ),
        ("launched a spy satellite", [], ["satellite"]),
        ("threw a stone", [], []),
    ],
    ids=["designation-class", "pulhwasal", "slbm-twice", "satellite", "none"],
)
def test_weapon_hits(text: str, named: list[str], kinds: list[str]) -> None:
    found_named, found_kinds = event_weapons.weapon_hits(event_names.Facts(text))
    assert [name for _, name in found_named] == named
    assert sorted({label for _, label in found_kinds}) == sorted(set(kinds))
