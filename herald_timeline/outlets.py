"""Outlet profiles: which outlet a page comes from (and so the zone its stamps imply).

A profile's ``detect`` patterns (``resources/profiles/outlets.toml``) are searched,
case-insensitively, in a page's first and last lines and its URL. Each pattern's literal
core is checked first with ``in``: most patterns are absent from a page, and one
case-insensitive alternation of all of them, tried at every position, cost more than the
rest of reading the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Final

from herald_timeline import resources
from herald_timeline.text import LineMemo, case_odd, stripped_lines


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    tz: str
    detect: re.Pattern[str]


@lru_cache(maxsize=1)
def _profiles() -> tuple[Profile, ...]:
    entries = resources.toml("profiles/outlets.toml")["outlet"]
    return tuple(
        Profile(
            e["name"],
            e["tz"],
            resources.compile_alternatives(
                e["detect"],
                re.IGNORECASE | re.MULTILINE,
                where=f"profiles/{e['name']}",
            ),
        )
        for e in entries
    )


_PROBE_CHARS: Final = 300
_PROBE_LINES: Final = 15


def detect_outlet(text: str, url: str | None = None) -> Profile | None:
    """The outlet profile whose patterns occur in the page's first/last lines or URL."""
    return outlet_of_lines(stripped_lines(text), url)


def outlet_of_lines(lines: list[str], url: str | None) -> Profile | None:
    # Mastheads and footers are short lines; cropping keeps a 1 MB one-line document from
    # costing seconds of case-insensitive search.
    probe_lines = _edge_lines(lines, _PROBE_LINES) + ([url[:_PROBE_CHARS]] if url else [])
    if not _line_local():
        return _outlet_of_probe("\n".join(probe_lines))
    # No detect pattern matches across a line end, so the matches in the probe are those
    # in each of its lines; a site's masthead and footer lines recur on all its pages.
    if url:
        probe_lines[-1:] = probe_lines[-1].split("\n")
    # a short document's first and last lines are the same lines: scan each once
    probe_lines = list(dict.fromkeys(probe_lines))
    memo = _line_outlets
    found = list(map(memo.known.get, probe_lines))
    for i, hits in enumerate(found):
        if hits is None:
            found[i] = memo(probe_lines[i])
    everywhere: set[int] = set().union(*found)  # type: ignore[arg-type]
    # on several hits the profile listed first wins
    return _profiles()[min(everywhere)] if everywhere else None


def _outlets_in(line: str) -> tuple[int, ...]:
    """The profiles (indices) whose patterns a scan of the probe line ``line`` finds."""
    lower = line.lower()
    odd = case_odd(line)
    if odd:
        kept = tuple(range(len(_needles())))
        found: set[int] = set()
    else:  # a whole-line detector ("^Reuters$") is a lookup; the others need their needle
        kept = _needles_in(lower)
        found = set(_split_detectors()[0].get(lower, ()))
    if kept:
        scan = _any_outlet(kept, not odd)
        found.update(
            int(m.lastgroup[1:]) for m in scan.finditer(line if odd else lower) if m.lastgroup
        )
    return tuple(sorted(found))


def _needles_in(lower: str) -> tuple[int, ...]:
    """The partial detectors (indices, in order) whose needle is in ``lower``."""
    kept: list[int] = []
    for gate, group in _gated():
        if gate in lower:
            kept.extend(k for k, needle in group if needle in lower)
    kept.sort()
    return tuple(kept)


#: the shortest gate of a group of needles (a shorter needle is its own gate)
_GATE_MIN: Final = 3


@lru_cache(maxsize=1)
def _gated() -> tuple[tuple[str, tuple[tuple[int, str], ...]], ...]:
    """The partial detectors' (index, needle) in groups, each under a gate: a substring
    that every needle of the group contains, so that a line without the gate holds none of
    them. Why: a probe line is mostly prose, where a substring test costs about 0.1 µs
    and few gates occur; a test per gate (a dozen) replaces one per needle (about 40).
    Made greedily: the substring that most needles left share (then the longest) first."""
    left = list(_split_detectors()[1])
    groups: list[tuple[str, tuple[tuple[int, str], ...]]] = []
    while left:
        shared: dict[str, int] = {}
        for _, needle in left:
            width = min(_GATE_MIN, len(needle))
            parts = {
                needle[i:j] for i in range(len(needle)) for j in range(i + width, len(needle) + 1)
            }
            for part in parts or {needle}:  # (an empty needle is in every line: its own gate)
                shared[part] = shared.get(part, 0) + 1
        gate = max(shared, key=lambda part: (shared[part], len(part), part))
        groups.append((gate, tuple(item for item in left if gate in item[1])))
        left = [item for item in left if gate not in item[1]]
    return tuple(groups)


