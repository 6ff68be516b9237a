"""Doors outside the gate: the work a lookup does, and the order of what is listed."""

from __future__ import annotations

import json
import os
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rouge_cli.cli.app import app
from rouge_cli.common.position import Position, moment
from rouge_cli.config.locations import ENV_CACHE
from rouge_cli.dataset.load import read_document, validate
from rouge_cli.dataset.model import Dataset
from rouge_cli.dataset.store import open_store
from strategies import Generated, datasets, positions
from support import MINI
from toml_writer import to_toml


def test_a_name_revealed_later_costs_what_a_name_that_never_existed_costs(tmp_path: Path) -> None:
    """Counted, not timed: a lookup loads no record for a word nobody can see yet."""
    os.environ[ENV_CACHE] = str(tmp_path / "cache")
    try:
        open_store(MINI)
        store = open_store(MINI)
        before = Position(2).moment  # "verde" is first said in episode 3
        store.for_query("verde", before)
        later = store.loaded_for_query
        store.for_query("zzzzz", before)
        never = store.loaded_for_query
        store.for_query("verde", Position(3).moment)
        seen = store.loaded_for_query
    finally:
        del os.environ[ENV_CACHE]
    assert later == never == 0 and seen > 0


def shuffled(data: Dataset, seed: int) -> Dataset:
    order = random.Random(seed)
    characters, factions = list(data.characters), list(data.factions)
    order.shuffle(characters)
    order.shuffle(factions)
    terms = list(data.terms)
    order.shuffle(terms)
    return Dataset(data.series, data.sources, data.episodes, tuple(factions), tuple(characters), tuple(terms))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    datasets(max_episodes=3, max_characters=6).flatmap(
        lambda g: st.tuples(st.just(g), positions(g.dataset.episode_count), st.integers(0, 999))
    )
)
def test_no_output_depends_on_the_order_of_the_data_file(case: tuple[Generated, Position, int]) -> None:
    generated, position, seed = case
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        original, reordered = root / "a.toml", root / "b.toml"
        original.write_text(to_toml(generated.dataset), encoding="utf-8")
        assume(not validate(read_document(original))[1])
        reordered.write_text(to_toml(shuffled(generated.dataset, seed)), encoding="utf-8")
        env = {"XDG_CACHE_HOME": str(root / "cache"), "XDG_CONFIG_HOME": str(root / "cfg"), "COLUMNS": "200"}
        e = str(position)
        commands = [("list", "-e", e, "--json"), ("factions", "-e", e, "--json"), ("list", "-e", e)]
        commands += [("episode", str(n), "-e", e, "--json") for n in range(1, position.episode + 1)]
        for args in commands:
            outputs = [
                runner.invoke(app, [*args, "--data", str(path)], env=env, catch_exceptions=False)
                for path in (original, reordered)
            ]
            assert outputs[0].stdout == outputs[1].stdout, args
            assert outputs[0].exit_code == outputs[1].exit_code == 0, args


def test_characters_first_seen_together_follow_the_screen_then_their_names(tmp_path: Path) -> None:
    runner = CliRunner()
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    result = runner.invoke(app, ["episode", "1", "-e", "1", "--json"], env=env)
    seen = [c["id"] for c in json.loads(result.stdout)["new_characters"]]
    from rouge_cli.dataset.load import load_dataset

    data = {c.id: c for c in load_dataset().characters}
    moments = [moment(data[i].revealed_in, data[i].at) for i in seen]
    assert moments == sorted(moments)
