"""Property tests of the gate over random datasets: nothing early leaks, nothing revealed is lost."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from rouge_cli.gate import gate
from rouge_cli.view import View
from strategies import Generated, datasets

TOKEN = re.compile(r"[a-z]{3,5}\d{4}x")
EPISODE_FIELDS = {"episode", "first_seen", "overturned_in", "ended_in", "number"}


def walk(value: object) -> Iterator[tuple[str, object]]:
    """Every (field name, value) pair inside a view (named tuples of named tuples), recursively."""
    fields: tuple[str, ...] | None = getattr(value, "_fields", None)
    if fields is not None and isinstance(value, tuple):
        for name, inner in zip(fields, value, strict=True):
            yield name, inner
            yield from walk(inner)
    elif isinstance(value, tuple):
        for item in value:
            yield from walk(item)


def episode_and_data() -> st.SearchStrategy[tuple[Generated, int]]:
    return datasets().flatmap(lambda g: st.tuples(st.just(g), st.integers(1, g.dataset.episode_count)))


@settings(max_examples=200, deadline=None)
@given(episode_and_data())
def test_nothing_in_the_view_is_dated_after_the_episode(case: tuple[Generated, int]) -> None:
    generated, episode = case
    view = gate(generated.dataset, episode)
    assert {"episode", "characters"} <= {name for name, _ in walk(view)}
    for name, value in walk(view):
        if name in EPISODE_FIELDS and isinstance(value, int):
            assert value <= episode, (name, value)
    for token in TOKEN.findall(repr(view)):
        assert generated.revealed[token] <= episode, f"{token} is revealed in {generated.revealed[token]}"


def visible_strings(view: View) -> set[str]:
    return {value for _, value in walk(view) if isinstance(value, str)}


@settings(max_examples=200, deadline=None)
@given(episode_and_data())
def test_nothing_revealed_is_lost(case: tuple[Generated, int]) -> None:
    generated, episode = case
    data = generated.dataset
    view = gate(data, episode)
    shown = visible_strings(view)
    visible = {c.id for c in data.characters if c.revealed_in <= episode}
    group = {c.id: c.id for c in data.characters}
    for c in data.characters:
        if c.same_as is not None and c.same_as.revealed_in <= episode:
            group[c.id] = c.same_as.target_id
    for c in data.characters:
        if c.id not in visible:
            continue
        for item in (*c.names, *c.facts):
            if item.revealed_in <= episode:
                assert item.text in shown
        for relation in c.relations:
            if relation.revealed_in <= episode and group[relation.to] != group[c.id]:
                assert relation.label in shown
    for faction in data.factions:
        if faction.revealed_in <= episode:
            assert all(n.text in shown for n in faction.names if n.revealed_in <= episode)


@settings(max_examples=200, deadline=None)
@given(episode_and_data())
def test_a_persona_stays_apart_until_its_reveal(case: tuple[Generated, int]) -> None:
    generated, episode = case
    data = generated.dataset
    view = gate(data, episode)
    owner = {}
    for c in data.characters:
        for item in (*c.names, *c.facts):
            owner[item.text] = c
    for character in view.characters:
        allowed = {character.id} | {
            c.id
            for c in data.characters
            if c.same_as and c.same_as.target_id == character.id and c.same_as.revealed_in <= episode
        }
        for item in (*character.names, *character.facts):
            assert owner[item.text].id in allowed
    merged = {
        c.id for c in data.characters if c.same_as and c.same_as.revealed_in <= episode and c.revealed_in <= episode
    }
    assert not merged & {c.id for c in view.characters}
