"""Descriptive attributes of an event: name, ordinal, actors, location.

Names are short descriptions built from the trigger's type and what its clause names: a
proper name around the trigger ("54th Security Consultative Meeting", "first meeting of
the Counter-Missile Working Group", "Vigilant Storm"), else the missile designation and
class ("Hwasong-17 ICBM launch"), the participants ("Yoon-Biden-Kishida trilateral
summit") or the acting party ("North Korean ballistic missile launch"). Actors are the
acting parties of the trigger's clause, not every country the sentence mentions. The
gazetteers (parties, people, places, weapons) are data in ``resources/events/``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from herald_timeline import resources
from herald_timeline.event_triggers import Trigger

_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
_ORDINAL = re.compile(
    r"\b(?:(\d{1,3})(?:st|nd|rd|th)|(" + "|".join(_ORDINAL_WORDS) + r"))\b", re.IGNORECASE
)
# A capitalised name: words starting upper case or digits, joined by spaces/hyphens and a
# few lower-case connectors ("Group of Seven", "Workers' Party of Korea").
_NAME_WORD = r"(?:\d{1,3}(?:st|nd|rd|th)|[A-Z][\w'’.]*(?:-[\w'’]+)*|\d+\+\d+)"
_PROPER = re.compile(rf"{_NAME_WORD}(?:\s+(?:of\s+the\s+|of\s+|and\s+|for\s+)?{_NAME_WORD})*")
_OF_NAME = re.compile(rf"\s+of\s+(?:the\s+)?({_NAME_WORD}(?:\s+{_NAME_WORD})*)")
# "a meeting in Washington on Friday of the Nuclear Consultative Group"
_OF_NAME_LATER = re.compile(
    rf"(?:\s+(?:in|on|at)\s+[A-Z][\w.]*(?:\s+\d{{1,2}})?){{1,2}}\s+of\s+(?:the\s+)?"
    rf"({_NAME_WORD}(?:\s+{_NAME_WORD})*)"
)
_PREPOSITION = re.compile(r"\b(?:in|at|from|off|near|over|into|toward|towards)\s+$")
_ATTRIBUTION = re.compile(r"\b(?:said|says|reported|reports|according\s+to|told)\b", re.IGNORECASE)
# the clause of a trigger ends at these (a subordinate clause names other parties)
_CLAUSE_END = re.compile(
    r"[;:]|\s[-–—]\s|,\s+(?:which|while|as|but|where|when|after|before|according)\b"
    r"|\b(?:after|before|since|following|ahead\s+of|while)\b",
    re.IGNORECASE,
)
_MAX_NAME = 60
# triggers that are nouns: a proper name right before one names the event
_NOUN_TRIGGER = re.compile(
    r"(?:[\w-]+\s+)?(?:summits?|meetings?|talks|negotiations|dialogue|sessions?|congress|plenum|"
    r"conference|forum|consultations|drills?|exercises?|training|maneuvers|war\s+games?|"
    r"phases?|statement|declaration|treaty|communiqu[eé]|resolutions?)",
    re.IGNORECASE,
)
_ADJECTIVE = {
    "North Korea": "North Korean", "South Korea": "South Korean", "United States": "US",
    "Japan": "Japanese", "China": "Chinese", "Russia": "Russian",
    "UN Security Council": "UN Security Council",
}  # fmt: skip
_SHORT = {"United States": "US", "UN Security Council": "UNSC"}
# words kept in front of a generic head noun ("precision bombing drill", "emergency meeting")
_MODIFIER = re.compile(
    r"^(?:emergency|trilateral|bilateral|three-way|two-way|joint|combined|summit|phone|"
    r"telephone|video|virtual|air|naval|maritime|missile|defense|defence|bombing|precision|"
    r"live-fire|tabletop|field|command|post|computer-simulated|amphibious|landing|strike|"
    r"anti-submarine|plenary|ministerial|working-level|high-level|foreign|special|rare|"
    r"social|dinner|open|closed-door|preliminary|civil|staff|training|crisis|management|"
    r"large-scale|springtime|summertime|annual|military|fighter|escort|search-and-rescue|"
    r"first|second|third|final)$",
    re.IGNORECASE,
)
_HEAD = {
    "meeting": "meeting", "launch": "launch", "agreement": "agreement",
    "establishment": "establishment", "exercise": "drill", "statement": "statement",
    "other": "event",
}  # fmt: skip
_MEETING_HEADS = re.compile(
    r"\b(summit|meeting|talks|negotiations|dialogue|session|congress|plenum|conference|forum|"
    r"consultations|contact|call|conversation)s?\b",
    re.IGNORECASE,
)
_EXERCISE_HEADS = re.compile(
    r"\b(drill|exercise|maneuver|war game|air show|demonstration flight|sortie|training|phase)s?\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _actor_names() -> dict[str, str]:
    names = {r["surface"]: r["actor"] for r in resources.table("events/actors.csv")}
    names.update({r["surface"]: r["actor"] for r in resources.table("events/people.csv")})
    return names


@lru_cache(maxsize=1)
def party_words() -> frozenset[str]:
    """Lower-case words of the parties' names and name forms ("us", "korean", "biden")."""
    names = (*_actor_names(), *_actor_names().values(), *_ADJECTIVE.values(), *_SHORT.values())
    names += tuple(_people().values())
    return frozenset(w for n in names for w in re.findall(r"[a-z][\w'’]*", n.lower()))


