"""Dated events: meetings, launches, agreements, establishments, exercises, statements.

``find_events`` reads an article body sentence by sentence. Trigger rules (data in
``resources/events/``) say what happened; the time core's Timex list says when. A trigger
with no date of its own takes the date of the narrative it continues only when the
sentence says so ("During the meeting", "Minutes after the launch", a clock time); an
event whose date cannot be derived gives no row. The same event mentioned twice is one
row, dated by its most precise mention (``event_merge``); names come from ``event_labels``,
actors and places from ``event_names``.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from herald_timeline import (
    event_assign,
    event_clauses,
    event_dates,
    event_merge,
    event_names,
    event_relations,
)
from herald_timeline.event_dates import TimexLike, When, new_when
from herald_timeline.event_history import (
    NARRATIVE_REACH,
    Dated,
    Event,
    History,
    Mention,
    when_of,
)
from herald_timeline.event_naming import name_events
from herald_timeline.event_triggers import Trigger, find_triggers
from herald_timeline.numbers import parse_number
from herald_timeline.text import Sentence

__all__ = ["Dated", "Event", "date_events", "find_events", "name_events"]

#: a hedged event-relative date this close to the narrative's date is that date
_CONSISTENT_DAYS: Final = 3
#: how many sentences back an anaphor ("the meeting", "The launch") looks for its event
_ANAPHOR_REACH: Final = 8
_ALL_PRECISIONS: Final = frozenset({"day", "month", "year"})
#: a launch dated only by a year is a count ("fired 70 missiles last year"), not an event
_PRECISION_OK: Final = {"launch": frozenset({"day", "month"})}
_RESPONSE: Final = re.compile(r"\brespon", re.IGNORECASE)
#: a meeting called because of the news ("convened an emergency meeting of the NSC")
_EMERGENCY: Final = re.compile(r"\bemergency\b", re.IGNORECASE)


def find_events(
    body: str,
    sentences: Sequence[Sentence],
    timexes: Sequence[TimexLike],
    *,
    published: datetime | None,
    tz: str = "Asia/Seoul",
    triggers: Sequence[list[Trigger]] | None = None,
    facts: Sequence[event_names.Facts | None] | None = None,
) -> list[Event]:
    """Every dated event stated in ``body``, in reading order, one row per event.
    ``triggers``: ``sentence_triggers(sentences)`` when the caller has them already;
    ``facts``: ``sentence_facts(sentences, triggers)`` likewise."""
    dated = date_events(
        body, sentences, timexes, published=published, tz=tz, triggers=triggers, facts=facts
    )
    return name_events(dated)


def date_events(
    body: str,
    sentences: Sequence[Sentence],
    timexes: Sequence[TimexLike],
    *,
    published: datetime | None,
    tz: str = "Asia/Seoul",
    triggers: Sequence[list[Trigger]] | None = None,
    facts: Sequence[event_names.Facts | None] | None = None,
) -> Dated:
    """The first half of :func:`find_events` (same arguments): what is dated, and when.
    (A corpus run dates the events of every article before it names any: see
    ``parsing.extract_all``.)"""
    history = History([], [], _dateline(published, tz), [], [])
    ordered = sorted(timexes, key=lambda t: t.char_start)
    cursor = 0
    if triggers is None:
        triggers = sentence_triggers(sentences)
    read: dict[str, event_names.Facts] = {}  # each evidence sentence's facts, for merging
    for number, (sentence, found) in enumerate(zip(sentences, triggers, strict=True)):
        while cursor < len(ordered) and ordered[cursor].char_start < sentence.start:
            cursor += 1
        inside: list[TimexLike] = []
        probe = cursor
        while probe < len(ordered) and ordered[probe].char_start < sentence.end:
            if ordered[probe].char_end <= sentence.end:
                inside.append(ordered[probe])
            probe += 1
        if not found:
            continue
        known = read.get(sentence.text)
        if known is None:
            given = None if facts is None else facts[number]
            known = read[sentence.text] = given or event_names.Facts(sentence.text)
        for mention, base, kind in _sentence_events(sentence, known, found, inside, history):
            history.mentions.append(mention)
            history.sentences.append(sentence.index)
            history.bases.append(base)
            history.kinds.append(kind)
    return Dated(history, read)


def sentence_triggers(sentences: Sequence[Sentence]) -> list[list[Trigger]]:
    """The event triggers of each sentence (a rule may need the sentence before)."""
    texts = [s.text for s in sentences]
    # each sentence with the one before it ("" for the first); zip stops at the last one
    return [find_triggers(text, before) for text, before in zip(texts, ["", *texts], strict=False)]


def sentence_facts(
    sentences: Sequence[Sentence], triggers: Sequence[list[Trigger]]
) -> list[event_names.Facts | None]:
    """The ``Facts`` of each sentence with triggers (None for the others)."""
    return [
        event_names.Facts(s.text) if hits else None
        for s, hits in zip(sentences, triggers, strict=True)
    ]


def read_facts(facts: Sequence[event_names.Facts]) -> None:
    """Find what every event of a sentence reads (actor hits, clause breaks, places) for
    all ``facts`` (of many articles), pass by pass: each pass runs one set of rules over
    all the sentences, which keeps them in the processor's caches."""
    for f in facts:
        f.hits  # noqa: B018 (computed and kept)
    for f in facts:
        f.breaks  # noqa: B018
    for f in facts:
        f.places  # noqa: B018


