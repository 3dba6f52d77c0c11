"""Normalisation of rule matches into :class:`Timex` records: one handler per rule kind
(``timex_dates``: calendar periods; ``timex_days``: days and times of day; ``timex_spans``:
durations, sets, relative counts).

Under-specified dates take their year and direction from the publication day and the
sentence's tense (``timex_direction``); event-relative ones ("two days later") from the
nearest date before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from herald_timeline import timex_dates as d
from herald_timeline import timex_days as w
from herald_timeline import timex_spans as s
from herald_timeline.timex_core import Context, Handler, Timex
from herald_timeline.timex_rules import Hit

__all__ = ["EVENT_KINDS", "HANDLERS", "LATE_KINDS", "Context", "Timex", "resolve"]

HANDLERS: Final[dict[str, Handler]] = {
    "ymd": d.ymd, "md": d.md, "week_of": d.week_of, "day_range": d.day_range, "ym": d.ym,
    "m": d.m, "y": d.y,
    "decade": d.decade, "century": d.century, "holiday": d.holiday, "weekday": w.weekday,
    "weekday_of_week": w.weekday_of_week, "day_around": w.day_around,
    "day_word": w.day_word, "part_of_day": w.part_of_day, "unit_rel": d.unit_rel,
    "quarter": d.quarter, "quarter_rel": d.quarter_rel, "half": d.half, "season": d.season,
    "time": w.time, "part_of_known_day": w.part_of_known_day, "weekend": w.weekend,
    "ago": s.ago, "shift": s.shift, "year_period": s.year_period, "anchor_rel": s.anchor_rel,
    "after_event": s.after_event, "year_ago": s.year_ago, "duration": s.duration,
    "set": s.set_, "set_weekday": s.set_weekday, "set_month": s.set_month, "fixed": s.fixed,
}  # fmt: skip

#: kinds resolved in a second pass, in text order: they look at dates before them
EVENT_KINDS: Final = frozenset(
    {"shift", "anchor_rel", "year_ago", "time", "ago", "part_of_known_day", "year_period",
     "unit_rel", "quarter_rel", "md", "m", "week_of", "day_range", "weekday", "day_around"}
)  # fmt: skip
#: kinds resolved last: they look at the dates after them ("two weeks after ... Nov. 3")
LATE_KINDS: Final = frozenset({"after_event"})


def resolve(hits: Sequence[Hit], ctx: Context) -> list[Timex]:
    """Timexes of ``hits``: first everything anchored on publication alone, then (in text
    order) what leans on dates before it, so "two days later" sees the date before it,
    then what leans on dates after it."""
    results: dict[int, list[Timex]] = {}
    for index, hit in enumerate(hits):
        if hit.rule.kind not in EVENT_KINDS and hit.rule.kind not in LATE_KINDS:
            results[index] = HANDLERS[hit.rule.kind](hit, ctx)
    ctx.add(sorted((t for ts in results.values() for t in ts), key=lambda t: t.char_start))
    for kinds in (EVENT_KINDS, LATE_KINDS):
        for index, hit in enumerate(hits):
            if hit.rule.kind in kinds:
                found = results[index] = HANDLERS[hit.rule.kind](hit, ctx)
                ctx.add(found)
    return [t for index in sorted(results) for t in results[index]]
