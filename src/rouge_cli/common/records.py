"""`Record`: the class syntax of `typing.NamedTuple` without importing `typing` at run time.

The lookup path builds thousands of small immutable records, and `typing` plus `dataclasses`
cost about half of a start-up. Modules write

    TYPE_CHECKING = False
    if TYPE_CHECKING:
        from typing import NamedTuple as Record
    else:
        from rouge_cli.common.records import Record

so that type checkers see `typing.NamedTuple`; at run time the class body's annotated fields
(with their defaults) become a tuple subclass that behaves as a `collections.namedtuple`
(fields by name and index, `_make`, `_replace`, `_asdict`, `_fields`, the same repr), its
methods and properties kept.

It is built without `collections.namedtuple`, which compiles a constructor for every class
with `eval` when the class is defined (35 are defined on start-up; a run uses about half).
Here a class compiles the same constructor the first time it is called, and keeps it.
"""

from __future__ import annotations

try:
    from _collections import _tuplegetter  # type: ignore[import-not-found,unused-ignore]  # namedtuple's C accessor
except ImportError:  # pragma: no cover - another Python implementation
    from operator import itemgetter

    def _tuplegetter(index: int, doc: str | None) -> property:
        return property(itemgetter(index), doc=doc)


TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_tuple_new = tuple.__new__


class _RecordType(type):
    def __new__(mcls, name: str, bases: tuple[type, ...], namespace: dict[str, object]) -> type:
        if not bases:  # `Record` itself
            return super().__new__(mcls, name, bases, namespace)
        annotations = namespace.get("__annotations__", {})
        assert isinstance(annotations, dict)
        fields = tuple(annotations)
        defaults = {field: namespace[field] for field in fields if field in namespace}
        body = {key: value for key, value in namespace.items() if key not in annotations}
        for index, field in enumerate(fields):
            body[field] = _tuplegetter(index, f"Alias for field number {index}")
        body.update(
            __slots__=(),
            __new__=_new,
            __repr__=_repr,
            __getnewargs__=_getnewargs,
            __match_args__=fields,
            _fields=fields,
            _field_defaults=defaults,
            _make=classmethod(_make),
            _replace=_replace,
            _asdict=_asdict,
        )
        return type(name, (tuple,), body)


class Record(metaclass=_RecordType):
    """Base of the records: subclass it as you would `typing.NamedTuple`."""


def _new(cls: Any, *args: object, **kwargs: object) -> Any:
    """The first construction of a class: compile its own constructor, which replaces this one."""
    return _constructor(cls)(cls, *args, **kwargs)


def _constructor(cls: Any) -> Any:
    """The constructor `collections.namedtuple` writes (keywords, defaults, its messages), made once per class."""
    arguments = ", ".join(cls._fields)
    source = f"lambda _cls, {arguments}: _tuple_new(_cls, ({arguments},))"
    constructor = eval(source, {"_tuple_new": _tuple_new, "__builtins__": {}}, {})  # the fields are identifiers
    constructor.__defaults__ = tuple(cls._field_defaults.values()) or None
    constructor.__name__ = "__new__"
    constructor.__qualname__ = f"{cls.__name__}.__new__"
    cls.__new__ = staticmethod(constructor)
    return constructor


def _make(cls: Any, iterable: Any) -> Any:
    result = _tuple_new(cls, iterable)
    if len(result) != len(cls._fields):
        raise TypeError(f"Expected {len(cls._fields)} arguments, got {len(result)}")
    return result


def _replace(self: Any, /, **kwargs: object) -> Any:
    result = self._make(map(kwargs.pop, self._fields, self))
    if kwargs:
        raise ValueError(f"Got unexpected field names: {list(kwargs)!r}")
    return result


def _asdict(self: Any) -> dict[str, object]:
    return dict(zip(self._fields, self, strict=True))


def _repr(self: Any) -> str:
    pairs = ", ".join(f"{field}={value!r}" for field, value in zip(self._fields, self, strict=True))
    return f"{type(self).__name__}({pairs})"


def _getnewargs(self: Any) -> tuple[object, ...]:
    return tuple(self)


def cast(kind: object, value: object) -> object:
    """`typing.cast` at run time (it returns `value`); modules import `typing.cast` for type checkers."""
    return value
