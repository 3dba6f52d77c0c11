"""Command line: ``herald-timeline parse|plot|check``. Only I/O around the library.

Exit codes: 0 success; 1 nothing extracted (every document failed, or no input); 2 usage
error (bad option, missing file or folder).
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import pandas as pd

from herald_timeline import __version__, schema
from herald_timeline.article import MAX_CHARS
from herald_timeline.corpus import render_csv, track
from herald_timeline.io import read_table, write_table
from herald_timeline.jobs import Job, iter_jobs, job_id, read_manifest
from herald_timeline.parsing import DocResult
from herald_timeline.table_sink import TableSink, resume_output
from herald_timeline.timeline import merge_events
from herald_timeline.worker_pool import iter_results

log = logging.getLogger("herald_timeline")


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
    source.add_argument(
        "--max-chars",
        type=int,
        default=MAX_CHARS,
        metavar="N",
        help=f"refuse article text longer than N characters (default {MAX_CHARS:,})",
    )
    run = parse.add_argument_group("run")
    run.add_argument(
        "--workers",
        type=int,
        default=0,
        metavar="N",
        help="worker processes (default 0: all cores)",
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
    plot.add_argument(
        "--reference", metavar="FILE", help="with --chart claims: launch table to draw beside"
    )

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
    return Job(sys.stdin.buffer.read(), "-", {}, args.format, args.published, args.max_chars)


def _check_inputs(parser: argparse.ArgumentParser, inputs: Sequence[str]) -> None:
    for item in inputs:
        if item != "-" and not os.path.exists(item):
            parser.error(f"no such file or folder: {item}")


def _iter_jobs(
    args: argparse.Namespace, manifest: pd.DataFrame | None, stdin: Job | None
) -> Iterator[Job]:
    # Lazy, in command-line order: a folder of a million files is never held as a list.
    for item in args.inputs:
        if item == "-":
            if stdin is not None:
                yield stdin
                stdin = None  # stdin is one document however often '-' is given
            continue
        for job in iter_jobs(
            [item], manifest=manifest, format=args.format, published=args.published
        ):
            yield replace(job, max_chars=args.max_chars)


BATCH = 500  # documents per write: memory stays flat, appends stay few


def cmd_parse(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    _check_inputs(parser, args.inputs)
    if args.workers < 0:
        parser.error("--workers takes 0 (all cores) or more")
    suffix = ".parquet" if args.out_format == "parquet" else ".csv"
    if args.resume and suffix == ".parquet":
        parser.error("--resume works with --out-format csv")
    if suffix == ".parquet" and importlib.util.find_spec("pyarrow") is None:
        parser.error("--out-format parquet needs pyarrow: pip install 'herald-timeline[parquet]'")
    try:
        manifest = (
            pd.read_csv(args.manifest, dtype=str, keep_default_na=False) if args.manifest else None
        )
        read_manifest(manifest)  # check it before any work
    except (OSError, ValueError) as exc:
        parser.error(f"--manifest: {exc}")
    stdin = _stdin_job(args) if "-" in args.inputs else None
    total = sum(1 for _ in _iter_jobs(args, manifest, stdin))
    out = Path(args.out)
    done = resume_output(out) if args.resume else set()
    jobs = _iter_jobs(args, manifest, stdin)
    if done:
        jobs = (job for job in jobs if job_id(job) not in done)
        total = max(total - len(done), 0)
    if not total:
        print(
            "herald-timeline: no input documents" + (" left to parse" if done else ""),
            file=sys.stderr,
        )
        return 0 if done else 1
    out.mkdir(parents=True, exist_ok=True)
    counts = {"ok": 0, "error": 0, "events": 0, "claims": 0, "timexes": 0}
    finish = render_csv if suffix == ".csv" else None  # CSV text is made where it is parsed
    results = iter_results(jobs, workers=args.workers, total=total, finish=finish)
    if not args.quiet:
        results = track(results, total=total)
    sink = TableSink(out, suffix, append=bool(done))
    batch: list[DocResult] = []
    try:
        for result in results:
            status = str(result.article.get("status", "ok"))
            counts[status] += 1
            if status == "error":
                _say(f"herald-timeline: {result.article['source']}: {result.article['error']}")
            batch.append(result)
            if len(batch) >= BATCH:
                sink.write(batch, counts)
                batch = []
        sink.write(batch, counts)
    except KeyboardInterrupt:
        sink.write(batch, counts)  # documents already parsed are kept for --resume
        _say(f"herald-timeline: interrupted; run again with --resume to continue ({out})")
        return 130
    finally:
        sink.close()
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


def _say(message: str) -> None:
    from tqdm import tqdm

    tqdm.write(message, file=sys.stderr)  # above the progress bar, not through it


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
    table = _date_window(table, args.start, args.end, name, parser)
    fig, ax = plt.subplots(figsize=(width, height), layout="constrained")
    if args.chart == "timeline":
        kinds = [k.strip() for k in args.kinds.split(",")] if args.kinds else None
        plot_timeline(table, kinds=kinds, ax=ax, tz=args.tz, title=args.title)
    elif args.chart == "launches":
        plot_launch_counts(table, ax=ax, tz=args.tz, title=args.title)
    else:
        series = None
        if args.reference:
            from herald_timeline.reference import ReferenceError, load_reference, reference_series

            try:
                series = reference_series(load_reference(args.reference), unit="ballistic missile")
            except (OSError, ReferenceError) as exc:
                parser.error(f"--reference: {exc}")
        plot_claims(table, reference=series, ax=ax, tz=args.tz, title=args.title)
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
    name: str,
    parser: argparse.ArgumentParser,
) -> pd.DataFrame:
    """Rows whose dates overlap [start, end]: a month that begins before ``start`` stays."""
    first, last = ("start", "end") if name == "events" else ("period_start", "period_end")
    try:
        if start:
            table = table[table[last].fillna(table[first]) >= pd.Timestamp(start)]
        if end:
            table = table[table[first].fillna(table[last]) <= pd.Timestamp(end)]
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
