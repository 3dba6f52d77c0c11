"""Normalisation of rule matches into :class:`Timex` records (one function per rule kind).

Under-specified dates take their year and direction from the publication day and the
sentence's tense; event-relative ones ("two days later") from the nearest date before.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from herald_timeline import timex_calendar as cal
from herald_timeline.timex_calendar import Point
from herald_timeline.timex_rules import Hit, lexicon, table


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression of a text, normalised (TIMEX3 type and value)."""

    text: str
    char_start: int
    char_end: int
    type: str
    value: str
    start: date | None
    end: date | None
    precision: str | None
    approximate: bool
    anchor: str
    mod: str | None = None
    rule: str = ""


@dataclass
class Context:
    """What resolution may look at: the text, the reference day, tense, earlier timexes."""

    text: str
    ref: date | None
    tense: Callable[[int, int], str | None]
    sentence: Callable[[int], tuple[int, int]]
    done: list[Timex] = field(default_factory=list)  # sorted by char_start
    starts: list[int] = field(default_factory=list)

    def add(self, found: Sequence[Timex]) -> None:
        for timex in found:
            at = bisect.bisect_right(self.starts, timex.char_start)
            self.starts.insert(at, timex.char_start)
            self.done.insert(at, timex)

    def within(self, first: int, last: int) -> list[Timex]:
        """Timexes that start in ``[first, last)``."""
        lo = bisect.bisect_left(self.starts, first)
        hi = bisect.bisect_left(self.starts, last)
        return self.done[lo:hi]


Handler = Callable[[Hit, Context], list[Timex]]

_REL_OFFSET = {
    "this": 0, "current": 0, "the current": 0, "the current fiscal": 0, "the same": 0,
    "the new": 1, "next": 1, "coming": 1, "the coming": 1, "following": 1, "the following": 1,
    "last": -1, "past": -1, "previous": -1, "preceding": -1, "the past": -1, "the last": -1,
    "the previous": -1, "the latest": -1, "same": 0,
}  # fmt: skip


def _int(text: str | None) -> int | None:
    if text is None:
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    return int(digits) if digits else None


def _month(text: str | None) -> int | None:
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    return int(lexicon("months.csv")[text.rstrip(".").lower()])


def _weekday(text: str) -> int:
    return int(lexicon("weekdays.csv")[text.rstrip(".").lower()])


def _number(text: str | None) -> float | None:
    """A count: 2 for "two", "twenty-four" is 24, None for vague words ("several")."""
    if text is None:
        return 1
    word = text.lower().replace("-", " ")
    try:
        return float(word)
    except ValueError:
        pass
    numbers = lexicon("numbers.csv")
    if word in numbers:
        value = numbers[word]
        return None if value == "X" else float(value)
    parts = word.split()
    if len(parts) == 2 and parts[0] in numbers and parts[1] in numbers:
        return float(numbers[parts[0]]) + float(numbers[parts[1]])
    return None


def _unit(text: str) -> tuple[str, int]:
    row = table("units.csv")[text.lower()]
    return row["code"], int(row["times"])


def _fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def _mod(hit: Hit) -> tuple[str | None, bool]:
    """TIMEX3 mod and whether the prefix hedges the date."""
    groups = hit.match.groupdict()
    word = groups.get("mod") or groups.get("mod2")
    if word is None:
        lowered = hit.match.group(0).lower()
        for candidate in ("the end of", "the beginning of", "the start of", "the middle of",
                          "earlier", "later", "early", "late"):  # fmt: skip
            if lowered.startswith(candidate):
                word = candidate
                break
    if word is None:
        return None, False
    row = table("modifiers.csv").get(word.lower())
    if row is None:
        return None, False
    return row["mod"], row["approx"] == "true"


