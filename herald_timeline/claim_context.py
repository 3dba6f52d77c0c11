"""What surrounds a count in its sentence: subject, action, attribution and period.

Periods come from the time core's timexes: a count is a total over a span only when its
sentence says so ("this year", "last month", "since May", "in 10 days").
"""

from __future__ import annotations

import bisect
import calendar
import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Final, NamedTuple
from zoneinfo import ZoneInfo

from herald_timeline import resources
from herald_timeline.text import Sentence

if TYPE_CHECKING:
    from herald_timeline.dates import Timex


class Context(NamedTuple):  # (a tuple: built without a frozen __init__'s setattr calls)
    subject: str | None
    action: str | None
    attributed_to: str | None
    period_start: date | None
    period_end: date | None


def publication_day(published: datetime | date | None, tz: str) -> date | None:
    """The calendar day of ``published`` in zone ``tz`` (the day relative dates resolve on)."""
    if published is None:
        return None
    if not isinstance(published, datetime):
        return published
    if published.tzinfo is None:
        return published.date()
    return published.astimezone(ZoneInfo(tz)).date()


@lru_cache(maxsize=1)
def _subjects() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = resources.table("claims/subjects.csv")
    names = {row["surface"]: row["subject"] for row in rows}
    pattern = rf"(?<![\w.]){resources.alternation(tuple(names))}(?![\w])"
    return resources.compile_pattern(pattern, where="subjects"), names


@lru_cache(maxsize=1)
def _actions() -> re.Pattern[str]:
    words = resources.alternation(resources.lines("claims/actions.txt"))
    return resources.compile_pattern(rf"(?<![\w-]){words}(?![\w-])", where="actions")


@lru_cache(maxsize=1)
def _attributions() -> tuple[re.Pattern[str], ...]:
    return tuple(
        resources.compile_pattern(line, where="claims/attribution.txt")
        for line in resources.lines("claims/attribution.txt")
    )


_SINCE: Final = re.compile(r"\bsince\s*\Z", re.IGNORECASE)
#: "the first (drill) since April": "since" belongs to the ordinal, not to a count
_SUPERLATIVE_SINCE: Final = re.compile(
    r"\b(?:first|largest|biggest|longest|highest|most|only)\b[^,;]{0,30}\bsince\s*\Z", re.IGNORECASE
)
_AS_OF: Final = re.compile(r"\bas\s+(?:of|at)\s+(?:the\s+(?:end|start)\s+of\s+)?\Z", re.IGNORECASE)
_WINDOW: Final = re.compile(
    r"\b(?:in|over|within|during|for)\s+(?:the\s+)?(?:past\s+|last\s+)?\Z|\b(?:past|last)\s+\Z",
    re.IGNORECASE,
)
_PERFECT: Final = re.compile(r"\b(?:has|have|had|so far)\b", re.IGNORECASE)
_DAYS: Final = re.compile(r"\AP(\d+)([DW])\Z")


def _period(body: str, sentence: str, timex: Timex, today: date | None) -> tuple[date, date] | None:
    """The span a total covers, if ``timex`` gives one."""
    before = body[max(0, timex.char_start - 20) : timex.char_start]
    lead = timex.text.lower()
    if timex.type == "duration":
        match = _DAYS.match(timex.value)
        if today is None or match is None or not _PERFECT.search(sentence):
            return None  # "230 aircraft will take part over five days" is no total
        if not (_WINDOW.search(before) or lead.startswith(("past ", "last ", "the past "))):
            return None
        days = int(match.group(1)) * (7 if match.group(2) == "W" else 1)
        return today - timedelta(days=days - 1), today
    if timex.type != "date" or timex.start is None or timex.end is None:
        return None
    if lead.startswith(("past ", "the past ")) and timex.precision in _ROLLING:
        # "has fired 200 shells over the past week": the days up to publication, not the
        # calendar week before it
        return None if today is None else (_rolling_start(today, timex.precision), today)
    if _AS_OF.search(before):
        return None  # "12,121 warheads as of January": a stock at a moment, no total
    if _SINCE.search(before) or lead.startswith("since "):
        if _SUPERLATIVE_SINCE.search(body, max(0, timex.char_start - 50), timex.char_start):
            return None  # "the first since April, involved three destroyers": no total
        # "since September 2023" runs to publication: unknown without a publication day
        return (timex.start, today) if today is not None and today >= timex.start else None
    # only spans relative to publication ("this year", "last month"): "five nuclear tests,
    # the last in September 2016" is no total over September
    if timex.anchor == "published" and timex.precision in ("year", "quarter", "month"):
        end = min(timex.end, today) if today is not None else timex.end
        return (timex.start, end) if end >= timex.start else None
    return None


