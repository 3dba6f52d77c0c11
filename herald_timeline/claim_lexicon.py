"""Compiled lexicons for :mod:`herald_timeline.claims`: the number scan, the unit taxonomy
and the word lists of ``resources/claims/``, each read and compiled once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from herald_timeline import resources
from herald_timeline.numbers import number_pattern, number_starts
from herald_timeline.pattern_facts import first_chars
from herald_timeline.text import ascii_class, case_odd, trie


def _words(name: str) -> str:
    return resources.alternation(resources.lines(f"claims/{name}"))


@lru_cache(maxsize=1)
def bounds() -> dict[str, str]:
    return {row["phrase"].lower(): row["bound"] for row in resources.table("claims/bounds.csv")}


#: the characters a scan match may not follow (a number inside "$5", "#3", "1.5", "+82")
_BEFORE: Final = r"\w$€£₩#.,/:+-"


@lru_cache(maxsize=1)
def scan() -> re.Pattern[str]:
    num = number_pattern()
    hedges = trie(bounds())
    edge_before = rf"(?<![{_BEFORE}])"
    edge_after = r"(?![\w%$€£₩+:/]|[.,]\d|[-–]\w)"
    pattern = (
        rf"{edge_before}(?:"
        rf"(?P<between>between|from)\s+(?P<lo>{num})\s*(?:\s(?:and|to)\s|[-–])\s*(?P<hi>{num})"
        rf"|(?:(?P<bound>{hedges})\s+)?(?P<num>{num})"
        rf"(?:(?:\s+(?:to|or)\s+|\s*[-–]\s*)(?P<num2>{num})|\s+or\s+(?P<post>so|more|fewer|less))?"
        rf"){edge_after}"
    )
    # run on lower-cased text: much faster than IGNORECASE
    return resources.compile_pattern(pattern, where="claims scan")


@lru_cache(maxsize=1)
def _scan_starts() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A character the scan may follow, then how a scan match begins ("between", a hedge,
    a number). It consumes that character rather than looking behind: sre then skips from
    candidate to candidate with its class test instead of entering the scan everywhere.
    (for any text, for ASCII text: its class spelt out, see :func:`ascii_class`)"""
    starts = rf"between|from|{trie(bounds())}|{number_starts()}"
    before = rf"[^{_BEFORE}]"
    return (
        resources.compile_pattern(rf"{before}(?={starts})", where="claims scan starts"),
        resources.compile_pattern(rf"{ascii_class(before)}(?={starts})", where="scan starts"),
    )


def scan_all(folded: str) -> list[re.Match[str]]:
    """The matches of ``scan().finditer(folded)``, the scan tried only where one can begin:
    at the start of the text or after a character :func:`_scan_starts` finds."""
    match = scan().match
    found = match(folded)
    out = [] if found is None else [found]
    end = 0 if found is None else found.end()
    for start in _scan_starts()[folded.isascii()].finditer(folded):
        at = start.end()
        if at >= end:
            found = match(folded, at)
            if found is not None:
                out.append(found)
                end = found.end()
    return out


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    return frozenset(row["word"].lower() for row in resources.table("claims/number_words.csv"))


#: what separates words for ``has_number`` besides white space
_PUNCT: Final = "-–—,.;:!?()[]\"'“”‘’/"


@lru_cache(maxsize=1)
def _number_word() -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """A number word standing alone between white space and punctuation ("two-thirds" has
    one, "often" none): (at the text's start, after a separator). A trie regex (four times
    faster than translating and splitting); the separator is consumed, not looked behind,
    so that sre skips from separator to separator with its class test. For any text, and
    for ASCII text (classes spelt out)."""
    edge = rf"[^\s{re.escape(_PUNCT)}]"
    separator = rf"[\s{re.escape(_PUNCT)}]"
    out = []
    for spell in (str, ascii_class):
        word = rf"{trie(_number_words())}(?!{spell(edge)})"
        out.append((re.compile(word), re.compile(rf"{spell(separator)}{word}")))
    return tuple(out)


_DIGIT: Final = re.compile(r"\d")


def _has_ascii_digit(text: str) -> bool:
    # ten substring tests (memchr in C) cost less than one search for a class, which re
    # tests character by character
    for digit in "0123456789":
        if digit in text:
            return True
    return False


