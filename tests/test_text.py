"""Sentence splitting and the literal-word trie (``herald_timeline.text``)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from herald_timeline import resources
from herald_timeline.text import (
    abbreviations,
    case_odd,
    count_words,
    count_words_reference,
    is_abbreviation,
    lacks,
    split_sentences,
    trie,
)

TRIE_CASES = [
    (("in", "inaugurat", "inaugurated"), "was inaugurated today", ["inaugurated"]),
    (("in", "inaugurat", "inaugurated"), "inaugurates in", ["inaugurat", "in"]),
    (("sep", "sept", "september"), "sept. 3 and september", ["sept", "september"]),
    (("a.b", "a-b"), "a.b axb a-b", ["a.b", "a-b"]),
]


@pytest.mark.parametrize(("words", "text", "found"), TRIE_CASES, ids=[c[1] for c in TRIE_CASES])
def test_trie_finds_the_longest_word(words: tuple[str, ...], text: str, found: list[str]) -> None:
    assert re.findall(trie(words), text) == found


@given(
    st.lists(st.text("abc-", min_size=1, max_size=4), min_size=1, max_size=8),
    st.text("abc- ", max_size=30),
)
def test_trie_matches_like_the_flat_alternation(words: list[str], text: str) -> None:
    # with a continuation that forces backtracking to shorter words too
    for tail in ("", r"(?=c)", r"\b"):
        flat = re.compile(resources.alternation(words) + tail)
        fast = re.compile(trie(words) + tail)
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_trie_refuses_an_empty_word() -> None:
    with pytest.raises(ValueError, match="empty"):
        trie(["a", ""])


def test_sentences_index_the_body() -> None:
    body = "Lloyd J. Austin met Lee on Nov. 3. They agreed.\n\nNorth Korea fired two missiles."
    sentences = split_sentences(body)
    assert [s.text for s in sentences] == [
        "Lloyd J. Austin met Lee on Nov. 3.",
        "They agreed.",
        "North Korea fired two missiles.",
    ]
    assert all(body[s.start : s.end] == s.text for s in sentences)
    assert [s.paragraph for s in sentences] == [0, 0, 1]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # an abbreviated month after a hyphen ends no sentence; one letter after it does
        ("It runs Aug. 22-Sept. 1. It ends.", ["It runs Aug. 22-Sept. 1.", "It ends."]),
        ("He met Park Jin-a. Then he left.", ["He met Park Jin-a.", "Then he left."]),
        ("It was a U.S.-led drill. It ended.", ["It was a U.S.-led drill.", "It ended."]),
        # a line with "!" or "?" is split at those too (another pattern than a plain line's)
        ("Why? It fired. Stop! Now.", ["Why?", "It fired.", "Stop!", "Now."]),
        ("It fired... Then? No.", ["It fired...", "Then?", "No."]),
    ],
    ids=[
        "month-after-hyphen",
        "letter-after-hyphen",
        "abbreviation-before-hyphen",
        "question-and-exclamation",
        "ellipsis-and-question",
    ],
)
def test_sentence_ends(body: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(body)] == expected


LACKS = [
    ("Two days AFTER the talks", ("after",), False),
    ("The talks came later", ("after", "before"), True),
    ("ſince", ("since",), False),  # the long s matches "s" under IGNORECASE: no proof
    ("", ("after",), True),
    ("“Korea” fired", ("missile",), True),  # a capital K is no case oddity: still a proof
    ("\u212aorea", ("korea",), False),  # the Kelvin sign matches "k" under IGNORECASE
]


@pytest.mark.parametrize(("text", "words", "expected"), LACKS, ids=[t for t, _, _ in LACKS])
def test_lacks(text: str, words: tuple[str, ...], expected: bool) -> None:
    assert lacks(text, words) is expected


@given(st.text(alphabet=st.sampled_from(list("aAfFtTeErRsSıİſKk ’é")), max_size=12))
def test_lacks_proves_an_ignorecase_regex_fails(text: str) -> None:
    words = ("after", "sk", "ri")
    if lacks(text, words):
        assert re.search("after|sk|ri", text, re.IGNORECASE) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ji Da-gyum reports", 3),
        ("the U.S. and S.Korea", 4),
        ("alliance’s posture -- again", 3),
        ("(DoD photo) on Nov. 3, 2022.", 6),
        ("snake_case and a/b", 5),
        ("", 0),
        ("  -- ... ", 0),
        ("2022-11-03 17:58 KST", 4),
    ],
    ids=["hyphen", "dots", "apostrophe", "parens", "underscore-slash", "empty", "punct", "date"],
)
def test_count_words(text: str, expected: int) -> None:
    assert count_words(text) == expected


@given(st.text(alphabet=st.sampled_from("aZ9é_-'’. ,;\n\t/()²\u2028“”*"), max_size=60))
def test_count_words_agrees_with_one_regex(text: str) -> None:
    assert count_words(text) == count_words_reference(text)


@pytest.mark.parametrize(
    ("text", "odd"),
    [("plain ASCII", False), ("curly ’quotes” only", False), ("İstanbul", True),
     ("ıssue", True), ("ſtate", True), ("10 \u212a", True), ("Ölçek", False)],
    ids=["ascii", "curly", "dotted-I", "dotless-i", "long-s", "kelvin", "other-letters"],
)  # fmt: skip
def test_case_odd(text: str, odd: bool) -> None:
    """The letters IGNORECASE equates with ASCII ones but ``lower`` does not."""
    assert case_odd(text) is odd


def _abbreviation_by_token(text: str, dot: int) -> bool:
    """is_abbreviation without its fast path: the token before the period, looked up."""
    window = text[max(0, dot - 24) : dot]
    if not window or window[-1].isspace():
        return False
    token = window.rsplit(None, 1)[-1].lstrip("\"“‘'([").lower()
    return (len(token) == 1 and token.isalpha()) or token in abbreviations()


@given(st.text(st.sampled_from(list("aUSgen. (\"'\n") + ["\u00a0", "“"]), max_size=40))
@settings(max_examples=500, deadline=None)
def test_is_abbreviation_fast_path_agrees_with_the_token_lookup(text: str) -> None:
    for dot, char in enumerate(text):
        if char == ".":
            assert is_abbreviation(text, dot) == _abbreviation_by_token(text, dot)
