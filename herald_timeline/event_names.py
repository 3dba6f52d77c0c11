"""Descriptive attributes of an event: name, ordinal, actors, location.

Actors and places come from gazetteers in ``resources/events/`` (data, not code). Names
prefer the proper name written around the trigger ("54th Security Consultative Meeting",
"first meeting of the Counter-Missile Working Group"), else the trigger words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from herald_timeline import resources
from herald_timeline.event_triggers import Trigger

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
_ORDINAL = re.compile(
    r"\b(?:(\d{1,3})(?:st|nd|rd|th)|(" + "|".join(_ORDINAL_WORDS) + r"))\b", re.IGNORECASE
)
# A capitalised name: words starting upper case or digits, joined by spaces/hyphens and a
# few lower-case connectors ("Group of Seven", "Workers' Party of Korea").
_NAME_WORD = r"(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][\w'’.]*(?:-[\w'’]+)*|\d+\+\d+)"
_PROPER = re.compile(rf"{_NAME_WORD}(?:\s+(?:of\s+the\s+|of\s+|and\s+|for\s+)?{_NAME_WORD})*")
_OF_NAME = re.compile(rf"\s+of\s+(?:the\s+)?({_NAME_WORD}(?:\s+{_NAME_WORD})*)")
_PREPOSITION = re.compile(r"\b(?:in|at|from|off|near|over|into|toward|towards)\s+$")


@lru_cache(maxsize=1)
def _actor_names() -> dict[str, str]:
    return {r["surface"]: r["actor"] for r in resources.table("events/actors.csv")}


@lru_cache(maxsize=1)
def _actor_pattern() -> re.Pattern[str]:
    """All actor surfaces in one alternation (longest first), scanned once per sentence."""
    return re.compile(rf"(?<![\w.]){resources.alternation(tuple(_actor_names()))}(?!\w)")


def _actor_hits(text: str) -> list[tuple[int, str]]:
    names = _actor_names()
    return [(m.start(), names[m.group()]) for m in _actor_pattern().finditer(text)]


@lru_cache(maxsize=1)
def _places() -> re.Pattern[str]:
    return re.compile(rf"\b{resources.alternation(resources.lines('events/places.txt'))}\b")


def ordinal(sentence: str, trigger: Trigger) -> int | None:
    """The ordinal written just before the trigger ("the 54th Security ...")."""
    window = sentence[max(0, trigger.start - 45) : trigger.start]
    found = list(_ORDINAL.finditer(window))
    if not found:
        return None
    last = found[-1]
    if last.group(1):
        return int(last.group(1))
    return _ORDINAL_WORDS[last.group(2).lower()]


def name(sentence: str, trigger: Trigger) -> str:
    """A short name for the event the trigger states."""
    for match in _PROPER.finditer(sentence):
        if match.start() <= trigger.start < match.end() and " " in match.group():
            return match.group().strip()
        if match.start() > trigger.end:
            break
    words = trigger.text.strip()
    of_name = _OF_NAME.match(sentence, trigger.end)
    if of_name:
        return f"{words} of the {of_name.group(1)}"
    # the name just before a generic noun: "Freedom Shield exercise"
    before = sentence[max(0, trigger.start - 60) : trigger.start].rstrip()
    proper = list(_PROPER.finditer(before))
    if proper and proper[-1].end() == len(before) and proper[-1].start() > 0:
        return f"{proper[-1].group()} {words}"
    return words


def actors(sentence: str) -> tuple[str, ...]:
    """The parties named in the sentence (gazetteer order of appearance, de-duplicated)."""
    out: list[str] = []
    for _, actor in _actor_hits(sentence):
        if actor not in out:
            out.append(actor)
    return tuple(out)


def location(sentence: str, trigger: Trigger) -> str | None:
    """The place after "in/at/from/off ..." nearest to the trigger, if the gazetteer knows it."""
    best: tuple[int, str] | None = None
    for match in _places().finditer(sentence):
        if not _PREPOSITION.search(sentence[max(0, match.start() - 12) : match.start()]):
            continue
        distance = abs(match.start() - trigger.end)
        if best is None or distance < best[0]:
            best = (distance, match.group())
    return best[1] if best else None


_ATTRIBUTION = re.compile(r"\b(?:said|says|reported|reports|according\s+to|told)\b", re.IGNORECASE)


def party(text: str) -> str | None:
    """The actor named last in ``text`` (the words before a trigger), not counting the
    source of an attribution ("South Korea's military said the missile was fired")."""
    cut = list(_ATTRIBUTION.finditer(text))
    if cut:
        last = cut[-1]
        text = text[last.end() :]
        if last.group().lower().startswith("according"):  # "According to the JCS, the missiles"
            comma = text.find(",")
            text = text[comma + 1 :] if comma >= 0 else ""
    hits = _actor_hits(text)
    return hits[-1][1] if hits else None
