"""Event triggers: the words that say an event happened, typed by rules kept as data.

The rules live in ``resources/events/triggers.toml`` (file order is priority). They are
combined into one compiled alternation, so each sentence is scanned once; the per-rule
checks (``needs``, ``unless``, ``before_not``) run only on the few matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from herald_timeline import resources

_FLAGS = re.IGNORECASE
TYPES = ("meeting", "launch", "agreement", "establishment", "exercise", "statement", "other")


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    type: str
    pattern: str
    needs: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    before_not: re.Pattern[str] | None
    after_not: re.Pattern[str] | None
    weak: bool
    examples: tuple[str, ...]
    counter: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger match inside one sentence (offsets relative to the sentence text)."""

    type: str
    start: int
    end: int
    text: str
    rule: str
    weak: bool


def _optional(spec: dict[str, Any], key: str, where: str) -> re.Pattern[str] | None:
    value = spec.get(key)
    return resources.compile_pattern(value, _FLAGS, where=where) if value else None


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The trigger rules, in priority order."""
    out = []
    for spec in resources.toml("events/triggers.toml")["rule"]:
        where = f"events/triggers.toml:{spec['id']}"
        if spec["type"] not in TYPES:
            raise resources.ResourceError(f"{where}: unknown type {spec['type']!r}")
        compiled = resources.compile_pattern(spec["pattern"], _FLAGS, where=where)
        if compiled.groups:
            raise resources.ResourceError(f"{where}: use (?:...) groups only")
        out.append(
            Rule(
                id=spec["id"],
                type=spec["type"],
                pattern=spec["pattern"],
                needs=_optional(spec, "needs", where),
                unless=_optional(spec, "unless", where),
                before_not=_optional(spec, "before_not", where),
                after_not=_optional(spec, "after_not", where),
                weak=bool(spec.get("weak", False)),
                examples=tuple(spec.get("examples", ())),
                counter=tuple(spec.get("counter", ())),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def _combined() -> re.Pattern[str]:
    parts = [f"(?P<r{i}>{rule.pattern})" for i, rule in enumerate(rules())]
    # every trigger starts a word: one shared test at each position lets the scan skip
    # the inside of words without trying every alternative there
    return re.compile(r"(?=\b\w)(?:" + "|".join(parts) + ")", _FLAGS)


def _accept(rule: Rule, text: str, start: int, end: int) -> bool:
    if rule.needs is not None and not rule.needs.search(text):
        return False
    if rule.unless is not None and rule.unless.search(text):
        return False
    if rule.before_not is not None and rule.before_not.search(text[max(0, start - 60) : start]):
        return False
    if rule.after_not is not None and rule.after_not.match(text, end, end + 80):
        return False
    return True


def find_triggers(text: str) -> list[Trigger]:
    """Triggers in a sentence, left to right; weak ones dropped when a strong one is there."""
    table = rules()
    found: list[Trigger] = []
    for match in _combined().finditer(text):
        name = match.lastgroup
        if name is None:
            continue
        rule = table[int(name[1:])]
        if not _accept(rule, text, match.start(), match.end()):
            # a vetoed match may still hide a lower-priority rule at the same place
            fallback = _fallback(text, match.start(), int(name[1:]))
            if fallback is None:
                continue
            found.append(fallback)
            continue
        found.append(
            Trigger(rule.type, match.start(), match.end(), match.group(), rule.id, rule.weak)
        )
    if any(not t.weak for t in found):
        found = [t for t in found if not t.weak]
    return found


def _fallback(text: str, position: int, after: int) -> Trigger | None:
    """The next rule (in priority order) that matches at ``position`` and is accepted."""
    table = rules()
    for index in range(after + 1, len(table)):
        rule = table[index]
        match = _single(index).match(text, position)
        if match and _accept(rule, text, position, match.end()):
            return Trigger(rule.type, match.start(), match.end(), match.group(), rule.id, rule.weak)
    return None


@cache
def _single(index: int) -> re.Pattern[str]:
    return re.compile(rules()[index].pattern, _FLAGS)


def rule_types(text: str) -> list[tuple[str, str]]:
    """(rule id, type) of every trigger in ``text``: a helper for tests and debugging."""
    return [(t.rule, t.type) for t in find_triggers(text)]