def make(
    hit: Hit,
    ctx: Context,
    point: Point | None,
    *,
    anchor: str,
    value: str | None = None,
    kind: str | None = None,
    span: tuple[int, int] | None = None,
) -> Timex:
    """A Timex for ``hit`` (or a part of it) from a resolved point."""
    start, end = span or (hit.start, hit.end)
    mod, hedged = _mod(hit)
    precision = point.precision if point else None
    # "early"/"late" hedge a month or a year; a day stays a day ("late Wednesday")
    approximate = hedged and (mod not in ("START", "END", "MID") or precision not in ("day", None))
    return Timex(
        text=ctx.text[start:end], char_start=start, char_end=end,
        type=kind or hit.rule.type, value=value or (point.value if point else "XXXX-XX-XX"),
        start=point.start if point else None, end=point.end if point else None,
        precision=precision, approximate=approximate, anchor=anchor, mod=mod,
        rule=hit.rule.name,
    )  # fmt: skip


# ----------------------------------------------------------------- choosing a year


def _pick(candidates: list[Point], ref: date, tense: str | None) -> Point:
    """The candidate period the sentence means: past tense the latest that has started,
    future the earliest that has not ended, otherwise the one nearest the reference day."""
    if tense == "past":
        started = [p for p in candidates if p.start <= ref]
        if started:
            return max(started, key=lambda p: p.start)
    elif tense == "future":
        ahead = [p for p in candidates if p.end >= ref]
        if ahead:
            return min(ahead, key=lambda p: p.start)

    def distance(p: Point) -> tuple[int, int]:
        if p.start <= ref <= p.end:
            return (0, 0)
        gap = (p.start - ref).days if p.start > ref else (ref - p.end).days
        return (gap, 1 if p.start > ref else 0)

    return min(candidates, key=distance)


def _yearly(ref: date, build: Callable[[int], Point | None], tense: str | None) -> Point | None:
    candidates = [p for y in (ref.year - 1, ref.year, ref.year + 1) if (p := build(y))]
    return _pick(candidates, ref, tense) if candidates else None


def _safe_day(year: int, month: int, day: int) -> Point | None:
    try:
        return cal.on_day(date(year, month, day))
    except ValueError:
        return None


def _year_from(hit: Hit, ref: date | None, *names: str) -> int | None:
    """An explicit year ("2022", "'22") or one relative to publication ("last year")."""
    groups = hit.match.groupdict()
    for name in names:
        text = groups.get(name)
        if text is None:
            continue
        if text.lower() in ("this", "last", "next"):
            return ref.year + _REL_OFFSET[text.lower()] if ref else None
        year = int(text)
        return year + (2000 if year < 50 else 1900) if year < 100 else year
    return None


# ----------------------------------------------------------------- handlers


def ymd(hit: Hit, ctx: Context) -> list[Timex]:
    year = _year_from(hit, ctx.ref, "year")
    month, day = _month(hit.match.group("month")), _int(hit.match.group("day"))
    point = _safe_day(year or 0, month or 0, day or 0) if year else None
    return [make(hit, ctx, point, anchor="absolute")] if point else []


def _month_day(
    hit: Hit,
    ctx: Context,
    month: int,
    day: int,
    year: int | None,
    weekday: int | None,
    span: tuple[int, int] | None = None,
) -> Timex | None:
    if year is not None:
        point = _safe_day(year, month, day)
        return make(hit, ctx, point, anchor="absolute", span=span) if point else None
    if ctx.ref is None:
        value = f"XXXX-{month:02d}-{day:02d}"
        return make(hit, ctx, None, anchor="unresolved", value=value, span=span)
    ref = ctx.ref

    def build(y: int) -> Point | None:
        point = _safe_day(y, month, day)
        if point and weekday and point.start.isoweekday() != weekday:
            return None  # "Sunday, Jan. 14": the year whose Jan. 14 is a Sunday
        return point

    point = _yearly(ref, build, ctx.tense(hit.start, hit.end)) or _yearly(
        ref, lambda y: _safe_day(y, month, day), ctx.tense(hit.start, hit.end)
    )
    return make(hit, ctx, point, anchor="published", span=span) if point else None


def md(hit: Hit, ctx: Context) -> list[Timex]:
    g = hit.match.groupdict()
    month, day = _month(g["month"]), _int(g["day"])
    if month is None or day is None:
        return []
    weekday = _weekday(g["weekday"]) if g.get("weekday") else None
    timex = _month_day(hit, ctx, month, day, _year_from(hit, ctx.ref, "year"), weekday)
    return [timex] if timex else []


