"""timex_scan: the fast forms of each rule (lower-cased, without the modifier) match where
and as far as the rule itself does."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from herald_timeline.timex_rules import Hit, Rule, rules
from herald_timeline.timex_scan import SPACES, _caseless_beyond_ascii, _index, ascii_lower, scan

_RULES = rules()


def _span(match: object) -> tuple[int, int] | None:
    return None if match is None else match.span()  # type: ignore[attr-defined]


@pytest.mark.parametrize("rule", _RULES, ids=[r.name for r in _RULES])
def test_fast_forms_match_like_the_rule(rule: Rule) -> None:
    index = _index()
    for text, _ in rule.examples:
        lower = text.lower()
        for at in range(len(text)):
            full = rule.pattern.match(text, at)
            if rule.lowered is not None:
                assert _span(rule.lowered.match(lower, at)) == _span(full), (text, at)
            if rule.bare is not None and index.modifier.match(lower, at) is None:
                assert _span(rule.bare.match(text, at)) == _span(full), (text, at)
                if rule.lowered_bare is not None:
                    assert _span(rule.lowered_bare.match(lower, at)) == _span(full), (text, at)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Talks ended early Friday morning.", ["early Friday morning"]),
        ("the party daily Rodong Sinmun, published daily", ["daily"]),
        ("It opens in may, not May 3.", ["May 3"]),
        ("ſome time on Nov. 3", ["Nov. 3"]),
    ],
    ids=["modifier", "case-sensitive-part", "lower-case-month", "folded-letter"],
)
def test_scan(text: str, found: list[str]) -> None:
    assert [hit.match.group(0) for hit in scan(text)] == found


def test_spaces_are_what_backslash_s_matches() -> None:
    space = re.compile(r"\s")
    listed = {chr(c) for c in range(sys.maxunicode + 1) if space.match(chr(c))}
    assert set(SPACES) == listed and len(SPACES) == len(listed)


def test_rules_name_no_cased_letter_beyond_ascii() -> None:
    """What lets the scan lower-case only ASCII (see ascii_lower)."""
    assert _index().ascii_case
    assert not _caseless_beyond_ascii("(?:Émile|x)") and not _caseless_beyond_ascii("[à-ÿ]")
    assert _caseless_beyond_ascii("it[’']s|—")


@given(st.text(alphabet=st.sampled_from("aZ Éé’İıſK\u212a.3-\n\udc80ΣΣ"), max_size=30))
def test_ascii_lower(text: str) -> None:
    lowered = ascii_lower(text)
    assert len(lowered) == len(text)
    for mine, written in zip(lowered, text, strict=True):
        assert mine == (written.lower() if written.isascii() else written)


@pytest.mark.parametrize(
    "text",
    ["ÉTÉ: the Été festival ran Nov. 3 to NOVEMBER 9, ÀLA early Friday", "Ω on Friday, ΣΑΣ Nov. 3"],
)
def test_scan_beyond_ascii_as_on_the_lower_cased_text(text: str) -> None:
    assert [(h.start, h.end, h.rule.name) for h in scan(text)] == [
        (h.start, h.end, h.rule.name) for h in _scan_plain_lower(text)
    ]


def _scan_plain_lower(text: str) -> list[Hit]:
    """scan with ``text.lower()`` (ascii_case off): the reference."""
    index = _index()
    saved = index.ascii_case
    index.ascii_case = False
    try:
        return list(scan(text))
    finally:
        index.ascii_case = saved
