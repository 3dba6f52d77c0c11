"""Scraped page text (herald_timeline.page): chrome stripped, metadata per outlet style.

The pages under tests/data/pages are short invented pages in the style of each outlet.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from herald_timeline.article import load_article
from herald_timeline.bylines import read_byline
from herald_timeline.page import is_chrome, is_end, read_page
from herald_timeline.stamps import zone

PAGES = Path(__file__).parent / "data" / "pages"


@pytest.mark.parametrize(
    "line",
    [
        "Back To Top",
        " date 2022-11-18  Back To Top".strip(),
        "Go to Contents Go to Navigation",
        "Skip to main content",
        "Click to copy",
        "Cookie Policy: this site uses cookies to improve your experience.",
        "Accept",
        "4 MIN READ",
        "(ATTN: ADDS comments in para 3)",
        "[Anchor Lead]",
        "[Pkg]",
        "가",
        "Subscribe",
        "UPDATED 2 HOURS AGO",
        "Advertisement",
        "KBS NEWS > News Today",
        "Share:",
        "Photos",
        "English Edition : North Korea",
    ],
)
def test_chrome_lines(line: str) -> None:
    assert is_chrome(line)


@pytest.mark.parametrize(
    "line",
    [
        "MOST POPULAR",
        "Most Read",
        "LATEST NEWS",
        "Related Articles",
        "MORE STORIES",
        "Keywords",
        "(END)",
        "Copyright Herald Corporation. All Rights Reserved.",
        "© 2021 Reuters. All Rights Reserved.",
        "ⓒ Yonhap News Agency",
        "All quotes delayed a minimum of 15 minutes. All times GMT.",
        "Reporting by Alice Brown; Editing by Tom Gray",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "많이 본 뉴스",
        "Trending now",
    ],
)
def test_end_of_article_lines(line: str) -> None:
    assert is_end(line)


@pytest.mark.parametrize(
    "line",
    [
        "North Korea fired a missile on Friday, the military said.",
        "SEOUL, March 3 (Yonhap) -- North Korea fired a ballistic missile.",
        "The copyright of the photo belongs to the ministry, officials said.",
        "Most analysts said the launch was expected.",
        "Related talks will resume in Seoul next week, the ministry said.",
        "Search and rescue teams were sent to the area on Sunday.",
        "Home Minister Lee said the drill would go ahead.",
        "“We will respond,” the minister said.",
        "North Korea",
        "Defense Minister Lee Jong-sup",
    ],
)
def test_body_lines_are_not_chrome(line: str) -> None:
    assert not is_chrome(line)
    assert not is_end(line)


@pytest.mark.parametrize(
    ("line", "authors", "email"),
    [
        ("By Ji Da-gyum", ("Ji Da-gyum",), None),
        ("By Ji Da-gyum (dagyumji@heraldcorp.com)", ("Ji Da-gyum",), "dagyumji@heraldcorp.com"),
        (
            "BY CHAE YOO-JIN [chae.yoojin@joongang.co.kr]",
            ("Chae Yoo-jin",),
            "chae.yoojin@joongang.co.kr",
        ),
        ("By SAM O. PARKER and HANA KIM", ("Sam O. Parker", "Hana Kim"), None),
        ("Reporter : Kim Min-ji", ("Kim Min-ji",), None),
        ("Lee Hye-jin lhj@koreatimes.co.kr", ("Lee Hye-jin",), "lhj@koreatimes.co.kr"),
        ("hwkim@yna.co.kr", (), "hwkim@yna.co.kr"),
    ],
)
def test_bylines(line: str, authors: tuple[str, ...], email: str | None) -> None:
    found = read_byline(line)
    assert found is not None
    assert found[0] == authors
    assert found[1] == email


@pytest.mark.parametrize(
    "line",
    [
        "By the end of the year, the two sides will meet again.",
        "Byungjin line was adopted in 2013.",
        "North Korea fired two missiles.",
    ],
)
def test_not_bylines(line: str) -> None:
    assert read_byline(line) is None


# file, outlet, title, authors, email, published, updated, zone of naive stamps
OUTLETS = [
    pytest.param(
        "yonhap_lead.txt",
        "Yonhap News Agency",
        "N. Korea fires short-range missile into East Sea, JCS says",
        (),
        "hwkim@yna.co.kr",
        "2021-03-03T11:20:00+09:00",
        "2021-03-03T11:20:00+09:00",
        id="yonhap",
    ),
    pytest.param(
        "reuters_dateline.txt",
        "Reuters",
        "North Korea test-fires missile as allies prepare drills",
        ("Alice Brown", "Min-su Lee"),
        None,
        "2021-03-02T22:55:00+00:00",
        "2021-03-02T22:55:00+00:00",
        id="reuters",
    ),
    pytest.param(
        "ap_byline.txt",
        "The Associated Press",
        "North Korea fires missile toward sea as US envoy visits Tokyo",
        ("Sam O. Parker", "Hana Kim"),
        None,
        "2021-03-02T20:05:00-05:00",
        "2021-03-02T20:05:00-05:00",
        id="ap",
    ),
    pytest.param(
        "kbs_stamps.txt",
        "KBS News",
        "NORTH KOREA TESTS NEW CRUISE MISSILE OVER WEEKEND",
        (),
        None,
        "2022-10-06T15:03:00+09:00",
        "2022-10-06T17:41:00+09:00",
        id="kbs",
    ),
    pytest.param(
        "koreatimes_posted.txt",
        "The Korea Times",
        "Allies hold talks on extended deterrence in Washington",
        ("Lee Hye-jin",),
        "lhj@koreatimes.co.kr",
        "2019-03-05T09:12:00+09:00",
        "2019-03-06T14:30:00+09:00",
        id="koreatimes",
    ),
    pytest.param(
        "crawl_date.txt",
        "NHK WORLD-JAPAN",
        "Japan and South Korea hold first security dialogue in five years",
        (),
        None,
        "2023-03-17T20:05:00+09:00",
        "2023-03-17T20:05:00+09:00",
        id="nhk-crawl-date",
    ),
]


@pytest.mark.parametrize(
    ("name", "outlet", "title", "authors", "email", "published", "updated"), OUTLETS
)
def test_metadata_per_outlet_style(
    name: str,
    outlet: str,
    title: str,
    authors: tuple[str, ...],
    email: str | None,
    published: str,
    updated: str,
) -> None:
    article = load_article(PAGES / name)
    assert article.format == "page"
    assert article.outlet == outlet
    assert article.title == title
    assert article.authors == authors
    assert article.email == email
    assert article.published == datetime.fromisoformat(published)
    assert article.published is not None and article.published.utcoffset() is not None
    assert article.published.isoformat() == published  # the page's own offset is kept
    assert article.updated == datetime.fromisoformat(updated)


# file, lines that must be in the body, snippets that must not be anywhere in it
BODIES = [
    pytest.param(
        "yonhap_lead.txt",
        ["SEOUL, March 3 (Yonhap) -- North Korea fired", "analyzing the exact type"],
        [
            "(LEAD)",
            "(END)",
            "ATTN",
            "MOST POPULAR",
            "Keywords",
            "Go to Contents",
            "Copyright",
            "exports rise",
            "hwkim@",
            "All News",
        ],
        id="yonhap",
    ),
    pytest.param(
        "reuters_dateline.txt",
        ["SEOUL (Reuters) - North Korea fired", "two officials familiar"],
        ["MIN READ", "Reporting by", "Our Standards", "Oil prices", "quotes delayed", "UPDATED"],
        id="reuters",
    ),
    pytest.param(
        "ap_byline.txt",
        ["TOKYO (AP) — North Korea fired", "without preconditions."],
        ["By SAM", "Published", "MOST READ", "Storms", "Click to copy", "RELATED TOPICS"],
        id="ap",
    ),
    pytest.param(
        "kbs_stamps.txt",
        ["North Korea said it test-fired", "closely monitoring further activity."],
        ["입력", "수정", "[Anchor Lead]", "[Pkg]", "읽어주기", "KBS NEWS >", "ⓒ", "\n가\n"],
        id="kbs",
    ),
    pytest.param(
        "koreatimes_posted.txt",
        ["Senior defense officials of South Korea", "before the end of the year."],
        ["Posted", "By Lee", "Most Read", "Fine dust", "Back To Top", "lhj@"],
        id="koreatimes",
    ),
    pytest.param(
        "crawl_date.txt",
        ["Senior diplomats and defense officials", "met in Tokyo."],
        ["2023-04-20", "Skip to", "Cookie", "Accept", "JST"],
        id="nhk",
    ),
]


@pytest.mark.parametrize(("name", "kept", "dropped"), BODIES)
def test_body_keeps_paragraphs_and_drops_chrome(
    name: str, kept: list[str], dropped: list[str]
) -> None:
    body = load_article(PAGES / name).body
    for snippet in kept:
        assert snippet in body
    for snippet in dropped:
        assert snippet not in body, snippet


@pytest.mark.parametrize("name", [p.values[0] for p in BODIES])
def test_every_paragraph_kept_once_in_order(name: str) -> None:
    """Every prose paragraph between the stamp and the end marker, once, in page order."""
    text = (PAGES / name).read_text(encoding="utf-8")
    body = load_article(PAGES / name).body.split("\n")
    paragraphs = [line for line in text.split("\n") if len(line.split()) > 12 and not is_end(line)]
    assert [p for p in body if p in paragraphs] == list(dict.fromkeys(paragraphs))


def test_repeated_caption_kept_once() -> None:
    body = load_article(PAGES / "yonhap_lead.txt").body
    assert body.count("A TV screen at a Seoul railway station") == 1


def test_crawl_date_is_not_the_publication_date() -> None:
    article = load_article(PAGES / "crawl_date.txt")
    assert article.published is not None
    assert article.published.date().isoformat() == "2023-03-17"


def test_page_without_stamp_keeps_body_and_warns() -> None:
    text = (
        "Home\nNews\nWorld\n\nA headline without any stamp at all\n\n"
        + ("North Korea fired a missile into the sea on Friday, officials said.\n") * 2
        + "Copyright 2020 Some Outlet.\n"
    )
    article = load_article(text, format="page")
    assert article.published is None
    assert article.warnings
    assert article.body.startswith("North Korea fired")
    assert "Copyright" not in article.body
    assert article.body.count("North Korea fired") == 1  # a repeated line is a repeated caption


TRAILING_STAMPS = [
    ("Published March 24, 2023", "2023-03-24"),
    ("First published: March 24, 2023", "2023-03-24"),
    ("March 24, 2023", None),  # unlabelled under the story: a date, not the page's stamp
    ("2023-03-24 20:11:05 JST", "2023-03-24"),  # a clock time and a zone: a stamp
    ("date 2023-03-24", None),  # a crawl line
    ("March 24, 2023 4:21 AM", "2023-03-24"),  # a clock time: the page's own (Reuters)
    ("Reporting by Kim Han-sol; Editing by Lee Min\nMarch 24, 2023 4:21 AM", "2023-03-24"),
]


@pytest.mark.parametrize(
    ("line", "day"),
    TRAILING_STAMPS,
    ids=["published", "first", "bare", "zoned", "crawl", "clock", "after-the-credits"],
)
def test_a_labelled_stamp_under_the_story_dates_the_page(line: str, day: str | None) -> None:
    text = (
        "A headline about a launch\n\n"
        "North Korea fired several cruise missiles into the Yellow Sea on Wednesday.\n\n"
        "The launch came two days after the allies began their annual exercise.\n\n"
        f"{line}\nBy Kim Han-sol\n"
    )
    article = load_article(text, format="page")
    found = article.published.date().isoformat() if article.published else None
    assert found == day


def test_read_page_without_prose_is_empty_with_a_note() -> None:
    parts = read_page("Home\nNews\nWorld\nSports\n", tz=zone("Asia/Seoul"))
    assert parts.body == ""
    assert parts.notes


def test_manifest_published_overrides_the_page() -> None:
    article = load_article(
        PAGES / "crawl_date.txt", overrides={"published": "2023-03-18T01:00:00+09:00"}
    )
    assert article.published == datetime.fromisoformat("2023-03-18T01:00:00+09:00")


@pytest.mark.parametrize(
    ("name", "tz"),
    [
        ("ap_byline.txt", "America/New_York"),
        ("kbs_stamps.txt", "Asia/Seoul"),
        ("crawl_date.txt", "Asia/Tokyo"),
    ],
)
def test_profile_zone(name: str, tz: str) -> None:
    assert load_article(PAGES / name).tz == tz


def test_korean_day_of_a_us_evening_stamp() -> None:
    """8:05 PM EST on March 2 is March 3 in Seoul: relative dates resolve against that day."""
    article = load_article(PAGES / "ap_byline.txt")
    assert article.published_day is not None
    assert article.published_day.isoformat() == "2021-03-03"


@given(
    st.lists(
        st.sampled_from(["cookie", "Cookies", "COOKIE", "cookiejar", "ſ", "s", "K", " ", ".", "x"]),
        max_size=8,
    ).map("".join)
)
def test_chrome_words_fast_check_agrees_with_any_case_regex(line: str) -> None:
    from herald_timeline.page import _chrome_words, _has_chrome_word

    assert _has_chrome_word(line) == (_chrome_words()[1].search(line) is not None)


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("This site uses cookies to improve your experience, as many do these days.", True),
        ("Cookie settings", True),
        ("The cookiejar library was updated on Friday, officials said in a statement.", False),
    ],
    ids=["cookies-in-long-line", "settings", "not-a-whole-word"],
)
def test_chrome_words(line: str, chrome: bool) -> None:
    assert is_chrome(line) is chrome


@pytest.mark.parametrize(
    ("line", "count"),
    [("By Ji Da-gyum", 3), (" ".join(["word"] * 31), 31), (" ".join(["word"] * 90), 32)],
    ids=["short", "at-cap", "paragraph"],
)
def test_words_are_counted_up_to_32(line: str, count: int) -> None:
    from herald_timeline.page import _words

    assert _words(line) == count


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("Yoon, Kishida agree to normalize GSOMIA as N. Korea fires ICBM", False),
        ("Allies hold talks after U.S. Army drill", False),
        ("Kim Jong Un watches the launch at an undisclosed site on Thursday. Yonhap", True),
    ],
    ids=["initial-before-name", "abbreviation-before-name", "caption-with-credit"],
)
def test_headline_with_an_initial_is_no_credited_caption(line: str, prose: bool) -> None:
    from herald_timeline.page import is_prose

    assert is_prose(line) is prose
