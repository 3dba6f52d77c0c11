"""Event names: short descriptions, never the whole sentence (at most about 60 characters).

A name is built from the trigger's type and what its clause names: a proper name around
the trigger ("54th Security Consultative Meeting", "first meeting of the Counter-Missile
Working Group", "Vigilant Storm"), else the missile designation and class ("Hwasong-17
ICBM launch"), the participants ("Yoon-Biden-Kishida trilateral summit"), the venue or
the acting party ("North Korean ballistic missile launch", from :mod:`event_weapons`).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from herald_timeline import event_lexicon
from herald_timeline.event_gazetteer import (
    adjectives,
    ordinal_words,
    short_forms,
    short_names,
)
from herald_timeline.event_merge import kind
from herald_timeline.event_names import (
    Facts,
    actors,
    clause,
    hits_in,
    location,
    party,
)
from herald_timeline.event_proper import head_noun, modifiers, proper_name
from herald_timeline.event_triggers import Trigger
from herald_timeline.event_weapons import launch_name

_MAX_NAME: Final = 60


@cache
def _heads() -> dict[str, str]:
    """The generic head noun of a name by event type."""
    return event_lexicon.mapping("head_nouns", "type", "head")


@cache
def _statement_verb() -> re.Pattern[str]:
    """The verb before the noun of a statement trigger ("issued a statement")."""
    verbs = event_lexicon.alternatives("statement_verbs")
    # "condemned the launch in a joint statement": the words between are the object
    return re.compile(rf"^{verbs}\s+(?:(?:[\w-]+\s+){{0,4}}?in\s+)?(?:a|an)\s+")


@cache
def _statement_heads() -> dict[str, str]:
    """The head of a statement's name for a bare verb or medium ("tweeted" -> tweet)."""
    return event_lexicon.mapping("statement_heads", "word", "head")


def _clip(text: str) -> str:
    text = " ".join(text.split()).strip(" ,.\"'“”")
    if len(text) <= _MAX_NAME:
        return text
    return text[:_MAX_NAME].rsplit(" ", 1)[0]


_THE: Final = re.compile(r"^The\s+")


def _prefix(parties: tuple[str, ...], people: list[str]) -> str:
    if len(people) >= 2:
        return "-".join(people[:3])
    if len(parties) >= 2:
        return "-".join(short_forms().get(p, p) for p in parties[:3])
    if parties:
        return adjectives().get(parties[0], parties[0])
    return ""


def _head(sentence: str, trigger: Trigger) -> tuple[str, int]:
    """The head noun of the event and where it is ("held a summit" -> summit)."""
    found = head_noun(sentence, trigger)
    if found:
        return found.group(1).lower(), found.start()
    if kind(trigger) == "call":
        return "phone call", trigger.start
    return ("meeting" if trigger.type == "meeting" else _heads()[trigger.type]), trigger.start


def name(facts: Facts, trigger: Trigger) -> str:
    """A short name for the event the trigger states (at most about 60 characters)."""
    sentence = facts.text
    if trigger.rule == "meeting-security-council":
        return _council_name(sentence, trigger)
    proper = proper_name(facts, trigger)
    if proper is not None:
        return _clip(_THE.sub("", proper))
    parties = actors(facts, trigger)
    if trigger.type == "launch":
        return _clip(launch_name(facts, trigger, parties))
    start, end = clause(facts, trigger)
    people = _people_in(facts, start, end)
    if trigger.type in ("meeting", "exercise"):
        head, where = _head(sentence, trigger)
        words = [w for w in modifiers(sentence, where) if w != head]
        if trigger.type == "meeting" and "emergency" in sentence[start:end].lower():
            words = ["emergency", *(w for w in words if w != "emergency")]
        if trigger.type == "meeting":  # the ordinal has its own column; "first summit"
            words = [w for w in words if w not in ordinal_words()]  # would not match "summit"
        place = location(facts, trigger)
        # the venue tells the event apart when the participants do not ("the East Sea" does not)
        venue = place if place and not place.startswith("the ") and len(people) < 2 else ""
        # one party does not hold a summit ("South Korean summit" for Moon at the G20)
        alone = head == "summit" and len(parties) < 2 and len(people) < 2
        prefix = "" if alone else _prefix(parties, people)
        return _clip(" ".join([prefix, venue, *words, head]))
    if trigger.type == "statement":
        head = _statement_verb().sub("", trigger.text.lower()).strip()
        head = _statement_heads().get(head, head)
        speakers = _people_in(facts, start, trigger.start)  # the subject, not who is named
        if "joint" in modifiers(sentence, trigger.start) or head.startswith("joint"):
            speaker = _prefix(parties, speakers) if len(speakers) >= 2 else ""
            head = head if head.startswith("joint") else f"joint {head}"
        else:
            speaker = (
                speakers[0] if speakers else adjectives().get(parties[0], "") if parties else ""
            )
        return _clip(f"{speaker} {head}")
    if trigger.type == "agreement":
        return _clip(_agreement_name(sentence, trigger, parties))
    if trigger.type == "establishment":
        return _clip(_object_of(trigger.text) or trigger.text)
    return _clip(_other_name(facts, trigger, parties, people))


