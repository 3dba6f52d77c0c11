"""One timeline from many articles: event rows that report the same real-world event, merged.

Ten outlets report the same launch with different wording and sometimes different dates.
:func:`merge_events` groups the rows of an events table (``schema.EVENTS``) into one row per
real-world event (:data:`TIMELINE`).

Two rows may be the same event when

- they have the same ``type`` and come from different articles (an article's own rows are
  distinct events by construction);
- their dates are compatible at their precision: the day-or-span windows ``start..end``
  overlap (a day inside a month-precision row's month is compatible); an approximate row's
  window is widened by ``approx_tolerance`` days on each side. Exact day rows up to ``date_slack``
  days apart (a US outlet dates a Korean-morning launch one day earlier) join only when
  their content words agree strongly (``strong_similarity``) and no event of the same date
  agrees as well, and the row gets a ``conflict`` note;
- their actors overlap (when both name actors), their ordinals agree (54th SCM is not the
  53rd), and the missile classes they name overlap (an ICBM launch is not an SRBM launch;
  a name that names no class falls back on the classes its evidence sentence names);
- their names agree: the share of the shorter name's content words found in the other name
  (after synonyms, acronyms of capitalised names, stop words and the row's own actors:
  ``resources/reference/
  timeline_*``), or the same share of their capitalised words (places, designations:
  "Hanoi summit talks end" / "Trump-Kim Hanoi summit"), is at least ``min_similarity``.
  A name made only of generic words ("missile launch") agrees with any name at exactly
  ``min_similarity``, so it joins the event of the same day and type, unless two events
  are equally good candidates, when it stays alone.

Rows join clusters greedily, most precise date first; a row joins the best-agreeing cluster
whose every member it is compatible with. Rows are sorted by content before merging, so the
result is the same whatever the input order.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pandas as pd

from herald_timeline import schema
from herald_timeline.timeline_mentions import Mention, actor_key, mention_order, read_mentions

__all__ = ["TIMELINE", "merge_events"]

#: columns of the merged timeline (``timeline.csv``)
TIMELINE = schema.TIMELINE  # declared with the other tables


@dataclass(slots=True)
class _Cluster:
    members: list[Mention] = field(default_factory=list)
    #: articles of the members (a cluster holds one row per article at most)
    articles: set[str] = field(default_factory=set)
    #: one member per distinct signature: what ``_score`` compares a new row with (a
    #: story reported by a thousand outlets is scored once, not a thousand times)
    kinds: dict[tuple[Any, ...], Mention] = field(default_factory=dict)

    def add(self, mention: Mention) -> None:
        self.members.append(mention)
        self.articles.add(mention.article_id)
        self.kinds.setdefault(_signature(mention), mention)


def _signature(m: Mention) -> tuple[Any, ...]:
    """Everything of a row that ``_date_relation`` and ``_similarity`` look at."""
    return (m.start, m.end, m.approximate, m.classes, m.ordinal, m.actor_keys, m.content, m.proper)


def _similarity(a: Mention, b: Mention, neutral: float) -> tuple[float, float] | None:
    """Name agreement in [0, 1] by content words, and by content or capitalised words; None
    when the two cannot be the same event."""
    if a.classes and b.classes and not a.classes & b.classes:
        return None
    if a.ordinal is not None and b.ordinal is not None and a.ordinal != b.ordinal:
        return None
    if a.actor_keys and b.actor_keys and not a.actor_keys & b.actor_keys:
        return None
    if not a.content or not b.content:
        return neutral, neutral
    overlap = len(a.content & b.content) / min(len(a.content), len(b.content))
    if a.proper and b.proper:  # "Hanoi summit talks end" / "Trump-Kim Hanoi summit"
        proper = len(a.proper & b.proper) / min(len(a.proper), len(b.proper))
        return overlap, max(overlap, proper)
    return overlap, overlap


def _date_relation(a: Mention, b: Mention, slack: int) -> str:
    a0, a1, b0, b1 = a.w0, a.w1, b.w0, b.w1
    if a0 <= b1 and b0 <= a1:
        return "same"
    gap = (b0 - a1).days if a1 < b0 else (a0 - b1).days
    exact_days = a.start == a.end and b.start == b.end and not (a.approximate or b.approximate)
    if exact_days and gap <= slack:
        return "close"
    return "far"


def _score(
    m: Mention, cluster: _Cluster, *, neutral: float, strong: float, slack: int
) -> tuple[bool, float] | None:
    """(dates agree, name agreement) of a row with a cluster, or None if it cannot join."""
    if m.article_id in cluster.articles:
        return None
    best = content = 0.0
    close = False
    for other in cluster.kinds.values():
        relation = _date_relation(m, other, slack)
        if relation == "far":
            return None
        close = close or relation == "close"
        similarity = _similarity(m, other, neutral)
        if similarity is None:
            return None
        content, best = max(content, similarity[0]), max(best, similarity[1])
    if best < neutral or (close and content < strong):
        return None
    return not close, best


def _cluster(
    mentions: list[Mention], *, neutral: float, strong: float, slack: int
) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    # (type, day) -> clusters whose first row's window, widened by ``slack``, holds that
    # day: a row can only join a cluster whose every row is near it in time, so only these
    # are scored (a corpus of years of news has thousands of clusters)
    by_day: dict[tuple[str, int], list[int]] = {}
    for m in mentions:
        scored = []
        w0, w1 = m.w0, m.w1
        days = range(w0.toordinal(), w1.toordinal() + 1)
        candidates = sorted({i for day in days for i in by_day.get((m.type, day), ())})
        for index in candidates:
            score = _score(m, clusters[index], neutral=neutral, strong=strong, slack=slack)
            if score is not None:
                scored.append((score, index))
        chosen = None
        if scored:
            top = max(score for score, _ in scored)
            best = [index for score, index in scored if score == top]
            if len(best) == 1:  # two equally good events: do not guess
                # (an event on the same date beats one a day off, then the better name)
                chosen = best[0]
        if chosen is None:
            chosen = len(clusters)
            clusters.append(_Cluster())
            for day in range(w0.toordinal() - slack, w1.toordinal() + slack + 1):
                by_day.setdefault((m.type, day), []).append(chosen)
        clusters[chosen].add(m)
    return clusters


def _choose_window(members: list[Mention]) -> tuple[tuple[date, date], Mention]:
    """The most precise window supported by the most articles, and the row that gives it."""

    # members are of distinct articles: a window's support is how many windows contain it
    windows = Counter((m.w0, m.w1) for m in members)
    support: dict[tuple[date, date], int] = {}
    for span in {(m.start, m.end) for m in members}:
        c0, c1 = span
        support[span] = sum(n for (w0, w1), n in windows.items() if w0 <= c0 and c1 <= w1)
    best = min(
        members,
        key=lambda m: (
            -support[(m.start, m.end)],
            (m.end - m.start).days,
            m.approximate,
            m.start,
            mention_order(m),
        ),
    )
    return (best.start, best.end), best


def _most_common(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], str(v)))


def _row(cluster: _Cluster) -> dict[str, Any]:
    members = cluster.members
    (start, end), dated = _choose_window(members)
    names = Counter(m.name for m in members)
    named = min(
        members,
        key=lambda m: (-len(m.content), -names[m.name], len(m.name), m.name, mention_order(m)),
    )
    conflicting = [m for m in members if m.w1 < start or m.w0 > end]
    conflict = None
    if conflicting:
        per_label: dict[str, set[str]] = {}
        for m in members:
            per_label.setdefault(m.label, set()).add(m.article_id)
        parts = [
            f"{label} ({len(ids)} source{'s' if len(ids) > 1 else ''})"
            for label, ids in sorted(per_label.items())
        ]
        conflict = "sources disagree on the date: " + ", ".join(parts)
    actors: dict[str, str] = {}
    for m in sorted(members, key=mention_order):
        for actor in m.actors:
            actors.setdefault(actor_key(actor), actor)
    event_ids = sorted(m.event_id for m in members)
    published = [m.published for m in members if m.published is not None]
    digest = hashlib.sha1(";".join(event_ids).encode("utf-8")).hexdigest()[:10]
    same_window = [m for m in members if (m.start, m.end) == (start, end)]
    return {
        "timeline_id": f"tl-{digest}",
        "type": dated.type,
        "start": pd.Timestamp(start),
        "end": pd.Timestamp(end),
        "precision": dated.precision,
        "approximate": all(m.approximate for m in same_window),
        "name": named.name or None,
        "ordinal": _most_common(m.ordinal for m in members),
        "actors": ";".join(sorted(actors.values())) or None,
        "location": _most_common(m.location for m in members),
        "n_sources": len({m.article_id for m in members}),
        "n_mentions": len(members),
        "article_ids": ";".join(sorted({m.article_id for m in members})),
        "event_ids": ";".join(event_ids),
        "conflict": conflict,
        "first_published": min(published) if published else None,
        "evidence": named.evidence or None,
    }


def merge_events(
    events: pd.DataFrame,
    *,
    min_similarity: float = 0.5,
    strong_similarity: float = 0.8,
    date_slack: int = 1,
    approx_tolerance: int = 3,
) -> pd.DataFrame:
    """One row per real-world event from an events table (``schema.EVENTS``) of many articles.

    Parameters
    ----------
    events
        Event rows (``event_id``, ``article_id``, ``type``, ``start``, ``end``, ``precision``,
        ``approximate``, ``name``, ``ordinal``, ``actors``, ``location``, ``evidence``,
        ``published``). Rows without ``start`` or ``type`` are left out. Not mutated.
    min_similarity
        Least name agreement (share of the shorter name's content words in the other) for two
        rows with compatible dates to be one event.
    strong_similarity
        Name agreement needed to merge day rows whose dates differ by up to ``date_slack``.
    date_slack
        Days two day-precision reports may differ and still be one event (with a conflict note).
    approx_tolerance
        Days an approximate date may be off on either side.

    Returns a :data:`TIMELINE` table sorted by date: the most precise date supported by the
    most sources, ``n_sources``, ``article_ids`` and ``event_ids`` (``;``-joined), and a
    ``conflict`` note listing the sources' dates when they disagree. Deterministic: the same
    rows in any order give the same table.
    """
    mentions = read_mentions(events, approx_tolerance)
    clusters = _cluster(
        mentions,
        neutral=min_similarity,
        strong=strong_similarity,
        slack=date_slack,
    )
    rows = [_row(c) for c in clusters]
    rows.sort(
        key=lambda r: (r["start"], r["end"], str(r["type"]), r["name"] or "", r["timeline_id"])
    )
    return schema.frame("timeline", rows)