@lru_cache(maxsize=1)
def _people() -> dict[str, str]:
    return {r["surface"]: r["short"] for r in resources.table("events/people.csv")}


@lru_cache(maxsize=1)
def _actor_pattern() -> re.Pattern[str]:
    """All party and people surfaces in one alternation (longest first)."""
    # not "U.S.-drafted", "North Korea-related": a compound adjective is no party
    return re.compile(rf"(?<![\w.]){resources.alternation(tuple(_actor_names()))}(?!\w|-[a-z])")


@lru_cache(maxsize=256)
def _actor_hits(text: str) -> tuple[tuple[int, str, str], ...]:
    """(offset, party, surface) of every party or person named in ``text`` (a surface
    mapped to '-' is a name that only contains a party's name: "National Security Council").
    Cached: the name, actors and party of every trigger of a sentence read the same hits."""
    names = _actor_names()
    hits = [(m.start(), names[m.group()], m.group()) for m in _actor_pattern().finditer(text)]
    return tuple(hit for hit in hits if hit[1] != "-")


def _hits_in(sentence: str, start: int, end: int) -> list[tuple[int, str, str]]:
    return [h for h in _actor_hits(sentence) if start <= h[0] and h[0] + len(h[2]) <= end]


@lru_cache(maxsize=1)
def _places() -> re.Pattern[str]:
    return re.compile(rf"\b{resources.alternation(resources.lines('events/places.txt'))}\b")


@lru_cache(maxsize=1)
def _weapons() -> tuple[re.Pattern[str], tuple[tuple[str, re.Pattern[str]], ...]]:
    spec = resources.toml("events/weapons.toml")
    where = "events/weapons.toml"
    designations = resources.compile_pattern(spec["designations"], where=where)
    classes = tuple(
        (c["label"], resources.compile_pattern(c["pattern"], re.IGNORECASE, where=where))
        for c in spec["class"]
    )
    return designations, classes


def ordinal(sentence: str, trigger: Trigger) -> int | None:
    """The ordinal written just before the trigger ("the 54th Security ...")."""
    window = sentence[max(0, trigger.start - 45) : trigger.start]
    found = list(_ORDINAL.finditer(window))
    if not found:
        return None
    last = found[-1]
    if last.group(1):
        return int(last.group(1))
    return _ORDINAL_WORDS[last.group(2).lower()]


def clause(sentence: str, trigger: Trigger) -> tuple[int, int]:
    """The span of the trigger's clause: between the clause breaks around it."""
    end = next((b for b, _ in _breaks(sentence) if b >= trigger.end), len(sentence))
    return clause_start(sentence, trigger.start), end


def clause_start(sentence: str, position: int) -> int:
    """Where the clause holding ``position`` starts (after the last clause break)."""
    start = 0
    for _begin, end in _breaks(sentence):
        if end > position:
            break
        start = end
    return start


@lru_cache(maxsize=256)
def _breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _CLAUSE_END.finditer(sentence))


def _clip(text: str) -> str:
    text = " ".join(text.split()).strip(" ,.\"'“”")
    if len(text) <= _MAX_NAME:
        return text
    return text[:_MAX_NAME].rsplit(" ", 1)[0]


def _is_actor(text: str) -> bool:
    text = re.sub(r"^The\s+|['’]s$", "", text)
    return all(hit in _actor_names() for hit in re.split(r"\s+and\s+|,\s*", text))


