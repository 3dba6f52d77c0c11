"""Reading one document into an :class:`Article`: decode, pick the format, strip chrome.

``load_article`` takes a path, ``str`` or ``bytes``. Scraped page text (``page``), saved
HTML (``html``) and clean text (``plain``, used exactly as given) are told apart per
document when ``format="auto"``. Nothing here reads the clock: the publication time comes
from the page, the manifest or the caller.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from pathlib import Path
from typing import Any, Final

from herald_timeline import records
from herald_timeline.encoding import decode
from herald_timeline.errors import ArticleError
from herald_timeline.htmlpage import read_html
from herald_timeline.outlets import Profile as Profile  # re-exported: it was defined here
from herald_timeline.outlets import detect_outlet as detect_outlet
from herald_timeline.outlets import outlet_of_lines, profile_by_name
from herald_timeline.page import PageParts, read_page_lines
from herald_timeline.stamps import parse_iso, zone
from herald_timeline.text import count_words, normalise, stripped_lines

DEFAULT_TZ: Final = "Asia/Seoul"
#: documents above this size are refused (a news page is rarely over 1 MB)
MAX_BYTES: Final = 5_000_000
#: article text above this length is refused: a long news story is 30,000 characters, and
#: parsing time grows with the text (about a second per 100,000 characters of hostile text)
MAX_CHARS: Final = 100_000
FORMATS: Final[tuple[str, ...]] = ("auto", "page", "html", "plain")
MANIFEST_FIELDS: Final[tuple[str, ...]] = (
    "published",
    "updated",
    "url",
    "outlet",
    "title",
    "author",
    "section",
)

Source = str | os.PathLike[str] | bytes


@dataclass(frozen=True, slots=True)
class Article:
    """One read document. ``body`` is the text every offset in the output points into."""

    article_id: str
    source: str
    body: str
    format: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    email: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    section: str | None = None
    url: str | None = None
    tz: str = DEFAULT_TZ
    day_tz: str = DEFAULT_TZ
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = field(default=())

    @property
    def n_words(self) -> int:
        return count_words(self.body)

    @property
    def published_day(self) -> date | None:
        """The calendar day of publication in ``day_tz`` (relative dates resolve against it).

        Korean news is dated by Korean days: a wire story stamped 3:41 PM EST on Nov 28 was
        published on Nov 29 in Seoul, and its "Wednesday" is Seoul's Wednesday.
        """
        if self.published is None:
            return None
        return self.published.astimezone(zone(self.day_tz)).date()

    def as_row(self) -> dict[str, Any]:
        """The article's row of ``articles.csv`` (see :mod:`herald_timeline.schema`)."""
        return {
            "article_id": self.article_id,
            "source": self.source,
            "outlet": self.outlet,
            "title": self.title,
            "author": ";".join(self.authors) or None,
            "published": self.published,
            "updated": self.updated,
            "section": self.section,
            "n_words": self.n_words,
            "status": "ok",
            "error": None,
            "url": self.url,
            "email": self.email,
            "tz": _offset_or_zone(self.published, self.tz),
            "format": self.format,
            "n_chars": len(self.body),
            "encoding": self.encoding,
            "warning": "; ".join(self.warnings) or None,
        }


