"""Fast builders of frozen records: :func:`fast_builder`.

Why: a frozen dataclass's ``__init__`` stores each field with ``object.__setattr__(self, name,
value)`` (its own ``__setattr__`` raises), a Python-level call per field. On the hot paths
(a Point or Timex per date rule tried, a Trigger, When and Event per event, a Sentence, a
Claim) those calls cost more than the rest of building the record: an Event's 14 took about
7 µs.

How: a builder makes an instance of an unfrozen twin class with the same ``__slots__`` (so the
same memory layout), fills its slots with plain attribute stores, then gives the object the
record's class by assigning ``__class__``. The result is exactly what the constructor makes:
same type, equality, hash and repr, frozen from then on. The builder's source is generated once
per class, as :mod:`dataclasses` does for ``__init__``: one explicit store per field, no loop
per call, so it is as fast as a hand-written one.

In a compiled build (``herald_timeline.COMPILED``) a record's class is a mypyc native class:
its layout is not a slotted twin's, so the trick does not apply and the builder is the class
itself. The hot records therefore write their ``__init__`` out (``@dataclass(init=False)``
and one ``object.__setattr__`` per field, what :mod:`dataclasses` would generate): mypyc
compiles that to direct stores, about 25x faster than the generated ``__init__``, which stays
interpreted even in a compiled module (it was about 5% of a compiled parse). From source the
written-out ``__init__`` costs what the generated one does, and the builder skips it anyway.

Conditions, checked by :func:`fast_builder` (``TypeError`` otherwise):

* a dataclass with ``frozen=True`` and ``slots=True``, deriving from ``object`` directly (a
  twin with the same slots then has the same layout, which ``__class__`` assignment requires);
* no ``__post_init__`` (the builder would skip it);
* every field in ``__init__``, positional (no ``init=False``, no ``kw_only``) and without a
  ``default_factory``: the builder takes the fields positionally (or by name) in field order,
  with the constructor's plain defaults, so it has the constructor's signature.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

__all__ = ["fast_builder"]

P = ParamSpec("P")
T = TypeVar("T")

#: names of the generated function's globals; no field of a record may be called so
_NEW, _TWIN, _CLASS, _SELF, _DEFAULT = "_fb_new", "_fb_twin", "_fb_class", "_fb_self", "_fb_d_"


def fast_builder(cls: Callable[P, T]) -> Callable[P, T]:
    """A function equivalent to ``cls(...)`` for the frozen slotted dataclass ``cls``, that
    fills the slots without the frozen ``__init__`` (see the module docstring).

    Use at module level, once per class: ``new_event = records.fast_builder(Event)``.
    """
    if not isinstance(cls, type):
        raise TypeError(f"{cls!r} is not a class")
    if "__mypyc_attrs__" in cls.__dict__:  # compiled by mypyc: no slotted twin can match it
        return cls
    fields = _checked_fields(cls)
    names = [f.name for f in fields]
    params = [
        name if f.default is dataclasses.MISSING else f"{name}={_DEFAULT}{name}"
        for name, f in zip(names, fields, strict=True)
    ]
    body = [f"    {_SELF} = {_NEW}({_TWIN})"]
    body += [f"    {_SELF}.{name} = {name}" for name in names]
    body += [f"    {_SELF}.__class__ = {_CLASS}", f"    return {_SELF}"]
    source = f"def build({', '.join(params)}):\n" + "\n".join(body) + "\n"
    namespace: dict[str, Any] = {
        _NEW: object.__new__,
        _TWIN: type(f"_Unfrozen{cls.__name__}", (), {"__slots__": cls.__dict__["__slots__"]}),
        _CLASS: cls,
    }
    namespace.update(
        {_DEFAULT + f.name: f.default for f in fields if f.default is not dataclasses.MISSING}
    )
    exec(source, namespace)  # noqa: S102  (source made above from the field names only)
    build: Callable[P, T] = namespace["build"]
    build.__name__ = build.__qualname__ = f"new_{cls.__name__.lower()}"
    build.__module__ = cls.__module__
    build.__doc__ = f"``{cls.__name__}(...)`` built without its frozen ``__init__``."
    return build


def _checked_fields(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    """The fields of ``cls``, once it meets the conditions of the module docstring."""
    name = cls.__qualname__
    params = getattr(cls, "__dataclass_params__", None)
    if not dataclasses.is_dataclass(cls) or params is None:
        raise TypeError(f"{name} is not a dataclass")
    if not params.frozen:
        raise TypeError(f"{name} is not frozen: its own __init__ is already fast")
    if "__slots__" not in cls.__dict__:
        raise TypeError(f"{name} has no slots (dataclass(slots=True))")
    if cls.__bases__ != (object,):
        raise TypeError(f"{name} derives from {cls.__bases__}, not object alone")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{name} has a __post_init__, which a builder would skip")
    fields = dataclasses.fields(cls)
    for f in fields:
        if not f.init or f.kw_only or f.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{name}.{f.name} is not a plain positional __init__ field")
        if f.name.startswith("_fb_"):
            raise TypeError(f"{name}.{f.name} clashes with the builder's own names")
    if list(inspect.signature(cls).parameters) != [f.name for f in fields]:
        raise TypeError(f"{name}'s __init__ takes other arguments than its fields (InitVar?)")
    return fields
