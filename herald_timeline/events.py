"""Dated events: meetings, launches, agreements, establishments, exercises, statements.

``find_events`` reads an article body sentence by sentence. Trigger rules (data in
``resources/events/``) say what happened; the time core's Timex list says when. A trigger
with no date of its own takes the date of the narrative it continues only when the
sentence says so ("During the meeting", "Minutes after the launch", a clock time); an
event whose date cannot be derived gives no row. The same event mentioned twice is one
row, dated by its most precise mention.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from herald_timeline import event_dates, event_names, event_relations
from herald_timeline.event_dates import TimexLike, When
from herald_timeline.event_triggers import Trigger, find_triggers
from herald_timeline.text import Sentence

__all__ = ["Event", "find_events"]

#: a hedged event-relative date this close to the narrative's date is that date
_CONSISTENT_DAYS = 3
#: how many sentences back an anaphor ("the meeting", "The launch") looks for its event
_ANAPHOR_REACH = 8
#: how many sentences back an undated sentence continues the narrative
_NARRATIVE_REACH = 2
#: the narrative is the news when its day is this close to publication
_NEWS_DAYS = 3
_ALL_PRECISIONS = frozenset({"day", "month", "year"})
#: a launch dated only by a year is a count ("fired 70 missiles last year"), not an event
_PRECISION_OK = {"launch": frozenset({"day", "month"})}
_SEPARATE = re.compile(r"\bseparate(?:ly)?\b", re.IGNORECASE)
#: the longest drill or meeting whose inner days are folded into its start/end rows
_SPAN_DAYS = 21


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


@dataclass(slots=True)
class _History:
    """What the article has dated so far: the events, and where each was stated."""

    events: list[Event]
    sentences: list[int]
    published: date | None

    def last(self, kind: str | None, sentence: int, reach: int) -> When | None:
        """The date of the latest day-dated event (of ``kind``) stated within ``reach``
        sentences: what an anaphor ("the launch", "the meeting") refers back to."""
        for event, where in zip(reversed(self.events), reversed(self.sentences), strict=True):
            if sentence - where > reach:
                return None
            if (kind is None or event.type == kind) and event.precision == "day":
                return _when_of(event)
        return None

    def narrative(self, sentence: int) -> When | None:
        """The day the news is at: the latest event of the previous sentences, if it
        falls within a few days of publication (background events do not carry over)."""
        when = self.last(None, sentence, _NARRATIVE_REACH)
        if when is None or when.precision != "day" or self.published is None:
            return None
        if abs((when.start - self.published).days) > _NEWS_DAYS:
            return None
        return when


def _when_of(event: Event) -> When:
    return When(event.start, event.end, event.precision, event.approximate, event.date_text, -1)


def find_events(
    body: str,
    sentences: Sequence[Sentence],
    timexes: Sequence[TimexLike],
    *,
    published: datetime | None,
    tz: str = "Asia/Seoul",
) -> list[Event]:
    """Every dated event stated in ``body``, in reading order, one row per event."""
    history = _History([], [], _dateline(published, tz))
    ordered = sorted(timexes, key=lambda t: t.char_start)
    cursor = 0
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
        for event in _sentence_events(sentence, triggers, inside, history):
            history.events.append(event)
            history.sentences.append(sentence.index)
    return _merge(history.events)


def _dateline(published: datetime | None, tz: str) -> date | None:
    if published is None:
        return None
    if published.tzinfo is None:
        return published.date()
    return published.astimezone(ZoneInfo(tz)).date()


def _shift(when: When, days: int, approximate: bool, text: str) -> When | None:
    if when.precision != "day":
        return None
    day = when.start + timedelta(days=days)
    # only the relation's own hedge makes the day approximate ("around 10:15 a.m." does not)
    return When(day, day, "day", approximate, text, -1, event_relative=True)


def _sentence_events(
    sentence: Sentence,
    triggers: list[Trigger],
    timexes: Sequence[TimexLike],
    history: _History,
) -> list[Event]:
    text = sentence.text
    relation = event_relations.find_relation(text)
    dates: list[When] = []
    clock = False
    for timex in timexes:
        if event_dates.is_clock_time(timex):
            clock = True
            continue
        when = event_dates.usable(timex, text, sentence.start)
        if when is None:
            continue
        if relation is not None and relation.start <= when.position < relation.end:
            continue  # the relation phrase is resolved here, against the right event
        dates.extend(event_dates.split_range(when))
    owned, borrowed = event_dates.assign(triggers, dates, text)
    given: list[When | None] = [None for _ in triggers]
    skip = [False for _ in triggers]
    if relation is not None:
        _relate(text, relation, triggers, owned, dates, history, sentence.index, given, skip)
    events: list[Event] = []
    for index, trigger in enumerate(triggers):
        if skip[index]:
            continue
        whens = owned[index]
        if whens:
            context = history.narrative(sentence.index)
            whens = [_consistent(w, context) for w in whens]
        elif given[index] is not None and not _planned(text, trigger):
            whens = [_consistent(given[index], history.narrative(sentence.index))]  # type: ignore[arg-type]
        elif borrowed[index] is not None:
            whens = [borrowed[index]]  # type: ignore[list-item]
        else:
            inherited = _inherit(text, trigger, history, sentence.index, clock)
            whens = [inherited] if inherited is not None else []
        for when in whens:
            if when.precision not in _PRECISION_OK.get(trigger.type, _ALL_PRECISIONS):
                continue
            events.append(_event(sentence, trigger, when))
    return events


def _relate(
    text: str,
    relation: event_relations.Relation,
    triggers: list[Trigger],
    owned: list[list[When]],
    dates: list[When],
    history: _History,
    sentence: int,
    given: list[When | None],
    skip: list[bool],
) -> None:
    """Date the head or the after-clause of a relation from the other one."""
    in_clause = [
        relation.clause_start <= t.start < relation.clause_end
        and relation.clause_end > relation.clause_start
        for t in triggers
    ]
    head_text = text[: relation.start]
    head_dates = [
        d for d in dates if d.position < relation.start or d.position >= relation.clause_end
    ]
    clause_dates = [d for d in dates if relation.clause_start <= d.position < relation.clause_end]
    is_anaphor, kind = event_relations.head_anaphor(head_text)
    phrase = text[relation.start : relation.end]
    if relation.clause_end == relation.clause_start:  # "two days later", "a day earlier"
        base = history.last(None, sentence, _ANAPHOR_REACH)
        for index in range(len(triggers)):
            if base is not None and not owned[index]:
                given[index] = _shift(base, relation.days, relation.approximate, phrase)
        return
    head: When | None = head_dates[0] if head_dates else None
    if head is None and is_anaphor:
        head = history.last(kind, sentence, _ANAPHOR_REACH)
    if head is not None:  # "The launch came a day after ...": date the clause
        for index, inside in enumerate(in_clause):
            if inside and not owned[index]:
                given[index] = _shift(head, -relation.days, relation.approximate, phrase)
        return
    anchor = clause_dates[0] if clause_dates else None
    if anchor is None:  # "A day after that training began, ...": the clause names an event
        clause = text[relation.clause_start : relation.clause_end]
        anchor = history.last(event_relations.anaphor_type(clause), sentence, _ANAPHOR_REACH)
        for index, inside in enumerate(in_clause):
            skip[index] = skip[index] or inside
    if anchor is None:
        return
    for index, inside in enumerate(in_clause):
        if not inside and not owned[index]:
            given[index] = _shift(anchor, relation.days, relation.approximate, phrase)


def _planned(text: str, trigger: Trigger) -> bool:
    """A trigger introduced by "to"/"would"/"will": a plan, not a dated event."""
    return bool(
        event_dates.cue("irrealis_before").search(text[max(0, trigger.start - 40) : trigger.start])
    )


def _inherit(
    text: str, trigger: Trigger, history: _History, sentence: int, clock: bool
) -> When | None:
    """The date an undated trigger takes from the narrative, when the sentence continues it."""
    if trigger.weak:
        return None
    cue = event_dates.cue("inherit").search(text)
    if cue is not None:
        kind = event_relations.anaphor_type(cue.group())
        found = history.last(kind, sentence, _ANAPHOR_REACH) if kind else None
        return found or history.narrative(sentence)
    if clock or not event_dates.cue("irrealis").search(text):
        return history.narrative(sentence)
    return None


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
    if a.evidence == b.evidence:
        return True
    if _SEPARATE.search(a.evidence) or _SEPARATE.search(b.evidence):
        return False  # "held a separate air drill", "also trained separately"
    party_a, party_b = _party(a), _party(b)
    return not party_a or not party_b or party_a == party_b


def _party(event: Event) -> str | None:
    """The actor named nearest before the trigger: the launching or acting party."""
    offset = event.evidence.find(event.trigger)
    if offset < 0:
        return None
    return event_names.party(event.evidence[:offset])


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
    return [e for e in kept if not _covered(e, kept) and not _within_span(e, kept)]


def _covered(event: Event, events: list[Event]) -> bool:
    """A month/year row restating a day-dated event of the same type ("in Hanoi in
    February" and "broke down on Feb. 28")."""
    if event.precision == "day":
        return False
    for other in events:
        if other is event or other.type != event.type or other.precision != "day":
            continue
        if event.start <= other.start and other.end <= event.end:
            if event.location is None or other.location in (None, event.location):
                return True
    return False


def _within_span(event: Event, events: list[Event]) -> bool:
    """A day inside a multi-day event dated by its start and end rows (a caption's date
    in the middle of a drill) restates that event."""
    if event.precision != "day" or event.name.endswith((" (start)", " (end)")):
        return False
    starts = [e.start for e in events if e.type == event.type and e.name.endswith(" (start)")]
    ends = [e.start for e in events if e.type == event.type and e.name.endswith(" (end)")]
    return any(s < event.start < e for s in starts for e in ends if (e - s).days <= _SPAN_DAYS)
