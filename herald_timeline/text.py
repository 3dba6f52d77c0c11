"""Text normalisation, sentence splitting with character offsets, literal word scans.

Sentences are spans of the body: ``body[s.start:s.end] == s.text`` always holds, so every
row built from a sentence can point back into the article.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, Generic, TypeVar

from herald_timeline import records, resources

_WORD: Final = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*", re.UNICODE)


def normalise(text: str) -> str:
    """NFC, ``\\n`` line ends, no NULs or other C0 controls except tab and newline."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n").replace("\xa0", " ")
    encoded = text.encode("utf-8", "surrogatepass")
    if len(encoded.translate(None, _CONTROL_BYTES)) == len(encoded):
        return text  # nothing to remove: a C-level check instead of a regex pass
    return _CONTROL.sub("", text)


_CONTROL: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_BYTES: Final = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


#: the same matches; its one empty group makes findall build no string per word
_WORD_COUNT: Final = re.compile(_WORD.pattern + "()")


def stripped_lines(text: str) -> list[str]:
    """The lines of ``text``, each stripped (the outlet probe and the page reader share them)."""
    return list(map(str.strip, text.split("\n")))


def count_words(text: str) -> int:
    """Words as a reader counts them ("Ji Da-gyum" is two, "U.S." one)."""
    # A match of _WORD is a run of letters and digits and the runs joined to it by single
    # joiners ("-'’."), so the words are the runs not joined to one before. With every
    # character replaced by one byte of its class ("a" letter or digit, "." joiner, " "
    # other), a word begins at " a", " .a" or "..a": bytes.count finds them in C.
    # Bytes above ASCII read as " ": right for the bytes of any other character (a run of
    # several " " counts as one), so only letters and joiners outside ASCII are replaced.
    encoded = text.encode("utf-8", "surrogatepass")
    if not text.isascii():
        others = set(encoded.translate(None, _ASCII).decode("utf-8", "surrogatepass"))
        kept = [c for c in others if c in _JOINERS or c.isalnum()]
        if len(kept) > _FEW_CHARACTERS:  # Hangul text: a pass per character is too many
            return _count_words_by_token(text)
        for char in kept:  # UTF-8 is self-synchronising: a replace hits that char only
            kind = b"." if char in _JOINERS else b"a"
            encoded = encoded.replace(char.encode("utf-8", "surrogatepass"), kind)
    classes = b"  " + encoded.translate(_CLASS_BYTES)
    return classes.count(b" a") + classes.count(b" .a") + classes.count(b"..a")


_JOINERS: Final = "-'’."
_ASCII: Final = bytes(range(128))
#: the class byte of each ASCII byte; " " for the bytes of other characters
_CLASS_BYTES: Final = (
    bytes(
        ord("a") if chr(b).isalnum() else ord(".") if chr(b) in _JOINERS else ord(" ")
        for b in range(128)
    )
    + b" " * 128
)
_FEW_CHARACTERS: Final = 24


def _count_words_by_token(text: str) -> int:
    """:func:`count_words` token by token (text with many distinct non-ASCII characters)."""
    # A word never spans white space, and most tokens are plain letters or digits
    # (``isalnum`` is what ``[^\W_]`` means): the regex runs only on the few others.
    count = 0
    for token in text.split():
        # punctuation at a token's ends joins nothing: "Friday," and "(DoD" are one word
        core = token.strip(_EDGE_PUNCT)
        if core.isalnum():
            count += 1
        elif core:
            count += len(_WORD_COUNT.findall(core))
    return count


_EDGE_PUNCT: Final = ".,;:!?()[]{}<>\"'“”‘’«»-–—/*"


def count_words_reference(text: str) -> int:
    """The plain one-regex count ``count_words`` must agree with (tests)."""
    return len(_WORD_COUNT.findall(text))


