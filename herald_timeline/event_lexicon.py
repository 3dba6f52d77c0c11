"""The word lists of the events modules, read from ``resources/events/`` once.

A ``.txt`` lexicon holds one regex alternative per line (most are plain words); they are
joined in file order, since a regex alternation takes the first alternative that fits.
A ``.csv`` lexicon is a map. ``# example:`` lines are run by ``tests/test_event_lexicons.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from herald_timeline import resources
from herald_timeline.text import trie


@cache
def words(name: str) -> tuple[str, ...]:
    """The entries of ``resources/events/<name>.txt``, in file order."""
    return resources.lines(f"events/{name}.txt")


@cache
def alternatives(name: str) -> str:
    """The entries of ``resources/events/<name>.txt`` as one regex group, in file order."""
    return "(?:" + "|".join(words(name)) + ")"


@cache
def mapping(name: str, key: str, value: str) -> dict[str, str]:
    """The ``key`` -> ``value`` columns of ``resources/events/<name>.csv`` (rows whose value
    is empty are left out)."""
    rows = resources.table(f"events/{name}.csv")
    return {row[key]: row[value] for row in rows if row[value]}


def examples(filename: str) -> tuple[str, ...]:
    """The ``# example:`` lines of ``resources/events/<filename>``."""
    marker = "# example:"
    text = resources.read_text(f"events/{filename}")
    return tuple(
        line.strip()[len(marker) :].strip()
        for line in text.splitlines()
        if line.strip().startswith(marker)
    )


def led(alternatives: Sequence[str], *, not_after: str = "") -> str:
    """The regex alternation of ``alternatives``, written to start with a class of their
    first characters, so that ``re`` skips (in C) the positions where none can start
    instead of trying the whole alternation at each one (scans several times faster).
    ``not_after``: a character class that must not come right before (r"\\w" for the
    leading ``\\b`` of words)."""
    firsts, branches = led_parts(alternatives)
    guard = f"(?<!{not_after}.)" if not_after else ""
    return f"[{firsts}]{guard}(?:{branches})"


def led_words(words: Sequence[str], *, not_after: str = "") -> str:
    """``led`` for literal words, the rest of each as a trie (``text.trie``): matches what
    ``resources.alternation(words)`` matches (the longest word first)."""
    groups: dict[str, list[str]] = {}
    for word in words:
        first = word[:1]
        if not (first.isascii() and first.isalnum()):
            raise ValueError(f"not a plain first character: {word!r}")
        groups.setdefault(first, []).append(word[1:])
    branches = []
    for first, rests in sorted(groups.items()):
        longer = [rest for rest in rests if rest]
        body = trie(longer) if longer else ""
        if body and "" in rests:  # the one-letter word too, after the longer ones
            body = f"(?:{body})?"
        branches.append(f"(?<={first}){body}")
    guard = f"(?<!{not_after}.)" if not_after else ""
    return f"[{''.join(sorted(groups))}]{guard}(?:{'|'.join(branches)})"


def literals(words: Sequence[str]) -> list[str]:
    """Literal ``words`` as regex alternatives in ``resources.alternation``'s order
    (longest first)."""
    return [re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))]


def led_parts(alternatives: Sequence[str]) -> tuple[str, str]:
    """The first characters of ``alternatives`` and the branches that follow them: each
    alternative must start with a plain ASCII letter or digit, which the class consumes;
    a one-character lookbehind picks the alternatives that start with it, in their order
    (alternatives with different first characters never compete at one position)."""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        first, rest = alternative[:1], alternative[1:]
        if not (first.isascii() and first.isalnum()) or rest[:1] in ("?", "*", "+", "{"):
            raise ValueError(f"not a plain first character: {alternative!r}")
        groups.setdefault(first, []).append(rest)
    branches = "|".join(f"(?<={c})(?:{'|'.join(rests)})" for c, rests in groups.items())
    return "".join(groups), branches
