"""Reference launch tables: the CNS North Korea Missile Test Database, or one built from events.

The package ships no reference data: users point :func:`load_reference` at their copy of the
CNS table (one row per missile, xlsx or csv, as published by CNS/NTI). It becomes a typed
launch table (:data:`REFERENCE`) with

- ``day``: the **Korean** calendar day of the launch. CNS ``Date`` is the UTC day that goes
  with ``Launch Time (UTC)``, so the day is ``Date + time + 9 h``; rows with an unknown time
  keep ``Date``. Eight early rows give only a month (``Sep-84``): ``precision='month'``,
  ``day``/``day_end`` the month's first and last day. Known errors of the published table
  are fixed from ``resources/reference/errata.csv`` (``errata=False`` keeps them).
- ``cls``: ``Missile Type`` mapped onto the claim unit taxonomy (``ICBM``, ``IRBM``, ``MRBM``,
  ``SRBM``, ``SLBM``, ``space launch vehicle``, ``hypersonic missile``; NA for ``Unknown``;
  :mod:`herald_timeline.missile_classes`).
  Every row is a 'ballistic missile' / 'missile' for broader units (``units.csv``).
- ``described``: for rows of unknown type, the class their notes describe them as (rows CNS
  calls "a failed ICBM test"), from ``described.toml``. They are reported, never counted as
  that class silently.

:func:`launches_from_events` builds the same layout from parsed events (type ``launch``): one
row per launch event, with no missile count (``missiles`` is NA).
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any

import pandas as pd

from herald_timeline import resources, schema
from herald_timeline.missile_classes import (
    UnitRule,
    classify_name,
    described_class,
    type_classes,
    unit_rule,
)

__all__ = [
    "REFERENCE",
    "ReferenceError",
    "launches_from_events",
    "load_reference",
    "reference_series",
]

#: columns of a launch table, as :func:`load_reference` and :func:`launches_from_events` return it
REFERENCE: dict[str, Any] = {
    "launch_id": schema.STRING,  # CNS `F1`, or the event_id
    "day": schema.DAY,  # Korean calendar day (first day of the month for month-only rows)
    "day_end": schema.DAY,  # last day the launch may fall on (== day for a known day)
    "precision": schema.EVENTS["precision"],  # 'day', or 'month' for month-only rows
    "moment": schema.MOMENT,  # launch time in Korean time, NaT when unknown
    "name": schema.STRING,  # `Missile Name` (NA when `Unknown`)
    "type": schema.STRING,  # `Missile Type` as published
    "cls": schema.STRING,  # class in the claim taxonomy, NA when unknown
    "described": schema.STRING,  # class the notes describe an unknown-type row as
    "outcome": schema.STRING,  # `Test Outcome`
    "confirmed": schema.BOOL,  # `Confirmation Status == Confirmed`
    "missiles": schema.INT,  # 1 per CNS row; NA for launch tables built from events
    "location": schema.STRING,  # `Facility Name`
    "notes": schema.STRING,  # `Additional Information`
    "date_text": schema.STRING,  # `Date` as published
    "corrected": schema.STRING,  # why the row differs from the published table (errata)
}

_COLUMNS = ("F1", "Date", "Launch Time (UTC)", "Missile Name", "Missile Type")
_SEOUL = "Asia/Seoul"
_UNKNOWN = frozenset({"", "unknown", "nan", "nat", "none"})


class ReferenceError(ValueError):
    """A reference table cannot be read (missing columns, no xlsx reader, bad dates)."""


# --------------------------------------------------------------------------- parsing


@lru_cache(maxsize=1)
def _errata() -> tuple[dict[str, str], ...]:
    return resources.table("reference/errata.csv")


def _text(value: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).strip()


def _parse_date(value: Any) -> tuple[date, str] | None:
    """A published `Date` cell -> (day, precision); xlsx cells arrive as datetimes."""
    if isinstance(value, datetime | pd.Timestamp):
        return value.date(), "day"
    if isinstance(value, date):
        return value, "day"
    text = _text(value)
    if text.lower() in _UNKNOWN:
        return None
    for fmt, precision in (("%d-%b-%y", "day"), ("%Y-%m-%d", "day"), ("%m/%d/%Y", "day")):
        try:
            return datetime.strptime(text, fmt).date(), precision  # noqa: DTZ007 (a calendar day)
        except ValueError:
            pass
    try:
        return datetime.strptime(text, "%b-%y").date(), "month"  # noqa: DTZ007
    except ValueError:
        pass
    try:
        return pd.Timestamp(text).date(), "day"
    except ValueError as exc:
        raise ReferenceError(f"unreadable Date {text!r}") from exc


def _parse_time(value: Any) -> time | None:
    if isinstance(value, datetime | pd.Timestamp):
        return value.time()
    if isinstance(value, time):
        return value
    text = _text(value)
    if text.lower() in _UNKNOWN:
        return None
    for fmt in ("%I:%M:%S %p", "%I:%M %p", "%H:%M:%S", "%H:%M"):
        try:
            return datetime.strptime(text, fmt).time()  # noqa: DTZ007 (a UTC clock time)
        except ValueError:
            pass
    return None


def _month_end(day: date) -> date:
    first_next = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return first_next - timedelta(days=1)


def _correction(
    launch_id: str, day: date, clock: time | None, name: str
) -> tuple[date, str] | None:
    for row in _errata():
        if row["launch_id"].strip() != launch_id or row["name"].strip() != name:
            continue
        if date.fromisoformat(row["date"].strip()) != day:
            continue
        if clock is None or clock.strftime("%H:%M") != row["time_utc"].strip():
            continue
        return date.fromisoformat(row["corrected_date"].strip()), row["reason"]
    return None


def _read(source: str | os.PathLike[str]) -> pd.DataFrame:
    path = os.fspath(source)
    if path.lower().endswith((".xlsx", ".xlsm", ".xls")):
        if importlib.util.find_spec("openpyxl") is None:
            raise ReferenceError(
                f"{path}: reading xlsx needs openpyxl (pip install openpyxl), "
                "or save the sheet as csv"
            )
        return pd.read_excel(path, dtype=object)
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def load_reference(
    source: str | os.PathLike[str] | pd.DataFrame, *, errata: bool = True
) -> pd.DataFrame:
    """Read a CNS-layout launch table (csv or xlsx path, or a raw DataFrame) into :data:`REFERENCE`.

    Parameters
    ----------
    source
        Path to the table as published (``Date``, ``Launch Time (UTC)``, ``Missile Name``,
        ``Missile Type``, ``Test Outcome``, ``Additional Information``, ...; one row per
        missile), or a DataFrame with those columns.
    errata
        Fix the published table's known errors (``resources/reference/errata.csv``).

    Returns a new DataFrame sorted by Korean day; rows without a date are dropped.
    """
    raw = source.copy() if isinstance(source, pd.DataFrame) else _read(source)
    raw.columns = [str(c).strip() for c in raw.columns]
    missing = [c for c in _COLUMNS if c not in raw.columns]
    if missing:
        raise ReferenceError(f"not a CNS launch table: missing column(s) {missing}")
    classes = type_classes()
    rows = []
    for record in raw.to_dict("records"):
        parsed = _parse_date(record["Date"])
        if parsed is None:
            continue
        day, precision = parsed
        launch_id = _text(record["F1"])
        if launch_id.endswith(".0"):  # xlsx numbers
            launch_id = launch_id[:-2]
        clock = _parse_time(record["Launch Time (UTC)"])
        name = _text(record["Missile Name"])
        corrected = None
        fix = _correction(launch_id, day, clock, name) if errata and precision == "day" else None
        if fix is not None:
            day, corrected = fix
        moment = None
        end = _month_end(day) if precision == "month" else day
        if clock is not None and precision == "day":
            utc = pd.Timestamp(datetime.combine(day, clock), tz="UTC")
            moment = utc.tz_convert(_SEOUL)
            day = end = moment.date()
        kind = _text(record["Missile Type"])
        notes = _text(record.get("Additional Information"))
        cls = classes.get(kind.upper())
        rows.append(
            {
                "launch_id": launch_id,
                "day": pd.Timestamp(day),
                "day_end": pd.Timestamp(end),
                "precision": precision,
                "moment": moment,
                "name": None if name.lower() in _UNKNOWN else name,
                "type": kind or None,
                "cls": cls,
                "described": described_class(notes) if cls is None and notes else None,
                "outcome": _text(record.get("Test Outcome")) or None,
                "confirmed": _text(record.get("Confirmation Status")).lower() == "confirmed",
                "missiles": 1,
                "location": _text(record.get("Facility Name")) or None,
                "notes": notes or None,
                "date_text": _text(record["Date"]) or None,
                "corrected": corrected,
            }
        )
    return _frame(rows)


def _frame(rows: Sequence[dict[str, Any]]) -> pd.DataFrame:
    raw = pd.DataFrame.from_records(list(rows), columns=list(REFERENCE))
    columns = {}
    for name, dtype in REFERENCE.items():
        values = raw[name].reset_index(drop=True)
        if isinstance(dtype, pd.DatetimeTZDtype):
            columns[name] = pd.to_datetime(values, utc=True).dt.tz_convert(dtype.tz).astype(dtype)
        elif dtype == schema.DAY:
            columns[name] = pd.to_datetime(values).astype(dtype)
        else:
            columns[name] = values.astype(dtype)
    out = pd.DataFrame(columns, index=pd.RangeIndex(len(raw)))
    order = out.sort_values(["day", "moment", "launch_id"], kind="stable", na_position="last")
    return order.reset_index(drop=True)


def launches_from_events(events: pd.DataFrame) -> pd.DataFrame:
    """A launch table (:data:`REFERENCE` layout) from parsed events of type ``launch``.

    One row per event (merge a timeline first to count each real launch once). Events give no
    missile count, so ``missiles`` is NA and only ``days`` units ('launch') can be checked
    against it; ``cls`` comes from the event name (``names.toml``) when it names one class.
    """
    launches = events[events["type"].astype("string") == "launch"]
    rows = []
    for record in launches.to_dict("records"):
        name = _text(record.get("name"))
        found = classify_name(f"{name} {_text(record.get('evidence'))}") if name else frozenset()
        precision = _text(record.get("precision"))
        rows.append(
            {
                "launch_id": _text(record.get("event_id")) or None,
                "day": record["start"],
                "day_end": record["end"],
                "precision": precision or None,
                "moment": None,
                "name": name or None,
                "type": None,
                "cls": next(iter(found)) if len(found) == 1 else None,
                "described": None,
                "outcome": None,
                "confirmed": None,
                "missiles": None,
                "location": _text(record.get("location")) or None,
                "notes": _text(record.get("evidence")) or None,
                "date_text": _text(record.get("date_text")) or None,
                "corrected": None,
            }
        )
    return _frame(rows)


# --------------------------------------------------------------------------- series


def _day(value: date | str | pd.Timestamp | None) -> pd.Timestamp | None:
    return None if value is None else pd.Timestamp(value).normalize()


def reference_series(
    reference: pd.DataFrame,
    *,
    unit: str | None = None,
    start: date | str | pd.Timestamp | None = None,
    end: date | str | pd.Timestamp | None = None,
    wide: bool = False,
    reset: str | None = None,
) -> pd.Series:
    """Cumulative launch counts of a reference, one value per Korean day.

    Parameters
    ----------
    reference
        A launch table from :func:`load_reference` or :func:`launches_from_events`.
    unit
        A claim unit ('ICBM', 'ballistic missile', 'launch', ...; see ``units.csv``): counts
        that unit's rows (missiles) or distinct launch days. None counts every row.
    start, end
        First and last day of the series (inclusive); default the reference's first and last
        launch day. Counting starts at ``start`` (the value on ``start`` includes its launches).
    wide
        Also count unknown-type rows whose notes describe them as the unit's class.
    reset
        ``"year"`` restarts the count every 1 January: the year-to-date total that "this
        year" claims are about. Default: one running total from ``start``.

    Returns an ``Int64`` Series indexed by every day from ``start`` to ``end``
    (a ``DatetimeIndex`` named ``day``), named after the unit, so that a step plot
    (``drawstyle='steps-post'``) shows the running total. Month-only rows count on their first
    day. Raises :class:`ReferenceError` for a unit the reference cannot count.
    """
    rule = unit_rule(unit) if unit is not None else UnitRule("launch", None, "missiles", "")
    if rule is None:
        raise ReferenceError(f"the reference cannot count {unit!r} (see units.csv)")
    rows = reference[_unit_mask(reference, rule.classes, wide=wide)]
    first = _day(start) if start is not None else _day(reference["day"].min())
    last = _day(end) if end is not None else _day(reference["day_end"].max())
    if first is None or last is None or pd.isna(first) or pd.isna(last) or last < first:
        empty = pd.DatetimeIndex([], name="day", dtype=schema.DAY)
        return pd.Series([], index=empty, dtype=schema.INT, name=rule.unit)
    rows = rows[(rows["day"] >= first) & (rows["day"] <= last)]
    if rule.count == "days":
        daily = rows.groupby("day").size().clip(upper=1)
    else:
        if rows["missiles"].isna().any():
            raise ReferenceError("this launch table has no missile counts (built from events?)")
        daily = rows.groupby("day")["missiles"].sum()
    index = pd.date_range(first, last, freq="D", name="day").astype(schema.DAY)
    per_day = daily.reindex(index, fill_value=0).astype("int64")
    if reset == "year":
        counts = per_day.groupby(pd.DatetimeIndex(index).year).cumsum()
    elif reset is None:
        counts = per_day.cumsum()
    else:
        raise ValueError(f"reset must be None or 'year', not {reset!r}")
    return pd.Series(counts.to_numpy(), index=index, name=rule.unit).astype(schema.INT)


def _unit_mask(reference: pd.DataFrame, classes: frozenset[str] | None, *, wide: bool) -> pd.Series:
    if classes is None:
        return pd.Series(True, index=reference.index)
    mask = reference["cls"].isin(sorted(classes)).fillna(False).astype(bool)
    if wide:
        mask = mask | reference["described"].isin(sorted(classes)).fillna(False).astype(bool)
    return mask
