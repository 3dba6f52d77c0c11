"""The word lists of the events modules (resources/events/*.txt, *.csv) run their examples."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources

import pytest

from herald_timeline import (
    event_assign,
    event_gazetteer,
    event_labels,
    event_lexicon,
    event_merge,
    event_names,
    event_proper,
    event_relations,
    event_triggers,
)


def _pair(example: str) -> tuple[str, str]:
    left, right = example.split("->")
    return left.strip(), right.strip()


def _ordinal(example: str) -> bool:
    text, number = _pair(example)
    found = event_gazetteer.ordinal_pattern().search(text)
    return found is not None and event_gazetteer.ordinal_words()[found.group(2)] == int(number)


def _party_form(example: str) -> bool:
    party, form = _pair(example)
    return form in (
        event_gazetteer.adjectives().get(party),
        event_gazetteer.short_forms().get(party),
    )


def _head_noun(example: str) -> bool:
    kind, head = _pair(example)
    return event_labels._heads()[kind] == head


def _statement_head(example: str) -> bool:
    word, head = _pair(example)
    return event_labels._statement_heads()[word] == head


def _agreement_noun(text: str) -> bool:
    return any(noun in text.lower() for noun in event_lexicon.words("agreement_nouns"))


def _agreement_kind(example: str) -> bool:
    """``<trigger> -> <kind>``: the kind of document an agreement's trigger names."""
    text, kind = (part.strip() for part in example.split("->"))
    trigger = event_triggers.new_trigger("agreement", 0, len(text), text, "agreement", False)
    return event_merge.kind(trigger) == f"agreement:{kind}"


def _photo_word(text: str) -> bool:
    return any(word in text.lower() for word in event_lexicon.words("photo_words"))


#: each lexicon file -> a check that its ``# example:`` holds through the code that reads it
CHECKS: dict[str, Callable[[str], bool]] = {
    "ordinals.csv": _ordinal,
    "noun_triggers.txt": lambda t: bool(event_gazetteer.noun_trigger().fullmatch(t)),
    "party_forms.csv": _party_form,
    "attribution_verbs.txt": lambda t: bool(event_gazetteer.attribution().search(t)),
    "location_prepositions.txt": lambda t: bool(event_names._place_hits(t)),
    "clause_comma_words.txt": lambda t: bool(event_gazetteer.clause_end().search(t)),
    "clause_words.txt": lambda t: bool(event_gazetteer.clause_end().search(t)),
    "name_modifiers.txt": lambda t: bool(event_proper.modifier().match(t)),
    "name_gap_words.txt": lambda t: event_proper.without_gap_words(t) != t,
    "head_nouns.csv": _head_noun,
    "meeting_heads.txt": lambda t: bool(event_proper.head_pattern("meeting_heads").search(t)),
    "exercise_heads.txt": lambda t: bool(event_proper.head_pattern("exercise_heads").search(t)),
    "generic_name_words.txt": lambda t: set(t.lower().split()) <= event_merge._generic(),
    "statement_verbs.txt": lambda t: bool(event_labels._statement_verb().match(t)),
    "statement_heads.csv": _statement_head,
    "agreement_nouns.txt": _agreement_noun,
    "agreement_kinds.csv": _agreement_kind,
    "date_barriers.txt": lambda t: bool(event_assign._barrier().search(t)),
    "photo_words.txt": _photo_word,
    "vague_offsets.txt": lambda t: bool(event_relations._vague().search(t)),
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
        (CHECKS["name_gap_words.txt"], "the Freedom Shield"),
        (CHECKS["meeting_heads.txt"], "fired a missile"),
        (CHECKS["exercise_heads.txt"], "held talks"),
        (CHECKS["generic_name_words.txt"], "Freedom Shield drill"),
        (CHECKS["statement_verbs.txt"], "a statement"),
        (CHECKS["agreement_nouns.txt"], "agreed to meet"),
        (CHECKS["agreement_kinds.csv"], "agreed to hold talks -> treaty"),
        (CHECKS["agreement_kinds.csv"], "signed a joint statement -> treaty"),
        (CHECKS["date_barriers.txt"], "fired a missile on Friday"),
        (CHECKS["photo_words.txt"], "said on Friday"),
        (CHECKS["vague_offsets.txt"], "two days after"),
    ],
    ids=[
        "noun",
        "attribution",
        "place",
        "clause",
        "modifier",
        "gap-word",
        "meeting",
        "exercise",
        "generic",
        "statement",
        "agreement",
        "agreement-kind-none",
        "agreement-kind-other",
        "barrier",
        "photo",
        "vague",
    ],
)
def test_lexicon_rejects(check: Callable[[str], bool], text: str) -> None:
    assert not check(text)


def test_every_lexicon_is_checked() -> None:
    """A new word list under resources/events/ needs an entry in CHECKS."""
    folder = resources.files("herald_timeline").joinpath("resources", "events")
    gazetteers = {"actors.csv", "people.csv", "places.txt"}  # checked through the events tests
    found = {f.name for f in folder.iterdir() if f.name.endswith((".txt", ".csv"))}
    assert found - gazetteers == set(CHECKS)
