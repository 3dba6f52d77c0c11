"""load_article (herald_timeline.article): sources, formats, metadata, ids, errors."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from herald_timeline.article import (
    MAX_BYTES,
    Article,
    article_id_for,
    detect_format,
    load_article,
)
from herald_timeline.errors import ArticleError

SEOUL = ZoneInfo("Asia/Seoul")
PAGES = Path(__file__).parent / "data" / "pages"
PLAIN = "North Korea fired two missiles on Friday.\nThe launch was its tenth this year.\n"


# ----------------------------------------------------------------------------- seed page


def test_seed_page_golden(seed_path: Path, published: datetime) -> None:
    article = load_article(seed_path)
    assert article.format == "page"
    assert article.title == (
        "S.Korea, US launch counter-missile working group amid escalating N.Korean threats"
    )
    assert article.authors == ("Ji Da-gyum",)
    assert article.email == "dagyumji@heraldcorp.com"
    assert article.outlet == "The Korea Herald"
    assert article.section == "National"
    assert article.published == published
    assert article.updated == published
    assert article.published is not None
    assert article.published.isoformat() == "2022-11-18T17:58:00+09:00"
    assert article.tz == "Asia/Seoul"
    body = article.body
    assert body.count("Secretary of Defense Lloyd J. Austin III and South Korean") == 1
    assert body.startswith("Secretary of Defense Lloyd J. Austin III")
    assert body.endswith("readiness posture.”")
    assert "North Korea has fired more than 60 ballistic missiles" in body
    for chrome in (
        "Back To Top",
        "MOST POPULAR",
        "Copyright",
        "Politics\n",
        "By Ji Da-gyum",
        "Published",
        "한국어판",
        "Herald Corporation",
        "Tel :",
    ):
        assert chrome not in body, chrome


def test_seed_page_every_paragraph_kept(seed_path: Path) -> None:
    body = load_article(seed_path).body.split("\n")
    assert len(body) == 7  # caption + six paragraphs
    assert all(len(line.split()) > 12 for line in body)


# ----------------------------------------------------------------------------- sources


def test_path_str_bytes_give_the_same_article(seed_path: Path) -> None:
    by_path = load_article(seed_path)
    by_str = load_article(str(seed_path))
    by_bytes = load_article(seed_path.read_bytes(), name=str(seed_path))
    assert by_path == by_str == by_bytes


def test_text_source() -> None:
    article = load_article(PLAIN)
    assert article.source == "<text>"
    assert article.format == "plain"
    assert article.body == PLAIN


def test_plain_is_used_exactly_as_given() -> None:
    text = "  Menu\nNorth Korea fired a missile.\n\nCopyright 2020.\n"
    article = load_article(text.encode(), format="plain")
    assert article.body == text
    assert article.format == "plain"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(PLAIN, "plain", id="clean-text"),
        pytest.param("<!DOCTYPE html><html><body><p>x</p></body></html>", "html", id="doctype"),
        pytest.param("<!-- saved --><html><p>x</p></html>", "html", id="comment-first"),
        pytest.param((PAGES / "kbs_stamps.txt").read_text(encoding="utf-8"), "page", id="page"),
        pytest.param("a < b and c > d in the text.\n", "plain", id="angle-brackets"),
    ],
)
def test_detect_format(text: str, expected: str) -> None:
    assert detect_format(text) == expected


@pytest.mark.parametrize("fmt", ["page", "html", "plain"])
def test_forced_format_is_recorded(fmt: str) -> None:
    text = (PAGES / "koreatimes_posted.txt").read_text(encoding="utf-8")
    if fmt == "html":
        text = (
            "<html><body>"
            + "".join(f"<p>{line}</p>" for line in text.split("\n"))
            + "</body></html>"
        )
    assert load_article(text, format=fmt).format == fmt


def test_unknown_format_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="format"):
        load_article(PLAIN, format="pdf")


def test_article_is_frozen() -> None:
    article = load_article(PLAIN)
    assert isinstance(article, Article)
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.title = "x"  # type: ignore[misc]


# ----------------------------------------------------------------------------- published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("2022-11-18T17:58:00+09:00", "2022-11-18T17:58:00+09:00", id="iso-offset"),
        pytest.param("2022-11-18T08:58:00Z", "2022-11-18T08:58:00+00:00", id="iso-z"),
        pytest.param("2022-11-18", "2022-11-18T00:00:00+09:00", id="iso-day"),
        pytest.param(date(2022, 11, 18), "2022-11-18T00:00:00+09:00", id="date"),
        pytest.param(datetime(2022, 11, 18, 17, 58), "2022-11-18T17:58:00+09:00", id="naive"),  # noqa: DTZ001
        pytest.param(
            datetime(2022, 11, 18, 3, 58, tzinfo=ZoneInfo("America/New_York")),
            "2022-11-18T03:58:00-05:00",
            id="aware",
        ),
    ],
)
def test_published_argument(value: object, expected: str) -> None:
    article = load_article(PLAIN, published=value)  # type: ignore[arg-type]
    assert article.published is not None
    assert article.published.isoformat() == expected
    assert not article.warnings


def test_published_argument_must_be_iso() -> None:
    with pytest.raises(ArticleError, match="ISO 8601"):
        load_article(PLAIN, published="last Friday")


def test_no_publication_date_warns() -> None:
    article = load_article(PLAIN)
    assert article.published is None
    assert article.published_day is None
    assert any("publication" in w for w in article.warnings)


def test_default_published_only_fills_a_gap(seed_path: Path, published: datetime) -> None:
    assert load_article(seed_path, default_published="2000-01-01").published == published
    plain = load_article(PLAIN, default_published="2000-01-01")
    assert plain.published == datetime(2000, 1, 1, tzinfo=SEOUL)
    assert plain.article_id == load_article(PLAIN).article_id


def test_tz_for_naive_values() -> None:
    article = load_article(PLAIN, published="2022-11-18T17:58", tz="Asia/Tokyo")
    assert article.published == datetime(2022, 11, 18, 17, 58, tzinfo=ZoneInfo("Asia/Tokyo"))


# ----------------------------------------------------------------------------- ids


def test_article_id_is_stable_and_depends_on_bytes_name_and_manifest() -> None:
    base = article_id_for(b"abc", "x/a.txt", {})
    assert base == article_id_for(b"abc", "y/a.txt", {})  # the file name counts, not the folder
    assert base != article_id_for(b"abd", "x/a.txt", {})
    assert base != article_id_for(b"abc", "x/b.txt", {})
    assert base != article_id_for(b"abc", "x/a.txt", {"published": "2022-11-18"})
    assert base == article_id_for(b"abc", "x/a.txt", {"published": None, "url": float("nan")})
    assert len(base) == 16


def test_same_input_same_id(seed_path: Path) -> None:
    assert load_article(seed_path).article_id == load_article(seed_path).article_id


# ----------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("source", "message"),
    [
        pytest.param(b"", "empty", id="empty-bytes"),
        pytest.param(b"   \n\n\t ", "no text", id="whitespace"),
        pytest.param(b"\x00\x01\x02\x03" * 50, "binary|control|NUL", id="binary"),
        pytest.param(Path("/no/such/file.txt"), "no such file", id="missing-path"),
    ],
)
def test_unreadable_sources(source: object, message: str) -> None:
    with pytest.raises(ArticleError, match=f"(?i){message}"):
        load_article(source)  # type: ignore[arg-type]


def test_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="directory"):
        load_article(tmp_path)


def test_size_limit(tmp_path: Path) -> None:
    assert MAX_BYTES == 5_000_000
    path = tmp_path / "big.txt"
    path.write_text("North Korea fired a missile. " * 100, encoding="utf-8")
    with pytest.raises(ArticleError, match="limit"):
        load_article(path, max_bytes=1000)
    with pytest.raises(ArticleError, match="limit"):
        load_article(path.read_bytes(), max_bytes=1000)
    assert load_article(path, max_bytes=10_000).body


def test_error_messages_are_one_line() -> None:
    for source in (b"", b"\x89PNG\r\n\x1a\n", bytes(range(0x80, 0x100)) * 4):
        with pytest.raises(ArticleError) as info:
            load_article(source)
        assert "\n" not in str(info.value)


# ----------------------------------------------------------------------------- dev corpus


@pytest.mark.shared
def test_dev_corpus_publication_days_without_manifest(shared: Path) -> None:
    """Every dev document reads, and its Korean (UTC+9) publication day matches gold."""
    dev = shared / "eval" / "dev"
    gold = {
        row["file"]: row["published"]
        for row in map(json.loads, (dev / "gold.jsonl").read_text(encoding="utf-8").splitlines())
        if row
    }
    docs = {p.name: p for p in (dev / "docs").iterdir() if p.is_file()}
    seed = shared / "seed"
    for name in gold:
        if name not in docs and (seed / name).exists():
            docs[name] = seed / name
    wrong = {}
    for name, path in sorted(docs.items()):
        article = load_article(path)
        assert article.published is not None, name
        day = article.published.astimezone(SEOUL).date().isoformat()
        if day != gold[name]:
            wrong[name] = (day, gold[name])
    assert len(docs) >= 24
    assert wrong == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("\x00", "NUL", id="nul-string"),
        pytest.param("North Korea\x00fired", "NUL", id="nul-inside"),
        pytest.param("a\udc80b", "not valid Unicode", id="lone-surrogate"),
    ],
)
def test_strings_that_are_not_paths_or_text(text: str, message: str) -> None:
    with pytest.raises(ArticleError, match=message):
        load_article(text)


@pytest.mark.parametrize("name", ["/no/such/dir/page.txt", "missing.html", "docs/x"])
def test_missing_path_string_is_not_read_as_text(name: str) -> None:
    with pytest.raises(ArticleError, match="no such file"):
        load_article(name)


@pytest.mark.parametrize("text", ["North", "Nov. 3/4 talks", "It ended."])
def test_short_text_string_is_text(text: str) -> None:
    assert load_article(text).body == text