def _dateline(published: datetime | None, tz: str) -> date | None:
    if published is None:
        return None
    if published.tzinfo is None:
        return published.date()
    return published.astimezone(ZoneInfo(tz)).date()


def _shift(when: When, days: int, approximate: bool, text: str, months: int = 0) -> When | None:
    if months:  # "eight months after" the attack of Nov. 23, 2010: March 2010
        if when.precision not in ("day", "month"):
            return None
        index = when.start.year * 12 + when.start.month - 1 + months
        first = date(index // 12, index % 12 + 1, 1)
        last = date(first.year, first.month, monthrange(first.year, first.month)[1])
        return new_when(first, last, "month", approximate, text, -1, event_relative=True)
    if when.precision != "day":
        return None
    day = when.start + timedelta(days=days)
    # only the relation's own hedge makes the day approximate ("around 10:15 a.m." does not)
    return new_when(day, day, "day", approximate, text, -1, event_relative=True)


def _sentence_events(
    sentence: Sentence,
    facts: event_names.Facts,
    triggers: list[Trigger],
    timexes: Sequence[TimexLike],
    history: History,
) -> list[tuple[Mention, int | None, str]]:
    text = sentence.text
    lower = facts.folded
    relation = event_relations.find_relation(text, lower)
    dates: list[When] = []
    clock = False
    vague = False  # "Earlier this week, ...": a date too coarse to give, none to inherit
    for timex in event_dates.finest(timexes):
        if event_dates.is_clock_time(timex):
            clock = True
            continue
        if timex.type == "date" and timex.precision in event_dates.COARSE_PRECISIONS:
            vague = True
        when = event_dates.usable(timex, text, sentence.start, lower, coarse=True)
        if when is None:
            continue
        if relation is not None and relation.start <= when.position < relation.end:
            continue  # the relation phrase is resolved here, against the right event
        dates.extend(event_dates.split_range(when))
    owned, borrowed = event_assign.assign(triggers, dates, text, lower)
    if history.published is not None:
        _drop_later_dates(triggers, owned, borrowed, history.published)
    given: list[When | None] = [None for _ in triggers]
    bases: list[int | None] = [None for _ in triggers]
    skip = [False for _ in triggers]
    if relation is not None:
        dated = [
            (bool(o) and not event_clauses.ends_only(triggers[i], o, text, lower))
            or event_clauses.own_borrowed(i, b, triggers)
            for i, (o, b) in enumerate(zip(owned, borrowed, strict=True))
        ]
        _relate(text, relation, triggers, dated, dates, history, sentence.index, given, skip, bases)
    for participle, owner in event_assign.elaborations(triggers, owned, text):
        borrowed[participle] = owned[owner][0]
        if triggers[owner].type == "exercise" and triggers[participle].type in _FIRINGS:
            skip[owner] = True  # "staged a drill ..., firing 400 rounds": the firing is the event
    mentions: list[tuple[Mention, int | None, str]] = []
    for index, trigger in enumerate(triggers):
        if skip[index]:
            continue
        whens = owned[index]
        base = None
        if whens:
            context = history.narrative(sentence.index)
            whens = [_consistent(w, context) for w in whens]
            start = given[index]  # (given only where all the dates are ends: ``dated``)
            if start is not None:
                # "a day after the allies kicked off their exercise, which runs through
                # Aug. 29": the relation dates the start, the clause the end
                whens = [replace(start, boundary="start"), *whens]
                base = bases[index]
        elif given[index] is not None and not event_dates.irrealis_before(text, trigger, lower):
            whens = [_consistent(given[index], history.narrative(sentence.index))]  # type: ignore[arg-type]
            base = bases[index]
        elif borrowed[index] is not None:
            whens = [borrowed[index]]  # type: ignore[list-item]
        elif vague:
            whens = []
        else:
            inherited = event_clauses.date_in_clause(triggers, index, dates, text)
            if inherited is None:
                inherited = _inherit(facts, trigger, history, sentence.index, clock, dates)
            whens = [inherited] if inherited is not None else []
        for when in whens:
            if when.precision not in _PRECISION_OK.get(trigger.type, _ALL_PRECISIONS):
                continue
            if when.precision == "year" and event_clauses.tally(text):
                continue  # "staged around 20 combined exercises in 2022": a tally, no event
            link = base if when.refers_to is None else -1 - when.refers_to
            mention = Mention(sentence, facts, trigger, when, len(whens) > 1)
            mentions.append((mention, link, event_merge.kind(trigger)))
    return mentions


def _drop_later_dates(
    triggers: list[Trigger],
    owned: list[list[When]],
    borrowed: list[When | None],
    published: date,
) -> None:
    """A verb in the past tense ("agreed to hold talks in April", "fired") did not happen
    after publication: a later date is its object's, and the trigger is dated otherwise."""
    for index, trigger in enumerate(triggers):
        if not _PAST_VERB.search(trigger.text):
            continue
        owned[index] = [w for w in owned[index] if w.start <= published]
        late = borrowed[index]
        if late is not None and late.start > published:
            borrowed[index] = None


#: a trigger that opens with a verb in the simple past ("agreed", "held talks")
_PAST_VERB: Final = re.compile(r"\A(?:[a-z]+ed|held|met)\b")


def _relate(
    text: str,
    relation: event_relations.Relation,
    triggers: list[Trigger],
    dated: list[bool],
    dates: list[When],
    history: History,
    sentence: int,
    given: list[When | None],
    skip: list[bool],
    bases: list[int | None],
) -> None:
    """Date the head or the after-clause of a relation from the other one."""
    in_clause = [
        relation.clause_start <= t.start < relation.clause_end
        and relation.clause_end > relation.clause_start
        for t in triggers
    ]
    # the after-clause names one event: its first strong trigger ("two days after the
    # carrier arrived ... ahead of drills": the arrival)
    first = next((i for i, inside in enumerate(in_clause) if inside and not triggers[i].weak), None)
    clause_event = [i == first for i in range(len(triggers))]
    head_text = text[: relation.start]
    head_dates = [
        d for d in dates if d.position < relation.start or d.position >= relation.clause_end
    ]
    clause_dates = [d for d in dates if relation.clause_start <= d.position < relation.clause_end]
    is_anaphor, kind = event_relations.head_anaphor(head_text)
    phrase = text[relation.start : relation.end]
    if relation.clause_end == relation.clause_start:  # "two days later", "a day earlier"
        # "signed it on Nov. 9, and Kim ratified it two days later": a date of this sentence
        # before the relation is its anchor, else the event the sentences before ended on
        here = [d for d in head_dates if d.position < relation.start and d.precision == "day"]
        base = None if here else history.find(None, sentence, _ANAPHOR_REACH)
        anchor = here[-1] if here else None if base is None else when_of(history.mentions[base])
        for index in range(len(triggers)):
            if anchor is not None and not dated[index]:
                given[index] = _shift(
                    anchor, relation.days, relation.approximate, phrase, relation.months
                )
                bases[index] = base
        return
    head: When | None = head_dates[0] if head_dates else None
    if head is None and is_anaphor:  # "The launch came ...": today's, not a background one;
        # but "The attack came ..." after a background attack is that attack
        anaphor = history.news if kind != "other" else history.last
        head = anaphor(kind, sentence, _ANAPHOR_REACH)
    if head is not None:  # "The launch came a day after ...": date the clause
        for index, inside in enumerate(clause_event):
            if inside and not dated[index]:
                given[index] = _shift(
                    head, -relation.days, relation.approximate, phrase, -relation.months
                )
        return
    anchor = clause_dates[0] if clause_dates else None
    if anchor is None:  # "A day after that training began, ...": the clause names an event
        clause = text[relation.clause_start : relation.clause_end]
        anchor = history.last(event_relations.anaphor_type(clause), sentence, _ANAPHOR_REACH)
        for index, inside in enumerate(in_clause):
            skip[index] = skip[index] or inside
    if anchor is None:
        return
    for index, inside in enumerate(in_clause):
        if not inside and not dated[index]:
            given[index] = _shift(
                anchor, relation.days, relation.approximate, phrase, relation.months
            )


def _inherit(
    facts: event_names.Facts,
    trigger: Trigger,
    history: History,
    sentence: int,
    clock: bool,
    dates: Sequence[When],
) -> When | None:
    """The date an undated trigger takes from the narrative, when the sentence continues it."""
    text = facts.text
    if trigger.weak or event_clauses.date_names_event(trigger, dates, text):
        return None  # "The 2018 agreement, signed ...": not the day the sentences before told
    before = text[: trigger.start]
    if trigger.type == "meeting" and _EMERGENCY.search(
        text, max(0, trigger.start - 30), trigger.end + 30
    ):  # "convened an emergency meeting": it answers the launch, not what was told since
        return history.answered(sentence, _ANAPHOR_REACH)
    if trigger.text.endswith("s") and _counted(before):
        return None  # "in response to its five nuclear tests": many events, none of that day
    lower = facts.folded
    low = None if lower is None else lower[: trigger.start]
    if event_dates.found_after_last_comma("subordinate_before", before, low):
        return None  # "... less than a week after North Korea's failed attempt"
    if event_dates.first("news_day", facts) is not None:  # "met Cho earlier in the day"
        news = history.dateline_day(sentence, NARRATIVE_REACH)
        if news is not None:
            return news
    cue = event_dates.first("inherit", facts)
    if event_dates.is_event_noun(trigger.text) and event_dates.found(
        "definite_before", before[-40:], None if low is None else low[-40:]
    ):
        if cue is None or not cue.start() <= trigger.start < cue.end():
            # "calling the drills provocative": a reference to an event of its own kind
            index = history.find(trigger.type, sentence, _ANAPHOR_REACH)
            if index is not None:
                return when_of(history.mentions[index], index)
            if not _OPENS_WITH_THE.match(before):
                return None
            # "The summit in Seoul was the 12th meeting ...": the first mention of the
            # news event the sentences before dated
            return history.narrative(sentence, _ANAPHOR_REACH)
    if cue is not None:
        kind = event_relations.anaphor_type(cue.group())
        word = cue.group().split()[-1]
        found = history.last(kind, sentence, _ANAPHOR_REACH, word) if kind else None
        if found is None and _RESPONSE.search(cue.group()):  # "responded by firing": the
            found = history.answered(sentence, _ANAPHOR_REACH)  # day of what it answers
        return found or history.narrative(sentence, _ANAPHOR_REACH if clock else NARRATIVE_REACH)
    if clock:  # "at around 9:40 a.m.": a clock time is on the news day
        return history.dateline_day(sentence, _ANAPHOR_REACH) or history.narrative(
            sentence, _ANAPHOR_REACH
        )
    _, clause_end = event_names.clause(facts, trigger)  # not "..., where he had made"
    low = None if lower is None else lower[:clause_end]
    start, end = event_dates.main_clause(text[:clause_end], trigger, low)
    if not event_dates.found("irrealis", text[start:end], None if low is None else low[start:end]):
        return history.narrative(sentence)
    return None


#: what a drill is when a participle says it fired something
_FIRINGS: Final = frozenset({"launch", "other"})

_OPENS_WITH_THE: Final = re.compile(r"The\s+(?:[\w-]+\s+){0,2}\Z")


def _counted(before: str) -> bool:
    """Whether ``before`` ends with a count of what follows ("its five ", "dozens of ")."""
    words = before[-20:].split()
    if not before[-1:].isspace() or not words:
        return False
    last = words[-1].lower()
    if last == "of":
        return len(words) > 1 and words[-2].lower() == "dozens"
    return last in event_clauses.MANY or parse_number(last) is not None


def _consistent(when: When, context: When | None) -> When:
    """A hedged event-relative date ("around two weeks after ...") that agrees with the
    narrative's day within a few days is that day, and no longer approximate."""
    if not (when.approximate and when.event_relative and when.precision == "day"):
        return when
    if context is None or context.precision != "day":
        return when
    if abs((context.start - when.start).days) <= _CONSISTENT_DAYS:
        return replace(when, start=context.start, end=context.end, approximate=False)
    return when