def _proper_name(sentence: str, trigger: Trigger) -> str | None:
    """A proper name the trigger belongs to: one containing it, "<trigger> of the X", or
    a name right before a noun trigger ("Freedom Shield exercise")."""
    for begin, finish, run in _proper_runs(sentence):
        inside = trigger.start <= begin and finish == trigger.end  # "held the 56th SCM"
        if (begin <= trigger.start < finish or inside) and " " in run:
            if not _is_actor(run):
                return run.strip()
        if begin > trigger.end:
            break
    words = trigger.text.strip()
    of_name = _OF_NAME.match(sentence, trigger.end) or _OF_NAME_LATER.match(sentence, trigger.end)
    if of_name and not _is_actor(of_name.group(1)):
        first = re.search(
            r"\b(first|second|third|\d+(?:st|nd|rd|th))\s+$", sentence[: trigger.start]
        )
        lead = f"{first.group(1)} " if first else ""
        return f"{lead}{words} of the {of_name.group(1)}"
    if trigger.type in ("launch", "other") or not _NOUN_TRIGGER.fullmatch(words):
        return None  # a verb ("held a summit", "met"): the name before it is its subject
    before = sentence[max(0, trigger.start - 60) : trigger.start].rstrip()
    proper = list(_PROPER.finditer(before))
    if proper and proper[-1].end() == len(before) and proper[-1].start() > 0:
        found = proper[-1].group()
        if not _is_actor(found) and not _ORDINAL.fullmatch(found):
            return f"{found} {words}"
    return None


@lru_cache(maxsize=64)
def _proper_runs(sentence: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), m.group()) for m in _PROPER.finditer(sentence))


def _modifiers(sentence: str, position: int) -> list[str]:
    """The descriptive words right before a head noun ("a precision bombing drill")."""
    words = sentence[max(0, position - 50) : position].split()
    out: list[str] = []
    for word in reversed(words):
        if not _MODIFIER.match(word):
            break
        out.insert(0, word.lower())
    return out[-3:]


def _prefix(parties: tuple[str, ...], people: list[str]) -> str:
    if len(people) >= 2:
        return "-".join(people[:3])
    if len(parties) >= 2:
        return "-".join(_SHORT.get(p, p) for p in parties[:3])
    if parties:
        return _ADJECTIVE.get(parties[0], parties[0])
    return ""


@lru_cache(maxsize=64)
def _weapon_hits(sentence: str) -> tuple[tuple[tuple[int, str], ...], tuple[tuple[int, str], ...]]:
    """(offset, designation) and (offset, class label) of the weapons a sentence names,
    classes in the lexicon's order (most specific first)."""
    designations, classes = _weapons()
    named = tuple((m.start(), m.group()) for m in designations.finditer(sentence))
    kinds = tuple((m.start(), label) for label, p in classes for m in p.finditer(sentence))
    return named, kinds


def _launch_name(sentence: str, trigger: Trigger, parties: tuple[str, ...]) -> str:
    named, kinds = _weapon_hits(sentence)
    start, end = clause(sentence, trigger)  # "fired an ICBM, a day after it launched 20 missiles"
    inside = [hit for hit in kinds if start <= hit[0] < end]
    kinds = tuple(inside) if inside or start > 0 else kinds
    near = sorted(named, key=lambda hit: abs(hit[0] - trigger.start))
    label = ""
    best = len(sentence) + 1
    for position, name in kinds:  # the nearest class, unless a more specific one is close
        distance = abs(position - trigger.start)
        if distance < best - 40 or (not label and distance < best):
            label, best = name, distance
    lead = near[0][1] if near else _ADJECTIVE.get(parties[0], "") if parties else ""
    return " ".join(w for w in (lead, label or "missile", "launch") if w)


def _head(sentence: str, trigger: Trigger) -> tuple[str, int]:
    """The head noun of the event and where it is ("held a summit" -> summit)."""
    pattern = _EXERCISE_HEADS if trigger.type == "exercise" else _MEETING_HEADS
    window = sentence[trigger.start : trigger.end + (0 if trigger.type == "exercise" else 40)]
    found = pattern.search(window)
    if found:
        return found.group(1).lower(), trigger.start + found.start()
    if re.search(r"\bcall", trigger.text, re.IGNORECASE):
        return "phone call", trigger.start
    return ("meeting" if trigger.type == "meeting" else _HEAD[trigger.type]), trigger.start


