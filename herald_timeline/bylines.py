"""Bylines: "By Ji Da-gyum (dagyum@heraldcorp.com)", "Reporter Kim Min-ji", a reporter's
e-mail on its own line. The patterns are data (``resources/page/byline.txt``); authors come
back as people write their names."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from herald_timeline import resources
from herald_timeline.pattern_facts import needs_literal


@lru_cache(maxsize=1)
def byline_patterns() -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str]]:
    bylines = tuple(
        resources.compile_pattern(p, where="page/byline.txt")
        for p in resources.lines("page/byline.txt")
    )
    names = resources.compile_lines("page/names.txt")
    return bylines, names


@lru_cache(maxsize=1)
def _bylines_without_at() -> tuple[re.Pattern[str], ...]:
    """The byline patterns a line without "@" can match (the others need an e-mail)."""
    return tuple(p for p in byline_patterns()[0] if not needs_literal(p.pattern, "@"))


# Every byline pattern needs one of these at its start, or an "@"; most lines are rejected
# without trying them all (and without a search through the whole line).
_BYLINE_HINT: Final = re.compile(r"by\b|reporter|written|posted", re.IGNORECASE)


def read_byline(line: str) -> tuple[tuple[str, ...], str | None] | None:
    """(authors, email) when ``line`` is a byline or a reporter's e-mail, else None."""
    if "@" in line:
        bylines = byline_patterns()[0]
    elif _BYLINE_HINT.match(line):
        bylines = _bylines_without_at()
    else:
        return None
    for pattern in bylines:
        match = pattern.fullmatch(line)
        if match:
            groups = match.groupdict()
            return split_authors(groups.get("author") or ""), groups.get("email")
    return None


_AUTHOR_SEPARATOR: Final = re.compile(r"\s*(?:,|\band\b|&|;)\s*")


def split_authors(text: str) -> tuple[str, ...]:
    """Names in a byline; a one-word part is the outlet ("…, CNN"), not a person."""
    parts = [p.strip() for p in _AUTHOR_SEPARATOR.split(text.strip())]
    names = [p for p in parts if p and (" " in p or "-" in p)]
    return tuple(_name_case(p) for p in names or [p for p in parts if p])


def _name_case(name: str) -> str:
    # Wire bylines shout ("ROBERT J. MILLER"); names are kept as people write them.
    if name.isupper():
        return " ".join(word.capitalize() for word in name.split())
    return name
