"""The word lists of the events modules, read from ``resources/events/`` once.

A ``.txt`` lexicon holds one regex alternative per line (most are plain words); they are
joined in file order, since a regex alternation takes the first alternative that fits.
A ``.csv`` lexicon is a map. ``# example:`` lines are run by ``tests/test_event_lexicons.py``.
"""

from __future__ import annotations

from functools import cache

from herald_timeline import resources


@cache
def words(name: str) -> tuple[str, ...]:
    """The entries of ``resources/events/<name>.txt``, in file order."""
    return resources.lines(f"events/{name}.txt")


@cache
def alternatives(name: str) -> str:
    """The entries of ``resources/events/<name>.txt`` as one regex group, in file order."""
    return "(?:" + "|".join(words(name)) + ")"


@cache
def mapping(name: str, key: str, value: str) -> dict[str, str]:
    """The ``key`` -> ``value`` columns of ``resources/events/<name>.csv`` (rows whose value
    is empty are left out)."""
    rows = resources.table(f"events/{name}.csv")
    return {row[key]: row[value] for row in rows if row[value]}


def examples(filename: str) -> tuple[str, ...]:
    """The ``# example:`` lines of ``resources/events/<filename>``."""
    marker = "# example:"
    text = resources.read_text(f"events/{filename}")
    return tuple(
        line.strip()[len(marker) :].strip()
        for line in text.splitlines()
        if line.strip().startswith(marker)
    )
