"""Worker processes: :func:`iter_results` parses jobs in a process pool, or in this process
for a small corpus, and gives the results back in input order with memory kept flat; how
many workers (:func:`worker_count`) and how they start (:func:`start_method`).
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from concurrent.futures import Executor
from itertools import islice

from herald_timeline.jobs import BATCH, Job, run_jobs
from herald_timeline.parsing import DocResult

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
    results in the worker that parsed them, e.g. :func:`herald_timeline.corpus.render_csv`;
    in-process it is not applied (the caller's own batching does that work there).
    """
    count = worker_count(workers)
    size = total if total is not None else (len(jobs) if isinstance(jobs, Sized) else None)
    if count > 1 and chunksize is None and size is not None and size < POOL_MIN_DOCS:
        count = 1
    if count <= 1:
        # In-process there is nothing to offload: ``finish`` is for workers. Yielding each
        # batch as it is done keeps every finished one on Ctrl-C.
        for batch in _chunks(jobs, BATCH):
            yield from run_jobs(batch)
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
    results = run_jobs(jobs)
    return finish(results) if finish is not None else results


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
        # corpus (render_csv) imports this module and jobs: the whole parser
        context.set_forkserver_preload(["herald_timeline.corpus", "herald_timeline.preload"])
    return ProcessPoolExecutor(count, mp_context=context)
