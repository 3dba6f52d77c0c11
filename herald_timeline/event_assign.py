"""Which date governs which trigger of a sentence: each date goes to its nearest trigger
(a date before its trigger counts farther; clause barriers, "and <verb>", a reaction's
object and a year modifying a noun keep a date from a trigger), and an undated meeting,
agreement or statement may borrow the date of a related trigger of its clause."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Final

from herald_timeline import event_lexicon
from herald_timeline.event_dates import (
    COARSE_PRECISIONS,
    When,
    cue,
    found,
    irrealis_before,
    is_event_noun,
)
from herald_timeline.event_gazetteer import is_noun
from herald_timeline.event_triggers import Trigger

_FLAGS: Final = re.IGNORECASE
#: a date after its trigger is the usual English order ("fired ... on Friday"); one before
#: it ("On Friday, X fired") counts as this much farther away
_BEFORE_PENALTY: Final = 1.4
_BARRIER_COST: Final = 1000.0
#: the distance of a date that can never govern the trigger
_NEVER: Final = float("inf")
#: "launches since May, when ...": the date usable() kept after "since" is the trigger's own
_SINCE_ONLY: Final = re.compile(r"\s*since\s*$", _FLAGS)
#: how far (characters) an undated trigger may borrow another trigger's date
_SHARE_REACH: Final = 200
#: types whose events share a date when stated together (agreed at a summit, announced at
#: a news conference); launches, drills and the rest need a date of their own
_BORROWERS: Final = frozenset({"meeting", "agreement", "statement"})


@cache
def _barrier_folded() -> event_lexicon.Folded:
    return event_lexicon.folded(_barrier())


@cache
def _barrier() -> re.Pattern[str]:
    """A clause boundary no date reaches across to its trigger."""
    # (only whether it matches counts: a spaced dash is written dash first, so that every
    # alternative starts with a literal and ``event_lexicon.folded`` can lead the search
    # by it; a ``\s``-led one made sre try every position)
    return re.compile(
        rf"\b{event_lexicon.alternatives('date_barriers')}\b|;|-(?<=\s-)\s|–(?<=\s–)\s|—(?<=\s—)\s"
        r"|,\s+and\s+(?:it|he|she|they)\b"  # "..., and it fell on ...": another clause
        # "..., and the system will be operational from Tuesday": a clause of its own subject
        r"|,\s+(?:and|but)\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,3}?"
        r"(?:will|would|is|are|was|were|has|have|had|can|could)\b"
        # "..., the intelligence pact signed in 2016": an appositive dates its own noun
        r"|,\s+(?:the|an?)\s+(?:[\w-]+\s+){0,3}?(?:signed|adopted|agreed|created|set\s+up)\s+(?:in\s+|on\s+)?$"
        r"|,\s+which\s+(?:was|were)\s+\w+\s+(?:in\s+|on\s+)?$",
        _FLAGS,
    )


_AND_CLAUSE: Final = re.compile(r"\s*,?\s*and\s+[a-z]")
#: "staged a drill on Friday, firing 400 rounds": a participle after the comma describes
#: the clause the date ends, so the date is the clause's before it is the participle's
_PARTICIPLE_AFTER_COMMA: Final = re.compile(r"\s*,\s*\Z")
_PARTICIPLE_PENALTY: Final = 30.0

#: an event-relative date ending so ("two days after") names its anchor event after it
_ANCHOR_FOLLOWS: Final[tuple[str, ...]] = ("after", "before")


def _distance(
    trigger: Trigger,
    when: When,
    length: int,
    sentence: str,
    lower: str | None,
    dated_after: bool = False,
) -> float:
    """How far ``when`` is from governing ``trigger`` (characters, plus penalties);
    ``dated_after``: a date follows the trigger, which then takes no date across ", and"."""
    if trigger.start >= when.position + length and _anchor_follows(when):
        return _NEVER  # "..., two days after it launched an ICBM": not the ICBM's date
    date_first = when.position < trigger.end
    if not date_first:
        gap = float(when.position - trigger.end)
        start, end = trigger.end, when.position
    else:
        gap = (trigger.start - (when.position + length)) * _BEFORE_PENALTY
        start, end = when.position + length, trigger.start
    between = sentence[start:end]
    if not date_first and _LISTED.search(sentence, max(0, when.position - 30), when.position):
        return gap  # "fired four missiles since April, including one on April 15 and two on"
    # (matched in the sentence: the lower-case word after "and" may be the trigger itself:
    # "fired ... on Nov. 5 and tested ... on Oct. 31", but "held a summit on Sunday and
    # agreed to ...", with no date of its own, agreed that day)
    and_clause = _AND_CLAUSE.match(between) or (
        dated_after and _AND_CLAUSE.match(sentence, start, end + 1)
    )
    if date_first and (between.lstrip().startswith("that ") or and_clause):
        # "said in a statement on Monday that the drills were ...": reported content;
        # "fired two missiles on Aug. 30 and attempted to ...": the date ends its clause
        return gap + _BARRIER_COST
    if date_first and _PARTICIPLE_AFTER_COMMA.match(between) and _is_participle(trigger.text):
        gap += _PARTICIPLE_PENALTY
    if not date_first and _REPORTED.search(between):
        # "In a joint statement with the minister, it said flights would leave on Monday":
        # the date of what was said, not of the saying
        gap += _BARRIER_COST
    if "," in between and _in_relative_clause(sentence, when.position, date_first, trigger):
        # "Yoon, who arrived on Monday for a visit, also addressed ...", "signed the
        # document, which calls for halting hostile acts from Nov. 1": the clause's date
        gap += _BARRIER_COST
    low = None if lower is None else lower[start:end]
    if _barrier_folded().search(between, low) and not _SINCE_ONLY.match(between):
        gap += _BARRIER_COST
    return gap


#: a date of an item of a count's list ("including one on April 15 and two on April 28")
_LISTED: Final = re.compile(
    r"\b(?:including|and)\s+(?:one|two|three|four|five|six|seven|eight|nine|\d{1,2})\s+"
    r"(?:more\s+)?on\s+\Z",
    _FLAGS,
)
_REPORTED: Final = re.compile(r",\s+(?:[\w'’.-]+\s+){1,6}?(?:said|says|told|added)\b", _FLAGS)
_RELATIVE: Final = re.compile(r",\s+(?:who|which)\s")


def _in_relative_clause(sentence: str, position: int, date_first: bool, trigger: Trigger) -> bool:
    """Whether ``position`` is inside a ", who ..." or ", which ..." clause that is not
    about the trigger: after it, the clause must tell of a word other than the trigger
    ("the summit in Hamburg, which opens Friday" dates the summit; "signed the document,
    which calls for ... from Nov. 1", a verb's object, does not date the signing)."""
    comma = sentence.rfind(",", 0, position)
    if comma < 0 or _RELATIVE.match(sentence, comma) is None:
        return False
    return date_first or (comma >= trigger.end and _is_verb(trigger.text))


def _is_verb(text: str) -> bool:
    """Whether a trigger is a verb phrase ("signed the document"; not "talks", "held
    talks" or a name such as "Vigilant Storm")."""
    return text[:1].islower() and not is_noun(text)


def _is_participle(text: str) -> bool:
    word = text.split(None, 1)[0]
    return word.endswith("ing") and word[:1].islower()


def assign(
    triggers: Sequence[Trigger], dates: Sequence[When], sentence: str, lower: str | None = None
) -> tuple[list[list[When]], list[When | None]]:
    """For each trigger, the dates that govern it (each date goes to its nearest trigger),
    and for an undated one the date it may borrow from a related trigger of its clause
    ("agreed on Friday ..., as they wrapped up their summit"). ``lower``: ``sentence``
    folded or None."""
    owned: list[list[When]] = [[] for _ in triggers]
    borrowed: list[When | None] = [None for _ in triggers]
    if not triggers:
        return owned, borrowed
    owner_of: list[int] = []
    # (a reaction's object is looked for only among event nouns: few triggers are one)
    reacted = [is_event_noun(t.text) and _reaction_object(sentence, t, lower) for t in triggers]
    last = max((d.position for d in dates), default=-1)
    dated_after = [last >= t.end for t in triggers]
    positions = [d.position for d in dates]
    # "on Friday ordered ..., and last week it held a drill": a week between a date and a
    # trigger dates the trigger's clause (no row takes a week, but no other date either)
    coarse = [d.position for d in dates if d.precision in COARSE_PRECISIONS]
    for when in dates:
        length = len(when.text)
        phrase = _modified_phrase(sentence, when)
        scores = [
            _distance(t, when, length, sentence, lower, after)
            + (_BARRIER_COST if coarse and _across(coarse, when.position, t) else 0.0)
            if _may_own(t, when, reacting, phrase) and not _dated_first(t, when, positions)
            else _NEVER
            for t, after, reacting in zip(triggers, dated_after, reacted, strict=True)
        ]
        best = min(range(len(triggers)), key=scores.__getitem__)
        if scores[best] == _NEVER:
            owner_of.append(-1)
            continue
        owner_of.append(best)
        if scores[best] < _BARRIER_COST:  # a date across "after ..." is not this clause's
            owned[best].append(when)
    for index, trigger in enumerate(triggers):
        if owned[index] or trigger.type not in _BORROWERS or reacted[index]:
            continue
        if irrealis_before(sentence, trigger, lower):
            continue
        best_score = float(_SHARE_REACH)
        for when, owner in zip(dates, owner_of, strict=True):
            if owner < 0 or triggers[owner].type not in _BORROWERS:
                continue
            score = _distance(trigger, when, len(when.text), sentence, lower)
            if triggers[owner].type == trigger.type and score < _BARRIER_COST:
                score = 0.0  # "hosted ... for the allies' first talks": one meeting
            if score < best_score:
                borrowed[index], best_score = when, score
    return owned, borrowed


def elaborations(
    triggers: Sequence[Trigger], owned: Sequence[Sequence[When]], sentence: str
) -> list[tuple[int, int]]:
    """(participle, owner) pairs where an undated participle trigger right after a comma
    describes a dated trigger's clause ("staged a drill on Friday, firing 400 rounds"): it
    happened on that trigger's date."""
    pairs: list[tuple[int, int]] = []
    for index, trigger in enumerate(triggers):
        if owned[index] or not _is_participle(trigger.text):
            continue
        for owner in range(index - 1, -1, -1):
            whens = owned[owner]
            if not whens:
                continue
            clause_end = max(triggers[owner].end, *(w.position + len(w.text) for w in whens))
            if clause_end <= trigger.start and _PARTICIPLE_AFTER_COMMA.match(
                sentence[clause_end : trigger.start]
            ):
                pairs.append((index, owner))
            break
    return pairs


def _across(coarse: Sequence[int], position: int, trigger: Trigger) -> bool:
    """Whether a coarse date stands between a date at ``position`` and the trigger."""
    low, high = sorted((position, trigger.start))
    return any(low < at < high for at in coarse)


def _may_own(trigger: Trigger, when: When, reacting: bool, phrase: tuple[int, int] | None) -> bool:
    """Whether ``when`` may date the trigger at all: not the date before a reaction's
    object ("issued a statement Tuesday slamming the meeting"), and a year that modifies a
    noun ("a 2018 dispute") only a trigger of that noun phrase."""
    if reacting and when.position < trigger.start:
        return False
    return phrase is None or phrase[0] <= trigger.start < phrase[1]


def _dated_first(trigger: Trigger, when: When, positions: Sequence[int]) -> bool:
    """Whether an event-relative date whose anchor follows ("about a month after the
    council adopted ...") comes after a trigger that has a date of its own before it ("fired
    ... on Aug. 29, and about a month after ..."): it relates another event to its anchor."""
    if when.position < trigger.end or not _anchor_follows(when):
        return False
    return any(trigger.end <= p < when.position for p in positions)


def _anchor_follows(when: When) -> bool:
    """An event-relative date that names its anchor event after it ("two days after")."""
    return when.event_relative and when.text.lower().endswith(_ANCHOR_FOLLOWS)


def _reaction_object(sentence: str, trigger: Trigger, lower: str | None) -> bool:
    """Whether an event-noun trigger is what a reaction is about ("denounced the talks"):
    it names an event stated elsewhere."""
    window = max(0, trigger.start - 60)
    low = None if lower is None else lower[window : trigger.start]
    return found("reaction_object_before", sentence[window : trigger.start], low)


def _modified_phrase(sentence: str, when: When) -> tuple[int, int] | None:
    """The span of the noun phrase a bare year modifies ("a 2018 radar lock-on dispute"),
    or None when the year stands on its own ("in 2018")."""
    if when.precision != "year" or not when.text.isdigit() or when.position < 0:
        return None
    window = max(0, when.position - 16)
    if not cue("attributive_year_before").search(sentence, window, when.position):
        return None
    phrase = cue("attributive_noun_phrase").match(sentence, when.position + len(when.text))
    return None if phrase is None else phrase.span()
