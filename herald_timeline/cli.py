"""Command line: ``herald-timeline parse|plot|check``. Only I/O around the library.

Exit codes: 0 success; 1 nothing extracted (every document failed, or no input); 2 usage
error (bad option, missing file or folder).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from herald_timeline import __version__, schema
from herald_timeline.article import article_id_for
from herald_timeline.io import read_table, write_table
from herald_timeline.parsing import DocResult, Job, iter_results, make_jobs
from herald_timeline.timeline import merge_events

log = logging.getLogger("herald_timeline")

TABLE_FILES = ("articles", "events", "claims", "timexes")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="herald-timeline",
        description="Dated events and numeric claims from defense news, as CSV tables.",
        epilog="Exit codes: 0 ok, 1 nothing extracted, 2 usage error.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    parse = commands.add_parser(
        "parse", help="parse documents into articles/events/claims/timexes CSV"
    )
    parse.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="files, folders (recursive) or - for stdin"
    )
    parse.add_argument("--out", "-o", required=True, metavar="DIR", help="folder for the tables")
    source = parse.add_argument_group("input")
    source.add_argument(
        "--manifest", metavar="CSV", help="file,published,updated,url,outlet,title,author"
    )
    source.add_argument("--format", choices=("auto", "page", "html", "plain"), default="auto")
    source.add_argument(
        "--published", metavar="ISO", help="publication time for documents that lack one"
    )
    run = parse.add_argument_group("run")
    run.add_argument(
        "--workers", type=int, default=1, metavar="N", help="worker processes (0: all cores)"
    )
    run.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    run.add_argument("--out-format", choices=("csv", "parquet"), default="csv")
    run.add_argument(
        "--resume", action="store_true", help="skip documents already in DIR/articles.csv"
    )
    run.add_argument(
        "--no-timeline", action="store_true", help="do not write the merged timeline.csv"
    )

    plot = commands.add_parser(
        "plot", help="draw the timeline (or claims, launch counts) of a parse output"
    )
    plot.add_argument(
        "table", metavar="OUT_DIR_or_CSV", help="a parse output folder or its events.csv/claims.csv"
    )
    plot.add_argument(
        "--output", "-o", required=True, metavar="FILE", help="image file: .png, .svg or .pdf"
    )
    plot.add_argument("--chart", choices=("timeline", "claims", "launches"), default="timeline")
    plot.add_argument(
        "--kinds", metavar="TYPES", help="event types, comma-separated (default: all)"
    )
    plot.add_argument("--start", metavar="DATE", help="first day shown (YYYY-MM-DD)")
    plot.add_argument("--end", metavar="DATE", help="last day shown (YYYY-MM-DD)")
    plot.add_argument("--title", help="chart title")
    plot.add_argument(
        "--size", default="12,6", metavar="W,H", help="figure size in inches (default 12,6)"
    )
    plot.add_argument("--tz", default=schema.HOME_TZ, help="zone whose calendar the axis shows")
    plot.add_argument("--dpi", type=int, default=150)

    check = commands.add_parser(
        "check", help="check claims of a parse output against a launch table"
    )
    check.add_argument("out_dir", metavar="OUT_DIR", help="a parse output folder (claims.csv)")
    check.add_argument(
        "--reference", required=True, metavar="FILE", help="CNS-layout launch table (.csv/.xlsx)"
    )
    check.add_argument("--output", "-o", metavar="CSV", help="default: OUT_DIR/claims_checked.csv")
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def _stdin_job(args: argparse.Namespace) -> Job:
    return Job(sys.stdin.buffer.read(), "-", {}, args.format, args.published)


def _check_inputs(parser: argparse.ArgumentParser, inputs: Sequence[str]) -> None:
    for item in inputs:
        if item != "-" and not os.path.exists(item):
            parser.error(f"no such file or folder: {item}")


def cmd_parse(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    _check_inputs(parser, args.inputs)
    paths = [item for item in args.inputs if item != "-"]
    try:
        jobs = make_jobs(
            paths, manifest=args.manifest, format=args.format, published=args.published
        )
    except (OSError, ValueError) as exc:
        parser.error(f"--manifest: {exc}")
    if "-" in args.inputs:
        jobs.insert(args.inputs.index("-"), _stdin_job(args))
    out = Path(args.out)
    suffix = ".parquet" if args.out_format == "parquet" else ".csv"
    done = _done_ids(out / "articles.csv") if args.resume else set()
    if done:
        jobs = [job for job in jobs if job_id(job) not in done]
    if not jobs:
        print(
            "herald-timeline: no input documents" + (" left to parse" if done else ""),
            file=sys.stderr,
        )
        return 0 if done else 1
    if args.resume and suffix == ".parquet":
        parser.error("--resume works with --out-format csv")
    out.mkdir(parents=True, exist_ok=True)
    workers = None if args.workers == 0 else args.workers
    counts = {"ok": 0, "error": 0, "events": 0, "claims": 0, "timexes": 0}
    results = iter_results(jobs, workers=workers)
    if not args.quiet:
        from tqdm import tqdm

        results = tqdm(results, total=len(jobs), unit="doc", disable=None, file=sys.stderr)
    batch: list[DocResult] = []
    first = not done
    for result in results:
        counts[str(result.article.get("status", "ok"))] += 1
        if result.article.get("status") == "error":
            print(
                f"herald-timeline: {result.article['source']}: {result.article['error']}",
                file=sys.stderr,
            )
        batch.append(result)
        if len(batch) >= 500 and suffix == ".csv":  # stream: memory stays flat
            _write_batch(batch, out, suffix, first, counts)
            batch, first = [], False
    _write_batch(batch, out, suffix, first, counts)
    if suffix == ".csv" and not args.no_timeline:
        events = read_table(out / "events.csv", "events")
        write_table(merge_events(events), out / "timeline.csv", "timeline")
    if not args.quiet:
        print(
            f"herald-timeline: {counts['ok']} ok, {counts['error']} errors; "
            f"{counts['events']} events, {counts['claims']} claims, {counts['timexes']} timexes "
            f"-> {out}{os.sep}",
            file=sys.stderr,
        )
    return 0 if counts["ok"] else 1


def job_id(job: Job) -> str:
    """The article_id a job's document gets (also for documents that fail)."""
    data = job.source if isinstance(job.source, bytes) else _read_bytes(job.source)
    return article_id_for(data, job.name, job.overrides)