def day_range(hit: Hit, ctx: Context) -> list[Timex]:
    g = hit.match.groupdict()
    month, day, day2 = _month(g["month"]), _int(g["day"]), _int(g["day2"])
    if month is None or day is None or day2 is None:
        return []
    month2 = _month(g["month2"]) if g.get("month2") else month
    year = _year_from(hit, ctx.ref, "year")
    first = _month_day(hit, ctx, month, day, year, None, span=(hit.start, hit.match.end("day")))
    if first is None:
        return []
    if first.start is not None:
        year = first.start.year
    end2 = hit.match.end("month2") if g.get("month2") else hit.match.end("day2")
    second = _month_day(hit, ctx, month2 or month, day2, year, None,
                        span=(hit.match.start("day2"), end2))  # fmt: skip
    return [first] + ([second] if second else [])


def ym(hit: Hit, ctx: Context) -> list[Timex]:
    month = _month(hit.match.group("month"))
    year = _year_from(hit, ctx.ref, "year", "ryear")
    if month is None or year is None:
        return []
    anchor = "absolute" if hit.match.groupdict().get("year") else "published"
    return [make(hit, ctx, cal.in_month(year, month), anchor=anchor)]


def m(hit: Hit, ctx: Context) -> list[Timex]:
    month = _month(hit.match.group("month"))
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
    else:
        tense = ctx.tense(hit.start, hit.end)
        picked = _yearly(ref, lambda y: cal.in_month(y, month), tense)
        assert picked is not None
        point = picked
    return [make(hit, ctx, point, anchor="published")]


def y(hit: Hit, ctx: Context) -> list[Timex]:
    year = int(hit.match.group("year"))
    return [make(hit, ctx, cal.in_year(year), anchor="absolute")]


def decade(hit: Hit, ctx: Context) -> list[Timex]:
    g = hit.match.groupdict()
    if g.get("decade"):
        first = int(g["decade"])
    else:
        digit = int(g["decade2"])
        first = (1900 if digit >= 30 else 2000) + digit
    return [make(hit, ctx, cal.in_decade(first), anchor="absolute")]


def century(hit: Hit, ctx: Context) -> list[Timex]:
    number = int(hit.match.group("century"))
    return [make(hit, ctx, cal.in_century((number - 1) * 100), anchor="absolute")]


def holiday(hit: Hit, ctx: Context) -> list[Timex]:
    row = table("holidays.csv")[hit.match.group("holiday").lower()]
    month, day = int(row["month"]), int(row["day"])
    timex = _month_day(hit, ctx, month, day, None, None)
    return [timex] if timex else []


def _weekday_point(weekday: int, ctx: Context, hit: Hit, rel: str) -> tuple[Point | None, str]:
    """The day a weekday name means, and the anchor it was resolved against."""
    if rel in ("previous", "following") or (
        rel == "next" and hit.match.group(0).lower().startswith("the")
    ):
        base = _last_date(ctx, hit.start)
        if base is not None and base.start is not None:
            day = base.start
            if rel == "previous":
                back = (day.isoweekday() - weekday - 1) % 7 + 1
                return cal.on_day(day - timedelta(days=back)), "event"
            ahead = (weekday - day.isoweekday() - 1) % 7 + 1
            return cal.on_day(day + timedelta(days=ahead)), "event"
    if ctx.ref is None:
        return None, "unresolved"
    ref = ctx.ref
    back = (ref.isoweekday() - weekday) % 7  # 0 when published that weekday
    ahead = (weekday - ref.isoweekday()) % 7
    if rel in ("last", "past", "previous"):
        return cal.on_day(ref - timedelta(days=back or 7)), "published"
    if rel in ("next", "coming", "following"):
        return cal.on_day(ref + timedelta(days=ahead or 7)), "published"
    tense = ctx.tense(hit.start, hit.end)
    if tense == "future":
        return cal.on_day(ref + timedelta(days=ahead)), "published"
    return cal.on_day(ref - timedelta(days=back)), "published"


