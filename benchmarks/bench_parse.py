"""Reader and full-parse throughput on one core, beside dateparser measured in the same run.

    python benchmarks/bench_parse.py [--copies 200] [--dev ../shared/eval/dev/docs]

Corpora, built here:
- ``seed page x N``: the bundled Korea Herald page (menus, byline, footer and all), N copies
  each varied (numbers, weekday, names) so no cache sees the same page twice. Most sentences
  still repeat from copy to copy, so the parser keeps no cache keyed on a sentence or
  paragraph across documents (real corpora do not repeat them): only compiled rules,
  lexicons, single words and short chrome lines (menus, footers) are cached;
- ``seed body x N``: that page's article body alone, as plain text read with the page's
  publication date (what issue #4's speed target names), varied likewise;
- ``html x N``: the bundled HTML sample likewise;
- ``dev``: the development corpus, when ``../shared`` is there.

It prints documents per second (CPU time of this process) for reading alone, for the full
parse (reader, time expressions, events, claims) as a corpus run does it (batches of
``jobs.BATCH`` documents, each stage over the whole batch) and one document at a time (as
``ht.parse`` does), and for ``dateparser.search.search_dates`` on the same bodies, and the
ratios (of the corpus run). Both tools are warmed up first on pages that are not
measured (compiling our rules, loading dateparser's language data: a one-off cost per
process, printed apart). Each rate is the best of ``--repeat`` runs (3 by default), for
both tools alike: what the code can do on the machine, with the other work of the machine
(which only ever adds time) left out, as ``timeit`` reports. Timings are measured, never
asserted: this is not a test.

Run it where the package is installed from a regular wheel (``pip install .``: the parsing
modules compiled by mypyc) to measure what users run; an editable install measures the
Python sources, about 1.3x slower. The first line says which build was imported.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import herald_timeline
from herald_timeline.article import Article, load_article
from herald_timeline.jobs import BATCH
from herald_timeline.parsing import extract, extract_all

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "koreaherald_2022-11-18_counter-missile-working-group.txt"
HTML = ROOT / "data" / "corpus" / "2022-11-05_harbor-times_vigilant-storm.html"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
NAMES = ("Ji Da-gyum", "Park Sun-woo", "Kim Min-ji", "Lee Jae-hoon", "Choi Yoon-seo")


def varied(data: bytes, copies: int, seed: int = 7) -> list[bytes]:
    """``copies`` versions of a page with numbers, weekdays and bylines changed."""
    rng = random.Random(seed)
    text = data.decode("utf-8")
    out = []
    for i in range(copies):
        page = text.replace("Friday", rng.choice(WEEKDAYS)).replace("60", str(rng.randint(20, 90)))
        for name in NAMES:
            page = page.replace(name, rng.choice(NAMES))
        out.append(f"{page}\nStory {i}.\n".encode())
    return out


#: runs of each measurement; the best is reported (``main`` sets it from ``--repeat``)
REPEAT = 3


def per_second(work: Callable[[bytes], object], docs: Sequence[bytes]) -> float:
    spent = float("inf")
    for _ in range(REPEAT):
        start = time.process_time()
        for doc in docs:
            work(doc)
        spent = min(spent, time.process_time() - start)
    return len(docs) / spent if spent else float("inf")


def in_batches(read: Callable[[bytes], Article], docs: Sequence[bytes]) -> None:
    """What a corpus run does (``parse_corpus``, the CLI): read and parse ``BATCH`` documents
    at a time, each stage over the whole batch (:func:`herald_timeline.parsing.extract_all`)."""
    for start in range(0, len(docs), BATCH):
        for result in extract_all([read(d) for d in docs[start : start + BATCH]]):
            if isinstance(result, Exception):
                raise result


def dateparser_rate(bodies: Sequence[str], repeat: int | None = None) -> tuple[float, int] | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    from datetime import datetime

    settings = {"RELATIVE_BASE": datetime(2022, 11, 18, 17, 58)}  # noqa: DTZ001 - dateparser wants naive
    spent = float("inf")
    for _ in range(REPEAT if repeat is None else repeat):
        found = 0
        start = time.process_time()
        for body in bodies:
            found += len(search_dates(body, languages=["en"], settings=settings) or [])  # type: ignore[arg-type]
        spent = min(spent, time.process_time() - start)
    return len(bodies) / spent, found


def trafilatura_rate(docs: Sequence[bytes]) -> float:
    """trafilatura.extract alone on the same pages: the floor for our HTML reading."""
    import trafilatura

    texts = [d.decode("utf-8") for d in docs]
    return per_second(
        lambda text: trafilatura.extract(text, include_comments=False, include_tables=False),
        texts,  # type: ignore[arg-type]
    )


def warm_up(data: bytes, with_dateparser: bool) -> tuple[float, float | None]:
    """Seconds of the first calls (rule compilation; dateparser's language data), on
    variants of ``data`` that are not among the measured pages."""
    started = time.process_time()
    for doc in varied(data, 3, seed=99):
        extract(load_article(doc))
    ours = time.process_time() - started
    if not with_dateparser:
        return ours, None
    theirs = dateparser_rate([load_article(data).body], repeat=1)
    return ours, None if theirs is None else 1 / theirs[0]


def report(
    name: str,
    docs: Sequence[bytes],
    with_dateparser: bool,
    read: Callable[[bytes], Article] = load_article,
) -> None:
    articles = [read(d) for d in docs]
    reading = per_second(read, docs)
    alone = per_second(lambda d: extract(read(d)), docs)
    full = len(docs) * per_second(lambda _: in_batches(read, docs), [b""])
    timexes = sum(len(extract(a).timexes) for a in articles)
    line = f"{name:12} {len(docs):5} docs  read {reading:8.0f}/s  full parse {full:8.0f}/s"
    line += f" (one at a time {alone:4.0f}/s)"
    if with_dateparser:
        result = dateparser_rate([a.body for a in articles])
        if result:
            rate, found = result
            line += f"  dateparser {rate:6.1f}/s  full parse / dateparser = {full / rate:5.1f}x"
            line += f"  (expressions: ours {timexes}, dateparser {found})"
    print(line)


def main(argv: Sequence[str] | None = None) -> int:
    global REPEAT  # noqa: PLW0603 (one setting for every measurement of the run)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument(
        "--dev", type=Path, default=ROOT.parent / "shared" / "eval" / "dev" / "docs"
    )
    parser.add_argument("--no-dateparser", action="store_true")
    parser.add_argument("--repeat", type=int, default=REPEAT, help="runs; the best is shown")
    args = parser.parse_args(argv)
    REPEAT = max(1, args.repeat)
    with_dateparser = not args.no_dateparser
    build = "compiled by mypyc" if herald_timeline.COMPILED else "Python sources (not compiled)"
    print(f"herald_timeline {herald_timeline.__version__}: {build}")
    ours, theirs = warm_up(SEED.read_bytes(), with_dateparser)
    print(f"warm-up (not measured): herald_timeline {ours:.2f} s", end="")
    print(f", dateparser {theirs:.2f} s" if theirs is not None else "")
    report("seed page", varied(SEED.read_bytes(), args.copies), with_dateparser)
    # the article's body alone, as plain text, dated by the page's publication stamp
    seed = load_article(SEED.read_bytes())
    body = seed.body.encode()
    report(
        "seed body",
        varied(body, args.copies),
        with_dateparser,
        read=lambda d: load_article(d, published=seed.published),
    )
    warm_up(HTML.read_bytes(), with_dateparser=False)
    html = varied(HTML.read_bytes(), args.copies)
    report("html page", html, with_dateparser)
    print(f"{'':12} {'':5}       trafilatura.extract alone {trafilatura_rate(html):8.0f}/s")
    if args.dev.is_dir():
        dev = [p.read_bytes() for p in sorted(args.dev.iterdir()) if p.is_file()]
        report("dev corpus", dev * max(1, args.copies // len(dev) // 4), with_dateparser)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
