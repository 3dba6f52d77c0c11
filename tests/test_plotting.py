"""Charts: assertions on the drawn artists (points, spans, labels, legend, axis), not pixels."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import datetime as dt  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from typing import Any  # noqa: E402
from zoneinfo import ZoneInfo  # noqa: E402

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

from herald_timeline import resources, schema  # noqa: E402
from herald_timeline.chart_layout import (  # noqa: E402
    PERIOD,
    POINT,
    RANGE,
    allocate_rows,
    place_labels,
    prepare_marks,
    span_part,
)
from herald_timeline.plotting import (  # noqa: E402
    TYPE_COLORS,
    plot_claims,
    plot_launch_counts,
    plot_timeline,
)

SEOUL = "Asia/Seoul"


@pytest.fixture(autouse=True)
def close_figs() -> Iterator[None]:
    yield
    plt.close("all")


def event(name: str | None, start: str, end: str | None = None, **more: Any) -> dict[str, Any]:
    row = {
        "event_id": f"a1-e{abs(hash((name, start))) % 1000:03d}",
        "article_id": "a1",
        "type": "meeting",
        "start": start,
        "end": end or start,
        "precision": "day",
        "approximate": False,
        "name": name,
    }
    return row | more


def events(*rows: dict[str, Any]) -> pd.DataFrame:
    return schema.frame("events", list(rows))


def many_events(n: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    rows = []
    for i in range(n):
        day = pd.Timestamp("2022-01-01") + pd.Timedelta(days=int(rng.integers(0, 330)))
        kind = schema.EVENT_TYPES[int(rng.integers(0, len(schema.EVENT_TYPES)))]
        monthly = rng.random() < 0.2
        start = day.replace(day=1) if monthly else day
        end = start + pd.offsets.MonthEnd(0) if monthly else day
        rows.append(
            event(
                f"{kind} number {i} held somewhere with a long name",
                str(start.date()),
                str(end.date()),
                type=kind,
                article_id=f"a{i % 25}",
                precision="month" if monthly else "day",
                approximate=bool(rng.random() < 0.1),
            )
        )
    return events(*rows)


def labels_of(ax: Axes) -> list[Any]:
    return [t for t in ax.texts if t.get_gid() == "timeline-label"]


def spans_of(ax: Axes) -> list[Any]:
    return [p for p in ax.patches if p.get_gid() == "timeline-span"]


def points_of(ax: Axes) -> np.ndarray:
    found = [c.get_offsets() for c in ax.collections if c.get_gid() == "timeline-points"]
    return np.vstack(found) if found else np.empty((0, 2))


def day_of(x: float, tz: str = SEOUL) -> tuple[dt.date, int]:
    moment = mdates.num2date(x, tz=ZoneInfo(tz))
    return moment.date(), moment.hour


def legend_texts(ax: Axes) -> list[str]:
    legend = ax.get_legend()
    return [t.get_text() for t in legend.get_texts()] if legend else []


# --- data preparation -----------------------------------------------------------------

SPAN_EXAMPLES = resources.toml("plotting/span_parts.toml")["examples"]


@pytest.mark.parametrize(("name", "stem", "part"), SPAN_EXAMPLES, ids=[e[0] for e in SPAN_EXAMPLES])
def test_span_part_examples(name: str, stem: str, part: str) -> None:
    assert span_part(name) == ((stem, part) if stem else None)


def test_start_and_end_of_one_article_are_joined_into_one_span() -> None:
    frame = events(
        event("Vigilant Storm (start)", "2022-10-31", type="exercise"),
        event("Vigilant Storm (end)", "2022-11-05", type="exercise"),
        event("Vigilant Storm (end)", "2022-11-04", type="exercise", article_id="a2"),
    )
    marks = prepare_marks(frame, schema.EVENT_TYPES)
    joined = [m for m in marks if m.name == "Vigilant Storm"]
    assert len(joined) == 1
    assert (joined[0].start, joined[0].end, joined[0].style) == (
        pd.Timestamp("2022-10-31"),
        pd.Timestamp("2022-11-05"),
        RANGE,
    )
    # the other article's lone end part is not joined to it
    assert [m.name for m in marks if m.name != "Vigilant Storm"] == ["Vigilant Storm (end)"]


def test_end_before_start_is_not_joined() -> None:
    frame = events(event("Drill (start)", "2022-10-31"), event("Drill (end)", "2022-10-01"))
    assert sorted(m.name for m in prepare_marks(frame, schema.EVENT_TYPES)) == [
        "Drill (end)",
        "Drill (start)",
    ]


def test_marks_deduplicate_mentions_and_survive_missing_values() -> None:
    frame = events(
        event("54th SCM", "2022-11-03", article_id="a1"),
        event("54th scm", "2022-11-03", article_id="a2", approximate=True),
        event(None, "2022-08-01", "2022-08-31", precision="month", type="launch"),
        event("no date", "2022-01-01") | {"start": None},
        event("no precision", "2022-05-02", "2022-05-04", precision=None, approximate=None),
    )
    marks = prepare_marks(frame, schema.EVENT_TYPES)
    assert [(m.name, m.mentions, m.style, m.approximate) for m in marks] == [
        ("54th SCM", 2, POINT, False),
        ("no precision", 1, RANGE, False),
        ("launch", 1, PERIOD, False),
    ]


@pytest.mark.parametrize(
    ("extents", "levels", "expected"),
    [
        ([(0, 10), (20, 30)], 3, [0, 0]),
        ([(0, 10), (5, 15), (8, 20)], 3, [0, 1, 2]),
        ([(0, 10), (5, 15), (8, 20)], 2, [0, 1, None]),
        ([(0, 10), (10.5, 20)], 2, [0, 1]),  # closer than the gap
    ],
    ids=["apart", "stacked", "capped", "gap"],
)
def test_place_labels(
    extents: list[tuple[float, float]], levels: int, expected: list[int | None]
) -> None:
    assert place_labels(extents, range(len(extents)), levels, gap=1.0) == expected


def test_place_labels_takes_the_most_important_first() -> None:
    assert place_labels([(0, 10), (5, 15)], [1, 0], 1) == [None, 0]


@pytest.mark.parametrize(
    ("needed", "available", "expected"),
    [([2, 3], 10, [2, 3]), ([5, 1, 5], 7, [3, 1, 3]), ([5, 5], 5, [3, 2]), ([4], -2, [0])],
    ids=["fits", "capped", "spare-to-first", "none"],
)
def test_allocate_rows(needed: list[int], available: int, expected: list[int]) -> None:
    assert allocate_rows(needed, available) == expected


# --- plot_timeline --------------------------------------------------------------------


def test_empty_frame_returns_ax_with_nothing_drawn() -> None:
    fig, ax = plt.subplots()
    assert plot_timeline(schema.empty("events"), ax=ax) is ax
    assert not (ax.texts or ax.collections or ax.patches or ax.lines or ax.get_legend())


def test_ax_none_draws_on_current_axes() -> None:
    fig, ax = plt.subplots()
    assert plot_timeline(events(event("54th SCM", "2022-11-03"))) is ax
    assert len(points_of(ax)) == 1


def test_meetings_and_launches_on_one_axis_with_a_legend_per_type() -> None:
    fig, ax = plt.subplots(figsize=(8, 3))
    frame = events(
        event("54th SCM", "2022-11-03"),
        event("ICBM launch", "2022-11-18", type="launch"),
        event("SRBM launch", "2022-11-17", type="launch"),
    )
    plot_timeline(frame, ax=ax, title="Nov 2022")
    assert legend_texts(ax) == ["meeting", "launch"]
    assert sorted(t.get_text() for t in labels_of(ax)) == ["54th SCM", "ICBM launch", "SRBM launch"]
    assert len(points_of(ax)) == 3
    colors = [c.get_edgecolors()[0] for c in ax.collections if c.get_gid() == "timeline-points"]
    assert [matplotlib.colors.to_hex(c) for c in colors] == [
        TYPE_COLORS["meeting"].lower(),
        TYPE_COLORS["launch"].lower(),
    ]
    assert ax.get_title(loc="left") == "Nov 2022"


def test_kinds_filters_and_orders_lanes() -> None:
    fig, ax = plt.subplots()
    frame = events(
        event("54th SCM", "2022-11-03"),
        event("ICBM launch", "2022-11-18", type="launch"),
        event("Statement", "2022-11-19", type="statement"),
    )
    plot_timeline(frame, kinds=["statement", "launch"], ax=ax)
    assert legend_texts(ax) == ["statement", "launch"]
    assert sorted(t.get_text() for t in labels_of(ax)) == ["ICBM launch", "Statement"]
    # the first kind is the top lane
    assert [t.get_text() for t in ax.get_yticklabels()] == ["statement", "launch"]
    assert ax.get_yticks()[0] > ax.get_yticks()[1]


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown event type"):
        plot_timeline(events(event("x", "2022-11-03")), kinds=["meetings"])


@pytest.mark.parametrize("tz", [SEOUL, "America/New_York", "UTC"])
def test_days_are_not_shifted_by_the_zone(tz: str) -> None:
    fig, ax = plt.subplots()
    frame = events(
        event("54th SCM", "2022-11-03"),
        event("August", "2022-08-01", "2022-08-31", precision="month", type="launch"),
    )
    plot_timeline(frame, ax=ax, tz=tz)
    assert day_of(points_of(ax)[0][0], tz) == (dt.date(2022, 11, 3), 0)
    (span,) = spans_of(ax)
    assert day_of(span.get_x(), tz) == (dt.date(2022, 8, 1), 0)
    assert day_of(span.get_x() + span.get_width(), tz) == (dt.date(2022, 9, 1), 0)
    lo, hi = ax.get_xlim()
    assert day_of(lo, tz)[0] < dt.date(2022, 8, 1)
    assert day_of(hi, tz)[0] > dt.date(2022, 11, 3)
    formatter = ax.xaxis.get_major_formatter()
    assert isinstance(formatter, mdates.ConciseDateFormatter)
    assert str(formatter._tz) == tz


def test_precision_and_approximation_are_visible() -> None:
    fig, ax = plt.subplots()
    frame = events(
        event("in August", "2022-08-01", "2022-08-31", precision="month"),
        event("Vigilant Storm", "2022-10-31", "2022-11-04", type="exercise"),
        event("around Nov 10", "2022-11-10", approximate=True),
    )
    plot_timeline(frame, ax=ax)
    spans = {round(p.get_width()): p for p in spans_of(ax)}
    assert sorted(spans) == [5, 31]
    month, drill = spans[31], spans[5]
    assert month.get_linestyle() == "--" and month.get_facecolor()[3] < 0.5
    assert drill.get_linestyle() == "-" and drill.get_facecolor()[3] > 0.5
    (points,) = [c for c in ax.collections if c.get_gid() == "timeline-points"]
    assert tuple(points.get_facecolors()[0]) == (1.0, 1.0, 1.0, 1.0)  # hollow
    assert "~ around Nov 10" in [t.get_text() for t in labels_of(ax)]


def test_joined_exercise_is_one_labelled_span() -> None:
    fig, ax = plt.subplots()
    frame = events(
        event("Vigilant Storm (start)", "2022-10-31", type="exercise"),
        event("Vigilant Storm (end)", "2022-11-04", type="exercise"),
    )
    plot_timeline(frame, ax=ax)
    (span,) = spans_of(ax)
    assert round(span.get_width()) == 5
    assert [t.get_text() for t in labels_of(ax)] == ["Vigilant Storm"]


def test_long_names_are_shortened() -> None:
    fig, ax = plt.subplots()
    name = "Trilateral meeting of the defense chiefs of South Korea, Japan and the United States"
    plot_timeline(events(event(name, "2022-11-03")), ax=ax, label_width=30)
    (label,) = labels_of(ax)
    assert label.get_text().endswith("…") and len(label.get_text()) <= 30


def _boxes(ax: Axes) -> list[Any]:
    renderer = ax.get_figure().canvas.get_renderer()
    return [t.get_window_extent(renderer) for t in labels_of(ax)]


@pytest.mark.parametrize(
    ("n", "figsize", "kinds", "at_least"),
    [
        (30, (10, 6), None, 12),
        (500, (10, 6), None, 20),
        (500, (6, 3), ["launch", "meeting"], 5),
    ],
    ids=["30", "500", "500-small"],
)
def test_labels_do_not_overlap_and_stay_inside(
    n: int, figsize: tuple[float, float], kinds: list[str] | None, at_least: int
) -> None:
    fig, ax = plt.subplots(figsize=figsize)
    frame = many_events(n)
    plot_timeline(frame, ax=ax, kinds=kinds)
    fig.canvas.draw()
    boxes = _boxes(ax)
    assert len(boxes) >= at_least
    for i, a in enumerate(boxes):
        assert not any(a.overlaps(b) for b in boxes[i + 1 :]), a
    frame_box = ax.get_window_extent()
    assert all(frame_box.x0 <= b.x0 and b.x1 <= frame_box.x1 for b in boxes)
    assert all(frame_box.y0 <= b.y0 and b.y1 <= frame_box.y1 for b in boxes)
    legend_box = ax.get_legend().get_window_extent()
    assert not any(legend_box.overlaps(b) for b in boxes)
    # every event is drawn, labelled or not
    wanted = kinds or schema.EVENT_TYPES
    assert len(points_of(ax)) + len(spans_of(ax)) == len(prepare_marks(frame, wanted))


def test_unlabelled_events_are_counted_on_the_lane() -> None:
    fig, ax = plt.subplots(figsize=(6, 3))
    plot_timeline(many_events(200), kinds="launch", ax=ax)
    (tick,) = ax.get_yticklabels()
    assert tick.get_text().startswith("launch\n(") and tick.get_text().endswith("unlabelled)")


def test_no_labels_and_no_legend_when_asked() -> None:
    fig, ax = plt.subplots()
    plot_timeline(many_events(10), ax=ax, labels=False, legend=False)
    assert not labels_of(ax) and ax.get_legend() is None


def test_kwargs_go_to_annotate_and_global_style_is_untouched() -> None:
    before = dict(matplotlib.rcParams)
    fig, ax = plt.subplots()
    plot_timeline(events(event("54th SCM", "2022-11-03")), ax=ax, color="purple")
    (label,) = labels_of(ax)
    assert label.get_color() == "purple"
    assert dict(matplotlib.rcParams) == before


def test_type_colors_cover_every_type() -> None:
    assert set(TYPE_COLORS) == set(schema.EVENT_TYPES)
    assert len(set(TYPE_COLORS.values())) == len(TYPE_COLORS)


# --- plot_claims ----------------------------------------------------------------------


def claim(value: float, bound: str = "exact", **more: Any) -> dict[str, Any]:
    row = {
        "claim_id": "a1-c000",
        "value": value,
        "bound": bound,
        "unit": "ballistic missile",
        "published": "2022-11-18T17:58+09:00",
    }
    return row | more


def claims(*rows: dict[str, Any]) -> pd.DataFrame:
    return schema.frame("claims", list(rows))


def by_gid(ax: Axes, gid: str) -> list[Any]:
    return [c for c in ax.collections if c.get_gid() == gid]


def test_claim_bounds_have_their_markers() -> None:
    fig, ax = plt.subplots()
    frame = claims(
        claim(60, "more_than", lower=60),
        claim(8, "exact", unit="ICBM"),
        claim(30, "at_most", upper=30, published="2022-10-01T09:00+09:00"),
        claim(25, "range", lower=20, upper=30, published="2022-09-01T09:00+09:00"),
        claim(70, "about", published="2022-12-01T09:00+09:00"),
    )
    plot_claims(frame, ax=ax)
    (lower,) = by_gid(ax, "claims-more_than")
    assert lower.get_offsets()[0][1] == 60
    assert by_gid(ax, "claims-at_most") and by_gid(ax, "claims-exact")
    (about,) = by_gid(ax, "claims-about")
    assert about.get_facecolors().size == 0 or about.get_facecolors()[0][3] == 0  # hollow
    # the range's error bar runs from lower to upper
    bars = [c for c in ax.collections if c.get_gid() is None and len(c.get_segments())]
    (segment,) = bars[0].get_segments()
    assert sorted(segment[:, 1]) == [20, 30]
    texts = legend_texts(ax)
    assert texts[:2] == ["ballistic missile", "ICBM"]
    assert "at least / more than" in texts and "range" in texts


def test_claim_x_is_the_publication_day_in_the_zone_or_the_period_end() -> None:
    fig, ax = plt.subplots()
    frame = claims(
        claim(60, "more_than", published="2022-11-18T00:30+09:00"),  # 11-17 in UTC
        claim(8, published=None, period_end="2022-11-20"),
    )
    plot_claims(frame, ax=ax)
    (late,) = by_gid(ax, "claims-more_than")
    assert day_of(late.get_offsets()[0][0]) == (dt.date(2022, 11, 18), 0)
    (exact,) = by_gid(ax, "claims-exact")
    assert day_of(exact.get_offsets()[0][0]) == (dt.date(2022, 11, 20), 0)


def test_claims_unit_filter_and_empty() -> None:
    fig, ax = plt.subplots()
    frame = claims(claim(60, "more_than"), claim(8, unit="ICBM"))
    plot_claims(frame, unit="ICBM", ax=ax)
    assert legend_texts(ax)[0] == "ICBM" and not by_gid(ax, "claims-more_than")
    fig, ax = plt.subplots()
    assert plot_claims(schema.empty("claims"), ax=ax) is ax
    assert not (ax.collections or ax.lines or ax.get_legend())


@pytest.mark.parametrize("shape", ["series", "frame"])
def test_claims_beside_a_reference(shape: str) -> None:
    days = pd.to_datetime(["2022-01-01", "2022-06-01", "2022-11-01"])
    counts = [2, 30, 61]
    reference: pd.Series | pd.DataFrame = (
        pd.Series(counts, index=days, dtype="Int64")
        if shape == "series"
        else pd.DataFrame({"note": ["a", "b", "c"], "date": days, "count": counts})
    )
    fig, ax = plt.subplots()
    plot_claims(claims(claim(60, "more_than")), reference=reference, ax=ax, reference_label="CNS")
    (line,) = [ln for ln in ax.lines if ln.get_gid() == "claims-reference"]
    assert list(line.get_ydata()) == counts
    assert day_of(line.get_xdata()[0]) == (dt.date(2022, 1, 1), 0)
    assert "CNS" in legend_texts(ax)


def test_reference_without_columns_is_refused() -> None:
    with pytest.raises(ValueError, match="datetime column"):
        plot_claims(claims(claim(1)), reference=pd.DataFrame({"count": [1]}))


# --- plot_launch_counts ---------------------------------------------------------------


def test_launch_counts_per_month_count_each_launch_once() -> None:
    fig, ax = plt.subplots()
    frame = events(
        event("ICBM", "2022-11-18", type="launch"),
        event("ICBM", "2022-11-18", type="launch", article_id="a2"),  # same launch
        event("SRBM", "2022-11-02", type="launch"),
        event("SRBM", "2022-09-25", type="launch"),
        event("this year", "2022-01-01", "2022-12-31", type="launch", precision="year"),
        event("SCM", "2022-11-03"),
    )
    plot_launch_counts(frame, ax=ax)
    bars = [p for p in ax.patches if p.get_gid() == "launch-counts"]
    assert [b.get_height() for b in bars] == [1.0, 0.0, 2.0]
    assert day_of(bars[0].get_x()) == (dt.date(2022, 9, 1), 0)


@pytest.mark.parametrize(("freq", "n_bars"), [("W", 3), ("Y", 1)])
def test_launch_counts_other_periods(freq: str, n_bars: int) -> None:
    fig, ax = plt.subplots()
    frame = events(
        event("a", "2022-11-01", type="launch"),  # Tuesday
        event("b", "2022-11-06", type="launch"),  # Sunday, same week
        event("c", "2022-11-14", type="launch"),
    )
    plot_launch_counts(frame, freq=freq, ax=ax)
    assert len(ax.patches) == n_bars


def test_launch_counts_empty_and_bad_freq() -> None:
    fig, ax = plt.subplots()
    assert plot_launch_counts(events(event("SCM", "2022-11-03")), ax=ax) is ax
    assert not ax.patches
    with pytest.raises(ValueError, match="freq"):
        plot_launch_counts(events(), freq="D")