_ROLLING: Final = frozenset({"week", "month", "year"})


def _rolling_start(today: date, precision: str) -> date:
    """The first day of the week, month or year that ends on ``today``."""
    if precision == "week":
        return today - timedelta(days=6)
    if precision == "year":
        year, month = today.year - 1, today.month
    else:  # the month before
        year, month = (today.year - 1, 12) if today.month == 1 else (today.year, today.month - 1)
    day = min(today.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) + timedelta(days=1)


_IN: Final = re.compile(r"\b(?:in|during|throughout)\s+\Z", re.IGNORECASE)
_BETWEEN_WORDS: Final = re.compile(r"[\w’'-]+")


def _stated_period(body: str, anchor: int, timex: Timex) -> tuple[date, date] | None:
    """A calendar year or month next to a count ("about 70 in 2022", "In 2022 it fired 70"):
    the span it totals. Only a few words may sit between them: "five tests, the last in
    September 2016" names the month of one test, not a total."""
    if timex.type != "date" or timex.precision not in ("year", "month") or timex.start is None:
        return None
    if timex.end is None:
        return None
    before = body[max(0, timex.char_start - 20) : timex.char_start]
    if not _IN.search(before):
        return None
    if timex.char_start >= anchor:
        words = _BETWEEN_WORDS.findall(body[anchor : timex.char_start])
        limit = 6
    else:  # the count's clause opens with the period: few words, no comma between
        between = body[timex.char_end : anchor].lstrip(", ")
        words = _BETWEEN_WORDS.findall(between)
        limit = 0 if "," in between else 4
    if len(words) > limit or {"last", "first", "latest", "the", "one"} & {w.lower() for w in words}:
        return None
    return timex.start, timex.end


def _closes_earlier_count(
    body: str, sentence_start: int, anchor: int, timex: Timex, counts: Sequence[int]
) -> bool:
    """Whether a year or month before the count closes an earlier count of the sentence
    ("90 missiles in 2024 and nearly 40 in 2023": 2024 is the 90's)."""
    if timex.char_start >= anchor:
        return False
    earlier = bisect.bisect_left(counts, timex.char_start) - 1
    if earlier < 0 or counts[earlier] < sentence_start:
        return False
    return len(_BETWEEN_WORDS.findall(body[counts[earlier] : timex.char_start])) <= 6


_COMPARED: Final = re.compile(r"\b(?:up|down)\s+from\b|\bcompared\b|\bversus\b|\bvs\b", re.I)


_AS_MANY: Final = re.compile(
    r"\b(?:double|twice|triple|three\s+times|half)\s+(?:the\s+|as\s+many\s+as\s+)"
    r"|\bthan\s+(?:in\s+|during\s+)?$",
    re.IGNORECASE,
)


def _compared_between(body: str, anchor: int, timex_at: int, counts: Sequence[int]) -> bool:
    """Whether a count compared with this one sits between it and the time expression."""
    if timex_at < anchor:
        return False  # "Last year, it fired 30 missiles, up from 13": the period is the 30's
    if _AS_MANY.search(body, anchor, timex_at):
        return True  # "20 events, double the number last year"
    # ``counts`` are in text order: only those between the count and the expression
    first, last = bisect.bisect_right(counts, anchor), bisect.bisect_left(counts, timex_at)
    return any(_COMPARED.search(body, anchor, other) for other in counts[first:last])


#: "from May 28 to 29", "between Monday and Wednesday": a window of days
_RANGE_OPENS: Final = re.compile(r"\b(?:from|between)\s+\Z", re.IGNORECASE)
_RANGE_JOINS: Final = re.compile(r"\s*(?:to|through|until|till|and|-|–)\s*")