def has_number(lower: str) -> bool:
    """Cheap test run before the scan: a digit or a number word."""
    ascii_text = lower.isascii()
    if _has_ascii_digit(lower) or (not ascii_text and _DIGIT.search(lower)):
        return True
    first, later = _number_word()[ascii_text]
    return first.match(lower) is not None or later.search(lower) is not None


@lru_cache(maxsize=1)
def _unit_rows() -> tuple[tuple[str, str], ...]:
    """(pattern, unit) of the taxonomy, longest pattern first (the order they are tried)."""
    rows = sorted(resources.table("claims/units.csv"), key=lambda r: -len(r["pattern"]))
    return tuple((r["pattern"], r["unit"]) for r in rows)


def _unit_alternation(indices: Iterable[int]) -> str:
    """The unit patterns at ``indices`` (in order), a named group each: ``u<index>``."""
    rows = _unit_rows()
    return "(?:" + "|".join(f"(?P<u{i}>{rows[i][0]})" for i in indices) + r")(?![\w-])"


@lru_cache(maxsize=1)
def _units() -> tuple[tuple[str, ...], str]:
    """(unit per group index, alternation with one named group per unit pattern)."""
    rows = _unit_rows()
    return tuple(unit for _, unit in rows), _unit_alternation(range(len(rows)))


@lru_cache(maxsize=1)
def _unit_after() -> re.Pattern[str]:
    """Anchored after a number: up to five modifiers, then the first unit noun. The
    definition :func:`_walk_after` follows word by word (and its stand-in when it cannot)."""
    stop = _words("stopwords.txt")
    mod = rf"(?!{stop}(?![\w-]))[^\W\d_][\w.’'&-]*"
    return resources.compile_pattern(
        rf"\s+(?:{mod}\s+){{0,5}}?{_units()[1]}", re.IGNORECASE, where="units"
    )


@lru_cache(maxsize=1)
def _unit_next() -> re.Pattern[str]:
    """A unit noun after another, maybe past names ("ICBM launches", "F-22 stealth fighters",
    "United Nations Command member states"). :func:`_walk_next` follows it word by word."""
    names = r"(?:(?-i:[A-Z])[\w.’'&-]*\s+){0,3}"
    return resources.compile_pattern(rf"\s+{names}{_units()[1]}", re.IGNORECASE, where="units")


@dataclass(frozen=True, slots=True)
class _UnitStarts:
    """The unit alternation split by the first character a match can begin with (lower
    case): at a word, only the units that can begin there are tried, in taxonomy order."""

    by_first: dict[str, re.Pattern[str]]
    every: re.Pattern[str]  # at a character IGNORECASE equates with another ("ſ", "K")

    def match(self, text: str, at: int) -> re.Match[str] | None:
        char = text[at : at + 1]
        if not char or case_odd(char):
            return self.every.match(text, at)
        pattern = self.by_first.get(char.lower())
        return pattern.match(text, at) if pattern is not None else None


@lru_cache(maxsize=1)
def _unit_starts() -> _UnitStarts | None:
    """None when a unit's first characters are unknown (or include white space, which the
    space before it could give back): the walks then use the one-regex definitions."""
    firsts = [first_chars(p, re.IGNORECASE) for p, _ in _unit_rows()]
    if any(f is None or not all(c.isascii() and c.isalnum() for c in f) for f in firsts):
        return None
    keys = {c.lower() for f in firsts if f is not None for c in f}

    def compiled(indices: Iterable[int]) -> re.Pattern[str]:
        return resources.compile_pattern(_unit_alternation(indices), re.IGNORECASE, where="units")

    by_first = {
        key: compiled(i for i, f in enumerate(firsts) if f and key in {c.lower() for c in f})
        for key in keys
    }
    return _UnitStarts(by_first, compiled(range(len(firsts))))


@lru_cache(maxsize=1)
def _stops() -> tuple[frozenset[str], re.Pattern[str]]:
    """(stop words, their lookahead regex) for the modifier test of :func:`_walk_after`."""
    stop = _words("stopwords.txt")
    return frozenset(w.lower() for w in resources.lines("claims/stopwords.txt")), re.compile(
        rf"{stop}(?![\w-])", re.IGNORECASE
    )


