"""Calendar arithmetic for timexes: periods as (TIMEX3 value, first day, last day, precision)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from herald_timeline import records


@dataclass(init=False, frozen=True, slots=True)
class Point:
    """A calendar period with its TIMEX3 value; ``end`` is inclusive."""

    value: str
    start: date
    end: date
    precision: str

    # written out, not generated: mypyc compiles it to direct stores (see records)
    def __init__(self, value: str, start: date, end: date, precision: str) -> None:
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "precision", precision)


new_point: Final = records.fast_builder(Point)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def on_day(day: date) -> Point:
    return new_point(day.isoformat(), day, day, "day")


def in_month(year: int, month: int) -> Point:
    return new_point(
        f"{year:04d}-{month:02d}", date(year, month, 1), month_end(year, month), "month"
    )


def in_year(year: int) -> Point:
    return new_point(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), "year")


def in_week(day: date) -> Point:
    year, week, weekday = day.isocalendar()
    monday = day - timedelta(days=weekday - 1)
    return new_point(f"{year:04d}-W{week:02d}", monday, monday + timedelta(days=6), "week")


def weekend(day: date) -> Point:
    week = in_week(day)
    saturday = week.start + timedelta(days=5)
    return new_point(week.value + "-WE", saturday, week.end, "week")


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def in_quarter(year: int, quarter: int) -> Point:
    first = 3 * (quarter - 1) + 1
    return new_point(
        f"{year:04d}-Q{quarter}", date(year, first, 1), month_end(year, first + 2), "quarter"
    )


def in_decade(first_year: int) -> Point:
    return new_point(
        f"{first_year // 10:03d}", date(first_year, 1, 1), date(first_year + 9, 12, 31), "year"
    )


def in_century(first_year: int) -> Point:
    return new_point(
        f"{first_year // 100:02d}", date(first_year, 1, 1), date(first_year + 99, 12, 31), "year"
    )


def with_value(point: Point, value: str) -> Point:
    """The same span under another TIMEX3 value (halves, seasons: year precision)."""
    return new_point(value, point.start, point.end, point.precision)


def at(day: date, precision: str) -> Point:
    """The period of ``precision`` that contains ``day``."""
    if precision == "day":
        return on_day(day)
    if precision == "week":
        return in_week(day)
    if precision == "month":
        return in_month(day.year, day.month)
    if precision == "quarter":
        return in_quarter(day.year, quarter_of(day))
    return in_year(day.year)


UNIT_PRECISION: Final = {
    "D": "day",
    "W": "week",
    "WE": "week",
    "M": "month",
    "Q": "quarter",
    "Y": "year",
}
_ORDER: Final[tuple[str, ...]] = ("day", "week", "month", "quarter", "year")


def shift(day: date, amount: float, unit: str) -> date:
    """``day`` moved by ``amount`` units (D, W, M, Q, Y; H/MIN/S count as days' parts)."""
    if unit in ("D",):
        return day + timedelta(days=round(amount))
    if unit in ("W", "WE"):
        return day + timedelta(days=round(7 * amount))
    if unit == "M":
        return add_months(day, round(amount))
    if unit == "Q":
        return add_months(day, round(3 * amount))
    if unit == "Y":
        return add_months(day, round(12 * amount))
    return day + timedelta(hours=amount) if unit == "H" else day


def coarser(a: str, b: str) -> str:
    """The coarser of two precisions."""
    return a if _ORDER.index(a) >= _ORDER.index(b) else b
