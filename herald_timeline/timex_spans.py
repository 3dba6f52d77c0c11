"""Handlers of rules that count time: durations, sets, dates relative to publication by a
count ("two days ago") or to another date ("two days later", "the following day")."""

from __future__ import annotations

import re
from typing import Final

from herald_timeline import timex_calendar as cal
from herald_timeline.timex_core import (
    REL_OFFSET,
    Context,
    Timex,
    adjectival_span,
    fmt,
    last_date,
    make,
    month_of,
    months_context,
    number_of,
    point_of,
    quarter_context,
    shifted,
    unit_of,
    weekday_of,
    year_comparison,
    year_number,
)  # fmt: skip
from herald_timeline.timex_rules import Hit


def year_period(hit: Hit, ctx: Context) -> list[Timex]:
    """ "the 1988 quarter": the quarter under discussion (else the last one ended), in
    that year."""
    year = year_number(hit.match.group("year"))
    quarter = quarter_context(ctx, hit.start)
    if quarter is None and ctx.ref is not None:
        day = cal.shift(ctx.ref, -3, "M")
        quarter = cal.in_quarter(day.year, cal.quarter_of(day))
    if quarter is None:
        return [make(hit, ctx, cal.in_year(year), anchor="absolute")]
    point = cal.in_quarter(year, cal.quarter_of(quarter.start))
    return [make(hit, ctx, point, anchor="event")]


def ago(hit: Hit, ctx: Context) -> list[Timex]:
    amount = number_of(hit.match.group("num"))
    unit, times = unit_of(hit.match.group("unit"))
    if amount is None:
        return [make(hit, ctx, None, anchor="published", value="PAST_REF")]
    amount *= times
    if hit.match.group("half") or hit.match.group("half2"):
        amount += times / 2
        if unit in ("Y", "W"):  # "a year and a half ago": 18 months ago, to the month
            unit, amount = ("M", amount * 12) if unit == "Y" else ("D", amount * 7)
    if (unit, amount) == ("Y", 1) and (same := year_comparison(ctx, hit.start)):
        return [make(hit, ctx, same, anchor="event")]
    if (unit, amount) == ("Y", 1) and ctx.ref and months_context(ctx, hit.start):
        return [make(hit, ctx, cal.in_year(ctx.ref.year - 1), anchor="published")]
    quarter = quarter_context(ctx, hit.start) if (unit, amount) == ("Y", 1) else None
    if quarter is not None:
        return [make(hit, ctx, shifted(quarter, -1, "Y"), anchor="event")]
    if ctx.ref is None:
        return [make(hit, ctx, None, anchor="unresolved")]
    precision = cal.UNIT_PRECISION.get(unit, "day")
    return [
        make(hit, ctx, cal.at(cal.shift(ctx.ref, -amount, unit), precision), anchor="published")
    ]


def _relative_to(
    hit: Hit,
    ctx: Context,
    base: Timex | None,
    amount: float,
    unit: str,
    span: tuple[int, int] | None = None,
) -> Timex:
    if base is None:
        if ctx.ref is None:
            return make(hit, ctx, None, anchor="unresolved", span=span)
        base_point, anchor = cal.at(ctx.ref, cal.UNIT_PRECISION.get(unit, "day")), "published"
    else:
        base_point, anchor = point_of(base), "event"
    precision = base_point.precision
    if precision == "day" and unit in ("M", "Y", "Q") and base is None:
        precision = cal.UNIT_PRECISION[unit]
    moved = shifted(cal.new_point(base_point.value, base_point.start, base_point.end, precision),
                     amount, unit)  # fmt: skip
    return make(hit, ctx, moved, anchor=anchor, span=span)


def shift(hit: Hit, ctx: Context) -> list[Timex]:
    amount = number_of(hit.match.group("num"))
    unit, times = unit_of(hit.match.group("unit"))
    if amount is None:
        return [make(hit, ctx, None, anchor="event", value=f"PX{unit}", kind="duration")]
    sign = -1 if hit.match.group("dir").lower() in ("earlier", "before") else 1
    # "a year earlier" compares with a period the text names, not with another comparison
    base = last_date(ctx, hit.start, own_anchor=unit in ("Y", "Q"))
    if (unit, amount, sign) == ("Y", 1, -1) and (same := year_comparison(ctx, hit.start)):
        return [make(hit, ctx, same, anchor="event")]
    if (unit, amount) == ("Y", 1) and ctx.ref and months_context(ctx, hit.start):
        return [make(hit, ctx, cal.in_year(ctx.ref.year + sign), anchor="published")]
    if (unit, amount) == ("Y", 1) and (quarter := quarter_context(ctx, hit.start)):
        return [make(hit, ctx, shifted(quarter, sign, "Y"), anchor="event")]
    return [_relative_to(hit, ctx, base, sign * amount * times, unit)]


