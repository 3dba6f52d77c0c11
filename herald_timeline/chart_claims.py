"""``plot_claims`` (reported counts over time) and ``plot_launch_counts`` (launches per period)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from herald_timeline.chart_common import (
    DEFAULT_TZ,
    SERIES_COLORS,
    TYPE_COLORS,
    day_numbers,
    format_date_axis,
    moment_numbers,
    padded_limits,
)

#: marker per kind of bound: a caret up is a lower bound ("more than 60"), down an upper one
BOUND_MARKERS: dict[str, tuple[str, str]] = {
    "exact": ("o", "exact"),
    "about": ("D", "about"),
    "at_least": ("^", "at least / more than"),
    "more_than": ("^", "at least / more than"),
    "at_most": ("v", "at most / less than"),
    "less_than": ("v", "at most / less than"),
    "range": ("s", "range"),
}

_PERIODS = {"W": "W", "M": "M", "Y": "Y"}


def _claim_x(claims: pd.DataFrame, tz: str) -> np.ndarray:
    """Publication moment, or the last day of the counted period when it is missing."""
    published = moment_numbers(pd.Series(claims["published"]), tz)
    period_end = day_numbers(pd.Series(claims["period_end"]), tz)
    return np.where(np.isnan(published), period_end, published)


def _reference_series(
    reference: pd.DataFrame | pd.Series, tz: str
) -> tuple[np.ndarray, np.ndarray]:
    """x (date numbers) and y of a reference: a Series indexed by date, or a frame with a
    datetime column (``date`` if several) and a numeric column (``count`` if several)."""
    if isinstance(reference, pd.Series):
        dates, counts = pd.Series(reference.index), pd.Series(reference.to_numpy())
    else:
        dated = [c for c in reference.columns if pd.api.types.is_datetime64_any_dtype(reference[c])]
        numeric = [
            c
            for c in reference.columns
            if pd.api.types.is_numeric_dtype(reference[c]) and c not in dated
        ]
        if not dated or not numeric:
            raise ValueError("reference needs a datetime column and a numeric count column")
        date_col = "date" if "date" in dated else dated[0]
        count_col = "count" if "count" in numeric else numeric[0]
        dates, counts = reference[date_col], reference[count_col]
    dates = pd.to_datetime(dates.reset_index(drop=True))
    order = np.argsort(dates.to_numpy(), kind="stable")
    x = moment_numbers(dates, tz)[order]
    y = pd.to_numeric(counts.reset_index(drop=True), errors="coerce").to_numpy(float)[order]
    return x, y


def plot_claims(
    claims: pd.DataFrame,
    *,
    unit: str | Iterable[str] | None = None,
    reference: pd.DataFrame | pd.Series | None = None,
    reference_label: str = "reference",
    ax: Axes | None = None,
    tz: str = DEFAULT_TZ,
    title: str | None = None,
    legend: bool = True,
    **kwargs: Any,
) -> Axes:
    """Draw reported counts against publication date, one colour per unit, bounds visible.

    x is the publication moment in ``tz`` (the last day of the counted period when
    ``published`` is missing); y is the stated ``value``. The marker says what kind of
    number it is: a dot is exact, a hollow diamond "about", a caret up a lower bound
    ("more than 60", "at least 60"), a caret down an upper bound ("at most", "less than"),
    and a range is a square at ``value`` with an error bar from ``lower`` to ``upper``.

    Parameters
    ----------
    claims : DataFrame
        A claims table (``schema.CLAIMS``): ``value``, ``lower``, ``upper``, ``bound``,
        ``unit``, ``published``, ``period_end``.
    unit : str or list of str, optional
        Units to draw (e.g. ``"ballistic missile"``); default all.
    reference : DataFrame or Series, optional
        A reference count drawn as a step line, e.g. cumulative launches from a reference
        table: a Series indexed by date, or a DataFrame with a datetime column (``date`` if
        several) and a numeric column (``count`` if several). Naive dates are days in ``tz``.
    reference_label : str
        Legend entry of the reference line.
    ax : Axes, optional
        Axes to draw on; default ``plt.gca()``.
    tz : str
        IANA zone the date axis is located and formatted in.
    title : str, optional
        Axes title.
    legend : bool
        Draw a legend of units, marker kinds and the reference.
    **kwargs
        Passed to ``Axes.scatter`` for the markers (ranges' bars use ``Axes.errorbar``).

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from herald_timeline import schema
    >>> claims = schema.frame("claims", [
    ...     {"value": 60, "lower": 60, "bound": "more_than", "unit": "ballistic missile",
    ...      "published": "2022-11-18T17:58+09:00"}])
    >>> fig, ax = plt.subplots()
    >>> ax = plot_claims(claims)
    >>> len(ax.collections)
    1
    """
    if ax is None:
        ax = plt.gca()
    frame = claims[claims["value"].notna()]
    if unit is not None:
        units = [unit] if isinstance(unit, str) else list(unit)
        frame = frame[frame["unit"].isin(units)]
    x_all = _claim_x(frame, tz) if len(frame) else np.array([])
    keep = ~np.isnan(x_all)
    frame, x_all = frame[keep], x_all[keep]
    if not len(frame) and reference is None:
        return ax
    format_date_axis(ax, tz)
    present = frame["unit"].astype("string").fillna("(no unit)")
    order = present.value_counts(sort=True).index.tolist()
    colors = {u: SERIES_COLORS[i % len(SERIES_COLORS)] for i, u in enumerate(order)}
    bounds = frame["bound"].astype("string").fillna("exact")
    values = frame["value"].to_numpy(float, na_value=np.nan)
    styles_used: dict[str, str] = {}
    for u in order:
        for bound, (marker, meaning) in BOUND_MARKERS.items():
            sel = ((present == u) & (bounds == bound)).to_numpy()
            if not sel.any():
                continue
            styles_used[meaning] = marker
            hollow = bound == "about"
            options: dict[str, Any] = {
                "marker": marker,
                "s": 40,
                "facecolors": "none" if hollow else colors[u],
                "edgecolors": colors[u],
                "zorder": 3,
                "gid": f"claims-{bound}",
            }
            ax.scatter(x_all[sel], values[sel], **(options | kwargs))
            if bound == "range":
                lower = frame["lower"].to_numpy(float, na_value=np.nan)[sel]
                upper = frame["upper"].to_numpy(float, na_value=np.nan)[sel]
                err = np.vstack(
                    [
                        np.nan_to_num(values[sel] - lower, nan=0.0),
                        np.nan_to_num(upper - values[sel], nan=0.0),
                    ]
                )
                ax.errorbar(
                    x_all[sel], values[sel], yerr=err, fmt="none", ecolor=colors[u], capsize=3
                )
    xs = list(x_all)
    handles: list[Any] = [
        Line2D([], [], color=colors[u], marker="o", linestyle="none", label=u) for u in order
    ]
    handles += [
        Line2D(
            [],
            [],
            color="0.35",
            marker=m,
            markerfacecolor="none" if meaning == "about" else "0.35",
            linestyle="none",
            label=meaning,
        )
        for meaning, m in styles_used.items()
    ]
    if reference is not None:
        rx, ry = _reference_series(reference, tz)
        if len(rx):
            (line,) = ax.step(
                rx,
                ry,
                where="post",
                color="0.4",
                linewidth=1.2,
                label=reference_label,
                gid="claims-reference",
            )
            handles.append(line)
            xs += [float(rx.min()), float(rx.max())]
    if xs:
        ax.set_xlim(padded_limits(min(xs), max(xs)))
    ax.set_ylim(bottom=0)
    ax.set_ylabel("reported count")
    if title:
        ax.set_title(title, loc="left")
    if legend and handles:
        ax.legend(handles=handles, loc="upper left", fontsize="small", frameon=False)
    return ax


def plot_launch_counts(
    events: pd.DataFrame,
    *,
    freq: str = "M",
    ax: Axes | None = None,
    tz: str = DEFAULT_TZ,
    title: str | None = None,
    **kwargs: Any,
) -> Axes:
    """Draw the number of launch days per week, month or year as bars.

    Launch events (``type == "launch"``) reported by several articles are counted once:
    a launch is a distinct ``(start, end)`` pair of days, and it counts in the period that
    holds all of its days (a launch dated only "this year" is not counted per month).
    Periods without launches between the first and the last are drawn as zero.

    Parameters
    ----------
    events : DataFrame
        An events table (``schema.EVENTS``).
    freq : {"W", "M", "Y"}
        Bar period: week (Monday to Sunday), month or year.
    ax : Axes, optional
        Axes to draw on; default ``plt.gca()``.
    tz : str
        IANA zone of the articles' calendar (periods start at midnight in ``tz``).
    title : str, optional
        Axes title.
    **kwargs
        Passed to ``Axes.bar``.

    Returns
    -------
    Axes

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from herald_timeline import schema
    >>> events = schema.frame("events", [
    ...     {"type": "launch", "start": "2022-11-18", "end": "2022-11-18"},
    ...     {"type": "launch", "start": "2022-11-03", "end": "2022-11-03"}])
    >>> fig, ax = plt.subplots()
    >>> [float(p.get_height()) for p in plot_launch_counts(events).patches]
    [2.0]
    """
    if freq not in _PERIODS:
        raise ValueError(f"freq must be one of {sorted(_PERIODS)}, not {freq!r}")
    if ax is None:
        ax = plt.gca()
    launches = events.loc[events["type"] == "launch", ["start", "end"]].dropna(subset=["start"])
    launches = launches.assign(end=launches["end"].fillna(launches["start"])).drop_duplicates()
    if not len(launches):
        return ax
    period = _PERIODS[freq] if freq != "W" else "W-SUN"
    first = pd.to_datetime(launches["start"]).dt.to_period(period)
    last = pd.to_datetime(launches["end"]).dt.to_period(period)
    counted = first[first == last]
    if not len(counted):
        return ax
    counts = counted.value_counts()
    periods = pd.period_range(counts.index.min(), counts.index.max(), freq=period)
    heights = counts.reindex(periods, fill_value=0).to_numpy(float)
    left = day_numbers(pd.Series(periods.start_time), tz)
    right = day_numbers(pd.Series(periods.end_time.normalize() + pd.Timedelta(days=1)), tz)
    format_date_axis(ax, tz)
    options: dict[str, Any] = {
        "color": TYPE_COLORS["launch"],
        "align": "edge",
        "gid": "launch-counts",
    }
    ax.bar(left, heights, width=(right - left) * 0.85, **(options | kwargs))
    ax.set_xlim(padded_limits(float(left.min()), float(right.max()), min_days=1))
    ax.set_ylabel(f"launch days per {dict(W='week', M='month', Y='year')[freq]}")
    if title:
        ax.set_title(title, loc="left")
    return ax
