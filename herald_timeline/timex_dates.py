"""Handlers of rules that name a calendar period: dates, months, years, decades, holidays,
quarters, halves and seasons (weekdays and clock times: ``timex_days``)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Final

from herald_timeline import timex_calendar as cal
from herald_timeline.timex_calendar import Point
from herald_timeline.timex_core import (
    REL_OFFSET,
    Context,
    Timex,
    adjectival_span,
    group,
    hedged,
    int_of,
    last_date,
    make,
    month_of,
    quarter_context,
    safe_day,
    shifted,
    unit_of,
    weekday_of,
    year_from,
    year_number,
)  # fmt: skip
from herald_timeline.timex_direction import DAY_SLACK, pick, yearly
from herald_timeline.timex_rules import Hit, table


def ymd(hit: Hit, ctx: Context) -> list[Timex]:
    year = year_from(hit, ctx.ref, "year")
    month, day = month_of(hit.match.group("month")), int_of(hit.match.group("day"))
    point = safe_day(year or 0, month or 0, day or 0) if year else None
    return [make(hit, ctx, point, anchor="absolute")] if point else []


def month_day(
    hit: Hit,
    ctx: Context,
    month: int,
    day: int,
    year: int | None,
    weekday: int | None,
    span: tuple[int, int] | None = None,
) -> Timex | None:
    if year is not None:
        point = safe_day(year, month, day)
        return make(hit, ctx, point, anchor="absolute", span=span) if point else None
    governing = _sentence_year(ctx, hit.start)
    if governing is None:
        governing = _year_talked_about(hit, ctx, span[1] if span else hit.end)
    if governing is not None and (point := safe_day(governing, month, day)):
        if weekday is None or point.start.isoweekday() == weekday:
            return make(hit, ctx, point, anchor="event", span=span)
    if ctx.ref is None:
        value = f"XXXX-{month:02d}-{day:02d}"
        return make(hit, ctx, None, anchor="unresolved", value=value, span=span)
    ref = ctx.ref

    def build(y: int) -> Point | None:
        point = safe_day(y, month, day)
        if point and weekday and point.start.isoweekday() != weekday:
            return None  # "Sunday, Jan. 14": the year whose Jan. 14 is a Sunday
        return point

    def tense() -> str | None:
        return ctx.tense(hit.start, hit.end)

    # the second yearly runs only when the first had no candidate (and asked no tense)
    point = yearly(ref, build, tense, DAY_SLACK) or yearly(
        ref, lambda y: safe_day(y, month, day), tense, DAY_SLACK
    )
    return make(hit, ctx, point, anchor="published", span=span) if point else None


def _sentence_year(ctx: Context, before: int) -> int | None:
    """The year a sentence has already named before ``before`` ("Last year's drill, held
    March 13-23", "In 2019, ... on Oct. 2"): month-days after it fall in it."""
    first, _ = ctx.sentence(before)
    for timex in reversed(ctx.within(max(first, before - _GOVERNS), before)):
        if timex.type == "date" and len(timex.value) == 4 and timex.value.isdigit():
            return int(timex.value)
    return None


_THAT_YEAR: Final = re.compile(r",? (?:that|the same) year\b")


def _year_talked_about(hit: Hit, ctx: Context, end: int) -> int | None:
    """The year of the last date before ``hit`` when "that year" follows at ``end`` ("on
    March 16 that year", "in April that year"), else None."""
    if not _THAT_YEAR.match(ctx.text, end):
        return None
    base = last_date(ctx, hit.start)
    return base.start.year if base is not None and base.start else None


_GOVERNS: Final = 80  # characters: further back, the year tends to belong to another clause


def md(hit: Hit, ctx: Context) -> list[Timex]:
    g = hit.match.groupdict()
    month, day = month_of(g["month"]), int_of(g["day"])
    if month is None or day is None:
        return []
    weekday = weekday_of(g["weekday"]) if g.get("weekday") else None
    year = year_from(hit, ctx.ref, "year", "ryear")
    timex = month_day(hit, ctx, month, day, year, weekday)
    if timex is not None and g.get("ryear"):  # "June 12 last year": a year counted from today
        timex = replace(timex, anchor="published")
    return [timex] if timex else []


def week_of(hit: Hit, ctx: Context) -> list[Timex]:
    """ "the week of March 6": the (ISO) week that holds that day."""
    g = hit.match.groupdict()
    month, day = month_of(g["month"]), int_of(g["day"])
    if month is None or day is None:
        return []
    found = month_day(hit, ctx, month, day, year_from(hit, ctx.ref, "year"), None)
    if found is None or found.start is None:
        return [found] if found else []
    return [make(hit, ctx, cal.in_week(found.start), anchor=found.anchor)]


def day_range(hit: Hit, ctx: Context) -> list[Timex]:
    g = hit.match.groupdict()
    month, day, day2 = month_of(g["month"]), int_of(g["day"]), int_of(g["day2"])
    if month is None or day is None or day2 is None:
        return []
    month2 = month_of(g["month2"]) if g.get("month2") else month
    year = year_from(hit, ctx.ref, "year")
    first = month_day(hit, ctx, month, day, year, None, span=(hit.start, hit.match.end("day")))
    if first is None:
        return []
    if first.start is not None:
        year = first.start.year
    end2 = hit.match.end("month2") if g.get("month2") else hit.match.end("day2")
    second = month_day(hit, ctx, month2 or month, day2, year, None,
                        span=(hit.match.start("day2"), end2))  # fmt: skip
    return [first] + ([second] if second else [])


def ym(hit: Hit, ctx: Context) -> list[Timex]:
    month = month_of(hit.match.group("month"))
    year = year_from(hit, ctx.ref, "year", "ryear")
    if month is None or year is None:
        return []
    anchor = "absolute" if group(hit, "year") else "published"
    return [make(hit, ctx, cal.in_month(year, month), anchor=anchor)]


def m(hit: Hit, ctx: Context) -> list[Timex]:
    month = month_of(hit.match.group("month"))
    if month is None:
        return []
    if ctx.ref is None:
        return [make(hit, ctx, None, anchor="unresolved", value=f"XXXX-{month:02d}")]
    ref, rel = ctx.ref, (hit.match.group("rel") or "").lower()
    if rel == "this":
        point = cal.in_month(ref.year, month)
    elif rel in ("last", "past"):
        point = cal.in_month(ref.year - (month >= ref.month), month)
    elif rel in ("next", "coming"):
        point = cal.in_month(ref.year + (month <= ref.month), month)
    elif (year := _year_talked_about(hit, ctx, hit.end)) is not None:  # "in April that year"
        return [make(hit, ctx, cal.in_month(year, month), anchor="event")]
    else:
        picked = yearly(
            ref, lambda y: cal.in_month(y, month), lambda: ctx.tense(hit.start, hit.end)
        )
        assert picked is not None
        point = picked
    return [make(hit, ctx, point, anchor="published")]


def y(hit: Hit, ctx: Context) -> list[Timex]:
    year = year_number(hit.match.group("year") or hit.match.group("syear"))
    return [make(hit, ctx, cal.in_year(year), anchor="absolute")]


def decade(hit: Hit, ctx: Context) -> list[Timex]:
    g = hit.match.groupdict()
    if g.get("decade"):
        first = int(g["decade"])
    else:
        word = (g.get("decade3") or "").lower()
        digit = int(g["decade2"]) if g.get("decade2") else 10 * _DECADE_WORDS.index(word) + 20
        first = (1900 if digit >= 30 else 2000) + digit
    return [make(hit, ctx, cal.in_decade(first), anchor="absolute")]


_DECADE_WORDS: Final[tuple[str, ...]] = (
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
)


def century(hit: Hit, ctx: Context) -> list[Timex]:
    number = int(hit.match.group("century"))
    return [make(hit, ctx, cal.in_century((number - 1) * 100), anchor="absolute")]


def holiday(hit: Hit, ctx: Context) -> list[Timex]:
    found = _holiday(hit, ctx)
    if not hit.match.group("eve"):
        return found
    # "the eve of Independence Day": the day before
    return [
        make(hit, ctx, cal.on_day(t.start - timedelta(days=1)), anchor=t.anchor)
        if t.start is not None else t
        for t in found
    ]  # fmt: skip


def _holiday(hit: Hit, ctx: Context) -> list[Timex]:
    row = table("holidays.csv")[hit.match.group("holiday").lower()]
    month = int(row["month"])
    if row["day"].isdigit():
        timex = month_day(hit, ctx, month, int(row["day"]), None, None)
        return [timex] if timex else []
    name, first = row["day"].split(">=")  # "Thu>=22": the first Thursday from the 22nd
    weekday = weekday_of(name)

    def build(year: int) -> Point:
        start = date(year, month, int(first))
        return cal.on_day(start + timedelta(days=(weekday - start.isoweekday()) % 7))

    if ctx.ref is None:
        return [make(hit, ctx, None, anchor="unresolved", value=f"XXXX-{month:02d}-XX")]
    rel = (group(hit, "rel") or "").lower()
    tense = "past" if rel == "last" else "future" if rel == "next" else None
    point = yearly(
        ctx.ref, build, lambda: tense or ctx.tense(hit.start, hit.end), None if rel else DAY_SLACK
    )
    return [make(hit, ctx, point, anchor="published")]


def _unit_point(day: date, unit: str) -> Point:
    if unit == "WE":
        return cal.weekend(day)
    return cal.at(day, cal.UNIT_PRECISION[unit])


def unit_rel(hit: Hit, ctx: Context) -> list[Timex]:
    g = hit.match.groupdict()
    word = (g.get("unit") or g.get("unit2") or "").lower()
    unit = "Y" if word == "fiscal year" else unit_of(word)[0]
    offset = REL_OFFSET.get((g.get("rel") or "this").lower(), 0)
    if ctx.ref is None:
        return [make(hit, ctx, None, anchor="unresolved")]
    if (unit, offset) in (("Q", 0), ("Y", -1)) and (quarter := quarter_context(ctx, hit.start)):
        # earnings reports: "this quarter" is the one reported; "compared with $3 million
        # last year" is that quarter a year before
        if unit == "Q":
            return [make(hit, ctx, quarter, anchor="event")]
        if _COMPARED.search(ctx.text, max(0, hit.start - 80), hit.start) or _PERIOD.match(
            ctx.text, hit.end
        ):
            return [make(hit, ctx, shifted(quarter, -1, "Y"), anchor="event")]
    point = _unit_point(cal.shift(ctx.ref, offset, unit), unit)
    return [make(hit, ctx, point, anchor="published")]


_COMPARED: Final = re.compile(r"\b(?:compared (?:with|to)|from|versus|period)\b[^.;]*\Z")
_PERIOD: Final = re.compile(r"['’]s (?:quarter|period)\b")


def quarter(hit: Hit, ctx: Context) -> list[Timex]:
    text = hit.match.group("ordq").lower()
    number = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}.get(text) or int_of(
        text
    )
    if number is None or not 1 <= number <= 4:
        return []
    year = year_from(hit, ctx.ref, "year", "year2", "year3", "ryear", "ryear2")
    span = adjectival_span(hit)
    if year is not None:
        return [make(hit, ctx, cal.in_quarter(year, number), anchor="absolute", span=span)]
    if ctx.ref is None:
        return [make(hit, ctx, None, anchor="unresolved", value=f"XXXX-Q{number}", span=span)]
    # a quarter not yet begun is this year's only when the sentence looks ahead
    ref = ctx.ref
    ahead = number > cal.quarter_of(ref) and ctx.tense(hit.start, hit.end) == "future"
    point = cal.in_quarter(
        ref.year if number <= cal.quarter_of(ref) or ahead else ref.year - 1, number
    )
    return [make(hit, ctx, point, anchor="published", span=span)]


