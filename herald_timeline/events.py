"""Dated events: meetings, launches, agreements, establishments, exercises, statements.

``find_events`` reads an article body sentence by sentence. Trigger rules (data in
``resources/events/``) say what happened; the time core's Timex list says when. A trigger
with no date of its own takes the date of the narrative it continues only when the
sentence says so ("During the meeting", "Minutes after the launch", a clock time); an
event whose date cannot be derived gives no row. The same event mentioned twice is one
row, dated by its most precise mention.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from herald_timeline import event_dates, event_names
from herald_timeline.event_dates import TimexLike, When
from herald_timeline.event_triggers import Trigger, find_triggers
from herald_timeline.text import Sentence

__all__ = ["Event", "find_events"]

#: a hedged event-relative date this close to the narrative's date is that date
_CONSISTENT_DAYS = 3


@dataclass(frozen=True, slots=True)
class Event:
    """One dated event of an article; ``evidence`` is ``body[char_start:char_end]``."""

    type: str
    start: date
    end: date
    precision: str
    approximate: bool
    date_text: str
    name: str
    ordinal: int | None
    actors: tuple[str, ...]
    location: str | None
    evidence: str
    char_start: int
    char_end: int
    trigger: str


@dataclass(frozen=True, slots=True)
class _Context:
    """The date the narrative is at: the last dated event of a recent sentence."""

    when: When
    sentence: int
    paragraph: int


def find_events(
    body: str,
    sentences: Sequence[Sentence],
    timexes: Sequence[TimexLike],
    *,
    published: datetime | None,
    tz: str = "Asia/Seoul",
) -> list[Event]:
    """Every dated event stated in ``body``, in reading order, one row per event."""
    dateline = _dateline(published, tz)
    ordered = sorted(timexes, key=lambda t: t.char_start)
    cursor = 0
    context: _Context | None = None
    found: list[Event] = []
    for sentence in sentences:
        while cursor < len(ordered) and ordered[cursor].char_start < sentence.start:
            cursor += 1
        inside: list[TimexLike] = []
        probe = cursor
        while probe < len(ordered) and ordered[probe].char_start < sentence.end:
            if ordered[probe].char_end <= sentence.end:
                inside.append(ordered[probe])
            probe += 1
        triggers = find_triggers(sentence.text)
        if not triggers:
            continue
        events = _sentence_events(sentence, triggers, inside, _recent(context, sentence), dateline)
        found.extend(events)
        dated = [e for e in events if e.precision == "day"] or events
        if dated:
            last = dated[-1]
            context = _Context(
                When(last.start, last.end, last.precision, last.approximate, last.date_text, 0),
                sentence.index,
                sentence.paragraph,
            )
    return _merge(found)


def _dateline(published: datetime | None, tz: str) -> date | None:
    if published is None:
        return None
    if published.tzinfo is None:
        return published.date()
    return published.astimezone(ZoneInfo(tz)).date()


def _recent(context: _Context | None, sentence: Sentence) -> When | None:
    """The narrative date if it was set in this or the previous paragraph, close by."""
    if context is None:
        return None
    if sentence.paragraph - context.paragraph > 1 or sentence.index - context.sentence > 3:
        return None
    return context.when


def _sentence_events(
    sentence: Sentence,
    triggers: list[Trigger],
    timexes: Sequence[TimexLike],
    context: When | None,
    dateline: date | None,
) -> list[Event]:
    text = sentence.text
    dates: list[When] = []
    clock = False
    for timex in timexes:
        if event_dates.is_clock_time(timex):
            clock = True
            continue
        when = event_dates.usable(timex, text, sentence.start)
        if when is not None:
            dates.extend(event_dates.split_range(when))
    owned = event_dates.assign(triggers, dates, text)
    inherits = bool(event_dates.cue("inherit").search(text)) or clock
    events: list[Event] = []
    for trigger, whens in zip(triggers, owned, strict=True):
        if whens:
            whens = [_consistent(w, context) for w in whens]
        elif inherits and context is not None:
            whens = [replace(context, text=context.text, position=-1)]
        elif clock and dateline is not None and context is None and not dates:
            # a clock time in a story with no dated event yet: the dateline's day
            whens = [When(dateline, dateline, "day", False, "", -1)]
        for when in whens:
            events.append(_event(sentence, trigger, when))
    return events


def _consistent(when: When, context: When | None) -> When:
    """A hedged event-relative date ("around two weeks after ...") that agrees with the
    narrative's day within a few days is that day, and no longer approximate."""
    if not (when.approximate and when.event_relative and when.precision == "day"):
        return when
    if context is None or context.precision != "day":
        return when
    if abs((context.start - when.start).days) <= _CONSISTENT_DAYS:
        return replace(when, start=context.start, end=context.end, approximate=False)
    return when


def _event(sentence: Sentence, trigger: Trigger, when: When) -> Event:
    text = sentence.text
    label = event_names.name(text, trigger)
    side = event_dates.boundary(text, trigger, when) if when.position >= 0 else None
    if side is not None and trigger.type in ("exercise", "meeting"):
        label = f"{label} ({side})"
    return Event(
        type=trigger.type,
        start=when.start,
        end=when.end,
        precision=when.precision,
        approximate=when.approximate,
        date_text=when.text,
        name=label,
        ordinal=event_names.ordinal(text, trigger),
        actors=event_names.actors(text),
        location=event_names.location(text, trigger),
        evidence=text,
        char_start=sentence.start,
        char_end=sentence.end,
        trigger=trigger.text,
    )


def _same_event(a: Event, b: Event) -> bool:
    """Two rows of one type and date state one event unless their parties differ."""
    if not a.actors or not b.actors:
        return True
    return bool(set(a.actors) & set(b.actors)) or a.evidence == b.evidence


def _merge(events: list[Event]) -> list[Event]:
    """One row per event: repeats merge; a vaguer mention of a dated event is dropped."""
    kept: list[Event] = []
    for event in events:
        if any(
            k.type == event.type
            and (k.start, k.end) == (event.start, event.end)
            and _same_event(k, event)
            for k in kept
        ):
            continue
        kept.append(event)
    return [e for e in kept if not _covered(e, kept)]


def _covered(event: Event, events: list[Event]) -> bool:
    """A month/year row restating a day-dated event of the same type and place."""
    if event.precision == "day" or event.location is None:
        return False
    for other in events:
        if other is event or other.type != event.type or other.precision != "day":
            continue
        inside = event.start <= other.start and other.end <= event.end + timedelta(days=0)
        if inside and other.location == event.location:
            return True
    return False
