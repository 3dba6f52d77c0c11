"""Who and where of an event: actors, acting party, location, ordinal, clause.

Actors are the acting parties of the trigger's clause (the launcher of a launch, the
participants of a meeting), not every country the sentence mentions, and never the
source of an attribution. The gazetteers (parties, people, places) are data in
``resources/events/``. Event names are built in ``event_labels``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, TypeVar

from herald_timeline import event_lexicon, resources
from herald_timeline.event_gazetteer import (
    actor_hits,
    attribution,
    attribution_folded,
    attribution_stems,
    clause_end,
    clause_end_folded,
    dash_break,
    is_noun,
    preposition_backward,
    source_spans,
)
from herald_timeline.event_triggers import Trigger
from herald_timeline.text import case_odd


class Facts:
    """One sentence and what the events modules read from it, each computed at most once:
    the name, actors and party of every trigger of a sentence read the same hits and
    clause breaks. Nothing is kept across sentences."""

    __slots__ = (
        "text",
        "_folded",
        "_hits",
        "_breaks",
        "_sources",
        "_places",
        "_attributed",
        "weapons",
        "actors",
        "locations",
        "clauses",
        "cues",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None
        self._hits: tuple[tuple[int, str, str], ...] | None = None
        self._breaks: tuple[tuple[int, int], ...] | None = None
        self._sources: tuple[tuple[int, int], ...] | None = None
        self._places: tuple[tuple[int, str], ...] | None = None
        self._attributed: bool | None = None
        #: filled by ``event_labels``: weapon hits
        self.weapons: tuple[tuple[tuple[int, str], ...], tuple[tuple[int, str], ...]] | None = None
        #: the actors of each trigger (asked by its name and by its row), by ``trigger_key``
        self.actors: dict[tuple[int, int, str], tuple[str, ...]] = {}
        #: the location of each trigger (asked by a meeting's name and by its row)
        self.locations: dict[tuple[int, int, str], str | None] = {}
        #: the clause span of each trigger span (asked by its name, actors, place and date)
        self.clauses: dict[tuple[int, int], tuple[int, int]] = {}
        #: the first match of a cue, by cue name (``event_dates.first``)
        self.cues: dict[str, re.Match[str] | None] = {}

    @property
    def folded(self) -> str | None:
        """The text with its ASCII letters lower-cased, where case-sensitive twins of the
        case-insensitive patterns (of ASCII words) match alike; None when it holds a
        letter that IGNORECASE equates with an ASCII one ("ſ" matches "s")."""
        if self._folded is None:
            text = self.text
            if text.isascii():
                self._folded = text.lower()
            elif case_odd(text):
                self._folded = ""
            else:  # only the ASCII letters (the patterns' words are ASCII): same offsets,
                self._folded = text.encode().lower().decode()  # and twice as fast
        return self._folded or None

    @property
    def attributed(self) -> bool:
        """Whether the folded text holds a word every attribution needs ("said")."""
        if self._attributed is None:
            folded = self.folded or ""
            self._attributed = any(stem in folded for stem in attribution_stems())
        return self._attributed

    @property
    def hits(self) -> tuple[tuple[int, str, str], ...]:
        if self._hits is None:
            self._hits = actor_hits(self.text)
        return self._hits

    @property
    def breaks(self) -> tuple[tuple[int, int], ...]:
        if self._breaks is None:
            folded = self.folded
            if folded is None:
                found = clause_end().finditer(self.text)
            else:
                found = clause_end_folded(dash_break(folded)).finditer(folded)
            self._breaks = tuple(m.span() for m in found)
        return self._breaks

    @property
    def sources(self) -> tuple[tuple[int, int], ...]:
        if self._sources is None:
            self._sources = source_spans(self.text, self.folded, self.attributed)
        return self._sources

    @property
    def places(self) -> tuple[tuple[int, str], ...]:
        if self._places is None:
            self._places = _place_hits(self.text)
        return self._places


def trigger_key(trigger: Trigger) -> tuple[int, int, str]:
    """What tells a sentence's triggers apart (its span and rule; the rule gives the type),
    hashed in C: the frozen dataclass's generated hash and equality run as Python code."""
    return (trigger.start, trigger.end, trigger.rule)


def hits_in(facts: Facts, start: int, end: int) -> list[tuple[int, str, str]]:
    return [h for h in facts.hits if start <= h[0] and h[0] + len(h[2]) <= end]


@lru_cache(maxsize=1)
def _places() -> re.Pattern[str]:
    words = event_lexicon.branched_words(resources.lines("events/places.txt"), not_after=r"\w")
    return re.compile(rf"{words}\b")


_Hit = TypeVar("_Hit", bound=tuple[int, str])


def in_clause(hits: tuple[_Hit, ...], start: int, end: int) -> tuple[_Hit, ...]:
    """The (offset, ...) hits inside the clause ``start:end``; all of them when none is and
    the clause opens the sentence (what it names may come later: "..., the Hwasong-18")."""
    inside = tuple(hit for hit in hits if start <= hit[0] < end)
    return inside if inside or start > 0 else hits