def weekday(hit: Hit, ctx: Context) -> list[Timex]:
    number = _weekday(hit.match.group("weekday"))
    rel = (hit.match.groupdict().get("rel") or "").lower()
    point, anchor = _weekday_point(number, ctx, hit, rel)
    value = None if point else f"XXXX-WXX-{number}"
    return [make(hit, ctx, point, anchor=anchor, value=value)]


_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
              "before yesterday": -2, "after tomorrow": 2}  # fmt: skip


def day_word(hit: Hit, ctx: Context) -> list[Timex]:
    word = hit.match.group("word").lower()
    if ctx.ref is None:
        return [make(hit, ctx, None, anchor="unresolved")]
    point = cal.on_day(ctx.ref + timedelta(days=_DAY_WORDS[word]))
    return [make(hit, ctx, point, anchor="published")]


def part_of_day(hit: Hit, ctx: Context) -> list[Timex]:
    code = lexicon("parts_of_day.csv")[hit.match.group("pod").lower()]
    if ctx.ref is None:
        return [make(hit, ctx, None, anchor="unresolved", value=f"XXXX-XX-XXT{code}")]
    point = cal.on_day(ctx.ref)
    return [make(hit, ctx, point, anchor="published", value=f"{point.value}T{code}")]


def _unit_point(day: date, unit: str) -> Point:
    if unit == "WE":
        return cal.weekend(day)
    return cal.at(day, cal.UNIT_PRECISION[unit])


def unit_rel(hit: Hit, ctx: Context) -> list[Timex]:
    g = hit.match.groupdict()
    word = (g.get("unit") or g.get("unit2") or "").lower()
    unit = "Y" if word == "fiscal year" else _unit(word)[0]
    offset = _REL_OFFSET.get((g.get("rel") or "this").lower(), 0)
    if ctx.ref is None:
        return [make(hit, ctx, None, anchor="unresolved")]
    point = _unit_point(cal.shift(ctx.ref, offset, unit), unit)
    return [make(hit, ctx, point, anchor="published")]


def _last_date(ctx: Context, before: int, within: int | None = None) -> Timex | None:
    """The nearest resolved date or time that ends before ``before``."""
    at = bisect.bisect_left(ctx.starts, before)
    for timex in reversed(ctx.done[max(0, at - 50) : at]):  # a bounded look back
        if timex.char_end > before or timex.start is None:
            continue
        if within is not None and before - timex.char_end > within:
            return None
        return timex
    return None


def _point_of(timex: Timex) -> Point:
    assert timex.start is not None and timex.end is not None and timex.precision is not None
    return Point(timex.value.split("T")[0], timex.start, timex.end, timex.precision)


def _quarter_context(ctx: Context, before: int) -> Point | None:
    """A quarter mentioned shortly before (earnings reports compare with 'a year ago')."""
    last = _last_date(ctx, before, within=400)
    if last is not None and last.precision == "quarter":
        return _point_of(last)
    return None


def _shifted(point: Point, amount: float, unit: str) -> Point:
    """``point`` moved by ``amount`` units, kept at its precision (a quarter stays a quarter)."""
    precision = point.precision
    day = cal.shift(point.start, amount, unit)
    if precision == "quarter":
        return cal.in_quarter(day.year, cal.quarter_of(day))
    return cal.at(day, precision)


def ago(hit: Hit, ctx: Context) -> list[Timex]:
    amount = _number(hit.match.group("num"))
    unit, times = _unit(hit.match.group("unit"))
    if amount is None:
        return [make(hit, ctx, None, anchor="published", value="PAST_REF")]
    amount *= times
    quarter = _quarter_context(ctx, hit.start) if (unit, amount) == ("Y", 1) else None
    if quarter is not None:
        return [make(hit, ctx, _shifted(quarter, -1, "Y"), anchor="event")]
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
        base_point, anchor = _point_of(base), "event"
    precision = base_point.precision
    if precision == "day" and unit in ("M", "Y", "Q") and base is None:
        precision = cal.UNIT_PRECISION[unit]
    moved = _shifted(Point(base_point.value, base_point.start, base_point.end, precision),
                     amount, unit)  # fmt: skip
    return make(hit, ctx, moved, anchor=anchor, span=span)


