"""The pipeline: article -> timexes -> events and claims, for one document or a corpus.

Per document the work is plain records (dicts); DataFrames are built once per call of
``parse``/``parse_corpus``, not per row. A document that cannot be read becomes an
``articles`` row with ``status=error`` and its reason; the others are unaffected.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from herald_timeline import schema
from herald_timeline.article import Article, Source, article_id_for, load_article
from herald_timeline.claims import Claim, find_claims
from herald_timeline.dates import Timex, find_dates
from herald_timeline.errors import ArticleError
from herald_timeline.events import Event, find_events
from herald_timeline.text import split_sentences

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Parsed:
    """One parsed article with its tables (typed per :mod:`herald_timeline.schema`)."""

    article: Article
    timexes: pd.DataFrame
    events: pd.DataFrame
    claims: pd.DataFrame


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


@dataclass(slots=True)
class DocResult:
    """Rows from one document, ready for ``schema.frame`` (picklable for workers)."""

    article: dict[str, Any]
    timexes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)


def _timex_row(t: Timex, article_id: str, i: int) -> dict[str, Any]:
    return {
        "timex_id": f"{article_id}-t{i:03d}",
        "article_id": article_id,
        "text": t.text,
        "type": t.type,
        "value": t.value,
        "start": t.start,
        "end": t.end,
        "precision": t.precision,
        "approximate": t.approximate,
        "anchor": t.anchor,
        "char_start": t.char_start,
        "char_end": t.char_end,
        "mod": t.mod,
        "rule": t.rule,
    }


def _event_row(e: Event, article: Article, i: int) -> dict[str, Any]:
    return {
        "event_id": f"{article.article_id}-e{i:03d}",
        "article_id": article.article_id,
        "type": e.type,
        "start": e.start,
        "end": e.end,
        "precision": e.precision,
        "approximate": e.approximate,
        "date_text": e.date_text,
        "name": e.name,
        "ordinal": e.ordinal,
        "actors": ";".join(e.actors) or None,
        "location": e.location,
        "evidence": e.evidence,
        "char_start": e.char_start,
        "char_end": e.char_end,
        "trigger": e.trigger,
        "published": article.published,
    }


def _claim_row(c: Claim, article: Article, i: int) -> dict[str, Any]:
    return {
        "claim_id": f"{article.article_id}-c{i:03d}",
        "article_id": article.article_id,
        "value": c.value,
        "lower": c.lower,
        "upper": c.upper,
        "bound": c.bound,
        "unit": c.unit,
        "unit_text": c.unit_text,
        "subject": c.subject,
        "action": c.action,
        "period_start": c.period_start,
        "period_end": c.period_end,
        "part_of": f"{article.article_id}-c{c.part_of:03d}" if c.part_of is not None else None,
        "attributed_to": c.attributed_to,
        "evidence": c.evidence,
        "char_start": c.char_start,
        "char_end": c.char_end,
        "value_text": c.value_text,
        "published": article.published,
    }


def extract(article: Article) -> DocResult:
    """All rows of one article (the work of ``parse``, without building DataFrames)."""
    body = article.body
    published = article.published
    timexes = find_dates(body, published=published, tz=article.day_tz)
    sentences = split_sentences(body)
    events = find_events(body, sentences, timexes, published=published, tz=article.day_tz)
    claims = find_claims(body, sentences, timexes, published=published, tz=article.day_tz)
    aid = article.article_id
    return DocResult(
        article=article.as_row(),
        timexes=[_timex_row(t, aid, i) for i, t in enumerate(timexes)],
        events=[_event_row(e, article, i) for i, e in enumerate(events)],
        claims=[_claim_row(c, article, i) for i, c in enumerate(claims)],
    )


def parse(
    article: Article | Source,
    *,
    published: datetime | str | None = None,
    format: str = "auto",
) -> Parsed:
    """Parse one article (or anything ``load_article`` reads) into its tables.

    >>> parsed = parse("North Korea fired two missiles on Friday.", published="2022-11-18")
    >>> parsed.timexes["value"].tolist()
    ['2022-11-18']
    """
    if not isinstance(article, Article):
        article = load_article(article, published=published, format=format)
    elif published is not None:
        raise ValueError("published= applies when parse() reads the article itself")
    rows = extract(article)
    return Parsed(
        article=article,
        timexes=schema.frame("timexes", rows.timexes),
        events=schema.frame("events", rows.events),
        claims=schema.frame("claims", rows.claims),
    )


# ----------------------------------------------------------------------------- corpus


@dataclass(frozen=True, slots=True)
class Job:
    """One input document: where it is, what to call it, and its manifest values."""

    source: str | bytes
    name: str
    overrides: Mapping[str, Any]
    format: str = "auto"
    published: str | None = None


def expand_inputs(inputs: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Files as given, folders recursively (sorted, hidden files skipped)."""
    found: list[str] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not any(
                    p.startswith(".") for p in child.relative_to(path).parts
                ):
                    found.append(os.path.join(os.fspath(item), os.fspath(child.relative_to(path))))
        else:
            found.append(os.fspath(item))
    return found


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


def run_job(job: Job) -> DocResult:
    """Parse one document; never raises: a failure is an ``error`` row."""
    try:
        article = load_article(
            job.source,
            format=job.format,
            name=job.name,
            published=job.published,
            overrides=job.overrides,
        )
        return extract(article)
    except ArticleError as exc:
        reason = str(exc)
    except Exception as exc:  # a parser bug must not take the corpus down with it
        log.debug("internal error on %s", job.name, exc_info=True)
        reason = f"internal error: {type(exc).__name__}: {exc}"
    data = job.source if isinstance(job.source, bytes) else job.source.encode("utf-8")
    return DocResult(
        article={
            "article_id": article_id_for(data, job.name, job.overrides),
            "source": job.name,
            "status": "error",
            "error": " ".join(reason.split()),
        }
    )


def iter_results(
    jobs: Sequence[Job], *, workers: int | None = 1, chunksize: int = 16
) -> Iterator[DocResult]:
    """Results in input order, from worker processes when ``workers`` > 1."""
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count <= 1 or len(jobs) < 2:
        yield from map(run_job, jobs)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=count) as pool:
        yield from pool.map(run_job, jobs, chunksize=chunksize)


def make_jobs(
    sources: Iterable[Source],
    *,
    manifest: str | os.PathLike[str] | pd.DataFrame | None = None,
    format: str = "auto",
    published: str | None = None,
) -> list[Job]:
    rows = read_manifest(manifest)
    jobs = []
    for source in sources:
        if isinstance(source, bytes):
            jobs.append(Job(source, "<bytes>", {}, format, published))
            continue
        for name in expand_inputs([source]):
            jobs.append(Job(name, name, manifest_values(rows, name), format, published))
    return jobs


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
    workers: int | None = 1,
    progress: bool = False,
) -> Corpus:
    """Parse many documents (files, folders, bytes) into the four tables.

    ``workers=None`` uses every core; output is the same rows in the same order whatever
    the number of workers. ``progress`` shows a bar on stderr.
    """
    jobs = make_jobs(sources, manifest=manifest, format=format, published=published)
    results: Iterable[DocResult] = iter_results(jobs, workers=workers)
    if progress:
        from tqdm import tqdm

        results = tqdm(results, total=len(jobs), unit="doc", disable=None)
    return build_tables(results)
