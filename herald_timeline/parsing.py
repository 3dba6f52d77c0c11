"""The pipeline for one article: timexes, then events and claims from the same timexes.

Per document the work is plain records (dicts); DataFrames are built once per call of
``parse``/``parse_corpus``, not per row. A document that cannot be read becomes an
``articles`` row with ``status=error`` and its reason; the others are unaffected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pandas as pd

from herald_timeline import schema
from herald_timeline.article import Article, Source, load_article
from herald_timeline.claims import Claim, find_claims
from herald_timeline.dates import Timex, find_dates
from herald_timeline.events import Event, find_events
from herald_timeline.text import split_sentences


@dataclass(frozen=True, slots=True)
class Parsed:
    """One parsed article with its tables (typed per :mod:`herald_timeline.schema`)."""

    article: Article
    timexes: pd.DataFrame
    events: pd.DataFrame
    claims: pd.DataFrame


@dataclass(slots=True)
class DocResult:
    """Rows from one document, ready for ``schema.frame`` (picklable for workers)."""

    article: dict[str, Any]
    timexes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    #: set by corpus.render_csv in a worker: row counts, and (on the last document of a
    #: chunk) the chunk's tables as CSV text, so the main process only appends bytes
    n_rows: dict[str, int] | None = None
    csv: dict[str, str] | None = None


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