def shift(hit: Hit, ctx: Context) -> list[Timex]:
    amount = _number(hit.match.group("num"))
    unit, times = _unit(hit.match.group("unit"))
    if amount is None:
        return [make(hit, ctx, None, anchor="event", value=f"PX{unit}", kind="duration")]
    sign = -1 if hit.match.group("dir").lower() in ("earlier", "before") else 1
    base = _last_date(ctx, hit.start)
    if (unit, amount) == ("Y", 1) and (quarter := _quarter_context(ctx, hit.start)):
        return [make(hit, ctx, _shifted(quarter, sign, "Y"), anchor="event")]
    return [_relative_to(hit, ctx, base, sign * amount * times, unit)]


def anchor_rel(hit: Hit, ctx: Context) -> list[Timex]:
    g = hit.match.groupdict()
    word = g["unit"].lower()
    unit = {"morning": "D", "night": "D"}.get(word) or _unit(word)[0]
    offset = _REL_OFFSET.get((g.get("rel") or "same").lower(), 0)
    base = _last_date(ctx, hit.start)
    if base is None:
        return [_relative_to(hit, ctx, None, offset, unit)]
    point = _point_of(base)
    target = cal.UNIT_PRECISION[unit]
    if cal.coarser(point.precision, target) == target:  # "that year" after a day: the year
        point = cal.at(point.start, target)
    return [make(hit, ctx, _shifted(point, offset, unit), anchor="event")]


def after_event(hit: Hit, ctx: Context) -> list[Timex]:
    """ "about two weeks after the meeting on Nov. 3": that date moved; without a date in
    the sentence, just the duration."""
    amount = _number(hit.match.group("num"))
    unit, times = _unit(hit.match.group("unit"))
    sign = -1 if hit.match.group("dir").lower() == "before" else 1
    first, last = ctx.sentence(hit.start)
    after = [t for t in ctx.within(hit.end, min(last, hit.end + 200)) if t.start is not None]
    del first  # a date before it is seldom the anchor ("two months after his team ...")
    base = after[0] if after else None
    if amount is None or base is None or unit in ("H", "MIN", "S"):
        end = hit.match.end("unit")
        return [_duration(hit, ctx, amount, unit, times, span=(hit.start, end))]
    return [_relative_to(hit, ctx, base, sign * amount * times, unit)]


def year_ago(hit: Hit, ctx: Context) -> list[Timex]:
    quarter = _quarter_context(ctx, hit.start)
    text = hit.match.group(0).lower()
    if quarter is None and "quarter" in text and ctx.ref is not None:
        latest = cal.shift(ctx.ref, -3, "M")
        quarter = cal.in_quarter(latest.year, cal.quarter_of(latest))
    if quarter is not None:
        return [make(hit, ctx, _shifted(quarter, -1, "Y"), anchor="event")]
    base = _last_date(ctx, hit.start, within=400)
    return [_relative_to(hit, ctx, base, -1, "Y")]


def quarter(hit: Hit, ctx: Context) -> list[Timex]:
    text = hit.match.group("ordq").lower()
    number = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}.get(text) or _int(text)
    if number is None or not 1 <= number <= 4:
        return []
    year = _year_from(hit, ctx.ref, "year", "year2", "year3", "ryear", "ryear2")
    if year is not None:
        return [make(hit, ctx, cal.in_quarter(year, number), anchor="absolute")]
    if ctx.ref is None:
        return [make(hit, ctx, None, anchor="unresolved", value=f"XXXX-Q{number}")]
    # a quarter not yet begun is this year's only when the sentence looks ahead
    ref = ctx.ref
    ahead = number > cal.quarter_of(ref) and ctx.tense(hit.start, hit.end) == "future"
    point = cal.in_quarter(
        ref.year if number <= cal.quarter_of(ref) or ahead else ref.year - 1, number
    )
    return [make(hit, ctx, point, anchor="published")]


