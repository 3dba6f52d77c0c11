"""Shared parts of timex normalisation: the :class:`Timex` record, the resolution context,
readers of rule groups (numbers, months, units) and :func:`make`."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from herald_timeline import records
from herald_timeline import timex_calendar as cal
from herald_timeline.timex_calendar import Point
from herald_timeline.timex_rules import Hit, lexicon, table


@dataclass(init=False, frozen=True, slots=True)
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

    # written out, not generated: mypyc compiles it to direct stores (see records)
    def __init__(
        self,
        text: str,
        char_start: int,
        char_end: int,
        type: str,
        value: str,
        start: date | None,
        end: date | None,
        precision: str | None,
        approximate: bool,
        anchor: str,
        mod: str | None = None,
        rule: str = "",
    ) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "char_start", char_start)
        object.__setattr__(self, "char_end", char_end)
        object.__setattr__(self, "type", type)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "precision", precision)
        object.__setattr__(self, "approximate", approximate)
        object.__setattr__(self, "anchor", anchor)
        object.__setattr__(self, "mod", mod)
        object.__setattr__(self, "rule", rule)


new_timex: Final = records.fast_builder(Timex)


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

REL_OFFSET: Final = {
    "this": 0, "current": 0, "the current": 0, "the current fiscal": 0, "the same": 0,
    "the full": 0,
    "the new": 1, "next": 1, "coming": 1, "the coming": 1, "following": 1, "the following": 1,
    "last": -1, "past": -1, "previous": -1, "preceding": -1, "the past": -1, "the last": -1,
    "the previous": -1, "the latest": -1, "same": 0,
}  # fmt: skip


def int_of(text: str | None) -> int | None:
    if text is None:
        return None
    digits = "".join(ch for ch in text if ch.isdigit())
    return int(digits) if digits else None


def month_of(text: str | None) -> int | None:
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    return int(lexicon("months.csv")[text.rstrip(".").lower()])


def weekday_of(text: str) -> int:
    return int(lexicon("weekdays.csv")[text.rstrip(".").lower()])


def number_of(text: str | None) -> float | None:
    """A count: 2 for "two", "twenty-four" is 24, None for vague words ("several")."""
    if text is None:
        return 1
    word = text.lower().replace("-", " ")
    if word.endswith(" 1/2"):  # "2 1/2 years"
        whole = number_of(word[:-4])
        return None if whole is None else whole + 0.5
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


def unit_of(text: str) -> tuple[str, int]:
    row = table("units.csv")[text.lower()]
    return row["code"], int(row["times"])


def fmt(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


#: words that hedge or place an expression when a rule has no mod group for them
_HEDGE_STARTS: Final[tuple[str, ...]] = (
    "the end of",
    "the beginning of",
    "the start of",
    "the middle of",
    "earlier",
    "later",
    "early",
    "late",
)


def group(hit: Hit, name: str) -> str | None:
    """``hit.match.groupdict().get(name)``, without building a dict of every group."""
    match = hit.match
    return match.group(name) if name in match.re.groupindex else None


def _mod(hit: Hit) -> tuple[str | None, bool]:
    """TIMEX3 mod and whether the prefix hedges the date."""
    word = group(hit, "mod") or group(hit, "mod2")
    if word is None:
        lowered = hit.match.group(0).lower()
        if lowered.startswith(_HEDGE_STARTS):
            word = next(c for c in _HEDGE_STARTS if lowered.startswith(c))
        elif lowered.endswith((" end", "-end")):  # "year-end"
            word = "the end of"
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
    return new_timex(
        ctx.text[start:end], start, end, kind or hit.rule.type,
        value or (point.value if point else "XXXX-XX-XX"),
        point.start if point else None, point.end if point else None,
        precision, approximate, anchor, mod, hit.rule.name,
    )  # fmt: skip


_ADJECTIVAL: Final = re.compile(r"the ((?:fiscal[- ])?[\w.]+-[a-z]+)", re.IGNORECASE)


def adjectival_span(hit: Hit) -> tuple[int, int] | None:
    """The span without "the" when the match is a hyphenated modifier ("the eight-year
    war", "the third-quarter loss"): the article belongs to the noun, not to the timex."""
    found = _ADJECTIVAL.fullmatch(hit.match.group(0))
    return (hit.start + found.start(1), hit.end) if found else None


def safe_day(year: int, month: int, day: int) -> Point | None:
    try:
        return cal.on_day(date(year, month, day))
    except ValueError:
        return None


def year_from(hit: Hit, ref: date | None, *names: str) -> int | None:
    """An explicit year ("2022", "'22") or one relative to publication ("last year")."""
    for name in names:
        text = group(hit, name)
        if text is None:
            continue
        if text.lower() in ("this", "last", "next"):
            return ref.year + REL_OFFSET[text.lower()] if ref else None
        year = year_number(text)
        return year + (2000 if year < 50 else 1900) if year < 100 else year
    return None


def year_number(text: str) -> int:
    """A year written in digits or words: "1996", "nineteen ninety-six", "nineteen oh
    five", "two thousand and one"."""
    if text.isdigit():
        return int(text)
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        return 2000 + int(number_of(" ".join(w for w in words[2:] if w != "and") or "0") or 0)
    rest = [w for w in words[1:] if w != "oh"]
    if rest == ["hundred"]:
        return 1900
    return 1900 + int(number_of(" ".join(rest)) or 0)


def last_date(
    ctx: Context, before: int, within: int | None = None, *, own_anchor: bool = False
) -> Timex | None:
    """The nearest resolved date or time that ends before ``before`` (with ``own_anchor``:
    one not itself resolved against another date)."""
    at = bisect.bisect_left(ctx.starts, before)
    for timex in reversed(ctx.done[max(0, at - 50) : at]):  # a bounded look back
        if timex.char_end > before or timex.start is None:
            continue
        if own_anchor and timex.anchor == "event":
            continue
        if within is not None and before - timex.char_end > within:
            return None
        return timex
    return None


def point_of(timex: Timex) -> Point:
    assert timex.start is not None and timex.end is not None and timex.precision is not None
    return cal.new_point(timex.value.split("T")[0], timex.start, timex.end, timex.precision)


def shifted(point: Point, amount: float, unit: str) -> Point:
    """``point`` moved by ``amount`` units, kept at its precision (a quarter stays a quarter)."""
    precision = point.precision
    day = cal.shift(point.start, amount, unit)
    if precision == "quarter":
        return cal.in_quarter(day.year, cal.quarter_of(day))
    return cal.at(day, precision)


def hedged(timex: Timex) -> Timex:
    """Halves and seasons are vague periods: year precision, approximate."""
    return new_timex(timex.text, timex.char_start, timex.char_end, timex.type, timex.value,
                     timex.start, timex.end, timex.precision, True, timex.anchor, timex.mod,
                     timex.rule)  # fmt: skip


def quarter_context(ctx: Context, before: int) -> Point | None:
    """A quarter mentioned shortly before (earnings reports compare with 'a year ago'); not
    one found from another ("a year ago ... compared with a year ago" is the same quarter),
    nor one not yet begun (a forecast is not the period reported)."""
    last = last_date(ctx, before, within=400, own_anchor=True)
    if last is not None and last.precision == "day":
        # "the third quarter ended Sept. 30": the day closes the quarter named before it
        day, last = last, last_date(ctx, last.char_start, within=40, own_anchor=True)
        if last is None or not _ENDED.fullmatch(ctx.text, last.char_end, day.char_start):
            return None
    if last is not None and last.precision == "quarter":
        if ctx.ref is not None and last.start is not None and last.start > ctx.ref:
            return None
        return point_of(last)
    return None


#: between a period and the day that closes it ("the fiscal first quarter ended Sept. 30":
#: the quarter named, even when a fiscal quarter is not the calendar one holding the day)
_ENDED: Final = re.compile(r",? (?:(?:that|which) )?end(?:ed|ing|s)(?: on)? ")

#: rules whose matches compare with the same period a year before
YEAR_COMPARISONS: Final = frozenset({"year_ago_period", "period_year_ago"})
_A_YEAR_BACK: Final = re.compile(r"\b(?:a|one) year(?: or so)? (?:ago|earlier|before)\Z")


def year_comparison(ctx: Context, before: int, within: int = 1500) -> Point | None:
    """The period of the nearest earlier date when that is itself a comparison with a year
    before ("The year-ago quarter ... the year-ago results", "from a year ago ... compared
    with a year earlier"): a second comparison means the same period, not one more year
    back."""
    last = last_date(ctx, before, within=within)
    if last is None or last.start is None:
        return None
    if last.rule in YEAR_COMPARISONS or (
        last.rule in ("ago", "shift_later") and _A_YEAR_BACK.search(last.text.lower())
    ):
        return point_of(last)
    return None


_MONTHS_SPAN: Final = re.compile(r"P\d+M")


def months_context(ctx: Context, before: int) -> bool:
    """Whether the sentence is about a span of months ("For the nine months, profit rose,
    compared with a loss a year earlier"): the comparison is with last year, not with a
    quarter named before."""
    first, _ = ctx.sentence(before)
    for timex in reversed(ctx.within(first, before)):
        if timex.type == "duration" and _MONTHS_SPAN.fullmatch(timex.value):
            return True
        if timex.type == "date":
            return False
    return False
