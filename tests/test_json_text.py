"""The fast JSON writer writes exactly what `json.dumps(..., indent=2)` writes."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from rouge_cli.render.json_text import dumps

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
    st.sampled_from(["", "\u2028", "\x00\x1f\x7f", "é漢字\U0001f600", '"\\/']),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.lists(children, max_size=3).map(tuple),
        st.dictionaries(st.text(max_size=8), children, max_size=5),
    ),
    max_leaves=40,
)


@settings(max_examples=400)
@given(documents, st.booleans())
def test_the_same_text_as_json_dumps(document: Any, ensure_ascii: bool) -> None:
    assert dumps(document, ensure_ascii) == json.dumps(document, ensure_ascii=ensure_ascii, indent=2)


@given(st.dictionaries(st.one_of(st.integers(), st.booleans(), st.none()), scalars, max_size=4), st.booleans())
def test_keys_that_are_not_strings_too(document: dict[Any, Any], ensure_ascii: bool) -> None:
    nested = {"a": [document, {"b": document}]}
    for value in (document, nested):
        assert dumps(value, ensure_ascii) == json.dumps(value, ensure_ascii=ensure_ascii, indent=2)


def test_an_unknown_type_fails_as_json_dumps_does() -> None:
    for value in ({"a": {1, 2}}, [object()], {"a": [{"b": b"x"}]}):
        try:
            json.dumps(value, indent=2)
        except TypeError as expected:
            try:
                dumps(value, True)
            except TypeError as error:
                assert str(error) == str(expected)
            else:
                raise AssertionError("no error")


tricky = st.one_of(scalars, st.sampled_from(["}", "{", "},\n    {", "}, {", "\n", "[{", "}]", '"}'])).filter(
    lambda v: not isinstance(v, float) or v == v
)
records = st.lists(st.dictionaries(st.text(max_size=4), tricky, min_size=1, max_size=4), min_size=1, max_size=6)


@settings(max_examples=300)
@given(records, st.integers(0, 3), st.booleans())
def test_lists_of_objects_of_scalars_at_any_depth(items: list[dict[str, Any]], depth: int, ensure_ascii: bool) -> None:
    document: Any = items
    for _ in range(depth):
        document = {"x": [1, document], "y": {}}
    assert dumps(document, ensure_ascii) == json.dumps(document, ensure_ascii=ensure_ascii, indent=2)


keys = st.sampled_from(["a", "b", "c{", "}d", '"e', "é", "{}", "{0}"])
flat_objects = st.dictionaries(keys, tricky, max_size=3)
members = st.one_of(
    tricky,
    flat_objects,
    st.lists(flat_objects, max_size=3),
    st.lists(st.integers(), max_size=2),
    st.lists(st.lists(flat_objects, max_size=2), max_size=2),
)
shaped = st.lists(st.dictionaries(keys, members, max_size=4), max_size=6)


@settings(max_examples=500)
@given(shaped, st.integers(0, 2), st.booleans())
def test_lists_of_objects_written_a_column_at_a_time(items: list[dict[str, Any]], depth: int, ascii: bool) -> None:
    """Objects sharing keys (or not), holding lists of objects that share keys (or not), at any depth."""
    document: Any = items
    for _ in range(depth):
        document = {"x": [1, document], "y": {}, "z": [items, items]}
    assert dumps(document, ascii) == json.dumps(document, ensure_ascii=ascii, indent=2)
