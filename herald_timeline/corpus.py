"""Many documents: inputs, manifest, worker processes, progress, the four tables.

Per document the work is :func:`herald_timeline.parsing.extract` on plain records; the
DataFrames are built once per corpus. A document that cannot be read becomes an
``articles`` row with ``status=error`` and its reason; the others are unaffected.
"""

from __future__ import annotations

import logging
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sized
from concurrent.futures import Executor
from dataclasses import dataclass
from itertools import chain, islice
from typing import Any, TextIO

import pandas as pd

from herald_timeline import schema
from herald_timeline.article import MAX_CHARS, Source, article_id_for, load_article
from herald_timeline.errors import ArticleError
from herald_timeline.io import to_text_frame
from herald_timeline.parsing import DocResult, extract

log = logging.getLogger(__name__)


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


@dataclass(frozen=True, slots=True)
class Job:
    """One input document: where it is, what to call it, and its manifest values."""

    source: str | bytes
    name: str
    overrides: Mapping[str, Any]
    format: str = "auto"
    published: str | None = None  # for documents that state no publication time
    max_chars: int = MAX_CHARS


def expand_inputs(inputs: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Files as given, folders recursively (sorted, hidden files skipped)."""
    return list(iter_inputs(inputs))


def iter_inputs(inputs: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """:func:`expand_inputs`, lazily: a folder of a million files is never listed at once."""
    for item in inputs:
        if os.path.isdir(item):
            yield from _walk(os.fspath(item))
        else:
            yield os.fspath(item)


def _walk(folder: str) -> Iterator[str]:
    # Depth-first over sorted names gives the order of sorted(Path.rglob(...)) while holding
    # one folder's names at a time; symlinked folders are not entered (as rglob).
    with os.scandir(folder) as scan:
        entries = sorted(
            (e.name, e.is_dir(follow_symlinks=False), e.is_file())
            for e in scan
            if not e.name.startswith(".")
        )
    for name, is_dir, is_file in entries:
        path = os.path.join(folder, name)
        if is_dir:
            yield from _walk(path)
        elif is_file:
            yield path


def read_manifest(
    manifest: str | os.PathLike[str] | pd.DataFrame | None,
) -> dict[str, dict[str, Any]]:
    """Manifest rows keyed by their ``file`` value (a file name or a path)."""
    if manifest is None:
        return {}
    frame = (
        manifest
        if isinstance(manifest, pd.DataFrame)
        else pd.read_csv(manifest, dtype=str, keep_default_na=False)
    )
    if "file" not in frame.columns:
        raise ValueError("manifest needs a 'file' column")
    rows: dict[str, dict[str, Any]] = {}
    for record in frame.to_dict("records"):
        values = {str(k): v for k, v in record.items() if k != "file" and v not in ("", None)}
        rows[str(record["file"])] = values
    return rows


def manifest_values(manifest: Mapping[str, dict[str, Any]], name: str) -> dict[str, Any]:
    """The manifest row for an input: by path as given, then by file name."""
    return dict(manifest.get(name) or manifest.get(os.path.basename(name)) or {})


def job_id(job: Job) -> str:
    """The article_id a job's document gets, also when it fails (what --resume skips by)."""
    if isinstance(job.source, bytes):
        data = job.source
    else:
        try:
            with open(job.source, "rb") as handle:
                data = handle.read()
        except OSError:  # unreadable: the id comes from the name alone
            data = job.source.encode("utf-8")
    return article_id_for(data, job.name, job.overrides)


def run_job(job: Job) -> DocResult:
    """Parse one document; never raises: a failure is an ``error`` row."""
    try:
        article = load_article(
            job.source,
            format=job.format,
            name=job.name,
            default_published=job.published,
            overrides=job.overrides,
            max_chars=job.max_chars,
        )
        return extract(article)
    except ArticleError as exc:
        reason = str(exc)
    except Exception as exc:  # a parser bug must not take the corpus down with it
        log.debug("internal error on %s", job.name, exc_info=True)
        reason = f"internal error: {type(exc).__name__}: {exc}"
    return DocResult(
        article={
            "article_id": job_id(job),
            "source": job.name,
            "status": "error",
            "error": " ".join(reason.split()),
        }
    )


#: below this many documents a pool costs more than it saves: starting the workers takes
#: seconds (importing pandas and the parser), a document parses in tens of milliseconds
POOL_MIN_DOCS = 200
#: documents per task sent to a worker: enough to hide the round trip and to amortise
#: building its tables (render_csv), few enough that the
#: last tasks of a run spread over every worker
MAX_CHUNK = 250
#: tasks queued per worker: keeps each one busy while the main process writes, and bounds
#: the results held in memory however large the corpus
AHEAD = 4


def worker_count(workers: int | None) -> int:
    """Worker processes for ``workers``: ``None`` or 0 means every core this process may use."""
    if workers is None or workers == 0:
        try:
            return len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux
            return os.cpu_count() or 1
    if workers < 0:
        raise ValueError(f"workers must be 0 (all cores) or more, not {workers}")
    return workers


Finish = Callable[[list[DocResult]], list[DocResult]]


def iter_results(
    jobs: Iterable[Job],
    *,
    workers: int | None = 1,
    chunksize: int | None = None,
    total: int | None = None,
    finish: Finish | None = None,
) -> Iterator[DocResult]:
    """Results in input order, parsed in worker processes when ``workers`` > 1.

    The output does not depend on ``workers``: each document is parsed on its own and the
    results come back in input order. Jobs go out ``chunksize`` at a time (default: from
    the corpus size, at most :data:`MAX_CHUNK`) and only :data:`AHEAD` tasks per worker are
    in flight, so memory stays flat with ``jobs`` a lazy iterator (pass ``total`` then).
    Without ``chunksize``, fewer than :data:`POOL_MIN_DOCS` documents are parsed in-process.
    ``finish`` (a module-level function, so workers can run it) transforms each chunk's
    results in the worker that parsed them, e.g. :func:`render_csv`; in-process it is not
    applied (the caller's own batching does that work there).
    """
    count = worker_count(workers)
    size = total if total is not None else (len(jobs) if isinstance(jobs, Sized) else None)
    if count > 1 and chunksize is None and size is not None and size < POOL_MIN_DOCS:
        count = 1
    if count <= 1:
        # In-process there is nothing to offload: ``finish`` is for workers. Yielding each
        # document as it is done keeps every finished one on Ctrl-C.
        yield from map(run_job, jobs)
        return
    step = chunksize or (MAX_CHUNK if size is None else min(MAX_CHUNK, size // (count * 8)))
    chunks = _chunks(jobs, max(1, step))
    pool = _pool(count)
    try:
        pending = deque(pool.submit(_run_chunk, c, finish) for c in islice(chunks, count * AHEAD))
        while pending:
            done = pending.popleft().result()
            pending.extend(pool.submit(_run_chunk, c, finish) for c in islice(chunks, 1))
            yield from done
    finally:  # also when the caller stops early: drop queued work, reap the workers
        pool.shutdown(wait=True, cancel_futures=True)


def _chunks(jobs: Iterable[Job], size: int) -> Iterator[list[Job]]:
    it = iter(jobs)
    while chunk := list(islice(it, size)):
        yield chunk


def _run_chunk(jobs: list[Job], finish: Finish | None = None) -> list[DocResult]:
    results = [run_job(job) for job in jobs]
    return finish(results) if finish is not None else results


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


def start_method() -> str:
    """How worker processes start: ``fork`` from this process when that is safe (Linux, no
    other thread), else a ``forkserver``, else ``spawn``.

    Forking a process with threads (tqdm's monitor, Jupyter, a Dask client) can deadlock,
    so then a fork server does it: it imports the parser once, warms its caches
    (:mod:`herald_timeline.preload`) and forks the workers from that clean process, at
    the price of a second or two of start-up. A plain fork costs milliseconds.
    """
    import multiprocessing
    import threading

    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _pool(count: int) -> Executor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = start_method()
    context = multiprocessing.get_context(method)
    if method == "fork":
        import herald_timeline.preload  # noqa: F401 - warmed once here, inherited by all
    elif method == "forkserver":
        context.set_forkserver_preload(["herald_timeline.corpus", "herald_timeline.preload"])
    return ProcessPoolExecutor(count, mp_context=context)


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
    # start_method).
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


def iter_jobs(
    sources: Iterable[Source],
    *,
    manifest: str | os.PathLike[str] | pd.DataFrame | None = None,
    format: str = "auto",
    published: str | None = None,
) -> Iterator[Job]:
    """:func:`make_jobs`, lazily (the manifest is read at once, so its errors raise here)."""
    rows = read_manifest(manifest)

    def jobs() -> Iterator[Job]:
        for source in sources:
            if isinstance(source, bytes):
                yield Job(source, "<bytes>", {}, format, published)
                continue
            for name in iter_inputs([source]):
                yield Job(name, name, manifest_values(rows, name), format, published)

    return jobs()


def make_jobs(
    sources: Iterable[Source],
    *,
    manifest: str | os.PathLike[str] | pd.DataFrame | None = None,
    format: str = "auto",
    published: str | None = None,
) -> list[Job]:
    """One :class:`Job` per document: files, folders (recursively) and bytes."""
    return list(iter_jobs(sources, manifest=manifest, format=format, published=published))


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
    the same rows, ids and order whatever the number of workers (see :func:`iter_results`).
    ``progress`` shows a bar on stderr when stderr is a terminal. For corpora that do not
    fit in memory use the CLI (it streams the tables to disk) or
    :func:`herald_timeline.dask.parse_paths`.
    """
    jobs = make_jobs(sources, manifest=manifest, format=format, published=published)
    results = iter_results(jobs, workers=workers, chunksize=chunksize)
    if progress:
        results = track(results, total=len(jobs))
    return build_tables(results)
