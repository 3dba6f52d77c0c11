"""The fast builders of Point and Timex make the same frozen objects as their dataclasses."""

import dataclasses
import inspect
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from herald_timeline.timex_calendar import Point, new_point
from herald_timeline.timex_core import Timex, new_timex

days = st.dates(min_value=date(1600, 1, 1), max_value=date(2200, 12, 31))
words = st.text(max_size=12)


@given(words, days, days, words)
def test_new_point_is_the_dataclass(value: str, start: date, end: date, precision: str) -> None:
    built, plain = new_point(value, start, end, precision), Point(value, start, end, precision)
    assert type(built) is Point
    assert built == plain and hash(built) == hash(plain) and repr(built) == repr(plain)


timex_fields = st.tuples(
    words, st.integers(0, 10**6), st.integers(0, 10**6), words, words,
    st.none() | days, st.none() | days, st.none() | words, st.booleans(), words,
    st.none() | words, words,
)  # fmt: skip


@given(timex_fields)
def test_new_timex_is_the_dataclass(fields: tuple[object, ...]) -> None:
    built, plain = new_timex(*fields), Timex(*fields)  # type: ignore[arg-type]
    assert type(built) is Timex
    assert built == plain and hash(built) == hash(plain) and repr(built) == repr(plain)
    assert dataclasses.replace(built, anchor="event") == dataclasses.replace(plain, anchor="event")


@pytest.mark.parametrize(
    ("cls", "builder"), [(Point, new_point), (Timex, new_timex)], ids=["point", "timex"]
)
def test_builders_take_every_field_in_order(cls: type, builder: object) -> None:
    names = [f.name for f in dataclasses.fields(cls)]
    assert list(inspect.signature(builder).parameters) == names  # type: ignore[arg-type]


@pytest.mark.parametrize("built", [new_point("2022", date(2022, 1, 1), date(2022, 12, 31), "year")])
def test_built_objects_stay_frozen(built: Point) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.value = "2023"  # type: ignore[misc]
