"""What an article has dated so far, for the sentences after it: the events, where each
was stated, and the day the news is at (``events`` reads the article; anaphors and undated
sentences look back here)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from herald_timeline import records
from herald_timeline.event_dates import When, new_when
from herald_timeline.event_names import Facts
from herald_timeline.event_triggers import Trigger
from herald_timeline.text import Sentence

#: how many sentences back an undated sentence continues the narrative
NARRATIVE_REACH: Final = 2
#: the narrative is the news when its day is this close to publication
NEWS_DAYS: Final = 3
#: the kinds of event a response answers
_PROVOCATIONS: Final = frozenset({"launch", "other"})


@dataclass(init=False, frozen=True, slots=True)
class Event:
    """One dated event of an article; ``evidence`` is ``body[char_start:char_end]``."""

    type: str
    start: date
    end: date
    precision: str
    approximate: bool
    date_text: str
    name: str
    ordinal: int | None
    actors: tuple[str, ...]
    location: str | None
    evidence: str
    char_start: int
    char_end: int
    trigger: str

    # written out, not generated: mypyc compiles it to direct stores (see records)
    def __init__(
        self,
        type: str,
        start: date,
        end: date,
        precision: str,
        approximate: bool,
        date_text: str,
        name: str,
        ordinal: int | None,
        actors: tuple[str, ...],
        location: str | None,
        evidence: str,
        char_start: int,
        char_end: int,
        trigger: str,
    ) -> None:
        object.__setattr__(self, "type", type)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "precision", precision)
        object.__setattr__(self, "approximate", approximate)
        object.__setattr__(self, "date_text", date_text)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "ordinal", ordinal)
        object.__setattr__(self, "actors", actors)
        object.__setattr__(self, "location", location)
        object.__setattr__(self, "evidence", evidence)
        object.__setattr__(self, "char_start", char_start)
        object.__setattr__(self, "char_end", char_end)
        object.__setattr__(self, "trigger", trigger)


new_event: Final = records.fast_builder(Event)


@dataclass(init=False, frozen=True, slots=True)
class Mention:
    """A dated event as its sentence states it, not yet named: what the sentences after it
    look back at (an article's mentions are named together, then merged into events).
    ``span``: the trigger was given more than one date here."""

    sentence: Sentence
    facts: Facts
    trigger: Trigger
    when: When
    span: bool

    # written out, not generated: mypyc compiles it to direct stores (see records)
    def __init__(
        self, sentence: Sentence, facts: Facts, trigger: Trigger, when: When, span: bool
    ) -> None:
        object.__setattr__(self, "sentence", sentence)
        object.__setattr__(self, "facts", facts)
        object.__setattr__(self, "trigger", trigger)
        object.__setattr__(self, "when", when)
        object.__setattr__(self, "span", span)


@dataclass(init=False, slots=True)
class History:
    """What the article has dated so far: the event mentions, and where each was stated."""

    mentions: list[Mention]
    sentences: list[int]
    published: date | None
    #: for each event, the event its date was computed from ("Hours later, ..."): two
    #: events some hours apart are never one
    bases: list[int | None]
    kinds: list[str]

    # written out, not generated: mypyc compiles it to direct stores (see records)
    def __init__(
        self,
        mentions: list[Mention],
        sentences: list[int],
        published: date | None,
        bases: list[int | None],
        kinds: list[str],
    ) -> None:
        self.mentions = mentions
        self.sentences = sentences
        self.published = published
        self.bases = bases
        self.kinds = kinds

    def find(self, kind: str | None, sentence: int, reach: int, word: str = "") -> int | None:
        """The latest day-dated event (of ``kind``) stated within ``reach`` sentences: what
        an anaphor ("the launch", "the meeting") refers back to. One whose trigger shares
        the anaphor's stem ("after the signing" -> "signed ...") is preferred."""
        found: int | None = None
        stem = word[:4].lower()
        for index in range(len(self.mentions) - 1, -1, -1):
            mention = self.mentions[index]
            if sentence - self.sentences[index] > reach:
                break
            if (kind is None or mention.trigger.type == kind) and mention.when.precision == "day":
                if not stem or stem in mention.trigger.text.lower():
                    return index
                found = index if found is None else found
        return found

    def news(self, kind: str | None, sentence: int, reach: int) -> When | None:
        """What "The launch" refers to: the latest event of ``kind`` within ``reach`` that
        is the news (near publication), else the latest one (a background event mentioned
        in between is not "the launch" of the article)."""
        latest: int | None = None
        for index in range(len(self.mentions) - 1, -1, -1):
            mention = self.mentions[index]
            if sentence - self.sentences[index] > reach:
                break
            when = mention.when
            if (kind is not None and mention.trigger.type != kind) or when.precision != "day":
                continue
            latest = index if latest is None else latest
            if self._is_news(when):
                return when_of(mention)
        return None if latest is None else when_of(self.mentions[latest])

    def _is_news(self, when: When) -> bool:
        if self.published is None:
            return False
        return abs((when.start - self.published).days) <= NEWS_DAYS

    def last(self, kind: str | None, sentence: int, reach: int, word: str = "") -> When | None:
        index = self.find(kind, sentence, reach, word)
        return None if index is None else when_of(self.mentions[index])

    def answered(self, sentence: int, reach: int) -> When | None:
        """What "responded by firing ..." answers: the latest day-dated launch or firing
        ('other': shelling, an incursion) within ``reach``, past a drill or meeting told in
        between; else the latest event of the previous sentences."""
        found = [self.find(kind, sentence, reach) for kind in _PROVOCATIONS]
        latest = max((index for index in found if index is not None), default=None)
        if latest is not None:
            return when_of(self.mentions[latest])
        return self.last(None, sentence, NARRATIVE_REACH)

    def dateline_day(self, sentence: int, reach: int) -> When | None:
        """An event of the publication day stated within ``reach``: the day a clock time
        ("in the afternoon") is on, before a background event stated after it ("a day
        after it launched ... late Sunday")."""
        for index in range(len(self.mentions) - 1, -1, -1):
            if sentence - self.sentences[index] > reach:
                break
            when = self.mentions[index].when
            if when.precision == "day" and when.start == self.published:
                return when_of(self.mentions[index])
        return None

    def narrative(self, sentence: int, reach: int = NARRATIVE_REACH) -> When | None:
        """The day the news is at: the latest event of the previous sentences, if it
        falls within a few days of publication (background events do not carry over)."""
        when = self.last(None, sentence, reach)
        if when is None or when.precision != "day" or self.published is None:
            return None
        if abs((when.start - self.published).days) > NEWS_DAYS:
            return None
        return when


def when_of(mention: Mention, refers_to: int | None = None) -> When:
    """The date of an event, to give to another mention; ``refers_to``: the mention is
    that event (its row index), not a second one."""
    when = mention.when
    return new_when(
        when.start, when.end, when.precision, when.approximate, when.text, -1,
        refers_to=refers_to,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Dated:
    """The first half of ``events.find_events`` for one article (``date_events``): each
    dated mention of an event, in reading order, not yet named (``event_naming``)."""

    history: History
    #: each evidence sentence's facts, by its text (what merging mentions reads)
    read: dict[str, Facts]
