"""records.fast_builder: the builders of the hot records (new_point, new_timex, new_when,
new_event, new_trigger, new_sentence, new_claim, new_article) make the same frozen objects as
their dataclasses, and classes it cannot build are refused; the records whose ``__init__`` is
written out (for mypyc) write the one dataclasses would."""

import dataclasses
import inspect
from datetime import date
from typing import Any, ClassVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from herald_timeline import COMPILED
from herald_timeline.article import Article, new_article
from herald_timeline.claim_counts import Count
from herald_timeline.claims import Claim, new_claim
from herald_timeline.event_dates import When, new_when
from herald_timeline.event_history import Event, History, Mention, new_event
from herald_timeline.event_triggers import Trigger, new_trigger
from herald_timeline.records import fast_builder
from herald_timeline.stamps import Stamp
from herald_timeline.text import Sentence, new_sentence
from herald_timeline.timex_calendar import Point, new_point
from herald_timeline.timex_core import Timex, new_timex
from herald_timeline.timex_rules import Hit

days = st.dates(min_value=date(1600, 1, 1), max_value=date(2200, 12, 31))
words = st.text(max_size=12)
offsets = st.integers(-1, 10**6)
numbers = st.floats(allow_nan=False)

FIELDS: dict[type, Any] = {
    Point: st.tuples(words, days, days, words),
    Timex: st.tuples(
        words, offsets, offsets, words, words, st.none() | days, st.none() | days,
        st.none() | words, st.booleans(), words, st.none() | words, words,
    ),
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
    Point: new_point,
    Timex: new_timex,
    Event: new_event,
    When: new_when,
    Trigger: new_trigger,
    Sentence: new_sentence,
    Claim: new_claim,
    Article: new_article,
}
IDS = [cls.__name__ for cls in BUILDERS]


@pytest.mark.parametrize("cls", list(BUILDERS), ids=IDS)
def test_builders_have_the_constructors_signature(cls: type) -> None:
    names = [f.name for f in dataclasses.fields(cls)]
    assert list(inspect.signature(BUILDERS[cls]).parameters) == names
    assert _parameters(BUILDERS[cls]) == _parameters(cls)


def _parameters(function: Any) -> list[tuple[str, Any, object]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(function).parameters.values()]


def _same(built: object, plain: object) -> None:
    cls = type(plain)
    assert type(built) is cls
    assert built == plain and repr(built) == repr(plain)
    assert hash(built) == hash(plain)
    assert dataclasses.astuple(built) == dataclasses.astuple(plain)  # type: ignore[call-overload]
    first = dataclasses.fields(cls)[0].name  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(built, first, None)
    other = {first: getattr(plain, first)}
    assert dataclasses.replace(built, **other) == plain  # type: ignore[type-var]


@pytest.mark.parametrize("cls", list(BUILDERS), ids=IDS)
def test_built_records_are_the_dataclass(cls: type) -> None:
    @given(FIELDS[cls])
    def check(fields: tuple[object, ...]) -> None:
        names = [f.name for f in dataclasses.fields(cls)]
        plain = cls(*fields)
        _same(BUILDERS[cls](*fields), plain)
        _same(BUILDERS[cls](**dict(zip(names, fields, strict=True))), plain)

    check()


@dataclasses.dataclass(frozen=True, slots=True)
class _Toy:
    self: str  # names a builder might use itself
    cls: int
    type: tuple[int, ...] = ()
    build: str | None = None
    kind: ClassVar[str] = "toy"  # no field


@given(words, st.integers(), st.lists(st.integers()).map(tuple), st.none() | words)
def test_fast_builder_keeps_defaults_and_any_field_name(
    a: str, b: int, c: tuple[int, ...], d: str | None
) -> None:
    new_toy = fast_builder(_Toy)
    _same(new_toy(a, b, c, d), _Toy(a, b, c, d))
    _same(new_toy(a, b), _Toy(a, b))
    _same(new_toy(a, cls=b, build=d), _Toy(a, cls=b, build=d))
    assert _parameters(new_toy) == _parameters(_Toy)


@dataclasses.dataclass(frozen=True)
class _NoSlots:
    a: int


@dataclasses.dataclass(slots=True)
class _NotFrozen:
    a: int


@dataclasses.dataclass(frozen=True, slots=True)
class _PostInit:
    a: int

    def __post_init__(self) -> None:
        pass


@dataclasses.dataclass(frozen=True, slots=True)
class _Factory:
    a: list[int] = dataclasses.field(default_factory=list)


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class _KeywordOnly:
    a: int


@dataclasses.dataclass(frozen=True, slots=True)
class _NotInInit:
    a: int = dataclasses.field(init=False, default=0)


@dataclasses.dataclass(frozen=True, slots=True)
class _InitVar:
    a: int
    b: dataclasses.InitVar[int]


@dataclasses.dataclass(frozen=True, slots=True)
class _Derived(_Toy):
    more: int = 0


class _Plain:
    __slots__ = ("a",)


@pytest.mark.parametrize(
    ("cls", "why"),
    [
        (_NoSlots, "no slots"),
        (_NotFrozen, "not frozen"),
        (_PostInit, "__post_init__"),
        (_Factory, "not a plain positional"),
        (_KeywordOnly, "not a plain positional"),
        (_NotInInit, "not a plain positional"),
        (_InitVar, "InitVar"),
        (_Derived, "derives from"),
        (_Plain, "not a dataclass"),
        (len, "not a class"),
    ],
)
def test_fast_builder_refuses_what_it_cannot_build(cls: Any, why: str) -> None:
    with pytest.raises(TypeError, match=why):
        fast_builder(cls)


# ------------------------------------------- records whose __init__ is written out (mypyc)


WRITTEN_OUT = [
    Point,
    Timex,
    Event,
    When,
    Trigger,
    Sentence,
    Claim,
    Hit,
    Stamp,
    Count,
    History,
    Mention,
]


@pytest.mark.parametrize("cls", WRITTEN_OUT, ids=[c.__name__ for c in WRITTEN_OUT])
def test_written_out_init_is_the_one_dataclasses_would_write(cls: type) -> None:
    assert not cls.__dataclass_params__.init  # type: ignore[attr-defined]
    fields = dataclasses.fields(cls)
    positional, empty = inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.empty
    expected = [
        (f.name, positional, empty if f.default is dataclasses.MISSING else f.default)
        for f in fields
    ]
    assert _parameters(cls) == expected
    if COMPILED:
        return  # a native class checks the argument types; the stores are checked from source
    # every field is stored from its own parameter (distinct sentinels, one per field)
    sentinels = [object() for _ in fields]
    record = cls(*sentinels)
    assert [getattr(record, f.name) for f in fields] == sentinels