@dataclass(init=False, frozen=True, slots=True)
class Sentence:
    """A sentence of a body: ``body[start:end] == text``; ``index`` counts from 0."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int

    # written out, not generated: mypyc compiles it to direct stores (see records)
    def __init__(self, index: int, start: int, end: int, text: str, paragraph: int) -> None:
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "paragraph", paragraph)


new_sentence: Final = records.fast_builder(Sentence)


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    return frozenset(line.lower() for line in resources.lines("text/abbreviations.txt"))


# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace,
# then something that can start a sentence.
_BOUNDARY_REST: Final = r"(?:[\"'”’)\]]{1,3})?(?=[ \t]+[\"“‘'(\[]?[A-Z0-9])"
_BOUNDARY: Final = re.compile(rf"[.!?]{_BOUNDARY_REST}")
# the same led by the period alone, for a line without "!" or "?" (most lines): a search
# for one character skips ahead in C, one for a class tests every character in turn
_STOP_BOUNDARY: Final = re.compile(rf"\.{_BOUNDARY_REST}")
_TOKEN_BEFORE: Final = re.compile(r"(\S+)$")


def _token_before(text: str, dot: int) -> str | None:
    """What ``_TOKEN_BEFORE.search(text, dot - 24, dot)`` finds, the trailing non-space run
    of the window, without trying every start position in it."""
    window = text[max(0, dot - 24) : dot]
    if not window or window[-1].isspace():
        return None
    return window.rsplit(None, 1)[-1]


@lru_cache(maxsize=1)
def _longer_word() -> tuple[int, re.Pattern[str]]:
    """(width, pattern): a run of ``width`` non-blanks, longer than every abbreviation and
    not led by what the token's ``lstrip`` removes. A stop after one ends no abbreviation:
    most stops are decided so, without cutting out the token."""
    width = max(len(word) for word in abbreviations()) + 1
    return width, re.compile(rf"[^\s\"“‘'(\[]\S{{{width - 1}}}")


def is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` ends an abbreviation or an initial."""
    width, longer = _longer_word()
    if dot >= width and longer.fullmatch(text, dot - width, dot):
        return _after_hyphen(text, dot)
    # Only the token before the period matters: look at a short window, not the whole line
    # (searching from the line start made "Nov. Nov. Nov. …" quadratic).
    before = _token_before(text, dot)
    if before is None:
        return False
    token = before.lstrip("\"“‘'([").lower()
    if len(token) == 1 and token.isalpha():  # an initial: "Lloyd J. Austin"
        return True
    return token in abbreviations() or _after_hyphen(text, dot)


def _after_hyphen(text: str, dot: int) -> bool:
    """An abbreviation after a hyphen, as in the range "Aug. 22-Sept. 1" (two letters at
    least: "Park Jin-a." ends a sentence)."""
    hyphen = text.rfind("-", max(0, dot - 6), dot)
    return hyphen >= 0 and dot - hyphen > 2 and text[hyphen + 1 : dot].lower() in abbreviations()


def split_sentences(body: str) -> list[Sentence]:
    """Split ``body`` into sentences; paragraphs (lines) never share a sentence."""
    sentences: list[Sentence] = []
    paragraph = 0
    position = 0
    for line in body.split("\n"):
        line_start = position
        position += len(line) + 1
        if not line.strip():
            continue
        start = 0
        plain = "!" not in line and "?" not in line
        for match in (_STOP_BOUNDARY if plain else _BOUNDARY).finditer(line):
            dot = match.start()
            if line[dot] == "." and is_abbreviation(line, dot):
                continue
            sentences.extend(_span(line, start, match.end(), line_start, paragraph, len(sentences)))
            start = match.end()
        sentences.extend(_span(line, start, len(line), line_start, paragraph, len(sentences)))
        paragraph += 1
    return sentences


def _span(
    line: str, start: int, end: int, offset: int, paragraph: int, index: int
) -> list[Sentence]:
    piece = line[start:end]
    stripped = piece.strip()
    if not stripped:
        return []
    lead = len(piece) - len(piece.lstrip())
    begin = offset + start + lead
    return [new_sentence(index, begin, begin + len(stripped), stripped, paragraph)]


_Trie = dict[str, "_Trie"]


def trie(words: Iterable[str]) -> str:
    """A regex for literal ``words`` that matches what ``resources.alternation`` matches
    (the longest word first, shorter ones on backtracking), with common prefixes factored
    out ("in(?:augurat(?:ed)?)?"): at a position, only branches whose next character fits
    are tried. Words that differ only in case must not be mixed under IGNORECASE."""
    root: _Trie = {}
    for word in words:
        if not word:
            raise ValueError("empty word in a trie")
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(root)


