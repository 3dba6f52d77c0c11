"""The cheap paths of the reader agree with the plain ones they replace."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from herald_timeline import outlets, page
from herald_timeline.text import (
    LineMemo,
    count_words,
    count_words_reference,
    lacks,
    lacks_encoded,
)

#: letters whose case folding is odd (İ, ı, ſ, Kelvin sign), curly quotes, Hangul
_ODD_TEXT = st.text(alphabet=st.sampled_from(list("cCoOkKiIeEsSıİſ\u212a ’é한\n")), max_size=14)


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Accept COOKIES here", (b"cookie",), False),
        ("“Korea” fired", (b"missile",), True),
        ("\u212aorea", (b"korea",), False),  # the Kelvin sign lowers to "k"
        ("İstanbul", (b"istanbul",), False),  # "İ" lowers to "i" and a dot
        ("", (b"after",), True),
    ],
    ids=["any-case", "curly-quotes", "kelvin", "dotted-i", "empty"],
)
def test_lacks_encoded(text: str, words: tuple[bytes, ...], expected: bool) -> None:
    assert lacks_encoded(text, words) is expected


@given(_ODD_TEXT)
def test_lacks_encoded_is_lacks(text: str) -> None:
    words = ("cookie", "kis", "si")
    assert lacks_encoded(text, tuple(w.encode() for w in words)) is lacks(text, words)


def test_line_memo_keeps_short_lines_only() -> None:
    calls: list[str] = []

    def kind(line: str) -> str:
        calls.append(line)
        return "x" * len(line)

    memo = LineMemo(kind, width=3, maxsize=2)
    assert [memo("ab"), memo("ab"), memo("abcd"), memo("abcd")] == ["xx", "xx", "xxxx", "xxxx"]
    assert calls == ["ab", "abcd", "abcd"]  # the long line is computed each time
    memo("c")
    memo("d")  # full: emptied, then "d" kept
    assert list(memo.known) == ["d"]


@pytest.mark.parametrize(
    "lines",
    [
        ["Copyright Herald Corporation", "The Korea Herald by Herald Corporation"],
        ["Reuters", "© 2022 Reuters", "CNN"],  # two outlets: the one listed first wins
        ["see koreatimes.co.kr and yna.co.kr"],
        ["\u212aBS 뉴스", "Copyright ⓒ KBS"],
        ["North Korea fired a missile."],
        # text with curly quotes, in lines too long to remember
        ["“It was a test,” an official told reporters. " * 4, "Copyright © 2022 Reuters’ desk"],
        ["North Korea’s “test” was reported first by Yonhap: see yna.co.kr. " * 3, "매경닷컴"],
    ],
    ids=["herald", "two-outlets", "two-in-a-line", "odd-case", "none", "wide", "wide-two"],
)
def test_outlet_by_lines_is_outlet_of_probe(lines: list[str]) -> None:
    by_lines = outlets.outlet_of_lines(lines, "https://www.cnn.com/x\nsecond")
    probe = outlets._outlet_of_probe("\n".join([*lines, "https://www.cnn.com/x\nsecond"]))
    assert by_lines == probe


@given(
    st.lists(
        st.sampled_from(["Reuters", "AP NEWS", "cnn.com", "ſtripes.com", "Pulse", ""]), max_size=5
    ),
    _ODD_TEXT,
)
def test_outlet_by_lines_agrees_on_any_lines(lines: list[str], extra: str) -> None:
    lines = [*lines, *extra.split("\n")]
    edge = outlets._edge_lines(lines, outlets._PROBE_LINES)
    assert outlets.outlet_of_lines(lines, None) == outlets._outlet_of_probe("\n".join(edge))


@pytest.mark.parametrize(
    "line",
    [
        "Reuters",
        "REUTERS",
        "Reuters reported on Friday",  # a whole-line detector's words inside a sentence
        "AP NEWS",
        "AP News wire",
        "The Korea Herald by Herald Corporation. Copyright Herald Corporation",
        "KBS 뉴스",
        "Kyodo News",
        "Kyodo News, citing a source",
        "\u212aBS 뉴스",
        "North Korea fired a missile.",
    ],
)
def test_line_scan_is_each_detect_pattern_searched(line: str) -> None:
    flags = re.IGNORECASE | re.MULTILINE
    expected = {i for i, _, pattern in outlets._detectors() if re.search(pattern, line, flags)}
    assert outlets._outlets_in(line) == tuple(sorted(expected))


def test_gates_cover_every_needle_once() -> None:
    groups = outlets._gated()
    grouped = [item for _, group in groups for item in group]
    assert sorted(grouped) == sorted(outlets._split_detectors()[1])
    assert all(gate in needle for gate, group in groups for _, needle in group)
    assert len(groups) < len(grouped)  # else the gates save no test


_NEEDLES = [needle for _, needle in outlets._split_detectors()[1]]


@given(st.lists(st.sampled_from([*_NEEDLES, "the", " ", "co", ".", "right", "x"]), max_size=8))
def test_gated_needles_are_the_needles_in_a_line(parts: list[str]) -> None:
    line = "".join(parts)
    expected = tuple(k for k, needle in outlets._split_detectors()[1] if needle in line)
    assert outlets._needles_in(line) == expected


def test_detect_patterns_stay_within_a_line() -> None:
    assert outlets._line_local()  # else every page takes the slower whole-probe scan


@pytest.mark.parametrize(
    ("pattern", "local"),
    [
        (r"^Reuters$", True),
        (r"© \d{4} Reuters", True),
        (r"a\sb", False),
        (r"a.b", False),
        (r"a[^x]b", False),
        (r"(?<=x)y", False),
    ],
    ids=["anchors", "digits", "space-class", "dot", "negated", "lookbehind"],
)
def test_within_line(pattern: str, local: bool) -> None:
    import re
    from re import _parser  # type: ignore[attr-defined]

    assert outlets._within_line(_parser.parse(pattern, re.I | re.M).data) is local


@given(st.text(alphabet=st.sampled_from(list("ab ’\t\u3000x")), max_size=40))
def test_line_kinds_memo_is_classify(line: str) -> None:
    assert page._line_kinds(line) == page._classify_line(line)


@given(st.text(alphabet=st.sampled_from(list("aZ9 -'’._,\t²ª\u0301한国é“”—\ud800")), max_size=30))
def test_count_words_by_class_bytes_is_the_regex(text: str) -> None:
    assert count_words(text) == count_words_reference(text)


@given(st.text(max_size=60))
def test_count_words_on_any_text(text: str) -> None:
    # many distinct characters take the token-by-token path
    assert count_words(text) == count_words_reference(text)


@given(st.text(alphabet=st.sampled_from(list("ab. \t\u3000“(")), max_size=40), st.integers(0, 40))
def test_token_before_is_the_regex(text: str, dot: int) -> None:
    from herald_timeline import text as text_module

    dot = min(dot, len(text))
    match = text_module._TOKEN_BEFORE.search(text, max(0, dot - 24), dot)
    assert text_module._token_before(text, dot) == (match.group(1) if match else None)