def quarter_rel(hit: Hit, ctx: Context) -> list[Timex]:
    if ctx.ref is None:
        return [make(hit, ctx, None, anchor="unresolved", value="XXXX-QX")]
    rel = (hit.match.groupdict().get("rel") or "").lower()
    day = ctx.ref if rel == "current" else cal.shift(ctx.ref, -3, "M")
    return [make(hit, ctx, cal.in_quarter(day.year, cal.quarter_of(day)), anchor="published")]


def half(hit: Hit, ctx: Context) -> list[Timex]:
    number = 1 if hit.match.group("ordh").lower() in ("first", "1st") else 2
    year = _year_from(hit, ctx.ref, "year", "ryear")
    if year is None and ctx.ref is not None:
        year = ctx.ref.year
    if year is None:
        return [make(hit, ctx, None, anchor="unresolved", value=f"XXXX-H{number}")]
    anchor = "absolute" if hit.match.groupdict().get("year") else "published"
    point = cal.with_value(cal.in_year(year), f"{year:04d}-H{number}")
    return [_hedged(make(hit, ctx, point, anchor=anchor))]


def _hedged(timex: Timex) -> Timex:
    """Halves and seasons are vague periods: year precision, approximate."""
    return Timex(timex.text, timex.char_start, timex.char_end, timex.type, timex.value,
                 timex.start, timex.end, timex.precision, True, timex.anchor, timex.mod,
                 timex.rule)  # fmt: skip


def season(hit: Hit, ctx: Context) -> list[Timex]:
    row = table("seasons.csv")[hit.match.group("season").lower()]
    code, first = row["code"], int(row["first"])
    year = _year_from(hit, ctx.ref, "year")
    if year is None and ctx.ref is None:
        return [make(hit, ctx, None, anchor="unresolved", value=f"XXXX-{code}")]

    def build(y: int) -> Point:
        start = date(y, first, 1)  # winter starts in December of its year
        return Point(f"{y:04d}-{code}", start, cal.add_months(start, 3) - timedelta(days=1), "year")

    if year is not None:
        span = build(year)
        anchor = "absolute"
    else:
        assert ctx.ref is not None
        ref = ctx.ref
        rel = (hit.match.groupdict().get("rel") or "").lower()
        candidates = [build(y) for y in (ref.year - 1, ref.year, ref.year + 1)]
        if rel in ("last", "past"):
            span = max((p for p in candidates if p.end < ref), key=lambda p: p.start)
        elif rel in ("next", "coming"):
            span = min((p for p in candidates if p.start > ref), key=lambda p: p.start)
        elif rel == "this":
            span = build(ref.year)
        else:
            span = _pick(candidates, ref, ctx.tense(hit.start, hit.end))
        anchor = "published"
    whole = cal.with_value(cal.in_year(span.start.year), span.value)
    return [_hedged(make(hit, ctx, whole, anchor=anchor))]