def clause(facts: Facts, trigger: Trigger) -> tuple[int, int]:
    """The span of the trigger's clause: between the clause breaks around it."""
    key = (trigger.start, trigger.end)
    found = facts.clauses.get(key)
    if found is None:
        end = next((b for b, _ in facts.breaks if b >= trigger.end), len(facts.text))
        found = facts.clauses[key] = (clause_start(facts, trigger.start), end)
    return found


def own_clause(
    facts: Facts, trigger: Trigger, span: tuple[int, int] | None = None
) -> tuple[int, int]:
    """``clause`` (or ``span``, that clause found already), without an appositive after a
    noun trigger: the parties and places of "began their first trilateral exercise, a show
    of force against North Korea that drew a warning from Pyongyang" are not the exercise's."""
    start, end = clause(facts, trigger) if span is None else span
    appositive = _APPOSITIVE.search(facts.text, trigger.end, end)
    if appositive is not None and is_noun(trigger.text):  # (most clauses have none)
        end = appositive.start()
    return start, end


_APPOSITIVE: Final = re.compile(r", an? ")


def clause_start(facts: Facts, position: int) -> int:
    """Where the clause holding ``position`` starts (after the last clause break)."""
    start = 0
    for _begin, end in facts.breaks:
        if end > position:
            break
        start = end
    return start


def actors(facts: Facts, trigger: Trigger | None = None) -> tuple[str, ...]:
    """The acting parties: the launching party for a launch, the participants of the
    trigger's clause otherwise (without the source of an attribution); de-duplicated."""
    if trigger is None:
        return _unique(actor for _, actor, _ in facts.hits)
    key = trigger_key(trigger)
    found = facts.actors.get(key)
    if found is None:
        found = facts.actors[key] = _trigger_actors(facts, trigger)
    return found


_AND_BEFORE: Final = re.compile(r"\band\s+(?:also\s+|then\s+)?\Z")
#: "the meeting of their group in Seoul": the place it was held, not a party named after "of"
_PLACE_BEFORE: Final = re.compile(r"\b(?:in|at)\s+\Z")
#: 'other' events that, like launches, have one acting party: the one that fires
_FIRING_RULES: Final = frozenset({"other-artillery", "other-nuclear-test", "other-border-campaign"})
_ZONE_ENTRY: Final = "other-air-zone-entry"


def _trigger_actors(facts: Facts, trigger: Trigger) -> tuple[str, ...]:
    sentence = facts.text
    if trigger.type == "launch" or trigger.rule in _FIRING_RULES:
        if _AND_BEFORE.search(sentence, max(0, trigger.start - 6), trigger.start):
            # "North Korea fired ... before the US election, and launched ...": the verbs
            # share the sentence's subject, not the party named last
            first = _outside_sources(facts, hits_in(facts, 0, trigger.start))
            if first:
                return (first[0][1],)
        launcher = party(facts, clause_start(facts, trigger.start), trigger.start)
        launcher = launcher or party(facts, 0, trigger.start)
        if launcher is None:  # "... was launched by North Korea"
            by = re.match(r"\s+by\s+(.{0,40})", sentence[trigger.end :])
            hits = hits_in(facts, trigger.end + by.start(1), len(sentence)) if by else []
            launcher = hits[0][1] if hits else None
        return (launcher,) if launcher else ()
    start, end = own_clause(facts, trigger)
    if trigger.rule == _ZONE_ENTRY:  # the aircraft's countries, not the zone's owner after it
        return _unique(
            a for _, a, _ in _outside_sources(facts, hits_in(facts, start, trigger.start))
        )
    hits = hits_in(facts, start, end)
    if trigger.type != "statement":  # a statement's source acts
        hits = _outside_sources(facts, hits)
    verb = not is_noun(trigger.text)  # "met Kim", "hosted the minister"
    # (only a hit after the trigger can follow a link word)
    # a link word near the trigger, not a later clause's ("held a call and condemned
    # the launch as a violation of U.N. Security Council resolutions")
    reach = trigger.end + _LINK_REACH
    # (a link ending past ``reach`` is not kept: the scan stops one character after it)
    links = (
        tuple(
            at for at in _links(sentence, trigger.end, min(hits[-1][0], reach + 1)) if at <= reach
        )
        if hits and hits[-1][0] > trigger.end
        else ()
    )
    named = (
        [
            a
            for p, a, _ in hits
            if p > trigger.start
            and _linked(sentence, links, p)
            and not _PLACE_BEFORE.search(sentence, max(0, p - 4), p)
        ]
        if links
        else []
    )
    if named and not verb:  # "the summit of the leaders of South Korea, the US and Japan"
        if any(sentence[max(0, at - 6) : at].lstrip().lower().startswith("with") for at in links):
            # "Yoon held a summit with Xi": the subject takes part as well
            return _unique([a for p, a, _ in hits if p < trigger.start] + named)
        return _unique(named)
    return _unique(
        actor
        for position, actor, surface in hits
        if position < trigger.start
        or (
            verb
            and position - trigger.end < _OBJECT_REACH
            and not _attributive(sentence, surface, position)
        )
        or (links and _linked(sentence, links, position))
    )