def _trie_node(node: _Trie) -> str:
    branches = [re.escape(char) + _trie_node(node[char]) for char in sorted(node) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # a word ends here too: the longer words (greedy ?) are tried first
    return f"(?:{body})?" if "" in node else body


#: the only characters outside ASCII that ``re.IGNORECASE`` matches to an ASCII letter
#: ("İ", "ı", "ſ" and the Kelvin sign, which is not a K)
_CASE_ODD_CHARS: Final[tuple[str, ...]] = ("\u0130", "\u0131", "\u017f", "\u212a")


def case_odd(text: str) -> bool:
    """Whether ``text`` holds a character that ``re.IGNORECASE`` equates with an ASCII
    letter ("ſ" matches "s"): then lower-casing and ``in`` prove nothing about a regex."""
    # four ``in`` tests cost a fifth of one regex search over a long sentence (written out:
    # a generator over _CASE_ODD_CHARS cost more than the tests)
    return not text.isascii() and (
        "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text
    )


def ascii_class(one: str) -> str:
    """The ASCII characters the one-character class ``one`` matches, as a class of literals:
    the same on ASCII text (``str.isascii`` costs nothing), without the per-character
    category tests of ``\\w``, ``\\s`` and ``\\d`` (a few calls into the Unicode tables each)."""
    pattern = re.compile(one)
    return "[" + "".join(re.escape(c) for c in map(chr, range(128)) if pattern.fullmatch(c)) + "]"


def folded(text: str) -> str | None:
    """``text`` lower-cased where case-sensitive twins of IGNORECASE patterns match it
    alike (same offsets, no letter like "ſ" that IGNORECASE equates with an ASCII one);
    else None (run the IGNORECASE pattern on the text as written)."""
    lower = text.lower()
    return lower if len(lower) == len(text) and not case_odd(text) else None


def lacks(text: str, words: Iterable[str], lower: str | None = None) -> bool:
    """Whether none of the lower-case ASCII ``words`` occurs in ``text``, in any case: a
    cheap exact proof that a case-insensitive regex needing one of them cannot match
    (``str.lower`` and ``in`` are much faster than a regex over the whole sentence).
    ``lower``: ``folded(text)`` when the caller has it (not None: no odd case)."""
    if lower is None:
        if case_odd(text):
            return False  # let the regex decide
        lower = text.lower()
    return not any(word in lower for word in words)


def lacks_encoded(text: str, words: tuple[bytes, ...]) -> bool:
    """:func:`lacks` for ``words`` given as lower-case ASCII bytes, with the same answer:
    ``bytes.lower`` of the UTF-8 text finds the same ASCII words as ``str.lower`` (no
    character outside ASCII lowers to one inside it, except those ``case_odd`` finds),
    and costs a fraction of ``str.lower`` on text that is not ASCII."""
    if case_odd(text):
        return False  # let the regex decide
    lower = text.encode("utf-8", "surrogatepass").lower()
    # find, not "in": bytes.__contains__ first tries the word as an int and pays for the
    # TypeError it raises and clears
    return all(lower.find(word) < 0 for word in words)


_Value = TypeVar("_Value")


class LineMemo(Generic[_Value]):
    """``compute(line)`` remembered for lines up to ``width`` characters (menus, footers,
    bylines: the chrome a site repeats on every page), in a plain dict that callers may read
    in C (``map(memo.known.get, lines)``): an ``lru_cache`` wrapper cost more per line than
    the rest of reading a page. Emptied when it holds ``maxsize`` lines, so a worker's memory
    does not grow with the corpus. ``compute`` never returns None (a miss reads as None)."""

    __slots__ = ("compute", "known", "maxsize", "width")

    def __init__(self, compute: Callable[[str], _Value], *, width: int, maxsize: int) -> None:
        self.compute = compute
        self.known: dict[str, _Value] = {}
        self.width = width
        self.maxsize = maxsize

    def __call__(self, line: str) -> _Value:
        value = self.known.get(line)
        if value is None:
            value = self.compute(line)
            if len(line) <= self.width:
                if len(self.known) >= self.maxsize:
                    self.known.clear()
                self.known[line] = value
        return value

    def cache_clear(self) -> None:
        self.known.clear()
