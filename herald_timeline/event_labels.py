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
from itertools import islice

from herald_timeline import event_lexicon
from herald_timeline.event_gazetteer import (
    actor_names,
    adjectives,
    noun_trigger,
    ordinal_pattern,
    ordinal_words,
    short_forms,
    short_names,
)
from herald_timeline.event_names import (
    Facts,
    actors,
    clause,
    hits_in,
    location,
    party,
)
from herald_timeline.event_triggers import Trigger
from herald_timeline.event_weapons import launch_name

# A capitalised name: words starting upper case or digits, joined by spaces/hyphens and a
# few lower-case connectors ("Group of Seven", "Workers' Party of Korea").
_NAME_WORD = r"(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][\w'’.]*(?:-[\w'’]+)*|\d+\+\d+)"
# _NAME_WORD led by the class of its first characters (see event_lexicon.led): a scan
# for names then skips the lower-case text in C
_LED_NAME_WORD = (
    r"[\dA-Z](?:(?<=\d)(?:\d{0,2}(?:st|nd|rd|th)|\d*\+\d+)|(?<=[A-Z])[\w'’.]*(?:-[\w'’]+)*)"
)
_PROPER = re.compile(rf"{_LED_NAME_WORD}(?:\s+(?:of\s+the\s+|of\s+|and\s+|for\s+)?{_NAME_WORD})*")
#: the pattern ``_PROPER`` must agree with (tests)
PROPER_PLAIN = rf"{_NAME_WORD}(?:\s+(?:of\s+the\s+|of\s+|and\s+|for\s+)?{_NAME_WORD})*"
# "of the party's Central Military Commission": a possessive before the body's name
_OF_NAME = re.compile(
    rf"\s+of\s+(?:the\s+)?((?:(?:party|ruling\s+party|country|nation)['’]s\s+)?"
    rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*)"
)
# "a meeting in Washington on Friday of the Nuclear Consultative Group"
_OF_NAME_LATER = re.compile(
    rf"(?:\s+(?:in|on|at)\s+[A-Z][\w.]*(?:\s+\d{{1,2}})?){{1,2}}\s+of\s+(?:the\s+)?"
    rf"({_NAME_WORD}(?:\s+{_NAME_WORD})*)"
)
_MAX_NAME = 60


@cache
def _modifier() -> re.Pattern[str]:
    """Words kept in front of a generic head noun ("precision bombing drill")."""
    return re.compile(rf"^{event_lexicon.alternatives('name_modifiers')}$", re.IGNORECASE)


@cache
def _heads() -> dict[str, str]:
    """The generic head noun of a name by event type."""
    return event_lexicon.mapping("head_nouns", "type", "head")


@cache
def _head_pattern(lexicon: str) -> re.Pattern[str]:
    """Head nouns of a name ("held a summit" -> summit); a plural "s" may follow."""
    words = "|".join(event_lexicon.words(lexicon))
    return re.compile(rf"\b({words})s?\b", re.IGNORECASE)


@cache
def _statement_verb() -> re.Pattern[str]:
    """The verb before the noun of a statement trigger ("issued a statement")."""
    verbs = event_lexicon.alternatives("statement_verbs")
    return re.compile(rf"^{verbs}\s+(?:in\s+)?(?:a|an)\s+")


@cache
def _statement_heads() -> dict[str, str]:
    """The head of a statement's name for a bare verb or medium ("tweeted" -> tweet)."""
    return event_lexicon.mapping("statement_heads", "word", "head")


def _clip(text: str) -> str:
    text = " ".join(text.split()).strip(" ,.\"'“”")
    if len(text) <= _MAX_NAME:
        return text
    return text[:_MAX_NAME].rsplit(" ", 1)[0]


_THE_OR_POSSESSIVE = re.compile(r"^The\s+|['’]s$")
_AND_OR_COMMA = re.compile(r"\s+and\s+|,\s*")
_THE = re.compile(r"^The\s+")


#: words that may join the words of a name ("Group of Seven", "Workers' Party of Korea")
_JOINERS = ("of", "the", "and", "for")


def _run_break(text: str, position: int) -> int:
    """A position at or before ``position`` that no ``_PROPER`` run crosses, so that a
    scan from there finds the runs a scan of the whole text finds: the start of a
    lower-case word after a space (no name word starts lower case; joiners excluded),
    else the last comma (no name holds one)."""
    end = position + 1
    for _ in range(6):
        space = text.rfind(" ", 0, end - 1)
        if space < 0:
            return 0
        first = text[space + 1 : space + 2]
        if "a" <= first <= "z" and not text.startswith(_JOINERS, space + 1):
            return space + 1
        end = space + 1
    return text.rfind(",", 0, position) + 1