def _people_in(facts: Facts, start: int, end: int) -> list[str]:
    shorts = short_names()
    out: list[str] = []
    for _, _, surface in hits_in(facts, start, end):
        short = shorts.get(surface)
        if short and short not in out:
            out.append(short)
    return out


def _council_name(sentence: str, trigger: Trigger) -> str:
    """A Security Council trigger: the UN council's meeting or vote, or a national
    security council's session ("South Korea's National Security Council convened")."""
    if "veto" in trigger.text.lower():
        return "UN Security Council vote"
    emergency = "emergency " if "emergency" in sentence.lower() else ""
    if sentence[max(0, trigger.start - 9) : trigger.start].strip() == "National":
        return f"National Security Council {emergency}meeting"
    return f"UN Security Council {emergency}meeting"


_PHRASE_STOP: Final = re.compile(
    r"^(?:when|within|on|at|in|by|as|and|with|every|that|which|after|before|for|to|"
    r"from|during|while|but|[A-Z][a-z]+day|\d.*)$"
)


_WORD: Final = re.compile(r"[\w'’-]+")
_PHRASE_WORDS: Final = 5


def _phrase(text: str) -> str:
    """The first few words of a verb phrase, up to a preposition or clause word."""
    out: list[str] = []
    # (a plain loop: compiled, a generator passed to islice read every word of the text)
    for match in _WORD.finditer(text):
        word = match.group()
        if out and _PHRASE_STOP.match(word):
            break
        out.append(word)
        if len(out) == _PHRASE_WORDS:
            break
    return " ".join(out)


_DECIDED: Final = re.compile(r"decided\s+(?:\w+\s+){0,2}?to\s+(.*)$")
_AGREED_TO: Final = re.compile(r"\s+(?:on\s+\w+day\s+)?(to|on)\s+(.*)")


_QUOTES: Final = re.compile(r"[“”\"]")
_SIGNED_WHAT: Final = re.compile(
    r"(?:sign(?:ed|s|ing)|reached)\s+(?:a|an|the)\s+(?:new\s+)?(.+)", re.I
)


def _agreement_name(sentence: str, trigger: Trigger, parties: tuple[str, ...]) -> str:
    words = trigger.text.lower()
    lower = sentence.lower()
    if trigger.rule == "agreement-resolution" or (
        trigger.rule == "agreement-adopted" and "resolution" in lower
    ):
        council = "UN Security Council " if "council" in lower else ""
        return f"{council}{'sanctions ' if 'sanction' in lower else ''}resolution"
    decided = _DECIDED.match(trigger.text)
    if decided:
        return f"decision to {_phrase(decided.group(1) + sentence[trigger.end :])}"
    signed = _SIGNED_WHAT.match(trigger.text)
    if signed and " " in signed.group(1):  # "signed a military tension reduction pact"
        return _QUOTES.sub("", signed.group(1))
    for noun in event_lexicon.words("agreement_nouns"):
        if noun in words:
            return noun if noun != "resolution" else "UN Security Council resolution"
    if trigger.text.lower() == "agreed":
        rest = _AGREED_TO.match(sentence, trigger.end)
        phrase = _phrase(rest.group(2)) if rest else ""
        if rest and phrase and not _PHRASE_STOP.match(phrase.split()[0]):
            return f"agreement {rest.group(1)} {phrase}"
    lead = "-".join(short_forms().get(p, p) for p in parties[:3])
    return f"{lead} agreement".strip()


