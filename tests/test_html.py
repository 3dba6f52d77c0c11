"""HTML pages (herald_timeline.htmlpage): main text, metadata from meta/JSON-LD/<time>."""

from __future__ import annotations

import json
import socket
from datetime import datetime
from pathlib import Path

import pytest

from herald_timeline.article import load_article
from herald_timeline.errors import ArticleError
from herald_timeline.htmlpage import MAX_ELEMENTS

PARAGRAPHS = [
    "SEOUL, May 4 -- North Korea fired two short-range ballistic missiles into the sea on "
    "Thursday morning, South Korea's military said.",
    "The missiles were launched from an area near the capital and flew about 300 kilometers, "
    "the Joint Chiefs of Staff said in a statement.",
    "Officials in Seoul and Washington said they were analyzing the launch and would hold "
    "talks with Tokyo later in the week.",
]
CAPTION = "A file photo shows a missile launch at an undisclosed location."


def page(
    *,
    meta: str = "",
    ld: object | None = None,
    head_extra: str = "",
    byline: str = "<p class='byline'>By Kim Min-ji</p>",
    time_tag: str = "",
) -> str:
    ld_block = (
        f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld is not None else ""
    )
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>Tab title | Outlet</title>{meta}{ld_block}{head_extra}</head><body>"
        "<header><nav><a href='/'>Home</a><a href='/nk'>North Korea</a></nav></header>"
        f"<article><h1>N. Korea fires two missiles</h1>{byline}{time_tag}"
        f"<figure><img src='x.jpg'><figcaption>{CAPTION}</figcaption></figure>"
        f"{paras}</article>"
        "<aside><h2>Most viewed</h2><ul><li>Celebrity news item one</li></ul></aside>"
        "<footer>Copyright 2023 Outlet. All rights reserved.</footer>"
        "<script>var tracking = 'do not keep';</script></body></html>"
    )


META = (
    '<meta property="og:title" content="N. Korea fires two missiles into the sea">'
    '<meta property="og:site_name" content="The Example Times">'
    '<meta property="og:url" content="https://example.com/nk/2023/05/04/missiles">'
    '<meta property="article:published_time" content="2023-05-04T09:30:00+09:00">'
    '<meta property="article:modified_time" content="2023-05-04T11:00:00+09:00">'
    '<meta property="article:section" content="North Korea">'
    '<meta name="author" content="Kim Min-ji">'
)
LD = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "LD headline",
    "datePublished": "2023-05-04T00:30:00Z",
    "dateModified": "2023-05-04T03:00:00Z",
    "author": [{"@type": "Person", "name": "Park Ji-won"}, {"name": "Lee Su-min"}],
    "publisher": {"@type": "Organization", "name": "LD Publisher"},
    "articleSection": ["Politics", "Defense"],
}


def test_meta_tags() -> None:
    article = load_article(page(meta=META))
    assert article.format == "html"
    assert article.title == "N. Korea fires two missiles into the sea"
    assert article.outlet == "The Example Times"
    assert article.url == "https://example.com/nk/2023/05/04/missiles"
    assert article.published == datetime.fromisoformat("2023-05-04T09:30:00+09:00")
    assert article.updated == datetime.fromisoformat("2023-05-04T11:00:00+09:00")
    assert article.section == "North Korea"
    assert article.authors == ("Kim Min-ji",)


def test_json_ld_when_no_meta_tags() -> None:
    article = load_article(page(ld={"@graph": [{"@type": "WebPage"}, LD]}))
    assert article.title == "LD headline"
    assert article.authors == ("Park Ji-won", "Lee Su-min")
    assert article.outlet == "LD Publisher"
    assert article.section == "Politics"
    assert article.published == datetime.fromisoformat("2023-05-04T09:30:00+09:00")
    assert article.updated == datetime.fromisoformat("2023-05-04T12:00:00+09:00")


def test_time_tag_and_h1_as_last_resort() -> None:
    article = load_article(page(time_tag='<time datetime="2023-05-04T09:30:00+09:00">May 4</time>'))
    assert article.title == "N. Korea fires two missiles"
    assert article.published == datetime.fromisoformat("2023-05-04T09:30:00+09:00")


def test_broken_json_ld_is_ignored() -> None:
    article = load_article(
        page(meta=META, head_extra='<script type="application/ld+json">{not json</script>')
    )
    assert article.title == "N. Korea fires two missiles into the sea"


def test_body_keeps_paragraphs_and_caption_once_and_drops_chrome() -> None:
    body = load_article(page(meta=META)).body
    for paragraph in PARAGRAPHS:
        assert paragraph in body
    assert body.count(CAPTION) == 1
    for chrome in ("Home", "Most viewed", "Celebrity", "Copyright", "tracking", "By Kim"):
        assert chrome not in body, chrome


def test_html_with_undeclared_legacy_encoding() -> None:
    html = page(meta=META).replace("<meta charset='utf-8'>", "<meta charset='euc-kr'>")
    html = html.replace("Thursday morning", "Thursday morning (목요일 오전)")
    article = load_article(html.encode("euc-kr"))
    assert "Thursday morning (목요일 오전)" in article.body
    assert article.encoding == "cp949"


@pytest.mark.parametrize(
    "entity",
    [
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/secret">]>',
    ],
)
def test_external_entities_are_never_resolved(entity: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    html = (
        page(meta=META)
        .replace("<!DOCTYPE html>", entity)
        .replace(PARAGRAPHS[1], PARAGRAPHS[1] + " &xxe;")
    )
    try:
        article = load_article(html)
    except ArticleError:
        return
    assert "root:" not in article.body
    assert "secret" not in article.body


def test_too_many_elements_is_a_clear_error() -> None:
    html = "<html><body>" + "<p>a</p>" * (MAX_ELEMENTS + 1) + "</body></html>"
    with pytest.raises(ArticleError, match="element limit"):
        load_article(html)


def test_html_without_text_is_an_error() -> None:
    with pytest.raises(ArticleError, match="no article text"):
        load_article("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")


def test_dev_html_pages_have_metadata(shared: Path) -> None:
    for path in sorted((shared / "eval" / "dev" / "docs").glob("*.html")):
        article = load_article(path)
        assert article.format == "html"
        assert article.title and article.published and article.authors, path.name
        assert article.published.utcoffset() is not None


def test_short_story_under_trafilaturas_minimum() -> None:
    html = (
        "<html><body><nav><p>Home page link text</p></nav><h1>Missile launch</h1>"
        "<p>North Korea fired a missile on Friday, officials said.</p>"
        "<footer><p>Copyright 2023 Outlet.</p></footer></body></html>"
    )
    assert load_article(html).body == "North Korea fired a missile on Friday, officials said."
