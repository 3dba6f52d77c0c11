"""The output tables: column names and dtypes, declared once.

`../shared/contract.md` fixes the contract columns; we add columns after them, never rename.
Every DataFrame the package returns is built with :func:`frame` (or ``empty_*``), so the
dtypes are the same whether a table has a million rows or none.

Conventions:
- text is ``string``; fixed vocabularies are ``CategoricalDtype`` with the fixed list;
  counts and offsets are ``Int64``; claim numbers are ``Float64``; flags are ``boolean``.
- ``published``/``updated`` are tz-aware timestamps. A column holds one zone, so the frame
  shows them in :data:`HOME_TZ` (Korean time, the calendar the project's news is dated
  by); the article's own zone is kept in the ``tz`` column and the CSV writer restores it.
- event and timex ``start``/``end`` are calendar days stored as naive midnight timestamps:
  a day is never converted between zones.
- lists (actors) are ``;``-joined strings, as in the CSV.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

HOME_TZ = "Asia/Seoul"

EVENT_TYPES = ("meeting", "launch", "agreement", "establishment", "exercise", "statement", "other")
PRECISIONS = ("day", "week", "month", "quarter", "year")
BOUNDS = ("exact", "about", "at_least", "more_than", "at_most", "less_than", "range")
TIMEX_TYPES = ("date", "time", "duration", "set")
ANCHORS = ("absolute", "published", "event", "unresolved")
STATUSES = ("ok", "error")
FORMATS = ("page", "html", "plain")

STRING = pd.StringDtype()
INT = pd.Int64Dtype()
FLOAT = pd.Float64Dtype()
BOOL = pd.BooleanDtype()
# Seconds, not nanoseconds: "the 1000s" or a year-1 date must not overflow (ns ends in 2262).
DAY = "datetime64[s]"
MOMENT = pd.DatetimeTZDtype(unit="ns", tz=HOME_TZ)


def _category(values: Iterable[str]) -> pd.CategoricalDtype:
    return pd.CategoricalDtype(list(values), ordered=False)


ARTICLES: dict[str, Any] = {
    "article_id": STRING,
    "source": STRING,
    "outlet": STRING,
    "title": STRING,
    "author": STRING,
    "published": MOMENT,
    "updated": MOMENT,
    "section": STRING,
    "n_words": INT,
    "status": _category(STATUSES),
    "error": STRING,
    # additions
    "url": STRING,
    "email": STRING,
    "tz": STRING,
    "format": _category(FORMATS),
    "n_chars": INT,
    "encoding": STRING,
    "warning": STRING,
}

EVENTS: dict[str, Any] = {
    "event_id": STRING,
    "article_id": STRING,
    "type": _category(EVENT_TYPES),
    "start": DAY,
    "end": DAY,
    "precision": _category(PRECISIONS),
    "approximate": BOOL,
    "date_text": STRING,
    "name": STRING,
    "ordinal": INT,
    "actors": STRING,
    "location": STRING,
    "evidence": STRING,
    "char_start": INT,
    "char_end": INT,
    # additions
    "trigger": STRING,
    "published": MOMENT,
}

CLAIMS: dict[str, Any] = {
    "claim_id": STRING,
    "article_id": STRING,
    "value": FLOAT,
    "lower": FLOAT,
    "upper": FLOAT,
    "bound": _category(BOUNDS),
    "unit": STRING,
    "unit_text": STRING,
    "subject": STRING,
    "action": STRING,
    "period_start": DAY,
    "period_end": DAY,
    "part_of": STRING,
    "attributed_to": STRING,
    "evidence": STRING,
    "char_start": INT,
    "char_end": INT,
    # additions
    "value_text": STRING,
    "published": MOMENT,
}

TIMEXES: dict[str, Any] = {
    "timex_id": STRING,
    "article_id": STRING,
    "text": STRING,
    "type": _category(TIMEX_TYPES),
    "value": STRING,
    "start": DAY,
    "end": DAY,
    "precision": _category(PRECISIONS),
    "approximate": BOOL,
    "anchor": _category(ANCHORS),
    "char_start": INT,
    "char_end": INT,
    # additions
    "mod": STRING,
    "rule": STRING,
}

#: one row per real-world event, merged from the events of many articles (timeline.py)
TIMELINE: dict[str, Any] = {
    "timeline_id": STRING,  # "tl-" + hash of the event_ids: stable across runs
    "type": EVENTS["type"],
    "start": DAY,
    "end": DAY,
    "precision": EVENTS["precision"],
    "approximate": BOOL,
    "name": STRING,
    "ordinal": INT,
    "actors": STRING,  # ;-joined union of the sources' actors
    "location": STRING,
    "n_sources": INT,  # distinct articles
    "n_mentions": INT,  # event rows merged
    "article_ids": STRING,  # ;-joined, sorted
    "event_ids": STRING,  # ;-joined, sorted: every source row stays reachable
    "conflict": STRING,  # the sources' dates when they disagree
    "first_published": MOMENT,  # earliest publication among the sources
    "evidence": STRING,  # evidence of the row the name comes from
}

TABLES: dict[str, dict[str, Any]] = {
    "articles": ARTICLES,
    "events": EVENTS,
    "claims": CLAIMS,
    "timexes": TIMEXES,
    "timeline": TIMELINE,
}


class SchemaError(ValueError):
    """A table does not have the columns or dtypes of its schema."""


def _naive(value: Any) -> Any:
    tzinfo = getattr(value, "tzinfo", None)
    return value.replace(tzinfo=None) if tzinfo is not None else value


def _coerce(values: pd.Series, dtype: Any) -> pd.Series:
    if isinstance(dtype, pd.DatetimeTZDtype):
        return pd.to_datetime(values, utc=True).dt.tz_convert(dtype.tz).astype(dtype)
    if isinstance(dtype, str) and dtype.startswith("datetime64"):
        if values.dtype == object:  # a day never crosses zones: drop any offset as written
            values = values.map(_naive)
        if not isinstance(values.dtype, pd.DatetimeTZDtype):
            try:  # dates, naive timestamps and ISO day strings, any year
                return values.astype(np.dtype(dtype))
            except (TypeError, ValueError):
                pass
        parsed = pd.to_datetime(values)
        if isinstance(parsed.dtype, pd.DatetimeTZDtype):  # a day never crosses zones
            parsed = parsed.dt.tz_localize(None)
        return parsed.astype(np.dtype(dtype))
    return values.astype(dtype)


def frame(table: str, rows: Iterable[Mapping[str, Any]] | pd.DataFrame) -> pd.DataFrame:
    """A DataFrame of ``table``'s schema from row mappings (missing keys become NA).

    Contract columns come first in contract order, then the additions; keys that are not
    in the schema are dropped.
    """
    if not isinstance(rows, pd.DataFrame):
        records = list(rows)
        names = TABLES[table]
        return from_columns(table, {n: [r.get(n) for r in records] for n in names}, len(records))
    schema = TABLES[table]
    raw = rows
    columns: dict[str, pd.Series] = {}
    for name, dtype in schema.items():
        if name in raw.columns:
            values = raw[name].reset_index(drop=True)
        else:
            values = pd.Series([None] * len(raw), dtype="object")
        columns[name] = _coerce(values, dtype)
    return pd.DataFrame(columns, index=pd.RangeIndex(len(raw)))


def from_columns(table: str, columns: Mapping[str, Any], length: int) -> pd.DataFrame:
    """A DataFrame of ``table``'s schema from column lists (absent columns become NA).

    Each column is built the cheapest way for its dtype (categories from codes, nullable
    numbers from a numpy array and a mask): this runs for every batch of every corpus, and
    the generic ``astype`` costs many times more than the parsing it follows.
    """
    built = {}
    for name, dtype in TABLES[table].items():
        values = columns.get(name)
        if values is None:
            values = [None] * length
        try:
            built[name] = _column(values, dtype)
        except (TypeError, ValueError):  # an unusual value: let pandas convert it
            built[name] = _coerce(pd.Series(values, dtype="object"), dtype)
    return _assemble(built, length)


def _block_builder() -> Callable[..., pd.DataFrame] | None:
    """pandas >= 3's ``create_dataframe_from_blocks`` (public, for libraries that build
    their own arrays; no stubs yet), else None."""
    try:
        module = importlib.import_module("pandas.api.internals")
    except ImportError:  # pragma: no cover - older pandas
        return None
    build: Callable[..., pd.DataFrame] | None = getattr(
        module, "create_dataframe_from_blocks", None
    )
    return build


_FROM_BLOCKS = _block_builder()


def _assemble(built: dict[str, Any], length: int) -> pd.DataFrame:
    """A frame of columns built here (right dtype and length): the constructor's
    inference and checks cost more than building the columns on a small table (one
    article's timexes)."""
    index = pd.RangeIndex(length)
    if _FROM_BLOCKS is None:
        return pd.DataFrame(built, index=index, copy=False)  # just built: nothing to copy
    blocks = []
    for place, values in enumerate(built.values()):
        if isinstance(values, pd.Series):  # from the fallback conversion
            values = values.array
        if isinstance(values, np.ndarray):
            values = values.reshape(1, -1)  # numpy blocks are 2D, one row per column
        elif isinstance(values, pd.arrays.NumpyExtensionArray):
            values = values.to_numpy().reshape(1, -1)
        blocks.append((values, np.array([place])))
    return _FROM_BLOCKS(blocks, index=index, columns=_column_index(tuple(built)).copy())


@lru_cache(maxsize=16)
def _column_index(names: tuple[str, ...]) -> pd.Index:
    """The columns of a table, built once (string inference costs as much as a third of a
    small frame); each frame gets a shallow copy, since ``columns.name`` can be set."""
    return pd.Index(names)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or value is pd.NA


#: how each nullable numeric dtype of the schema is built: fill value, numpy type, array
_MASKED: dict[int, tuple[Any, Any, Any]] = {
    id(INT): (0, np.int64, pd.arrays.IntegerArray),
    id(FLOAT): (0.0, np.float64, pd.arrays.FloatingArray),
    id(BOOL): (False, bool, pd.arrays.BooleanArray),
}


def _complete(values: Any, kind: type) -> bool:
    """Whether every value is exactly of ``kind`` (not a bool for an int) and none is NaN."""
    return all(type(v) is kind and v == v for v in values)


def _column(values: Any, dtype: Any) -> Any:
    if isinstance(values, np.ndarray) and str(values.dtype) == str(dtype):
        return values  # already built (e.g. days as datetime64[s])
    if isinstance(dtype, pd.CategoricalDtype):
        index = _codes(dtype)
        codes = np.fromiter((index.get(v, -1) for v in values), dtype=np.int8, count=len(values))
        # the codes come from the categories themselves: nothing to validate
        return pd.Categorical.from_codes(codes, dtype=dtype, validate=False)
    masked = _MASKED.get(id(dtype))  # the schema's own dtype objects: no dtype hashing
    if masked is not None:
        fill, kind, array = masked
        if _complete(values, type(fill)):  # the common case: no mask to work out
            return array(np.array(values, dtype=kind), np.zeros(len(values), dtype=bool))
        mask = np.fromiter((_missing(v) for v in values), dtype=bool, count=len(values))
        data = np.array([fill if m else v for v, m in zip(values, mask, strict=True)], dtype=kind)
        if dtype is INT and not all(float(v) == int(v) for v in values if not _missing(v)):
            raise ValueError("not integers")
        return array(data, mask)
    if dtype is STRING:
        cleaned = [None if _missing(v) else v for v in values]
        if not all(v is None or isinstance(v, str) for v in cleaned):
            raise TypeError("not strings")
        if STRING.storage == "pyarrow":  # straight to arrow: a third of pd.array's time
            import pyarrow as pa

            return pd.arrays.ArrowStringArray(pa.array(cleaned, type=pa.large_string()))
        return pd.array(cleaned, dtype=STRING)
    return _coerce(pd.Series(values, dtype="object"), dtype)


@lru_cache(maxsize=64)
def _codes(dtype: pd.CategoricalDtype) -> dict[Any, int]:
    return {c: i for i, c in enumerate(dtype.categories)}


def empty(table: str) -> pd.DataFrame:
    """An empty table with every column and dtype of ``table``."""
    return frame(table, [])


def empty_articles() -> pd.DataFrame:
    return empty("articles")


def empty_events() -> pd.DataFrame:
    return empty("events")


def empty_claims() -> pd.DataFrame:
    return empty("claims")


def empty_timexes() -> pd.DataFrame:
    return empty("timexes")


def validate(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Return ``df`` unchanged if it has every column of ``table`` with its dtype.

    Raises :class:`SchemaError` naming the first column that is missing or mistyped.
    """
    for name, dtype in TABLES[table].items():
        if name not in df.columns:
            raise SchemaError(f"{table}: missing column {name!r}")
        if str(df[name].dtype) != str(pd.Series([], dtype=dtype).dtype):
            raise SchemaError(f"{table}.{name}: dtype {df[name].dtype}, expected {dtype}")
    return df