def _is_actor(text: str) -> bool:
    text = _THE_OR_POSSESSIVE.sub("", text)
    return all(hit in actor_names() for hit in _AND_OR_COMMA.split(text))


_VERB_LEAD = re.compile(r"^[a-z]+\s+(?:the|a|an|its|their|his|her)\s+")


def _proper_name(facts: Facts, trigger: Trigger) -> str | None:
    """A proper name the trigger belongs to: one containing it, "<trigger> of the X", or
    a name right before a noun trigger ("Freedom Shield exercise")."""
    sentence = facts.text
    for match in _PROPER.finditer(sentence, _run_break(sentence, trigger.start)):
        begin, finish = match.span()
        run = match.group()
        inside = trigger.start <= begin and finish == trigger.end  # "held the 56th SCM"
        if (begin <= trigger.start < finish or inside) and " " in run:
            if not _is_actor(run):
                return run.strip()
        if begin > trigger.end:
            break
    words = trigger.text.strip()
    of_name = _OF_NAME.match(sentence, trigger.end) or _OF_NAME_LATER.match(sentence, trigger.end)
    if of_name and not _is_actor(of_name.group(1)):
        first = _ordinal_before(sentence, trigger.start)
        lead = f"{first.group(1)} " if first else ""
        head = _VERB_LEAD.sub("", words)  # "held the inaugural meeting": the meeting
        if head == words and not lead:  # "the enlarged plenary meeting of ...": keep its kind
            head = " ".join([*_modifiers(sentence, trigger.start), head])
        return f"{lead}{head} of the {of_name.group(1)}"
    if trigger.type in ("launch", "other") or not noun_trigger().fullmatch(words):
        return None  # a verb ("held a summit", "met"): the name before it is its subject
    before = _without_gap_words(sentence[max(0, trigger.start - 60) : trigger.start].rstrip())
    proper = list(_PROPER.finditer(before, _run_break(before, len(before))))
    if proper and proper[-1].end() == len(before):
        found = proper[-1].group()
        if proper[-1].start() == 0:  # a capital opening the sentence is no name word,
            found = found[4:] if found.startswith("The ") else ""  # "The Freedom Edge drill"
        if found and not _is_actor(found) and not ordinal_pattern().fullmatch(found):
            return f"{found} {words}"
    return None


@cache
def _gap_words() -> frozenset[str]:
    return frozenset(word.lower() for word in event_lexicon.words("name_gap_words"))


def _without_gap_words(before: str) -> str:
    """``before`` without the season and cadence words that may stand between a name and
    its head noun ("Ulchi Freedom Shield summer exercise" is the Ulchi Freedom Shield's)."""
    gap = _gap_words()
    while True:
        head, _, last = before.rpartition(" ")
        if not head or last.lower() not in gap:
            return before
        before = head.rstrip()


_ORDINAL_BEFORE = re.compile(r"\b(first|second|third|\d+(?:st|nd|rd|th))\s+$")


def _ordinal_before(sentence: str, end: int) -> re.Match[str] | None:
    """``_ORDINAL_BEFORE`` in ``sentence[:end]``, searched in its last word only (a
    ``$``-anchored search would try every start)."""
    head = sentence[:end].rstrip()
    if len(head) == end:
        return None  # no space before ``end``
    words = head.rsplit(None, 1)
    return _ORDINAL_BEFORE.search(sentence, len(head) - len(words[-1]) if words else 0, end)


def _modifiers(sentence: str, position: int) -> list[str]:
    """The descriptive words right before a head noun ("a precision bombing drill")."""
    words = sentence[max(0, position - 50) : position].split()
    out: list[str] = []
    for word in reversed(words):
        if not _modifier().match(word):
            break
        out.insert(0, word.lower())
    return out[-3:]


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
    pattern = _head_pattern("exercise_heads" if trigger.type == "exercise" else "meeting_heads")
    window = sentence[trigger.start : trigger.end + (0 if trigger.type == "exercise" else 40)]
    found = pattern.search(window)
    if found:
        return found.group(1).lower(), trigger.start + found.start()
    if _CALL.search(trigger.text):
        return "phone call", trigger.start
    return ("meeting" if trigger.type == "meeting" else _heads()[trigger.type]), trigger.start


_CALL = re.compile(r"\bcall", re.IGNORECASE)


