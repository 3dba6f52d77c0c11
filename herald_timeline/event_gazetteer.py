"""Compiled scans and lexicons for ``event_names``: the gazetteers of parties, people and
places, ordinals, attribution and clause-end patterns. Each is built once from the data in
``resources/events/``; ``event_names`` reads sentences with them.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Final

from herald_timeline import event_backward, event_lexicon, resources
from herald_timeline.text import folded


@cache
def ordinal_words() -> dict[str, int]:
    """Ordinal words and their numbers ("fifth" -> 5)."""
    return {w: int(n) for w, n in event_lexicon.mapping("ordinals", "word", "number").items()}


@cache
def ordinal_pattern() -> re.Pattern[str]:
    """An ordinal in digits ("54th") or in words ("fifth")."""
    words = "|".join(ordinal_words())
    return re.compile(rf"\b(?:(\d{{1,3}})(?:st|nd|rd|th)|({words}))\b", re.IGNORECASE)


@cache
def ordinal_folded() -> re.Pattern[str]:
    """``ordinal_pattern`` for lower-cased text: the digits branch and one branch per
    first letter of the words (see ``event_lexicon.branched``)."""
    words = event_lexicon.branched(
        _lower_words_of(tuple(ordinal_words())), not_after=r"\w", end=r"\b"
    )
    return re.compile(rf"\d(?<!\w.)\d{{0,2}}(?:st|nd|rd|th)\b|{words}")


@cache
def preposition() -> re.Pattern[str]:
    return re.compile(rf"\b{event_lexicon.alternatives('location_prepositions')}\s+$")


@cache
def preposition_backward() -> re.Pattern[str]:
    """``preposition`` for the reversed window (``event_backward``: one anchored match)."""
    found = event_backward.backward(preposition().pattern)
    if found is None:
        raise resources.ResourceError("events/location_prepositions: not reversible")
    return found


@cache
def attribution() -> re.Pattern[str]:
    return re.compile(rf"\b{event_lexicon.alternatives('attribution_verbs')}\b", re.IGNORECASE)


@cache
def attribution_folded() -> re.Pattern[str]:
    """``attribution`` for lower-cased text (see ``Facts.folded``)."""
    words = event_lexicon.branched(_lower_words("attribution_verbs"), not_after=r"\w")
    return re.compile(rf"(?:{words})\b")


def _lower_words(name: str) -> tuple[str, ...]:
    return _lower_words_of(event_lexicon.words(name), name)


def _lower_words_of(words: tuple[str, ...], name: str = "ordinals") -> tuple[str, ...]:
    if any(w != w.lower() for w in words):  # matched on lower-cased text
        raise resources.ResourceError(f"events/{name}: write the entries in lower case")
    return words


@cache
def attribution_stems() -> tuple[str, ...]:
    """A word each attribution must contain ("according\\s+to" -> "according"): a
    sentence without any has no attribution, and no regex needs to look."""
    stems = []
    for word in _lower_words("attribution_verbs"):
        stem = re.match(r"[a-z]*", word).group()  # type: ignore[union-attr]
        if word[len(stem) : len(stem) + 1] in ("?", "*", "{"):  # "says?": "say"
            stem = stem[:-1]
        if not stem:
            raise resources.ResourceError(f"attribution_verbs: no word leads {word!r}")
        stems.append(stem)
    return tuple(stems)


@cache
def _noun_folded() -> re.Pattern[str]:
    """The noun triggers for lower-cased text (``noun_trigger`` finds one where this does)."""
    return re.compile(f"(?:{event_lexicon.branched(_lower_words('noun_triggers'))})")


def is_noun(text: str) -> bool:
    """Whether ``text`` holds a noun trigger ("held talks"; not "met")."""
    lower = folded(text)
    if lower is not None:
        return _noun_folded().search(lower) is not None
    return noun_trigger().search(text) is not None


@cache
def clause_end() -> re.Pattern[str]:
    """The clause of a trigger ends at these (a subordinate clause names other parties)."""
    after_comma = event_lexicon.alternatives("clause_comma_words")
    words = event_lexicon.alternatives("clause_words")
    return re.compile(
        rf"[;:]|\s[-–—]\s|,\s+{after_comma}\b|\b{words}\b",
        re.IGNORECASE,
    )


@cache
def clause_end_folded(dashes: bool) -> re.Pattern[str]:
    """``clause_end`` for lower-cased text, led by a class of its first characters;
    without ``dashes``, for a text where no dash stands between spaces (then no space
    needs trying: most of the positions)."""
    after_comma = event_lexicon.alternatives("clause_comma_words")
    _lower_words("clause_comma_words")
    if not dashes:  # one literal per branch: see ``event_lexicon.branched``
        words = event_lexicon.branched(_lower_words("clause_words"), not_after=r"\w", end=r"\b")
        return re.compile(rf"(?:;|:|,\s+{after_comma}\b|{words})")
    firsts, words = event_lexicon.led_parts(_lower_words("clause_words"))
    return re.compile(
        rf"[;:\s,{firsts}]"
        rf"(?:(?<=[;:])|(?<=\s)[-–—]\s|(?<=,)\s+{after_comma}\b|(?<!\w.)(?:{words})\b)"
    )


def dash_break(text: str) -> bool:
    """Whether a dash stands between two whitespace characters (``\\s[-–—]\\s``)."""
    for dash in "-–—":
        at = text.find(dash, 1)
        while 0 < at < len(text) - 1:
            if text[at - 1].isspace() and text[at + 1].isspace():
                return True
            at = text.find(dash, at + 1)
    return False


@cache
def noun_trigger() -> re.Pattern[str]:
    """Triggers that are nouns: a proper name right before one names the event."""
    return re.compile(
        rf"(?:[\w-]+\s+)?{event_lexicon.alternatives('noun_triggers')}", re.IGNORECASE
    )


@cache
def adjectives() -> dict[str, str]:
    """A party's adjective ("North Korea" -> "North Korean")."""
    return event_lexicon.mapping("party_forms", "party", "adjective")


