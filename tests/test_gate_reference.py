"""The gate, written for speed, gives exactly the view of the plain reference gate (tests/reference_gate.py).

The reference is the gate as it was before its per-item tests were written out: the same
rules, one helper per rule. The datasets are the random valid ones of `strategies`, their
items shuffled (the fast paths must not assume the file's order) and some names repeated.
"""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

import reference_gate
from rouge_cli.dataset.model import Character, Dataset
from rouge_cli.gate import gate
from strategies import datasets, positions

FIELDS = ("names", "species", "status", "factions", "relations", "facts", "appears_in")


def shuffled(dataset: Dataset, rng: random.Random) -> Dataset:
    """`dataset` with each character's items (and the characters) in another order, and a name repeated."""

    def mix(c: Character) -> Character:
        items = {}
        for name in FIELDS:
            values = list(getattr(c, name))
            rng.shuffle(values)
            items[name] = tuple(values)
        names = items["names"]
        if names and rng.random() < 0.3:  # the same text again, as another kind, shown earlier or later
            repeated = names[0]._replace(kind=rng.choice(["name", "alias", "spelling"]))
            items["names"] = (*names, repeated) if rng.random() < 0.5 else (repeated, *names)
        return c._replace(**items)

    characters = [mix(c) for c in dataset.characters]
    rng.shuffle(characters)
    return dataset._replace(characters=tuple(characters))


cases = datasets(max_episodes=5, max_characters=8).flatmap(
    lambda g: st.tuples(st.just(g), positions(g.dataset.episode_count), st.randoms(use_true_random=False))
)


@settings(max_examples=300, deadline=None)
@given(cases)
def test_the_gate_gives_the_reference_view(case: tuple[object, object, random.Random]) -> None:
    generated, drawn, rng = case
    for dataset in (generated.dataset, shuffled(generated.dataset, rng)):  # type: ignore[attr-defined]
        for position in [*range(1, dataset.episode_count + 1), reference_gate.where(dataset, drawn)]:
            expected = reference_gate.gate(dataset, position)
            actual = gate(dataset, position)
            assert actual == expected, position
            assert repr(actual) == repr(expected), position  # the same record types too
