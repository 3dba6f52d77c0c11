"""Saved HTML pages: main text by trafilatura, metadata from meta tags, JSON-LD and <time>.

trafilatura finds the article text far more reliably than hand-written scraping, but it
drops photo captions and only keeps the publication *day*; both matter here (a caption can
be the only mention of an event; Korean and US calendar days differ), so captions and
stamps with their time and offset are read from the tree ourselves.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime, tzinfo
from functools import lru_cache
from typing import Any

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Extractor

from herald_timeline.bylines import read_byline, split_authors
from herald_timeline.page import PageParts, is_chrome, is_end, is_prose
from herald_timeline.stamps import parse_iso

#: pages with more elements are refused: trafilatura's time grows faster than linearly with
#: the tree (20,000 paragraphs take seconds), and a news page has a few thousand at most.
MAX_ELEMENTS = 20_000
_CHROME_TAGS = {"nav", "aside", "footer", "header", "script", "style", "noscript", "form"}
_WS = re.compile(r"\s+")


def _clean(text: str | None) -> str:
    return _WS.sub(" ", text or "").strip()


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    for node in tree.iter("script"):
        if (node.get("type") or "").lower() != "application/ld+json":
            continue
        try:
            data = json.loads(node.text or "")
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                if "@graph" in item and isinstance(item["@graph"], list):
                    stack.extend(item["@graph"])
                yield item


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return list(split_authors(value))
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _meta(tree: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        content = node.get("content")
        if key and content and key not in found:
            found[key] = content.strip()
    return found


def _captions(tree: Any) -> list[str]:
    captions = []
    for node in tree.iter("figcaption"):
        if any(parent.tag in _CHROME_TAGS for parent in node.iterancestors()):
            continue
        text = _clean(node.text_content())
        if text and text not in captions:
            captions.append(text)
    return captions


def _paragraphs(tree: Any) -> list[str]:
    """Text of the <p> elements outside navigation, asides, footers and scripts."""
    found = []
    for node in tree.iter("p"):
        if any(parent.tag in _CHROME_TAGS for parent in node.iterancestors()):
            continue
        text = _clean(node.text_content())
        if text:
            found.append(text)
    return found


def _moment(value: str | None, tz: tzinfo) -> datetime | None:
    return parse_iso(value, tz) if value else None


#: below this many characters the fast extraction is checked against trafilatura's
#: fallbacks (readability, jusText), which cost as much again
_FAST_ENOUGH = 600


def _main_text(text: str, *, fast: bool) -> str:
    return trafilatura.extract(text, options=_extractor(fast)) or ""


@lru_cache(maxsize=2)
def _extractor(fast: bool) -> Extractor:
    # Built once: trafilatura reads its settings through configparser on every call
    # otherwise (~10 lookups). It copies the options before it changes any.
    return Extractor(
        fast=fast,
        comments=False,
        tables=False,
        images=False,
        dedup=False,
        with_metadata=False,
    )


def read_html(text: str, *, tz: tzinfo) -> PageParts:
    """Read an HTML page into metadata and body text (paragraphs joined with ``\\n``)."""
    try:
        tree = lxml.html.document_fromstring(text.encode("utf-8"), parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        return PageParts(body="", notes=(f"HTML does not parse: {exc}",))
    elements = sum(1 for _ in tree.iter())
    if elements > MAX_ELEMENTS:
        note = f"HTML has {elements:,} elements, over the {MAX_ELEMENTS:,}-element limit"
        return PageParts(body="", notes=(note,))
    meta = _meta(tree)
    ld: dict[str, Any] = {}
    for item in _json_ld(tree):
        kind = item.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(str(k).endswith(("Article", "BlogPosting", "Report")) for k in kinds):
            ld = item
            break

    published = _moment(meta.get("article:published_time") or ld.get("datePublished"), tz)
    updated = _moment(meta.get("article:modified_time") or ld.get("dateModified"), tz)
    if published is None:
        times = [t.get("datetime") for t in tree.iter("time") if t.get("datetime")]
        published = _moment(times[0], tz) if times else None
        if updated is None and len(times) > 1:
            updated = _moment(times[1], tz)

    authors = _names(ld.get("author")) or _names(meta.get("author") or meta.get("article:author"))
    h1 = next((_clean(h.text_content()) for h in tree.iter("h1")), None)
    title_tag = next((_clean(t.text_content()) for t in tree.iter("title")), None)
    title = meta.get("og:title") or ld.get("headline") or h1 or title_tag
    publisher = ld.get("publisher")
    outlet = meta.get("og:site_name") or (
        publisher.get("name") if isinstance(publisher, dict) else None
    )
    section = meta.get("article:section") or ld.get("articleSection")
    if isinstance(section, list):
        section = section[0] if section else None
    canonical = next(
        (link.get("href") for link in tree.iter("link") if link.get("rel") == "canonical"), None
    )
    url = meta.get("og:url") or canonical

    body = _main_text(text, fast=True)
    if len(body) < _FAST_ENOUGH:  # a layout the fast path misreads: let trafilatura compare
        body = _main_text(text, fast=False) or body
    if not body.strip():  # trafilatura keeps nothing under ~250 characters: a short story
        body = "\n".join(_paragraphs(tree))
    email = None
    kept: list[str] = []
    for line in (line.strip() for line in body.split("\n")):
        if not line or is_chrome(line):
            continue
        if kept and is_end(line):
            break
        byline = read_byline(line)
        if byline is not None:
            authors = authors or list(byline[0])
            email = email or byline[1]
            continue
        if not kept and not is_prose(line):  # headline, kicker, breadcrumb, stamp line
            continue
        kept.append(line)
    captions = [c for c in _captions(tree) if c not in kept]
    return PageParts(
        body="\n".join(captions + kept),
        title=title,
        authors=tuple(dict.fromkeys(authors)),
        email=email,
        published=published,
        updated=updated or published,
        section=str(section) if section else None,
        outlet=outlet,
        url=url,
    )


# The text is already decoded (declared charsets were honoured then), so the parser must not
# re-read a <meta charset>. No network, no external entities: a page never makes us fetch.
_PARSER = lxml.html.HTMLParser(
    encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True
)
