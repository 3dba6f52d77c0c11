"""Scraped page text: strip site chrome, keep headline, byline, stamps, captions and body.

The reader is general: it finds the publication stamp, the headline next to it, and the
prose paragraphs that follow until the first end-of-article marker ("MOST POPULAR",
"(END)", "Copyright …"). Line patterns are data (``resources/page/*.txt``); outlet profiles
only add the time zone a page's stamps imply and the outlet's name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, tzinfo
from functools import lru_cache
from typing import Any, Final, NamedTuple, cast

from herald_timeline import resources
from herald_timeline.bylines import byline_patterns, read_byline, split_authors
from herald_timeline.pattern_facts import LineRules, line_rules
from herald_timeline.stamps import Reading, Stamp, read_line
from herald_timeline.text import (
    LineMemo,
    abbreviations,
    count_words,
    lacks,
    lacks_encoded,
    stripped_lines,
    trie,
)


class PageParts(NamedTuple):
    """What a page reader found; any field may be empty (a tuple: built without a frozen
    ``__init__``'s setattr call per field)."""

    body: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    email: str | None = None
    published: datetime | None = None
    updated: datetime | None = None
    section: str | None = None
    outlet: str | None = None
    url: str | None = None
    notes: tuple[str, ...] = ()
    #: non-blank lines of the input left out of the body (chrome, metadata, repeats)
    dropped: int = 0


@lru_cache(maxsize=1)
def _line_patterns() -> dict[str, LineRules]:
    return {
        "chrome": line_rules("page/chrome.txt"),
        "end": line_rules("page/end.txt"),
    }


@lru_cache(maxsize=1)
def _title_prefix() -> re.Pattern[str]:
    return resources.compile_lines("page/title_prefixes.txt")


def is_chrome(line: str) -> bool:
    return _line_patterns()["chrome"].fullmatch(line) or _has_chrome_word(line)


@lru_cache(maxsize=1)
def _chrome_words() -> tuple[tuple[str, ...], re.Pattern[str], tuple[bytes, ...] | None]:
    """(words, their whole-word regex, any case; the words as bytes if all are ASCII)."""
    words = tuple(w.lower() for w in resources.lines("page/chrome_words.txt"))
    encoded = tuple(w.encode() for w in words) if all(w.isascii() for w in words) else None
    return words, re.compile(rf"\b{trie(words)}\b", re.IGNORECASE), encoded


def _has_chrome_word(line: str) -> bool:
    words, found, encoded = _chrome_words()
    # the substring test rejects almost every line in C; the regex checks word edges
    absent = lacks(line, words) if encoded is None else lacks_encoded(line, encoded)
    return not absent and found.search(line) is not None


def is_end(line: str) -> bool:
    return _line_patterns()["end"].fullmatch(line)


_TERMINAL: Final = '.!?"”’):]'


def _words(line: str) -> int:
    """Whitespace tokens, counted up to 32 (every test here compares with 30 or less): close
    enough to tell a menu item from a paragraph, and a paragraph is not split word by word."""
    return len(line.split(None, 31))


def is_prose(line: str) -> bool:
    # A headline may be long; a paragraph ends like a sentence (or runs on and on). A final
    # "U.S." ends many headlines and proves nothing.
    words = _words(line)
    if words > 30 or (words >= 6 and line[-1] in _TERMINAL and not _ends_with_abbreviation(line)):
        return True
    return words >= 8 and _CREDITED_CAPTION.search(line) is not None


# A photo caption that ends in its credit instead of a full stop: "… Thursday. Yonhap"
# (a sentence ends after a word, not after an initial: "Yoon, Kishida agree ... as N. Korea
# fires ICBM" is a headline)
_CREDITED_CAPTION: Final = re.compile(r"\w\w[.!?)]\s+(?:\|\s*)?[A-Z][\w/ .&-]{1,40}$")


def _ends_with_abbreviation(line: str) -> bool:
    last = line.rsplit(None, 1)[-1].rstrip(".").lower()
    return line.endswith(".") and last in abbreviations()


def _is_headline(line: str) -> bool:
    return 4 <= _words(line) <= 30 and (line[-1] not in _TERMINAL or _ends_with_abbreviation(line))


_HAS_YEAR: Final = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _stamps(line: str, tz: tzinfo) -> list[Stamp]:
    return [reading.stamp(tz) for reading in _readings(line)]


def _readings(line: str) -> tuple[Reading, ...]:
    # Cheap tests first: this runs on every line of every page.
    if len(line) > 160 or line.endswith(".") or not _HAS_YEAR.search(line):
        return ()
    if _words(line) > 16:
        return ()
    return _stamp_line(line)


@lru_cache(maxsize=1 << 12)
def _stamp_line(line: str) -> tuple[Reading, ...]:
    # Read once per page: the line's kind is decided from it, then its stamps are kept.
    return read_line(line)


#: a bare date, clock time and zone: a stamp even under the story (no crawl line has a zone)
_ZONED_STAMP: Final = re.compile(
    r"\d{4}[-./]\d{1,2}[-./]\d{1,2},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:KST|JST|UTC|GMT|Z|[+-]\d{2}:?\d{2})"
)
#: a stamp with a clock time: a page's own (Reuters puts it under the story), never a crawl
#: line ("date 2022-11-18")
_CLOCK: Final = re.compile(r"\b\d{1,2}:\d{2}\b")
_PUBLISHED_LABEL: Final = re.compile(r"(?:first\s+)?(?:published|posted)\b", re.IGNORECASE)


def _published_below(
    stamps: dict[int, list[Stamp]], lines: list[str], body_start: int, *, stamped_above: bool
) -> datetime | None:
    """The publication time from a stamp under the story, for a page with no "published"
    stamp above it: a labelled one ("Published March 24, 2023"), else a date, clock time and
    zone alone on a line ("2024-09-06 20:11:05 JST"), else, on a page with no stamp above at
    all, a date with a clock time (Reuters' "August 29, 2017 4:21 AM" after the credits)."""
    below = [i for i in sorted(stamps) if i >= body_start]
    rules: tuple[Callable[[str, Stamp], bool], ...] = (
        lambda line, stamp: stamp.label == "published" and bool(_PUBLISHED_LABEL.match(line)),
        lambda line, _: bool(_ZONED_STAMP.fullmatch(line.strip())),
        lambda line, _: not stamped_above and bool(_CLOCK.search(line)),
    )
    for rule in rules:
        for i in below:
            for stamp in stamps[i]:
                if rule(lines[i], stamp):
                    return stamp.moment
    return None


def read_page(text: str, *, tz: tzinfo) -> PageParts:
    """Split a scraped page into metadata and body (body lines joined with ``\\n``)."""
    return read_page_lines(stripped_lines(text), tz=tz)


def read_page_lines(lines: list[str], *, tz: tzinfo) -> PageParts:
    """:func:`read_page` of a page's lines, each stripped (the caller may have them)."""
    # list methods (index, count) walk the lines in C; Python only visits the few lines
    # that matter (stamps, header, body). The kinds of lines seen on earlier pages are read
    # in C as well; only new ones are classified.
    memo = _line_kinds
    known: list[str | None] = list(map(memo.known.get, lines))
    for i in _positions(known, None, 0, len(known)):
        known[i] = memo(lines[i])
    kinds = cast(list[str], known)
    stamps: dict[int, list[Stamp]] = {}
    for i in _positions(kinds, "stamp", 0, len(kinds)):
        found = _stamps(lines[i], tz)
        if found:
            stamps[i] = found
        else:
            kinds[i] = "short"

    first_stamp = min(stamps) if stamps else None
    body_start = _first(kinds, "prose", first_stamp or 0)
    if body_start is None:
        body_start = _first(kinds, "prose", 0)
    if body_start is None:
        return PageParts(body="", notes=("no prose paragraph found",))
    if first_stamp is not None and first_stamp > body_start:
        first_stamp = None
    title_index = _find_title(lines, kinds, first_stamp, body_start)

    authors: list[str] = []
    email: str | None = None
    header_from = title_index + 1 if title_index is not None else 0
    _, names_re = byline_patterns()
    for i in range(header_from, body_start):
        if kinds[i] == "byline":
            found_authors, found_email = read_byline(lines[i]) or ((), None)
            authors.extend(found_authors)
            email = email or found_email
        elif kinds[i] in ("headline", "short") and not authors and names_re.fullmatch(lines[i]):
            authors.extend(split_authors(lines[i]))
        elif kinds[i] == "stamp" and "|" in lines[i]:  # "By Colin Zwirko | April 13, 2023"
            found_authors, found_email = read_byline(lines[i].split("|", 1)[0].strip()) or (
                (),
                None,
            )
            authors.extend(found_authors)
            email = email or found_email

    body_lines: list[str] = []
    seen: set[str] = set()
    end = _line_patterns()["end"].fullmatch
    for i in range(body_start, len(lines)):
        kind = kinds[i]
        if kind == "blank" or kind == "chrome":
            continue
        line = lines[i]
        if end(line):
            break
        if kind == "byline":
            found_authors, found_email = read_byline(line) or ((), None)
            if not authors:
                authors.extend(found_authors)
            email = email or found_email
            continue
        if line in seen:  # a repeated photo caption
            continue
        seen.add(line)
        body_lines.append(line)

    all_stamps = [s for i in sorted(stamps) if i < body_start for s in stamps[i]]
    published = next((s.moment for s in all_stamps if s.label == "published"), None)
    if published is None:
        published = _published_below(stamps, lines, body_start, stamped_above=bool(all_stamps))
    updated = next((s.moment for s in all_stamps if s.label == "updated"), None)
    title = _clean_title(lines[title_index]) if title_index is not None else None
    section = _find_section(lines, kinds, title_index)
    return PageParts(
        body="\n".join(body_lines),
        dropped=len(kinds) - kinds.count("blank") - len(body_lines),
        title=title,
        authors=tuple(dict.fromkeys(authors)),
        email=email,
        published=published or updated,
        updated=updated or published,
        section=section,
    )


#: lines up to this long are menu items, footers, bylines, stamps and headlines: the
#: chrome that recurs on every page of a site. Longer ones are paragraphs of articles,
#: which a real corpus does not repeat (a benchmark of varied copies would).
_RECURRING: Final = 100


def _classify_line(line: str) -> str:
    if not line:
        return "blank"
    if is_chrome(line):
        return "chrome"
    if read_byline(line):
        return "byline"
    if _readings(line):  # it tests for a year itself, after cheaper tests
        return "stamp"
    if is_prose(line):
        return "prose"
    if _is_headline(line):
        return "headline"
    return "short"


# Remembered across documents: a site's menus and footers recur on every one of its pages.
# A few thousand lines hold every outlet's chrome; more would only keep lines seen once
# and let a worker's memory grow with the corpus.
_line_kinds: Final = LineMemo(_classify_line, width=_RECURRING, maxsize=1 << 12)


def _first(kinds: list[str], kind: str, start: int) -> int | None:
    try:
        return kinds.index(kind, start)
    except ValueError:
        return None


def _positions(kinds: list[Any], kind: object, start: int, stop: int) -> list[int]:
    """The indices of ``kind`` in ``kinds[start:stop]``, found by ``list.index``."""
    found: list[int] = []
    try:
        while True:
            start = kinds.index(kind, start, stop) + 1
            found.append(start - 1)
    except ValueError:
        return found


def _find_title(lines: list[str], kinds: list[str], stamp: int | None, body: int) -> int | None:
    """The headline: the run of headline lines just above the stamp block, else below it."""
    if stamp is not None:
        i = stamp - 1
        candidate = None
        while i >= 0 and kinds[i] in ("blank", "chrome", "byline", "stamp", "headline"):
            if kinds[i] == "headline":
                candidate = i
            elif candidate is not None and kinds[i] not in ("blank", "chrome"):
                break
            i -= 1
        if candidate is not None:
            return candidate
        for j in range(stamp + 1, body):
            if kinds[j] == "headline":
                return j
        return None
    # No stamp: the last headline line before the body.
    return next((i for i in range(body - 1, -1, -1) if kinds[i] == "headline"), None)


def _clean_title(line: str) -> str:
    return _title_prefix().sub("", line, count=1).strip()


_SECTION: Final = re.compile(r"[A-Z][A-Za-z.&' -]{1,30}")


def _find_section(lines: list[str], kinds: list[str], title: int | None) -> str | None:
    # Only a label set apart from the menu above it (by a blank line) or from the headline
    # below it: the last item of a menu looks exactly like a section label otherwise.
    if title is None:
        return None
    i = title - 1
    gap_below = False
    while i >= 0 and kinds[i] == "blank":
        gap_below = True
        i -= 1
    if (
        i < 0
        or kinds[i] != "short"
        or count_words(lines[i]) > 3
        or not _SECTION.fullmatch(lines[i])
    ):
        return None
    gap_above = i == 0 or kinds[i - 1] == "blank"
    return lines[i] if gap_below or gap_above else None
