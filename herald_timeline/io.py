"""CSV (and parquet) in and out, with the schema restored on reading.

Written CSV follows the contract: UTF-8, header row, ISO 8601 (``published`` with the
article's own UTC offset, days as ``YYYY-MM-DD``), ``true``/``false``, empty for missing.
``read_table`` never trusts ``read_csv`` inference: every column is read as text and cast
to its schema dtype, so ids stay strings, Int64 stays Int64 and zones come back.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal, cast

import pandas as pd

from herald_timeline import schema

PathLike = str | os.PathLike[str]


def _format_day(values: pd.Series) -> pd.Series:
    return cast(pd.Series, values.dt.strftime("%Y-%m-%d").astype(schema.STRING))


def _format_moments(values: pd.Series, zones: pd.Series | None) -> pd.Series:
    """ISO 8601 with offset, each in its own zone (``tz`` column) when one is given."""
    out: list[str | None] = []
    zone_values = zones.tolist() if zones is not None else [None] * len(values)
    for moment, zone_name in zip(values.tolist(), zone_values, strict=True):
        if moment is None or pd.isna(moment):
            out.append(None)
            continue
        stamp = pd.Timestamp(moment)
        if isinstance(zone_name, str) and zone_name:
            try:
                stamp = stamp.tz_convert(_tz(zone_name))
            except (ValueError, KeyError):
                pass
        out.append(stamp.isoformat())
    return pd.Series(out, index=values.index, dtype=schema.STRING)


def _tz(name: str) -> Any:
    from herald_timeline.stamps import zone  # local: stamps pulls in resources

    return zone(name)


def to_text_frame(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """The table as the strings the CSV holds (used by ``write_table``)."""
    spec = schema.TABLES.get(table, {})
    columns: dict[str, pd.Series] = {}
    zones = df["tz"] if "tz" in df.columns else None
    for name in df.columns:
        values = df[name]
        dtype = spec.get(name)
        if isinstance(dtype, pd.DatetimeTZDtype):
            columns[name] = _format_moments(values, zones)
        elif isinstance(dtype, str) and dtype.startswith("datetime64"):
            columns[name] = _format_day(values)
        elif str(values.dtype) == "boolean" or values.dtype == bool:
            columns[name] = values.map({True: "true", False: "false"}).astype(schema.STRING)
        else:
            columns[name] = values
    return pd.DataFrame(columns, index=df.index)


def write_table(
    df: pd.DataFrame, path: PathLike, table: str, *, mode: Literal["w", "a"] = "w"
) -> None:
    """Write one of the output tables as contract CSV, or parquet for a ``.parquet`` path.

    ``mode="a"`` appends rows without a header (streaming output).
    """
    target = Path(path)
    if target.suffix == ".parquet":
        df.to_parquet(target, index=False)
        return
    text = to_text_frame(df, table)
    header = mode == "w" or not target.exists() or target.stat().st_size == 0
    text.to_csv(
        target, index=False, encoding="utf-8", mode=mode, header=header, lineterminator="\n"
    )


def read_table(path: PathLike, table: str | None = None) -> pd.DataFrame:
    """Read a table written by ``write_table`` back with its schema dtypes.

    ``table`` defaults to the file's stem (``events.csv`` -> ``events``).
    """
    source = Path(path)
    name = table or source.stem
    if source.suffix == ".parquet":
        raw = pd.read_parquet(source)
    else:
        # The writer ends lines with "\n" and does not quote a lone "\r" in a field; only a
        # file saved with CRLF line ends (edited elsewhere) is read with both.
        with source.open("rb") as handle:
            crlf = handle.readline().endswith(b"\r\n")
        raw = pd.read_csv(
            source,
            dtype=str,
            keep_default_na=False,
            na_values=[""],
            encoding="utf-8",
            lineterminator=None if crlf else "\n",
        )
    if name not in schema.TABLES:
        return raw
    spec = schema.TABLES[name]
    for column, dtype in spec.items():
        if column not in raw.columns:
            continue
        if str(dtype) == "boolean":
            raw[column] = raw[column].map({"true": True, "false": False, True: True, False: False})
        elif isinstance(dtype, pd.DatetimeTZDtype) or str(dtype).startswith("datetime64"):
            # One column mixes "17:58:00" and "17:58:00.123456"; inferring the format from
            # the first value would reject the other.
            raw[column] = pd.to_datetime(
                raw[column], utc=isinstance(dtype, pd.DatetimeTZDtype), format="ISO8601"
            )
    typed = schema.frame(name, raw)
    extra = [c for c in raw.columns if c not in spec]
    return typed.join(raw[extra].astype(schema.STRING)) if extra else typed


def read_articles_csv(path: PathLike) -> pd.DataFrame:
    return read_table(path, "articles")


def read_events_csv(path: PathLike) -> pd.DataFrame:
    return read_table(path, "events")


def read_claims_csv(path: PathLike) -> pd.DataFrame:
    return read_table(path, "claims")


def read_timexes_csv(path: PathLike) -> pd.DataFrame:
    return read_table(path, "timexes")
