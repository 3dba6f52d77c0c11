"""Event triggers: the words that say an event happened, typed by rules kept as data.

The rules live in ``resources/events/triggers.toml`` (file order is priority). Each rule
declares the literal word beginnings (``heads``) its matches start with: a sentence is
scanned once for all heads (one alternation of literals, cheap), and the combined rule
alternation is tried only at those positions; the per-rule checks (``needs``, ``unless``,
``before_not``) run only on the few matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Final

from herald_timeline import event_lexicon, pattern_facts, records, resources
from herald_timeline.event_lexicon import Folded
from herald_timeline.text import ascii_class, folded, trie

_FLAGS: Final = re.IGNORECASE
TYPES: Final[tuple[str, ...]] = (
    "meeting",
    "launch",
    "agreement",
    "establishment",
    "exercise",
    "statement",
    "other",
)


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    type: str
    pattern: str
    needs: re.Pattern[str] | None
    unless: re.Pattern[str] | None
    before_not: re.Pattern[str] | None
    after_not: re.Pattern[str] | None
    weak: bool
    heads: tuple[str, ...]
    examples: tuple[str, ...]
    counter: tuple[str, ...]
    #: whether the sentence before may supply what ``needs`` asks for
    needs_from_context: bool = True


@dataclass(init=False, frozen=True, slots=True)
class Trigger:
    """A trigger match inside one sentence (offsets relative to the sentence text)."""

    type: str
    start: int
    end: int
    text: str
    rule: str
    weak: bool

    # written out, not generated: mypyc compiles it to direct stores (see records)
    def __init__(self, type: str, start: int, end: int, text: str, rule: str, weak: bool) -> None:
        object.__setattr__(self, "type", type)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "rule", rule)
        object.__setattr__(self, "weak", weak)


new_trigger: Final = records.fast_builder(Trigger)


def _optional(spec: dict[str, Any], key: str, where: str) -> re.Pattern[str] | None:
    value = spec.get(key)
    return resources.compile_pattern(value, _FLAGS, where=where) if value else None


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The trigger rules, in priority order."""
    out = []
    for spec in resources.toml("events/triggers.toml")["rule"]:
        where = f"events/triggers.toml:{spec['id']}"
        if spec["type"] not in TYPES:
            raise resources.ResourceError(f"{where}: unknown type {spec['type']!r}")
        compiled = resources.compile_pattern(spec["pattern"], _FLAGS, where=where)
        if compiled.groups:
            raise resources.ResourceError(f"{where}: use (?:...) groups only")
        heads = tuple(spec.get("heads", ()))
        if not heads or any(h != h.lower() or not h.strip() for h in heads):
            raise resources.ResourceError(f"{where}: heads must be non-empty lower-case words")
        out.append(
            Rule(
                id=spec["id"],
                type=spec["type"],
                pattern=spec["pattern"],
                needs=_optional(spec, "needs", where),
                unless=_optional(spec, "unless", where),
                before_not=_optional(spec, "before_not", where),
                after_not=_optional(spec, "after_not", where),
                weak=bool(spec.get("weak", False)),
                heads=heads,
                examples=tuple(spec.get("examples", ())),
                counter=tuple(spec.get("counter", ())),
                needs_from_context=bool(spec.get("needs_from_context", True)),
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def _combined() -> re.Pattern[str]:
    parts = [f"(?P<r{i}>{rule.pattern})" for i, rule in enumerate(rules())]
    return re.compile("|".join(parts), _FLAGS)


@lru_cache(maxsize=2)
def _heads(ignore_case: bool = False) -> re.Pattern[str]:
    """Every rule's head words in one alternation: the only places a trigger can start.
    Matched case-sensitively on lower-cased text (five times faster than IGNORECASE), as a
    trie (twice as fast again as a flat alternation, which ``re`` tries word by word)."""
    words = tuple(h for rule in rules() for h in rule.heads)
    return re.compile(rf"(?<!\w){trie(words)}", _FLAGS if ignore_case else 0)


@lru_cache(maxsize=1)
def _head_starts() -> re.Pattern[str]:
    """``_heads`` for " " + the lower-cased text: led by the non-word character before a
    head, which ``re`` finds with a fast character-class skip instead of trying the
    lookbehind and the trie at every position; the head itself is group 1 (a lookahead,
    so that a head right after another one's last character is found too). The reference:
    ``_head_hits`` runs ``_ascii_head_starts``, which must find the same heads (tests)."""
    words = tuple(h for rule in rules() for h in rule.heads)
    return re.compile(rf"\W(?=({trie(words)}))")


@lru_cache(maxsize=1)
def _ascii_head_starts() -> re.Pattern[str]:
    """``_head_starts`` for ASCII text: the same matches there, a third faster (its first
    character is tested against a list, not looked up in the Unicode tables). Heads are
    ASCII (a test checks), so on any text whose other characters are made ASCII
    (``_head_hits``) it finds every head ``_head_starts`` finds, and no other head."""
    words = tuple(h for rule in rules() for h in rule.heads)
    return re.compile(ascii_class(r"\W") + rf"(?=({trie(words)}))")


@lru_cache(maxsize=512)
def _rules_for(head: str) -> tuple[re.Pattern[str], re.Pattern[str] | None] | None:
    """The alternation of the rules (in priority order, same group names as
    ``_combined``) that may match where a word starting with ``head`` begins: those with
    a head that is a prefix of it (the head scan reports the longest one); with its twin
    for lower-cased text (None if the rules need the case as written)."""
    parts = [
        f"(?P<r{i}>{rule.pattern})"
        for i, rule in enumerate(rules())
        if any(head.startswith(h) for h in rule.heads)
    ]
    if not parts:
        return None
    pattern = "|".join(parts)
    lowered = resources.lowered(pattern)
    return re.compile(pattern, _FLAGS), None if lowered is None else re.compile(lowered)


def warm() -> None:
    """Compile the rules of every head word now (a worker pool's preload), not on the
    first sentence that has it (about 20 ms in all)."""
    _ascii_head_starts()
    for head in {h for rule in rules() for h in rule.heads}:
        _rules_for(head)


def _head_hits(text: str, lower: str) -> list[tuple[int, str]]:
    """(offset, head) of every head word, as ``_heads().finditer`` reports them (the
    longest head at a position; none starting inside the previous one)."""
    if len(lower) != len(text):  # lower() grew the text ("İ"): offsets differ
        return [(m.start(), m.group().lower()) for m in _heads(True).finditer(text)]
    padded = " " + lower
    # each character beyond ASCII as "?": one character for one, so the offsets hold; a
    # head (ASCII letters) never matches one, and before a head it stands for a non-word
    # character, checked then on the text itself (a letter there starts no head)
    ascii_text = padded.isascii()
    probe = padded if ascii_text else padded.encode("ascii", "replace").decode("ascii")
    hits: list[tuple[int, str]] = []
    done = 0
    for match in _ascii_head_starts().finditer(probe):
        position = match.start(1) - 1
        if position >= done:
            if not ascii_text and _is_word(padded[position]):
                continue
            head = match.group(1)
            hits.append((position, head))
            done = position + len(head)
    return hits


def _is_word(char: str) -> bool:
    """Whether ``re`` counts ``char`` as ``\\w`` (for a str pattern)."""
    return char.isalnum() or char == "_"


def _scan(text: str, lower: str | None = None) -> list[re.Match[str]]:
    """The matches ``_combined().finditer`` would give, trying only the rules whose head
    word starts there (most positions have none, and the whole alternation is slow).
    With ``lower`` (``folded(text)``), the matches are made on it (offsets and group
    names alike; the text is ``lower``'s)."""
    out: list[re.Match[str]] = []
    done = 0
    for position, head in _head_hits(text, text.lower() if lower is None else lower):
        if position < done:
            continue
        candidates = _rules_for(head)
        if candidates is None:
            continue
        ignore_case, lowered = candidates
        if lower is not None and lowered is not None:
            match = lowered.match(lower, position)
        else:
            match = ignore_case.match(text, position)
        if match is not None:
            out.append(match)
            done = max(match.end(), position + 1)
    return out


def scan_everywhere(text: str) -> list[re.Match[str]]:
    """The plain scan (every word start): the reference ``_scan`` must agree with (tests)."""
    pattern = re.compile(r"(?=\b\w)(?:" + _combined().pattern + ")", _FLAGS)
    return list(pattern.finditer(text))


@dataclass(frozen=True, slots=True)
class _Checks:
    """A rule's checks, made cheap on lower-cased text (``event_lexicon.Folded``)."""

    needs: Folded | None
    unless: Folded | None
    before_not: Folded | None
    after_not: re.Pattern[str] | None
    needs_from_context: bool


@lru_cache(maxsize=1)
def _checks() -> tuple[_Checks, ...]:
    def fold(pattern: re.Pattern[str] | None) -> Folded | None:
        return None if pattern is None else event_lexicon.folded(pattern)

    return tuple(
        _Checks(
            fold(rule.needs),
            fold(rule.unless),
            fold(rule.before_not),
            rule.after_not,
            rule.needs_from_context,
        )
        for rule in rules()
    )


def _accept(
    index: int, text: str, start: int, end: int, context: str = "", lower: str | None = None
) -> bool:
    """Whether rule ``index`` keeps its match ``text[start:end]`` (``lower``: ``folded``)."""
    checks = _checks()[index]
    if checks.needs is not None and not checks.needs.found(text, lower):
        # an elliptical sentence names its object in the one before ("The North fired
        # two on March 2nd ...", "The streak began on Sept. 25")
        if not (
            context and checks.needs_from_context and checks.needs.found(context, folded(context))
        ):
            return False
    if checks.unless is not None and checks.unless.found(text, lower):
        return False
    if checks.before_not is not None:
        window = max(0, start - 60)
        before = None if lower is None else lower[window:start]
        if checks.before_not.found(text[window:start], before):
            return False
    if checks.after_not is not None and checks.after_not.match(text, end, end + 80):
        return False
    if _may_be_called_off(lower, end) and _called_off().match(text, end, end + _CALLED_OFF_REACH):
        return False  # "a joint signing ceremony was canceled": it did not happen
    return True


def _may_be_called_off(lower: str | None, end: int) -> bool:
    """Whether ``called_off_after`` can match after ``end`` (``lower``: ``folded``): only
    if its window holds one of the words each match has (most windows do not)."""
    if lower is None:
        return True
    return _called_off_words().search(lower, end, end + _CALLED_OFF_REACH) is not None


#: ``called_off_after`` is matched within this many characters after a trigger
_CALLED_OFF_REACH: Final = 60


@lru_cache(maxsize=1)
def _called_off() -> re.Pattern[str]:
    spec = resources.toml("events/cues.toml")["cue"]["called_off_after"]
    return resources.compile_pattern(spec["pattern"], _FLAGS, where="events/cues.toml")


@lru_cache(maxsize=1)
def _called_off_words() -> re.Pattern[str]:
    """Literal words (lower case) one of which every ``called_off_after`` match holds, as
    one case-sensitive alternation (led by a class of first letters: a fast scan)."""
    lowered = resources.lowered(_called_off().pattern)
    words = None if lowered is None else pattern_facts.required_words(lowered)
    if not words:
        raise resources.ResourceError("events/cues.toml:called_off_after: no required word")
    return re.compile(resources.alternation(words))


def find_triggers(text: str, context: str = "") -> list[Trigger]:
    """Triggers in a sentence, left to right; weak ones dropped when a strong one is there.
    ``context`` (the sentence before) may supply what a rule ``needs``."""
    table = rules()
    lower = folded(text)
    found: list[Trigger] = []
    for match in _scan(text, lower):
        name = match.lastgroup
        if name is None:
            continue
        rule = table[int(name[1:])]
        start, end = match.span()
        if not _accept(int(name[1:]), text, start, end, context, lower):
            # a vetoed match may still hide a lower-priority rule at the same place
            fallback = _fallback(text, start, int(name[1:]), context)
            if fallback is None:
                continue
            found.append(fallback)
            continue
        found.append(new_trigger(rule.type, start, end, text[start:end], rule.id, rule.weak))
    if len(found) > 1:
        found = _one_per_named_drill(text, found)
    # a weak mention ("the launch") repeats a strong trigger of its type in the sentence;
    # beside other types it may be an event of its own ("declared ... in response to the
    # North's satellite launch on Nov. 21")
    strong = {t.type for t in found if not t.weak}
    if strong:
        found = [t for t in found if not t.weak or (t.type not in strong and _own_event(text, t))]
    return found


def _one_per_named_drill(text: str, found: list[Trigger]) -> list[Trigger]:
    """A drill name right before its head noun ("their Freedom Shield exercise") is no
    trigger of its own: one drill (the name alone took a day from earlier sentences)."""
    return [
        t
        for t, after in zip(found, [*found[1:], None], strict=True)
        if not (
            after is not None
            and t.rule == _NAMED_DRILL
            and after.type == t.type
            and not text[t.end : after.start].strip()
        )
    ]


_NAMED_DRILL: Final = "exercise-named"


def _own_event(text: str, trigger: Trigger) -> bool:
    """A weak mention that names what was launched and is no definite reference back
    ("the North's spy satellite launch", "North Korea's launch of a Hwasong-19", not "the
    launch" or "the ICBM launch")."""
    described = _OF_WHAT.match(text, trigger.end) is not None
    if " " not in trigger.text and not described:
        return False
    before = text[max(0, trigger.start - 60) : trigger.start]
    # "a meeting on North Korea's satellite launch": the topic of the other event; "the
    # launch" refers back, "the launch of a Hwasong-15 on Nov. 29" says which it was
    if _TOPIC_BEFORE.search(before):
        return False
    return described or not before.lower().endswith("the ")


_OF_WHAT: Final = re.compile(r"\s+of\s+(?:a|an|its|two|three|four|several|\d+)\s")
_TOPIC_BEFORE: Final = re.compile(
    r"\b(?:on|about|over|regarding|concerning|discuss\w*)\s+(?:[\w'’.-]+\s+){0,3}$",
    re.IGNORECASE,
)


def _fallback(text: str, position: int, after: int, context: str) -> Trigger | None:
    """The next rule (in priority order) that matches at ``position`` and is accepted."""
    table = rules()
    for index in range(after + 1, len(table)):
        rule = table[index]
        match = _single(index).match(text, position)
        if match and _accept(index, text, position, match.end(), context):
            return Trigger(rule.type, match.start(), match.end(), match.group(), rule.id, rule.weak)
    return None


@cache
def _single(index: int) -> re.Pattern[str]:
    return re.compile(rules()[index].pattern, _FLAGS)


def rule_types(text: str) -> list[tuple[str, str]]:
    """(rule id, type) of every trigger in ``text``: a helper for tests and debugging.
    A first line of ``text`` is the sentence before (what a rule ``needs`` may come from)."""
    context, _, sentence = text.rpartition("\n")
    return [(t.rule, t.type) for t in find_triggers(sentence, context)]
