"""Temporal expression rules, loaded from ``resources/time/``.

Every rule of ``rules.toml`` is a regex written with lexicon macros (``{month}``, ``{num}``
...), compiled once. ``timex_scan`` finds where they match.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any, Final

from herald_timeline import resources

_DIR: Final = "time"
_MACRO: Final = re.compile(r"\{([a-z]+)(?::([a-z0-9]+))?\}")
# no timex starts inside a word, a number, an amount or a path
LEFT: Final = r"(?<![\w$£€/.,])"


@dataclass(frozen=True, slots=True)
class Rule:
    """One normalisation rule: a compiled pattern and how to read its match."""

    name: str
    kind: str
    type: str
    pattern: re.Pattern[str]
    params: Mapping[str, Any] = field(default_factory=dict)
    examples: tuple[tuple[str, str], ...] = ()
    body: str = ""  # the rule's own regex, without the boundary and the modifier prefix
    modded: bool = False  # whether a modifier prefix ("early", "around") may precede it
    #: ``pattern`` without the modifier alternation (its group never takes part): the same
    #: match where no modifier starts, found without trying every modifier first
    bare: re.Pattern[str] | None = None
    #: ``pattern`` and ``bare`` lower-cased and matched case-sensitively on lower-cased text:
    #: the same spans, and alternations fail fast (IGNORECASE literals try every branch)
    lowered: re.Pattern[str] | None = None
    lowered_bare: re.Pattern[str] | None = None


@dataclass(init=False, frozen=True, slots=True)
class Hit:
    """A rule's match at a position of the text."""

    rule: Rule
    match: re.Match[str]

    # written out, not generated: mypyc compiles it to direct stores (see records)
    def __init__(self, rule: Rule, match: re.Match[str]) -> None:
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "match", match)

    @property
    def start(self) -> int:
        return self.match.start()

    @property
    def end(self) -> int:
        return self.match.end()


def _words(name: str, column: str = "word") -> list[str]:
    return [row[column] for row in resources.table(f"{_DIR}/{name}")]


@cache
def lexicon(name: str) -> dict[str, str]:
    """``word -> value`` of a two-column lexicon, keys lower-cased."""
    rows = resources.table(f"{_DIR}/{name}")
    keys = list(rows[0])
    return {row[keys[0]].lower(): row[keys[1]] for row in rows}


@cache
def table(name: str) -> dict[str, dict[str, str]]:
    """Rows of a lexicon keyed by their lower-cased first column."""
    rows = resources.table(f"{_DIR}/{name}")
    first = next(iter(rows[0]))
    return {row[first].lower(): row for row in rows}


def _names(name: str) -> str:
    """Month or weekday names: full names end at a word boundary, abbreviations take a dot
    (months may omit it: "Nov 3")."""
    words = _words(name)
    longest: dict[str, str] = {}
    for word in words:  # full name = the longest word with the same value
        value = lexicon(name)[word.lower()]
        if len(word) > len(longest.get(value, "")):
            longest[value] = word
    full = [w for w in words if w in longest.values()]
    short = [w for w in words if w not in full]
    # "Nov 3" is a date, "Jan" alone is a name
    dot = r"(?:\.|(?= \d))" if name == "months.csv" else r"\."
    return rf"(?:{resources.alternation(full)}(?!\w)|{resources.alternation(short)}{dot})"


_ONES: Final = "one|two|three|four|five|six|seven|eight|nine"
_TEENS: Final = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS: Final = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
#: "nineteen ninety-six", "nineteen oh five" (a count never reads "nineteen ninety-six";
#: "two thousand" does, so it is a year only after "the year": rule year)
_SPELLED_YEAR: Final = (
    rf"nineteen[- ](?:(?:{_TENS})(?:[- ](?:{_ONES}))?|{_TEENS}|hundred|oh[- ](?:{_ONES}))(?![\w-])"
)


