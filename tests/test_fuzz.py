"""Property tests: arbitrary text and bytes never crash the reader or the parser.

Only ArticleError (a ValueError) may escape; every offset slices its text out of the body;
every table passes its schema.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from herald_timeline import schema
from herald_timeline.article import load_article
from herald_timeline.dates import find_timexes
from herald_timeline.errors import ArticleError
from herald_timeline.parsing import parse

PUBLISHED = datetime(2022, 11, 18, 17, 58, tzinfo=ZoneInfo("Asia/Seoul"))
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words the rules look for, so random documents reach deep into the parser.
TOKENS = [
    "North Korea",
    "South Korea",
    "the United States",
    "fired",
    "launched",
    "held",
    "met",
    "more than",
    "about",
    "at least",
    "up to",
    "including",
    "60",
    "eight",
    "two",
    "1.5 million",
    "ballistic missiles",
    "ICBMs",
    "cruise missile",
    "launches",
    "drills",
    "summit",
    "Security Consultative Meeting",
    "54th",
    "on",
    "in",
    "since",
    "after",
    "before",
    "last",
    "this year",
    "Friday",
    "Nov. 3",
    "Nov.",
    "August",
    "2022",
    "2017",
    "March 3, 2021",
    "two weeks",
    "the following day",
    "earlier this month",
    "early",
    "late",
    "around",
    "Published : Nov 18, 2022 - 17:58",
    "입력 2022.10.06 (15:03)",
    "By Kim Min-ji",
    "(END)",
    "MOST POPULAR",
    "Copyright",
    "Back To Top",
    "(LEAD)",
    "SEOUL, March 3 (Yonhap) --",
    "<p>",
    "</p>",
    "<html>",
    "&amp;",
    ".",
    ",",
    '"',
    "“",
    "”",
    "—",
    "-",
    ":",
    ";",
    "(",
    ")",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "\t",
    "\u00a0",
    "\u2028",
    "\x00",
    "\ufeff",
    "e\u0301",
]
NEWSY = st.lists(st.sampled_from(TOKENS) | st.text(max_size=8), max_size=60).map(" ".join)
TEXT = NEWSY | st.text(max_size=300)


def _check_offsets(df: pd.DataFrame, body: str, column: str) -> None:
    for start, end, text in zip(df["char_start"], df["char_end"], df[column], strict=True):
        assert 0 <= start <= end <= len(body)
        assert body[start:end] == text


@FAST
@given(TEXT)
def test_load_article_text(text: str) -> None:
    try:
        article = load_article(text)
    except ArticleError:
        return
    assert article.body.strip()
    assert article.format in ("page", "html", "plain")
    assert article.published is None or article.published.utcoffset() is not None


@FAST
@given(st.binary(max_size=400) | TEXT.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_load_article_bytes(data: bytes) -> None:
    try:
        article = load_article(data)
    except ArticleError as exc:
        assert "\n" not in str(exc)
        return
    assert "\x00" not in article.body


@FAST
@given(TEXT, st.sampled_from(["page", "html", "plain", "auto"]))
def test_load_article_any_format(text: str, fmt: str) -> None:
    try:
        article = load_article(text, format=fmt)
    except ArticleError:
        return
    if fmt == "plain" and "\x00" not in text and "\r" not in text:
        assert article.body.replace("\n", "") != "" or not text.strip()


@FAST
@given(TEXT)
def test_find_timexes(text: str) -> None:
    df = find_timexes(text, published=PUBLISHED, article_id="a")
    schema.validate(df, "timexes")
    _check_offsets(df, text, "text")
    starts = df["char_start"].tolist()
    assert starts == sorted(starts)
    ends = df["char_end"].tolist()
    assert all(end <= start for end, start in zip(ends, starts[1:], strict=False))


@FAST
@given(TEXT)
def test_find_timexes_unanchored(text: str) -> None:
    df = find_timexes(text, published=None)
    schema.validate(df, "timexes")
    _check_offsets(df, text, "text")


@FAST
@given(TEXT, st.sampled_from([None, "2022-11-18T17:58:00+09:00", "2017-07-04"]))
def test_parse(text: str, published: str | None) -> None:
    try:
        parsed = parse(text, published=published)
    except ArticleError:
        return
    body = parsed.article.body
    for table, frame in (
        ("timexes", parsed.timexes),
        ("events", parsed.events),
        ("claims", parsed.claims),
    ):
        schema.validate(frame, table)
    _check_offsets(parsed.timexes, body, "text")
    _check_offsets(parsed.events, body, "evidence")
    _check_offsets(parsed.claims, body, "evidence")
    ids = parsed.claims["claim_id"].tolist()
    assert all(p in ids for p in parsed.claims["part_of"].dropna())
    assert parse(text, published=published).events.equals(parsed.events)  # deterministic
