"""Missile classes of the claim unit taxonomy (``ICBM``, ``SRBM``, ``SLBM``, ...): what a
published ``Missile Type`` is (``classes.csv``), which classes a name or phrase mentions
(``names.toml``), what the notes of a row of unknown type describe it as
(``described.toml``), and how a claim unit is counted in a launch table (``units.csv``).
The rules are data in ``resources/reference/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from herald_timeline import resources
from herald_timeline.text import case_odd


@lru_cache(maxsize=1)
def type_classes() -> dict[str, str]:
    """Published ``Missile Type`` (upper-cased) -> class in the claim taxonomy (``classes.csv``)."""
    return {
        row["type"].strip().upper(): row["class"]
        for row in resources.table("reference/classes.csv")
    }


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    cls: str
    pattern: re.Pattern[str]


def _rules(name: str, flags: int) -> tuple[_Rule, ...]:
    out = []
    for rule in resources.toml(name)["rule"]:
        where = f"{name}:{rule['name']}"
        compiled = resources.compile_pattern(rule["pattern"], flags, where=where)
        out.append(_Rule(rule["name"], rule["class"], compiled))
    return tuple(out)


@lru_cache(maxsize=1)
def _described_rules() -> tuple[_Rule, ...]:
    return _rules("reference/described.toml", 0)


@lru_cache(maxsize=1)
def _name_rules() -> tuple[_Rule, ...]:
    return _rules("reference/names.toml", re.IGNORECASE)


@lru_cache(maxsize=1)
def _any_name_rule() -> re.Pattern[str]:
    """Every name rule in one pattern, for lower-cased text."""
    joined = "|".join(f"(?:{rule.pattern.pattern})" for rule in _name_rules())
    pattern = resources.lowered(joined)
    if pattern is None:
        raise resources.ResourceError("reference/names.toml: a rule may not set regex flags")
    return re.compile(pattern)


def classify_name(text: str) -> frozenset[str]:
    """Missile classes a name or phrase mentions ("Hwasong-17 ICBM" -> {'ICBM'})."""
    # one pass to learn whether any class is named (most evidence sentences name none),
    # then the rules one by one (a phrase may name several); a letter that IGNORECASE
    # equates with an ASCII one ("ſ") makes lower-casing prove nothing
    if not case_odd(text) and not _any_name_rule().search(text.lower()):
        return frozenset()
    return frozenset(rule.cls for rule in _name_rules() if rule.pattern.search(text))


def described_class(notes: str) -> str | None:
    """The class a row's notes describe it as ("a failed ICBM test"; ``described.toml``)."""
    for rule in _described_rules():
        if rule.pattern.search(notes):
            return rule.cls
    return None


@dataclass(frozen=True, slots=True)
class UnitRule:
    """How a claim unit is counted in a launch table (a row of ``units.csv``)."""

    unit: str
    classes: frozenset[str] | None  # None: every row
    count: str  # 'missiles' | 'days'
    note: str


@lru_cache(maxsize=1)
def _unit_rules() -> dict[str, UnitRule]:
    out = {}
    for row in resources.table("reference/units.csv"):
        raw = row["classes"].strip()
        classes = None if raw == "*" else frozenset(c.strip() for c in raw.split(";"))
        out[row["unit"].strip().lower()] = UnitRule(row["unit"], classes, row["count"], row["note"])
    return out


def unit_rule(unit: str | None) -> UnitRule | None:
    """The counting rule for a claim unit ('ICBM', 'ballistic missile', 'launch'), or None."""
    if unit is None:
        return None
    return _unit_rules().get(" ".join(unit.lower().split()))
