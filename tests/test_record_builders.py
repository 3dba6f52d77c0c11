"""The fast builders of the article's, events' and claims' records make the same frozen objects as
their dataclasses (see tests/test_timex_build.py for Point and Timex)."""

import dataclasses
import inspect
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from herald_timeline.article import Article, new_article
from herald_timeline.claims import Claim, new_claim
from herald_timeline.event_dates import When, new_when
from herald_timeline.event_history import Event, new_event
from herald_timeline.event_triggers import Trigger, new_trigger
from herald_timeline.text import Sentence, new_sentence

days = st.dates(min_value=date(1600, 1, 1), max_value=date(2200, 12, 31))
words = st.text(max_size=12)
offsets = st.integers(-1, 10**6)
numbers = st.floats(allow_nan=False)

FIELDS: dict[type, Any] = {
    Event: st.tuples(
        words, days, days, words, st.booleans(), words, words, st.none() | offsets,
        st.lists(words, max_size=3).map(tuple), st.none() | words, words, offsets, offsets,
        words,
    ),
    When: st.tuples(
        days, days, words, st.booleans(), words, offsets, st.none() | words, st.booleans(),
        st.none() | offsets,
    ),
    Trigger: st.tuples(words, offsets, offsets, words, words, st.booleans()),
    Sentence: st.tuples(offsets, offsets, offsets, words, offsets),
    Claim: st.tuples(
        numbers, st.none() | numbers, st.none() | numbers, words, words, words,
        st.none() | words, st.none() | words, st.none() | days, st.none() | days,
        st.none() | offsets, st.none() | words, words, offsets, offsets, words,
    ),
    Article: st.tuples(
        words, words, words, words, st.none() | words, st.lists(words, max_size=3).map(tuple),
        st.none() | words, st.none() | words, st.none() | st.datetimes(),
        st.none() | st.datetimes(), st.none() | words, st.none() | words, words, words, words,
        st.lists(words, max_size=2).map(tuple),
    ),
}  # fmt: skip
BUILDERS: dict[type, Any] = {
    Event: new_event,
    When: new_when,
    Trigger: new_trigger,
    Sentence: new_sentence,
    Claim: new_claim,
    Article: new_article,
}
IDS = [cls.__name__ for cls in BUILDERS]


@pytest.mark.parametrize("cls", list(BUILDERS), ids=IDS)
def test_builders_take_every_field_in_order(cls: type) -> None:
    names = [f.name for f in dataclasses.fields(cls)]
    assert list(inspect.signature(BUILDERS[cls]).parameters) == names


@pytest.mark.parametrize("cls", list(BUILDERS), ids=IDS)
def test_built_records_are_the_dataclass(cls: type) -> None:
    @given(FIELDS[cls])
    def check(fields: tuple[object, ...]) -> None:
        names = [f.name for f in dataclasses.fields(cls)]
        built, plain = BUILDERS[cls](**dict(zip(names, fields, strict=True))), cls(*fields)
        assert type(built) is cls
        assert built == plain and repr(built) == repr(plain)
        assert hash(built) == hash(plain)
        assert dataclasses.astuple(built) == dataclasses.astuple(plain)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(built, dataclasses.fields(cls)[0].name, None)

    check()
