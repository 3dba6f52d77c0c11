"""The scan for temporal expressions: cheap candidate positions, then only the rules that
can start there.

Each rule's regex is walked once to list the first few characters any match can begin
with (lower-cased, digits as ``0``, blanks as a space). Those prefixes, joined into one
trie-shaped regex, find candidate positions in one C-level pass over the text; at a
candidate only the rules indexed by the text's own prefix are tried with ``.match``, and
the longest acceptable match wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

# the parser behind ``re`` (private, but stable since 3.11; walked once per rule at start-up)
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any, Final

from herald_timeline import resources
from herald_timeline.timex_rules import Hit, Rule, macros, rules

#: characters of a candidate that select the rules to try
KEY: Final = 8
#: prefixes whose rule lists are remembered (normalised prefixes repeat: "nov. 00,")
_LOOKUPS: Final = 1 << 14
_NORM: Final = str.maketrans("0123456789\t\n\r\f\v\u00a0", "0000000000      ")
#: every character ``\s`` matches in a str pattern (listed: a class of literals is tested
#: with one table lookup, ``\s`` with a call per character; a test compares the two)
SPACES: Final = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# what may precede a timex (rules also refuse a start glued to a word, amount or path)
_SEPARATOR: Final = "[" + re.escape(SPACES) + r"()\[\]{}<>\"'`“”‘’«»„…*+=~#&%^@|\-—–:;!?]"
_BIG_CLASS: Final = 40  # a character class wider than this matches "anything" here


class _Wild(Exception):
    """The pattern can start with (almost) any character: always try the rule."""


def normalise(text: str) -> str:
    """How prefixes are compared: lower case, digits as 0, blanks as a space."""
    return text.translate(_NORM).lower()


def _chars(items: Any) -> set[str]:
    out: set[str] = set()
    for op, arg in items:
        if op is _c.LITERAL:
            out.add(chr(arg))
        elif op is _c.RANGE:
            if arg[1] - arg[0] > _BIG_CLASS:
                raise _Wild
            out.update(chr(c) for c in range(arg[0], arg[1] + 1))
        elif op is _c.CATEGORY and arg is _c.CATEGORY_DIGIT:
            out.add("0")
        elif op is _c.CATEGORY and arg is _c.CATEGORY_SPACE:
            out.add(" ")
        else:  # NEGATE, \w, \S ...
            raise _Wild
    return {normalise(c) for c in out}


def _walk(items: Iterable[Any], partial: set[str], done: set[str]) -> set[str]:
    """Extend each partial prefix by the sequence ``items``; full-length ones go to done."""
    for op, arg in items:
        if not partial:
            break
        if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
            continue  # zero-width: the prefixes stay a superset
        if op is _c.LITERAL:
            options = {normalise(chr(arg))}
        elif op is _c.IN:
            options = _chars(arg)
        elif op is _c.SUBPATTERN:
            partial = _walk(arg[-1], partial, done)
            continue
        elif op is _c.BRANCH:
            partial = set().union(*(_walk(alt, set(partial), done) for alt in arg[1]))
            continue
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, high, body = arg
            reached = set(partial) if low == 0 else set()
            current = partial
            for count in range(1, min(high, KEY) + 1):
                current = _walk(body, current, done)
                if count >= low:
                    reached |= current
            partial = reached
            continue
        else:
            raise _Wild
        grown = {p + o for p in partial for o in options}
        done.update(p for p in grown if len(p) >= KEY)
        partial = {p for p in grown if len(p) < KEY}
    return partial


def prefixes(regex: str) -> frozenset[str] | None:
    """Every normalised start (``KEY`` characters, or the whole match when shorter) of a
    match of ``regex``; None when it can start almost anywhere."""
    done: set[str] = set()
    try:
        rest = _walk(_p.parse(regex, re.IGNORECASE), {""}, done)
    except _Wild:
        return None
    return frozenset(done | rest)


class _Index:
    """Rule numbers by the prefix of their own pattern, and by the prefix after a modifier."""

    def __init__(self) -> None:
        self.plain: dict[str, set[int]] = {}
        self.after_mod: dict[str, set[int]] = {}
        self.wild: set[int] = set()
        self._cache: dict[int, dict[str, list[int]]] = {}
        self._plain: dict[str, tuple[list[int], bool]] = {}
        for number, rule in enumerate(rules()):
            keys = prefixes(rule.body)
            if keys is None:
                self.wild.add(number)
                continue
            for key in keys:
                self.plain.setdefault(key, set()).add(number)
                if rule.modded:
                    self.after_mod.setdefault(key, set()).add(number)
        modifier = "(?:" + macros()["mod"] + ")[ -]"
        self.modifier = resources.compile_pattern(modifier, where="modifiers")  # lower-cased text
        self.modifier_keys = prefixes(modifier) or frozenset()
        trie = _trie(sorted(set(self.plain) | self.modifier_keys))
        if self.wild:
            trie = r"[\w']"
        # on normalised text (lower case, one kind of digit and blank): a separator, then a
        # prefix. Searching for the separator first is 2-3x faster than a lookbehind.
        self.first = re.compile(trie)
        self.after = re.compile(_SEPARATOR + "(?=" + trie + ")")
        # whether the case of letters beyond ASCII can change a match on lower-cased text
        # (it cannot when no pattern names such a letter): then only ASCII is lower-cased
        self.ascii_case = all(
            _caseless_beyond_ascii(pattern.pattern)
            for rule in rules()
            for pattern in (rule.lowered, rule.lowered_bare)
            if pattern is not None
        ) and _caseless_beyond_ascii(self.modifier.pattern)

    def tried(self, lower: str, at: int) -> tuple[list[int], bool]:
        """Numbers of the rules that may match at ``at`` of lower-cased text, in rule order,
        and whether a modifier starts there."""
        key = lower[at : at + KEY]
        entry = self._plain.get(key)
        if entry is None:
            entry = self._plain_entry(key)
        numbers, may_modify = entry
        if not may_modify:
            return numbers, False
        modifier = self.modifier.match(lower, at)
        if modifier is None:
            return numbers, False
        end = modifier.end()
        return sorted({*numbers, *self._lookup(self.after_mod, lower[end : end + KEY])}), True

    def _plain_entry(self, key: str) -> tuple[list[int], bool]:
        """The rules indexed under ``key``, and whether a modifier may start it (the
        modifier regex runs only then)."""
        normal = normalise(key)
        may_modify = any(normal[:size] in self.modifier_keys for size in range(1, KEY + 1))
        entry = self._plain[key] = (self._lookup(self.plain, key), may_modify)
        if len(self._plain) > _LOOKUPS:  # bounded memory on endless distinct input
            self._plain.clear()
        return entry

    def _lookup(self, index: dict[str, set[int]], text: str) -> list[int]:
        """Rules of ``index`` whose prefixes start ``text`` (memoised: texts repeat)."""
        cache = self._cache.setdefault(id(index), {})
        found = cache.get(text)
        if found is None:
            numbers = set(self.wild)
            _collect(index, normalise(text), numbers)
            found = cache[text] = sorted(numbers)
            if len(cache) > _LOOKUPS:  # bounded memory on endless distinct input
                cache.clear()
        return found

    def candidates(self, lower: str) -> Iterator[int]:
        """Positions in lower-cased text where a rule may match."""
        if self.first.match(lower):
            yield 0
        for found in self.after.finditer(lower):
            yield found.start() + 1


def _collect(index: dict[str, set[int]], key: str, into: set[int]) -> None:
    for size in range(len(key), 0, -1):
        found = index.get(key[:size])
        if found:
            into.update(found)


@lru_cache(maxsize=1)
def _index() -> _Index:
    return _Index()


def _trie(keys: list[str]) -> str:
    """A regex matching any of ``keys`` (normalised) in lower-cased text, branching one
    character at a time."""
    heads: dict[str, list[str]] = {}
    ends = False
    for key in keys:
        if key:
            heads.setdefault(key[0], []).append(key[1:])
        else:
            ends = True
    branches = []
    for head, tails in sorted(heads.items()):
        char = r"\d" if head == "0" else r"\s" if head == " " else re.escape(head)
        branches.append(char + _trie(tails))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return body + ("?" if ends and branches else "")


_CAPITALISED: Final[tuple[str, ...]] = ("month", "month2", "weekday", "weekday2")


@lru_cache(maxsize=1)
def _capitalised() -> tuple[tuple[str, ...], ...]:
    """For each rule, its groups that hold a month or weekday name."""
    return tuple(
        tuple(name for name in _CAPITALISED if name in rule.pattern.groupindex) for rule in rules()
    )


def _acceptable(match: re.Match[str], names: tuple[str, ...]) -> bool:
    """Month and weekday names must be capitalised ("may", "march", "sun" are words)."""
    for name in names:
        word = match.group(name)
        if word is not None and word[:1].islower():
            return False
    return True


#: characters that IGNORECASE matches with an ASCII letter but ``lower`` leaves alone (or
#: lengthens): where one occurs, the modifier seen on lower-cased text proves nothing
_FOLDS: Final[tuple[str, ...]] = ("\u0130", "\u0131", "\u017f", "\u212a")


def ascii_lower(text: str) -> str:
    """``text`` with its ASCII capitals lower-cased, every other character as it is (same
    offsets). Where no pattern names a letter beyond ASCII and no character of ``_FOLDS``
    occurs, the rules match on it as on ``text.lower()``, which costs a table lookup per
    character once one is not ASCII (bytes.lower touches only ASCII; UTF-8 keeps the
    other characters' bytes above 127)."""
    return text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")


def _caseless_beyond_ascii(regex: str) -> bool:
    """Whether every character beyond ASCII that ``regex`` names (literals, class ranges)
    is caseless (lower and upper case alike)."""
    codes: list[int] = []
    _codes(_p.parse(regex).data, codes)
    return all(c < 128 or (chr(c).lower() == chr(c) == chr(c).upper()) for c in codes)


def _codes(items: Any, into: list[int]) -> None:
    for op, arg in items:
        if op in (_c.LITERAL, _c.NOT_LITERAL):
            into.append(arg)
        elif op is _c.RANGE:
            into.extend(range(arg[0], arg[1] + 1))
        elif op is _c.IN:
            _codes(arg, into)
        elif op is _c.SUBPATTERN:
            _codes(arg[-1], into)
        elif op is _c.BRANCH:
            for alternative in arg[1]:
                _codes(alternative, into)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            _codes(arg[2], into)
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            _codes(arg[1], into)
        elif op is _c.GROUPREF_EXISTS:
            _codes(arg[1], into)
            if arg[2] is not None:
                _codes(arg[2], into)
        elif op is _c.ATOMIC_GROUP:
            _codes(arg, into)


def scan(text: str) -> Iterator[Hit]:
    """Non-overlapping hits, left to right; at each start the longest acceptable match."""
    index = _index()
    all_rules = rules()
    capitalised = _capitalised()
    if text.isascii():
        lower = text.lower()
    elif index.ascii_case and not any(c in text for c in _FOLDS):
        lower = ascii_lower(text)
    else:
        lower = text.lower()
        if len(lower) != len(text):  # a character whose lower case is longer ("İ"): keep offsets
            lower = "".join(c.lower()[:1] for c in text)
        if any(c in text for c in _FOLDS):
            yield from _scan_folded(text, lower, index, all_rules, capitalised)
            return
    pos = 0
    for at in index.candidates(lower):
        if at < pos:
            continue
        best_end, best_number = -1, 0
        written: re.Match[str] | None = None  # the winner's match on ``text``, when it has one
        numbers, modified = index.tried(lower, at)
        for number in numbers:  # rule order breaks ties
            rule = all_rules[number]
            bare = not modified and rule.bare is not None
            lowered = rule.lowered_bare if bare else rule.lowered
            if lowered is None:  # a rule that needs the case as written
                written_pattern = rule.bare if bare and rule.bare is not None else rule.pattern
                match = written_pattern.match(text, at)
                if match is None or match.end() <= max(at, best_end):
                    continue
                if _acceptable(match, capitalised[number]):
                    best_end, best_number, written = match.end(), number, match
                continue
            match = lowered.match(lower, at)
            if match is None or match.end() <= max(at, best_end):
                continue  # only a longer match can win: no need to look at its case
            if _capitals(text, match, capitalised[number]):
                best_end, best_number, written = match.end(), number, None
        if best_end < 0:
            continue
        rule = all_rules[best_number]
        if written is None:  # the winner again on the text as written: groups keep their case
            pattern = rule.bare if not modified and rule.bare is not None else rule.pattern
            written = pattern.match(text, at)
            assert written is not None and written.end() == best_end
        yield Hit(rule, written)
        pos = best_end


def _capitals(text: str, match: re.Match[str], names: tuple[str, ...]) -> bool:
    """_acceptable for a match on lower-cased text: the names, as written, are capitalised."""
    for name in names:
        start, end = match.span(name)
        if end > start and text[start].islower():
            return False
    return True


def _scan_folded(
    text: str,
    lower: str,
    index: _Index,
    all_rules: tuple[Rule, ...],
    capitalised: tuple[tuple[str, ...], ...],
) -> Iterator[Hit]:
    """scan for a text where IGNORECASE folds a character ("ſ", "K") that lower() keeps:
    every rule as compiled, on the text as written."""
    pos = 0
    for at in index.candidates(lower):
        if at < pos:
            continue
        best: Hit | None = None
        numbers, _ = index.tried(lower, at)
        for number in numbers:  # rule order breaks ties
            match = all_rules[number].pattern.match(text, at)
            if match is None or match.end() == at or not _acceptable(match, capitalised[number]):
                continue
            if best is None or match.end() > best.end:
                best = Hit(all_rules[number], match)
        if best is not None:
            yield best
            pos = best.end
