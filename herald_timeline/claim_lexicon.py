"""Compiled lexicons for :mod:`herald_timeline.claims`: the number scan, the unit taxonomy
and the word lists of ``resources/claims/``, each read and compiled once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from herald_timeline import resources
from herald_timeline.numbers import number_pattern
from herald_timeline.text import trie


def _words(name: str) -> str:
    return resources.alternation(resources.lines(f"claims/{name}"))


@lru_cache(maxsize=1)
def bounds() -> dict[str, str]:
    return {row["phrase"].lower(): row["bound"] for row in resources.table("claims/bounds.csv")}


@lru_cache(maxsize=1)
def scan() -> re.Pattern[str]:
    num = number_pattern()
    hedges = trie(bounds())
    edge_before = r"(?<![\w$€£₩#.,/:+-])"
    edge_after = r"(?![\w%$€£₩+:/]|[.,]\d|[-–]\w)"
    pattern = (
        rf"{edge_before}(?:"
        rf"(?P<between>between|from)\s+(?P<lo>{num})\s*(?:\s(?:and|to)\s|[-–])\s*(?P<hi>{num})"
        rf"|(?:(?P<bound>{hedges})\s+)?(?P<num>{num})"
        rf"(?:(?:\s+(?:to|or)\s+|\s*[-–]\s*)(?P<num2>{num}))?"
        rf"){edge_after}"
    )
    # run on lower-cased text: much faster than IGNORECASE
    return resources.compile_pattern(pattern, where="claims scan")


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    return frozenset(row["word"].lower() for row in resources.table("claims/number_words.csv"))


_DIGIT = re.compile(r"\d")
#: what separates words for ``has_number`` besides white space
_PUNCT = "-–—,.;:!?()[]\"'“”‘’/"


@lru_cache(maxsize=1)
def _number_word() -> re.Pattern[str]:
    """A number word standing alone between white space and punctuation ("two-thirds" has
    one, "often" none); a trie regex (four times faster than translating and splitting)."""
    edge = rf"[^\s{re.escape(_PUNCT)}]"
    return re.compile(rf"(?<!{edge}){trie(_number_words())}(?!{edge})")


def has_number(lower: str) -> bool:
    """Cheap test run before the scan: a digit or a number word."""
    return bool(_DIGIT.search(lower) or _number_word().search(lower))


@lru_cache(maxsize=1)
def _units() -> tuple[tuple[str, ...], str]:
    """(unit per group index, alternation with one named group per unit pattern)."""
    rows = sorted(resources.table("claims/units.csv"), key=lambda r: -len(r["pattern"]))
    names = tuple(r["unit"] for r in rows)
    alt = "|".join(f"(?P<u{i}>{r['pattern']})" for i, r in enumerate(rows))
    return names, rf"(?:{alt})(?![\w-])"


@lru_cache(maxsize=1)
def _unit_after() -> re.Pattern[str]:
    """Anchored after a number: up to five modifiers, then the first unit noun."""
    stop = _words("stopwords.txt")
    mod = rf"(?!{stop}(?![\w-]))[^\W\d_][\w.’'&-]*"
    return resources.compile_pattern(
        rf"\s+(?:{mod}\s+){{0,5}}?{_units()[1]}", re.IGNORECASE, where="units"
    )


@lru_cache(maxsize=1)
def _unit_next() -> re.Pattern[str]:
    """A unit noun after another, maybe past names ("ICBM launches", "F-22 stealth fighters",
    "United Nations Command member states")."""
    names = r"(?:(?-i:[A-Z])[\w.’'&-]*\s+){0,3}"
    return resources.compile_pattern(rf"\s+{names}{_units()[1]}", re.IGNORECASE, where="units")


@lru_cache(maxsize=1)
def not_count_after() -> re.Pattern[str]:
    """A time unit or a measure right after the number: a duration or measurement."""
    times = _words("time_units.txt")
    measures = _words("measures.txt")
    return resources.compile_pattern(
        rf"\s*(?:[-–]\s*)?(?:{times}(?:s|es)?|{measures})(?![\w])"
        rf"|\s+(?:and\s+a\s+)?half\b|\s+(?:of\s+)?(?:a|an|the)\s+(?:year|month|week|day)s?\b"
        rf"(?!\s+(?:earlier|later|ago|before|after))",
        re.IGNORECASE,
        where="not-count",
    )


@dataclass(frozen=True, slots=True)
class _Before:
    """Word lists checked against the word before a number (lower case)."""

    anaphora: frozenset[str]  # "those two", "both": a repeated count
    soft: frozenset[str]  # "the two", "all three": anaphora when repeating (see _resolve)
    ident: frozenset[str]  # "Resolution 2371": a name
    date: frozenset[str]  # "Jan. 7": a day
    pronoun: frozenset[str]  # "a second one", "no one": "one" is a pronoun


@lru_cache(maxsize=1)
def before_words() -> _Before:
    def words(name: str) -> frozenset[str]:
        return frozenset(w.lower() for w in resources.lines(f"claims/{name}"))

    return _Before(
        anaphora=words("anaphora.txt"),
        soft=words("soft_anaphora.txt"),
        ident=words("identifiers.txt"),
        date=words("date_words.txt"),
        pronoun=words("pronoun_one.txt"),
    )


def last_words(head: str) -> list[str]:
    """The last three words before a number, lower case, without surrounding quotes."""
    return [w.strip("\"“”‘'(,").lower() for w in head.rsplit(None, 3)[-3:]]


@lru_cache(maxsize=1)
def anaphoric_units() -> frozenset[str]:
    return frozenset(resources.lines("claims/anaphoric_units.txt"))


# What may follow an elliptical count: "two on March 2nd", "Seven were fired", "one by",
# "two more", "90 on Jan. 7", "10 to 20 a year earlier", "one of them".
ELLIPSIS = re.compile(
    r"\s*(?:[,;.]|\Z)|\s+(?:on|by|in|from|more|were|was|had|have|has|are|is|each|apiece"
    r"|a\s+(?:year|month|week|day)\s+(?:earlier|later|ago|before)|last|this|earlier|later)\b",
    re.IGNORECASE,
)
OF_THEM = re.compile(r"\s+of\s+(?:them|those|these)\b", re.IGNORECASE)
OF_THE_NEXT = re.compile(
    r"\s+of\s+(?:the|its|their|his|her)\s+(?:[\w.’'-]+(?:'s|’s)\s+)?\Z", re.IGNORECASE
)
AND_NEXT = re.compile(r"\s+(?:[^\W\d_][\w.’'-]*\s+){0,3}?(?:and|or)\s+\Z", re.IGNORECASE)
NUMBER_OF = re.compile(
    r"\b(?:number|total|tally|count)\s+of\s+(?P<np>.{1,100}?)\s+(?:to|at|is|was|stands\s+at"
    r"|reached|hit)\s+\Z",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def subset_cue() -> re.Pattern[str]:
    return resources.compile_pattern(
        rf"\b{_words('subset_cues.txt')}\b", re.IGNORECASE, where="subset cues"
    )


def unit_of(phrase: str) -> tuple[str, str] | None:
    """(unit, unit_text) of the noun phrase after a number ("F-22 stealth fighters" ->
    ('stealth fighter', 'stealth fighters')); None when it names no countable unit."""
    found = find_unit(" " + phrase, 0)
    return None if found is None else (found[0], found[1])


def find_unit(text: str, pos: int) -> tuple[str, str, int] | None:
    match = _unit_after().match(text, pos)
    if match is None:
        return None
    names = _units()[0]
    # a unit noun right after another wins: "ICBM launches" counts launches
    for _ in range(3):
        after = _unit_next().match(text, match.end())
        if after is None:
            break
        match = after
    group = match.lastgroup or ""
    start = match.start(group)
    written = text[start : match.end()]
    unit = names[int(group[1:])]
    if unit == "*":
        unit = written[:-1] if written.endswith("s") else written
    return unit, written, match.end()
