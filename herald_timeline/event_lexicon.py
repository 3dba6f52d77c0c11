"""The word lists of the events modules, read from ``resources/events/`` once.

A ``.txt`` lexicon holds one regex alternative per line (most are plain words); they are
joined in file order, since a regex alternation takes the first alternative that fits.
A ``.csv`` lexicon is a map. ``# example:`` lines are run by ``tests/test_event_lexicons.py``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from herald_timeline import event_backward, pattern_facts, resources
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
    parts = _word_branches(words)
    branches = [f"(?<={first}){body}" for first, body in parts]
    guard = f"(?<!{not_after}.)" if not_after else ""
    firsts = "".join(first for first, _ in parts)
    return f"[{firsts}]{guard}(?:{'|'.join(branches)})"


def _word_branches(words: Sequence[str]) -> list[tuple[str, str]]:
    """(first character, trie of the rests) for literal words, by first character."""
    groups: dict[str, list[str]] = {}
    for word in words:
        first = word[:1]
        if not (first.isascii() and first.isalnum()):
            raise ValueError(f"not a plain first character: {word!r}")
        groups.setdefault(first, []).append(word[1:])
    parts = []
    for first, rests in sorted(groups.items()):
        longer = [rest for rest in rests if rest]
        body = trie(longer) if longer else ""
        if body and "" in rests:  # the one-letter word too, after the longer ones
            body = f"(?:{body})?"
        parts.append((first, body))
    return parts


def branched(alternatives: Sequence[str], *, not_after: str = "", end: str = "") -> str:
    """``led`` for regex alternatives, written like ``branched_words``
    (``end`` closes each branch, so that the alternation can join another one flat)."""
    guard = f"(?<!{not_after}.)" if not_after else ""
    groups = _by_first_character(alternatives)
    return "|".join(f"{c}{guard}(?:{'|'.join(r)}){end}" for c, r in groups.items())


def branched_words(words: Sequence[str], *, not_after: str) -> str:
    """``led_words``, written as one branch per first character, that character a literal
    and ``not_after`` checked after it: ``re`` gets the same class of first characters to
    skip to, and at a candidate rejects every branch but one by its literal (a lookbehind
    per branch would be evaluated branch after branch)."""
    branches = [f"{first}(?<!{not_after}.){body}" for first, body in _word_branches(words)]
    return f"(?:{'|'.join(branches)})"


def literals(words: Sequence[str]) -> list[str]:
    """Literal ``words`` as regex alternatives in ``resources.alternation``'s order
    (longest first)."""
    return [re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))]


def _by_first_character(alternatives: Sequence[str]) -> dict[str, list[str]]:
    """The rests of regex ``alternatives`` grouped by their first character, in order; each
    must start with a plain ASCII letter or digit that no quantifier follows."""
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        first, rest = alternative[:1], alternative[1:]
        if not (first.isascii() and first.isalnum()) or rest[:1] in ("?", "*", "+", "{"):
            raise ValueError(f"not a plain first character: {alternative!r}")
        groups.setdefault(first, []).append(rest)
    return groups


def led_parts(alternatives: Sequence[str]) -> tuple[str, str]:
    """The first characters of ``alternatives`` and the branches that follow them: each
    alternative must start with a plain ASCII letter or digit, which the class consumes;
    a one-character lookbehind picks the alternatives that start with it, in their order
    (alternatives with different first characters never compete at one position)."""
    groups = _by_first_character(alternatives)
    branches = "|".join(f"(?<={c})(?:{'|'.join(rests)})" for c, rests in groups.items())
    return "".join(groups), branches


@dataclass(frozen=True, slots=True)
class Folded:
    """A case-insensitive pattern and its case-sensitive twin for lower-cased text
    (``resources.lowered``), which ``re`` runs faster than IGNORECASE."""

    pattern: re.Pattern[str]
    lowered: re.Pattern[str] | None
    #: ``lowered`` written backwards (``event_backward``), when every match ends at ``$``
    backward: re.Pattern[str] | None = None
    #: words one of which every match holds (``pattern_facts.required_words``): a text
    #: without any needs no search
    words: tuple[str, ...] | None = None

    def search(self, text: str, lower: str | None, pos: int = 0) -> re.Match[str] | None:
        """``pattern.search(text, pos)``; ``lower``: ``text`` folded (``text.folded``)
        or None. A match made on ``lower`` has the offsets of one on ``text``."""
        if lower is None or self.lowered is None:
            return self.pattern.search(text, pos)
        return self.lowered.search(lower, pos)

    def found(self, text: str, lower: str | None) -> bool:
        """Whether ``pattern`` is in ``text`` (``lower``: as for ``search``)."""
        if lower is not None:
            if self.words is not None and not any(word in lower for word in self.words):
                return False
            if self.backward is not None:
                return self.backward.match(lower[::-1]) is not None
        return self.search(text, lower) is not None


def folded(pattern: re.Pattern[str], *, backward: bool = False, words: bool = False) -> Folded:
    """The ``Folded`` form of a case-insensitive compiled ``pattern``; ``backward``: with
    its backwards twin for ``found`` (faster for some ``$``-anchored patterns, slower for
    others: measured case by case); ``words``: with the words its matches need (for a
    pattern searched in long texts that rarely hold one)."""
    source = resources.lowered(pattern.pattern)
    if source is None:
        return Folded(pattern, None)
    twin = event_backward.backward(source) if backward else None
    needed = pattern_facts.required_words(source) if words else None
    # led by literals where it can be: a search then skips to where a match can start
    led = pattern_facts.literal_led(source)
    return Folded(pattern, re.compile(led or source), twin, needed)
