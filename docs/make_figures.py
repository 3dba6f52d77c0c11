"""Build the documentation figures from an output folder of ``herald-timeline parse``.

Usage::

    python docs/make_figures.py OUT_DIR [--docs docs] [--article ID] [--start 2022-01-01]
                                [--end 2022-12-31] [--reference nk_missile_tests.csv]

Reads ``OUT_DIR/events.csv`` (and ``claims.csv`` with ``--reference``) and writes:

- ``timeline_sample.png``: the events of one article (``--article``, default the article
  with the most events);
- ``timeline_dev.png``: the events of every article (between ``--start`` and ``--end``);
- ``claims_dev.png`` (with ``--reference``): reported missile counts beside the cumulative
  count of the reference table.

The PNGs are outputs: do not commit them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from herald_timeline import schema  # noqa: E402
from herald_timeline.plotting import plot_claims, plot_timeline  # noqa: E402


def read(path: Path, table: str) -> pd.DataFrame:
    """A table of ``parse``'s output with its schema dtypes."""
    try:
        from herald_timeline.io import read_table
    except ImportError:  # an older checkout: read the CSV by hand
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
        for column, dtype in schema.TABLES[table].items():
            if column in raw.columns and str(dtype) == "boolean":
                raw[column] = raw[column].map({"true": True, "false": False})
        return schema.frame(table, raw)
    return read_table(path, table)


def between(events: pd.DataFrame, start: str | None, end: str | None) -> pd.DataFrame:
    """Events that overlap the days from ``start`` to ``end`` (inclusive)."""
    keep = pd.Series(True, index=events.index)
    if start:
        keep &= events["end"].fillna(events["start"]) >= pd.Timestamp(start)
    if end:
        keep &= events["start"] <= pd.Timestamp(end)
    return events[keep]


def figure(width: float, height: float) -> tuple[Figure, plt.Axes]:
    # the timeline lays its labels out for the Axes size at call time, so the margins are
    # fixed before plotting and the figure is saved without a layout engine
    fig, ax = plt.subplots(figsize=(width, height))
    fig.subplots_adjust(left=0.12, right=0.98, top=0.9, bottom=0.1)
    return fig, ax


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="output folder of herald-timeline parse")
    parser.add_argument("--docs", type=Path, default=Path(__file__).parent, help="where to save")
    parser.add_argument("--article", help="article_id of the sample (default: most events)")
    parser.add_argument("--start", help="first day of the dev timeline (ISO)")
    parser.add_argument("--end", help="last day of the dev timeline (ISO)")
    parser.add_argument("--tz", default="Asia/Seoul", help="zone of the articles' calendar")
    parser.add_argument("--reference", type=Path, help="CNS launch table for claims_dev.png")
    parser.add_argument("--dpi", type=int, default=150)
    args = parser.parse_args(argv)

    events = read(args.out / "events.csv", "events")
    if events.empty:
        print(f"{args.out / 'events.csv'}: no events", file=sys.stderr)
        return 1
    args.docs.mkdir(parents=True, exist_ok=True)

    article = args.article or events["article_id"].value_counts().index[0]
    sample = events[events["article_id"] == article]
    fig, ax = figure(10, 4.5)
    plot_timeline(sample, ax=ax, tz=args.tz, title=f"Events of article {article}")
    fig.savefig(args.docs / "timeline_sample.png", dpi=args.dpi)

    dev = between(events, args.start, args.end)
    n_articles = dev["article_id"].nunique()
    fig, ax = figure(13, 7.5)
    title = f"{len(dev)} events from {n_articles} articles"
    plot_timeline(dev, ax=ax, tz=args.tz, title=title)
    fig.savefig(args.docs / "timeline_dev.png", dpi=args.dpi)

    if args.reference is not None:
        from herald_timeline.reference import load_reference, reference_series

        claims = read(args.out / "claims.csv", "claims")
        unit = "ballistic missile"
        shown = claims[claims["unit"] == unit]
        days = pd.concat([shown["period_start"], shown["period_end"]]).dropna()
        start = days.min() if len(days) else None
        series = reference_series(
            load_reference(args.reference), unit=unit, start=start, end=days.max()
        )
        fig, ax = figure(10, 5)
        plot_claims(
            shown,
            reference=series,
            reference_label=f"{unit}s (reference)",
            ax=ax,
            tz=args.tz,
            title=f"Reported {unit} counts",
        )
        fig.savefig(args.docs / "claims_dev.png", dpi=args.dpi)
    plt.close("all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
