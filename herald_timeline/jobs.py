"""Jobs: the documents of a corpus run, one :class:`Job` each. Files are taken as given and
folders walked (sorted, hidden files skipped, never listed whole), each gets its manifest
row, and :func:`run_jobs` parses them without raising: a document that cannot be read
becomes an ``articles`` row with ``status=error`` and its reason.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from herald_timeline.article import MAX_CHARS, Article, Source, article_id_for, load_article
from herald_timeline.errors import ArticleError
from herald_timeline.parsing import DocResult, extract_all

log = logging.getLogger(__name__)

#: documents parsed stage by stage together (parsing.extract_all): past a few dozen the
#: gain levels off, and a batch's articles and intermediate results are held at once
BATCH = 32


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
    return run_jobs([job])[0]


def run_jobs(jobs: Sequence[Job]) -> list[DocResult]:
    """Parse documents, one result each in their order; never raises: a document that fails
    is an ``error`` row and the others are unaffected.

    They are read, then parsed :data:`BATCH` at a time stage by stage
    (:func:`herald_timeline.parsing.extract_all`, the same rows, faster).
    """
    results: list[DocResult] = []
    for start in range(0, len(jobs), BATCH):
        batch = jobs[start : start + BATCH]
        read: list[DocResult | Article] = [_read(job) for job in batch]
        articles = [a for a in read if isinstance(a, Article)]
        parsed = iter(extract_all(articles))
        for job, item in zip(batch, read, strict=True):
            if isinstance(item, DocResult):  # could not be read
                results.append(item)
                continue
            result = next(parsed)
            if isinstance(result, Exception):
                result = _internal_error(job, result)
            results.append(result)
    return results


def _read(job: Job) -> Article | DocResult:
    try:
        return load_article(
            job.source,
            format=job.format,
            name=job.name,
            default_published=job.published,
            overrides=job.overrides,
            max_chars=job.max_chars,
        )
    except ArticleError as exc:
        return _error(job, str(exc))
    except Exception as exc:
        return _internal_error(job, exc)


def _internal_error(job: Job, exc: Exception) -> DocResult:
    """A parser bug must not take the corpus down with it: the document gets an error row."""
    log.debug("internal error on %s", job.name, exc_info=exc)
    return _error(job, f"internal error: {type(exc).__name__}: {exc}")


def _error(job: Job, reason: str) -> DocResult:
    return DocResult(
        article={
            "article_id": job_id(job),
            "source": job.name,
            "status": "error",
            "error": " ".join(reason.split()),
        }
    )


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
