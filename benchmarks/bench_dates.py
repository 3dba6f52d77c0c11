"""Speed of find_timexes against dateparser's search_dates on the same documents.

    python benchmarks/bench_dates.py [--repeat 200]

Documents: the seed page body repeated ``--repeat`` times, plus the dev corpus pages from
../shared/eval/dev/docs when present (HTML stripped crudely). Both tools get the
publication date as their reference; times are CPU time of this process (the machine may
be shared). Prints documents/second for each, the ratio, and how
many expressions each found. Both tools are warmed up first (one call each: rule
compilation, dateparser's language data); the warm-up times are printed apart.
"""

from __future__ import annotations

import argparse
import csv
import html
import re
import time
from datetime import datetime
from pathlib import Path

from herald_timeline.dates import find_dates, find_timexes

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "koreaherald_2022-11-18_counter-missile-working-group.txt"
DEV = ROOT.parent / "shared" / "eval" / "dev"
SEED_PUBLISHED = datetime.fromisoformat("2022-11-18T17:58:00+09:00")


def seed_body() -> str:
    text = SEED.read_text(encoding="utf-8")
    start = text.index("South Korea and the United States on Friday")
    return text[start : text.index("By Ji Da-gyum (", start)]


def dev_docs() -> list[tuple[str, datetime]]:
    if not (DEV / "docs").is_dir():
        return []
    published = {}
    with (DEV / "manifest.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            published[row["file"]] = datetime.fromisoformat(row["published"])
    docs = []
    for path in sorted((DEV / "docs").iterdir()):
        raw = path.read_bytes()
        for codec in ("utf-8", "cp949", "euc-kr", "windows-1252"):
            try:
                text = raw.decode(codec)
                break
            except UnicodeDecodeError:
                continue
        text = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", text)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
        docs.append((text, published.get(path.name, SEED_PUBLISHED)))
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args(argv)
    docs = [(seed_body(), SEED_PUBLISHED)] * args.repeat + dev_docs()

    from dateparser.search import search_dates  # optional dependency: the 'bench' extra

    text, when = docs[0]
    started = time.process_time()
    find_timexes(text, published=when)
    our_warm = time.process_time() - started
    started = time.process_time()
    search_dates(text, languages=["en"], settings={"RELATIVE_BASE": when.replace(tzinfo=None)})
    their_warm = time.process_time() - started

    started = time.process_time()
    ours = sum(len(find_timexes(text, published=when)) for text, when in docs)
    ours_time = time.process_time() - started
    started = time.process_time()
    for text, when in docs:
        find_dates(text, published=when)
    dates_time = time.process_time() - started

    started = time.process_time()
    theirs = 0
    for text, when in docs:
        found = search_dates(
            text, languages=["en"], settings={"RELATIVE_BASE": when.replace(tzinfo=None)}
        )
        theirs += len(found or [])
    theirs_time = time.process_time() - started

    n = len(docs)
    words = sum(len(text.split()) for text, _ in docs)
    print(f"documents: {n} ({words / n:.0f} words each on average)")
    print(f"warm-up: herald_timeline {our_warm:.2f} s, dateparser {their_warm:.2f} s")
    print(f"herald_timeline.find_dates:   {n / dates_time:8.1f} docs/s, "
          f"{1000 * dates_time / words * 300:.2f} ms per 300 words")  # fmt: skip
    print(f"herald_timeline.find_timexes: {n / ours_time:8.1f} docs/s, {ours} expressions")
    print(f"dateparser.search_dates:      {n / theirs_time:8.1f} docs/s, {theirs} expressions")
    print(f"ratio: {theirs_time / ours_time:.1f}x faster")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
