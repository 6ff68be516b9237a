"""The dataset cache: same answers cold and warm, rebuilt when stale or damaged, subsets exact."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import Invoke
from rouge_cli.common.position import Position
from rouge_cli.config.locations import ENV_CACHE
from rouge_cli.dataset.load import read_document, validate
from rouge_cli.dataset.store import open_store
from rouge_cli.gate import gate, where
from rouge_cli.query.find import match
from strategies import Generated, datasets, positions
from support import MINI
from toml_writer import to_toml

COMMANDS = [
    ("who", "giallon", "-e", "5", "--json"),
    ("who", "puppeteer", "-e", "12", "--json"),
    ("who", "gialon", "-e", "5"),
    ("who", "junghardt", "-e", "8"),
    ("list", "-e", "8", "--json"),
    ("list", "-f", "immortal nine", "-e", "9"),
    ("timeline", "jill", "-e", "13", "--json"),
    ("factions", "-e", "7", "--json"),
    ("episode", "4", "-e", "6", "--json"),
    ("search", "nectar", "-e", "3", "--json"),
]


def cache_files(root: Path) -> list[str]:
    folder = root / "cache" / "rouge"
    return sorted(os.listdir(folder)) if folder.exists() else []


@pytest.mark.parametrize("args", COMMANDS, ids=[" ".join(a) for a in COMMANDS])
def test_cold_and_warm_runs_answer_the_same(invoke: Invoke, tmp_path: Path, args: tuple[str, ...]) -> None:
    cold = invoke(*args)
    assert cache_files(tmp_path), "the first run writes the cache"
    warm = invoke(*args)
    assert (cold.exit_code, cold.stdout, cold.stderr) == (warm.exit_code, warm.stdout, warm.stderr)


@pytest.mark.parametrize("damage", ["truncate-records", "garbage-meta", "remove-bucket", "remove-order", "empty-words"])
def test_damaged_cache_is_rebuilt(invoke: Invoke, tmp_path: Path, damage: str) -> None:
    expected = [invoke(*args) for args in COMMANDS[:6]]
    folder = tmp_path / "cache" / "rouge"
    names = sorted(os.listdir(folder))
    if damage == "truncate-records":
        (folder / next(n for n in names if n.endswith(".records"))).write_bytes(b"\x00" * 10)
    elif damage == "garbage-meta":
        (folder / next(n for n in names if n.endswith(".meta"))).write_bytes(b"not marshal")
    elif damage == "remove-bucket":
        os.unlink(folder / next(n for n in names if ".ids." in n))
    elif damage == "remove-order":
        os.unlink(folder / next(n for n in names if n.endswith(".order")))
    else:
        import marshal

        for name in names:
            if ".words." in name:
                (folder / name).write_bytes(marshal.dumps({}))
    for args, before in zip(COMMANDS[:6], expected, strict=True):
        after = invoke(*args)
        assert (after.exit_code, after.stdout, after.stderr) == (before.exit_code, before.stdout, before.stderr), args


def test_a_changed_dataset_is_read_again_and_old_caches_are_removed(invoke: Invoke, tmp_path: Path) -> None:
    data = tmp_path / "mini.toml"
    data.write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    first = invoke("who", "rouge", "-e", "1", "--json", "--data", str(data))
    assert "Hunts rogue androids." in first.stdout
    before = set(cache_files(tmp_path))
    data.write_text(data.read_text(encoding="utf-8").replace("Hunts rogue androids.", "Hunts rogue machines."))
    os.utime(data, ns=(1, 1))
    second = invoke("who", "rouge", "-e", "1", "--json", "--data", str(data))
    assert "Hunts rogue machines." in second.stdout and "androids" not in second.stdout
    assert not before & set(cache_files(tmp_path)), "the caches of the old version are gone"


def test_an_unwritable_cache_directory_is_not_an_error(invoke: Invoke, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    result = invoke("who", "giallon", "-e", "5", env={"XDG_CACHE_HOME": str(blocker)})
    assert result.exit_code == 0 and result.stderr == ""


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    datasets(max_episodes=5, max_characters=7).flatmap(
        lambda g: st.tuples(st.just(g), positions(g.dataset.episode_count), st.sampled_from(sorted(g.revealed)))
    )
)
def test_a_lookup_subset_gives_the_same_answer_as_the_whole_dataset(case: tuple[Generated, Position, str]) -> None:
    generated, episode, query = case
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data.toml"
        data.write_text(to_toml(generated.dataset), encoding="utf-8")
        assume(not validate(read_document(data))[1])
        os.environ[ENV_CACHE] = str(Path(folder) / "cache")
        try:
            open_store(data)  # the cold run writes the cache
            warm = open_store(data)
            subset = gate(warm.for_query(query, where(generated.dataset, episode).moment), episode)
            whole = gate(open_store(data).everything(), episode)
        finally:
            del os.environ[ENV_CACHE]
        assert whole == gate(generated.dataset, episode)
        assert match(subset.characters, query) == match(whole.characters, query)