def name(facts: Facts, trigger: Trigger) -> str:
    """A short name for the event the trigger states (at most about 60 characters)."""
    sentence = facts.text
    proper = _proper_name(facts, trigger)
    if trigger.rule == "meeting-security-council":
        return _council_name(sentence, trigger)
    if proper is not None:
        return _clip(_THE.sub("", proper))
    parties = actors(facts, trigger)
    if trigger.type == "launch":
        return _clip(launch_name(facts, trigger, parties))
    start, end = clause(facts, trigger)
    people = _people_in(facts, start, end)
    if trigger.type in ("meeting", "exercise"):
        head, where = _head(sentence, trigger)
        words = [w for w in _modifiers(sentence, where) if w != head]
        if trigger.type == "meeting" and "emergency" in sentence[start:end].lower():
            words = ["emergency", *(w for w in words if w != "emergency")]
        if trigger.type == "meeting":  # the ordinal has its own column; "first summit"
            words = [w for w in words if w not in ordinal_words()]  # would not match "summit"
        place = location(facts, trigger)
        # the venue tells the event apart when the participants do not ("the East Sea" does not)
        venue = place if place and not place.startswith("the ") and len(people) < 2 else ""
        return _clip(" ".join([_prefix(parties, people), venue, *words, head]))
    if trigger.type == "statement":
        head = _statement_verb().sub("", trigger.text.lower()).strip()
        head = _statement_heads().get(head, head)
        speakers = _people_in(facts, start, trigger.start)  # the subject, not who is named
        if "joint" in _modifiers(sentence, trigger.start) or head.startswith("joint"):
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


_PHRASE_STOP = re.compile(
    r"^(?:when|within|on|at|in|by|as|and|with|every|that|which|after|before|for|to|"
    r"from|during|while|but|[A-Z][a-z]+day|\d.*)$"
)


_WORD = re.compile(r"[\w'’-]+")


def _phrase(text: str) -> str:
    """The first few words of a verb phrase, up to a preposition or clause word."""
    out: list[str] = []
    for word in islice((m.group() for m in _WORD.finditer(text)), 5):
        if out and _PHRASE_STOP.match(word):
            break
        out.append(word)
    return " ".join(out)


_DECIDED = re.compile(r"decided\s+(?:\w+\s+){0,2}?to\s+(.*)$")
_AGREED_TO = re.compile(r"\s+(?:on\s+\w+day\s+)?(to|on)\s+(.*)")


_QUOTES = re.compile(r"[“”\"]")
_SIGNED_WHAT = re.compile(r"(?:sign(?:ed|s|ing)|reached)\s+(?:a|an|the)\s+(?:new\s+)?(.+)", re.I)


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
        r"\W*\s*\b(?:that\s+was\s+|which\s+was\s+)?(?:organi[sz]ed|established|created|formed|set\s+up|founded)$",
        "",
        text,
    )


_NAMED_VESSEL = re.compile(
    r"\b(?:carrier|submarine|destroyer)\s+(?:USS\s+)?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)"
)
_USS = re.compile(r"\bUSS\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
_VESSEL = re.compile(
    r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+(?:(?:aircraft\s+)?carrier(?:\s+strike\s+group)?"
    r"|strike\s+group|submarine|destroyer)\b"
)


def _other_name(facts: Facts, trigger: Trigger, parties: tuple[str, ...], people: list[str]) -> str:
    sentence = facts.text
    nearest = party(facts, clause(facts, trigger)[0], trigger.start)  # "South Korea's
    actor = nearest or (parties[0] if parties else "")  # elections in April and the U.S. election"
    adjective = adjectives().get(actor, "")
    rule = trigger.rule
    if rule == "other-parade":
        words = [w for w in _modifiers(sentence, trigger.start) if w != "large-scale"]
        return " ".join([adjective, *words, trigger.text.lower()])
    if rule == "other-office":
        if re.search(r"elect", trigger.text, re.IGNORECASE) and not re.search(
            r"elected\b", trigger.text
        ):
            return " ".join([adjective, *_modifiers(sentence, trigger.start), trigger.text.lower()])
        who = people[0] if people else adjective
        return f"{who} {trigger.text}"
    if rule == "other-nuclear-test":
        return f"{adjective} nuclear test"
    if rule == "other-artillery":
        return f"{adjective} artillery fire"
    if rule.startswith("other-engine-test"):
        return f"{adjective} engine test".strip()
    if rule == "other-arrival":
        # "the USS Kentucky", "the Carl Vinson carrier strike group"; not "Hours after ..."
        named = _NAMED_VESSEL.search(sentence)  # "the aircraft carrier Ronald Reagan"
        ship = None if named else _USS.search(sentence) or _VESSEL.search(sentence)
        found = named.group(1) if named else ship.group().strip() if ship else adjective
        return f"{_THE.sub('', found)} arrival"
    return f"{adjective} {trigger.text}"
