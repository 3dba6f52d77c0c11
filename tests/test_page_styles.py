"""Byline layouts beyond the bundled samples: byline and stamp on one line, outlet suffixes."""

from __future__ import annotations

import pytest

import herald_timeline as ht

PAGES = {
    "byline-pipe-stamp": (
        "Example Wire\nLogin\nAnalysis\nNorth Korea launches solid-fuel ICBM in a third test\n"
        "By Dana Kim | April 13, 2023, 09:12 KST\n"
        "North Korea launched a long-range ballistic missile on Thursday morning, officials said.\n"
        "The missile flew about 1,000 km before falling into the sea, the military said.\n"
        "Related articles\nNorth Korea fires two SRBMs\n",
        ("Dana Kim",),
        "2023-04-13T09:12:00+09:00",
    ),
    "outlet-after-names": (
        "Example TV\nWorld\nNorth Korea fires missile over Japan for first time in years\n"
        "By Jane Roe and John Doe, ETV\nUpdated 10:24 PM EDT, Mon October 3, 2022\n"
        "North Korea fired a ballistic missile over Japan on Tuesday, officials in Tokyo said.\n"
        "It was the fifth launch in 10 days, according to the military in Seoul.\n",
        ("Jane Roe", "John Doe"),
        "2022-10-03T22:24:00-04:00",
    ),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_byline_and_stamp(name: str) -> None:
    text, authors, published = PAGES[name]
    article = ht.load_article(text)
    assert article.format == "page"
    assert article.authors == authors
    assert article.published is not None
    assert article.published.isoformat() == published
    assert "Related" not in article.body and "Login" not in article.body
