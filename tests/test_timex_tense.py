"""timex_tense: the fast sentence ends and words agree with the regexes that define them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from herald_timeline.text import is_abbreviation
from herald_timeline.timex_tense import Sentences
from herald_timeline.timex_words import BOUNDARY, WORD, sentence_ends

# characters that matter to the boundary and word rules, and a few that do not
_ALPHABET = st.sampled_from(
    list("aAbZz .!?\n\"'’”“‘()-,0") + ["\u00a0", "\u0130", "\u212a", "é", "\u2009"]
)
_TEXTS = st.text(_ALPHABET, max_size=60)


def _reference_words(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    lower = "".join(c.lower()[:1] for c in text).replace("’", "'")
    return WORD.findall(lower, start, end), WORD.findall(text, start, end)


@given(_TEXTS)
@settings(max_examples=400, deadline=None)
def test_sentence_ends_match_the_boundary_regex(text: str) -> None:
    # the stops of BOUNDARY but those after an abbreviation, and every line end that no
    # kept stop's blanks run across
    stops = [
        m.span()
        for m in BOUNDARY.finditer(text)
        if text[m.start()] != "\n"
        and (text[m.start()] != "." or not is_abbreviation(text, m.start()))
    ]
    lines = [
        i + 1 for i, c in enumerate(text) if c == "\n" and not any(a <= i < b for a, b in stops)
    ]
    assert sentence_ends(text) == sorted([b for _, b in stops] + lines)


@given(_TEXTS, st.integers(0, 60), st.integers(0, 60))
@settings(max_examples=400, deadline=None)
def test_words_match_the_word_regex(text: str, a: int, b: int) -> None:
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    sentences = Sentences(text)
    lower, cased = _reference_words(text, start, end)
    assert sentences.words(start, end) == lower
    # the case as written; apostrophes may come back straight ("A’a" -> "A'a")
    assert [w.replace("’", "'") for w in sentences.cased_words(start, end)] == [
        w.replace("’", "'") for w in cased
    ]


@pytest.mark.parametrize(
    ("text", "start", "end", "words"),
    [
        ("The alliance’s drill", 0, 20, ["the", "alliance's", "drill"]),
        ("rock'n'roll on Friday", 0, 12, ["rock'n", "roll"]),
        ("Korea's talks", 5, 13, ["s", "talks"]),
        ("KOREA'S talks", 0, 13, ["korea's", "talks"]),
        ("high-level U.S. talks", 0, 21, ["high", "level", "u", "s", "talks"]),
        ("'90s and the ' mark", 0, 19, ["s", "and", "the", "mark"]),
    ],
    ids=["curly-apostrophe", "chain", "cut-at-apostrophe", "capital-s", "punctuation", "lone"],
)
def test_words(text: str, start: int, end: int, words: list[str]) -> None:
    assert Sentences(text).words(start, end) == words


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("He left. She came.", [9]),
        ("U.S. forces (Nov. 3) left.\nThen", [27]),
        ("“Go.” They went!  Why? no", [6, 18]),
        ("Talks with U.S. Defense Secretary Lloyd J. Austin. Then", [51]),
        ("Gen. Kim met Mr. Austin. Then", [25]),
    ],
    ids=["stop", "abbreviation-newline", "quotes", "abbreviation-capital", "titles"],
)
def test_sentence_ends(text: str, ends: list[int]) -> None:
    assert Sentences(text).ends == ends
