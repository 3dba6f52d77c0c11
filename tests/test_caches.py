"""No cache keyed on article text outlives a document.

A cache keyed on a sentence or paragraph flatters a benchmark of repeated pages and buys
nothing on a real corpus, where sentences do not repeat; it also grows with the corpus. The
caches that may see text are listed here, each with what it is keyed on: a new one must be
added on purpose.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import herald_timeline
from herald_timeline.text import LineMemo

#: (module, function) -> what the key is; every other cache takes no text (rule or file names)
TEXT_KEYED = {
    ("event_triggers", "_rules_for"): "a head word",
    ("page", "_line_kinds"): "a line of up to 100 characters: site chrome",
    ("page", "_stamp_line"): "a short line with a year: a page stamp",
    ("outlets", "_line_outlets"): "a first or last line of up to 100 characters: masthead",
    ("timeline_mentions", "_name_features"): "an event name",
    ("timeline_mentions", "_actor_features"): "an event's actors",
}
#: caches whose arguments are not text at all
NOT_TEXT = {
    ("event_triggers", "_heads"): "a flag",
    ("event_triggers", "_single"): "a rule index",
    ("event_gazetteer", "clause_end_folded"): "a flag",
    ("htmlpage", "_extractor"): "a flag",
    ("outlets", "_any_outlet"): "profile indices",
    ("schema", "_codes"): "a dtype",
    ("schema", "_column_index"): "a table's column names",
}
#: the parameters a code object's co_argcount counts (not *args, keyword-only or **kwargs)
_POSITIONAL = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
#: arguments that name a resource file, lexicon or rule, not article text
RESOURCE_ARGUMENTS = {"name", "lexicon", "key", "value"}


def _caches() -> dict[tuple[str, str], list[str]]:
    found = {}
    for info in pkgutil.iter_modules(herald_timeline.__path__):
        if info.name in ("__main__", "preload"):
            continue
        module = importlib.import_module(f"herald_timeline.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, LineMemo):  # a dict of short lines (menus, footers)
                wrapped = value.compute
            elif getattr(value, "__module__", None) != module.__name__:
                continue
            elif getattr(value, "cache_parameters", None) is None:
                continue
            else:
                wrapped = inspect.unwrap(value)
            # the signature, not __code__: a function compiled by mypyc has no code object
            parameters = inspect.signature(wrapped).parameters.values()
            arguments = [p.name for p in parameters if p.kind in _POSITIONAL]
            found[(info.name, name)] = arguments
    return found


def test_the_package_has_caches() -> None:
    assert len(_caches()) > 20  # the scan above works


def test_no_cache_is_keyed_on_article_text() -> None:
    unexpected = {
        key: arguments
        for key, arguments in _caches().items()
        if arguments
        and key not in TEXT_KEYED
        and key not in NOT_TEXT
        and not set(arguments) <= RESOURCE_ARGUMENTS
    }
    assert not unexpected, f"caches that may be keyed on article text: {unexpected}"


def test_listed_caches_exist() -> None:
    assert set(TEXT_KEYED) | set(NOT_TEXT) <= set(_caches())
