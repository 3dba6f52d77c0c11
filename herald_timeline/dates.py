"""Temporal expressions (TIMEX3) of a text, normalised against the publication day.

>>> [t.value for t in find_dates("He met her on Friday.", published=date(2022, 11, 18))]
['2022-11-18']

Nothing reads the clock: relative expressions resolve against ``published`` (the calendar
day in ``tz``, Korean time by default; a plain ``date`` is used as it is). Without it they
come back with ``anchor='unresolved'`` and no start/end. The rules, patterns and lexicons
are data files under ``resources/time/``.
"""

from __future__ import annotations

import bisect
import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

from herald_timeline import resources, schema
from herald_timeline.timex_resolve import Context, Timex, resolve
from herald_timeline.timex_rules import scan

__all__ = ["DEFAULT_TZ", "Timex", "find_dates", "find_timexes", "reference_day"]

DEFAULT_TZ = "Asia/Seoul"


def reference_day(published: datetime | date | None, tz: str | None = None) -> date | None:
    """The calendar day relative dates count from: ``published`` seen in ``tz``.

    A ``date`` (or a naive datetime) is taken as already being that zone's day.
    """
    if published is None:
        return None
    if isinstance(published, datetime):
        if published.tzinfo is None:
            return published.date()
        return published.astimezone(ZoneInfo(tz or DEFAULT_TZ)).date()
    return published


# A sentence ends at terminal punctuation followed by a capital or quote, or at a newline.
_BOUNDARY = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z])|\n")


@lru_cache(maxsize=1)
def _cues() -> re.Pattern[str]:
    future = "|".join(resources.lines("time/tense_future.txt"))
    past = "|".join(resources.lines("time/tense_past.txt"))
    pattern = rf"(?<![\w'])(?:(?P<future>{future})|(?P<past>{past}))(?![\w])"
    return resources.compile_pattern(pattern, re.IGNORECASE, where="tense cues")


@lru_cache(maxsize=1)
def _deadline() -> re.Pattern[str]:
    words = "|".join(resources.lines("time/tense_deadline.txt"))
    pattern = rf"(?<![\w'])(?:{words}) (?:on )?$"
    return resources.compile_pattern(pattern, re.IGNORECASE, where="deadline cues")


class _Sentences:
    """Sentence spans of a text, found once, looked up by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends = [m.end() for m in _BOUNDARY.finditer(text)]

    def around(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.ends, pos)
        first = self.ends[i - 1] if i else 0
        last = self.ends[i] if i < len(self.ends) else len(self.text)
        return first, last

    def tense(self, start: int, end: int) -> str | None:
        """'future', 'past' or None: the tense cue nearest before the expression in its
        sentence (else the nearest after it)."""
        first, last = self.around(start)
        first, last = max(first, start - 200), min(last, end + 200)  # bounded: linear scans
        if _deadline().search(self.text, max(first, start - 20), start):
            return None  # "by Jan. 14", "through Oct. 19": the nearest such day
        before: re.Match[str] | None = None
        after: re.Match[str] | None = None
        for cue in _cues().finditer(self.text, first, last):
            if start <= cue.start() < end:
                continue
            if cue.end() <= start:
                before = cue
            elif cue.start() >= end and after is None:
                after = cue
        nearest = before or after
        if nearest is None:
            return None
        return "future" if nearest.group("future") else "past"


def find_dates(
    text: str, *, published: datetime | date | None, tz: str | None = None
) -> list[Timex]:
    """Temporal expressions of ``text``, sorted by ``char_start``, non-overlapping.

    ``published`` anchors relative expressions (its calendar day in ``tz``, default
    Asia/Seoul); event-relative ones ("the following day") lean on the date before them.
    """
    sentences = _Sentences(text)
    ctx = Context(
        text=text, ref=reference_day(published, tz), tense=sentences.tense,
        sentence=sentences.around,
    )  # fmt: skip
    found = resolve(list(scan(text)), ctx)
    return sorted(found, key=lambda t: t.char_start)


def find_timexes(
    text: str,
    *,
    published: datetime | date | None,
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
        "start": np.array([_day(t.start) for t in found], dtype="datetime64[ns]"),
        "end": np.array([_day(t.end) for t in found], dtype="datetime64[ns]"),
        "precision": [t.precision for t in found],
        "approximate": [t.approximate for t in found],
        "anchor": [t.anchor for t in found],
        "char_start": [t.char_start for t in found],
        "char_end": [t.char_end for t in found],
        "mod": [t.mod for t in found],
        "rule": [t.rule for t in found],
    }
    # built column by column with the schema's dtypes: schema.frame's generic coercion
    # costs more than finding the dates, and this runs on every article
    return pd.DataFrame(
        {name: _column(columns[name], dtype) for name, dtype in schema.TIMEXES.items()},
        index=pd.RangeIndex(len(found)),
    )


def _column(values: Any, dtype: Any) -> Any:
    if isinstance(dtype, pd.CategoricalDtype):  # from codes: 10x cheaper than from values
        index = {c: i for i, c in enumerate(dtype.categories)}
        codes = np.array([index.get(v, -1) for v in values], dtype=np.int8)
        return pd.Categorical.from_codes(codes, dtype=dtype)
    return pd.array(values, dtype=dtype)


def _day(day: date | None) -> np.datetime64:
    return np.datetime64("NaT", "ns") if day is None else np.datetime64(day, "ns")
