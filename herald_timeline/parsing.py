"""The pipeline for one article: timexes, then events and claims from the same timexes.

Per document the work is plain records (dicts); DataFrames are built once per call of
``parse``/``parse_corpus``, not per row. A document that cannot be read becomes an
``articles`` row with ``status=error`` and its reason; the others are unaffected.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

import pandas as pd

from herald_timeline import schema
from herald_timeline.article import Article, Source, load_article
from herald_timeline.claim_counts import Count
from herald_timeline.claims import Claim, claims_of, find_counts
from herald_timeline.dates import Timex, resolve_dates, scan_dates
from herald_timeline.event_names import Facts
from herald_timeline.event_naming import name_all, name_events
from herald_timeline.event_triggers import Trigger
from herald_timeline.events import (
    Dated,
    Event,
    date_events,
    read_facts,
    sentence_facts,
    sentence_triggers,
)
from herald_timeline.text import Sentence, split_sentences
from herald_timeline.timex_rules import Hit

_In = TypeVar("_In")
_Out = TypeVar("_Out")


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
    result = extract_all([article])[0]
    if isinstance(result, Exception):
        raise result
    return result


def extract_all(articles: Sequence[Article]) -> list[DocResult | Exception]:
    """:func:`extract` of each article, run one stage at a time over them all.

    The rows are those of ``extract``; only the order of the work changes. Why: each stage
    (time expressions, sentences, event triggers, events, claims) has its own rules and code,
    and running it over a batch of articles before the next stage starts keeps them in the
    processor's caches; alternating the stages per article evicts them, which costs about
    a fifth of the parse on a corpus (``benchmarks/bench_parse.py`` prints both). An
    article whose parse raises gets its exception in its place; the others go on.
    """
    failed: dict[int, Exception] = {}
    no_hits: list[Hit] = []
    no_timexes: list[Timex] = []
    no_sentences: list[Sentence] = []
    no_triggers: list[list[Trigger]] = []
    no_counts: list[Count] = []
    no_claims: list[Claim] = []
    bodies = [a.body for a in articles]
    # the time rules run over every body before any of their matches is resolved: the
    # two halves have their own code and data (the same reason as the stages below)
    hits = _each(bodies, failed, no_hits, scan_dates)
    timexes = _each(list(zip(articles, hits, strict=True)), failed, no_timexes, _resolved)
    sentences = _each(bodies, failed, no_sentences, split_sentences)
    docs = list(zip(articles, sentences, timexes, strict=True))
    triggers = _each(sentences, failed, no_triggers, sentence_triggers)
    # (building a Facts only stores its sentence; a failed article has no sentences)
    facts = [sentence_facts(s, t) for s, t in zip(sentences, triggers, strict=True)]
    try:
        read_facts([f for found in facts for f in found if f is not None])
    except Exception:  # noqa: BLE001, S110 (the facts are read again, article by article, by
        pass  # the events stage, which gives the failure to its article)
    dated = _each(list(zip(docs, triggers, facts, strict=True)), failed, None, _dated_of)
    events = _named(dated, failed)
    counts = _each(docs, failed, no_counts, _counts_of)
    claims = _each(list(zip(docs, counts, strict=True)), failed, no_claims, _claims_of)
    out: list[DocResult | Exception] = []
    for i, article in enumerate(articles):
        if i in failed:
            out.append(failed[i])
            continue
        aid = article.article_id
        out.append(
            DocResult(
                article=article.as_row(),
                timexes=[_timex_row(t, aid, n) for n, t in enumerate(timexes[i])],
                events=[_event_row(e, article, n) for n, e in enumerate(events[i])],
                claims=[_claim_row(c, article, n) for n, c in enumerate(claims[i])],
            )
        )
    return out


def _resolved(article_hits: tuple[Article, list[Hit]]) -> list[Timex]:
    article, hits = article_hits
    return resolve_dates(article.body, hits, published=article.published, tz=article.day_tz)


_Doc = tuple[Article, list[Sentence], list[Timex]]


def _dated_of(
    doc_found: tuple[_Doc, list[list[Trigger]], list[Facts | None]],
) -> Dated:
    (article, sentences, timexes), triggers, facts = doc_found
    published, tz = article.published, article.day_tz
    return date_events(
        article.body, sentences, timexes, published=published, tz=tz, triggers=triggers,
        facts=facts,
    )  # fmt: skip


def _named(dated: list[Dated | None], failed: dict[int, Exception]) -> list[list[Event]]:
    """The events of each article dated (None: failed), named all together; when that
    raises, article by article, which gives the failure to its article."""
    try:
        named = iter(name_all([d for d in dated if d is not None]))
        return [[] if d is None else next(named) for d in dated]
    except Exception:  # noqa: BLE001
        no_events: list[Event] = []
        return _each(dated, failed, no_events, _named_one)


def _named_one(dated: Dated | None) -> list[Event]:
    return [] if dated is None else name_events(dated)


def _counts_of(doc: _Doc) -> list[Count]:
    article, sentences, timexes = doc
    return find_counts(article.body, sentences, timexes)


def _claims_of(doc_counts: tuple[_Doc, list[Count]]) -> list[Claim]:
    (article, _, timexes), counts = doc_counts
    published, tz = article.published, article.day_tz
    return claims_of(article.body, counts, timexes, published=published, tz=tz)


def _each(
    items: Sequence[_In], failed: dict[int, Exception], empty: _Out, work: Callable[[_In], _Out]
) -> list[_Out]:
    """``work`` of each item not yet ``failed``; an item that raises joins ``failed`` and gets
    ``empty``, so later stages skip it and the others are unaffected."""
    out: list[_Out] = []
    for i, item in enumerate(items):
        if i not in failed:
            try:
                out.append(work(item))
                continue
            except Exception as exc:  # one article's failure must not stop the batch
                failed[i] = exc
        out.append(empty)
    return out


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