def quarter_rel(hit: Hit, ctx: Context) -> list[Timex]:
    if ctx.ref is None:
        return [make(hit, ctx, None, anchor="unresolved", value="XXXX-QX")]
    rel = (group(hit, "rel") or "").lower()
    if not rel and (named := quarter_context(ctx, hit.start)):
        return [make(hit, ctx, named, anchor="event")]  # "the first quarter ... the quarter"
    day = ctx.ref if rel == "current" else cal.shift(ctx.ref, -3, "M")
    return [make(hit, ctx, cal.in_quarter(day.year, cal.quarter_of(day)), anchor="published")]


def half(hit: Hit, ctx: Context) -> list[Timex]:
    number = 1 if hit.match.group("ordh").lower() in ("first", "1st") else 2
    year = year_from(hit, ctx.ref, "year", "ryear")
    if year is None and ctx.ref is not None:
        year = ctx.ref.year
    if year is None:
        return [make(hit, ctx, None, anchor="unresolved", value=f"XXXX-H{number}")]
    anchor = "absolute" if group(hit, "year") else "published"
    point = cal.with_value(cal.in_year(year), f"{year:04d}-H{number}")
    return [hedged(make(hit, ctx, point, anchor=anchor))]


def season(hit: Hit, ctx: Context) -> list[Timex]:
    row = table("seasons.csv")[hit.match.group("season").lower()]
    code, first = row["code"], int(row["first"])
    year = year_from(hit, ctx.ref, "year")
    if year is None and ctx.ref is None:
        return [make(hit, ctx, None, anchor="unresolved", value=f"XXXX-{code}")]

    def build(y: int) -> Point:
        start = date(y, first, 1)  # winter starts in December of its year
        return cal.new_point(
            f"{y:04d}-{code}", start, cal.add_months(start, 3) - timedelta(days=1), "year"
        )

    if year is not None:
        span = build(year)
        anchor = "absolute"
    else:
        assert ctx.ref is not None
        ref = ctx.ref
        rel = (group(hit, "rel") or "").lower()
        candidates = [build(y) for y in (ref.year - 1, ref.year, ref.year + 1)]
        if rel in ("last", "past"):
            span = max((p for p in candidates if p.end < ref), key=lambda p: p.start)
        elif rel in ("next", "coming"):
            span = min((p for p in candidates if p.start > ref), key=lambda p: p.start)
        elif rel == "this":
            span = build(ref.year)
        else:
            span = pick(candidates, ref, lambda: ctx.tense(hit.start, hit.end))
        anchor = "published"
    whole = cal.with_value(cal.in_year(span.start.year), span.value)
    return [hedged(make(hit, ctx, whole, anchor=anchor))]
