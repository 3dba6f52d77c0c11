"""Event rows as the timeline merge compares them (:class:`Mention`): the window of dates
each may stand for, and its name and actors as comparable words, folded with the synonyms,
stop words and generic words of ``resources/reference/timeline_*`` and acronyms of
capitalised names, with the missile classes the name (or else the evidence) names.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import pandas as pd

from herald_timeline import resources, schema
from herald_timeline.missile_classes import classify_name

_PRECISION_RANK = {p: i for i, p in enumerate(schema.PRECISIONS)}
_TOKEN = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")
# a run of capitalised words ("Counter-Missile Working Group", "Republic of Korea")
_TITLE_WORD = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*"
_PROPER = re.compile(r"(?<![\w-])[A-Z][\w.]*(?:-[\w.]+)*")
_TITLE_RUN = re.compile(rf"\b{_TITLE_WORD}(?:\s+(?:(?:of|and|for|on)\s+)?{_TITLE_WORD})+\b")


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(w.lower() for w in resources.lines("reference/timeline_stopwords.txt"))


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(w.lower() for w in resources.lines("reference/timeline_generic.txt"))


@lru_cache(maxsize=1)
def _synonyms() -> tuple[re.Pattern[str], dict[str, str]]:
    pairs = {
        row["phrase"].strip().lower(): row["token"].strip()
        for row in resources.table("reference/timeline_synonyms.csv")
    }
    pattern = r"(?<!\w)" + resources.alternation(list(pairs)) + r"(?!\w)"
    where = "reference/timeline_synonyms.csv"
    return resources.compile_pattern(pattern, re.IGNORECASE, where=where), pairs


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").replace("'s", "")
    pattern, pairs = _synonyms()
    return pattern.sub(lambda m: f" {pairs[m.group().lower()]} ", text).lower()


def name_tokens(name: str) -> frozenset[str]:
    """Comparable words of an event name: folded, with synonyms, acronyms and stop words.

    "54th Security Consultative Meeting" -> {'54th', 'security', 'consultative', 'meeting',
    'scm'}: the acronym of a run of capitalised words lets "SCM" match the name written out.
    """
    words = set(_TOKEN.findall(_fold(name))) | _acronyms(name)
    return frozenset(w for w in words if w not in _stopwords())


def _proper(name: str) -> frozenset[str]:
    words = {w for word in _PROPER.findall(name) for w in _TOKEN.findall(_fold(word))}
    return frozenset(words | _acronyms(name))


def _acronyms(name: str) -> set[str]:
    out = set()
    for run in _TITLE_RUN.finditer(name):
        initials = [w[0] for w in re.findall(r"[A-Z][a-z]+", run.group())]
        if len(initials) >= 2:
            out.add("".join(initials).lower())
    return out


def actor_key(actor: str) -> str:
    """An actor as compared: folded words, synonyms applied ("North Korea" -> 'dprk')."""
    return " ".join(_TOKEN.findall(_fold(actor)))


def _actor_keys(actors: Iterable[str]) -> frozenset[str]:
    return frozenset(actor_key(a) for a in actors if a.strip())


@dataclass(frozen=True, slots=True)
class Mention:
    """An event row as the merge compares it: its dates, the window of dates it may stand
    for, and its name and actors as comparable words."""

    event_id: str
    article_id: str
    type: str
    start: date
    end: date
    precision: str
    approximate: bool
    name: str
    ordinal: int | None
    actors: tuple[str, ...]
    location: str | None
    evidence: str
    published: pd.Timestamp | None
    actor_keys: frozenset[str]
    content: frozenset[str]  # name words that are neither stop words nor generic
    proper: frozenset[str]  # content words written capitalised (places, names, designations)
    classes: frozenset[str]
    #: the dates it may stand for: ``start..end``, widened by the merge's tolerance when
    #: the date is approximate
    w0: date
    w1: date

    @property
    def label(self) -> str:
        if self.start == self.end:
            return self.start.isoformat()
        if self.precision == "month":
            return self.start.strftime("%Y-%m")
        if self.precision == "year":
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


def _text(value: Any) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value).strip()


def read_mentions(events: pd.DataFrame, tolerance: int) -> list[Mention]:
    """The placeable rows of an events table (a ``start`` and a ``type``), most precise
    first; approximate dates widened by ``tolerance`` days on each side."""
    out = []
    pad = timedelta(days=tolerance)
    for record in events.to_dict("records"):
        if pd.isna(record.get("start")) or pd.isna(record.get("type")):
            continue  # nothing to place on a timeline
        start = pd.Timestamp(record["start"]).date()
        end = pd.Timestamp(record["end"]).date() if not pd.isna(record.get("end")) else start
        name = _text(record.get("name"))
        actors = tuple(a.strip() for a in _text(record.get("actors")).split(";") if a.strip())
        tokens, proper, classes = _name_features(name)
        actor_keys, own = _actor_features(actors)
        classes = classes or classify_name(_text(record.get("evidence")))
        ordinal = record.get("ordinal")
        published = record.get("published")
        approximate = bool(record.get("approximate") is True)
        out.append(
            Mention(
                event_id=_text(record.get("event_id")),
                article_id=_text(record.get("article_id")),
                type=str(record["type"]),
                start=start,
                end=max(start, end),
                precision=_text(record.get("precision")) or ("day" if start == end else "year"),
                approximate=approximate,
                name=name,
                ordinal=None if ordinal is None or pd.isna(ordinal) else int(ordinal),
                actors=actors,
                location=_text(record.get("location")) or None,
                evidence=_text(record.get("evidence")),
                published=None if published is None or pd.isna(published) else published,
                actor_keys=actor_keys,
                content=frozenset(tokens - _generic() - own),
                proper=frozenset(proper - _generic() - _stopwords() - own),
                classes=classes,
                w0=start - pad if approximate else start,
                w1=max(start, end) + pad if approximate else max(start, end),
            )
        )
    out.sort(key=mention_order)
    return out


@lru_cache(maxsize=1 << 12)
def _name_features(name: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(name tokens, capitalised words, missile classes) of an event name: names repeat
    across the articles of a corpus ("North Korean ICBM launch"), so each is read once."""
    return name_tokens(name), _proper(name), classify_name(name)


@lru_cache(maxsize=1 << 12)
def _actor_features(actors: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """(actor keys, their name tokens): actors are compared on their own, and their words
    say nothing about which event a name means ("North Korea fired" is "fired")."""
    keys = _actor_keys(actors)
    return keys, frozenset(t for key in keys for t in name_tokens(key))


def mention_order(m: Mention) -> tuple[Any, ...]:
    """Sort key of a row: narrowest, most precise date first, then by content (so the merge
    does not depend on the input order)."""
    return (
        (m.end - m.start).days,
        _PRECISION_RANK.get(m.precision, 9),
        m.approximate,
        m.start,
        m.type,
        m.name,
        m.article_id,
        m.event_id,
        m.evidence,
    )