def _is_stop(text: str, at: int, run: str) -> bool:
    """Whether a stop word begins at ``at`` (``run``: the word's letters, digits and hyphens):
    the lookahead of :func:`_unit_after`. A stop word followed by no letter or hyphen is the
    whole run, so a set look-up decides, unless a stop word spans several runs ("per cent")
    or the run holds a letter IGNORECASE equates with another."""
    words, regex = _stops()
    if _simple_stops() and not case_odd(run):
        return run.lower() in words
    return regex.match(text, at) is not None


@lru_cache(maxsize=1)
def _simple_stops() -> bool:
    """Whether each stop word is a run of letters, digits and hyphens, or starts with one
    that is itself a stop word (then it adds nothing: "per cent" after "per")."""
    words = _stops()[0]
    run = re.compile(r"[\w-]+")
    return all(
        w.isascii() and ((m := run.match(w)) is not None and (m.group() == w or m.group() in words))
        for w in words
    )


_SPACE: Final = re.compile(r"\s+")
#: a modifier of :func:`_unit_after` (its letter/digit/hyphen run, group 1) and its space
_MODIFIER: Final = re.compile(r"([^\W\d_][\w-]*)[\w.’'&-]*\s+")
#: a name of :func:`_unit_next` and its space
_NAME: Final = re.compile(r"[A-Z][\w.’'&-]*\s+")


def _walk_after(text: str, pos: int) -> re.Match[str] | None:
    """``_unit_after().match(text, pos)``'s unit (the same groups), found word by word: each
    step is decided by one word (a modifier is a maximal run followed by space), so the
    lazy repeat tries exactly these positions in this order."""
    starts = _unit_starts()
    if starts is None:
        return _unit_after().match(text, pos)
    space = _SPACE.match(text, pos)
    if space is None:
        return None
    at = space.end()
    for step in range(6):
        found = starts.match(text, at)
        if found is not None or step == 5:
            return found
        word = _MODIFIER.match(text, at)
        if word is None or _is_stop(text, at, word.group(1)):
            return None
        at = word.end()
    return None


def _walk_next(text: str, pos: int) -> re.Match[str] | None:
    """``_unit_next().match(text, pos)``'s unit, word by word: after up to three names,
    the most names first (the greedy repeat's order)."""
    starts = _unit_starts()
    if starts is None:
        return _unit_next().match(text, pos)
    space = _SPACE.match(text, pos)
    if space is None:
        return None
    spots = [space.end()]
    for _ in range(3):
        name = _NAME.match(text, spots[-1])
        if name is None:
            break
        spots.append(name.end())
    for at in reversed(spots):
        found = starts.match(text, at)
        if found is not None:
            return found
    return None


@lru_cache(maxsize=1)
def not_count_after() -> re.Pattern[str]:
    """A time unit or a measure right after the number: a duration or measurement. Only
    whether it matches is used: tries (lower case, any-case matching) instead of flat
    alternations, so a word is rejected by its first letters."""

    def words(name: str) -> str:
        return trie({w.lower() for w in resources.lines(f"claims/{name}")})

    times = words("time_units.txt")
    measures = words("measures.txt")
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
ELLIPSIS: Final = re.compile(
    r"\s*(?:[,;.]|\Z)|\s+(?:on|by|in|from|more|were|was|had|have|has|are|is|each|apiece"
    r"|killed|wounded|injured|dead|missing|captured"
    r"|a\s+(?:year|month|week|day)\s+(?:earlier|later|ago|before)|last|this|earlier|later)\b",
    re.IGNORECASE,
)
OF_THEM: Final = re.compile(r"\s+of\s+(?:them|those|these)\b", re.IGNORECASE)
OF_THE_NEXT: Final = re.compile(
    r"\s+of\s+(?:the|its|their|his|her)\s+(?:[\w.’'-]+(?:'s|’s)\s+)?\Z", re.IGNORECASE
)
AND_NEXT: Final = re.compile(r"\s+(?:[^\W\d_][\w.’'-]*\s+){0,3}?(?:and|or)\s+\Z", re.IGNORECASE)
NUMBER_OF: Final = re.compile(
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
    match = _walk_after(text, pos)
    if match is None:
        return None
    names = _units()[0]
    # a unit noun right after another wins: "ICBM launches" counts launches
    for _ in range(3):
        after = _walk_next(text, match.end())
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