def _outside_sources(facts: Facts, hits: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """The actor hits that do not name the source of an attribution."""
    if not hits or not facts.sources:  # (the sources are found only when there are hits)
        return hits
    sources = facts.sources
    return [h for h in hits if not any(s <= h[0] < e for s, e in sources)]


def _attributive(sentence: str, surface: str, position: int) -> bool:
    """A party's adjective or possessive before a noun ("share North Korean missile data")."""
    after = sentence[position + len(surface) : position + len(surface) + 2]
    if after.startswith(("'s", "’s")):  # "to deter North Korea's threats"
        return True
    return surface.endswith(("an", "ese")) and bool(re.match(r"\s[a-z]", after))


#: how far after a trigger the link word before its participants may stand
_LINK_REACH: Final = 40
#: how far after a verb trigger its object (a participant) may be named
_OBJECT_REACH: Final = 40
# after a noun trigger, participants follow "with", "between", "among", "of the leaders of"
# and a passive's "by" ("the treaty was signed by Putin and Kim")
# (``_WITH`` ends at the participant: found as its link word, then the words up to it)
_WITH: Final = re.compile(r"\b(?:with|between|among|of|(?<=ed\s)by)\s+(?:[\w'’.,-]+\s+){0,6}$")
_LINK: Final = re.compile(
    r"(?:w(?<!\w.)ith|b(?<!\w.)etween|a(?<!\w.)mong|o(?<!\w.)f|b(?<=ed\sb)y)\s+"
)
_LINK_WORDS: Final = re.compile(r"(?:[\w'’.,-]+\s+){0,6}")


def _links(sentence: str, start: int, end: int) -> tuple[int, ...]:
    """Where the words after each "with/between/among/of" in ``sentence[start:end]``
    begin (``end``: a word starts there, so no link's spaces run across it)."""
    return tuple(m.end() for m in _LINK.finditer(sentence, start, end))


def _linked(sentence: str, links: tuple[int, ...], position: int) -> bool:
    """``_WITH.search(sentence, start, position)``, given ``links`` from ``start``: a
    link word, then at most six words right up to ``position``."""
    for link in links:
        if link > position:
            break
        if link == position or _LINK_WORDS.fullmatch(sentence, link, position):
            return True
    return False


def _unique(values: object) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:  # type: ignore[attr-defined]
        if value not in out:
            out.append(value)
    return tuple(out)


def location(facts: Facts, trigger: Trigger) -> str | None:
    """The place after "in/at/from/off ..." nearest to the trigger, if the gazetteer knows it."""
    known = facts.locations
    key = trigger_key(trigger)
    if key in known:
        return known[key]
    found = known[key] = _location(facts, trigger)
    return found


def _location(facts: Facts, trigger: Trigger) -> str | None:
    best: tuple[int, str] | None = None
    places = facts.places
    if places:  # a place in another clause is another event's ("..., after it fired X into Y")
        start, end = clause(facts, trigger)
        if facts.text[max(0, start - 7) : start].rstrip().lower().endswith("where"):
            start = 0  # "in Singapore ..., where they signed": the place of the clause
        if end < len(facts.text) and facts.text[end].isalpha():
            # the clause ends at "after", "before", "while" ...: what follows is another
            # event's ("The drills come days after ... signed a pact in Pyongyang")
            places = tuple(hit for hit in places if start <= hit[0] < end)
        else:
            places = in_clause(places, start, end)
        own_end = own_clause(facts, trigger, (start, end))[1]
        if own_end < end:
            places = tuple(hit for hit in places if hit[0] < own_end)
        if places and facts.sources:  # "..., the Foreign Ministry in Seoul said": the source's
            places = tuple(h for h in places if not any(s <= h[0] < e for s, e in facts.sources))
    for position, place in places:
        distance = abs(position - trigger.end)
        if best is None or distance < best[0]:
            best = (distance, place)
    return best[1] if best else None


def _place_hits(sentence: str) -> tuple[tuple[int, str], ...]:
    """The gazetteer places of a sentence written after a preposition."""
    backward = preposition_backward()
    return tuple(
        (m.start(), m.group())
        for m in _places().finditer(sentence)
        if backward.match(sentence[max(0, m.start() - 12) : m.start()][::-1])
    )


def party(facts: Facts, start: int, end: int) -> str | None:
    """The actor named last in ``sentence[start:end]`` (the words before a trigger), not
    counting the source of an attribution ("South Korea's military said the missile was
    fired", "According to the JCS, the missiles were launched")."""
    sentence = facts.text
    folded = facts.folded
    if folded is not None:
        cut = list(attribution_folded().finditer(folded[start:end])) if facts.attributed else []
    else:
        cut = list(attribution().finditer(sentence[start:end]))
    if cut:
        last = cut[-1]
        start += last.end()
        if last.group().lower().startswith("according"):
            comma = sentence.find(",", start, end)
            start = comma + 1 if comma >= 0 else end
    hits = hits_in(facts, start, end)
    return hits[-1][1] if hits else None
