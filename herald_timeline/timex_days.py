"""Handlers of rules that name a day or a time of day: weekdays, "today", "the weekend",
parts of days and clock times."""

from __future__ import annotations

from datetime import timedelta
from typing import Final

from herald_timeline import timex_calendar as cal
from herald_timeline.timex_core import (
    Context,
    Timex,
    group,
    int_of,
    make,
    month_of,
    point_of,
    weekday_of,
)  # fmt: skip
from herald_timeline.timex_dates import month_day
from herald_timeline.timex_direction import weekday_point
from herald_timeline.timex_rules import Hit, lexicon


def weekday(hit: Hit, ctx: Context) -> list[Timex]:
    number = weekday_of(hit.match.group("weekday"))
    rel = (group(hit, "rel") or "").lower()
    point, anchor = weekday_point(number, ctx, hit, rel)
    value = point.value if point else f"XXXX-WXX-{number}"
    return [make(hit, ctx, point, anchor=anchor, value=value + _part_of_day(hit))]


_WEEK_STEP: Final = {"last": -1, "this": 0, "next": 1}


def weekday_of_week(hit: Hit, ctx: Context) -> list[Timex]:
    """ "Wednesday last week": that weekday of the week before publication's (ISO weeks)."""
    number = weekday_of(hit.match.group("weekday"))
    if ctx.ref is None:
        return [make(hit, ctx, None, anchor="unresolved", value=f"XXXX-WXX-{number}")]
    monday = ctx.ref - timedelta(days=ctx.ref.isoweekday() - 1)
    week = _WEEK_STEP[hit.match.group("wrel").lower()]
    day = monday + timedelta(days=7 * week + number - 1)
    return [make(hit, ctx, cal.on_day(day), anchor="published")]


def day_around(hit: Hit, ctx: Context) -> list[Timex]:
    """ "the day before last Tuesday", "the day after Nov. 3": the day named, moved by one."""
    g = hit.match.groupdict()
    if g.get("month"):
        month, day = month_of(g["month"]), int_of(g["day"])
        named = month_day(hit, ctx, month, day, None, None) if month and day else None
        found = [named] if named else []
    else:
        found = weekday(hit, ctx)
    step = timedelta(days=-1 if g["dir"].lower() == "before" else 1)
    return [
        make(hit, ctx, cal.on_day(t.start + step), anchor=t.anchor) if t.start else t for t in found
    ]


def _part_of_day(hit: Hit) -> str:
    """TIMEX3 suffix of "Wednesday night", "yesterday morning": 'TNI', 'TMO' ..."""
    word = group(hit, "pod")
    return "T" + lexicon("parts_of_day.csv")[word.lower()] if word else ""


_DAY_WORDS: Final = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last": -1,
              "before yesterday": -2, "after tomorrow": 2}  # fmt: skip


def day_word(hit: Hit, ctx: Context) -> list[Timex]:
    word = hit.match.group("word").lower()
    if ctx.ref is None:
        return [make(hit, ctx, None, anchor="unresolved")]
    point = cal.on_day(ctx.ref + timedelta(days=_DAY_WORDS[word]))
    return [make(hit, ctx, point, anchor="published", value=point.value + _part_of_day(hit))]


def weekend(hit: Hit, ctx: Context) -> list[Timex]:
    """ "the weekend": the last one (the current one when published on it), or the coming
    one when the sentence looks ahead."""
    if ctx.ref is None:
        return [make(hit, ctx, None, anchor="unresolved", value="XXXX-WXX-WE")]
    ref = ctx.ref
    if ref.isoweekday() < 6:  # a weekday: the weekend before, or the one ahead
        ahead = ctx.tense(hit.start, hit.end) in ("future", "deadline")
        ref = ref + timedelta(days=6 - ref.isoweekday()) if ahead else ref - timedelta(days=7)
    return [make(hit, ctx, cal.weekend(ref), anchor="published")]


def part_of_known_day(hit: Hit, ctx: Context) -> list[Timex]:
    """ "in the afternoon": that part of the day the sentence is about (a day-precision
    date before it in the sentence, else shortly before), else of the publication day."""
    code = _part_of_day(hit)
    first, _ = ctx.sentence(hit.start)
    earlier = [
        t for t in ctx.within(max(0, first - 300), hit.start)
        if t.precision == "day" and t.start is not None
    ]  # fmt: skip
    if earlier:
        day = point_of(earlier[-1])
        return [make(hit, ctx, day, anchor="event", value=day.start.isoformat() + code)]
    if ctx.ref is None:
        return [make(hit, ctx, None, anchor="unresolved", value="XXXX-XX-XX" + code)]
    point = cal.on_day(ctx.ref)
    return [make(hit, ctx, point, anchor="published", value=point.value + code)]


def part_of_day(hit: Hit, ctx: Context) -> list[Timex]:
    code = lexicon("parts_of_day.csv")[hit.match.group("pod").lower()]
    if ctx.ref is None:
        return [make(hit, ctx, None, anchor="unresolved", value=f"XXXX-XX-XXT{code}")]
    point = cal.on_day(ctx.ref)
    return [make(hit, ctx, point, anchor="published", value=f"{point.value}T{code}")]


def time(hit: Hit, ctx: Context) -> list[Timex]:
    g = hit.match.groupdict()
    if g.get("word"):
        hour, minute = (0, 0) if g["word"].lower() == "midnight" else (12, 0)
    else:
        hour, minute = int(g["hour"]), int(g.get("minute") or 0)
        ampm = (g.get("ampm") or "").lower()
        half = (g.get("dayhalf") or g.get("dayhalf2") or "").lower()
        if half:  # "4 in the morning", "10 at night" ("2 at night" is still a.m.)
            ampm = "a" if half == "morning" or (half == "night" and hour < 5) else "p"
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
    if g.get("weekday"):
        point, anchor = weekday_point(weekday_of(g["weekday"]), ctx, hit, "")
    elif g.get("month") and g.get("day"):
        found = month_day(
            hit, ctx, month_of(g["month"]) or 1, int(int_of(g["day"]) or 1), None, None
        )
        point = point_of(found) if found and found.start else None
        anchor = found.anchor if found else "unresolved"
    else:
        first, last = ctx.sentence(hit.start)
        window = ctx.within(max(first, hit.start - 200), min(last, hit.end + 200))
        near = [t for t in window if t.precision == "day" and t.type == "date"]
        if near:
            point, anchor = point_of(near[0]), "event"
        elif ctx.ref is not None:
            point, anchor = cal.on_day(ctx.ref), "published"
        else:
            point, anchor = None, "unresolved"
    day = point.value if point else "XXXX-XX-XX"
    return [make(hit, ctx, point, anchor=anchor, value=f"{day}T{hour:02d}:{minute:02d}")]
