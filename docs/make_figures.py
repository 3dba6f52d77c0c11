"""Build the README's figures: parse the inputs, then draw their timelines.

Usage::

    python docs/make_figures.py            # docs/timeline_sample.png (+ timeline_dev.png)
    python docs/make_figures.py --reference ../shared/reference/nk_missile_tests.csv

``timeline_sample.png`` is the bundled seed page (``data/``); ``timeline_dev.png`` the
development corpus in ``../shared/eval/dev`` when it is there (skipped otherwise). With
``--reference`` it also draws ``claims_dev.png``: reported counts beside the reference's
cumulative count. The PNGs are committed under ``docs/`` and shown in the README; run this
again when the parser's output changes.
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

from herald_timeline.io import read_table  # noqa: E402
from herald_timeline.plotting import plot_claims, plot_timeline  # noqa: E402


def read(path: Path, table: str) -> pd.DataFrame:
    """A table of ``parse``'s output with its schema dtypes."""
    return read_table(path, table)


def figure(width: float, height: float) -> tuple[Figure, plt.Axes]:
    # the timeline lays its labels out for the Axes size at call time, so the margins are
    # fixed before plotting and the figure is saved without a layout engine
    fig, ax = plt.subplots(figsize=(width, height))
    fig.subplots_adjust(left=0.12, right=0.98, top=0.9, bottom=0.1)
    return fig, ax


ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "koreaherald_2022-11-18_counter-missile-working-group.txt"
DEV = ROOT.parent / "shared" / "eval" / "dev"


def parse_to(out: Path, *args: str) -> Path:
    from herald_timeline.cli import main as cli

    if cli(["parse", *args, "--out", str(out), "--quiet", "--workers", "1"]) != 0:
        raise SystemExit(f"parse failed: {args}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=Path, default=Path(__file__).parent, help="where to save")
    parser.add_argument("--work", type=Path, default=Path("/tmp/herald-figures"))
    parser.add_argument("--tz", default="Asia/Seoul", help="zone of the articles' calendar")
    parser.add_argument("--reference", type=Path, help="CNS launch table for claims_dev.png")
    parser.add_argument("--dpi", type=int, default=150)
    args = parser.parse_args(argv)
    args.docs.mkdir(parents=True, exist_ok=True)

    sample_out = parse_to(args.work / "sample", str(SEED))
    events = read(sample_out / "events.csv", "events")
    title = read(sample_out / "articles.csv", "articles")["title"].iloc[0]
    fig, ax = figure(10, 4.5)
    plot_timeline(events, ax=ax, tz=args.tz, title=str(title), label_width=48)
    fig.savefig(args.docs / "timeline_sample.png", dpi=args.dpi)

    if not (DEV / "docs").is_dir():
        print("no development corpus beside the repo: timeline_dev.png not drawn", file=sys.stderr)
        plt.close("all")
        return 0
    dev_out = parse_to(
        args.work / "dev",
        str(DEV / "docs"),
        str(SEED),
        "--manifest",
        str(DEV / "manifest.csv"),
    )
    dev = read(dev_out / "events.csv", "events")
    fig, ax = figure(13, 7.5)
    title = f"{len(dev)} events from {dev['article_id'].nunique()} articles, 2006-2024"
    plot_timeline(dev, ax=ax, tz=args.tz, title=title)
    fig.savefig(args.docs / "timeline_dev.png", dpi=args.dpi)

    if args.reference is not None:
        from herald_timeline.reference import load_reference, reference_series

        claims = read(dev_out / "claims.csv", "claims")
        unit = "ballistic missile"
        # totals over a period ("this year") are what a year-to-date count can check
        shown = claims[(claims["unit"] == unit) & claims["period_start"].notna()]
        days = pd.concat([shown["period_start"], shown["period_end"]]).dropna()
        start = days.min() if len(days) else None
        series = reference_series(
            load_reference(args.reference), unit=unit, start=start, end=days.max(), reset="year"
        )
        fig, ax = figure(10, 5)
        plot_claims(
            shown,
            reference=series,
            reference_label=f"{unit}s so far that year (reference)",
            ax=ax,
            tz=args.tz,
            title=f"Reported {unit} totals for a period, beside the reference",
        )
        fig.savefig(args.docs / "claims_dev.png", dpi=args.dpi)
    plt.close("all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
