"""Numeric claims: cardinal counts of discrete things ("more than 60 ballistic missiles").

One compiled scan per sentence finds written numbers with their hedge ("more than", "between
... and ..."); cheap checks then drop what is not a count (dates and durations, measurements,
money, ordinals, compounds such as "11-day", anaphora such as "the two leaders", identifiers
such as "Resolution 2371"). A count needs a unit from the taxonomy in
``resources/claims/units.csv``, written after it ("eight intercontinental ballistic missiles")
or taken from its context when elliptical ("Seven were fired ...", "one of them", "two on
March 2nd"). Subject, action, attribution and period come from the claim's sentence
(:mod:`herald_timeline.claim_context`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from herald_timeline import claim_context, resources
from herald_timeline.numbers import number_pattern, parse_number
from herald_timeline.text import Sentence

if TYPE_CHECKING:
    from herald_timeline.dates import Timex

__all__ = ["Claim", "find_claims", "unit_of"]


@dataclass(frozen=True, slots=True)
class Claim:
    """A count stated in an article; offsets are those of the evidence sentence."""

    value: float
    lower: float | None
    upper: float | None
    bound: str
    unit: str
    unit_text: str
    subject: str | None
    action: str | None
    period_start: date | None
    period_end: date | None
    part_of: int | None  # index (in the returned list) of the claim this is a subset of
    attributed_to: str | None
    evidence: str
    char_start: int
    char_end: int
    value_text: str


# --- compiled lexicons ---------------------------------------------------------------------


def _words(name: str) -> str:
    return resources.alternation(resources.lines(f"claims/{name}"))


@lru_cache(maxsize=1)
def _bounds() -> dict[str, str]:
    return {row["phrase"].lower(): row["bound"] for row in resources.table("claims/bounds.csv")}


@lru_cache(maxsize=1)
def _scan() -> re.Pattern[str]:
    num = number_pattern()
    bounds = resources.alternation(tuple(_bounds()))
    edge_before = r"(?<![\w$€£₩#.,/:+-])"
    edge_after = r"(?![\w%$€£₩+:/]|[.,]\d|[-–]\w)"
    pattern = (
        rf"{edge_before}(?:"
        rf"(?P<between>between|from)\s+(?P<lo>{num})\s*(?:\s(?:and|to)\s|[-–])\s*(?P<hi>{num})"
        rf"|(?:(?P<bound>{bounds})\s+)?(?P<num>{num})"
        rf"(?:(?:\s+(?:to|or)\s+|\s*[-–]\s*)(?P<num2>{num}))?"
        rf"){edge_after}"
    )
    return resources.compile_pattern(pattern, re.IGNORECASE, where="claims scan")


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
def _not_count_after() -> re.Pattern[str]:
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
    """Checks on the text before a number."""

    anaphora: re.Pattern[str]  # "those two", "both"
    soft: re.Pattern[str]  # "the two", "all three": anaphora when repeating (see _resolve)
    of_the: re.Pattern[str]  # "five of the 11": the 11 is a first mention
    ident: re.Pattern[str]  # "Resolution 2371"
    date: re.Pattern[str]  # "Jan. 7"
    pronoun: re.Pattern[str]  # "a second one", "no one": "one" is a pronoun


@lru_cache(maxsize=1)
def _before() -> _Before:
    def at_end(words: str, where: str, space: str = r"\s+") -> re.Pattern[str]:
        return resources.compile_pattern(rf"(?<![\w-]){words}{space}\Z", re.IGNORECASE, where=where)

    return _Before(
        anaphora=at_end(_words("anaphora.txt"), "anaphora"),
        soft=at_end(_words("soft_anaphora.txt"), "soft anaphora"),
        of_the=at_end(rf"(?:{number_pattern()})\s+of\s+(?:the|those|these)", "of-the"),
        ident=at_end(_words("identifiers.txt"), "identifiers", r"\s*"),
        date=at_end(_words("date_words.txt"), "date words"),
        pronoun=at_end(
            r"(?:a|an|another|any|no|every|each|the|this|that|which|first|second|third|last"
            r"|next|only|single)",
            "pronoun one",
        ),
    )


@lru_cache(maxsize=1)
def _anaphoric_units() -> frozenset[str]:
    return frozenset(resources.lines("claims/anaphoric_units.txt"))


# What may follow an elliptical count: "two on March 2nd", "Seven were fired", "one by",
# "two more", "90 on Jan. 7", "10 to 20 a year earlier", "one of them".
_ELLIPSIS = re.compile(
    r"\s*(?:[,;.]|\Z)|\s+(?:on|by|in|from|more|were|was|had|have|has|are|is|each|apiece"
    r"|a\s+(?:year|month|week|day)\s+(?:earlier|later|ago|before)|last|this|earlier|later)\b",
    re.IGNORECASE,
)
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these)\b", re.IGNORECASE)
_OF_THE_NEXT = re.compile(
    r"\s+of\s+(?:the|its|their|his|her)\s+(?:[\w.’'-]+(?:'s|’s)\s+)?\Z", re.IGNORECASE
)
_AND_NEXT = re.compile(r"\s+(?:[^\W\d_][\w.’'-]*\s+){0,3}?(?:and|or)\s+\Z", re.IGNORECASE)
_NUMBER_OF = re.compile(
    r"\b(?:number|total|tally|count)\s+of\s+(?P<np>.{1,100}?)\s+(?:to|at|is|was|stands\s+at"
    r"|reached|hit)\s+\Z",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _subset_cue() -> re.Pattern[str]:
    return resources.compile_pattern(
        rf"\b{_words('subset_cues.txt')}\b", re.IGNORECASE, where="subset cues"
    )


def unit_of(phrase: str) -> tuple[str, str] | None:
    """(unit, unit_text) of the noun phrase after a number ("F-22 stealth fighters" ->
    ('stealth fighter', 'stealth fighters')); None when it names no countable unit."""
    found = _find_unit(" " + phrase, 0)
    return None if found is None else (found[0], found[1])


def _find_unit(text: str, pos: int) -> tuple[str, str, int] | None:
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


# --- candidates ----------------------------------------------------------------------------


@dataclass(slots=True)
class _Count:
    value: float
    lower: float | None
    upper: float | None
    bound: str
    start: int  # offsets of the number (with hedge) in the body
    end: int
    value_text: str
    sentence: Sentence
    unit: str | None = None
    unit_text: str = ""
    unit_end: int = 0
    part_of: _Count | None = None
    elliptical: bool = False
    definite: bool = False  # after "the"/"all": maybe a repeated count


def _numbers(match: re.Match[str]) -> tuple[float, float | None, float | None, str] | None:
    """(value, lower, upper, bound) of a scan match."""
    if match.group("between"):
        lo, hi = parse_number(match.group("lo")), parse_number(match.group("hi"))
        if lo is None or hi is None or hi <= lo:
            return None
        return lo, lo, hi, "range"
    value = parse_number(match.group("num"))
    if value is None:
        return None
    if match.group("num2"):
        hi = parse_number(match.group("num2"))
        if hi is None or hi <= value:
            return None
        return value, value, hi, "range"
    bound = _bounds().get(" ".join((match.group("bound") or "").lower().split()), "exact")
    lower = value if bound in ("exact", "more_than", "at_least") else None
    upper = value if bound in ("exact", "at_most", "less_than") else None
    if bound == "about":
        lower = upper = None
    return value, lower, upper, bound


def _candidates(body: str, sentence: Sentence, spans: tuple[list[int], list[int]]) -> list[_Count]:
    text = sentence.text
    before = _before()
    out: list[_Count] = []
    for match in _scan().finditer(text):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if _in_timex(spans, start, end):
            continue
        if _not_count_after().match(text, match.end()):
            continue
        head = text[max(0, match.start() - 60) : match.start()]
        if before.ident.search(head) or before.date.search(head) or before.anaphora.search(head):
            continue
        written = match.group(0)
        if written.lower() == "one" and (
            before.pronoun.search(head) or (written[0] == "O" and match.start() > 0)
        ):
            continue  # "a second one", "Air Force One"
        numbers = _numbers(match)
        if numbers is None:
            continue
        value, lower, upper, bound = numbers
        count = _Count(value, lower, upper, bound, start, end, written, sentence)
        count.definite = bool(before.soft.search(head)) and not before.of_the.search(head)
        found = _find_unit(text, match.end())
        if found is not None:
            count.unit, count.unit_text, unit_end = found
            count.unit_end = sentence.start + unit_end
        elif _YEAR.match(written):
            continue  # "in 2006", "2016 and 2017"
        out.append(count)
    return out


_YEAR = re.compile(r"(?:1[89]|2[01])\d\d\Z")


def _in_timex(spans: tuple[list[int], list[int]], start: int, end: int) -> bool:
    starts, ends = spans
    i = bisect.bisect_right(starts, end - 1) - 1  # last timex starting before our end
    return i >= 0 and ends[i] > start


# --- elliptical counts and subsets ---------------------------------------------------------


def _resolve(counts: list[_Count], body: str) -> list[_Count]:
    """Give elliptical counts their unit and set subsets; drop what stays unit-less."""
    kept: list[_Count] = []
    for i, count in enumerate(counts):
        if count.definite and (
            count.unit is None
            or count.unit in _anaphoric_units()
            or any(c.value == count.value for c in counts[:i])
        ):
            continue  # "the two missiles" repeating "two ballistic missiles"
        sentence = count.sentence
        after = body[count.end : sentence.end]
        before = body[sentence.start : count.start]
        same = [c for c in kept if c.sentence is sentence]
        if count.unit is not None:
            previous = same[-1] if same else None
            if previous is not None and _is_subset(body[previous.end : count.start]):
                count.part_of = previous.part_of or previous
            kept.append(count)
            continue
        if _OF_THEM.match(after):
            source = same[-1] if same else _previous(kept, sentence)
            if source is not None and source.unit is not None and source.value > count.value:
                _inherit(count, source, part_of=source)
                kept.append(count)
            continue
        following = _next_explicit(counts, i)
        between = body[count.end : following.start] if following is not None else ""
        if following is not None and _OF_THE_NEXT.match(between):
            if following.value > count.value:
                _inherit(count, following, part_of=following)
                kept.append(count)
            continue
        if following is not None and _AND_NEXT.match(between):
            _inherit(count, following, part_of=None)
            kept.append(count)
            continue
        total = _NUMBER_OF.search(before[-140:])
        if total is not None:
            found = unit_of(total.group("np"))
            if found is not None:
                count.unit, count.unit_text = found[0], ""
                count.elliptical = True
                kept.append(count)
            continue
        if not _ELLIPSIS.match(after):
            continue
        if same:
            source = same[-1]
            _inherit(count, source, part_of=source.part_of)
            kept.append(count)
            continue
        source = _previous(kept, sentence)
        if source is not None and source.unit is not None:
            whole = source.part_of or source
            _inherit(count, source, part_of=whole if whole.value >= count.value else None)
            kept.append(count)
    return kept


def _is_subset(between: str) -> bool:
    """Whether the text between two counts makes the second a subset ("..., including")."""
    cues = list(_subset_cue().finditer(between))
    if not cues:
        return False
    rest = between[cues[-1].end() :]
    return len(rest) <= 80 and not _CLAUSE.search(rest)


_CLAUSE = re.compile(r"[;:]|\b(?:which|who|that|according|while|whereas)\b", re.IGNORECASE)


def _inherit(count: _Count, source: _Count, *, part_of: _Count | None) -> None:
    count.unit = source.unit
    count.unit_text = ""
    count.part_of = part_of
    count.elliptical = True


def _next_explicit(counts: list[_Count], i: int) -> _Count | None:
    """The next count of the same sentence, if it names its unit."""
    if i + 1 < len(counts) and counts[i + 1].sentence is counts[i].sentence:
        nxt = counts[i + 1]
        return nxt if nxt.unit is not None else None
    return None


def _previous(kept: list[_Count], sentence: Sentence) -> _Count | None:
    """The last count of the previous sentence when it is in the same paragraph or adjacent."""
    if not kept:
        return None
    last = kept[-1]
    near = last.sentence.index == sentence.index - 1
    same_paragraph = last.sentence.paragraph == sentence.paragraph
    gap = sentence.index - last.sentence.index
    return last if near or (same_paragraph and gap <= 2) else None


# --- assembly ------------------------------------------------------------------------------


def find_claims(
    body: str,
    sentences: Sequence[Sentence],
    timexes: Sequence[Timex],
    *,
    published: datetime | None,
    tz: str = "Asia/Seoul",
) -> list[Claim]:
    """The numeric claims of ``body`` in text order (``part_of`` indexes this list)."""
    ordered = sorted(timexes, key=lambda t: t.char_start)
    spans = ([t.char_start for t in ordered], [t.char_end for t in ordered])
    counts: list[_Count] = []
    for sentence in sentences:
        counts.extend(_candidates(body, sentence, spans))
    if not counts:
        return []
    counts = _resolve(counts, body)
    today = claim_context.publication_day(published, tz)
    claims: list[Claim] = []
    index: dict[int, int] = {}
    seen: dict[tuple[float, str, str], int] = {}
    for count in counts:
        parent = index.get(id(count.part_of)) if count.part_of is not None else None
        key = (count.value, count.bound, count.unit or "")
        if count.part_of is None and key in seen and claims[seen[key]].part_of is None:
            index[id(count)] = seen[key]  # the same count said again (headline, caption)
            continue
        sentence = count.sentence
        context = claim_context.describe(
            body, sentence, count.start, count.end, count.unit_end, ordered, today
        )
        claim = Claim(
            value=count.value,
            lower=count.lower,
            upper=count.upper,
            bound=count.bound,
            unit=count.unit or "",
            unit_text=count.unit_text,
            subject=context.subject,
            action=context.action,
            period_start=context.period_start,
            period_end=context.period_end,
            part_of=parent,
            attributed_to=context.attributed_to,
            evidence=sentence.text,
            char_start=sentence.start,
            char_end=sentence.end,
            value_text=count.value_text,
        )
        whole = claims[parent] if parent is not None else None
        if whole is not None and whole.char_start == claim.char_start and not claim.period_start:
            claim = replace(claim, period_start=whole.period_start, period_end=whole.period_end)
        index[id(count)] = len(claims)
        if count.part_of is None:
            seen.setdefault(key, len(claims))
        claims.append(claim)
    return claims
