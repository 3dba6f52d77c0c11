"""The second half of ``events.find_events``: an article's dated event mentions named
(proper names, actors, places, ordinals) and merged into one row per event.

Many articles are named together (``name_all``), one kind of attribute at a time: each
attribute has its own rules and code, and reading it for every mention of a batch before
the next one keeps them in the processor's caches (``parsing.extract_all``).
"""

from __future__ import annotations

from collections.abc import Sequence

from herald_timeline import event_dates, event_labels, event_merge, event_names, event_proper
from herald_timeline.event_history import Dated, Event, Mention, new_event

__all__ = ["name_all", "name_events"]


def name_events(dated: Dated) -> list[Event]:
    """The events of one article's ``dated`` mentions (``events.date_events``)."""
    return name_all([dated])[0]


def name_all(dated: Sequence[Dated]) -> list[list[Event]]:
    """``name_events`` of each item of ``dated``, one attribute at a time over them all."""
    mentions = [mention for article in dated for mention in article.history.mentions]
    labels = [_label(mention) for mention in mentions]
    ordinals = [event_proper.ordinal(m.sentence.text, m.trigger) for m in mentions]
    actors = [event_names.actors(m.facts, m.trigger) for m in mentions]
    places = [event_names.location(m.facts, m.trigger) for m in mentions]
    out: list[list[Event]] = []
    at = 0
    for article in dated:
        history = article.history
        events: list[Event] = []
        for mention in history.mentions:
            sentence, trigger, when = mention.sentence, mention.trigger, mention.when
            event = new_event(
                trigger.type, when.start, when.end, when.precision, when.approximate, when.text,
                labels[at], ordinals[at], actors[at], places[at], sentence.text, sentence.start,
                sentence.end, trigger.text,
            )  # fmt: skip
            events.append(event)
            at += 1
        out.append(event_merge.merge(events, history.bases, history.kinds, article.read))
    return out


def _label(mention: Mention) -> str:
    facts, trigger, when = mention.facts, mention.trigger, mention.when
    label = event_labels.name(facts, trigger)
    # an incident that lasted ("jammed GPS signals from May 29 to June 2") has sides only
    # where it is given two dates, not wherever "began" or "ended" is near its date (the
    # words around the date are read only for the events that may have sides)
    if (when.position >= 0 or when.boundary is not None) and (
        trigger.type in ("exercise", "meeting") or (trigger.type == "other" and mention.span)
    ):
        side = event_dates.boundary(mention.sentence.text, trigger, when, facts.folded)
        if side is not None:
            label = f"{label} ({side})"
    return label
