"""Numeric claims checked against a reference launch table.

:func:`check_claims` answers, for each count claim ("more than 60 ballistic missiles this
year"), how many the reference has over the claim's period, and whether the claim agrees.

The reference count is a range, never a guess: ``reference_count`` counts the rows that
certainly belong (typed as the unit's class, dated inside the period, launched before
publication), ``reference_wide`` adds the rows that may (unknown-type rows whose notes describe
them as the class, month-only rows that straddle the period, rows of unknown time on the
publication day). A claim is ``consistent`` when its bound admits some count in that range,
``overstates`` when it asks for more than the wide count, ``understates`` when it allows less
than the narrow count, and ``not_covered`` when the reference cannot answer (unit not a
launch count, no period, period outside the reference, not about North Korea, not a launch).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pandas as pd

from herald_timeline import resources, schema
from herald_timeline.missile_classes import UnitRule, unit_rule

__all__ = ["VERDICTS", "check_claims"]

VERDICTS = ("consistent", "overstates", "understates", "not_covered")

#: columns :func:`check_claims` adds to the claims table
CHECK_COLUMNS: dict[str, Any] = {
    "reference_count": schema.INT,
    "reference_wide": schema.INT,
    "verdict": pd.CategoricalDtype(list(VERDICTS)),
    "reason": schema.STRING,
}

_BOUND_WORDS = {
    "exact": "exactly",
    "about": "about",
    "at_least": "at least",
    "more_than": "more than",
    "at_most": "at most",
    "less_than": "less than",
}


@lru_cache(maxsize=1)
def _subjects() -> tuple[re.Pattern[str], ...]:
    name = "reference/subjects.txt"
    return tuple(resources.compile_pattern(p, re.I, where=name) for p in resources.lines(name))


@lru_cache(maxsize=1)
def _actions() -> tuple[re.Pattern[str], ...]:
    name = "reference/launch_actions.txt"
    return tuple(resources.compile_pattern(p, re.I, where=name) for p in resources.lines(name))


@dataclass(frozen=True, slots=True)
class _Count:
    narrow: int
    wide: int
    described: int  # rows counted only because their notes name the class
    uncertain: int  # rows counted only because their date may fall inside the period


@dataclass(frozen=True, slots=True)
class _Result:
    verdict: str
    reason: str
    count: int | None = None
    wide: int | None = None


def _missing(value: Any) -> bool:
    return value is None or (not isinstance(value, str) and bool(pd.isna(value)))


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _plural(noun: str) -> str:
    return noun if noun.endswith("s") else f"{noun}s"


def _claim_words(claim: dict[str, Any]) -> str:
    value = claim["value"]
    bound = "" if _missing(claim["bound"]) else str(claim["bound"])
    if bound == "range" and not _missing(claim["upper"]):
        low = claim["lower"] if not _missing(claim["lower"]) else value
        return f"{_fmt(low)} to {_fmt(claim['upper'])}"
    return f"{_BOUND_WORDS.get(bound, 'exactly')} {_fmt(value)}"


def _admits(claim: dict[str, Any], low: int, high: int, tolerance: float) -> str:
    """'within' if some integer in [low, high] satisfies the claim's bound, else 'above'/'below'
    (where the claim lies relative to the reference range)."""
    value = float(claim["value"])
    bound = "exact" if _missing(claim["bound"]) else str(claim["bound"])
    lo, hi = -math.inf, math.inf
    if bound == "exact":
        lo = hi = value
    elif bound == "about":
        slack = max(tolerance * value, 1.0)
        lo, hi = value - slack, value + slack
    elif bound == "at_least":
        lo = value
    elif bound == "more_than":
        lo = math.floor(value) + 1
    elif bound == "at_most":
        hi = value
    elif bound == "less_than":
        hi = math.ceil(value) - 1
    elif bound == "range":
        lo = float(claim["lower"]) if not _missing(claim["lower"]) else value
        hi = float(claim["upper"]) if not _missing(claim["upper"]) else math.inf
    # the reference counts whole things: the smallest and largest count the claim admits
    lo_int = math.ceil(lo) if math.isfinite(lo) else -math.inf
    hi_int = math.floor(hi) if math.isfinite(hi) else math.inf
    if lo_int > high:
        return "above"
    if hi_int < low or hi_int < lo_int:
        return "below"
    return "within"


def _count(
    reference: pd.DataFrame,
    rule: UnitRule,
    start: pd.Timestamp,
    end: pd.Timestamp,
    until: pd.Timestamp | None,
) -> _Count:
    inside = (reference["day"] >= start) & (reference["day_end"] <= end)
    overlaps = (reference["day_end"] >= start) & (reference["day"] <= end)
    if until is not None:
        on_last_day = reference["day_end"] == end
        after = on_last_day & (reference["moment"] > until).fillna(False).astype(bool)
        unknown_time = on_last_day & reference["moment"].isna()
        inside = inside & ~after & ~unknown_time
        overlaps = overlaps & ~after
    if rule.classes is None:
        typed = pd.Series(True, index=reference.index)
        described = pd.Series(False, index=reference.index)
    else:
        classes = sorted(rule.classes)
        typed = reference["cls"].isin(classes).fillna(False).astype(bool)
        described = ~typed & reference["described"].isin(classes).fillna(False).astype(bool)
    narrow_rows = reference[inside & typed]
    wide_rows = reference[overlaps & (typed | described)]
    if rule.count == "days":
        narrow, wide = narrow_rows["day"].nunique(), wide_rows["day"].nunique()
        extra = reference[overlaps & described]["day"].nunique()
    else:
        narrow, wide = int(narrow_rows["missiles"].sum()), int(wide_rows["missiles"].sum())
        extra = int(reference[overlaps & described]["missiles"].sum())
    return _Count(narrow, wide, extra, wide - narrow - extra)


def _period(claim: dict[str, Any], parents: dict[str, dict[str, Any]]) -> tuple[Any, Any, str]:
    start, end = claim["period_start"], claim["period_end"]
    if (_missing(start) or _missing(end)) and not _missing(claim.get("part_of")):
        parent = parents.get(str(claim["part_of"]))
        # "including eight ICBMs" (a narrower unit) counts over the total's period; a part in
        # the total's own unit is a breakdown ("two on March 2") with a period of its own
        if (
            parent is not None
            and not _missing(parent["period_start"])
            and str(parent["unit"]).lower() != str(claim["unit"]).lower()
        ):
            return (
                parent["period_start"],
                parent["period_end"],
                " (period of the total it is part of)",
            )
    return start, end, ""


def _check_one(
    claim: dict[str, Any],
    reference: pd.DataFrame,
    parents: dict[str, dict[str, Any]],
    *,
    first: pd.Timestamp,
    last: pd.Timestamp,
    tolerance: float,
) -> _Result:
    unit = None if _missing(claim["unit"]) else str(claim["unit"])
    rule = unit_rule(unit)
    if rule is None:
        return _Result("not_covered", f"the reference does not count {unit or 'this unit'!r}")
    if _missing(claim["value"]):
        return _Result("not_covered", "the claim has no value")
    subject = None if _missing(claim.get("subject")) else str(claim["subject"])
    if subject is not None and not any(p.search(subject) for p in _subjects()):
        return _Result(
            "not_covered", f"the reference covers North Korean launches, not {subject!r}"
        )
    action = None if _missing(claim.get("action")) else str(claim["action"])
    if action is not None and not any(p.search(action) for p in _actions()):
        return _Result("not_covered", f"the reference counts launches; {action!r} is not one")
    start, end, inherited = _period(claim, parents)
    if _missing(start) or _missing(end):
        return _Result("not_covered", "the claim states no period to count over")
    start, end = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    if start < first or end > last:
        return _Result(
            "not_covered",
            f"period {start:%Y-%m-%d} to {end:%Y-%m-%d} is outside the reference "
            f"({first:%Y-%m-%d} to {last:%Y-%m-%d})",
        )
    if rule.count == "missiles" and reference["missiles"].isna().any():
        return _Result("not_covered", "the reference has no missile counts (built from events)")
    until = None
    published = claim.get("published")
    if published is not None and not _missing(published):
        moment = pd.Timestamp(published).tz_convert(schema.HOME_TZ)
        if moment.tz_localize(None).normalize() == end:
            until = moment
    count = _count(reference, rule, start, end, until)
    noun = "launch days" if rule.count == "days" else _plural(rule.unit)
    cls = "/".join(sorted(rule.classes)) if rule.classes else rule.unit
    window = f"from {start:%Y-%m-%d} to {end:%Y-%m-%d} (Korean days" + (
        f", up to {until:%H:%M} KST)" if until is not None else ")"
    )
    facts = f"{count.narrow} typed {cls}" if count.described else f"{count.narrow} {noun}"
    if count.described:
        facts += f", {count.described} more described as {cls} tests"
    if count.uncertain:
        facts += f", {count.uncertain} more of uncertain date"
    if count.wide != count.narrow:
        facts += f" ({count.wide} in all)"
    reference_text = f"reference: {facts} {window}{inherited}"
    said = _claim_words(claim)
    strict = _admits(claim, count.narrow, count.narrow, tolerance)
    loose = _admits(claim, count.narrow, count.wide, tolerance)
    if strict == "within":
        verdict, why = "consistent", f"consistent with {said}"
    elif loose == "within":
        verdict = "consistent"
        extra = "described as such" if count.described else "of uncertain date"
        if _admits(claim, count.wide, count.wide, tolerance) == "within":
            why = f"{said} matches the count with the rows {extra}"
        else:
            why = f"{said} lies between the typed count and the count with the rows {extra}"
    elif loose == "above":
        verdict, why = "overstates", f"{said} is more than the reference has"
        if rule.note:
            why += f" (note: {rule.note})"
    else:
        verdict, why = "understates", f"{said} is fewer than the reference has"
    return _Result(verdict, f"{reference_text}; {why}", count.narrow, count.wide)


def check_claims(
    claims: pd.DataFrame,
    reference: pd.DataFrame,
    *,
    about_tolerance: float = 0.1,
    covered_until: Any = None,
) -> pd.DataFrame:
    """The claims table with ``reference_count``, ``reference_wide``, ``verdict`` and ``reason``.

    Parameters
    ----------
    claims
        A claims table (``schema.CLAIMS``: ``value``, ``lower``, ``upper``, ``bound``, ``unit``,
        ``period_start``/``period_end`` as naive days, ``published`` tz-aware). A claim without
        a period takes the period of the claim it is ``part_of`` when its unit is narrower
        ("including eight ICBMs" of 60 ballistic missiles); a part in the total's own unit
        is a breakdown ("two on March 2") and stays ``not_covered``.
    reference
        A launch table from :func:`~herald_timeline.reference.load_reference` or
        :func:`~herald_timeline.reference.launches_from_events`.
    about_tolerance
        How far an ``about`` claim may be from the reference: this share of the value, at
        least 1 ("about 60" admits 54 to 66).
    covered_until
        Last day the reference is complete for; default its last launch day. Claims whose
        period ends later are ``not_covered``.

    Counts are over Korean days, inclusive; when the period ends on the Korean publication
    day, only launches before the publication time count. Does not mutate ``claims``.
    """
    first: pd.Timestamp | None = None
    last: pd.Timestamp | None = None
    if not reference.empty:
        first = pd.Timestamp(reference["day"].min())
        last = pd.Timestamp(reference["day_end"].max())
    if covered_until is not None:
        last = pd.Timestamp(covered_until).normalize()
    records = [{str(k): v for k, v in r.items()} for r in claims.to_dict("records")]
    parents = {str(r["claim_id"]): r for r in records if not _missing(r.get("claim_id"))}
    results = []
    for record in records:
        if first is None or last is None:
            results.append(_Result("not_covered", "the reference is empty"))
            continue
        results.append(
            _check_one(
                record, reference, parents, first=first, last=last, tolerance=about_tolerance
            )
        )
    added = {
        "reference_count": [r.count for r in results],
        "reference_wide": [r.wide for r in results],
        "verdict": [r.verdict for r in results],
        "reason": [r.reason for r in results],
    }
    return claims.assign(
        **{
            name: pd.Series(added[name], index=claims.index, dtype=object).astype(dtype)
            for name, dtype in CHECK_COLUMNS.items()
        }
    )
