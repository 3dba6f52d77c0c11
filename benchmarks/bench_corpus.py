"""Corpus scale: documents per second on one core and on all cores, and peak memory of the
``herald-timeline parse`` CLI at N/10 and N documents (it should stay flat).

    python benchmarks/bench_corpus.py                 # 100,000 documents (long: not for CI)
    python benchmarks/bench_corpus.py --docs 20000
    python benchmarks/bench_corpus.py --quick         # 2,000 documents, a smoke run

The corpus is built here from the bundled samples (``data/**/*.txt``, ``*.html``): every
copy gets other numbers, days, months, years, weekdays and bylines, so no cache sees the
same page twice. Runs, each a fresh CLI process (``--quiet --no-timeline``):

1. ``--workers 1`` on the first N/10 documents: the one-core rate;
2. ``--workers 0`` (all cores) on the same documents: rate, speed-up, memory at N/10;
3. ``--workers 0`` on all N documents: rate and memory at N.

Memory is polled from /proc every 0.1 s: the peak RSS of the CLI process itself, and the
peak of the RSS summed over its process tree (CLI, fork server, workers; shared pages are
counted once per process, so the sum overstates a little). Rates are wall-clock, including
the CLI's start-up. Then, in this process: the merge of each run's events into one timeline
(rate at N/10 and N: it should stay flat), and on a sample of the same documents the full parse
beside dateparser's date search, spaCy's small English model and quantulum3 (each when
installed), as ratios. Timings are measured, never asserted: this is not a test.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PER_FOLDER = 1000
MONTHS = (
    "January February March April May June July August September October November December"
).split()
ABBREVIATED = "Jan. Feb. March April May June July Aug. Sept. Oct. Nov. Dec.".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
NAMES = ("Ji Da-gyum", "Park Sun-woo", "Kim Min-ji", "Lee Jae-hoon", "Choi Yoon-seo", "Han Seo-jin")
_MONTH = "|".join(
    sorted({*MONTHS, *ABBREVIATED, "Nov", "Oct", "Aug", "Sept"}, key=len, reverse=True)
)
_VARY = re.compile(
    rf"(?P<month>\b(?:{_MONTH})(?!\w))(?P<day>\s+\d{{1,2}}\b)?"
    r"|(?P<year>\b20[012]\d\b)"
    r"|(?P<weekday>\b(?:" + "|".join(WEEKDAYS) + r")\b)"
    r"|(?P<ordinal>\b\d+(?:st|nd|rd|th)\b)"
    r"|(?<![\d:.,/-])(?P<count>\b[2-9]\d?\b)(?![\d:./-])"
    r"|(?P<name>" + "|".join(NAMES) + ")"
)


# ------------------------------------------------------------------------------ corpus


def samples() -> list[tuple[str, str]]:
    """(suffix, text) of the bundled sample documents."""
    found = sorted(p for p in (ROOT / "data").rglob("*") if p.suffix in (".txt", ".html"))
    return [(p.suffix, p.read_text(encoding="utf-8")) for p in found]


def vary(text: str, rng: random.Random) -> str:
    """The same story with other numbers, dates, weekdays and bylines."""
    shift = rng.randint(-7, 2)  # one year shift per copy keeps its dates consistent

    def swap(match: re.Match[str]) -> str:
        kind = match.lastgroup
        if match.group("month"):
            names = ABBREVIATED if match.group("month").endswith(".") else MONTHS
            day = f" {rng.randint(1, 28)}" if match.group("day") else ""
            return rng.choice(names) + day
        value = match.group(kind or 0)
        if kind == "year":
            return str(int(value) + shift)
        if kind == "weekday":
            return rng.choice(WEEKDAYS)
        if kind == "ordinal":
            n = rng.randint(2, 99)
            suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
            return f"{n}{suffix}"
        if kind == "count":
            return str(rng.randint(2, 99))
        return rng.choice(NAMES)

    return _VARY.sub(swap, text)


def build_corpus(folder: Path, docs: int, seed: int = 2022) -> None:
    """``docs`` varied copies of the samples in ``folder/0000/`` ... (1,000 a folder)."""
    rng = random.Random(seed)
    bases = samples()
    for i in range(docs):
        suffix, text = bases[i % len(bases)]
        target = folder / f"{i // PER_FOLDER:04d}" / f"doc-{i:06d}{suffix}"
        if i % PER_FOLDER == 0:
            target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(vary(text, rng) + f"\nStory {i}.\n", encoding="utf-8")


def first_folders(folder: Path, docs: int) -> list[str]:
    """The sub-folders holding the first ``docs`` documents (a multiple of 1,000)."""
    return [str(folder / f"{i:04d}") for i in range(-(-docs // PER_FOLDER))]


# ------------------------------------------------------------------------------ CLI runs


@dataclass
class Run:
    label: str
    docs: int
    workers: str
    seconds: float
    cpu_seconds: float
    peak_main_mb: float
    peak_tree_mb: float

    @property
    def rate(self) -> float:
        return self.docs / self.seconds

    @property
    def cpu_rate(self) -> float:
        return self.docs / self.cpu_seconds


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _tree(root: int) -> dict[int, float]:
    """CPU seconds so far of ``root`` and every process below it."""
    children: dict[int, list[int]] = {}
    cpu: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        cpu[int(entry)] = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    found: dict[int, float] = {}
    todo = [root]
    while todo:
        pid = todo.pop()
        found[pid] = cpu.get(pid, 0.0)
        todo.extend(children.get(pid, ()))
    return found


def run_cli(label: str, inputs: Sequence[str], docs: int, workers: int, out: Path) -> Run:
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "herald_timeline", "parse", *inputs, "--out", str(out)]
    command += ["--quiet", "--no-timeline", "--workers", str(workers)]
    peaks = {"main": 0, "tree": 0}
    cpu: dict[int, float] = {}  # last seen CPU seconds of each process of the run
    start = time.perf_counter()
    process = subprocess.Popen(command)

    def poll() -> None:
        while process.poll() is None:
            tree = _tree(process.pid)
            cpu.update(tree)
            peaks["main"] = max(peaks["main"], _rss_kb(process.pid))
            peaks["tree"] = max(peaks["tree"], sum(_rss_kb(p) for p in tree))
            time.sleep(0.1)

    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    code = process.wait()
    seconds = time.perf_counter() - start
    watcher.join()
    if code != 0:
        raise SystemExit(f"{label}: the CLI exited with {code}")
    written = sum(1 for _ in open(out / "articles.csv", encoding="utf-8")) - 1
    if written != docs:
        raise SystemExit(f"{label}: {written} articles written, expected {docs}")
    name = "all" if workers == 0 else str(workers)
    return Run(
        label, docs, name, seconds, sum(cpu.values()), peaks["main"] / 1024, peaks["tree"] / 1024
    )


def timeline_rate(out: Path) -> tuple[int, float]:
    """(events, CPU seconds) of merging a run's events into one timeline, in this process
    (the runs above skip it to time the parse alone)."""
    from herald_timeline.io import read_table
    from herald_timeline.timeline import merge_events

    events = read_table(out / "events.csv")
    start = time.process_time()
    merge_events(events)
    return len(events), time.process_time() - start


# ------------------------------------------------------------------------------ others


def rate(work: Callable[[str], object], texts: Sequence[str]) -> float:
    start = time.process_time()
    for text in texts:
        work(text)
    spent = time.process_time() - start
    return len(texts) / spent if spent else float("inf")


def compare(paths: Sequence[Path]) -> None:
    from herald_timeline.article import load_article
    from herald_timeline.parsing import extract

    data = [p.read_bytes() for p in paths]
    bodies = [load_article(d).body for d in data]
    extract(load_article(data[0]))  # load the rules outside the timing
    start = time.process_time()
    for d in data:
        extract(load_article(d))
    ours = len(data) / (time.process_time() - start)
    print(f"\nSame {len(data)} documents, one core, in this process:")
    print(f"  herald_timeline full parse (read, dates, events, claims): {ours:8.1f} docs/s")
    others: list[tuple[str, Callable[[], Callable[[str], object]], str]] = [
        ("dateparser search_dates", _dateparser, "pip install dateparser"),
        ("spaCy en_core_web_sm (full pipeline)", _spacy, "pip install spacy + the model"),
        ("quantulum3 parse", _quantulum, "pip install quantulum3"),
    ]
    for name, load, hint in others:
        try:
            work = load()
        except (ImportError, OSError) as exc:
            print(f"  {name}: skipped, not installed ({type(exc).__name__}; {hint})")
            continue
        work(bodies[0])  # load models and caches outside the timing
        theirs = rate(work, bodies)
        print(f"  {name}: {theirs:8.1f} docs/s; herald_timeline is {ours / theirs:6.1f}x that")


def _dateparser() -> Callable[[str], object]:
    from datetime import datetime

    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime(2022, 11, 18, 17, 58)}  # noqa: DTZ001 - naive is what it takes
    return lambda text: search_dates(text, languages=["en"], settings=settings)  # type: ignore[arg-type]


def _spacy() -> Callable[[str], object]:
    import spacy

    nlp = spacy.load("en_core_web_sm")
    return nlp


def _quantulum() -> Callable[[str], object]:
    from quantulum3 import parser

    return parser.parse  # type: ignore[no-any-return]


# ------------------------------------------------------------------------------ main


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=100_000, help="corpus size (default 100000)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 2,000 documents")
    parser.add_argument("--sample", type=int, default=100, help="documents for the comparisons")
    parser.add_argument("--workdir", type=Path, help="where to build the corpus (default: tmp)")
    parser.add_argument("--keep", action="store_true", help="keep the corpus and outputs")
    args = parser.parse_args(argv)
    docs = 2000 if args.quick else args.docs
    small = max(PER_FOLDER, docs // 10 // PER_FOLDER * PER_FOLDER)
    if docs < 2 * PER_FOLDER or docs % PER_FOLDER:
        parser.error(f"--docs must be a multiple of {PER_FOLDER}, at least {2 * PER_FOLDER}")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="ht-bench-"))
    corpus = work / "corpus"
    cores = len(os.sched_getaffinity(0))
    print(f"{docs:,} documents, {cores} cores, load average {os.getloadavg()[0]:.1f}; in {work}")
    try:
        start = time.perf_counter()
        build_corpus(corpus, docs)
        print(f"corpus built in {time.perf_counter() - start:.0f} s")
        subset = first_folders(corpus, small)
        runs = [
            run_cli("one core", subset, small, 1, work / "out-1"),
            run_cli("all cores", subset, small, 0, work / "out-small"),
            run_cli("all cores", [str(corpus)], docs, 0, work / "out-all"),
        ]
        print(
            f"\n{'run':10} {'docs':>8} {'workers':>7} {'seconds':>8} {'docs/s':>8}"
            f" {'CPU s':>8} {'docs/CPU s':>10} {'peak main MB':>13} {'peak tree MB':>13}"
        )
        for r in runs:
            print(
                f"{r.label:10} {r.docs:8,} {r.workers:>7} {r.seconds:8.1f} {r.rate:8.1f}"
                f" {r.cpu_seconds:8.1f} {r.cpu_rate:10.1f}"
                f" {r.peak_main_mb:13.0f} {r.peak_tree_mb:13.0f}"
            )
        one, few, many = runs
        print(
            f"\nspeed-up, all cores / one core (wall clock): {few.rate / one.rate:.2f}x on the same"
            f" {small:,} documents, {many.rate / one.rate:.2f}x at {docs:,}; {cores} cores"
        )
        print(
            f"CPU per document, all cores / one core: {one.cpu_rate / many.cpu_rate:.2f}"
            f" at {docs:,} (1.00 = no parallel overhead; wall-clock speed-up can reach"
            f" cores / this when the cores are free)"
        )
        main_ratio = many.peak_main_mb / few.peak_main_mb
        tree_ratio = many.peak_tree_mb / few.peak_tree_mb
        print(
            f"peak memory at {docs:,} / at {small:,}: main {main_ratio:.3f}, tree {tree_ratio:.3f}"
        )
        print(
            f"load average now {os.getloadavg()[0]:.1f} (other work on the machine slows the runs)"
        )
        merge_rates = [timeline_rate(work / "out-small"), timeline_rate(work / "out-all")]
        for (events, seconds), n in zip(merge_rates, (small, docs), strict=True):
            print(
                f"timeline merge of {n:,} documents' {events:,} events: {seconds:.1f} s,"
                f" {events / seconds:,.0f} events/s"
            )
        (e1, s1), (e2, s2) = merge_rates
        print(f"timeline merge rate at {docs:,} / at {small:,}: {(e2 / s2) / (e1 / s1):.2f}")
        sample = sorted(Path(subset[0]).iterdir())[: args.sample]
        compare(sample)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