def _read_bytes(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError:
        return path.encode("utf-8")


def _done_ids(path: Path) -> set[str]:
    if not path.exists() or path.stat().st_size == 0:
        return set()
    return set(read_table(path, "articles")["article_id"].dropna().tolist())


def cmd_plot(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from herald_timeline.plotting import plot_claims, plot_launch_counts, plot_timeline

    source = Path(args.table)
    name = "claims" if args.chart == "claims" else "events"
    path = source / f"{name}.csv" if source.is_dir() else source
    if not path.exists():
        parser.error(f"no such file: {path}")
    try:
        width, height = (float(v) for v in args.size.split(","))
    except ValueError:
        parser.error("--size takes W,H in inches, e.g. 12,6")
    table = read_table(path, name)
    table = _date_window(
        table, args.start, args.end, "start" if name == "events" else "period_end", parser
    )
    fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
    if args.chart == "timeline":
        kinds = [k.strip() for k in args.kinds.split(",")] if args.kinds else None
        plot_timeline(table, kinds=kinds, ax=ax, tz=args.tz, title=args.title)
    elif args.chart == "launches":
        plot_launch_counts(table, ax=ax, tz=args.tz, title=args.title)
    else:
        plot_claims(table, ax=ax, tz=args.tz, title=args.title)
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(output, dpi=args.dpi)
    plt.close(fig)
    print(f"herald-timeline: {len(table)} rows drawn -> {output}", file=sys.stderr)
    return 0 if len(table) else 1


def _date_window(
    table: pd.DataFrame,
    start: str | None,
    end: str | None,
    column: str,
    parser: argparse.ArgumentParser,
) -> pd.DataFrame:
    try:
        if start:
            table = table[table[column] >= pd.Timestamp(start)]
        if end:
            table = table[table[column] <= pd.Timestamp(end)]
    except ValueError as exc:
        parser.error(f"--start/--end: {exc}")
    return table.reset_index(drop=True)


def cmd_check(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from herald_timeline.checks import check_claims
    from herald_timeline.reference import ReferenceError, load_reference

    claims_path = Path(args.out_dir) / "claims.csv"
    if not claims_path.exists():
        parser.error(f"no claims.csv in {args.out_dir}")
    try:
        reference = load_reference(args.reference)
    except (OSError, ReferenceError) as exc:
        parser.error(f"--reference: {exc}")
    checked = check_claims(read_table(claims_path, "claims"), reference)
    output = Path(args.output) if args.output else Path(args.out_dir) / "claims_checked.csv"
    write_table(checked, output, "claims")
    summary = checked["verdict"].value_counts().to_dict()
    print(f"herald-timeline: {len(checked)} claims checked {summary} -> {output}", file=sys.stderr)
    return 0


def _write_batch(
    batch: list[DocResult], out: Path, suffix: str, first: bool, counts: dict[str, int]
) -> None:
    rows: dict[str, list[dict[str, object]]] = {name: [] for name in TABLE_FILES}
    for result in batch:
        rows["articles"].append(result.article)
        rows["events"].extend(result.events)
        rows["claims"].extend(result.claims)
        rows["timexes"].extend(result.timexes)
    for name in ("events", "claims", "timexes"):
        counts[name] += len(rows[name])
    for name in TABLE_FILES:
        write_table(
            schema.frame(name, rows[name]),
            out / f"{name}{suffix}",
            name,
            mode="w" if first else "a",
        )


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s", stream=sys.stderr)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "parse":
        return cmd_parse(args, parser)
    if args.command == "plot":
        return cmd_plot(args, parser)
    if args.command == "check":
        return cmd_check(args, parser)
    parser.error(f"unknown command {args.command}")
    return 2  # pragma: no cover - parser.error exits


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