def _day_range(
    body: str, timexes: Sequence[Timex], index: int, today: date | None
) -> tuple[date, date] | None:
    """The window of days that the day ``timexes[index]`` opens with the one after it, if
    it is over by publication: "will run from Aug. 22 to Sept. 1, in two phases" totals
    nothing yet."""
    if today is None or index + 1 >= len(timexes):
        return None
    first, last = timexes[index], timexes[index + 1]
    if first.precision != "day" or last.precision != "day":
        return None
    if first.start is None or last.end is None or not first.start < last.end <= today:
        return None
    if not _RANGE_JOINS.fullmatch(body, first.char_end, last.char_start):
        return None
    if not _RANGE_OPENS.search(body, max(0, first.char_start - 10), first.char_start):
        return None
    return first.start, last.end


#: a clause of its own after the count: a time expression there dates that clause
_NEW_CLAUSE: Final = re.compile(r",\s+(?:and|but)\s+|;")
#: the year a comparison is made with ("as many as in 2021", "than in 2021")
_COMPARISON_BEFORE: Final = re.compile(
    r"\b(?:as\s+(?:many|much)\s+(?:[\w-]+\s+){0,2}?as|than)\s+(?:in\s+|during\s+)?\Z",
    re.IGNORECASE,
)
#: a "when" clause between a time expression and the count ("since June, when two ...")
_WHEN_CLAUSE: Final = re.compile(r",?\s+when\b")


def _nearest_period(
    body: str,
    sentence: Sentence,
    anchor: int,
    timexes: Sequence[Timex],
    today: date | None,
    counts: Sequence[int],
) -> tuple[date, date] | None:
    best: tuple[int, tuple[date, date]] | None = None
    nearest_day = len(body)  # how near the nearest day-dated expression is
    range_end = -1  # the index of the day that closes a window of days found before
    for index, timex in enumerate(timexes):
        if timex.char_start < sentence.start or timex.char_end > sentence.end:
            continue
        if index == range_end:
            continue
        if _compared_between(body, anchor, timex.char_start, counts):
            continue  # "30 drills, up from 13 last year": last year's count is the 13
        if timex.char_start > anchor and _NEW_CLAUSE.search(body, anchor, timex.char_start):
            continue  # "28,500 troops ..., and Washington plans two squadrons this year"
        if timex.char_end <= anchor and _WHEN_CLAUSE.match(body, timex.char_end, anchor):
            continue  # "since June, when two aircraft entered": the count of that moment
        if _COMPARISON_BEFORE.search(body, max(0, timex.char_start - 40), timex.char_start):
            continue  # "twice as many as in 2021, mobilizing 240 aircraft": 2021's is no count
        distance = abs(timex.char_start - anchor)
        period = _day_range(body, timexes, index, today)
        if period is not None:
            range_end = index + 1
        else:
            period = _period(body, sentence.text, timex, today)
        if period is None and not _closes_earlier_count(
            body, sentence.start, anchor, timex, counts
        ):
            period = _stated_period(body, anchor, timex)
        if period is None:
            if timex.type == "date" and timex.precision == "day":
                nearest_day = min(nearest_day, distance)  # not "since Wednesday"
            continue
        if best is None or distance < best[0]:
            best = (distance, period)
    # "fired two missiles on Oct. 2 and a satellite in May": a count of one day is no
    # total over the month the sentence names further away
    return best[1] if best is not None and best[0] < nearest_day else None


# "US-made F-35s", "Russian-built": the modifier says who made the things, not whose they are
_MADE_BY: Final = re.compile(r"-(?:made|built|designed|developed|produced|supplied|style|type)\b")


# "stationed in South Korea", "sanctions against North Korea": a place or target, no subject
_PLACE_BEFORE: Final = re.compile(
    r"\b(?:in|(?<!according )to|from|near|off|toward|towards|into|over|at|across|against)\s+\Z",
    re.IGNORECASE,
)
_ACCORDING: Final = re.compile(r"according\s+to\s+\Z", re.IGNORECASE)
#: the source's own clause ("according to U.S. Forces Korea, which has 28,500 troops")
_SOURCE_CLAUSE: Final = re.compile(r",\s*(?:which|who)\b")


