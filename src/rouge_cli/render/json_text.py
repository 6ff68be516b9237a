"""`json.dumps(value, indent=2)`, byte for byte, several times faster on large documents.

Python's encoder writes indented JSON in pure Python; its C encoder writes only one line.
Here each list or object holding only scalars is written by one call of the C encoder,
whose item separator carries the newline and the indentation of its level. A list of
objects with the same keys (most of a large document: characters, facts, edges) is written
a column at a time: each column's values are encoded together (strings by the C string
encoder, over `map`), a list of such lists is flattened and written the same way, and each
object is then joined from its values and the text between them, made once for its keys
and depth. The
containers around them are joined here. Anything the C encoder is not available for, or an
unusual key, falls back to `json.dumps`.

The C encoder is taken from `_json` itself: the `json` package imports `re` and its decoder,
which a document's writer does not need (`json` is imported only to fall back).
"""

from __future__ import annotations

from itertools import chain, repeat

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
_DICTS = frozenset({dict})
_LISTS = frozenset({list, tuple})
_SHAPES = 8
"""A list of objects with more different sets of keys than this is written one object at a time."""


def _values(objects: Any) -> Any:
    """Every value of every one of `objects` (dicts), in one iterator run in C."""
    return chain.from_iterable(map(dict.values, objects))


class _Unusual(Exception):
    """A value this writer leaves to `json.dumps` (a key that is not a string, an unknown type)."""


def dumps(value: Any, ensure_ascii: bool) -> str:
    """The text of `json.dumps(value, ensure_ascii=ensure_ascii, indent=2)`."""
    make = getattr(_json, "make_encoder", None)
    if make is None:
        return _fallback(value, ensure_ascii)
    strings = _json.encode_basestring_ascii if ensure_ascii else _json.encode_basestring
    encoders: dict[int, Any] = {}
    templates: dict[tuple[tuple[str, ...], int], tuple[str, ...]] = {}

    def encoder(level: int) -> Any:
        """The C encoder writing a container of scalars as `indent=2` does at depth `level`."""
        encode = encoders.get(level)
        if encode is None:
            separator = ",\n" + "  " * (level + 1)
            encode = encoders[level] = make(None, _refuse, strings, None, ": ", separator, False, False, True)
        return encode

    def scalar(value: Any) -> str:
        kind = type(value)
        if kind is str:
            return strings(value)
        if kind is int:
            return int.__repr__(value)
        if value is None:
            return "null"
        if kind is bool:
            return "true" if value else "false"
        text: str = "".join(encoder(0)(value, 0))
        return text

    def flat(container: Any, level: int) -> str:
        text: str = "".join(encoder(level)(container, 0))
        return f"{text[0]}\n{'  ' * (level + 1)}{text[1:-1]}\n{'  ' * level}{text[-1]}"

    def block(texts: Any, level: int) -> str:
        """A list at depth `level` of items already written."""
        inner = "  " * (level + 1)
        return f"[\n{inner}" + f",\n{inner}".join(texts) + f"\n{'  ' * level}]"

    def column(values: list[Any], level: int) -> list[str]:
        """Each of `values` as written at depth `level`."""
        types = set(map(type, values))
        if types == {str}:
            return list(map(strings, values))
        if types == {int}:
            return list(map(int.__repr__, values))
        if types == {type(None)}:
            return ["null"] * len(values)
        if _PLAIN.issuperset(types):
            return list(map(scalar, values))
        if _LISTS.issuperset(types):  # lists of objects: all of their objects at once
            items = list(chain.from_iterable(values))
            if _PLAIN.issuperset(map(type, items)):  # lists of scalars
                return [flat(value, level) if value else "[]" for value in values]
            texts = objects(items, level + 1) if items and _DICTS.issuperset(map(type, items)) and all(items) else None
            if texts is not None:
                result, at = [], 0
                for value in values:
                    result.append(block(texts[at : at + len(value)], level) if value else "[]")
                    at += len(value)
                return result
        result = []
        for value in values:
            out: list[str] = []
            write(value, level, out)
            result.append("".join(out))
        return result

    def objects(items: list[dict[Any, Any]], level: int) -> list[str] | None:
        """Each of `items` (non-empty dicts) as written at depth `level`, a column at a time; None if too varied."""
        shapes = list(map(tuple, items))
        kinds = set(shapes)
        if len(kinds) > _SHAPES or not all(isinstance(key, str) for shape in kinds for key in shape):
            return None
        if len(kinds) > 1:  # each set of keys on its own, then back in order
            result: list[str] = [""] * len(items)
            for shape in kinds:
                where = [index for index, found in enumerate(shapes) if found == shape]
                for index, text in zip(where, same_keys([items[i] for i in where], shape, level), strict=True):
                    result[index] = text
            return result
        return same_keys(items, shapes[0], level)

    def same_keys(items: list[dict[str, Any]], keys: tuple[str, ...], level: int) -> list[str]:
        parts = templates.get((keys, level))
        if parts is None:  # what comes before each value, and the closing brace
            inner = "  " * (level + 1)
            lead = [f"{{\n{inner}{strings(keys[0])}: ", *(f",\n{inner}{strings(key)}: " for key in keys[1:])]
            parts = templates[keys, level] = (*lead, f"\n{'  ' * level}}}")
        pieces: list[Any] = [repeat(parts[-1])]
        for index, key in enumerate(keys):
            pieces[-1:-1] = [repeat(parts[index]), column([item[key] for item in items], level + 1)]
        return list(map("".join, zip(*pieces, strict=False)))  # the texts repeat without end

    def write(item: Any, level: int, out: list[str]) -> None:
        if isinstance(item, _SCALARS):
            out.append(scalar(item))
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
            elif _PLAIN.issuperset(map(type, item)) or all(isinstance(v, _SCALARS) for v in item):
                out.append(flat(item, level))
            else:
                texts = objects(list(item), level + 1) if _DICTS.issuperset(map(type, item)) and all(item) else None
                if texts is not None:
                    out.append(block(texts, level))
                    return
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
