"""``plot_timeline``: events of every type on one date axis, one lane per type."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import to_rgba
from matplotlib.legend import Legend
from matplotlib.patches import Patch, Rectangle
from matplotlib.text import Annotation

from herald_timeline.chart_common import (
    DEFAULT_TZ,
    TYPE_COLORS,
    check_kinds,
    day_numbers,
    format_date_axis,
    padded_limits,
    renderer_of,
    shorten,
)
from herald_timeline.chart_layout import (
    PERIOD,
    POINT,
    Mark,
    allocate_rows,
    place_labels,
    prepare_marks,
)

#: a label row is this many text heights tall (text, box padding and air)
_ROW = 1.5
#: slack kept in both directions, so a layout engine that shrinks the Axes a little
#: (tight/constrained layout) does not make labels collide
_SLACK = 1.1
#: the most labels measured per lane; more could never fit a readable figure
_MAX_CANDIDATES = 400
_GAP_PT = 4.0  # points between label boxes on one level
_OFFSET_PT = 3.0  # points between a stem and its label text
_SPAN_HALF = 0.22  # half height of a span bar, in rows
_MAX_STRETCH = 2.5  # rows are at most this many times their least height


def plot_timeline(
    events: pd.DataFrame,
    *,
    kinds: str | Iterable[str] | None = None,
    ax: Axes | None = None,
    tz: str = DEFAULT_TZ,
    title: str | None = None,
    labels: bool = True,
    label_width: int = 30,
    legend: bool = True,
    fontsize: float = 8.0,
    **kwargs: Any,
) -> Axes:
    """Draw events on one date axis, one coloured lane per event type, with labels.

    Each event is drawn in its type's lane (colours from ``TYPE_COLORS``):

    - a known day is a dot on that day;
    - a known run of days (day precision, ``end`` after ``start``) is a solid bar;
    - a week/month/quarter/year-precision event is a pale dashed bar over the whole
      period (the event falls somewhere in it);
    - an approximate date is hatched (bars) or hollow (dots) and its label starts with "~".

    Two events of one article named ``"X (start)"`` and ``"X (end)"`` (same type; words in
    ``resources/plotting/span_parts.toml``) are drawn as one bar named ``X`` from the first
    day of the start to the last day of the end. Events reported by several articles with
    the same type, days and name are drawn once.

    Labels are the event names cut to ``label_width`` characters, on a stem above the
    event, staggered on levels so that no two label boxes overlap: the most mentioned and
    most exact events are placed first, each on the lowest free level, and the lanes share
    the rows the Axes height allows. Labels that do not fit are left out (their events are
    still drawn); the lane's tick label then says how many events are unlabelled. The
    layout is computed for the Axes size at call time: size the figure first.

    Parameters
    ----------
    events : DataFrame
        An events table (``schema.EVENTS``): ``type``, ``start``, ``end`` (naive calendar
        days), ``precision``, ``approximate``, ``name``, ``article_id``. NA names,
        precisions and ends are allowed; rows without a start are skipped.
    kinds : str or list of str, optional
        Event types to draw, in lane order from the top; default all types present.
    ax : Axes, optional
        Axes to draw on; default ``plt.gca()``.
    tz : str
        IANA zone of the articles' calendar: days are placed at their midnight in ``tz``
        and the axis is located and formatted in ``tz``.
    title : str, optional
        Axes title.
    labels : bool
        Draw event labels.
    label_width : int
        Longest label, in characters (longer names end with "…").
    legend : bool
        Draw a legend with one entry per type drawn (inside the top of the Axes, in space
        kept free of labels).
    fontsize : float
        Size of labels, legend and lane names.
    **kwargs
        Passed to ``Axes.annotate`` for the labels (e.g. ``color``, ``fontfamily``).

    Returns
    -------
    Axes
        The Axes drawn on (unchanged if no event is left to draw).

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from herald_timeline import schema
    >>> events = schema.frame("events", [
    ...     {"type": "launch", "start": "2022-11-18", "end": "2022-11-18",
    ...      "precision": "day", "name": "ICBM launch"},
    ...     {"type": "meeting", "start": "2022-11-03", "end": "2022-11-03",
    ...      "precision": "day", "name": "54th SCM"}])
    >>> fig, ax = plt.subplots(figsize=(8, 3))
    >>> ax = plot_timeline(events, title="November 2022")
    >>> sorted(t.get_text() for t in ax.get_legend().get_texts())
    ['launch', 'meeting']
    """
    types = check_kinds(kinds)
    marks = prepare_marks(events, types)
    if ax is None:
        ax = plt.gca()
    if not marks:
        return ax
    lanes = [t for t in types if any(m.type == t for m in marks)]
    by_lane = {lane: [m for m in marks if m.type == lane] for lane in lanes}

    starts = {lane: day_numbers([m.start for m in ms], tz) for lane, ms in by_lane.items()}
    stops = {
        lane: day_numbers([m.end + pd.Timedelta(days=1) for m in ms], tz)
        for lane, ms in by_lane.items()
    }
    format_date_axis(ax, tz)
    ax.set_xlim(
        padded_limits(
            min(float(s.min()) for s in starts.values()),
            max(float(s.max()) for s in stops.values()),
        )
    )
    if title:
        ax.set_title(title, loc="left", fontsize=fontsize + 2)

    renderer = renderer_of(ax)
    box = ax.get_window_extent(renderer)
    handle = _draw_legend(ax, lanes, fontsize) if legend else None
    row_px = _ROW * _SLACK * _text_height(ax, renderer, fontsize, kwargs)
    legend_rows = (
        math.ceil(handle.get_window_extent(renderer).height * _SLACK / row_px) if handle else 0
    )
    free_rows = math.floor(box.height / row_px - 0.2) - legend_rows

    notes: dict[str, list[_Label]] = {lane: [] for lane in lanes}
    if labels:
        for lane in lanes:
            # a period's label hangs from its middle: the event is somewhere in it
            period = np.array([m.style == PERIOD for m in by_lane[lane]], dtype=bool)
            anchors = np.where(period, (starts[lane] + stops[lane]) / 2, starts[lane])
            notes[lane] = _layout_lane(ax, by_lane[lane], anchors, label_width, fontsize, kwargs)
    needed = [max((label.level + 1 for label in notes[lane]), default=0) for lane in lanes]
    levels = allocate_rows(needed, free_rows - len(lanes))
    # lanes stack from the top in the order asked for; each is a baseline plus its levels
    base: dict[str, int] = {}
    y = 0
    for lane, n_levels in reversed(list(zip(lanes, levels, strict=True))):
        base[lane] = y
        y += 1 + n_levels
    # few rows would each be stretched very tall: pad half above, half below instead
    spare = max(0.0, (box.height / row_px) / _MAX_STRETCH - (y + 0.2 + legend_rows)) / 2
    ax.set_ylim(-0.6 - spare, y - 0.4 + legend_rows + spare)

    tick_labels = []
    for lane, n_levels in zip(lanes, levels, strict=True):
        kept = _finish_labels(ax, notes[lane], base[lane], n_levels, lane, fontsize, kwargs)
        _draw_marks(ax, by_lane[lane], starts[lane], stops[lane], base[lane], lane)
        hidden = len(by_lane[lane]) - kept
        tick_labels.append(f"{lane}\n({hidden} unlabelled)" if labels and hidden else lane)
    ax.set_yticks([base[lane] for lane in lanes], tick_labels, fontsize=fontsize)
    ax.tick_params(axis="y", length=0)
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    return ax


@dataclass(frozen=True, slots=True)
class _Label:
    text: str
    x: float  # date number of the stem
    level: int  # 0 = just above the lane
    leftwards: bool  # right-aligned, reading leftwards from the stem


def _label_text(mark: Mark, width: int) -> str:
    text = shorten(mark.name, width)
    return f"~ {text}" if mark.approximate else text


def _annotate(ax: Axes, text: str, x: float, fontsize: float, kwargs: dict[str, Any]) -> Annotation:
    options: dict[str, Any] = {
        "xytext": (_OFFSET_PT, 0),
        "textcoords": "offset points",
        "ha": "left",
        "va": "center",
        "fontsize": fontsize,
        "zorder": 4,
        "annotation_clip": False,
        "bbox": {"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.85},
        "gid": "timeline-label",
    }
    return ax.annotate(text, xy=(x, 0), **(options | kwargs))


def _text_height(ax: Axes, renderer: Any, fontsize: float, kwargs: dict[str, Any]) -> float:
    probe = _annotate(ax, "Mg(…)", float(ax.get_xlim()[0]), fontsize, kwargs)
    height = float(probe.get_window_extent(renderer).height)
    probe.remove()
    return height


def _layout_lane(
    ax: Axes,
    marks: list[Mark],
    xs: np.ndarray,
    width: int,
    fontsize: float,
    kwargs: dict[str, Any],
) -> list[_Label]:
    """The lane's labels that fit beside their stems, each on its level (unbounded levels)."""
    renderer = renderer_of(ax)
    box = ax.get_window_extent(renderer)
    dots = ax.figure.dpi / 72.0
    gap, offset = _GAP_PT * dots, _OFFSET_PT * dots
    px = ax.transData.transform(np.column_stack([xs, np.zeros_like(xs)]))[:, 0]
    # one probe measures every text: annotations are made only for the labels kept
    probe = _annotate(ax, "", float(xs[0]), fontsize, kwargs)
    found: list[_Label] = []
    extents: list[tuple[float, float]] = []
    for mark, x, x_px in list(zip(marks, xs, px, strict=True))[:_MAX_CANDIDATES]:
        text = _label_text(mark, width)
        probe.set_text(text)
        wide = float(probe.get_window_extent(renderer).width) * _SLACK
        left, right, leftwards = x_px + offset, x_px + offset + wide, False
        if right > box.x1:  # near the right edge the label reads leftwards from its stem
            left, right, leftwards = x_px - offset - wide, x_px - offset, True
        if left < box.x0:  # wider than the room on either side: no label
            continue
        found.append(_Label(text, float(x), 0, leftwards))
        extents.append((left, right))
    probe.remove()
    levels = place_labels(extents, range(len(extents)), len(extents), gap=gap)
    return [
        _Label(label.text, label.x, level, label.leftwards)
        for label, level in zip(found, levels, strict=True)
        if level is not None
    ]