#: probe lines up to this long are remembered (a 300-character cut of a paragraph is not)
_RECURRING: Final = 100
_line_outlets: Final = LineMemo(_outlets_in, width=_RECURRING, maxsize=1 << 12)


@lru_cache(maxsize=1)
def _line_local() -> bool:
    """Whether no detect pattern can match across a line end (nor see past one)."""
    flags = re.IGNORECASE | re.MULTILINE
    return all(_within_line(_parser.parse(p, flags).data) for _, _, p in _detectors())


_LINE_ANCHORS = (
    _parser.AT_BEGINNING,
    _parser.AT_END,
    _parser.AT_BOUNDARY,
    _parser.AT_NON_BOUNDARY,
)
_LINE_CATEGORIES = (
    _parser.CATEGORY_DIGIT,
    _parser.CATEGORY_WORD,
    _parser.CATEGORY_NOT_SPACE,
)
_REPEATS = (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT)
_NEWLINE: Final = ord("\n")


def _within_line(items: Sequence[tuple[Any, Any]]) -> bool:
    """Whether a parsed pattern never matches "\\n" nor asserts beyond its own line (a
    conservative reading: anything not understood here counts as crossing)."""
    for op, value in items:
        if op is _parser.LITERAL:
            if value == _NEWLINE:
                return False
        elif op is _parser.AT:
            if value not in _LINE_ANCHORS:
                return False
        elif op is _parser.IN:
            if not all(_class_item_within_line(item) for item in value):
                return False
        elif op is _parser.SUBPATTERN:
            if not _within_line(value[-1]):
                return False
        elif op is _parser.BRANCH:
            if not all(_within_line(branch) for branch in value[1]):
                return False
        elif op in _REPEATS:
            if not _within_line(value[2]):
                return False
        else:  # ".", "[^…]"-like literals, lookarounds, group references
            return False
    return True


def _class_item_within_line(item: tuple[Any, Any]) -> bool:
    op, value = item
    if op is _parser.LITERAL:
        return bool(value != _NEWLINE)
    if op is _parser.RANGE:
        return not value[0] <= _NEWLINE <= value[1]
    return op is _parser.CATEGORY and value in _LINE_CATEGORIES


def _outlet_of_probe(probe: str) -> Profile | None:
    """The outlet of the probe text (first and last lines, URL) as one scan."""
    # A pattern whose literal is missing from the lower-cased probe cannot match, and
    # leaving it out of the alternation changes no other match ("ſ" and "ı" match "s" and
    # "i" only under IGNORECASE: then every pattern stays in).
    lower = probe.lower()
    odd = case_odd(probe)
    kept = tuple(k for k, needle in enumerate(_needles()) if odd or needle in lower)
    if not kept:
        return None
    # Without those letters, the lower-cased probe matched case-sensitively is the probe
    # matched in any case, and sre's literal search works again (it does not under
    # IGNORECASE).
    scan = _any_outlet(kept, not odd)
    text = probe if odd else lower
    owners = _owners()
    first = owners[kept[0]]
    if all(owners[k] == first for k in kept):
        # one outlet left: it wins if any of its patterns occurs anywhere
        return _profiles()[first] if scan.search(text) else None
    # One scan for all outlets; on several hits the profile listed first wins, as before.
    hits = {int(m.lastgroup[1:]) for m in scan.finditer(text) if m.lastgroup}
    return _profiles()[min(hits)] if hits else None


def _edge_lines(lines: list[str], n: int) -> list[str]:
    """The first and the last ``n`` non-blank ``lines``, cropped: ``kept[:n] + kept[-n:]``
    (they overlap on a short text), without a Python loop over all the lines."""
    head = [line[:_PROBE_CHARS] for line in islice(filter(None, lines), n)]
    tail = [line[:_PROBE_CHARS] for line in islice(filter(None, reversed(lines)), n)]
    return head + tail[::-1]


