"""herald_timeline: dated events and numeric claims from defense news, as pandas tables.

>>> import herald_timeline as ht
>>> parsed = ht.parse("North Korea fired two ballistic missiles on Friday.", published="2022-11-18")
>>> parsed.events[["type", "start"]].astype(str).values.tolist()
[['launch', '2022-11-18']]
"""

from __future__ import annotations

import logging
from typing import Any

__version__ = "0.1.0"

from herald_timeline.article import Article, load_article
from herald_timeline.checks import check_claims
from herald_timeline.claims import Claim, find_claims
from herald_timeline.corpus import Corpus, parse_corpus
from herald_timeline.dates import Timex, find_dates, find_timexes
from herald_timeline.errors import ArticleError
from herald_timeline.events import Event, find_events
from herald_timeline.io import (
    read_articles_csv,
    read_claims_csv,
    read_events_csv,
    read_table,
    read_timexes_csv,
    write_table,
)
from herald_timeline.parsing import Parsed, parse
from herald_timeline.reference import launches_from_events, load_reference, reference_series
from herald_timeline.schema import SchemaError, empty, validate
from herald_timeline.text import Sentence, split_sentences
from herald_timeline.timeline import merge_events

logging.getLogger(__name__).addHandler(logging.NullHandler())

#: True when the parsing modules are the ones compiled by mypyc (a regular ``pip install``),
#: False when they run as Python source (an editable install, or no C compiler at build time).
COMPILED: bool = not hasattr(find_events, "__code__")

_PLOTTING = ("plot_claims", "plot_launch_counts", "plot_timeline")


def __getattr__(name: str) -> Any:
    # Charts load matplotlib, which takes seconds: only when a chart is asked for, so the
    # CLI's parse and every worker process start without it.
    if name in _PLOTTING:
        from herald_timeline import plotting

        return getattr(plotting, name)
    raise AttributeError(f"module 'herald_timeline' has no attribute {name!r}")


__all__ = [
    "COMPILED",
    "Article",
    "ArticleError",
    "Claim",
    "Corpus",
    "Event",
    "Parsed",
    "SchemaError",
    "Sentence",
    "Timex",
    "__version__",
    "check_claims",
    "empty",
    "find_claims",
    "find_dates",
    "find_events",
    "find_timexes",
    "launches_from_events",
    "load_article",
    "load_reference",
    "merge_events",
    "parse",
    "parse_corpus",
    "plot_claims",
    "plot_launch_counts",
    "plot_timeline",
    "read_articles_csv",
    "read_claims_csv",
    "read_events_csv",
    "read_table",
    "read_timexes_csv",
    "reference_series",
    "split_sentences",
    "validate",
    "write_table",
]