def name(sentence: str, trigger: Trigger) -> str:
    """A short name for the event the trigger states (at most about 60 characters)."""
    proper = _proper_name(sentence, trigger)
    if trigger.rule == "meeting-security-council":
        return _council_name(sentence, trigger)
    if proper is not None:
        return _clip(re.sub(r"^The\s+", "", proper))
    parties = actors(sentence, trigger)
    if trigger.type == "launch":
        return _clip(_launch_name(sentence, trigger, parties))
    start, end = clause(sentence, trigger)
    people = _people_in(sentence, start, end)
    if trigger.type in ("meeting", "exercise"):
        head, where = _head(sentence, trigger)
        words = [w for w in _modifiers(sentence, where) if w != head]
        if trigger.type == "meeting" and "emergency" in sentence[start:end].lower():
            words = ["emergency", *(w for w in words if w != "emergency")]
        if trigger.type == "meeting":  # the ordinal has its own column; "first summit"
            words = [w for w in words if w not in _ORDINAL_WORDS]  # would not match "summit"
        place = location(sentence, trigger)
        # the venue tells the event apart when the participants do not ("the East Sea" does not)
        venue = place if place and not place.startswith("the ") and len(people) < 2 else ""
        return _clip(" ".join([_prefix(parties, people), venue, *words, head]))
    if trigger.type == "statement":
        head = re.sub(
            r"^(?:issued|released|published|said|warned|stated|declared|announced"
            r"|claimed|vowed|argued)\s+(?:in\s+)?(?:a|an)\s+",
            "",
            trigger.text.lower(),
        )
        head = {"announced": "announcement", "declared": "declaration", "claimed": "claim"}.get(
            head.strip(), head.strip()
        )
        head = {"on twitter": "tweet", "tweeted": "tweet"}.get(head, head)
        if len(people) >= 2 or "joint" in _modifiers(sentence, trigger.start):
            speaker = _prefix(parties, people) + " joint"
        else:
            speaker = people[0] if people else _ADJECTIVE.get(parties[0], "") if parties else ""
        return _clip(f"{speaker} {head}")
    if trigger.type == "agreement":
        return _clip(_agreement_name(sentence, trigger, parties))
    if trigger.type == "establishment":
        return _clip(_object_of(trigger.text) or trigger.text)
    return _clip(_other_name(sentence, trigger, parties, people))


def _people_in(sentence: str, start: int, end: int) -> list[str]:
    shorts = _people()
    out: list[str] = []
    for _, _, surface in _hits_in(sentence, start, end):
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


def _phrase(text: str) -> str:
    """The first few words of a verb phrase, up to a preposition or clause word."""
    out: list[str] = []
    for word in re.findall(r"[\w'’-]+", text)[:5]:
        if out and _PHRASE_STOP.match(word):
            break
        out.append(word)
    return " ".join(out)


def _agreement_name(sentence: str, trigger: Trigger, parties: tuple[str, ...]) -> str:
    words = trigger.text.lower()
    lower = sentence.lower()
    if trigger.rule == "agreement-resolution" or (
        trigger.rule == "agreement-adopted" and "resolution" in lower
    ):
        council = "UN Security Council " if "council" in lower else ""
        return f"{council}{'sanctions ' if 'sanction' in lower else ''}resolution"
    decided = re.match(r"decided\s+(?:\w+\s+){0,2}?to\s+(.*)$", trigger.text)
    if decided:
        return f"decision to {_phrase(decided.group(1) + sentence[trigger.end :])}"
    for noun in (
        "joint statement",
        "joint communique",
        "declaration",
        "treaty",
        "pledge",
        "resolution",
    ):
        if noun in words:
            return noun if noun != "resolution" else "UN Security Council resolution"
    if trigger.text.lower() == "agreed":
        rest = re.match(r"\s+(?:on\s+\w+day\s+)?(to|on)\s+(.*)", sentence[trigger.end :])
        phrase = _phrase(rest.group(2)) if rest else ""
        if rest and phrase and not _PHRASE_STOP.match(phrase.split()[0]):
            return f"agreement {rest.group(1)} {phrase}"
    lead = "-".join(_SHORT.get(p, p) for p in parties[:3])
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


def _other_name(
    sentence: str, trigger: Trigger, parties: tuple[str, ...], people: list[str]
) -> str:
    adjective = _ADJECTIVE.get(parties[0], "") if parties else ""
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
    if rule == "other-arrival":
        ship = re.search(
            r"\b(?:USS\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*\s+(?:strike\s+group|carrier)?", sentence
        )
        found = re.sub(r"^The\s+", "", ship.group().strip()) if ship else adjective
        return f"{found} arrival"
    return f"{adjective} {trigger.text}"


