"""`rouge since` and `rouge relations` read a subset of the cache: it answers exactly like the whole dataset."""

from __future__ import annotations

import importlib.util
import marshal
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import Invoke
from rouge_cli.common.position import Position
from rouge_cli.config import cache
from rouge_cli.config.locations import ENV_CACHE
from rouge_cli.dataset import reach
from rouge_cli.dataset.load import load_dataset, read_document, validate
from rouge_cli.dataset.model import (
    Character,
    Dataset,
    DatedValue,
    Episode,
    Fact,
    Identity,
    Name,
    Relation,
    Series,
    Source,
)
from rouge_cli.dataset.reach import for_relations, for_since, reported
from rouge_cli.dataset.store import Store, open_store
from rouge_cli.dataset.store import _write as write_cache
from rouge_cli.gate import gate, where
from rouge_cli.query.fan import catch_up, relation_edges
from rouge_cli.query.find import match
from rouge_cli.render.as_json import catch_up_document, relations_document
from rouge_cli.view import View
from strategies import Generated, datasets, positions
from support import MINI, ROOT
from toml_writer import to_toml


def synthetic_dataset(path: Path, characters: int, episodes: int, facts: int) -> None:
    """The benchmarks' synthetic dataset, smaller."""
    spec = importlib.util.spec_from_file_location("benchmark_run", ROOT / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    module = sys.modules.setdefault(spec.name, importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)
    module.synthetic_dataset(path, characters, episodes, facts)


@contextmanager
def cache_folder() -> Iterator[Path]:
    """A throw-away cache directory, in force while the block runs."""
    with tempfile.TemporaryDirectory() as folder:
        before = os.environ.get(ENV_CACHE)
        os.environ[ENV_CACHE] = folder
        try:
            yield Path(folder)
        finally:
            if before is None:
                del os.environ[ENV_CACHE]
            else:
                os.environ[ENV_CACHE] = before


@contextmanager
def cached(dataset: Dataset | Path) -> Iterator[Store]:
    """A warm store for `dataset`: a file read through `open_store`, or a model written straight to the cache."""
    with cache_folder():
        if isinstance(dataset, Path):
            open_store(dataset)  # the cold run writes the cache
            yield open_store(dataset)
        else:
            meta, _ = write_cache(dataset, "test")
            yield Store(meta, "test")


def since_document(view: View, first: int) -> dict[str, Any]:
    return catch_up_document(view, catch_up(view, first))


def relations_of(view: View, query: str | None) -> dict[str, Any]:
    return relations_document(view, relation_edges(view, query))


def valid(generated: Generated, secret: bool) -> Dataset:
    """The generated dataset if it validates; with `secret`, its aliases are secret (Gladiator) names."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.toml"
        path.write_text(to_toml(generated.dataset), encoding="utf-8")
        assume(not validate(read_document(path))[1])
    if not secret:
        return generated.dataset
    characters = tuple(
        c._replace(names=tuple(n._replace(secret=n.kind == "alias") for n in c.names))
        for c in generated.dataset.characters
    )
    return generated.dataset._replace(characters=characters)


def every_position(dataset: Dataset, drawn: Position) -> list[Position]:
    """Each whole episode, and the drawn position (often inside one)."""
    return [*(Position(n) for n in range(1, dataset.episode_count + 1)), where(dataset, drawn)]


Case = tuple[Generated, Position, bool]


def cases() -> st.SearchStrategy[Case]:
    return datasets(max_episodes=5, max_characters=8).flatmap(
        lambda g: st.tuples(st.just(g), positions(g.dataset.episode_count), st.booleans())
    )


@contextmanager
def catch_ups_read(what: str) -> Iterator[None]:
    """Every catch-up in the block reads the news records only (`what` = "news") or the characters' records."""
    before = reach.LONG
    reach.LONG = 0 if what == "news" else 1 << 60
    try:
        yield
    finally:
        reach.LONG = before


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_since_reads_a_subset_and_answers_like_the_whole_dataset(case: Case) -> None:
    dataset, drawn = valid(case[0], case[2]), case[1]
    with cached(dataset) as store:
        for position in every_position(dataset, drawn):
            whole = gate(dataset, position)
            for first in range(1, position.episode + 1):
                for what in ("news", "records"):
                    with catch_ups_read(what):
                        subset = gate(for_since(store, first, position), position)
                    assert since_document(subset, first) == since_document(whole, first), (first, position, what)


@pytest.mark.parametrize("dataset", [MINI, ROOT / "data" / "characters.toml"], ids=["mini", "shipped"])
def test_short_and_long_catch_ups_load_the_same_characters(dataset: Path) -> None:
    """A catch-up built from the news records loads what one built from the characters' records does."""
    whole = load_dataset(dataset)
    with cached(dataset) as store:
        for last in range(1, whole.episode_count + 1):
            for position in (Position(last), Position(last, 600)):
                for first in range(1, last + 1):
                    loaded = {}
                    for what in ("news", "records"):
                        with catch_ups_read(what):
                            loaded[what] = for_since(store, first, position).characters
                    assert loaded["news"] == loaded["records"], (first, position)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_relations_read_a_subset_and_answer_like_the_whole_dataset(case: Case) -> None:
    dataset, drawn = valid(case[0], case[2]), case[1]
    queries = sorted(token for token in case[0].revealed if token.startswith(("nam", "dsc")))
    with cached(dataset) as store:
        for position in every_position(dataset, drawn):
            whole = gate(dataset, position)
            everyone = gate(for_relations(store, None, position), position)
            assert relations_of(everyone, None) == relations_of(whole, None), position
            for query in queries:
                one = gate(for_relations(store, query, position), position)
                found = match(whole.characters, query)
                assert [c.id for c in match(one.characters, query)] == [c.id for c in found]
                if len(found) == 1:  # otherwise the command gates the whole dataset for its message
                    assert relations_of(one, query) == relations_of(whole, query), (query, position)


def character(cid: str, **items: Any) -> Character:
    """A character first seen in episode 1, named after its id, with `items` (model fields) added."""
    fields: dict[str, Any] = {"names": (Name(cid.capitalize(), "name", 1, "S"),), "species": (), "status": ()}
    fields.update(factions=(), relations=(), facts=())
    return Character(cid, 1, "S", None, **{**fields, **items})


def test_since_follows_every_kind_of_news_to_who_it_names() -> None:
    """Each kind of news a catch-up reports, in an episode where nothing else happens to those it involves."""
    fact = Fact("Hides a sword.", 1, "S", superseded_in=2)
    characters = (
        character("ada", relations=(Relation("bea", "rival", 1, "S", superseded_in=2),)),
        character("bea"),
        character("cid", same_as=Identity("dan", 2, "S")),
        character("dan"),
        character("eve", names=(Name("Eve", "name", 1, "S"), Name("Flash", "alias", 2, "S", secret=True))),
        character("fay", status=(DatedValue("alive", 1, "S"), DatedValue("dead", 2, "S"))),
        character("gus", facts=(fact,)),
        character("hal", facts=(Fact("Came back.", 3, "S"),)),
    )
    episodes = tuple(Episode(n, f"Part {n}", f"2024-01-0{n}", False, "S") for n in (1, 2, 3))
    dataset = Dataset(Series("Test", "Test", 2024), (Source("S", "test"),), episodes, (), characters)
    with cached(dataset) as store:
        loaded = for_since(store, 2, Position(2))
        assert [c.id for c in loaded.characters] == ["ada", "bea", "cid", "dan", "eve", "fay", "gus"]
        for position in map(Position, (1, 2, 3)):
            for first in range(1, position.episode + 1):
                subset = gate(for_since(store, first, position), position)
                assert since_document(subset, first) == since_document(gate(dataset, position), first)
    document = since_document(gate(dataset, 2), 2)
    assert [r["text"] for r in document["identities"]] == ["Cid is Dan", "Eve is Flash"]
    assert [r["text"] for r in document["overturned"]] == ["Ada: Bea as rival", "Gus: Hides a sword."]
    assert [r["text"] for r in document["learned_dead"] + document["deaths"]] == ["Fay"]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("synthetic") / "synthetic.toml"
    synthetic_dataset(path, characters=300, episodes=200, facts=3000)
    return path


def test_since_loads_only_who_has_something_to_report_then(synthetic: Path) -> None:
    whole = load_dataset(synthetic)
    position = Position(200)
    expected = {c.id for c in whole.characters if 200 in reported(c)}
    with cached(synthetic) as store:
        loaded = for_since(store, 200, position)
    assert {c.id for c in loaded.characters} == expected
    assert 0 < len(expected) < len(whole.characters) // 2
    assert all(f.revealed_in == 200 for c in loaded.characters for f in c.facts), "only the facts it reports"
    assert not any(c.species or c.factions or c.appears_in or c.relations for c in loaded.characters), "what it reads"
    assert since_document(gate(loaded, position), 200) == since_document(gate(whole, position), 200)


def test_a_short_catch_up_reads_its_news_records_only(synthetic: Path) -> None:
    """Made on first use, the news records carry each id's `ids.B` row and what a catch-up reads of it:
    the next catch-up on those episodes reads no id bucket and no character's record."""
    with cached(synthetic) as store, catch_ups_read("news"):
        assert for_since(store, 199, Position(200)).characters  # makes the news records of 199 and 200
        again = open_store(synthetic)
        asked: list[str] = []
        rows = again._rows

        def counted(ids: Iterable[str]) -> dict[str, tuple[Any, ...]]:
            wanted = list(ids)
            asked.extend(wanted)
            return rows(wanted)

        again._rows = counted  # type: ignore[method-assign]
        loaded = for_since(again, 199, Position(200))
        assert loaded.characters
        assert not [name for name in again._pieces if name.startswith("ids.")]
        assert asked == []
        reach.LONG = 1 << 60
        assert for_since(again, 2, Position(200)).characters
        assert asked, "a long catch-up reads the characters' records"


def test_relations_of_one_load_it_and_its_neighbours_only(synthetic: Path) -> None:
    whole = load_dataset(synthetic)
    position = Position(200)
    holder = next(c for c in whole.characters if c.relations)
    name = holder.names[0].text
    related = {holder.id, *(r.to for r in holder.relations)}
    related |= {c.id for c in whole.characters if any(r.to == holder.id for r in c.relations)}
    with cached(synthetic) as store:
        loaded = for_relations(store, name, position)
        everyone = for_relations(store, None, position)
    assert {c.id for c in loaded.characters} == related
    assert {c.id for c in everyone.characters} == {c.id for c in whole.characters if c.relations} | {
        r.to for c in whole.characters for r in c.relations
    }
    assert not any(c.facts for c in everyone.characters), "the relation map reads no facts"
    view = gate(whole, position)
    assert relations_of(gate(loaded, position), name) == relations_of(view, name)
    assert relations_of(gate(everyone, position), None) == relations_of(view, None)


def test_early_relations_load_nothing_not_shown_yet(synthetic: Path) -> None:
    with cached(synthetic) as store:
        assert for_relations(store, None, Position(199)).characters == ()  # every relation is shown in episode 200


SHIPPED = [
    ("since", "1", "-e", "13", "--json"),
    ("since", "4", "-e", "9"),
    ("since", "2", "-e", "2@05:00", "--json"),
    ("relations", "-e", "13", "--json"),
    ("relations", "afdal", "-e", "4"),
    ("relations", "phantom", "-e", "5", "--json"),
    ("relations", "ro", "-e", "9"),
]


@pytest.mark.parametrize("args", SHIPPED, ids=[" ".join(a) for a in SHIPPED])
def test_damaged_indexes_are_rebuilt(invoke: Invoke, tmp_path: Path, args: tuple[str, ...]) -> None:
    expected = invoke(*args)
    folder = tmp_path / "cache" / "rouge"
    for name in os.listdir(folder):
        if name.endswith(".related") or ".news." in name or ".into." in name or ".recap." in name:
            (folder / name).write_bytes(b"garbage")
    again = invoke(*args)
    assert (again.exit_code, again.stdout, again.stderr) == (expected.exit_code, expected.stdout, expected.stderr)
    assert any(name.endswith(".related") for name in os.listdir(folder))


OTHER_SHAPES = [
    (".news.", ("since", "2", "-e", "4", "--json"), {2: (("c1",), None)}),
    (".news.", ("since", "2", "-e", "4", "--json"), {2: [1, 2]}),
    (".news.", ("since", "2", "-e", "4", "--json"), {"2": ()}),
    (".related", ("relations", "-e", "5", "--json"), {1: "x"}),
    (".related", ("relations", "-e", "5", "--json"), {"c1": (1,)}),
    (".into.", ("relations", "afdal", "-e", "5", "--json"), {"afdal": [("x", "y")]}),
]


@pytest.mark.parametrize(("kind", "args", "piece"), OTHER_SHAPES)
def test_a_well_formed_index_of_another_shape_is_rebuilt(
    invoke: Invoke, tmp_path: Path, kind: str, args: tuple[str, ...], piece: object
) -> None:
    """An index that reads back (its header and CRC-32 are right) but holds something else: no traceback."""
    expected = invoke(*args)
    folder = tmp_path / "cache" / "rouge"
    for name in os.listdir(folder):
        if kind in name:
            cache.write(str(folder / name), piece)
    again = invoke(*args)
    assert (again.exit_code, again.stdout, again.stderr) == (expected.exit_code, expected.stdout, expected.stderr)


def test_a_damaged_news_record_is_made_again(invoke: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reach, "LONG", 0)  # every catch-up reads news records
    args = ("since", "2", "-e", "4", "--json")
    invoke(*args)  # the first run writes the cache (and reads the dataset it holds)
    expected = invoke(*args)
    folder = tmp_path / "cache" / "rouge"
    records = sorted(name for name in os.listdir(folder) if ".recap." in name)
    assert [name.rsplit(".", 1)[1] for name in records] == ["2", "3", "4"]
    for damage in (b"garbage", marshal.dumps(("not", "entries")), marshal.dumps(((1, 2, 3, 4, 5),))):
        (folder / records[0]).write_bytes(damage)
        again = invoke(*args)
        assert (again.exit_code, again.stdout, again.stderr) == (expected.exit_code, expected.stdout, expected.stderr)
        assert type(cache.read(str(folder / records[0]))) is tuple


def test_a_store_without_a_cache_answers_too() -> None:
    """When the cache cannot be written, the loaders read from the dataset held in memory."""
    with cache_folder() as folder:
        folder.rmdir()
        folder.write_text("not a directory")
        store = open_store(MINI)
        folder.unlink()
        folder.mkdir()
    whole = load_dataset(MINI)
    for episode in range(1, whole.episode_count + 1):
        position = Position(episode)
        view = gate(whole, position)
        assert since_document(gate(for_since(store, 1, position), position), 1) == since_document(view, 1)
        assert relations_of(gate(for_relations(store, None, position), position), None) == relations_of(view, None)