def anchor_rel(hit: Hit, ctx: Context) -> list[Timex]:
    g = hit.match.groupdict()
    word = g["unit"].lower()
    unit = {"morning": "D", "night": "D"}.get(word) or unit_of(word)[0]
    offset = REL_OFFSET.get((g.get("rel") or "same").lower(), 0)
    base = last_date(ctx, hit.start)
    if base is None:
        return [_relative_to(hit, ctx, None, offset, unit)]
    point = point_of(base)
    target = cal.UNIT_PRECISION[unit]
    if cal.coarser(point.precision, target) == target:  # "that year" after a day: the year
        point = cal.at(point.start, target)
    return [make(hit, ctx, shifted(point, offset, unit), anchor="event")]


def after_event(hit: Hit, ctx: Context) -> list[Timex]:
    """ "about two weeks after the meeting on Nov. 3": that date moved; without a date in
    the sentence, just the duration."""
    amount = number_of(hit.match.group("num"))
    unit, times = unit_of(hit.match.group("unit"))
    sign = -1 if hit.match.group("dir").lower() == "before" else 1
    _, last = ctx.sentence(hit.start)  # a date before it is seldom the anchor
    after = [t for t in ctx.within(hit.end, min(last, hit.end + 200)) if t.start is not None]
    base = after[0] if after else None
    if base is not None and _reported(ctx.text, hit.end, base.char_start):
        base = None  # "a day after X said they had agreed to meet on Friday": not X's date
    groups = hit.match.groupdict()
    bounded = (groups.get("mod") or "").lower() in _BOUNDS  # "less than a week before"
    if amount is None or base is None or unit in ("H", "MIN", "S") or bounded:
        end = hit.match.end("unit")
        return [_duration(hit, ctx, amount, unit, times, span=(hit.start, end))]
    found = _relative_to(hit, ctx, base, sign * amount * times, unit)
    if (
        ctx.ref is not None and found.start is not None and found.start > ctx.ref
        and ctx.tense(hit.start, hit.end) == "past"
    ):  # fmt: skip
        # a past event dated after publication: the date after belongs to something else
        end = hit.match.end("unit")
        return [_duration(hit, ctx, amount, unit, times, span=(hit.start, end))]
    return [found]


#: words between "N units after" and a date that put the date in another clause
_REPORTED: Final = re.compile(r"\b(?:that|said|says|agreed|will|would|planned|plans|scheduled)\b")
_REPORTED_WORDS: Final[tuple[str, ...]] = (
    "that",
    "said",
    "says",
    "agreed",
    "will",
    "would",
    "planned",
    "plans",
    "scheduled",
)


def _reported(text: str, start: int, end: int) -> bool:
    """_REPORTED.search on ``text[start:end]``; no match without one of its words (a
    search led by ``\\b`` gets no fast skip)."""
    part = text[start:end]
    if not any(word in part for word in _REPORTED_WORDS):
        return False
    return _REPORTED.search(text, start, end) is not None


#: hedges that make "N units before X" a bound, not a date
_BOUNDS: Final = frozenset({"less than", "more than", "almost", "at least", "up to", "within"})


def year_ago(hit: Hit, ctx: Context) -> list[Timex]:
    """ "the year-ago quarter", "the quarter a year ago": the period under discussion (else
    the last quarter ended, or the publication's year) a year back."""
    if (same := year_comparison(ctx, hit.start)) is not None:
        return [make(hit, ctx, same, anchor="event")]
    quarter = quarter_context(ctx, hit.start)
    text = hit.match.group(0).lower()
    base = last_date(ctx, hit.start, within=400)
    if ctx.ref is not None and base is not None and base.start is not None:
        if base.start > ctx.ref:
            base = None  # a forecast is not the period reported
    if (
        quarter is None
        and ctx.ref is not None
        and ("quarter" in text or ("period" in text and base is None))
    ):
        latest = cal.shift(ctx.ref, -3, "M")
        quarter = cal.in_quarter(latest.year, cal.quarter_of(latest))
    if quarter is not None:
        return [make(hit, ctx, shifted(quarter, -1, "Y"), anchor="event")]
    if (
        base is not None and base.end is not None and ctx.ref is not None
        and base.end.year < ctx.ref.year and base.precision in ("year", "quarter", "month")
    ):  # fmt: skip
        # "Last year ... the year-earlier results": that period already lies a year back
        return [make(hit, ctx, point_of(base), anchor="event")]
    return [_relative_to(hit, ctx, base, -1, "Y")]


