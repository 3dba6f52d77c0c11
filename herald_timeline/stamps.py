"""Publication stamps: "Published : Nov 18, 2022 - 17:58", "입력 2018.06.13 (15:20)", ISO.

A stamp is read into a timezone-aware datetime. The zone comes from the stamp ("JST",
"GMT+9", "-05:00"), else from the outlet's profile, else from the caller's default. Nothing
here reads the clock: a stamp without a year is not a stamp.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from herald_timeline import resources


@dataclass(init=False, frozen=True, slots=True)
class Stamp:
    label: str  # 'published' or 'updated'
    moment: datetime  # tz-aware
    text: str
    has_time: bool

    # written out, not generated: mypyc compiles it to direct stores (see records)
    def __init__(self, label: str, moment: datetime, text: str, has_time: bool) -> None:
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "moment", moment)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "has_time", has_time)


@lru_cache(maxsize=256)
def zone(name: str) -> tzinfo:
    """An IANA zone name, a stamp abbreviation ("KST") or a UTC offset ("+09:00", "-5")."""
    abbreviations = _zones()
    key = name.strip()
    if key.upper() in abbreviations:
        key = abbreviations[key.upper()]
    offset = re.fullmatch(r"(?:UTC|GMT)?([+-]?)(\d{1,2})(?::?(\d{2}))?", key)
    if offset:
        sign = -1 if offset.group(1) == "-" else 1
        delta = timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3) or 0))
        return timezone(sign * delta)
    if key.upper() in ("Z", "UTC", "GMT"):
        return UTC
    return ZoneInfo(key)


@lru_cache(maxsize=1)
def _zones() -> dict[str, str]:
    return {row["abbr"].upper(): row["zone"] for row in resources.table("page/zones.csv")}


@lru_cache(maxsize=1)
def _patterns() -> tuple[
    re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]
]:
    spec = resources.toml("page/stamps.toml")
    names = [calendar.month_name[i] for i in range(1, 13)] + [
        calendar.month_abbr[i] for i in range(1, 13)
    ]
    month = resources.alternation(names + ["Sept"])
    dates = "|".join(f"(?:{rule['pattern']})" for rule in spec["date"]).replace("{month}", month)
    # Python does not allow the same group name twice: number them per alternative.
    counter: dict[str, int] = {}

    def _rename(match: re.Match[str]) -> str:
        counter[match.group(1)] = counter.get(match.group(1), 0) + 1
        return f"(?P<{match.group(1)}{counter[match.group(1)]}>"

    dates = re.sub(r"\(\?P<(\w+)>", _rename, dates)
    flags = re.IGNORECASE
    return (
        resources.compile_pattern(dates, flags, where="stamps.date"),
        resources.compile_pattern(spec["time"]["pattern"], where="stamps.time"),
        resources.compile_pattern(spec["zone"]["pattern"], where="stamps.zone"),
        resources.compile_pattern(spec["labels"]["published"], where="stamps.published"),
        resources.compile_pattern(spec["labels"]["updated"], where="stamps.updated"),
    )


def _groups(match: re.Match[str]) -> dict[str, str]:
    """The groups that took part in ``match`` by their name without its number."""
    found: dict[str, str] = {}
    for key, value in match.groupdict().items():
        if value is not None:
            found.setdefault(key.rstrip("0123456789"), value)
    return found


_MONTHS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i])
}
_MONTHS["sept"] = 9


@dataclass(frozen=True, slots=True)
class Reading:
    """A stamp as its line states it, before the zone a page implies is known."""

    label: str
    naive: datetime
    named_tz: tzinfo | None  # the zone the stamp names, if any
    text: str
    has_time: bool

    def stamp(self, default_tz: tzinfo) -> Stamp:
        tz = default_tz if self.named_tz is None else self.named_tz
        return Stamp(self.label, self.naive.replace(tzinfo=tz), self.text, self.has_time)


def _read_one(segment: str, label: str) -> Reading | None:
    date_re, time_re, zone_re, _, _ = _patterns()
    found = date_re.search(segment)
    if not found:
        return None
    groups = _groups(found)
    year = int(groups.get("year") or 0)
    monthname = groups.get("monthname")
    month = _MONTHS[monthname.lower().rstrip(".")] if monthname else int(groups.get("month") or 0)
    day = int(groups.get("day") or 0)
    try:
        moment = datetime(year, month, day)  # noqa: DTZ001 - zone attached by Reading.stamp
    except ValueError:
        return None
    clock = time_re.search(segment)
    has_time = clock is not None
    if clock:
        hour, minute = int(clock.group("hour")), int(clock.group("minute"))
        ampm = (clock.group("ampm") or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59:
            return None
        moment = moment.replace(hour=hour, minute=minute, second=int(clock.group("second") or 0))
    tz = None
    named = zone_re.search(segment)
    if named:
        tz = zone(named.group("zone") + (named.group("offset") or ""))
        if named.group("offset") and named.group("zone").upper() in ("GMT", "UTC"):
            tz = zone(named.group("offset"))
    return Reading(label, moment, tz, segment.strip(), has_time)


def read_line(line: str) -> tuple[Reading, ...]:
    """The stamps on one line, in order; a line may carry "Published … Updated …"."""
    _, _, _, published_re, updated_re = _patterns()
    cuts: list[tuple[int, str]] = []
    for label, pattern in (("published", published_re), ("updated", updated_re)):
        cuts.extend((m.start(), label) for m in pattern.finditer(line))
    cuts.sort()
    if not cuts or cuts[0][0] > 0 and line[: cuts[0][0]].strip():
        cuts.insert(0, (0, "published"))
    readings = []
    for i, (start, label) in enumerate(cuts):
        end = cuts[i + 1][0] if i + 1 < len(cuts) else len(line)
        reading = _read_one(line[start:end], label)
        if reading:
            readings.append(reading)
    return tuple(readings)


def read_stamps(line: str, default_tz: tzinfo) -> list[Stamp]:
    """The stamps on one line, in order; naive ones are taken in ``default_tz``."""
    return [reading.stamp(default_tz) for reading in read_line(line)]


def parse_iso(text: str, default_tz: tzinfo) -> datetime | None:
    """An ISO 8601 date or datetime; naive values get ``default_tz``."""
    value = text.strip()
    if value.endswith("Z"):
        value = value[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=default_tz)
    return moment
