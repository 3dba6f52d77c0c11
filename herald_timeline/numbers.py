"""Cardinal numbers as written in news: digits ("1,200", "1.5 million") and words ("eight",
"twenty-three", "a dozen", "Forty-eight").

:func:`number_pattern` is the regex source that finds them (embedded in the claims scan);
:func:`parse_number` turns a match into a float. The words are data
(``resources/claims/number_words.csv``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from herald_timeline import resources
from herald_timeline.text import trie

_DIGITS: Final = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[int, str]]:
    """word -> (value, kind) for every number word."""
    return {
        row["word"].lower(): (int(row["value"]), row["kind"])
        for row in resources.table("claims/number_words.csv")
    }


def _kind(kind: str) -> tuple[str, ...]:
    return tuple(w for w, (_, k) in _words().items() if k == kind)


@lru_cache(maxsize=1)
def number_pattern() -> str:
    """Regex source (no groups, case-insensitive use) for one written cardinal number."""
    # tries, not flat alternations: the claims scan tries this at every word start
    units = trie(_kind("unit"))
    tens = trie(_kind("tens"))
    big = trie(w for w in _kind("scale") if w != "hundred")
    small = rf"(?:{tens}(?:[- ]{units}(?![\w-]))?|{units})"
    words = (
        rf"{small}(?:\s+dozen|\s+hundred(?:\s+(?:and\s+)?{small})?)?(?:\s+{big})?(?![\w-])"
        rf"|a\s+(?:dozen|hundred|thousand)(?![\w-])"
    )
    digits = rf"(?:{_DIGITS})(?:\s*(?:hundred|{big})(?![\w-]))?"
    return rf"(?:{digits}|(?:{words}))"


@lru_cache(maxsize=1)
def number_starts() -> str:
    """Regex source for how every match of :func:`number_pattern` begins (lower case): a
    digit, a units or tens word, or "a" and a space ("a dozen")."""
    return rf"\d|{trie(_kind('unit') + _kind('tens'))}|a\s"


@lru_cache(maxsize=1)
def _compiled() -> re.Pattern[str]:
    return resources.compile_pattern(
        rf"\A(?:{number_pattern()})\Z", re.IGNORECASE, where="numbers.number_pattern"
    )


_TOKEN: Final = re.compile(r"[\d.,]+|[a-z]+", re.IGNORECASE)


def parse_number(text: str) -> float | None:
    """The value of a written cardinal ("1,200" -> 1200.0, "twenty-three" -> 23.0,
    "1.5 million" -> 1500000.0, "a dozen" -> 12.0); None if ``text`` is not one."""
    text = " ".join(text.split())
    if not _compiled().match(text):
        return None
    return _value(text)


def scanned_number(text: str) -> float:
    """:func:`parse_number` of a number group of the claims scan, which is ``number_pattern``
    already: its value without matching the pattern again."""
    return _value(" ".join(text.split()))


def _value(text: str) -> float:
    words = _words()
    total = 0.0
    current = 0.0
    for token in _TOKEN.findall(text.lower()):
        if token[0].isdigit():
            current += float(token.replace(",", ""))
            continue
        if token in ("a", "and"):
            if token == "a":
                current = max(current, 1.0)
            continue
        value, kind = words[token]
        if kind in ("unit", "tens"):
            current += value
        elif kind == "dozen":
            current = max(current, 1.0) * value
        elif value == 100:
            current = max(current, 1.0) * value
        else:  # thousand, million, billion close a group
            total += max(current, 1.0) * value
            current = 0.0
    return total + current