def _duration(
    hit: Hit,
    ctx: Context,
    amount: float | None,
    unit: str,
    times: int,
    span: tuple[int, int] | None = None,
) -> Timex:
    if amount is None:
        value = f"PTX{unit[0]}" if unit in ("H", "MIN", "S") else f"PX{unit}"
    else:
        value = duration_value(amount * times, unit)
    return make(hit, ctx, None, anchor="absolute", value=value, kind="duration", span=span)


#: a fraction of a unit in the next smaller one ("2 1/2 years" is P2Y6M)
_SMALLER: Final = {
    "Y": ("M", 12),
    "W": ("D", 7),
    "D": ("H", 24),
    "H": ("MIN", 60),
    "MIN": ("S", 60),
}
_TIME_UNITS: Final[tuple[str, ...]] = ("H", "MIN", "S")


def duration_value(amount: float, unit: str) -> str:
    """TIMEX3 duration value: P2W, PT5H, P2Y6M, PT5H30M."""
    whole, part = int(amount), amount - int(amount)
    parts = [(fmt(amount), unit)]
    if part and unit in _SMALLER and whole:
        smaller, times = _SMALLER[unit]
        parts = [(str(whole), unit), (fmt(part * times), smaller)]
    date_part = "".join(f"{n}{u}" for n, u in parts if u not in _TIME_UNITS)
    time_part = "".join(f"{n}{u[0]}" for n, u in parts if u in _TIME_UNITS)
    return "P" + date_part + (f"T{time_part}" if time_part else "")


# "a quarter of the market" is a share; "the first two quarters of 1990" is a period
_FRACTION: Final = re.compile(r" of (?:the|its|his|her|their|our|all|total|an?)\b(?! century)")
_THE: Final = re.compile(r"\bthe\b", re.IGNORECASE)
# "four flights a week", "$1.76 a year", "24 hours a day", "$500 million a year"
_RATE: Final = re.compile(r"(?:[\d%s]|(?:million|billion|trillion|percent|times)) \Z")


def duration(hit: Hit, ctx: Context) -> list[Timex]:
    g = hit.match.groupdict()
    unit, times = unit_of(g["unit"])
    word = (g.get("num") or "").lower()
    if word in ("a", "an"):
        if unit == "S" or _RATE.search(ctx.text, max(0, hit.start - 9), hit.start):
            return []  # "a second group"; a rate is no duration
    if unit == "Q" and _FRACTION.match(ctx.text, hit.end) and not _THE.search(hit.match.group()):
        return []  # "three-quarters of its food", "a quarter of the market": fractions
    amount = number_of(g["num"]) if g.get("num") else hit.rule.params.get("count")
    if amount is not None and (g.get("half") or g.get("half2")):
        amount += 0.5  # "a minute and a half", "two and a half years"
    return [_duration(hit, ctx, amount, unit, times, span=adjectival_span(hit))]


_SET_WORDS: Final = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
              "yearly": "P1Y", "quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D"}  # fmt: skip


def set_(hit: Hit, ctx: Context) -> list[Timex]:
    g = hit.match.groupdict()
    if g.get("word"):
        value = _SET_WORDS[g["word"].lower()]
    else:
        unit, times = unit_of(g["unit"])
        word = (g.get("num") or "").lower()
        amount = 2.0 if word == "other" else (number_of(word) if word else 1.0)
        if (
            g.get("num")
            and not word.isdigit()
            and word != "other"
            and "times" in hit.match.group(0)
        ):
            amount = 1.0  # "three times a year": once every year
        count = fmt((amount or 1) * times)
        value = f"PT{count}{unit[0]}" if unit in ("H", "MIN", "S") else f"P{count}{unit}"
    return [make(hit, ctx, None, anchor="absolute", value=value)]


def set_month(hit: Hit, ctx: Context) -> list[Timex]:
    month = month_of(hit.match.group("month"))
    return [make(hit, ctx, None, anchor="absolute", value=f"XXXX-{month:02d}")]


def set_weekday(hit: Hit, ctx: Context) -> list[Timex]:
    g = hit.match.groupdict()
    number = weekday_of(g.get("weekday") or g["weekday2"])
    return [make(hit, ctx, None, anchor="absolute", value=f"XXXX-WXX-{number}")]


def fixed(hit: Hit, ctx: Context) -> list[Timex]:
    value = str(hit.rule.params["value"])
    return [make(hit, ctx, None, anchor="published" if ctx.ref else "unresolved", value=value)]