def _finish_labels(
    ax: Axes,
    labels: list[_Label],
    base: int,
    levels: int,
    lane: str,
    fontsize: float,
    kwargs: dict[str, Any],
) -> int:
    """Draw the lane's labels on their levels, with stems; leave out those above ``levels``."""
    xs, tops = [], []
    for label in labels:
        if label.level >= levels:
            continue
        note = _annotate(ax, label.text, label.x, fontsize, kwargs)
        top = base + 1 + label.level
        note.xy = (label.x, top)
        if label.leftwards:
            note.set_horizontalalignment("right")
            note.xyann = (-_OFFSET_PT, 0)
        xs.append(label.x)
        tops.append(top)
    if xs:
        ax.vlines(
            xs,
            base,
            tops,
            colors=TYPE_COLORS[lane],
            linewidth=0.7,
            alpha=0.6,
            zorder=1,
            gid="timeline-stems",
        )
    return len(xs)


def _draw_marks(
    ax: Axes, marks: list[Mark], x0: np.ndarray, x1: np.ndarray, base: int, lane: str
) -> None:
    color = TYPE_COLORS[lane]
    ax.axhline(base, color=color, linewidth=0.8, alpha=0.3, zorder=0, gid="timeline-lane")
    points = [i for i, m in enumerate(marks) if m.style == POINT]
    if points:
        ax.scatter(
            x0[points],
            np.full(len(points), base),
            s=30,
            facecolors=["white" if marks[i].approximate else color for i in points],
            edgecolors=color,
            linewidths=1.2,
            zorder=3,
            gid="timeline-points",
        )
    for i, mark in enumerate(marks):
        if mark.style == POINT:
            continue
        period = mark.style == PERIOD
        # the vaguer the period, the paler: a year-long bar must not hide the lane
        days = x1[i] - x0[i]
        alpha = 0.85 if not period else 0.3 if days <= 31 else 0.2 if days <= 92 else 0.1
        if mark.approximate:
            alpha = min(alpha, 0.15)
        ax.add_patch(
            Rectangle(
                (x0[i], base - _SPAN_HALF),
                x1[i] - x0[i],
                2 * _SPAN_HALF,
                facecolor=to_rgba(color, alpha),
                edgecolor=to_rgba(color, min(1.0, alpha + 0.4)),
                linestyle="--" if period or mark.approximate else "-",
                linewidth=0.9,
                hatch="////" if mark.approximate else None,
                zorder=2,
                gid="timeline-span",
            )
        )


def _draw_legend(ax: Axes, lanes: list[str], fontsize: float) -> Legend:
    """One entry per lane, in as few rows as fit the Axes width."""
    handles = [Patch(facecolor=TYPE_COLORS[lane], label=lane) for lane in lanes]
    renderer = renderer_of(ax)
    width = ax.get_window_extent(renderer).width
    for ncol in range(len(lanes), 0, -1):
        legend = ax.legend(
            handles=handles,
            loc="upper left",
            ncol=ncol,
            frameon=False,
            fontsize=fontsize,
            handlelength=1.0,
            columnspacing=1.2,
            borderaxespad=0.2,
        )
        if legend.get_window_extent(renderer).width <= width:
            break
    return legend
