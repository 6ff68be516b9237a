"""`json.dumps(value, indent=2)`, byte for byte, several times faster on large documents.

Python's encoder writes indented JSON in pure Python; its C encoder writes only one line.
Here each list or object holding only scalars, and each list of such objects (most of a
large document: facts, edges), is written by one call of the C encoder, whose item
separator carries the newline and the indentation of its level; the containers around
them are joined here. Anything the C
encoder is not available for, or an unusual key, falls back to `json.dumps`.

The C encoder is taken from `_json` itself: the `json` package imports `re` and its decoder,
which a document's writer does not need (`json` is imported only to fall back).
"""

from __future__ import annotations

try:
    import _json
except ImportError:  # pragma: no cover - an interpreter without the C accelerator
    _json = None  # type: ignore[assignment]

TYPE_CHECKING = False
if TYPE_CHECKING:  # `typing` is not imported at run time (see common/records.py)
    from typing import Any


_SCALARS = (str, int, float, bool, type(None))
_PLAIN = frozenset(_SCALARS)
"""The scalar types themselves: a quick test (`_PLAIN.issuperset(map(type, values))`) runs in C."""


class _Unusual(Exception):
    """A value this writer leaves to `json.dumps` (a key that is not a string, an unknown type)."""


def dumps(value: Any, ensure_ascii: bool) -> str:
    """The text of `json.dumps(value, ensure_ascii=ensure_ascii, indent=2)`."""
    make = getattr(_json, "make_encoder", None)
    if make is None:
        return _fallback(value, ensure_ascii)
    strings = _json.encode_basestring_ascii if ensure_ascii else _json.encode_basestring
    encoders: dict[int, Any] = {}

    def encoder(level: int) -> Any:
        """The C encoder writing a container of scalars as `indent=2` does at depth `level`."""
        encode = encoders.get(level)
        if encode is None:
            separator = ",\n" + "  " * (level + 1)
            encode = encoders[level] = make(None, _refuse, strings, None, ": ", separator, False, False, True)
        return encode

    def flat(container: Any, level: int) -> str:
        text: str = "".join(encoder(level)(container, 0))
        return f"{text[0]}\n{'  ' * (level + 1)}{text[1:-1]}\n{'  ' * level}{text[-1]}"

    def records(items: Any, level: int) -> str:
        """A list of objects of scalars, in one call, its separators then fixed.

        A raw newline is only ever a separator; between two objects (whose values are scalars,
        never `}`) it follows `}` and precedes `{`.
        """
        outer, inner, items_pad = "  " * level, "  " * (level + 1), "  " * (level + 2)
        text: str = "".join(encoder(level + 1)(items, 0))
        between = text[2:-2].replace(f"}},\n{items_pad}{{", f"\n{inner}}},\n{inner}{{\n{items_pad}")
        return f"[\n{inner}{{\n{items_pad}{between}\n{inner}}}\n{outer}]"

    def write(item: Any, level: int, out: list[str]) -> None:
        if isinstance(item, _SCALARS):
            out.append("".join(encoder(0)(item, 0)))
        elif isinstance(item, dict):
            if not item:
                out.append("{}")
            elif _PLAIN.issuperset(map(type, item.values())) or all(isinstance(v, _SCALARS) for v in item.values()):
                out.append(flat(item, level))
            else:
                inner = "\n" + "  " * (level + 1)
                out.append("{")
                for index, (key, member) in enumerate(item.items()):
                    if not isinstance(key, str):
                        raise _Unusual
                    out.append(("," if index else "") + inner + strings(key) + ": ")
                    write(member, level + 1, out)
                out.append("\n" + "  " * level + "}")
        elif isinstance(item, (list, tuple)):
            if not item:
                out.append("[]")
            elif all(isinstance(v, _SCALARS) for v in item):
                out.append(flat(item, level))
            elif all(type(v) is dict and v and _PLAIN.issuperset(map(type, v.values())) for v in item):
                out.append(records(item, level))
            else:
                inner = "\n" + "  " * (level + 1)
                out.append("[")
                for index, member in enumerate(item):
                    out.append(("," if index else "") + inner)
                    write(member, level + 1, out)
                out.append("\n" + "  " * level + "]")
        else:
            raise _Unusual

    out: list[str] = []
    try:
        write(value, 0, out)
    except (_Unusual, ValueError, TypeError):
        return _fallback(value, ensure_ascii)
    return "".join(out)


def _fallback(value: Any, ensure_ascii: bool) -> str:
    import json

    return json.dumps(value, ensure_ascii=ensure_ascii, indent=2)


def _refuse(value: object) -> object:
    raise _Unusual
