"""Numeric claims: cardinal counts of discrete things ("more than 60 ballistic missiles").

One compiled scan per sentence finds written numbers with their hedge ("more than", "between
... and ..."); cheap checks then drop what is not a count (dates and durations, measurements,
money, ordinals, compounds such as "11-day", anaphora such as "the two leaders", identifiers
such as "Resolution 2371"). A count needs a unit from the taxonomy in
``resources/claims/units.csv``, written after it ("eight intercontinental ballistic missiles")
or taken from its context when elliptical ("Seven were fired ...", "one of them", "two on
March 2nd": :mod:`herald_timeline.claim_counts`). Subject, action, attribution and period come
from the claim's sentence (:mod:`herald_timeline.claim_context`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Final

from herald_timeline import claim_context, records, resources
from herald_timeline import claim_lexicon as lexicon
from herald_timeline.claim_counts import Count, resolve
from herald_timeline.claim_lexicon import unit_of
from herald_timeline.numbers import parse_number, scanned_number
from herald_timeline.text import Sentence

if TYPE_CHECKING:
    from herald_timeline.dates import Timex

__all__ = ["Claim", "claims_of", "find_claims", "find_counts", "unit_of"]


@dataclass(init=False, frozen=True, slots=True)
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

    # written out, not generated: mypyc compiles it to direct stores (see records)
    def __init__(
        self,
        value: float,
        lower: float | None,
        upper: float | None,
        bound: str,
        unit: str,
        unit_text: str,
        subject: str | None,
        action: str | None,
        period_start: date | None,
        period_end: date | None,
        part_of: int | None,
        attributed_to: str | None,
        evidence: str,
        char_start: int,
        char_end: int,
        value_text: str,
    ) -> None:
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "lower", lower)
        object.__setattr__(self, "upper", upper)
        object.__setattr__(self, "bound", bound)
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "unit_text", unit_text)
        object.__setattr__(self, "subject", subject)
        object.__setattr__(self, "action", action)
        object.__setattr__(self, "period_start", period_start)
        object.__setattr__(self, "period_end", period_end)
        object.__setattr__(self, "part_of", part_of)
        object.__setattr__(self, "attributed_to", attributed_to)
        object.__setattr__(self, "evidence", evidence)
        object.__setattr__(self, "char_start", char_start)
        object.__setattr__(self, "char_end", char_end)
        object.__setattr__(self, "value_text", value_text)


new_claim: Final = records.fast_builder(Claim)


# --- candidates ----------------------------------------------------------------------------


_POST_BOUNDS: Final = {"so": "about", "more": "at_least", "fewer": "at_most", "less": "at_most"}


def _numbers(match: re.Match[str]) -> tuple[float, float | None, float | None, str] | None:
    """(value, lower, upper, bound) of a scan match."""
    if match.group("between"):
        lo, hi = scanned_number(match.group("lo")), scanned_number(match.group("hi"))
        if hi <= lo:
            return None
        return lo, lo, hi, "range"
    value = scanned_number(match.group("num"))
    if match.group("num2"):
        hi = scanned_number(match.group("num2"))
        if hi <= value:
            return None
        return value, value, hi, "range"
    bound = lexicon.bounds().get(" ".join((match.group("bound") or "").lower().split()), "exact")
    if bound == "exact" and match.group("post"):  # "70 or so", "20 or more"
        bound = _POST_BOUNDS[match.group("post").lower()]
    lower = value if bound in ("exact", "more_than", "at_least") else None
    upper = value if bound in ("exact", "at_most", "less_than") else None
    if bound == "about":
        lower = upper = None
    return value, lower, upper, bound


# "more" ends a noun search ("two more times", "20 more than last year") unless a unit
# follows it right away
_MORE: Final = re.compile(r"\s+more(?=\s)", re.IGNORECASE)


def _candidates(body: str, sentence: Sentence, spans: tuple[list[int], list[int]]) -> list[Count]:
    text = sentence.text
    folded = text.lower()
    if not lexicon.has_number(folded):
        return []
    if len(folded) != len(text):  # a rare letter whose lower case is longer: keep offsets
        folded = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    before = lexicon.before_words()
    out: list[Count] = []
    for match in lexicon.scan_all(folded):
        start, end = sentence.start + match.start(), sentence.start + match.end()
        if _in_timex(spans, start, end):
            continue
        if lexicon.not_count_after().match(text, match.end()):
            continue
        words = lexicon.last_words(folded[max(0, match.start() - 40) : match.start()])
        prev = words[-1] if words else ""
        if prev in before.ident or prev in before.date or prev in before.anaphora:
            continue
        written = text[match.start() : match.end()]
        if written.lower() == "one" and (
            prev in before.pronoun or (written[0] == "O" and match.start() > 0)
        ):
            continue  # "a second one", "Air Force One"
        numbers = _numbers(match)
        if numbers is None:
            continue
        value, lower, upper, bound = numbers
        count = Count(value, lower, upper, bound, start, end, written, sentence)
        # "five of the 11": the 11 is a first mention
        of_the = len(words) == 3 and words[1] == "of" and parse_number(words[0]) is not None
        count.definite = prev in before.soft and not of_the
        found = lexicon.find_unit(text, match.end())
        more = _MORE.match(text, match.end()) if found is None else None
        if more is not None:  # "310 more balloons": a count of the added ones
            found = lexicon.find_unit(text, more.end())
        if found is not None and _other_noun(text, match.end(), found[2] - len(found[1])):
            found = None  # "the four ministers condemned the launch": ministers are counted
        if found is not None:
            count.unit, count.unit_text, unit_end = found
            gap = folded[match.end() : unit_end - len(count.unit_text)]
            if count.definite and _REFERRING.search(gap) is not None:
                continue  # "The two previous launches": things already told
            if _in_name(text, match.start(), written, count.unit_text):
                continue  # "a Falcon 9 rocket": a model's name, no count
            count.unit_end = sentence.start + unit_end
        elif _YEAR.match(written):
            continue  # "in 2006", "2016 and 2017"
        out.append(count)
    return out


_YEAR: Final = re.compile(r"(?:1[89]|2[01])\d\d\Z")
_REFERRING: Final = re.compile(
    r"\b(?:" + "|".join(map(re.escape, resources.lines("claims/referring_modifiers.txt"))) + r")\b"
)
#: a capitalised word right before a number, not a possessive nor an abbreviation
#: ("Falcon 9"; not "Japan's 3", "the US 7")
_NAME_BEFORE: Final = re.compile(r"(?<![\w.'’-])[A-Z][A-Z\d-]*[a-z][\w-]*(?<!['’]s) \Z")


def _in_name(text: str, start: int, written: str, unit_text: str) -> bool:
    """Whether digits are part of a name before a lower-case noun ("a SpaceX Falcon 9
    rocket", "Soyuz 2 rockets"); not a title-case headline ("Fires 2 Missiles") nor a
    capitalised first word ("Only 3 ...")."""
    if not written.isdigit() or not unit_text[:1].islower():
        return False
    name = _NAME_BEFORE.search(text, max(0, start - 30), start)
    return name is not None and text[: name.start()].strip() != ""


#: a lower-case plural noun followed by another word: the count's own noun, not a modifier
_PLURAL_THEN_WORD: Final = re.compile(r"(?<![\w'’-])([a-z]{2,}s)\s+[a-z]")
_NOT_PLURAL: Final = frozenset(
    {"its", "has", "was", "this", "his", "as", "is", "us", "always", "perhaps"}
)


def _other_noun(text: str, start: int, unit_start: int) -> bool:
    """Whether a plural noun that is no unit stands between a count and its unit."""
    for found in _PLURAL_THEN_WORD.finditer(text, start, unit_start):
        word = found.group(1)
        if word not in _NOT_PLURAL and not word.endswith(("ss", "us", "is")):
            return True
    return False


def _in_timex(spans: tuple[list[int], list[int]], start: int, end: int) -> bool:
    starts, ends = spans
    i = bisect.bisect_right(starts, end - 1) - 1  # last timex starting before our end
    return i >= 0 and ends[i] > start


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
    counts = find_counts(body, sentences, timexes)
    return claims_of(body, counts, timexes, published=published, tz=tz)


def find_counts(body: str, sentences: Sequence[Sentence], timexes: Sequence[Timex]) -> list[Count]:
    """The first half of :func:`find_claims`: the numbers of ``body`` that count something,
    in text order, not yet related to each other. (A corpus run finds the counts of every
    article before it describes any: see ``parsing.extract_all``.)"""
    ordered = sorted(timexes, key=lambda t: t.char_start)
    spans = ([t.char_start for t in ordered], [t.char_end for t in ordered])
    counts: list[Count] = []
    for sentence in sentences:
        counts.extend(_candidates(body, sentence, spans))
    return counts


def claims_of(
    body: str,
    counts: list[Count],
    timexes: Sequence[Timex],
    *,
    published: datetime | None,
    tz: str = "Asia/Seoul",
) -> list[Claim]:
    """The second half of :func:`find_claims`: the claims of ``find_counts``' counts."""
    if not counts:
        return []
    ordered = sorted(timexes, key=lambda t: t.char_start)
    counts = resolve(counts, body)
    today = claim_context.publication_day(published, tz)
    kept: list[Count] = []
    index: dict[int, int] = {}
    seen: dict[tuple[float, str, str], int] = {}
    for count in counts:
        key = (count.value, count.bound, count.unit or "")
        first = kept[seen[key]] if key in seen else None
        if (
            count.part_of is None
            and first is not None
            and (_title_like(first.sentence) or _title_like(count.sentence))
        ):
            index[id(count)] = seen[key]  # a headline or subhead repeating the story's count
            continue
        index[id(count)] = len(kept)
        if count.part_of is None:
            seen[key] = len(kept)
        kept.append(count)
    starts = [count.start for count in kept]  # a period belongs to the nearest count
    claims = [_claim(body, count, index, ordered, today, starts) for count in kept]
    for i, claim in enumerate(claims):
        whole = claims[claim.part_of] if claim.part_of is not None else None
        if whole is None:
            continue
        if whole.char_start == claim.char_start and not claim.period_start:
            claims[i] = replace(claim, period_start=whole.period_start, period_end=whole.period_end)
        elif claim.period_start and whole.period_start and claim.period_start != whole.period_start:
            # "It fired 90 missiles in 2024. In 2023, it fired 40.": a count of another
            # period is no part of this one
            claims[i] = replace(claim, part_of=None)
    return claims


def _title_like(sentence: Sentence) -> bool:
    """A headline or subhead: a line with no closing punctuation."""
    return not sentence.text.rstrip().endswith((".", "!", "?", '"', "”", "'", "’", ")"))


def _claim(
    body: str,
    count: Count,
    index: dict[int, int],
    timexes: list[Timex],
    today: date | None,
    others: Sequence[int],
) -> Claim:
    sentence = count.sentence
    context = claim_context.describe(
        body, sentence, count.start, count.end, count.unit_end, timexes, today, others
    )
    return new_claim(
        count.value, count.lower, count.upper, count.bound, count.unit or "", count.unit_text,
        context.subject, context.action, context.period_start, context.period_end,
        index.get(id(count.part_of)) if count.part_of is not None else None,
        context.attributed_to, sentence.text, sentence.start, sentence.end, count.value_text,
    )  # fmt: skip