def _offset_or_zone(moment: datetime | None, tz: str) -> str:
    """The zone to write ``published`` in: the offset the page stated, else the outlet's."""
    if moment is not None and moment.utcoffset() is not None:
        offset = moment.utcoffset()
        assert offset is not None
        minutes = int(offset.total_seconds() // 60)
        sign = "-" if minutes < 0 else "+"
        return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return tz


_HTML_START: Final = re.compile(
    r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


def looks_like_html(text: str) -> bool:
    # the first 4 KB, bounded in the calls rather than copied; "</" first: lower-casing
    # 4 KB of non-ASCII text costs more than all the rest.
    return bool(_HTML_START.match(text, 0, 4096)) or (
        text.find("</", 0, 4096) >= 0 and "<body" in text[:4096].lower()
    )


def detect_format(text: str, *, tz: str = DEFAULT_TZ) -> str:
    """``html``, ``page`` (scraped text with chrome) or ``plain`` (clean text)."""
    return read_parts(text, "auto", zone(tz))[0]


def read_parts(
    text: str, format: str, tz: tzinfo, lines: list[str] | None = None
) -> tuple[str, PageParts]:
    """The format decided (for ``auto``) and what its reader found in ``text`` (whose
    stripped ``lines`` may be given when they are at hand)."""
    if format == "html" or (format == "auto" and looks_like_html(text)):
        return "html", read_html(text, tz=tz)
    if format == "plain":
        return "plain", PageParts(body=text)
    parts = read_page_lines(stripped_lines(text) if lines is None else lines, tz=tz)
    # Clean text (nothing to strip) is used exactly as given, so offsets index the input.
    if not parts.body or (format == "auto" and not parts.dropped):
        return "plain", PageParts(body=text)
    return "page", parts


def article_id_for(data: bytes, source: str, overrides: Mapping[str, Any]) -> str:
    """Stable id: the same bytes, source name and manifest values give the same id."""
    digest = hashlib.sha1(data)
    digest.update(b"\0" + os.path.basename(source).encode("utf-8"))
    for key in sorted(overrides):
        value = overrides[key]
        if value is not None and value == value:  # skip NaN
            digest.update(f"\0{key}={value}".encode())
    return digest.hexdigest()[:16]


def _as_moment(value: Any, tz: tzinfo) -> datetime | None:
    if value is None or value != value or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    if isinstance(value, date):
        return datetime.combine(value, time(), tzinfo=tz)
    moment = parse_iso(str(value), tz)
    if moment is None:
        raise ArticleError(f"published/updated value is not ISO 8601: {value!r}")
    return moment


# A one-word string with a folder separator or a document suffix names a file that is
# missing (deleted after listing, mistyped); it is not a document to parse.
_PATH_LIKE: Final = re.compile(
    r"[^\s<>\"|?*]*[/\\][^\s<>\"|?*]*|[^\s<>\"|?*]+\.(?:txt|html?|xhtml|xml|csv|json|md)",
    re.IGNORECASE,
)


def _text_bytes(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:  # lone surrogates: not text any codec can carry
        raise ArticleError(f"text is not valid Unicode: {exc.reason} at {exc.start}") from None


def _read_source(source: Source, max_bytes: int) -> tuple[bytes, str]:
    if isinstance(source, bytes):
        return source, "<bytes>"
    if isinstance(source, str) and ("\n" in source or "\0" in source or len(source) > 4096):
        return _text_bytes(source), "<text>"
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleError(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
        return path.read_bytes(), os.fspath(source)
    except FileNotFoundError:
        if isinstance(source, str) and not _PATH_LIKE.fullmatch(source):  # a short text
            return _text_bytes(source), "<text>"
        raise ArticleError(f"no such file: {source}") from None
    except IsADirectoryError:
        raise ArticleError(f"is a directory: {source}") from None
    except OSError as exc:
        raise ArticleError(f"cannot read {source}: {exc.strerror or exc}") from None


def load_article(
    source: Source,
    *,
    format: str = "auto",
    published: datetime | date | str | None = None,
    tz: str | None = None,
    name: str | None = None,
    default_published: datetime | date | str | None = None,
    day_tz: str = DEFAULT_TZ,
    overrides: Mapping[str, Any] | None = None,
    max_bytes: int = MAX_BYTES,
    max_chars: int = MAX_CHARS,
) -> Article:
    """Read a document (path, text or bytes) into an :class:`Article`.

    Parameters
    ----------
    format : ``auto`` (decide per document), ``page``, ``html`` or ``plain``.
    published : the publication time when the page does not say (or says wrong); overrides
        what was read, like a manifest value. A naive value is taken in ``tz``.
    default_published : the publication time for a document that states none (neither
        page nor manifest); unlike ``published`` it does not enter the article id.
    tz : the zone of naive stamps; default: the outlet's profile, else Asia/Seoul.
    day_tz : the zone whose calendar days relative dates resolve in (default Asia/Seoul).
    name : the source name recorded (default: the path as given).
    overrides : manifest values (``published``, ``updated``, ``url``, ``outlet``, ``title``,
        ``author``, ``section``) that replace what was read.
    max_bytes : larger documents are refused before they are read (default 5 MB).
    max_chars : longer article text (after chrome is stripped) is refused (default 100,000).

    Raises
    ------
    ArticleError : the document cannot be read (empty, binary, too large, undecodable, no
        text); the message says why in one line.
    """
    if format not in FORMATS:
        raise ValueError(f"format must be one of {FORMATS}, not {format!r}")
    data, source_name = _read_source(source, max_bytes)
    if len(data) > max_bytes:
        raise ArticleError(f"document is {len(data):,} bytes, over the {max_bytes:,}-byte limit")
    source_name = name or source_name
    values = {k: v for k, v in (overrides or {}).items() if k in MANIFEST_FIELDS}
    if published is not None:
        values["published"] = published
    decoded = decode(data)
    text = normalise(decoded.text)
    if not text or text.isspace():  # (text.strip() would copy the whole text)
        raise ArticleError("document has no text")
    lines = stripped_lines(text)
    profile = profile_by_name(values.get("outlet")) or outlet_of_lines(lines, values.get("url"))
    tz_name = tz or (profile.tz if profile else DEFAULT_TZ)
    zone_info = zone(tz_name)
    chosen, parts = read_parts(text, format, zone_info, lines)
    if not parts.body.strip():
        raise ArticleError(f"no article text found ({chosen}){_notes(parts)}")
    if len(parts.body) > max_chars:
        raise ArticleError(
            f"article text is {len(parts.body):,} characters, over the {max_chars:,}-character"
            " limit (max_chars)"
        )

    published_at = (
        _as_moment(values.get("published"), zone_info)
        or parts.published
        or _as_moment(default_published, zone_info)
    )
    updated_at = _as_moment(values.get("updated"), zone_info) or parts.updated
    warnings = []
    if published_at is None:
        warnings.append("no publication date: relative dates are left unresolved")
    author = values.get("author")
    return new_article(
        article_id=article_id_for(data, source_name, values),
        source=source_name,
        body=parts.body,
        format=chosen,
        title=values.get("title") or parts.title,
        authors=tuple(a.strip() for a in str(author).split(";")) if author else parts.authors,
        email=parts.email,
        outlet=values.get("outlet") or (profile.name if profile else None) or parts.outlet,
        published=published_at,
        updated=updated_at or published_at,
        section=values.get("section") or parts.section,
        url=values.get("url") or parts.url,
        tz=tz_name,
        day_tz=day_tz,
        encoding=decoded.encoding,
        warnings=tuple(warnings),
    )


def _notes(parts: PageParts) -> str:
    return f": {'; '.join(parts.notes)}" if parts.notes else ""


new_article: Final = records.fast_builder(Article)