def time(hit: Hit, ctx: Context) -> list[Timex]:
    g = hit.match.groupdict()
    if g.get("word"):
        hour, minute = (12, 0) if g["word"].lower() == "noon" else (0, 0)
    else:
        hour, minute = int(g["hour"]), int(g.get("minute") or 0)
        ampm = (g.get("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
    if g.get("weekday"):
        point, anchor = _weekday_point(_weekday(g["weekday"]), ctx, hit, "")
    elif g.get("month") and g.get("day"):
        found = _month_day(hit, ctx, _month(g["month"]) or 1, int(_int(g["day"]) or 1), None, None)
        point = _point_of(found) if found and found.start else None
        anchor = found.anchor if found else "unresolved"
    else:
        first, last = ctx.sentence(hit.start)
        window = ctx.within(max(first, hit.start - 200), min(last, hit.end + 200))
        near = [t for t in window if t.precision == "day" and t.type == "date"]
        if near:
            point, anchor = _point_of(near[0]), "event"
        elif ctx.ref is not None:
            point, anchor = cal.on_day(ctx.ref), "published"
        else:
            point, anchor = None, "unresolved"
    day = point.value if point else "XXXX-XX-XX"
    return [make(hit, ctx, point, anchor=anchor, value=f"{day}T{hour:02d}:{minute:02d}")]


def _duration(
    hit: Hit,
    ctx: Context,
    amount: float | None,
    unit: str,
    times: int,
    span: tuple[int, int] | None = None,
) -> Timex:
    count = "X" if amount is None else _fmt(amount * times)
    if unit in ("H", "MIN", "S"):
        value = f"PT{count}{unit[0]}"
    else:
        value = f"P{count}{unit}"
    return make(hit, ctx, None, anchor="absolute", value=value, kind="duration", span=span)


def duration(hit: Hit, ctx: Context) -> list[Timex]:
    g = hit.match.groupdict()
    unit, times = _unit(g["unit"])
    amount = _number(g["num"]) if g.get("num") else None
    return [_duration(hit, ctx, amount, unit, times)]


_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
              "yearly": "P1Y", "quarterly": "P3M", "hourly": "PT1H", "nightly": "P1D"}  # fmt: skip


def set_(hit: Hit, ctx: Context) -> list[Timex]:
    g = hit.match.groupdict()
    if g.get("word"):
        value = _SET_WORDS[g["word"].lower()]
    else:
        unit, times = _unit(g["unit"])
        word = (g.get("num") or "").lower()
        amount = 2.0 if word == "other" else (_number(word) if word else 1.0)
        if (
            g.get("num")
            and not word.isdigit()
            and word != "other"
            and "times" in hit.match.group(0)
        ):
            amount = 1.0  # "three times a year": once every year
        count = _fmt((amount or 1) * times)
        value = f"PT{count}{unit[0]}" if unit in ("H", "MIN", "S") else f"P{count}{unit}"
    return [make(hit, ctx, None, anchor="absolute", value=value)]


def set_weekday(hit: Hit, ctx: Context) -> list[Timex]:
    g = hit.match.groupdict()
    number = _weekday(g.get("weekday") or g["weekday2"])
    return [make(hit, ctx, None, anchor="absolute", value=f"XXXX-WXX-{number}")]


def fixed(hit: Hit, ctx: Context) -> list[Timex]:
    value = str(hit.rule.params["value"])
    return [make(hit, ctx, None, anchor="published" if ctx.ref else "unresolved", value=value)]


HANDLERS: dict[str, Handler] = {
    "ymd": ymd, "md": md, "day_range": day_range, "ym": ym, "m": m, "y": y, "decade": decade,
    "century": century, "holiday": holiday, "weekday": weekday, "day_word": day_word,
    "part_of_day": part_of_day, "unit_rel": unit_rel, "ago": ago, "shift": shift,
    "anchor_rel": anchor_rel, "after_event": after_event, "year_ago": year_ago,
    "quarter": quarter, "quarter_rel": quarter_rel, "half": half, "season": season,
    "time": time, "duration": duration, "set": set_, "set_weekday": set_weekday, "fixed": fixed,
}  # fmt: skip

#: kinds resolved in a second pass: they look at dates elsewhere in the text
EVENT_KINDS = frozenset({"shift", "anchor_rel", "after_event", "year_ago", "time", "ago"})


def resolve(hits: Sequence[Hit], ctx: Context) -> list[Timex]:
    """Timexes of ``hits``: first everything anchored on publication, then (in text order)
    what leans on other dates, so "two days later" sees the date before it."""
    results: dict[int, list[Timex]] = {}
    for index, hit in enumerate(hits):
        if hit.rule.kind not in EVENT_KINDS and hit.rule.kind != "weekday":
            results[index] = HANDLERS[hit.rule.kind](hit, ctx)
    ctx.add(sorted((t for ts in results.values() for t in ts), key=lambda t: t.char_start))
    for index, hit in enumerate(hits):
        if index in results:
            continue
        found = HANDLERS[hit.rule.kind](hit, ctx)
        results[index] = found
        ctx.add(found)
    return [t for index in sorted(results) for t in results[index]]