@cache
def short_forms() -> dict[str, str]:
    """A party's short form in a list of parties ("United States" -> "US")."""
    return event_lexicon.mapping("party_forms", "party", "short")


@lru_cache(maxsize=1)
def actor_names() -> dict[str, str]:
    names = {r["surface"]: r["actor"] for r in resources.table("events/actors.csv")}
    names.update({r["surface"]: r["actor"] for r in resources.table("events/people.csv")})
    return names


@lru_cache(maxsize=1)
def party_words() -> frozenset[str]:
    """Lower-case words of the parties' names and name forms ("us", "korean", "biden")."""
    names = (
        *actor_names(),
        *actor_names().values(),
        *adjectives().values(),
        *short_forms().values(),
    )
    names += tuple(short_names().values())
    return frozenset(w for n in names for w in re.findall(r"[a-z][\w'’]*", n.lower()))


@lru_cache(maxsize=1)
def short_names() -> dict[str, str]:
    return {r["surface"]: r["short"] for r in resources.table("events/people.csv")}


@lru_cache(maxsize=1)
def _actor_pattern() -> re.Pattern[str]:
    """All party and people surfaces in one alternation (longest first)."""
    # not "U.S.-drafted", "North Korea-related": a compound adjective is no party
    words = event_lexicon.branched_words(tuple(actor_names()), not_after=r"[\w.]")
    return re.compile(rf"{words}(?!\w|-[a-z])")


def actor_hits(text: str) -> tuple[tuple[int, str, str], ...]:
    """(offset, party, surface) of every party or person named in ``text`` (a surface
    mapped to '-' is a name that only contains a party's name: "National Security Council")."""
    names = actor_names()
    return tuple(
        [
            (m.start(), actor, surface)
            for m in _actor_pattern().finditer(text)
            if (actor := names[surface := m.group()]) != "-"
        ]
    )


def source_spans(text: str, folded: str | None, attributed: bool) -> tuple[tuple[int, int], ...]:
    """Spans that name the source of an attribution, not a party to the event (``folded``
    and ``attributed``: ``event_names.Facts``'s)."""
    if folded is None:
        if not attribution().search(text):
            return ()
        return tuple(m.span() for m in ATTRIBUTION_SOURCE.finditer(text))
    if not attributed:
        return ()
    # after a "," prepended: a match led by a comma starts after it, one led by
    # "according" one character later than in the text
    return tuple(
        (m.start() - (m.group()[0] != ","), m.end() - 1)
        for m in _SOURCE_FOLDED.finditer("," + folded)
    )


# "according to South Korea's Joint Chiefs of Staff," / "the JCS said": a source, not a party
ATTRIBUTION_SOURCE: Final = re.compile(
    r"\baccording\s+to\s+[^,]*|(?<![^,])[^,]{0,60}?\b(?:said|reported|told\s+\w+)\b",
    re.IGNORECASE,
)
# the same for "," + the lower-cased text: its second branch starts at a comma, so both
# are led by a literal ("according" right after a comma is tried first there)
_SOURCE_FOLDED: Final = re.compile(
    r"a(?<!\w.)ccording\s+to\s+[^,]*"
    r"|,(?:according\s+to\s+[^,]*|[^,]{0,60}?\b(?:said|reported|told\s+\w+)\b)"
)
