"""Which date governs which event trigger in a sentence.

Dates come from the time core's Timex list. This module decides which of them can date an
event at all (not an attribution's "said Friday", a boundary's "since 2018", a deadline),
and which trigger each one belongs to: the nearest one, preferring a date that follows its
trigger, never across a subordinate "after/before/since" clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, is_dataclass, replace
from datetime import date
from functools import cache
from typing import Final, Protocol

from herald_timeline import event_lexicon, records, resources
from herald_timeline.event_names import Facts
from herald_timeline.event_triggers import Trigger

_FLAGS: Final = re.IGNORECASE
#: precisions an event can have (the gold and the contract have no week/quarter events)
EVENT_PRECISIONS: Final = frozenset({"day", "month", "year"})
#: precisions of dates that no event row takes (the gold has none)
COARSE_PRECISIONS: Final = frozenset({"week", "quarter"})
#: how far back (characters) the cues before a date look ("Photo released by North
#: Korea's official Korean Central News Agency on Dec. 19")
_BEFORE_WINDOW: Final = 120
#: ... and the other cues before a date
_SHORT_WINDOW: Final = 60


class TimexLike(Protocol):
    """The attributes of ``herald_timeline.dates.Timex`` this module reads."""

    @property
    def text(self) -> str: ...
    @property
    def char_start(self) -> int: ...
    @property
    def char_end(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def start(self) -> date | None: ...
    @property
    def end(self) -> date | None: ...
    @property
    def precision(self) -> str | None: ...
    @property
    def approximate(self) -> bool: ...
    @property
    def anchor(self) -> str: ...


@dataclass(init=False, frozen=True, slots=True)
class When:
    """A date an event can carry; ``boundary`` is 'start'/'end' for one side of a range."""

    start: date
    end: date
    precision: str
    approximate: bool
    text: str
    position: int  # offset of the date in the sentence
    boundary: str | None = None
    event_relative: bool = False
    refers_to: int | None = None  # the event (row index) a definite mention names

    # written out, not generated: mypyc compiles it to direct stores (see records)
    def __init__(
        self,
        start: date,
        end: date,
        precision: str,
        approximate: bool,
        text: str,
        position: int,
        boundary: str | None = None,
        event_relative: bool = False,
        refers_to: int | None = None,
    ) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "precision", precision)
        object.__setattr__(self, "approximate", approximate)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "position", position)
        object.__setattr__(self, "boundary", boundary)
        object.__setattr__(self, "event_relative", event_relative)
        object.__setattr__(self, "refers_to", refers_to)


new_when: Final = records.fast_builder(When)


@cache
def cue(name: str) -> re.Pattern[str]:
    """A cue regex from ``resources/events/cues.toml``."""
    spec = resources.toml("events/cues.toml")["cue"][name]
    return resources.compile_pattern(spec["pattern"], _FLAGS, where=f"events/cues.toml:{name}")


#: ``$``-anchored cues matched backwards (``event_backward``): each measured faster so
#: on sentence windows (the others' word repeats backtrack more backwards)
_BACKWARD: Final = frozenset(
    {
        "date_before_not",
        "end",
        "start",
        "period_hedge_before",
        "irrealis_before",
        "definite_before",
        "reaction_object_before",
    }
)


#: cues searched in whole sentences, which seldom hold one of the words they need
_BY_WORDS: Final = frozenset({"separate"})


@cache
def _folded_cue(name: str) -> event_lexicon.Folded:
    return event_lexicon.folded(cue(name), backward=name in _BACKWARD, words=name in _BY_WORDS)


def found(name: str, text: str, lower: str | None) -> bool:
    """Whether cue ``name`` is in ``text``; ``lower``: ``text`` folded (``text.folded``,
    ``Facts.folded``) or None. Matched case-sensitively on ``lower`` (IGNORECASE
    alternations are tried branch by branch, several times slower)."""
    return _folded_cue(name).found(text, lower)


def found_after_last_comma(name: str, text: str, lower: str | None) -> bool:
    """``found`` for a cue whose matches hold no "," or ";" and run to the end
    (``subordinate_before``): searched only after the last of them (a ``$``-anchored
    search tries every start; the ``\\b`` there still sees the character before)."""
    cut = max(text.rfind(","), text.rfind(";")) + 1
    return _folded_cue(name).search(text, lower, cut) is not None


def first(name: str, facts: Facts) -> re.Match[str] | None:
    """The first match of a cue in a sentence (kept: every trigger of a sentence asks);
    made on the folded text when there is one: the same span, its text lower-cased."""
    cues = facts.cues
    if name not in cues:
        cues[name] = _folded_cue(name).search(facts.text, facts.folded)
    return cues[name]


def is_clock_time(timex: TimexLike) -> bool:
    """A time of day without a day of its own ("at 2:34 p.m.", "at noon"): the day comes
    from the narrative, whatever day the time core filled in."""
    return timex.type == "time" and not cue("day_word").search(timex.text)


def usable(
    timex: TimexLike, sentence: str, offset: int, lower: str | None = None, coarse: bool = False
) -> When | None:
    """The event date a timex can give, or None (not a date, a period, an attribution...).
    ``lower``: ``sentence`` folded (``Facts.folded``) or None. ``coarse``: a week or a
    quarter too, which no row takes but which dates its clause ("last week it held a
    drill": not the day of the clause before)."""
    if timex.type not in ("date", "time") or timex.start is None or timex.end is None:
        return None
    precision = timex.precision or ("day" if timex.type == "time" else None)
    if precision not in EVENT_PRECISIONS and not (coarse and precision in COARSE_PRECISIONS):
        return None
    position = timex.char_start - offset
    window = max(0, position - _SHORT_WINDOW)
    before = sentence[window:position]
    low = None if lower is None else lower[window:position]
    end = timex.char_end - offset
    after = sentence[end:]
    if cue("period_timex").search(timex.text) and not found("period_hedge_before", before, low):
        return None
    possessive = after.startswith(("'s", "’s"))  # "said Monday's missile": not an attribution
    if not possessive and (found("date_before_not", before, low) or _photo(sentence, position)):
        # "since May, when it ended a lull" and "the first launch since January 1st" name
        # the event after all
        if not (before.rstrip().lower().endswith("since") and _since_names_event(before, after)):
            return None
    if timex.anchor == "event" and cue("vague_offset").search(timex.text):
        return None  # "less than a week before ...": no day follows from it
    if not before.strip(" ,\"'“") and cue("date_then_attribution").search(after):
        return None
    # (every dateline_before match ends in a comma and spaces: most windows need no search)
    if (
        before.rstrip().endswith(",")
        and cue("dateline_before").search(before)
        and cue("dateline_after").search(after)
    ):
        return None  # "SEOUL, March 24 (Yonhap) --": the dateline, not an event's date
    return new_when(
        timex.start, timex.end, precision, timex.approximate, timex.text, position,
        event_relative=timex.anchor == "event",
    )  # fmt: skip


def finest(timexes: Sequence[TimexLike]) -> list[TimexLike]:
    """The timexes without a year written right after a day or month ("June 12 last year",
    "April that year"): the year says which year it is in, and is no date of its own."""
    out: list[TimexLike] = []
    for timex in timexes:
        if out and _qualifies(out[-1], timex):
            out[-1] = _in_year(out[-1], timex)
            continue
        out.append(timex)
    return out


def _qualifies(first: TimexLike, second: TimexLike) -> bool:
    if second.char_start - first.char_end > 2 or first.start is None or second.start is None:
        return False
    return first.precision in ("day", "month") and second.precision == "year"


def _in_year(day: TimexLike, year: TimexLike) -> TimexLike:
    start, end = day.start, day.end
    if start is None or end is None or year.start is None or not is_dataclass(day):
        return day
    try:
        moved = replace(
            day, start=start.replace(year=year.start.year), end=end.replace(year=year.start.year)
        )
    except ValueError:  # Feb. 29
        return day
    return moved


def main_clause(sentence: str, trigger: Trigger, lower: str | None = None) -> tuple[int, int]:
    """The span of the sentence up to the reported speech that follows the trigger ("Trump said the
    North had wanted ...": the hedges of what was said do not make the event a plan), and
    from the attribution a report ends with (", Biden said at a news conference");
    ``lower``: ``sentence`` folded or None."""
    reported = _folded_cue("reported_after").search(sentence, lower, trigger.end)
    end = reported.start() if reported else len(sentence)
    # "<what will happen>, Biden said at a news conference": the report comes first
    comma = sentence.rfind(",", 0, trigger.start)
    if comma >= 0 and _SAID.search(sentence, comma, trigger.start):
        return comma, end
    return 0, end


_SAID: Final = re.compile(r"\b(?:said|says|told)\b")


def _photo(sentence: str, position: int) -> bool:
    """The date of a photo credit ("Photo released by ... KCNA on Dec. 19")."""
    before = sentence[max(0, position - _BEFORE_WINDOW) : position]
    lower = before.lower()
    if not any(word in lower for word in event_lexicon.words("photo_words")):
        return False
    return bool(cue("photo_before_not").search(before))


def _since_names_event(before: str, after: str) -> bool:
    return bool(cue("since_names_event").search(after) or cue("first_since").search(before))


def split_range(when: When) -> list[When]:
    """A day range ("March 13-23") is two dated boundaries; anything else stays whole."""
    if when.precision != "day" or when.start == when.end:
        return [when]
    hedged, text, at = when.approximate, when.text, when.position
    first = new_when(when.start, when.start, "day", hedged, text, at, boundary="start")
    last = new_when(when.end, when.end, "day", hedged, text, at, boundary="end")
    return [first, last]


def is_event_noun(text: str) -> bool:
    """Whether a trigger's text is a bare event noun ("talks"; "held talks" is not)."""
    return cue("event_noun").match(text) is not None


def irrealis_before(sentence: str, trigger: Trigger, lower: str | None) -> bool:
    """Whether an infinitive or a modal introduces the trigger ("agreed to hold talks")."""
    window = max(0, trigger.start - 40)
    low = None if lower is None else lower[window : trigger.start]
    return found("irrealis_before", sentence[window : trigger.start], low)


def boundary(sentence: str, trigger: Trigger, when: When, lower: str | None = None) -> str | None:
    """'start' or 'end' when the words around the date mark a boundary of the event
    (``lower``: ``sentence`` folded or None)."""
    if when.boundary is not None:
        return when.boundary
    # eight words back: "wrapped up their 11-day Ulchi Freedom Shield summer exercise on"
    window = max(0, when.position - 80)
    before = sentence[window : when.position]
    low = None if lower is None else lower[window : when.position]
    if found("end", before, low):
        return "end"
    if found("start", before, low):
        return "start"
    if cue("start_after").match(sentence, when.position + len(when.text)):
        return "start"  # "held June 27th through June 29th"
    if when.position < trigger.start:  # "on Wednesday ended a three-day exercise"
        between = sentence[when.position + len(when.text) : trigger.end]
        if cue("end_word").search(between):
            return "end"
        if cue("start_word").search(between):
            return "start"
    return None
