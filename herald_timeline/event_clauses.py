"""What a sentence's own words say about an event's dates, beyond the date each trigger
owns (``event_assign``): a date right after an undated trigger in its clause, a drill
dated only by its end, a date borrowed from the next verb, a tally of events in a year.
Used by ``events``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from herald_timeline import event_dates
from herald_timeline.event_dates import When
from herald_timeline.event_triggers import Trigger
from herald_timeline.numbers import parse_number

#: words that count things, besides numbers ("several launches", "dozens of drills")
MANY: Final = frozenset({"several", "many", "numerous", "multiple"})

#: types whose events have a start and an end
_SPANNED: Final = frozenset({"exercise", "meeting"})
#: a date after a determiner modifies the noun after it ("the August 1988 cease-fire")
_DETERMINER_LAST: Final = re.compile(r"\b(?:the|its|their|his|her|a|an)\s*\Z", re.IGNORECASE)
#: how far after an undated trigger a date of its clause may be
_CLAUSE_REACH: Final = 60
#: a determiner and at most one word before a date that modifies a noun ("the entire ")
_DETERMINER_WORD_LAST: Final = re.compile(
    r"(?:^|\b(?:the|its|their|his|her|this|that|last\s+year's))\s+(?:[\w-]+\s+)?\Z",
    re.IGNORECASE,
)
#: at most three words between such a date and its noun (" inter-Korean military ")
_NOUN_WORDS: Final = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}\Z")
#: the noun after a date that opens a sentence's subject ("2018 [inter-Korean] agreement")
_SUBJECT_NOUN: Final = re.compile(r"\s+(?:[\w'’-]+\s+){0,3}?([\w-]+)(?=[\s,])")


def ends_only(trigger: Trigger, whens: Sequence[When], text: str, lower: str | None) -> bool:
    """Whether a drill's or meeting's dates are all its end ("which runs through Aug. 29")."""
    return (
        trigger.type in _SPANNED
        and bool(whens)
        and all(event_dates.boundary(text, trigger, w, lower) == "end" for w in whens)
    )


def date_in_clause(
    triggers: Sequence[Trigger], index: int, dates: Sequence[When], text: str
) -> When | None:
    """A date right after an undated trigger in its clause, another trigger's though it is
    ("last fired ballistic missiles on July 1, when it launched two"): the text's date,
    before any the narrative could give."""
    trigger = triggers[index]
    for when in dates:
        if not trigger.end <= when.position <= trigger.end + _CLAUSE_REACH:
            continue
        between = text[trigger.end : when.position]
        if "," in between or ";" in between or _DETERMINER_LAST.search(between):
            return None  # not "peace talks following the August 1988 cease-fire"
        if _trigger_between(triggers, trigger.end, when.position):
            return None
        return when if when.precision in event_dates.EVENT_PRECISIONS else None
    return None


def date_names_event(trigger: Trigger, dates: Sequence[When], text: str) -> bool:
    """Whether a date inside a noun phrase names the event the trigger is part of: the
    trigger's own ("the entire Sept. 19 inter-Korean military agreement"), or the
    sentence's subject that the trigger elaborates ("The 2018 agreement, signed during a
    summit ..."). The event is of that date, not one the sentences before told."""
    for when in dates:
        end = when.position + len(when.text)
        head = None
        if end <= trigger.start and trigger.start - end <= 40:
            if _NOUN_WORDS.fullmatch(text, end, trigger.start):
                head = trigger.text  # the trigger is the noun the date modifies
        if head is None and when.position <= 30:
            noun = _SUBJECT_NOUN.match(text, end)
            if noun is not None and noun.end() <= trigger.start:
                head = noun.group(1)
        if head is None or event_dates.cue("dated_event_noun").match(head) is None:
            continue
        if _DETERMINER_WORD_LAST.search(text[max(0, when.position - 30) : when.position]):
            return True
    return False


def own_borrowed(index: int, borrowed: When | None, triggers: Sequence[Trigger]) -> bool:
    """Whether a borrowed date is the trigger's own after all: the next thing after it,
    before any other trigger ("met at Panmunjom on June 30 and agreed ..."), so the text
    dates it and no relation phrase need ("nearly a month after Trump and Kim met ...")."""
    if borrowed is None or borrowed.position < triggers[index].end:
        return False
    return not _trigger_between(triggers, triggers[index].end, borrowed.position)


def _trigger_between(triggers: Sequence[Trigger], start: int, end: int) -> bool:
    return any(start <= t.start < end for t in triggers)


def tally(sentence: str) -> bool:
    """Whether a sentence counts events ("around 20 combined exercises", "held nine
    meetings", "several drills"): a year there dates the tally, not one event."""
    for found in _EVENT_PLURALS.finditer(sentence):
        for word in sentence[max(0, found.start() - 30) : found.start()].split()[-3:]:
            if word.lower() in MANY or parse_number(word.lower()) is not None:
                return True
    return False


_EVENT_PLURALS: Final = re.compile(
    r"\b(?:meetings|sessions|exercises|drills|launches|tests|summits|rounds)\b"
)
