"""Loaders for the data files under ``herald_timeline/resources/``.

Patterns and lexicons live in data files, not in Python literals: one entry per line,
``#`` starts a comment. Everything is read once (``lru_cache``) and compiled at first use.
"""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

_PACKAGE = "herald_timeline"


class ResourceError(ValueError):
    """A resource file is malformed (a pattern that does not compile or matches '')."""


def read_text(name: str) -> str:
    """The text of ``resources/<name>`` (a ``/``-separated path)."""
    node = resources.files(_PACKAGE).joinpath("resources", *name.split("/"))
    return node.read_text(encoding="utf-8")


@cache
def lines(name: str) -> tuple[str, ...]:
    """Non-blank, non-comment lines of a one-entry-per-line file, stripped."""
    out = []
    for line in read_text(name).splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            out.append(stripped)
    return tuple(out)


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a CSV resource (header row; ``#`` lines are comments)."""
    text = "\n".join(
        line for line in read_text(name).splitlines() if line.strip() and not line.startswith("#")
    )
    return tuple(dict(row) for row in csv.DictReader(text.splitlines()))


@cache
def toml(name: str) -> dict[str, Any]:
    """A TOML resource as a dict."""
    return tomllib.loads(read_text(name))


def compile_pattern(pattern: str, flags: int = 0, *, where: str = "") -> re.Pattern[str]:
    """Compile ``pattern``; refuse one that does not compile or matches the empty string."""
    try:
        compiled = re.compile(pattern, flags)
    except re.error as exc:
        raise ResourceError(f"{where}: {exc}: {pattern!r}") from exc
    if compiled.fullmatch(""):
        raise ResourceError(f"{where}: pattern matches the empty string: {pattern!r}")
    return compiled


def compile_alternatives(
    patterns: Sequence[str], flags: int = 0, *, where: str = ""
) -> re.Pattern[str]:
    """``patterns`` as one alternation, each in a group of its own, compiled and checked
    as by :func:`compile_pattern`."""
    return compile_pattern("|".join(f"(?:{p})" for p in patterns), flags, where=where)


def compile_lines(name: str, flags: int = 0) -> re.Pattern[str]:
    """The patterns of resource ``name`` (one per line) as one alternation."""
    return compile_alternatives(lines(name), flags, where=name)


def alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal words, longest first (so 'Sept' beats 'Sep')."""
    if not words:
        raise ResourceError("empty alternation")
    return (
        "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"
    )


#: a capital of a pattern outside an escape ("\\S") or a group's "(?P"
_PATTERN_CAPITAL = re.compile(r"(?<!\\)(?<!\(\?)[A-Z]")
_INLINE_FLAGS = re.compile(r"\(\?-?[aiLmsux]")


def lowered(pattern: str) -> str | None:
    """``pattern`` for lower-cased text, matched without IGNORECASE (three times as fast
    as IGNORECASE on the text as written): capitals outside escapes become lower case,
    so "[A-Z]" is "[a-z]". None when the pattern sets flags itself ("(?-i:[A-Z])" needs
    the case as written)."""
    if _INLINE_FLAGS.search(pattern):
        return None
    return _PATTERN_CAPITAL.sub(lambda m: m.group().lower(), pattern)