@lru_cache(maxsize=1)
def macros() -> dict[str, str]:
    """Macro name -> regex body (without the group)."""
    numbers = resources.alternation(_words("numbers.csv"))
    units = resources.alternation(_words("units.csv"))
    values = lexicon("numbers.csv")
    tens = [w for w, v in values.items() if v.isdigit() and 20 <= int(v) <= 90]
    ones = [w for w, v in values.items() if v.isdigit() and 1 < int(v) < 10]
    compound = rf"(?:{resources.alternation(tens)})[- ](?:{resources.alternation(ones)})"
    mods = resources.alternation(_words("modifiers.csv"))
    return {
        "month": _names("months.csv"),
        "weekday": _names("weekdays.csv"),
        "day": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)",
        "year": rf"(?:1[6-9]\d\d|20\d\d)(?!\d)|{_SPELLED_YEAR}",
        "num": rf"(?:\d{{1,3}}(?: 1/2|\.\d+)?(?![\d/])|{compound}|{numbers}(?![\w]))",
        "unit": rf"{units}(?![\w])",
        "ordq": r"(?:first|second|third|fourth|final|1st|2nd|3rd|4th)",
        "ordh": r"(?:first|second|last|1st|2nd)",
        "season": resources.alternation(_words("seasons.csv")),
        "pod": resources.alternation(_words("parts_of_day.csv")),
        "hour": r"(?:[01]?\d|2[0-3])",
        "minute": r"[0-5]\d(?!\d)",
        "ampm": r"(?:[ap]\.m\.|[ap]m(?![\w]))",
        "tz": resources.alternation(_words("time_zones.csv")) + r"(?![\w])",
        "holiday": resources.alternation(_words("holidays.csv")) + r"(?![\w])",
        "mod": mods,
    }


def expand(pattern: str, *, where: str = "") -> str:
    """Replace ``{macro}`` / ``{macro:group}`` by named groups of the macro's regex."""
    table_ = macros()

    def one(match: re.Match[str]) -> str:
        name, group = match.group(1), match.group(2) or match.group(1)
        if name not in table_:
            raise resources.ResourceError(f"{where}: unknown macro {{{name}}}")
        body = table_[name]
        if name == "mod":  # optional prefix: the group sits inside the optional part
            return f"(?:(?P<{group}>{body})[ -])?"
        return f"(?P<{group}>{body})"

    return _MACRO.sub(one, pattern)


def _lowered(regex: str) -> re.Pattern[str] | None:
    """``regex`` for lower-cased text (see ``resources.lowered``)."""
    pattern = resources.lowered(regex)
    return None if pattern is None else re.compile(pattern)


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """Every rule of ``rules.toml``, compiled (each refuses to match "")."""
    out = []
    for spec in resources.toml(f"{_DIR}/rules.toml")["rule"]:
        name = spec["name"]
        body = spec["pattern"]
        modded = bool(spec.get("mod", True))
        if modded:
            body = "{mod}(?:" + body + ")"
        regex = LEFT + "(?:" + expand(body, where=name) + ")"
        bare = None
        if modded:
            bare = (
                LEFT + "(?:(?:(?P<mod>(?!))[ -])?(?:" + expand(spec["pattern"], where=name) + "))"
            )
        params = {
            k: v
            for k, v in spec.items()
            if k not in {"name", "pattern", "kind", "type", "examples", "mod"}
        }
        out.append(
            Rule(
                name=name,
                kind=spec["kind"],
                type=spec.get("type", "date"),
                pattern=resources.compile_pattern(regex, re.IGNORECASE, where=name),
                params=params,
                examples=tuple((str(a), str(b)) for a, b in spec.get("examples", ())),
                body=expand(spec["pattern"], where=name),
                modded=modded,
                bare=None if bare is None else re.compile(bare, re.IGNORECASE),
                lowered=_lowered(regex),
                lowered_bare=None if bare is None else _lowered(bare),
            )
        )
    return tuple(out)
