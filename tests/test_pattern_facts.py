"""What a regex's parse proves (herald_timeline.pattern_facts): widths and required literals."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from herald_timeline import resources
from herald_timeline.pattern_facts import line_rules, needs_literal


@pytest.mark.parametrize(
    ("pattern", "needed"),
    [
        pytest.param(r"[\w.]+@[\w.]+", True, id="in-sequence"),
        pytest.param(r"by (?P<email>\w+@\w+)", True, id="in-group"),
        pytest.param(r"(?:\w+@)+x", True, id="repeat-of-one"),
        pytest.param(r"(?:\w+@)?x", False, id="optional"),
        pytest.param(r"(?:\w+@)*x", False, id="repeat-of-none"),
        pytest.param(r"a(?:b@|c@d)", True, id="every-branch"),
        pytest.param(r"a(?:b@|c)", False, id="one-branch"),
        pytest.param(r"[@%]x", False, id="class"),
    ],
)
def test_needs_literal(pattern: str, needed: bool) -> None:
    assert needs_literal(pattern, "@") is needed


@pytest.mark.parametrize("name", ["page/chrome.txt", "page/end.txt"])
def test_line_rules_split_bounded_from_unbounded(name: str) -> None:
    rules = line_rules(name)
    assert 0 < rules.width < 1000
    assert rules.unbounded is not None
    assert ".*" in rules.unbounded.pattern


_PIECES = ["date 2022-01-02 ", "Go to contents", "more in ", "x", " > ", "Copyright", "a" * 60]


@given(st.lists(st.sampled_from(_PIECES), max_size=6).map("".join))
def test_line_rules_agree_with_all_patterns(line: str) -> None:
    for name in ("page/chrome.txt", "page/end.txt"):
        rules = line_rules(name)
        every = "|".join(f"(?:{p})" for p in resources.lines(name))
        assert rules.fullmatch(line) is (re.fullmatch(every, line, re.IGNORECASE) is not None)
