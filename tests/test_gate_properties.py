"""Property tests of the gate over random datasets and positions: nothing early leaks, nothing revealed is lost."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hypothesis import given, settings
from hypothesis import strategies as st

from rouge_cli.common.position import Position, moment
from rouge_cli.dataset.model import Dataset
from rouge_cli.gate import gate, where
from rouge_cli.view import View
from strategies import RUNTIME, Generated, datasets, positions

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


def episode_and_data() -> st.SearchStrategy[tuple[Generated, Position]]:
    return datasets().flatmap(lambda g: st.tuples(st.just(g), positions(g.dataset.episode_count)))


def seen(data: Dataset, position: Position, episode: int, at: int | None) -> bool:
    """The gate's rule, restated: an item is visible when its moment is not after the position's."""
    return moment(episode, at) <= where(data, position).moment


@settings(max_examples=200, deadline=None)
@given(episode_and_data())
def test_nothing_in_the_view_is_dated_after_the_position(case: tuple[Generated, Position]) -> None:
    generated, position = case
    view = gate(generated.dataset, position)
    limit = where(generated.dataset, position).moment
    assert {"episode", "characters"} <= {name for name, _ in walk(view)}
    for name, value in walk(view):
        if name in EPISODE_FIELDS and isinstance(value, int):
            assert value <= position.episode, (name, value)
    for token in TOKEN.findall(repr(view)):
        assert generated.revealed[token] <= limit, f"{token} is revealed at {generated.revealed[token]}"


@settings(max_examples=150, deadline=None)
@given(
    datasets().flatmap(
        lambda g: st.tuples(st.just(g), positions(g.dataset.episode_count), positions(g.dataset.episode_count))
    )
)
def test_a_later_position_shows_a_superset(case: tuple[Generated, Position, Position]) -> None:
    generated, first, second = case
    earlier, later = sorted((first, second), key=lambda p: where(generated.dataset, p).moment)
    before = set(TOKEN.findall(repr(gate(generated.dataset, earlier))))
    after = set(TOKEN.findall(repr(gate(generated.dataset, later))))
    # Once a persona is unmasked its own id and descriptor give way to its target's, and a relation
    # between the two becomes a relation of one character with itself, which is not shown; all else stays.
    assert {t for t in before - after if not t.startswith(("cid", "dsc", "rel"))} == set()


@settings(max_examples=150, deadline=None)
@given(datasets().flatmap(lambda g: st.tuples(st.just(g), st.integers(1, g.dataset.episode_count))))
def test_the_end_of_an_episode_is_the_whole_episode(case: tuple[Generated, int]) -> None:
    generated, episode = case
    assert gate(generated.dataset, Position(episode, RUNTIME)) == gate(generated.dataset, episode)


@settings(max_examples=150, deadline=None)
@given(datasets().flatmap(lambda g: st.tuples(st.just(g), st.integers(1, g.dataset.episode_count))))
def test_the_start_of_an_episode_shows_only_what_is_timed_at_its_start(case: tuple[Generated, int]) -> None:
    generated, episode = case
    shown = set(TOKEN.findall(repr(gate(generated.dataset, Position(episode, 0)))))
    start = moment(episode, 0)
    assert all(generated.revealed[t] <= start for t in shown)
    if episode > 1:
        previous = set(TOKEN.findall(repr(gate(generated.dataset, episode - 1))))
        extra = {t for t in shown - previous if not t.startswith("title")}
        assert all(generated.revealed[t] == start for t in extra)


def visible_strings(view: View) -> set[str]:
    return {value for _, value in walk(view) if isinstance(value, str)}


@settings(max_examples=200, deadline=None)
@given(episode_and_data())
def test_nothing_revealed_is_lost(case: tuple[Generated, Position]) -> None:
    generated, position = case
    data = generated.dataset
    view = gate(data, position)
    shown = visible_strings(view)

    def now(episode: int, at: int | None) -> bool:
        return seen(data, position, episode, at)

    visible = {c.id for c in data.characters if now(c.revealed_in, c.at)}
    group = {c.id: c.id for c in data.characters}
    for c in data.characters:
        if c.same_as is not None and now(c.same_as.revealed_in, c.same_as.at):
            group[c.id] = c.same_as.target_id
    for c in data.characters:
        if c.id not in visible:
            continue
        for item in (*c.names, *c.facts):
            if now(item.revealed_in, item.at):
                assert item.text in shown
        for relation in c.relations:
            if now(relation.revealed_in, relation.at) and group[relation.to] != group[c.id]:
                assert relation.label in shown
    for faction in data.factions:
        if now(faction.revealed_in, faction.at):
            assert all(n.text in shown for n in faction.names if now(n.revealed_in, n.at))


@settings(max_examples=200, deadline=None)
@given(episode_and_data())
def test_a_persona_stays_apart_until_its_reveal(case: tuple[Generated, Position]) -> None:
    generated, position = case
    data = generated.dataset
    view = gate(data, position)

    def merged_by_now(c: object) -> bool:
        same_as = getattr(c, "same_as", None)
        return same_as is not None and seen(data, position, same_as.revealed_in, same_as.at)

    owner = {}
    for c in data.characters:
        for item in (*c.names, *c.facts):
            owner[item.text] = c
    for character in view.characters:
        allowed = {character.id} | {
            c.id for c in data.characters if c.same_as and c.same_as.target_id == character.id and merged_by_now(c)
        }
        for item in (*character.names, *character.facts):
            assert owner[item.text].id in allowed
    merged = {c.id for c in data.characters if merged_by_now(c) and seen(data, position, c.revealed_in, c.at)}
    assert not merged & {c.id for c in view.characters}
