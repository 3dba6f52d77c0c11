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

from herald_timeline import __version__, schema
from herald_timeline.io import write_table
from herald_timeline.parsing import DocResult, Job, iter_results, make_jobs

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

    parse = commands.add_parser("parse", help="parse documents into articles/events/claims/timexes CSV")
    parse.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders (recursive) or - for stdin")
    parse.add_argument("--out", "-o", required=True, metavar="DIR", help="folder for the tables")
    source = parse.add_argument_group("input")
    source.add_argument("--manifest", metavar="CSV", help="file,published,updated,url,outlet,title,author")
    source.add_argument("--format", choices=("auto", "page", "html", "plain"), default="auto")
    source.add_argument("--published", metavar="ISO", help="publication time for documents that lack one")
    run = parse.add_argument_group("run")
    run.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes (0: all cores)")
    run.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    run.add_argument("--out-format", choices=("csv", "parquet"), default="csv")
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
        jobs = make_jobs(paths, manifest=args.manifest, format=args.format, published=args.published)
    except (OSError, ValueError) as exc:
        parser.error(f"--manifest: {exc}")
    if "-" in args.inputs:
        jobs.insert(args.inputs.index("-"), _stdin_job(args))
    if not jobs:
        print("herald-timeline: no input documents", file=sys.stderr)
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = ".parquet" if args.out_format == "parquet" else ".csv"
    workers = None if args.workers == 0 else args.workers
    counts = {"ok": 0, "error": 0, "events": 0, "claims": 0, "timexes": 0}
    results = iter_results(jobs, workers=workers)
    if not args.quiet:
        from tqdm import tqdm

        results = tqdm(results, total=len(jobs), unit="doc", disable=None, file=sys.stderr)
    batch: list[DocResult] = []
    first = True
    for result in results:
        counts[str(result.article.get("status", "ok"))] += 1
        if result.article.get("status") == "error":
            print(f"herald-timeline: {result.article['source']}: {result.article['error']}", file=sys.stderr)
        batch.append(result)
        if len(batch) >= 500 and suffix == ".csv":  # stream: memory stays flat
            _write_batch(batch, out, suffix, first, counts)
            batch, first = [], False
    _write_batch(batch, out, suffix, first, counts)
    if not args.quiet:
        print(
            f"herald-timeline: {counts['ok']} ok, {counts['error']} errors; "
            f"{counts['events']} events, {counts['claims']} claims, {counts['timexes']} timexes "
            f"-> {out}{os.sep}",
            file=sys.stderr,
        )
    return 0 if counts["ok"] else 1


def _write_batch(batch: list[DocResult], out: Path, suffix: str, first: bool, counts: dict[str, int]) -> None:
    rows: dict[str, list[dict[str, object]]] = {name: [] for name in TABLE_FILES}
    for result in batch:
        rows["articles"].append(result.article)
        rows["events"].extend(result.events)
        rows["claims"].extend(result.claims)
        rows["timexes"].extend(result.timexes)
    for name in ("events", "claims", "timexes"):
        counts[name] += len(rows[name])
    for name in TABLE_FILES:
        write_table(schema.frame(name, rows[name]), out / f"{name}{suffix}", name, mode="w" if first else "a")


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s", stream=sys.stderr)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "parse":
        return cmd_parse(args, parser)
    parser.error(f"unknown command {args.command}")
    return 2  # pragma: no cover - parser.error exits


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
