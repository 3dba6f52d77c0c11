"""One row per event of an article: repeated mentions merge, distinct events stay apart.

Two rows of one type and date are one event unless something says otherwise: they are of
different kinds (a phone call is not the summit of that day, an election is not a parade),
the text marks a second event ("separately", "Later the same day", "responded by"), one
was dated from the other ("Hours later, ..."), or their acting parties differ.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Final

from herald_timeline import event_dates, event_gazetteer, event_lexicon, event_names
from herald_timeline.event_triggers import Trigger

if TYPE_CHECKING:
    from herald_timeline.event_history import Event

#: the longest drill or meeting whose inner days are folded into its start/end rows
_SPAN_DAYS: Final = 21
_CALL: Final = re.compile(r"\b(?:call(?:ed)?|phone|telephone)\b", re.IGNORECASE)
_HOURS: Final = re.compile(
    r"\b(?:hours?|minutes?)\s+(?:after|before|later|earlier)\b", re.IGNORECASE
)
_SIDE: Final = re.compile(r" \((?:start|end)\)$")
_CAPITAL: Final = re.compile(r"(?<![\w-])[A-Z0-9]")
_COUNCIL: Final = "UN Security Council"


def kind(trigger: Trigger) -> str:
    """What kind of event within its type a trigger states: 'other' events by their rule
    (parade, election, artillery ...), meetings split into calls and the rest."""
    if trigger.type == "other":  # "the test" (an anaphor rule) is its rule's kind of event
        return trigger.rule.removesuffix("-anaphor")
    if trigger.type == "meeting" and _CALL.search(trigger.text):
        return "call"
    if trigger.type == "agreement":  # a declaration and a treaty of one day are two
        document = _documents().search(trigger.text.lower())
        if document is not None:
            return f"agreement:{_document_kinds()[document.group(1)]}"
    return trigger.type


@cache
def _document_kinds() -> dict[str, str]:
    return event_lexicon.mapping("agreement_kinds", "noun", "kind")


@cache
def _documents() -> re.Pattern[str]:
    nouns = "|".join(re.escape(noun) for noun in _document_kinds())
    return re.compile(rf"\b({nouns})s?\b")


def _same_kind(kind_a: str, kind_b: str) -> bool:
    """Kinds of one event: equal, or an agreement that names no document ("agreed to")
    beside one that does."""
    if kind_a == kind_b:
        return True
    return "agreement" in (kind_a, kind_b) and {
        kind_a.partition(":")[0],
        kind_b.partition(":")[0],
    } == {"agreement"}


class _Sentences:
    """What merging reads from the evidence sentences of one article, computed once each."""

    def __init__(self, facts: Mapping[str, event_names.Facts] | None = None) -> None:
        self.separate: dict[str, bool] = {}
        self.facts: dict[str, event_names.Facts] = dict(facts or {})

    def _facts(self, evidence: str) -> event_names.Facts:
        facts = self.facts.get(evidence)
        if facts is None:
            facts = self.facts[evidence] = event_names.Facts(evidence)
        return facts

    def is_separate(self, evidence: str) -> bool:
        found = self.separate.get(evidence)
        if found is None:
            lower = self._facts(evidence).folded
            found = self.separate[evidence] = event_dates.found("separate", evidence, lower)
        return found

    def party(self, event: Event) -> str | None:
        """The actor named nearest before the trigger in its clause: the acting party."""
        offset = event.evidence.find(event.trigger)
        if offset < 0:
            return None
        facts = self._facts(event.evidence)
        start = event_names.clause_start(facts, offset)
        return event_names.party(facts, start, offset)


def _same_event(a: Event, b: Event, kind_a: str, kind_b: str, said: _Sentences) -> bool:
    if a.evidence == b.evidence:
        return True
    if not _same_kind(kind_a, kind_b):
        return False
    if said.is_separate(a.evidence) or said.is_separate(b.evidence):
        return False  # "held a separate air drill", "Later the same day, he will hold ..."
    if a.type != "launch":  # participants: one shared party is enough
        if _COUNCIL in a.actors or _COUNCIL in b.actors:
            return True  # the council's vote and the members who cast it
        if not a.actors or not b.actors:
            return True
        parties_a, parties_b = set(a.actors), set(b.actors)
        if (
            len(parties_a) > 1
            and len(parties_b) > 1
            and not (parties_a <= parties_b or parties_b <= parties_a)
        ):
            return False  # Moon-Trump and Abe-Trump calls of one day: two pairs, two calls
        return bool(parties_a & parties_b)
    party_a, party_b = said.party(a), said.party(b)
    return not party_a or not party_b or party_a == party_b


def _richer(kept: Event, other: Event) -> Event:
    """The kept row, with the name, actors and place of a repeat that names them better."""
    if not _CAPITAL.search(kept.name) and _CAPITAL.search(other.name):
        side = kept.name.rsplit(" (", 1)[1] if kept.name.endswith(")") else ""
        name = other.name if not side or other.name.endswith(")") else f"{other.name} ({side}"
        kept = replace(kept, name=name)
    marked = _SIDE.search(other.name)
    if marked and not _SIDE.search(kept.name):  # the repeat says it is the drill's last day
        kept = replace(kept, name=f"{_clip_side(kept.name)}{marked.group()}")
    if not kept.actors and other.actors:
        kept = replace(kept, actors=other.actors)
    if kept.location is None and other.location is not None:
        kept = replace(kept, location=other.location)
    return kept


def _clip_side(name: str) -> str:
    """A name without a generic last word that the side label replaces ("Vigilant Storm
    exercise (end)" reads as "Vigilant Storm (end)")."""
    return re.sub(r"\s+(?:exercise|drill|drills|exercises|training)$", "", name)


def merge(
    events: Sequence[Event],
    bases: Sequence[int | None],
    kinds: Sequence[str],
    facts: Mapping[str, event_names.Facts] | None = None,
) -> list[Event]:
    """One row per event: repeats merge; a vaguer mention of a dated event is dropped.
    ``bases[i]`` is the event row ``i`` was dated from (never the same event), or
    ``-1 - j`` when row ``i`` is a definite mention of row ``j`` (always the same event).
    ``facts``: the ``Facts`` already read from evidence sentences, by their text."""
    kept: list[int] = []
    said = _Sentences(facts)
    rows: dict[int, Event] = {}
    home: dict[int, int] = {}  # row -> the kept row it merged into
    for index, event in enumerate(events):
        base = bases[index]
        avoid = home.get(base) if base is not None and base >= 0 else None
        target = home.get(-1 - base) if base is not None and base < 0 else None
        for k in kept if target is None else ():
            other = events[k]
            if k == avoid or other.type != event.type:
                continue
            if _hours_only(rows[k]) and other.evidence != event.evidence:
                continue  # (a day from "hours after" may be a day off: it absorbs no other)
            if (other.start, other.end) != (event.start, event.end):
                continue
            if _same_event(other, event, kinds[k], kinds[index], said):
                target = k
                break
        if target is None:
            kept.append(index)
            rows[index] = event
            home[index] = index
        else:
            rows[target] = _richer(rows[target], event)
            home[index] = target
    out = _named_by_antecedent([rows[k] for k in kept])
    return [
        e
        for e in out
        if not _covered(e, out) and not _within_span(e, out) and not _hours_off(e, out)
    ]


_DEFINITE: Final[tuple[str, ...]] = ("the", "this", "that", "these", "those")


_HEADS: Final = frozenset({"summit", "meeting", "talks"})


def _bare(name: str) -> bool:
    """A name that is only a head noun ("drill", "two-day summit"), not "first phase"."""
    words = _words(name)
    return words <= _generic() | _HEADS or all("-" in w for w in words - _generic() - _HEADS)


def _named_by_antecedent(events: list[Event]) -> list[Event]:
    """Names for definite mentions: "The exercise, which began on Aug. 21" names no drill,
    it is the one named last before it ("wrapped up their Ulchi Freedom Shield exercise")."""
    named: dict[str, str] = {}  # type -> the last proper name of that type
    out = []
    for event in events:
        side = _SIDE.search(event.name)
        base = event.name[: side.start()] if side else event.name
        if _CAPITAL.search(base):
            named[event.type] = base
        elif event.type in named and event.type in ("exercise", "meeting") and _bare(base):
            offset = event.evidence.find(event.trigger)
            words = event.evidence[:offset].split()[-3:] if offset > 0 else []
            # "The exercise", "The three-day drills", "The 11-day springtime exercise"
            if any(word.lower() in _DEFINITE for word in words):
                event = replace(event, name=named[event.type] + (side.group() if side else ""))
        out.append(event)
    return out


def _hours_only(event: Event) -> bool:
    """A diplomatic event dated only by "hours after ..." (a launch "hours after" another
    is a counter-launch, dated right)."""
    return event.type in ("meeting", "agreement", "statement") and bool(
        _HOURS.search(event.date_text)
    )


def _hours_off(event: Event, events: list[Event]) -> bool:
    """A day computed from "hours after ..." restating an event dated a day off by the
    text itself (the Pentagon meeting "hours" before a Korean-morning launch): the same
    parties or the same place (not Yoon's emergency meeting the day before the NCG's)."""
    if not _hours_only(event):
        return False
    return any(
        other.type == event.type
        and other.precision == "day"
        and not _HOURS.search(other.date_text)
        and abs((other.start - event.start).days) == 1
        and other.evidence != event.evidence
        and (
            set(other.actors) == set(event.actors)
            or (event.location is not None and other.location == event.location)
        )
        for other in events
    )


def _covered(event: Event, events: list[Event]) -> bool:
    """A month/year row restating a day-dated event of the same type ("in Hanoi in
    February" and "broke down on Feb. 28")."""
    if event.precision == "day":
        return False
    for other in events:
        if other is event or other.type != event.type or other.precision != "day":
            continue
        if event.start <= other.start and other.end <= event.end:
            if event.location is None or other.location in (None, event.location):
                return True
    return False


def _within_span(event: Event, events: list[Event]) -> bool:
    """A day inside a multi-day event dated by its start and end rows (a caption's date
    in the middle of a drill) restates that event, when its name is that drill's or says
    no more than "drill" (an "air drill" during Ulchi Freedom Shield is another event)."""
    if event.precision != "day" or _SIDE.search(event.name):
        return False
    own = _words(event.name)
    for start in events:
        if start.type != event.type or not start.name.endswith(" (start)"):
            continue
        for end in events:
            if end.type != event.type or not end.name.endswith(" (end)"):
                continue
            if (
                not start.start < event.start < end.start
                or (end.start - start.start).days > _SPAN_DAYS
            ):
                continue
            if not own - _generic() or own & (_words(start.name) | _words(end.name)) - _generic():
                return True
            if event.evidence == start.evidence:  # "staging Vigilant Storm, an exercise that
                return True  # began on Monday": the drill's name, not another drill
    return False


@cache
def _generic() -> frozenset[str]:
    """Words of a drill's name that do not tell one drill from another (and the season
    and cadence words: "the springtime exercise")."""
    words = (*event_lexicon.words("generic_name_words"), *event_lexicon.words("name_gap_words"))
    return frozenset(word.lower() for word in words)


def _words(name: str) -> frozenset[str]:
    """The words of a name, without the parties' names ("US-South Korea joint drill")."""
    words = set(re.findall(r"[A-Za-z][\w'’]*", name.lower()))
    return frozenset(words - event_gazetteer.party_words())
