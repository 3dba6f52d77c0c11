"""Which events a timeline draws, and on which level each label goes.

Both steps are plain data (no matplotlib) so they can be tested alone:

- :func:`prepare_marks` turns an events table into :class:`Mark` records: the two ends of a
  multi-day event stated as ``"X (start)"`` / ``"X (end)"`` in one article become one span
  named ``X`` (words in ``resources/plotting/span_parts.toml``), and the same event reported
  by several articles (same type, days and name) becomes one mark that counts its mentions.
- :func:`place_labels` puts label boxes (horizontal pixel extents) on stacked levels,
  most important first, each on the lowest level where it touches no other box; a label
  that fits on no level is left out. :func:`allocate_rows` shares the rows an Axes has
  between lanes.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from herald_timeline import resources
from herald_timeline.chart_common import text_of

#: how a mark is drawn: one known day, a known run of days, or a day somewhere in a period
POINT, RANGE, PERIOD = "point", "range", "period"


@dataclass(frozen=True, slots=True)
class Mark:
    """One event as the timeline draws it (days are naive calendar days, end inclusive)."""

    type: str
    start: pd.Timestamp
    end: pd.Timestamp
    style: str  # POINT, RANGE or PERIOD
    approximate: bool
    name: str
    mentions: int = 1

    def rank(self) -> tuple[int, int, int, pd.Timestamp, str]:
        """Sort key, most important first: most mentioned, then exact, then earliest."""
        return (-self.mentions, self.style == PERIOD, self.approximate, self.start, self.name)


@lru_cache(maxsize=1)
def _span_rule() -> tuple[re.Pattern[str], frozenset[str], frozenset[str]]:
    rule = resources.toml("plotting/span_parts.toml")
    pattern = resources.compile_pattern(rule["pattern"], where="plotting/span_parts.toml")
    return pattern, frozenset(rule["start"]), frozenset(rule["end"])


def span_part(name: str) -> tuple[str, str] | None:
    """``(stem, "start"|"end")`` when ``name`` names one end of an event, else None."""
    pattern, starts, ends = _span_rule()
    match = pattern.match(name)
    if match is None:
        return None
    part = match["part"].casefold()
    if part in starts:
        return match["stem"], "start"
    if part in ends:
        return match["stem"], "end"
    return None


def _style(start: pd.Timestamp, end: pd.Timestamp, precision: Any) -> str:
    coarse = isinstance(precision, str) and precision != "day"
    if coarse:
        return PERIOD
    return POINT if start == end else RANGE


def _records(events: pd.DataFrame, types: Sequence[str]) -> list[dict[str, Any]]:
    """Rows of the wanted types with a start day, NA-safe, as plain dicts."""
    out = []
    for row in events.to_dict("records"):
        kind, start = row.get("type"), row.get("start")
        if kind not in types or start is None or pd.isna(start):
            continue
        start = pd.Timestamp(start).normalize()
        end = row.get("end")
        end = start if end is None or pd.isna(end) else max(pd.Timestamp(end).normalize(), start)
        precision = row.get("precision")
        approx = row.get("approximate")
        out.append(
            {
                "type": str(kind),
                "start": start,
                "end": end,
                "precision": None if precision is None or pd.isna(precision) else str(precision),
                "approximate": bool(approx)
                if approx is not None and not pd.isna(approx)
                else False,
                "name": text_of(row.get("name"), str(kind)),
                "article_id": text_of(row.get("article_id"), ""),
            }
        )
    return out


_COARSER = {p: i for i, p in enumerate(("day", "week", "month", "quarter", "year"))}


def _join_parts(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Join "X (start)" and "X (end)" rows of one article and type into one row named X."""
    parts: dict[tuple[str, str, str], dict[str, list[dict[str, Any]]]] = {}
    for row in rows:
        found = span_part(row["name"])
        if found and row["article_id"]:
            key = (row["article_id"], row["type"], found[0].casefold())
            parts.setdefault(key, {"start": [], "end": []})[found[1]].append(row)
            row["stem"] = found[0]
    joined: list[dict[str, Any]] = []
    used: set[int] = set()
    for group in parts.values():
        if not group["start"] or not group["end"]:
            continue
        first = min(group["start"], key=lambda r: r["start"])
        last = max(group["end"], key=lambda r: r["end"])
        if last["end"] < first["start"]:
            continue
        both = (first, last)
        precisions = [r["precision"] for r in both if r["precision"] in _COARSER]
        joined.append(
            first
            | {
                "end": last["end"],
                "name": first["stem"],
                "approximate": first["approximate"] or last["approximate"],
                "precision": max(precisions, key=_COARSER.__getitem__) if precisions else None,
            }
        )
        used.update(id(r) for r in group["start"] + group["end"])
    return [r for r in rows if id(r) not in used] + joined


def prepare_marks(events: pd.DataFrame, types: Sequence[str]) -> list[Mark]:
    """The marks to draw for ``events`` of ``types``, deduplicated, most important first.

    Rows without a start day are skipped; a missing end is the start day; a missing name
    is the type. Rows with the same type, days, drawing style and name (ignoring case)
    are one mark; it is approximate only if every mention is.
    """
    merged: dict[tuple[Any, ...], Mark] = {}
    for row in _join_parts(_records(events, types)):
        style = _style(row["start"], row["end"], row["precision"])
        key = (row["type"], row["start"], row["end"], style, row["name"].casefold())
        seen = merged.get(key)
        if seen is None:
            merged[key] = Mark(
                row["type"], row["start"], row["end"], style, row["approximate"], row["name"]
            )
        else:
            merged[key] = Mark(
                seen.type,
                seen.start,
                seen.end,
                style,
                seen.approximate and row["approximate"],
                seen.name,
                seen.mentions + 1,
            )
    return sorted(merged.values(), key=Mark.rank)


def place_labels(
    extents: Sequence[tuple[float, float]],
    order: Sequence[int],
    levels: int,
    *,
    gap: float = 0.0,
) -> list[int | None]:
    """A level (0 = lowest) for each ``(left, right)`` extent, or None if it fits nowhere.

    Extents are taken in ``order`` (most important first); each goes on the lowest of
    ``levels`` levels where it keeps at least ``gap`` from every box already there.
    """
    starts: list[list[float]] = [[] for _ in range(levels)]
    stops: list[list[float]] = [[] for _ in range(levels)]
    placed: list[int | None] = [None] * len(extents)
    for i in order:
        left, right = extents[i]
        for level in range(levels):
            lefts, rights = starts[level], stops[level]
            # boxes on one level never overlap, so sorted by left they are sorted by right
            at = bisect_left(lefts, left)
            if at > 0 and rights[at - 1] + gap > left:
                continue
            if at < len(lefts) and lefts[at] < right + gap:
                continue
            lefts.insert(at, left)
            rights.insert(at, right)
            placed[i] = level
            break
    return placed


def allocate_rows(needed: Sequence[int], available: int) -> list[int]:
    """Share ``available`` rows between lanes that each want ``needed[i]`` rows.

    Every lane gets what it needs if that fits; otherwise every lane is capped at the
    same number of rows (the largest that fits) and spare rows go to the first lanes.
    """
    available = max(available, 0)
    if sum(needed) <= available:
        return list(needed)
    cap = 0
    while sum(min(n, cap + 1) for n in needed) <= available:
        cap += 1
    rows = [min(n, cap) for n in needed]
    spare = available - sum(rows)
    for i, n in enumerate(needed):
        if spare and n > rows[i]:
            rows[i] += 1
            spare -= 1
    return rows
