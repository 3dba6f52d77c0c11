"""Proper names of events: the name around a trigger ("54th Security Consultative
Meeting"), "<head> of the <body>" ("first meeting of the Counter-Missile Working Group"),
or a name right before the head noun ("Freedom Shield exercise", "National Security
Council meeting"), and the ordinal written before a trigger ("the 54th ..."). Used by
``event_labels``, which builds the other names."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from herald_timeline import event_lexicon
from herald_timeline.event_gazetteer import (
    actor_names,
    noun_trigger,
    ordinal_folded,
    ordinal_pattern,
    ordinal_words,
)
from herald_timeline.event_names import Facts
from herald_timeline.event_triggers import Trigger
from herald_timeline.text import folded

# A capitalised name: words starting upper case or digits, joined by spaces/hyphens and a
# few lower-case connectors ("Group of Seven", "Workers' Party of Korea").
_NAME_WORD: Final = r"(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][\w'’.]*(?:-[\w'’]+)*|\d+\+\d+)"
# _NAME_WORD led by the class of its first characters (see event_lexicon.led): a scan
# for names then skips the lower-case text in C
_LED_NAME_WORD: Final = (
    r"[\dA-Z](?:(?<=\d)(?:\d{0,2}(?:st|nd|rd|th)|\d*\+\d+)|(?<=[A-Z])[\w'’.]*(?:-[\w'’]+)*)"
)
PROPER: Final = re.compile(
    rf"{_LED_NAME_WORD}(?:\s+(?:of\s+the\s+|of\s+|and\s+|for\s+)?{_NAME_WORD})*"
)
#: the pattern ``PROPER`` must agree with (tests)
PROPER_PLAIN: Final = rf"{_NAME_WORD}(?:\s+(?:of\s+the\s+|of\s+|and\s+|for\s+)?{_NAME_WORD})*"
# "of the party's Central Military Commission": a possessive before the body's name;
# "of their Nuclear Consultative Group": the body of the parties just named
_OF_NAME: Final = re.compile(
    rf"\s+of\s+(?:the\s+|their\s+|its\s+)?((?:(?:party|ruling\s+party|country|nation)['’]s\s+)?"
    rf"{_NAME_WORD}(?:\s+{_NAME_WORD})*)"
)
# "a meeting in Washington on Friday of the Nuclear Consultative Group"
_OF_NAME_LATER: Final = re.compile(
    rf"(?:\s+(?:in|on|at)\s+[A-Z][\w.]*(?:\s+\d{{1,2}})?){{1,2}}\s+of\s+(?:the\s+)?"
    rf"({_NAME_WORD}(?:\s+{_NAME_WORD})*)"
)


@cache
def modifier() -> re.Pattern[str]:
    """Words kept in front of a generic head noun ("precision bombing drill")."""
    return re.compile(rf"^{event_lexicon.alternatives('name_modifiers')}$", re.IGNORECASE)


@cache
def head_pattern(lexicon: str) -> re.Pattern[str]:
    """Head nouns of a name ("held a summit" -> summit); a plural "s" may follow."""
    words = "|".join(event_lexicon.words(lexicon))
    return re.compile(rf"\b({words})s?\b", re.IGNORECASE)


_THE_OR_POSSESSIVE: Final = re.compile(r"^The\s+|['’]s$")
_AND_OR_COMMA: Final = re.compile(r"\s+and\s+|,\s*")


#: words that may join the words of a name ("Group of Seven", "Workers' Party of Korea")
_JOINERS: Final[tuple[str, ...]] = ("of", "the", "and", "for")


def _plain_word_at(text: str, at: int) -> bool:
    """Whether a lower-case word that is no joiner starts at ``at``: no name crosses it."""
    return "a" <= text[at : at + 1] <= "z" and not text.startswith(_JOINERS, at)


def run_break(text: str, position: int) -> int:
    """A position at or before ``position`` that no ``PROPER`` run crosses, so that a
    scan from there finds the runs a scan of the whole text finds: the start of a
    lower-case word after a space (no name word starts lower case; joiners excluded),
    else the last comma (no name holds one)."""
    end = position + 1
    for _ in range(6):
        space = text.rfind(" ", 0, end - 1)
        if space < 0:
            return 0
        if _plain_word_at(text, space + 1):
            return space + 1
        end = space + 1
    return text.rfind(",", 0, position) + 1


def run_end(text: str, position: int) -> int:
    """A position after ``position`` that no ``PROPER`` run crosses (the start of a
    lower-case word after a space, as in ``run_break``), else the end of the text: the runs
    a scan up to there finds are those of the whole text that start before it."""
    at = position
    for _ in range(6):
        space = text.find(" ", at)
        if space < 0:
            break
        if _plain_word_at(text, space + 1):
            return space + 1
        at = space + 1
    return len(text)


def _is_actor(text: str) -> bool:
    text = _THE_OR_POSSESSIVE.sub("", text)
    names = actor_names()  # "-": a blocking entry ("National Security Council"), no party
    return all(names.get(hit, "-") != "-" for hit in _AND_OR_COMMA.split(text))


_VERB_LEAD: Final = re.compile(r"^[a-z]+\s+(?:the|a|an|its|their|his|her)\s+")


def proper_name(facts: Facts, trigger: Trigger) -> str | None:
    """A proper name the trigger belongs to: one containing it, "<trigger> of the X", or
    a name right before a noun trigger ("Freedom Shield exercise")."""
    sentence = facts.text
    # (the scan stops where no run crosses: what starts after the trigger is not read)
    scan = PROPER.finditer(
        sentence, run_break(sentence, trigger.start), run_end(sentence, trigger.end)
    )
    for match in scan:
        begin, finish = match.span()
        run = match.group()
        # "held the 56th SCM" (a launch's weapon is named by ``event_weapons``)
        inside = trigger.start <= begin and finish == trigger.end and trigger.type != "launch"
        if (begin <= trigger.start < finish or inside) and " " in run:
            if not _is_actor(run):
                return run.strip()
        if begin > trigger.end:
            break
    words = trigger.text.strip()
    body = _body_after(sentence, trigger.end, later=True)
    if body is not None:
        first = ordinal_before(sentence, trigger.start)
        lead = f"{first.group(1)} " if first else ""
        head = _VERB_LEAD.sub("", words)  # "held the inaugural meeting": the meeting
        if head == words and not lead:  # "the enlarged plenary meeting of ...": keep its kind
            head = " ".join([*modifiers(sentence, trigger.start), head])
        return f"{lead}{head} of the {body}"
    if trigger.type in ("launch", "other"):
        return None
    if noun_trigger().fullmatch(words):
        return _name_before(sentence, trigger.start, words)
    if trigger.type != "meeting":
        return None  # a verb ("met"): the name before it is its subject
    # "convened a National Security Council meeting": the name of the verb's object
    noun = head_noun(sentence, trigger)
    if noun is None:
        return None
    body = _body_after(sentence, noun.end())  # "convened an emergency meeting of the NSC"
    if body is not None:
        kind = " ".join([*modifiers(sentence, noun.start()), noun.group().lower()])
        return f"{kind} of the {body}"
    return _name_before(sentence, noun.start(), noun.group())


def head_noun(sentence: str, trigger: Trigger) -> re.Match[str] | None:
    """The head noun of a meeting or drill the trigger states ("held a summit" -> summit;
    group 1 without a plural "s"): in the trigger, or for a meeting up to 40 characters
    after it ("convened a ... meeting")."""
    pattern = head_pattern("exercise_heads" if trigger.type == "exercise" else "meeting_heads")
    reach = 0 if trigger.type == "exercise" else 40
    return pattern.search(sentence, trigger.start, trigger.end + reach)


def _body_after(sentence: str, position: int, *, later: bool = False) -> str | None:
    """The body named by "of the <Name>" at ``position`` (``later``: also after a place
    or a day, "a meeting in Washington on Friday of the NCG"); None when there is none or
    it is a party ("of South Korea")."""
    found = _OF_NAME.match(sentence, position)
    if found is None and later:
        found = _OF_NAME_LATER.match(sentence, position)
    if found is None or _is_actor(found.group(1)):
        return None
    return found.group(1)


def _name_before(sentence: str, position: int, words: str) -> str | None:
    """The name "<Name> <words>" when a proper name ends right before ``position``, where the
    noun ``words`` stands ("Freedom Shield exercise"); None otherwise."""
    before = without_gap_words(sentence[max(0, position - 60) : position].rstrip())
    proper = list(PROPER.finditer(before, run_break(before, len(before))))
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


def without_gap_words(before: str) -> str:
    """``before`` without the season and cadence words that may stand between a name and
    its head noun ("Ulchi Freedom Shield summer exercise" is the Ulchi Freedom Shield's)."""
    gap = _gap_words()
    while True:
        head, _, last = before.rpartition(" ")
        if not head or last.lower() not in gap:
            return before
        before = head.rstrip()


ORDINAL_BEFORE: Final = re.compile(r"\b(first|second|third|\d+(?:st|nd|rd|th))\s+$")


def ordinal_before(sentence: str, end: int) -> re.Match[str] | None:
    """``ORDINAL_BEFORE`` in ``sentence[:end]``, searched in its last word only (a
    ``$``-anchored search would try every start)."""
    head = sentence[:end].rstrip()
    if len(head) == end:
        return None  # no space before ``end``
    words = head.rsplit(None, 1)
    return ORDINAL_BEFORE.search(sentence, len(head) - len(words[-1]) if words else 0, end)


@cache
def modifier_words() -> frozenset[str]:
    """The ``name_modifiers`` entries when all are plain lower-case ASCII words (a set
    lookup of an ASCII word's lower case then answers as ``modifier`` does); else empty."""
    words = event_lexicon.words("name_modifiers")
    plain = all(re.fullmatch(r"[a-z][a-z-]*", word) for word in words)
    return frozenset(words) if plain else frozenset()


def modifiers(sentence: str, position: int) -> list[str]:
    """The descriptive words right before a head noun ("a precision bombing drill")."""
    words = sentence[max(0, position - 50) : position].split()
    known = modifier_words()
    out: list[str] = []
    for word in reversed(words):
        lower = word.lower()
        # (IGNORECASE equates a few letters outside ASCII with ASCII ones: those ask re)
        if not (lower in known if known and word.isascii() else modifier().match(word)):
            break
        out.insert(0, lower)
    return out[-3:]


def ordinal(sentence: str, trigger: Trigger) -> int | None:
    """The ordinal written just before the trigger ("the 54th Security ...")."""
    window = sentence[max(0, trigger.start - 45) : trigger.start]
    lower = folded(window)
    if lower is not None:
        hits = list(ordinal_folded().finditer(lower))
        if not hits:
            return None
        word = hits[-1].group()
        return int(word[:-2]) if word[0].isdigit() else ordinal_words()[word]
    found = list(ordinal_pattern().finditer(window))
    if not found:
        return None
    last = found[-1]
    if last.group(1):
        return int(last.group(1))
    return ordinal_words()[last.group(2).lower()]
