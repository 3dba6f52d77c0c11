"""Event-relative dates: "<head> came <N> after <clause>", "<N> after <clause>, <head>".

The head and the after-clause state two events N days apart; whichever one the text dates
(own date, or an anaphor such as "The launch" naming an earlier event) dates the other.
Offsets in hours or minutes mean the same day. Vague offsets ("less than a week",
"days after") date nothing.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final, NamedTuple

from herald_timeline import event_lexicon, resources
from herald_timeline.text import folded, lacks

_FLAGS: Final = re.IGNORECASE
_DIRECTION_WORDS: Final[tuple[str, ...]] = ("after", "before", "later", "earlier")
_DIRECTION: Final = re.compile(r"\b(?:after|before|later|earlier)\b", _FLAGS)
#: the most words a relation has before its direction word, with a margin
_WORDS_BEFORE: Final = 6
_HEAD_ANAPHOR: Final = re.compile(r"^\W*(?:The|That|This|Its|Their|These|Those|His|Her)\b", _FLAGS)
_HEAD_PRONOUN: Final = re.compile(r"^\W*(?:It|This|That)\s+(?:came|comes|was|followed)\b", _FLAGS)


class Relation(NamedTuple):
    """A relation phrase in a sentence (offsets relative to the sentence; a tuple: built
    without a frozen ``__init__``'s setattr calls)."""

    start: int
    end: int
    days: int  # signed: the head is this many days after the clause
    approximate: bool
    clause_start: int  # the after-clause; empty for "later"/"earlier"
    clause_end: int
    months: int = 0  # signed, instead of days: "eight months after" names a month


@cache
def _vague() -> re.Pattern[str]:
    """Hedges that make an offset vague ("less than a week after")."""
    return re.compile(rf"\b{event_lexicon.alternatives('vague_offsets')}\b", _FLAGS)


@cache
def _spec() -> dict[str, object]:
    return resources.toml("events/relations.toml")


@cache
def _pattern() -> re.Pattern[str]:
    spec = _spec()["pattern"]
    assert isinstance(spec, dict)
    return resources.compile_pattern(spec["relation"], _FLAGS, where="events/relations.toml")


@cache
def _lowered() -> re.Pattern[str]:
    """``_pattern`` for lower-cased text (case-sensitive: several times faster)."""
    source = resources.lowered(_pattern().pattern)
    if source is None:
        raise resources.ResourceError("events/relations.toml: relation sets its own flags")
    return re.compile(source)


@cache
def _anaphors() -> tuple[tuple[str, re.Pattern[str]], ...]:
    spec = _spec()["anaphors"]
    assert isinstance(spec, dict)
    return tuple((kind, re.compile(rx, _FLAGS)) for kind, rx in spec.items())


def _table(name: str) -> dict[str, int]:
    spec = _spec()[name]
    assert isinstance(spec, dict)
    return {str(k): int(v) for k, v in spec.items()}


def find_relation(text: str, lower: str | None = None) -> Relation | None:
    """The first relation with a definite offset in ``text``, if any; ``lower``: ``text``
    folded (``text.folded``) when the caller has it."""
    if lacks(text, _DIRECTION_WORDS, lower):  # cheap checks first: most sentences have none
        return None
    first = _DIRECTION.search(text)
    if first is None:
        return None
    if lower is None:
        lower = folded(text)
    # on the lower-cased text when it has the same offsets (every group read is lower-cased)
    start = _scan_start(text, first.start())
    if lower is not None:
        scan = _lowered().finditer(lower, start)
    else:
        scan = _pattern().finditer(text, start)
    for match in scan:
        if _vague().search(match.group()) and (match.group("unit") or "").lower() not in (
            "hour",
            "hours",
            "minute",
            "minutes",
        ):
            continue
        units = _table("units")
        numbers = _table("numbers")
        count_word = match.group("n").lower()
        unit = (match.group("unit") or "").lower()
        months = 0
        if count_word in units:  # "Minutes after", "Hours after"
            days = 0
        elif unit in units or unit in _table("month_units"):
            count = int(count_word) if count_word.isdigit() else numbers.get(count_word)
            if count is None:
                continue
            days = count * units.get(unit, 0)
            months = count * _table("month_units").get(unit, 0)
        else:
            continue
        direction = match.group("dir").lower()
        sign = 1 if direction in ("after", "later") else -1
        if direction in ("later", "earlier"):
            clause_start = clause_end = match.end()
        else:
            clause_start = match.end()
            comma = text.find(",", clause_start)
            head_first = bool(text[: match.start()].strip())
            clause_end = len(text) if head_first or comma < 0 else comma
        return Relation(
            match.start(),
            match.end(),
            sign * days,
            bool(match.group("hedge")),
            clause_start,
            clause_end,
            sign * months,
        )
    return None


def _scan_start(text: str, direction: int) -> int:
    """Where a relation can start at the earliest: a few words before the first direction
    word. A relation is at most "<hedge> <hedge> <n> <unit> <direction>" and holds no
    other direction word, so the scan (slow over a whole long sentence) can start there."""
    words = text[:direction].rsplit(None, _WORDS_BEFORE)
    # rsplit leaves the text before the last words in words[0]: start right after it
    return len(words[0]) if len(words) > _WORDS_BEFORE else 0


def anaphor_type(text: str) -> str | None:
    """The event type a noun phrase refers back to ("the summit" -> meeting)."""
    for kind, pattern in _anaphors():
        if pattern.search(text):
            return kind
    return None


def head_anaphor(text: str) -> tuple[bool, str | None]:
    """Whether the head (text before the relation) is an anaphor, and of which type."""
    if _HEAD_PRONOUN.search(text):
        return True, None
    if _HEAD_ANAPHOR.search(text):
        kind = anaphor_type(text)
        return kind is not None, kind
    return False, None
