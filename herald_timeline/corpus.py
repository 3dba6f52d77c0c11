"""Many documents into the four tables: :func:`parse_corpus`, its progress bar and the
typed tables built once per corpus (or rendered as CSV text where a chunk was parsed).

Per document the work is :func:`herald_timeline.parsing.extract` on plain records, run by
:mod:`herald_timeline.jobs` (inputs, manifest, one job per document) in the processes of
:mod:`herald_timeline.worker_pool`. A document that cannot be read becomes an ``articles``
row with ``status=error`` and its reason; the others are unaffected.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Any, TextIO

import pandas as pd

from herald_timeline import schema
from herald_timeline.article import Source
from herald_timeline.io import to_text_frame
from herald_timeline.jobs import make_jobs
from herald_timeline.parsing import DocResult
from herald_timeline.worker_pool import iter_results


@dataclass(frozen=True)
class Corpus:
    """The four tables of a corpus run."""

    articles: pd.DataFrame
    events: pd.DataFrame
    claims: pd.DataFrame
    timexes: pd.DataFrame

    def tables(self) -> dict[str, pd.DataFrame]:
        return {
            "articles": self.articles,
            "events": self.events,
            "claims": self.claims,
            "timexes": self.timexes,
        }


#: tables in the order a chunk's CSV is appended: articles last, so an id in articles.csv
#: means the article's other rows are on disk (what --resume relies on)
CSV_ORDER = ("events", "claims", "timexes", "articles")
#: the tables of a corpus run, in the order they are presented
OUTPUT_TABLES = ("articles", "events", "claims", "timexes")


def render_csv(results: list[DocResult]) -> list[DocResult]:
    """The chunk's tables as contract CSV text (no header), built where it was parsed.

    Rows are dropped from the results (only their counts stay), so the main process
    receives and writes text instead of rebuilding DataFrames: with a worker per core it
    would otherwise take a core's share of the run.
    """
    if not results:
        return results
    tables = build_tables(results).tables()
    text = {
        name: to_text_frame(tables[name], name).to_csv(
            index=False, header=False, lineterminator="\n"
        )
        for name in CSV_ORDER
    }
    light = [
        DocResult(
            article=r.article,
            n_rows={"events": len(r.events), "claims": len(r.claims), "timexes": len(r.timexes)},
        )
        for r in results
    ]
    light[-1].csv = text
    return light


def track(
    results: Iterable[DocResult], *, total: int | None, file: TextIO | None = None
) -> Iterator[DocResult]:
    """Pass ``results`` through with a progress bar: documents, rate, ETA, errors so far.

    The bar goes to ``file`` (default stderr) only when that is a terminal (tqdm's
    ``disable=None``): pipes, logs and CI output stay clean.
    """
    from tqdm import tqdm

    # The first result comes before the bar: iter_results starts its workers on the first
    # request, and the bar's monitor thread would stop them from being forked (see
    # worker_pool.start_method).
    iterator = iter(results)
    first = next(iterator, None)
    if first is None:
        return
    errors = 0
    with tqdm(
        total=total,
        unit="doc",
        disable=None,
        file=file if file is not None else sys.stderr,
        smoothing=0.05,
        dynamic_ncols=True,
        postfix={"errors": 0},
    ) as bar:
        for result in chain([first], iterator):
            if result.article.get("status") == "error":
                errors += 1
                bar.set_postfix(errors=errors, refresh=False)
            bar.update()
            yield result


def build_tables(results: Iterable[DocResult]) -> Corpus:
    """The four typed tables from per-document rows (one DataFrame build per table)."""
    articles: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    claims: list[dict[str, Any]] = []
    timexes: list[dict[str, Any]] = []
    for result in results:
        articles.append(result.article)
        events.extend(result.events)
        claims.extend(result.claims)
        timexes.extend(result.timexes)
    return Corpus(
        articles=schema.frame("articles", articles),
        events=schema.frame("events", events),
        claims=schema.frame("claims", claims),
        timexes=schema.frame("timexes", timexes),
    )


def parse_corpus(
    sources: Iterable[Source],
    *,
    manifest: str | os.PathLike[str] | pd.DataFrame | None = None,
    format: str = "auto",
    published: str | None = None,
    workers: int | None = None,
    progress: bool = True,
    chunksize: int | None = None,
) -> Corpus:
    """Parse many documents (files, folders, bytes) into the four tables.

    ``workers=None`` (or 0) uses every core, ``1`` parses in this process; the output is
    the same rows, ids and order whatever the number of workers
    (see :func:`herald_timeline.worker_pool.iter_results`).
    ``progress`` shows a bar on stderr when stderr is a terminal. For corpora that do not
    fit in memory use the CLI (it streams the tables to disk) or
    :func:`herald_timeline.dask.parse_paths`.
    """
    jobs = make_jobs(sources, manifest=manifest, format=format, published=published)
    results = iter_results(jobs, workers=workers, chunksize=chunksize)
    if progress:
        results = track(results, total=len(jobs))
    return build_tables(results)
