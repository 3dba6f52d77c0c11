"""Outlet detection (herald_timeline.outlets): literal prefilter, edge lines, profiles."""

from __future__ import annotations

import pytest

from herald_timeline.outlets import _edge_lines, _lowered, detect_outlet, literal_needle
from herald_timeline.text import stripped_lines


@pytest.mark.parametrize(
    ("pattern", "needle"),
    [
        pytest.param(r"koreaherald\.com", "koreaherald.com", id="escaped-dot"),
        pytest.param(r"^The Korea Times$", "the korea times", id="anchors"),
        pytest.param(r"© \d{4} Reuters", " reuters", id="class-and-count"),
        pytest.param(r"colou?r chart", "r chart", id="optional-char"),
        pytest.param(r"abc*def", "def", id="star"),
        pytest.param(r"ab+cd", "ab", id="plus-keeps-one"),
        pytest.param(r"x(?:yz|w)+long tail", "long tail", id="group-skipped"),
        pytest.param(r"[(|)]pipe in class", "pipe in class", id="class-skipped"),
        pytest.param(r"one|two", "", id="top-level-or"),
        pytest.param(r"(?x) spaced out", "", id="verbose"),
        pytest.param(r"\bword\b", "word", id="boundaries"),
        pytest.param(r"매경닷컴", "매경닷컴", id="hangul"),
    ],
)
def test_literal_needle(pattern: str, needle: str) -> None:
    assert literal_needle(pattern) == needle


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("a\n\n b \nc", ["a", "b", "c", "a", "b", "c"], id="short-text-twice"),
        pytest.param("\n".join("0123"), ["0", "1", "2", "1", "2", "3"], id="overlap"),
        pytest.param("\n".join("012345"), ["0", "1", "2", "3", "4", "5"], id="apart"),
        pytest.param("  \n\n", [], id="blank"),
    ],
)
def test_edge_lines(text: str, expected: list[str]) -> None:
    assert _edge_lines(stripped_lines(text), 3) == expected


@pytest.mark.parametrize(
    ("text", "url", "outlet"),
    [
        pytest.param(
            "Menu\nStory.\nCopyright Herald Corporation.", None, "The Korea Herald", id="footer"
        ),
        pytest.param(
            "Story.", "https://www.KoreaHerald.com/view", "The Korea Herald", id="url-any-case"
        ),
        pytest.param("REUTERS\nStory.", None, "Reuters", id="masthead-upper"),
        pytest.param("Story.\n© 2023 reuters", None, "Reuters", id="copyright"),
        pytest.param("Story.\nVOA", None, "Voice of America", id="short-name"),
        pytest.param("Story.\nVOA news", None, None, id="anchored-miss"),
        pytest.param("Story about Reuters reporting.", None, None, id="mention-no-pattern"),
        # "ſ" matches "s" under IGNORECASE, though "ſ".lower() is not "s"
        pytest.param("Story.\nſtripes.com", None, "Stars and Stripes", id="long-s"),
        pytest.param(
            "Story.\nThomson Reuters koreaherald.com", None, "The Korea Herald", id="first-listed"
        ),
        # "ⓒ" is cased outside ASCII: its pattern keeps IGNORECASE in the lowered scan
        pytest.param("Story.\nCOPYRIGHT Ⓒ KBS", None, "KBS News", id="cased-symbol"),
        pytest.param("Story.\nApnews.com/x REUTERS.COM", None, "Reuters", id="two-outlets"),
    ],
)
def test_detect_outlet(text: str, url: str | None, outlet: str | None) -> None:
    profile = detect_outlet(text, url)
    assert (profile.name if profile else None) == outlet


@pytest.mark.parametrize(
    ("pattern", "lowered"),
    [
        pytest.param(r"^The Korea Times$", r"^the korea times$", id="capitals"),
        pytest.param(r"© \d{4} Reuters", r"© \d{4} reuters", id="escape-kept"),
        pytest.param(r"Copyright ⓒ KBS", r"(?i:Copyright ⓒ KBS)", id="cased-non-ascii"),
        pytest.param(r"^KBS 뉴스$", r"^kbs 뉴스$", id="uncased-non-ascii"),
    ],
)
def test_lowered_detect_pattern(pattern: str, lowered: str) -> None:
    assert _lowered(pattern) == lowered
