"""Launch names from the weapons a sentence names: the missile designation and class
nearest the trigger in its own clause ("Hwasong-17 ICBM launch"), else the acting party
("North Korean ballistic missile launch"). Weapons are data in
``resources/events/weapons.toml``."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from herald_timeline import resources
from herald_timeline.event_gazetteer import adjectives
from herald_timeline.event_names import Facts, clause, in_clause
from herald_timeline.event_triggers import Trigger

__all__ = ["launch_name", "weapon_hits"]


@lru_cache(maxsize=1)
def _weapons() -> tuple[_Weapon, tuple[tuple[str, _Weapon], ...]]:
    """The designation pattern and the class patterns (label first), each with the words
    one of which any match contains (designations: case-sensitive; classes: lower case)."""
    spec = resources.toml("events/weapons.toml")
    where = "events/weapons.toml"
    designations = resources.compile_pattern(spec["designations"], where=where)
    classes = tuple(
        (
            c["label"],
            (
                resources.compile_pattern(c["pattern"], re.IGNORECASE, where=where),
                tuple(c["needs"]),
            ),
        )
        for c in spec["class"]
    )
    return (designations, tuple(spec["designation_needs"])), classes


_Weapon = tuple[re.Pattern[str], tuple[str, ...]]


def weapon_hits(facts: Facts) -> tuple[tuple[tuple[int, str], ...], tuple[tuple[int, str], ...]]:
    """(offset, designation) and (offset, class label) of the weapons a sentence names,
    classes in the lexicon's order (most specific first)."""
    (designations, names), classes = _weapons()
    sentence, folded = facts.text, facts.folded
    named: tuple[tuple[int, str], ...] = ()
    if any(word in sentence for word in names):
        named = tuple((m.start(), m.group()) for m in designations.finditer(sentence))
    kinds = tuple(
        (m.start(), label)
        for label, (pattern, needs) in classes
        if folded is None or any(word in folded for word in needs)
        for m in pattern.finditer(sentence)
    )
    return named, kinds


def launch_name(facts: Facts, trigger: Trigger, parties: tuple[str, ...]) -> str:
    sentence = facts.text
    if facts.weapons is None:
        facts.weapons = weapon_hits(facts)
    named, kinds = facts.weapons
    start, end = clause(facts, trigger)  # "fired an ICBM, a day after it launched 20 missiles"
    kinds, named = in_clause(kinds, start, end), in_clause(named, start, end)
    # "fired SRBMs on Nov. 5 and tested its Hwasong-19 ICBM": the other verb's weapon
    kinds = tuple(hit for hit in kinds if not _another_verb(sentence, hit[0], trigger))
    named = tuple(hit for hit in named if not _another_verb(sentence, hit[0], trigger))
    near = sorted(named, key=lambda hit: abs(hit[0] - trigger.start))
    label = ""
    best = len(sentence) + 1
    for position, name in kinds:  # the nearest class, unless a more specific one is close
        distance = abs(position - trigger.start)
        if distance < best - 40 or (not label and distance < best):
            label, best = name, distance
    lead = near[0][1] if near else adjectives().get(parties[0], "") if parties else ""
    return " ".join(w for w in (lead, label or "missile", "launch") if w)


_AND_VERB: Final = re.compile(r"\band\s+(?:then\s+|also\s+|later\s+)?[a-z]+ed\b")


def _another_verb(sentence: str, position: int, trigger: Trigger) -> bool:
    """Whether "and <verb>ed" stands between a weapon named at ``position`` and the
    trigger: the weapon is the other verb's."""
    if position >= trigger.end:
        return _AND_VERB.search(sentence, trigger.end, position) is not None
    return _AND_VERB.search(sentence, position, trigger.end) is not None  # "and fired"