def _subject(
    text: str,
    number_at: int,
    number_end: int,
    unit_end: int,
    source: tuple[int, int] | None,
    verb_at: int = -1,
) -> str | None:
    """Who the count is about; ``source``: the span of who says so (never the subject);
    ``verb_at``: where the count's verb is, when before it (a party after the verb and
    before the count is its object: "Russia has provided North Korea with 10 systems")."""
    pattern, names = _subjects()
    # "after five North Korean drones entered": the modifier names whose the things are,
    # before the sentence's subject ("South Korea scrambled jets"); in "eight Japanese and
    # four U.S. jets" the first count's unit is shared, its modifier follows the number
    next_word = pattern.match(text, len(text) - len(text[number_end:].lstrip()))
    inside = pattern.finditer(text, number_at, max(unit_end, number_at))
    for found in (next_word, *inside):
        if found is not None and not _MADE_BY.match(text, found.end()):
            return names[found.group(0)]
    if source is not None and (
        _SOURCE_CLAUSE.match(text, source[1])
        or (text[source[0] : source[1]] in names and not _ACCORDING.search(text, 0, source[0]))
    ):
        source = None  # "North Korea said two missiles it fired ...": the source acts
    before = None
    before_verb = None
    for match in pattern.finditer(text, 0, number_at):
        if source is not None and source[0] <= match.start() < source[1]:
            continue  # "according to South Korean officials"
        possessive = text.startswith(("'s", "’s"), match.end())  # "to North Korea's launch"
        if not possessive and _PLACE_BEFORE.search(text, max(0, match.start() - 10), match.start()):
            continue
        before = match.group(0)
        if match.end() <= verb_at:
            before_verb = before
    if before_verb is not None and before != before_verb:
        return names[before_verb]
    if before is not None:
        return names[before]
    # "were fired by the North"
    by = re.search(r"\bby\s+", text[unit_end:])
    after = pattern.search(text, unit_end + by.end()) if by is not None else None
    return names[after.group(0)] if after is not None else None


def _action(text: str, number_at: int, number_end: int) -> tuple[str, int] | None:
    """The count's verb and where it is."""
    pattern = _actions()
    before = None
    for match in pattern.finditer(text, max(0, number_at - 80), number_at):
        before = match
    if before is not None:
        return before.group(0), before.start()
    after = pattern.search(text, number_end, min(len(text), number_end + 80))
    return (after.group(0), after.start()) if after is not None else None


# Cheap gate before the attribution patterns: one of their verbs or "according to".
_SAYS: Final = re.compile(
    r"according to|\b(?:said|says|reported|reports|announced|announces|estimated|estimates"
    r"|claimed|claims|told|added|confirmed|noted)\b"
)


def _attribution(text: str) -> tuple[str, int, int] | None:
    """Who says so, and where the source is in ``text``."""
    says = _SAYS.search(text)
    if says is None:
        return None
    for pattern in _attributions():
        # the source sits within a few words of its verb
        match = pattern.search(text, max(0, says.start() - 120), says.end() + 120)
        if match is not None:
            who = match.group("who").strip()
            last = who.rsplit(" ", 1)[-1]
            who = who[:-1] if who.endswith(".") and last.count(".") == 1 else who
            return who, match.start("who"), match.end("who")
    return None


def describe(
    body: str,
    sentence: Sentence,
    start: int,
    end: int,
    unit_end: int,
    timexes: Sequence[Timex],
    today: date | None,
    counts: Sequence[int] = (),
) -> Context:
    """The context of the count at ``body[start:end]`` (its unit ends at ``unit_end``);
    ``counts``: where the counts of the body start (a period goes to the nearest one)."""
    text = sentence.text
    at, stop = start - sentence.start, end - sentence.start
    unit_stop = max(unit_end - sentence.start, stop)
    period = _nearest_period(body, sentence, start, timexes, today, counts)
    said = _attribution(text)
    verb = _action(text, at, unit_stop)
    return Context(
        subject=_subject(
            text, at, stop, unit_stop, said[1:] if said else None, verb[1] if verb else -1
        ),
        action=verb[0] if verb else None,
        attributed_to=said[0] if said else None,
        period_start=period[0] if period else None,
        period_end=period[1] if period else None,
    )
