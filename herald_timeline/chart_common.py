"""What the charts share: colours, the date axis in the articles' zone, text measuring.

Event ``start``/``end`` are naive calendar days. A day is drawn at its midnight *in the
articles' zone* (``tz``), and the date axis is located and formatted in that same zone, so
a day never shows up as the day before or after (matplotlib would otherwise read naive
dates as UTC; matplotlib#23394, pandas#47625).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase

from herald_timeline.schema import EVENT_TYPES

DEFAULT_TZ = "Asia/Seoul"

#: One colour per event type, from the Okabe-Ito colour-blind-safe palette
#: (yellow left out: unreadable on white); ``other`` is neutral grey.
TYPE_COLORS: dict[str, str] = {
    "meeting": "#0072B2",
    "launch": "#D55E00",
    "agreement": "#009E73",
    "establishment": "#CC79A7",
    "exercise": "#E69F00",
    "statement": "#56B4E9",
    "other": "#999999",
}

#: Colours cycled over series that are not event types (claim units).
SERIES_COLORS: tuple[str, ...] = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#000000",
    "#999999",
)


def check_kinds(kinds: str | Iterable[str] | None) -> tuple[str, ...]:
    """The event types asked for, in the order given (all types when ``kinds`` is None)."""
    if kinds is None:
        return EVENT_TYPES
    wanted = (kinds,) if isinstance(kinds, str) else tuple(kinds)
    unknown = [k for k in wanted if k not in EVENT_TYPES]
    if unknown:
        raise ValueError(f"unknown event type(s) {unknown}; expected some of {EVENT_TYPES}")
    return tuple(dict.fromkeys(wanted))


def day_numbers(days: pd.Series | Sequence[Any], tz: str) -> np.ndarray:
    """Matplotlib date numbers of the midnights, in ``tz``, of naive calendar days."""
    naive = pd.to_datetime(pd.Series(days, dtype="datetime64[ns]")).dt.normalize()
    local = naive.dt.tz_localize(
        tz, ambiguous=np.zeros(len(naive), dtype=bool), nonexistent="shift_forward"
    )
    return moment_numbers(local, tz)


def moment_numbers(moments: pd.Series, tz: str) -> np.ndarray:
    """Matplotlib date numbers of tz-aware timestamps (naive ones are read as days in ``tz``)."""
    series = pd.Series(moments)
    if not isinstance(series.dtype, pd.DatetimeTZDtype):
        return day_numbers(series, tz)
    utc = series.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy("datetime64[ns]")
    return np.asarray(mdates.date2num(utc), dtype=float)  # type: ignore[no-untyped-call]


def format_date_axis(ax: Axes, tz: str) -> None:
    """Concise date ticks located and labelled in ``tz`` (always passed: no silent UTC)."""
    zone = pd.Timestamp(0, tz=tz).tzinfo
    ax.xaxis.axis_date(zone)
    locator = mdates.AutoDateLocator(tz=zone)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    formatter = mdates.ConciseDateFormatter(locator, tz=zone)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_formatter(formatter)


def padded_limits(
    lo: float, hi: float, *, frac: float = 0.03, min_days: float = 2.0
) -> tuple[float, float]:
    """``(lo, hi)`` widened by ``frac`` of the range on each side, at least ``min_days``."""
    pad = max((hi - lo) * frac, min_days)
    return lo - pad, hi + pad


def renderer_of(ax: Axes) -> RendererBase:
    """The renderer of the figure holding ``ax`` (to measure text before drawing)."""
    fig = ax.figure
    get = getattr(fig.canvas, "get_renderer", None)
    if callable(get):
        renderer: RendererBase = get()
        return renderer
    return fig._get_renderer()  # type: ignore[union-attr,no-any-return]


def text_of(value: Any, fallback: str) -> str:
    """``value`` as a stripped string, or ``fallback`` when it is NA or blank."""
    if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
        return fallback
    text = " ".join(str(value).split())
    return text or fallback


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with an ellipsis (whole words when possible)."""
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut[width // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-") + "…"
