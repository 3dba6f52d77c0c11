"""What the structure of a regex proves about the lines it can match, read from its parse
(``re._parser``, as :mod:`herald_timeline.timex_scan` does): how long a match can be, and
which literals every match contains. The page reader uses it to skip patterns that cannot
match a line before trying them; the event rules, to skip a check whose words are absent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Final

from herald_timeline import resources


@dataclass(frozen=True, slots=True)
class LineRules:
    """The line patterns of one file, tried whole (``fullmatch``, any case). A line longer
    than every bounded pattern can match is tried against the unbounded ones only: the
    ``.{0,60}``-style patterns would otherwise backtrack through every paragraph."""

    every: re.Pattern[str]
    width: int  # the longest line a bounded pattern matches
    unbounded: re.Pattern[str] | None

    def fullmatch(self, line: str) -> bool:
        if len(line) <= self.width:
            return self.every.fullmatch(line) is not None
        return self.unbounded is not None and self.unbounded.fullmatch(line) is not None


def line_rules(name: str) -> LineRules:
    """The patterns of resource ``name`` (one per line) as :class:`LineRules`."""
    patterns = resources.lines(name)
    widths = [_parser.parse(p, re.IGNORECASE).getwidth()[1] for p in patterns]
    unbounded = tuple(p for p, w in zip(patterns, widths, strict=True) if w >= _UNBOUNDED)
    return LineRules(
        every=_joined(patterns, name),
        width=max((w for w in widths if w < _UNBOUNDED), default=-1),
        unbounded=_joined(unbounded, name) if unbounded else None,
    )


def _joined(patterns: tuple[str, ...], name: str) -> re.Pattern[str]:
    return resources.compile_alternatives(patterns, re.IGNORECASE, where=name)


#: the width ``getwidth`` gives a pattern with an unbounded repeat (``.*``, ``\d+``)
_UNBOUNDED: Final = 1 << 16  # MAXREPEAT is far above any bounded pattern


def needs_literal(pattern: str, char: str) -> bool:
    """Whether every match of ``pattern`` contains ``char``: it is a literal of the pattern's
    own sequence, or of a group or a repeat of at least one in that sequence."""
    return _needs(_parser.parse(pattern), ord(char))


def _needs(sequence: Any, code: int) -> bool:
    for op, value in sequence:
        if op is _parser.LITERAL and value == code:
            return True
        if op is _parser.SUBPATTERN and _needs(value[-1], code):
            return True
        if op in _REPEATS and value[0] >= 1 and _needs(value[2], code):
            return True
        if op is _parser.BRANCH and all(_needs(b, code) for b in value[1]):
            return True
    return False


_REPEATS = (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT)


def required_words(pattern: str) -> tuple[str, ...] | None:
    """Literal strings one of which every match of ``pattern`` (case-sensitive) holds,
    or None if the pattern has no such set (e.g. "\\w+")."""
    return _required(_parser.parse(pattern).data)


def _required(items: Sequence[tuple[Any, Any]]) -> tuple[str, ...] | None:
    """Of the necessary word sets of a sequence (a run of literals, or a group, branch or
    repeat that must occur), the one whose shortest word is longest (the most selective)."""
    options: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, value in items:
        if op is _parser.LITERAL:
            run.append(chr(value))
            continue
        if run:
            options.append(("".join(run),))
            run = []
        found: tuple[str, ...] | None = None
        if op is _parser.SUBPATTERN:
            found = _required(value[3].data)
        elif op in _REPEATS and value[0] >= 1:
            found = _required(value[2].data)
        elif op is _parser.BRANCH:
            branches = [_required(branch.data) for branch in value[1]]
            if all(b is not None for b in branches):
                found = tuple(sorted({w for b in branches if b is not None for w in b}))
        # anything else (a class, an assertion: lookarounds may look outside the match)
        # is no literal
        if found:
            options.append(found)
    if run:
        options.append(("".join(run),))
    if not options:
        return None
    return max(options, key=lambda words: min(len(w) for w in words))


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters (as the pattern writes them) a match of ``pattern`` can begin with;
    None when its parse does not tell (a class by category, a negated class, an optional
    first item)."""
    return _first(_parser.parse(pattern, flags))


