"""timex_scan: the fast forms of each rule (lower-cased, without the modifier) match where
and as far as the rule itself does."""

from __future__ import annotations

import pytest

from herald_timeline.timex_rules import Rule, rules
from herald_timeline.timex_scan import _index, scan

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