def literal_needle(pattern: str) -> str:
    """The longest lower-cased literal that every match of ``pattern`` contains ("" when
    the pattern has no such literal outside groups and classes, or a top-level ``|``)."""
    if re.compile(pattern).flags & re.VERBOSE:
        return ""
    runs = [""]
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            escaped = pattern[i + 1 : i + 2]
            if escaped and not escaped.isalnum():
                runs[-1] += escaped
            else:  # \d, \b, \s ...: a class or an assertion, not a literal
                runs.append("")
            i += 2
        elif char not in _META:
            runs[-1] += char
            i += 1
        elif char == "|":
            return ""
        else:
            if char in "?*{":  # the character before is optional
                runs[-1] = runs[-1][:-1]
            runs.append("")
            i = _skip(pattern, i)
    return max(runs, key=len).lower()


_META: Final = ".^$|?*+{}[]()"


def _skip(pattern: str, i: int) -> int:
    """The index after the group, class or repeat count that starts at ``pattern[i]``."""
    char = pattern[i]
    if char == "[":
        j = i + 1
        j += pattern.startswith("^", j)
        j += pattern.startswith("]", j)
        while j < len(pattern) and pattern[j] != "]":
            j += 2 if pattern[j] == "\\" else 1
        return j + 1
    if char == "(":
        depth, j = 0, i
        while j < len(pattern):
            if pattern[j] == "\\":
                j += 2
                continue
            if pattern[j] == "[":
                j = _skip(pattern, j)
                continue
            depth += {"(": 1, ")": -1}.get(pattern[j], 0)
            j += 1
            if depth == 0:
                break
        return j
    if char == "{":
        close = pattern.find("}", i)
        return close + 1 if close > 0 else i + 1
    return i + 1


@lru_cache(maxsize=1)
def _detectors() -> tuple[tuple[int, str, str], ...]:
    """(profile index, literal, pattern) for each detect pattern, in profile order."""
    entries = resources.toml("profiles/outlets.toml")["outlet"]
    return tuple((i, literal_needle(p), p) for i, e in enumerate(entries) for p in e["detect"])


@lru_cache(maxsize=1)
def _needles() -> tuple[str, ...]:
    return tuple(needle for _, needle, _ in _detectors())


#: a detect pattern that is a whole line of literal text: "^", then plain or escaped
#: punctuation characters, then "$"
_WHOLE_LINE: Final = re.compile(r"\^(?:[^.^$|?*+{}\[\]()\\]|\\\W)+\$")


@lru_cache(maxsize=1)
def _split_detectors() -> tuple[dict[str, tuple[int, ...]], tuple[tuple[int, str], ...]]:
    """The whole-line detectors as {lower-cased line: profiles}, and the others as
    (detector index, needle): a stripped probe line matches "^Reuters$" (searched
    case-insensitively, line by line) exactly when it lower-cases to "reuters"."""
    whole: dict[str, tuple[int, ...]] = {}
    partial = []
    for k, (profile, needle, pattern) in enumerate(_detectors()):
        if _WHOLE_LINE.fullmatch(pattern):
            whole[needle] = (*whole.get(needle, ()), profile)
        else:
            partial.append((k, needle))
    return whole, tuple(partial)


@lru_cache(maxsize=1)
def _owners() -> tuple[int, ...]:
    """The profile index of each detect pattern."""
    return tuple(i for i, _, _ in _detectors())


@lru_cache(maxsize=256)
def _any_outlet(kept: tuple[int, ...], lowered: bool) -> re.Pattern[str]:
    """One alternation of the ``kept`` detect patterns, a named group per profile; when
    ``lowered``, for lower-cased text matched as it is (patterns that cannot be lowered
    keep IGNORECASE for themselves)."""
    detectors = _detectors()
    profiles = dict.fromkeys(detectors[k][0] for k in kept)
    branches = (
        "|".join(
            f"(?:{_lowered(p) if lowered else p})"
            for k, (i, _, p) in enumerate(detectors)
            if i == profile and k in kept
        )
        for profile in profiles
    )
    return re.compile(
        "|".join(f"(?P<p{i}>{b})" for i, b in zip(profiles, branches, strict=True)),
        re.MULTILINE if lowered else re.IGNORECASE | re.MULTILINE,
    )


def _lowered(pattern: str) -> str:
    """``pattern`` for lower-cased text without IGNORECASE: ASCII capitals lowered; a
    pattern with inline flags or a cased letter outside ASCII ("ⓒ" matches "Ⓒ") keeps
    IGNORECASE for itself, scoped to it."""
    lowered = resources.lowered(pattern)
    if lowered is None or any(c.lower() != c.upper() for c in pattern if not c.isascii()):
        return f"(?i:{pattern})"
    return lowered


def profile_by_name(name: str | None) -> Profile | None:
    if not name:
        return None
    return next((p for p in _profiles() if p.name.lower() == name.lower()), None)
