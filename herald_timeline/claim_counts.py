"""The counts a claim is made of, and their resolution: an elliptical count ("Seven were
fired", "one of them", "two on March 2nd") takes the unit of the count it continues, and a
count listed after another ("60 missiles, including 8 ICBMs") becomes part of it.
:mod:`herald_timeline.claims` finds the counts and makes the kept ones claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from herald_timeline import claim_lexicon as lexicon
from herald_timeline.claim_lexicon import unit_of
from herald_timeline.text import Sentence

__all__ = ["Count", "resolve"]


@dataclass(init=False, slots=True)
class Count:
    """A number found in a sentence, a claim once it has a unit (offsets in the body)."""

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
    part_of: Count | None = None
    elliptical: bool = False
    definite: bool = False  # after "the"/"all": maybe a repeated count

    # written out, not generated: mypyc compiles it to direct stores (see records)
    def __init__(
        self,
        value: float,
        lower: float | None,
        upper: float | None,
        bound: str,
        start: int,
        end: int,
        value_text: str,
        sentence: Sentence,
        unit: str | None = None,
        unit_text: str = "",
        unit_end: int = 0,
        part_of: Count | None = None,
        elliptical: bool = False,
        definite: bool = False,
    ) -> None:
        self.value = value
        self.lower = lower
        self.upper = upper
        self.bound = bound
        self.start = start
        self.end = end
        self.value_text = value_text
        self.sentence = sentence
        self.unit = unit
        self.unit_text = unit_text
        self.unit_end = unit_end
        self.part_of = part_of
        self.elliptical = elliptical
        self.definite = definite


# "two more squadrons of F-35A fighters": "more" before a noun the taxonomy does not know
# counts that noun, not more of the things counted before
_MORE_OTHER_NOUN: Final = re.compile(
    r"\s+more\s+(?!(?:on|in|by|from|were|was|are|is|have|had|has|than|to|at|of|and|or|each"
    r"|last|this|earlier|later|times?|a)\b)[a-z]",
    re.IGNORECASE,
)


def resolve(counts: list[Count], body: str) -> list[Count]:
    """Give elliptical counts their unit and set subsets; drop what stays unit-less."""
    kept: list[Count] = []
    for i, count in enumerate(counts):
        if count.definite and (
            count.unit is None
            or count.unit in lexicon.anaphoric_units()
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
            elif previous is not None and previous.part_of is not None:
                listed = previous.part_of  # "including 170 guns and 240 launchers"
                if count.value < listed.value and _AND_NEXT_ITEM.match(
                    body, previous.end, count.start
                ):
                    count.part_of = listed
            kept.append(count)
            continue
        if lexicon.OF_THEM.match(after):
            source = same[-1] if same else _previous(kept, sentence)
            if source is not None and source.unit is not None and source.value > count.value:
                _inherit(count, source, part_of=source)
                kept.append(count)
            elif source is None and _named_before(count, before):
                kept.append(count)  # "a record number of ballistic missiles, firing 69 of them"
            continue
        named = _of_the_unit(after)
        if named is not None:  # "36 of the missiles": a count of missiles told before
            count.unit, count.unit_text = named
            whole = next((c for c in reversed(kept) if c.unit == count.unit), None)
            count.part_of = whole if whole is not None and whole.value > count.value else None
            kept.append(count)
            continue
        following = _next_explicit(counts, i)
        between = body[count.end : following.start] if following is not None else ""
        if following is not None and lexicon.OF_THE_NEXT.match(between):
            if following.value > count.value:
                _inherit(count, following, part_of=following)
                kept.append(count)
            continue
        if following is not None and lexicon.AND_NEXT.match(between):
            _inherit(count, following, part_of=None)
            kept.append(count)
            continue
        total = lexicon.NUMBER_OF.search(before[-140:])
        if total is not None:
            found = unit_of(total.group("np"))
            if found is not None:
                count.unit, count.unit_text = found[0], ""
                count.elliptical = True
                kept.append(count)
            continue
        if not lexicon.ELLIPSIS.match(after) or _MORE_OTHER_NOUN.match(after):
            continue
        if same:
            source = same[-1]
            whole = source.part_of
            if whole is not None and (
                count.value > whole.value or _CLAUSE.search(body[source.end : count.start])
            ):
                # "60 missiles, including 8 ICBMs, while it fired 70 in 2022": the count
                # parallels the whole, not its subset (nor is it part of a smaller whole)
                source = whole
            part_of = source.part_of
            if count.value < source.value and _is_subset(body[source.end : count.start]):
                part_of = source  # "12,121 warheads, of which some 9,585 were deployed"
            _inherit(count, source, part_of=part_of)
            kept.append(count)
            continue
        source = _previous(kept, sentence)
        if source is not None and source.part_of is not None and count.value > source.value:
            source = source.part_of  # "12 missiles, including three ICBMs. In 2022, 70."
        if source is not None and source.unit is not None:
            whole = source.part_of or source
            _inherit(count, source, part_of=whole if whole.value >= count.value else None)
            kept.append(count)
    return kept


#: "36 of the missiles": no number after "the" (that is ``OF_THE_NEXT``)
_OF_THE: Final = re.compile(r"\s+of\s+(?:the|its|their)\s+(?=[a-z])", re.IGNORECASE)
_SUPERLATIVE: Final = re.compile(r"\b(?:most|least|best|worst|[a-z]+est)\b", re.IGNORECASE)


def _of_the_unit(after: str) -> tuple[str, str] | None:
    """The unit of "of the <unit>" right after a count, unless a superlative ranks it ("one
    of the worst offending countries")."""
    of_the = _OF_THE.match(after)
    found = lexicon.find_unit(after, of_the.end() - 1) if of_the is not None else None
    if of_the is None or found is None:
        return None
    if _SUPERLATIVE.search(after, of_the.end(), found[2] - len(found[1])):
        return None
    return found[0], found[1]


def _named_before(count: Count, before: str) -> bool:
    """Give ``count`` the unit of the last plural unit noun before it in its sentence
    (the "them" of "launched a record number of ballistic missiles, firing 69 of them")."""
    words = before[-120:].split()
    for index in range(len(words) - 1, -1, -1):
        found = lexicon.unit_of(" ".join(words[index : index + 4]))
        if found is None or not found[1].endswith("s"):
            continue
        while index > 0:  # the longest unit ending there: "ballistic missiles"
            longer = lexicon.unit_of(" ".join(words[index - 1 : index + 4]))
            if longer is None or not longer[1].endswith(found[1]):
                break
            found, index = longer, index - 1
        count.unit, count.unit_text, count.elliptical = found[0], "", True
        return True
    return False


def _is_subset(between: str) -> bool:
    """Whether the text between two counts makes the second a subset ("..., including")."""
    cues = list(lexicon.subset_cue().finditer(between))
    if not cues:
        return False
    rest = between[cues[-1].end() :]
    # "about 100 aircraft, including F-35A fighters, took part, along with two dozen
    # warships": a comma after the cue closes its list before this count
    return len(rest) <= 80 and "," not in rest and not _CLAUSE.search(rest)


#: the rest of one list item and the "and" before the next: "self-propelled guns and "
_AND_NEXT_ITEM: Final = re.compile(r"[\w\s'’-]{0,60}?\s(?:and|or)\s+\Z")
_CLAUSE: Final = re.compile(r"[;:]|\b(?:which|who|that|according|while|whereas)\b", re.IGNORECASE)


def _inherit(count: Count, source: Count, *, part_of: Count | None) -> None:
    count.unit = source.unit
    count.unit_text = ""
    count.part_of = part_of
    count.elliptical = True


def _next_explicit(counts: list[Count], i: int) -> Count | None:
    """The next count of the same sentence, if it names its unit."""
    if i + 1 < len(counts) and counts[i + 1].sentence is counts[i].sentence:
        nxt = counts[i + 1]
        return nxt if nxt.unit is not None else None
    return None


def _previous(kept: list[Count], sentence: Sentence) -> Count | None:
    """The last count of the previous sentence when it is in the same paragraph or adjacent."""
    if not kept:
        return None
    last = kept[-1]
    near = last.sentence.index == sentence.index - 1
    same_paragraph = last.sentence.paragraph == sentence.paragraph
    gap = sentence.index - last.sentence.index
    return last if near or (same_paragraph and gap <= 2) else None
