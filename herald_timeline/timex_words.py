"""Sentence ends and words of a text for the tense cues: found once per text, with fast
paths that agree with the regexes defining them (tests compare the two)."""

from __future__ import annotations

import re
from typing import Final

from herald_timeline.text import is_abbreviation

#: where a sentence ends (the definition ``sentence_ends`` follows, minus abbreviations)
BOUNDARY: Final = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z])|\n")
#: a word as the tense cues read it
WORD: Final = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")


# Words come from an ASCII copy of the text (letters and apostrophes kept, everything else
# a space) cut by str.split, several times cheaper than WORD.findall. The copy mirrors
# WORD except when a character lower-cases to an ASCII letter ("İ", the Kelvin sign) or an
# apostrophe precedes a capital (WORD keeps "'s" but not "'S"): such texts use WORD.
_ODD: Final[tuple[str, ...]] = ("\u0130", "\u212a")
_LETTERS: Final = bytes(
    c if chr(c).isascii() and (chr(c).isalpha() or c == 39) else 32 for c in range(256)
)
_APOSTROPHE_CAPITAL: Final = re.compile(r"'[A-Z]")
# apostrophes that cannot join a word (no letter on one side) are blanks for WORD
_LONE: Final = re.compile(r"'(?:(?![A-Za-z])|(?<![A-Za-z]'))")
_CHAIN: Final = re.compile(r"'[A-Za-z]+'")  # "rock'n'roll": WORD joins only the first
_PLAIN_WORD: Final = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")


def ascii_words(text: str) -> str | None:
    """``text`` as ASCII letters, apostrophes inside words and blanks (same offsets), or
    None when splitting it would not give WORD's words."""
    if _ODD[0] in text or _ODD[1] in text:
        return None
    plain = text.replace("’", "'").encode("ascii", "replace").translate(_LETTERS).decode()
    if "'" in plain:
        if _APOSTROPHE_CAPITAL.search(plain):
            return None
        plain = _LONE.sub(" ", plain)
        if _CHAIN.search(plain):
            return None
    return plain


def split_words(plain: str, start: int, end: int) -> list[str]:
    """WORD's words of ``plain[start:end]``, cut by blanks."""
    words = plain[start:end].split()
    if words and (words[0][0] == "'" or words[-1][-1] == "'"):
        return _PLAIN_WORD.findall(plain, start, end)  # cut beside an apostrophe
    return words


# After terminal punctuation: closing quotes, blanks, a capital (each mark searched on its
# own: a regex that starts with one literal character skips ahead fast, a class does not).
_AFTER_STOP: Final = r"[\"'”’)]*\s+(?=[\"“‘(]?[A-Z])"
_STOPS: Final = tuple((mark, re.compile(re.escape(mark) + _AFTER_STOP)) for mark in ".!?")
_NEWLINE: Final = re.compile("\n")


def sentence_ends(text: str) -> list[int]:
    """Where sentences end: after a stop before a capital (not the period of an abbreviation
    or an initial) and at line ends, in order (each mark searched on its own, no class)."""
    spans: list[tuple[int, int]] = []
    for mark, pattern in _STOPS:
        if mark in text:
            spans += [m.span() for m in pattern.finditer(text)]
    if spans and "." in text:  # "U.S. Defense Secretary", "Gen. Kim": no sentence ends there
        spans = [s for s in spans if text[s[0]] != "." or not is_abbreviation(text, s[0])]
    if "!" in text or "?" in text:
        spans.sort()
    ends = []
    k, n = 0, len(spans)
    for newline in _NEWLINE.finditer(text):
        at = newline.start()
        while k < n and spans[k][1] <= at:
            ends.append(spans[k][1])
            k += 1
        if k < n and spans[k][0] < at:
            continue  # inside a stop's blanks: part of that boundary
        ends.append(at + 1)
    ends += [span[1] for span in spans[k:]]
    return ends
