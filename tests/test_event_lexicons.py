"""The word lists of the events modules (resources/events/*.txt, *.csv) run their examples."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from herald_timeline import event_labels, event_lexicon, event_merge, event_names


def _pair(example: str) -> tuple[str, str]:
    left, right = example.split("->")
    return left.strip(), right.strip()


def _ordinal(example: str) -> bool:
    text, number = _pair(example)
    found = event_names.ordinal_pattern().search(text)
    return found is not None and event_names.ordinal_words()[found.group(2)] == int(number)


def _party_form(example: str) -> bool:
    party, form = _pair(example)
    return form in (event_names.adjectives().get(party), event_names.short_forms().get(party))


def _head_noun(example: str) -> bool:
    kind, head = _pair(example)
    return event_labels._heads()[kind] == head


#: each lexicon file -> a check that its ``# example:`` holds through the code that reads it
CHECKS: dict[str, Callable[[str], bool]] = {
    "ordinals.csv": _ordinal,
    "noun_triggers.txt": lambda t: bool(event_names.noun_trigger().fullmatch(t)),
    "party_forms.csv": _party_form,
    "attribution_verbs.txt": lambda t: bool(event_names._attribution().search(t)),
    "location_prepositions.txt": lambda t: bool(event_names._place_hits(t)),
    "clause_comma_words.txt": lambda t: bool(event_names._clause_end().search(t)),
    "clause_words.txt": lambda t: bool(event_names._clause_end().search(t)),
    "name_modifiers.txt": lambda t: bool(event_labels._modifier().match(t)),
    "head_nouns.csv": _head_noun,
    "meeting_heads.txt": lambda t: bool(event_labels._head_pattern("meeting_heads").search(t)),
    "exercise_heads.txt": lambda t: bool(event_labels._head_pattern("exercise_heads").search(t)),
    "generic_name_words.txt": lambda t: set(t.lower().split()) <= event_merge._generic(),
}
CASES = [(name, ex) for name in CHECKS for ex in event_lexicon.examples(name)]


@pytest.mark.parametrize("name", list(CHECKS))
def test_lexicon_has_examples(name: str) -> None:
    assert event_lexicon.examples(name)


@pytest.mark.parametrize(("name", "example"), CASES, ids=[f"{n}-{e}" for n, e in CASES])
def test_lexicon_example_holds(name: str, example: str) -> None:
    assert CHECKS[name](example)


@pytest.mark.parametrize(
    ("check", "text"),
    [
        (CHECKS["noun_triggers.txt"], "fired a missile"),
        (CHECKS["attribution_verbs.txt"], "the launch was condemned"),
        (CHECKS["location_prepositions.txt"], "Pyongyang fired"),
        (CHECKS["clause_words.txt"], "the allies held a drill"),
        (CHECKS["name_modifiers.txt"], "missiles"),
        (CHECKS["meeting_heads.txt"], "fired a missile"),
        (CHECKS["exercise_heads.txt"], "held talks"),
        (CHECKS["generic_name_words.txt"], "Freedom Shield drill"),
    ],
    ids=["noun", "attribution", "place", "clause", "modifier", "meeting", "exercise", "generic"],
)
def test_lexicon_rejects(check: Callable[[str], bool], text: str) -> None:
    assert not check(text)
