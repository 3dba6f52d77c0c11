"""Whole articles written for the tests (news-style, not from any corpus), parsed end to
end: every event (type, day, name) and claim (value, bound, unit) they give, in order.
A change that moves one of these rows must say why in its commit and update
``tests/data/articles/expected.json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import herald_timeline as ht

ARTICLES = Path(__file__).parent / "data" / "articles"
EXPECTED = json.loads((ARTICLES / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_article_gives_exactly_its_rows(name: str) -> None:
    parsed = ht.parse((ARTICLES / name).read_bytes())
    events = [[e.type, e.start.isoformat()[:10], e.name] for e in parsed.events.itertuples()]
    claims = [[float(c.value), c.bound, c.unit] for c in parsed.claims.itertuples()]
    assert events == EXPECTED[name]["events"]
    assert claims == EXPECTED[name]["claims"]


def test_every_article_has_expected_rows() -> None:
    assert sorted(p.name for p in ARTICLES.glob("*.txt")) == sorted(EXPECTED)