def _object_of(text: str) -> str:
    """The body a trigger establishes ("launched a new working group" -> new working group)."""
    found = re.search(r"\b(?:a|an|the|their|its)\s+(.+)$", text)
    if found:
        return re.sub(r"^(?:[A-Z][a-z]+day|new)\s+", "", found.group(1))
    return re.sub(
        r"\W*\s*\b(?:that\s+was\s+|which\s+was\s+|had\s+|was\s+)?(?:organi[sz]ed|established|created|formed|set\s+up|founded|opened)$",
        "",
        text,
    )


_NAMED_VESSEL: Final = re.compile(
    r"\b(?:carrier|submarine|destroyer)\s+(?:USS\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)"
)
_USS: Final = re.compile(r"\bUSS\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
_VESSEL: Final = re.compile(
    r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+(?:(?:aircraft\s+)?carrier(?:\s+strike\s+group)?"
    r"|strike\s+group|submarine|destroyer)\b"
)


def _campaign_kind(trigger: str) -> str:
    """What a border campaign is ("sent 310 balloons" -> balloon launch)."""
    lower = trigger.lower()
    if "balloon" in lower:
        return "balloon launch"
    if "jamm" in lower:
        return "GPS jamming"
    if "leaflet" in lower:
        return "leaflet launch"
    if lower.startswith(("cut", "severed")):
        return "communication lines cut"
    verb = lower.split()[0]
    return f"loudspeaker broadcasts {'halt' if verb.startswith(('halt', 'suspend')) else 'resumed'}"


def _other_name(facts: Facts, trigger: Trigger, parties: tuple[str, ...], people: list[str]) -> str:
    sentence = facts.text
    nearest = party(facts, clause(facts, trigger)[0], trigger.start)  # "South Korea's
    actor = nearest or (parties[0] if parties else "")  # elections in April and the U.S. election"
    adjective = adjectives().get(actor, "")
    rule = trigger.rule
    if rule == "other-parade":
        words = [w for w in modifiers(sentence, trigger.start) if w != "large-scale"]
        return " ".join([adjective, *words, trigger.text.lower()])
    if rule == "other-office":
        if re.search(r"elect", trigger.text, re.IGNORECASE) and not re.search(
            r"elected\b", trigger.text
        ):
            return " ".join([adjective, *modifiers(sentence, trigger.start), trigger.text.lower()])
        who = people[0] if people else adjective
        return f"{who} {trigger.text}"
    if rule.startswith("other-nuclear-test"):
        return f"{adjective} nuclear test".strip()
    if rule == "other-demolition":
        return f"{adjective} demolition".strip()
    if rule == "other-artillery":
        return f"{adjective} artillery fire"
    if rule.startswith("other-engine-test"):
        return f"{adjective} engine test".strip()
    if rule == "other-border-campaign":
        return f"{adjective} {_campaign_kind(trigger.text)}".strip()
    if rule == "other-arrival":
        # "the USS Kentucky", "the Carl Vinson carrier strike group"; not "Hours after ..."
        named = _NAMED_VESSEL.search(sentence)  # "the aircraft carrier Ronald Reagan"
        ship = None if named else _USS.search(sentence) or _VESSEL.search(sentence)
        found = named.group(1) if named else ship.group().strip() if ship else adjective
        return f"{_THE.sub('', found)} arrival"
    if rule == "other-sinking":  # "torpedoed the ... corvette Cheonan": "Cheonan sinking"
        after = _SHIP_NAME.match(sentence, trigger.end)
        return f"{after.group(1) if after else trigger.text.split()[-1]} sinking"
    if rule == "other-drone-incursion":
        return f"{adjective} drone incursion".strip()
    if rule == "other-air-zone-entry":
        nations = " and ".join(filter(None, (adjectives().get(p, "") for p in parties)))
        zone = _zone(sentence[trigger.start : trigger.end + 10])  # "... zone (KADIZ)"
        return f"{nations} aircraft entry into {zone}".strip()
    return f"{adjective} {trigger.text}"


_SHIP_NAME: Final = re.compile(r"\s+([A-Z][\w-]+)\b")
_ZONE: Final = re.compile(r"\b(?:K|J)?ADIZ\b|airspace")


def _zone(trigger: str) -> str:
    """The zone an aircraft entry names ("KADIZ", "airspace"), else "ADIZ"."""
    found = _ZONE.search(trigger)
    return found.group() if found else "ADIZ"
