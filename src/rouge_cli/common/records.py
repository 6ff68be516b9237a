"""`Record`: the class syntax of `typing.NamedTuple` without importing `typing` at run time.

The lookup path builds thousands of small immutable records, and `typing` plus `dataclasses`
cost about half of a start-up. Modules write

    TYPE_CHECKING = False
    if TYPE_CHECKING:
        from typing import NamedTuple as Record
    else:
        from rouge_cli.common.records import Record

so that type checkers see `typing.NamedTuple`, and at run time the class body's annotated
fields (with their defaults) become a `collections.namedtuple`, its methods and properties kept.
"""

from __future__ import annotations

from collections import namedtuple


class _RecordType(type):
    def __new__(mcls, name: str, bases: tuple[type, ...], namespace: dict[str, object]) -> type:
        if not bases:  # `Record` itself
            return super().__new__(mcls, name, bases, namespace)
        annotations = namespace.get("__annotations__", {})
        assert isinstance(annotations, dict)
        fields = list(annotations)
        defaults = [namespace[field] for field in fields if field in namespace]
        base = namedtuple(name, fields, defaults=defaults, module=str(namespace.get("__module__")))  # type: ignore[misc]
        body = {key: value for key, value in namespace.items() if key not in annotations}
        body["__slots__"] = ()
        return type(name, (base,), body)


class Record(metaclass=_RecordType):
    """Base of the records: subclass it as you would `typing.NamedTuple`."""


def cast(kind: object, value: object) -> object:
    """`typing.cast` at run time (it returns `value`); modules import `typing.cast` for type checkers."""
    return value