@lru_cache(maxsize=256)
def actors(sentence: str, trigger: Trigger | None = None) -> tuple[str, ...]:
    """The acting parties: the launching party for a launch, the participants of the
    trigger's clause otherwise (without the source of an attribution); de-duplicated."""
    if trigger is None:
        return _unique(actor for _, actor, _ in _actor_hits(sentence))
    if trigger.type == "launch":
        launcher = party(sentence, clause_start(sentence, trigger.start), trigger.start)
        launcher = launcher or party(sentence, 0, trigger.start)
        if launcher is None:  # "... was launched by North Korea"
            by = re.match(r"\s+by\s+(.{0,40})", sentence[trigger.end :])
            hits = _hits_in(sentence, trigger.end + by.start(1), len(sentence)) if by else []
            launcher = hits[0][1] if hits else None
        return (launcher,) if launcher else ()
    start, end = clause(sentence, trigger)
    sources = _sources(sentence)
    hits = [h for h in _hits_in(sentence, start, end) if not any(s <= h[0] < e for s, e in sources)]
    verb = not _NOUN_TRIGGER.search(trigger.text)  # "met Kim", "hosted the minister"
    return _unique(
        actor
        for position, actor, surface in hits
        if position < trigger.start
        or (
            verb
            and position - trigger.end < _OBJECT_REACH
            and not _attributive(sentence, surface, position)
        )
        or _WITH.search(sentence, trigger.end, position)
    )


def _attributive(sentence: str, surface: str, position: int) -> bool:
    """A party's adjective before a common noun ("share North Korean missile data")."""
    after = sentence[position + len(surface) : position + len(surface) + 2]
    return surface.endswith(("an", "ese")) and bool(re.match(r"\s[a-z]", after))


#: how far after a verb trigger its object (a participant) may be named
_OBJECT_REACH = 40
# after a noun trigger, participants follow "with", "between", "among"
_WITH = re.compile(r"\b(?:with|between|among)\s+(?:[\w'’.-]+\s+){0,4}$")


@lru_cache(maxsize=64)
def _sources(sentence: str) -> tuple[tuple[int, int], ...]:
    """Spans that name the source of an attribution, not a party to the event."""
    if not _ATTRIBUTION.search(sentence):
        return ()
    return tuple(m.span() for m in _ATTRIBUTION_SOURCE.finditer(sentence))


# "according to South Korea's Joint Chiefs of Staff," / "the JCS said": a source, not a party
_ATTRIBUTION_SOURCE = re.compile(
    r"\baccording\s+to\s+[^,]*|(?<![^,])[^,]{0,60}?\b(?:said|reported|told\s+\w+)\b",
    re.IGNORECASE,
)


def _unique(values: object) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:  # type: ignore[attr-defined]
        if value not in out:
            out.append(value)
    return tuple(out)


def location(sentence: str, trigger: Trigger) -> str | None:
    """The place after "in/at/from/off ..." nearest to the trigger, if the gazetteer knows it."""
    best: tuple[int, str] | None = None
    for position, place in _place_hits(sentence):
        distance = abs(position - trigger.end)
        if best is None or distance < best[0]:
            best = (distance, place)
    return best[1] if best else None


@lru_cache(maxsize=64)
def _place_hits(sentence: str) -> tuple[tuple[int, str], ...]:
    """The gazetteer places of a sentence written after a preposition."""
    return tuple(
        (m.start(), m.group())
        for m in _places().finditer(sentence)
        if _PREPOSITION.search(sentence[max(0, m.start() - 12) : m.start()])
    )


def party(sentence: str, start: int, end: int) -> str | None:
    """The actor named last in ``sentence[start:end]`` (the words before a trigger), not
    counting the source of an attribution ("South Korea's military said the missile was
    fired", "According to the JCS, the missiles were launched")."""
    text = sentence[start:end]
    cut = list(_ATTRIBUTION.finditer(text))
    if cut:
        last = cut[-1]
        start += last.end()
        if last.group().lower().startswith("according"):
            comma = sentence.find(",", start, end)
            start = comma + 1 if comma >= 0 else end
    hits = _hits_in(sentence, start, end)
    return hits[-1][1] if hits else None
