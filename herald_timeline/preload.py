"""Imported by the worker pool's fork server: loads the parser and warms its caches.

Compiling the rule patterns and reading the lexicons takes a few tenths of a second per
process. Done once here, every worker forks from a process that has it done already
(copy-on-write), instead of each worker paying it on its first document.
"""

from __future__ import annotations

from herald_timeline import event_triggers
from herald_timeline.article import load_article
from herald_timeline.parsing import extract

#: touches the reader, the time core, events and claims (short, so import stays quick)
WARM_UP = (
    b"SEOUL, Nov. 18 (Yonhap) -- North Korea fired more than 60 ballistic missiles, "
    b"including eight ICBMs, this year, the ministry said Friday. The defense chiefs met "
    b"on Nov. 3 and agreed to hold talks in August.\n"
)

extract(load_article(WARM_UP, published="2022-11-18T17:58+09:00"))
event_triggers.warm()
