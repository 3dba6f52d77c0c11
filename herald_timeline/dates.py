"""Temporal expressions (TIMEX3) of a text, normalised against the publication day.

>>> [t.value for t in find_dates("He met her on Friday.", published=date(2022, 11, 18))]
['2022-11-18']

Nothing reads the clock: relative expressions resolve against ``published`` (the calendar
day in ``tz``, Korean time by default; a plain ``date`` is used as it is). Without it they
come back with ``anchor='unresolved'`` and no start/end. The rules, patterns and lexicons
are data files under ``resources/time/``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Final
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from herald_timeline import schema
from herald_timeline.timex_resolve import Context, Timex, resolve
from herald_timeline.timex_rules import Hit
from herald_timeline.timex_scan import scan
from herald_timeline.timex_tense import Sentences

__all__ = [
    "DEFAULT_TZ",
    "Timex",
    "find_dates",
    "find_timexes",
    "reference_day",
    "resolve_dates",
    "scan_dates",
]

DEFAULT_TZ: Final = "Asia/Seoul"


Published = datetime | date | str | None


def reference_day(published: Published, tz: str | None = None) -> date | None:
    """The calendar day relative dates count from: ``published`` seen in ``tz``.

    A ``date`` (or a naive datetime) is taken as already being that zone's day; a string
    is read as ISO 8601 ("2022-11-18", "2022-11-18T17:58+09:00").
    """
    if published is None:
        return None
    if isinstance(published, str):
        published = _iso(published)
    if isinstance(published, datetime):
        if published.tzinfo is None:
            return published.date()
        return published.astimezone(ZoneInfo(tz or DEFAULT_TZ)).date()
    return published


def _iso(text: str) -> datetime | date:
    text = text.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"published: not an ISO 8601 date or datetime: {text!r}") from None


def find_dates(text: str, *, published: Published, tz: str | None = None) -> list[Timex]:
    """Temporal expressions of ``text``, sorted by ``char_start``, non-overlapping.

    ``published`` anchors relative expressions (its calendar day in ``tz``, default
    Asia/Seoul; a date, a datetime or an ISO 8601 string); event-relative ones ("the
    following day") lean on the date before them.
    """
    return resolve_dates(text, scan_dates(text), published=published, tz=tz)


def scan_dates(text: str) -> list[Hit]:
    """The first half of :func:`find_dates`: where its rules match ``text``, unresolved.
    (A corpus run scans every text before it resolves any: see ``parsing.extract_all``.)"""
    return list(scan(text))


def resolve_dates(
    text: str, hits: list[Hit], *, published: Published, tz: str | None = None
) -> list[Timex]:
    """The second half of :func:`find_dates`: ``scan_dates(text)`` resolved."""
    sentences = Sentences(text)
    ctx = Context(
        text=text, ref=reference_day(published, tz), tense=sentences.tense,
        sentence=sentences.around,
    )  # fmt: skip
    return sorted(resolve(hits, ctx), key=lambda t: t.char_start)


def find_timexes(
    text: str,
    *,
    published: Published,
    tz: str | None = None,
    article_id: str | None = None,
) -> pd.DataFrame:
    """:func:`find_dates` as a ``timexes`` table (``schema.frame('timexes', ...)``)."""
    found = find_dates(text, published=published, tz=tz)
    ids = [f"{article_id}-t{i:03d}" if article_id else None for i in range(len(found))]
    columns: dict[str, Any] = {
        "timex_id": ids,
        "article_id": [article_id] * len(found),
        "text": [t.text for t in found],
        "type": [t.type for t in found],
        "value": [t.value for t in found],
        "start": np.array([_day(t.start) for t in found], dtype=schema.DAY),
        "end": np.array([_day(t.end) for t in found], dtype=schema.DAY),
        "precision": [t.precision for t in found],
        "approximate": [t.approximate for t in found],
        "anchor": [t.anchor for t in found],
        "char_start": [t.char_start for t in found],
        "char_end": [t.char_end for t in found],
        "mod": [t.mod for t in found],
        "rule": [t.rule for t in found],
    }
    return schema.from_columns("timexes", columns, len(found))


def _day(day: date | None) -> np.datetime64:
    return np.datetime64("NaT", "s") if day is None else np.datetime64(day, "s")