def _first(sequence: Any) -> frozenset[str] | None:
    for op, value in sequence:
        if op in _ZERO_WIDTH:
            continue  # the next item begins the match
        if op is _parser.LITERAL:
            return frozenset(chr(value))
        if op is _parser.IN:
            return _class_chars(value)
        if op is _parser.SUBPATTERN or op in _REPEATS:
            body = value[-1]
            if (op in _REPEATS and value[0] < 1) or body.getwidth()[0] < 1:
                return None
            return _first(body)
        if op is _parser.BRANCH:
            found = [_first(b) if b.getwidth()[0] >= 1 else None for b in value[1]]
            if any(f is None for f in found):
                return None
            return frozenset().union(*found)  # type: ignore[arg-type]
        return None
    return None


def _class_chars(items: Any) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, value in items:
        if op is _parser.LITERAL:
            chars.add(chr(value))
        elif op is _parser.RANGE and value[1] - value[0] < 256:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        else:  # a category, a negation, a wide range
            return None
    return frozenset(chars)


_ZERO_WIDTH = (_parser.AT, _parser.ASSERT, _parser.ASSERT_NOT)


def literal_led(pattern: str) -> str | None:
    """``pattern`` rewritten so that every top-level alternative starts with a plain
    literal character, or None when it cannot be: ``\\b(?:after|before)\\s`` becomes
    ``a(?<!\\w.)fter\\s|b(?<!\\w.)efore\\s``. The matches are the same (a ``\\b`` before
    a word character is "no word character before it"; ``(?:A|B)R`` tries ``AR`` then
    ``BR``), but ``re`` then skips in C to the positions where a first character fits
    instead of trying the pattern at every position (a ``\\b``-led search does). Only
    for patterns without capturing groups or backreferences."""
    if re.compile(pattern).groups or "\\" + "g" in pattern or re.search(r"\\\d", pattern):
        return None
    out: list[str] = []
    for alternative in _top_level(pattern):
        expanded = _led_alternative(alternative)
        if expanded is None:
            return None
        out.extend(expanded)
    return "|".join(out) if len(out) <= _MAX_LED else None


#: more alternatives than this cost more to try than the skipping saves
_MAX_LED: Final = 64
#: characters that may lead an alternative as they are (no regex meaning of their own)
_PLAIN: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_;:,'’\"-–— ")


def _led_alternative(alternative: str) -> list[str] | None:
    """The literal-led alternatives that together match what ``alternative`` matches,
    in its order; None if it does not start with a literal, ``\\b`` + a word character
    or ``\\b(?:...)`` whose alternatives all do."""
    if alternative[:1] in _PLAIN and not _quantified(alternative, 1):
        return [alternative]
    if not alternative.startswith("\\b"):
        return None
    rest = alternative[2:]
    first = rest[:1]
    if first.isascii() and first.isalnum() and not _quantified(rest, 1):
        return [f"{first}(?<!\\w.){rest[1:]}"]
    if not rest.startswith("(?:"):
        return None
    close = _group_end(rest)
    if close is None or _quantified(rest, close + 1):
        return None
    after = rest[close + 1 :]
    out = []
    for inner in _top_level(rest[3:close]):
        lead = inner[:1]
        if not (lead.isascii() and lead.isalnum()) or _quantified(inner, 1):
            return None
        out.append(f"{lead}(?<!\\w.){inner[1:]}{after}")
    return out


def _quantified(text: str, at: int) -> bool:
    """Whether a quantifier follows the item ending before ``at``."""
    return text[at : at + 1] in ("?", "*", "+", "{")


def _top_level(pattern: str) -> list[str]:
    """``pattern`` split at its top-level ``|`` (not inside a group or a class)."""
    parts: list[str] = []
    start = 0
    for index, char, depth in _outside_classes(pattern):
        if char == "|" and depth == 0:
            parts.append(pattern[start:index])
            start = index + 1
    parts.append(pattern[start:])
    return parts


def _group_end(pattern: str) -> int | None:
    """The offset of the ``)`` closing the group ``pattern`` starts with."""
    for index, char, depth in _outside_classes(pattern):
        if char == ")" and depth == 1:
            return index
    return None


def _outside_classes(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(offset, character, group depth before it) of each character of ``pattern`` that is
    neither escaped nor inside a character class."""
    depth = 0
    index = 0
    in_class = False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[index + 1 : index + 2] == "]":
                index += 1  # "[]...]": the first "]" is a member
            elif pattern[index + 1 : index + 3] == "^]":
                index += 2
        else:
            yield index, char, depth
            depth += 1 if char == "(" else -1 if char == ")" else 0
        index += 1
