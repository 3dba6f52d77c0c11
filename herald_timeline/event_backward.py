"""``$``-anchored searches run backwards: one anchored match on the reversed text.

Many event cues look at the words right before a position ("the ministry said " before a
date, "would stop its " before a trigger): patterns that end in ``$``. ``re`` searches
them by trying every start position of the window (a ``\\b``-led alternation gets no fast
skip), though every match ends at one place. The same pattern written backwards and
matched once at the start of the reversed text answers the same question (is there a
match?) in one attempt. Only that question: the match found is not the same one.
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any, Final

_CATEGORIES: Final = {
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
}


class _Unsupported(Exception):
    """A construct this module does not write backwards (the search stays as it is)."""


def backward(pattern: str, flags: int = 0) -> re.Pattern[str] | None:
    """A pattern whose ``match`` on ``text[::-1]`` succeeds exactly when
    ``re.compile(pattern, flags).search(text)`` finds a match; None unless every match of
    ``pattern`` ends at the end of the text (``$``) and all its parts can be reversed."""
    try:
        tree = _parser.parse(pattern, flags)
        if tree.state.flags & (re.MULTILINE | re.VERBOSE) or not _anchored(list(tree)):
            return None
        body = _sequence(list(tree), tail=True)
        # ``$`` also matches before a newline that ends the text
        return re.compile(r"\n?" + body, tree.state.flags)
    except (_Unsupported, re.error):
        return None


def _anchored(items: list[Any]) -> bool:
    """Whether every path through ``items`` ends with ``$``."""
    if not items:
        return False
    op, av = items[-1]
    if op is sre.AT:
        return av is sre.AT_END
    if op is sre.BRANCH:
        return all(_anchored(list(alternative)) for alternative in av[1])
    if op is sre.SUBPATTERN:
        return _anchored(list(av[3]))
    return False


def _sequence(items: list[Any], *, tail: bool, follow: str | None = None) -> str:
    """``items`` backwards; ``follow``: the kind of character what comes after them
    (backwards) must start with (see ``_kind``), or None."""
    backwards = list(reversed(items))
    out = []
    for index, (op, av) in enumerate(backwards):
        after = _kind_of(backwards[index + 1 :]) if index + 1 < len(backwards) else follow
        out.append(_item(op, av, tail=tail and index == 0, follow=after))
    return "".join(out)


def _kind_of(items: list[Any]) -> str | None:
    """The kind of the first character a (backwards) sequence consumes: "s" (always
    whitespace), "w" (never whitespace) or None (either, or it may consume nothing)."""
    for op, av in items:
        if op is sre.AT or op in (sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width: the next item consumes the character
        return _kind(op, av)
    return None


def _kind(op: Any, av: Any) -> str | None:
    if op is sre.LITERAL:
        return "s" if chr(av).isspace() else "w"
    if op is sre.IN:
        return _class_kind(av)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        return _kind_of(list(reversed(list(av[2])))) if av[0] >= 1 else None
    if op is sre.SUBPATTERN:
        return _kind_of(list(reversed(list(av[3]))))
    if op is sre.BRANCH:
        kinds = {_kind_of(list(reversed(list(a)))) for a in av[1]}
        return kinds.pop() if len(kinds) == 1 else None
    return None


def _class_kind(items: list[Any]) -> str | None:
    if items == [(sre.CATEGORY, sre.CATEGORY_SPACE)]:
        return "s"
    for op, av in items:
        if op is sre.LITERAL and chr(av).isspace():
            return None
        if op is sre.RANGE and any(chr(c).isspace() for c in range(av[0], av[1] + 1)):
            return None
        if op is sre.CATEGORY and av not in (sre.CATEGORY_WORD, sre.CATEGORY_DIGIT):
            return None
        if op not in (sre.LITERAL, sre.RANGE, sre.CATEGORY):
            return None
    return "w"


def _item(op: Any, av: Any, *, tail: bool, follow: str | None) -> str:
    if op is sre.LITERAL:
        return re.escape(chr(av))
    if op is sre.NOT_LITERAL:
        return f"[^{_in_class(chr(av))}]"
    if op is sre.ANY:
        return "."
    if op is sre.IN:
        return _class(av)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
        low, high, sub = av
        items = list(sub)
        again = _kind_of(list(reversed(items))) if high != 1 else follow
        inner = follow if high == 1 else again if again == follow else None
        bound = f"{{{low},}}" if high is sre.MAXREPEAT else f"{{{low},{high}}}"
        if op is sre.MIN_REPEAT:
            bound += "?"
        elif high is sre.MAXREPEAT and len(items) == 1 and items[0][0] in (sre.IN, sre.LITERAL):
            kind = _kind(*items[0])
            if kind is not None and follow is not None and kind != follow:
                # what follows cannot start with a character of the run: giving some
                # back never helps, and backtracking into it is the slow part
                bound += "+"
        return f"(?:{_sequence(items, tail=False, follow=inner)}){bound}"
    if op is sre.SUBPATTERN:
        _group, add, remove, sub = av
        if add or remove:
            raise _Unsupported("inline flags")
        return f"(?:{_sequence(list(sub), tail=tail, follow=follow)})"
    if op is sre.BRANCH:
        alternatives = (_sequence(list(a), tail=tail, follow=follow) for a in av[1])
        return f"(?:{'|'.join(alternatives)})"
    if op is sre.AT:
        if av is sre.AT_BOUNDARY:
            return r"\b"
        if av is sre.AT_NON_BOUNDARY:
            return r"\B"
        if av is sre.AT_END and tail:
            return ""  # the start of the reversed text (the caller's ``match``)
        raise _Unsupported(str(av))
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        direction, sub = av
        negative = "!" if op is sre.ASSERT_NOT else "="
        behind = "<" if direction == 1 else ""  # a lookahead looks behind, backwards
        return f"(?{behind}{negative}{_sequence(list(sub), tail=False)})"
    raise _Unsupported(str(op))


def _in_class(char: str) -> str:
    return "\\" + char if char in "\\]^-[" else char


def _class(items: list[Any]) -> str:
    out = []
    negate = ""
    for op, av in items:
        if op is sre.NEGATE:
            negate = "^"
        elif op is sre.LITERAL:
            out.append(_in_class(chr(av)))
        elif op is sre.RANGE:
            out.append(f"{_in_class(chr(av[0]))}-{_in_class(chr(av[1]))}")
        elif op is sre.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            raise _Unsupported(str(op))
    return f"[{negate}{''.join(out)}]"
