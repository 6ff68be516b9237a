"""Broken datasets: each must be rejected with a message naming the key path and the problem."""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from rouge_cli.common.errors import DataError
from rouge_cli.dataset.load import load_dataset, validate
from support import MINI
from toml_writer import to_toml

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

Doc = dict[str, Any]
BASE: Doc = tomllib.loads(MINI.read_text(encoding="utf-8"))


def character(doc: Doc, character_id: str) -> Doc:
    return next(c for c in doc["characters"] if c["id"] == character_id)


def setting(path: Callable[[Doc], Doc], key: str, value: Any) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        path(doc)[key] = value

    return mutate


def removing(path: Callable[[Doc], Doc], key: str) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        del path(doc)[key]

    return mutate


def heroine(doc: Doc) -> Doc:
    return character(doc, "heroine")


def heroine_fact(doc: Doc) -> Doc:
    return character(doc, "heroine")["facts"][0]


def appending(key: str, item: Doc) -> Callable[[Doc], None]:
    def mutate(doc: Doc) -> None:
        doc[key].append(copy.deepcopy(item))

    return mutate


BROKEN: list[Any] = [
    pytest.param(setting(lambda d: d, "colour", "red"), "colour: unknown key", id="unknown-top-key"),
    pytest.param(setting(heroine, "nickname", "x"), "characters[0].nickname: unknown key", id="unknown-character-key"),
    pytest.param(
        setting(heroine_fact, "episode", 1), "characters[0].facts[0].episode: unknown key", id="unknown-fact-key"
    ),
    pytest.param(removing(heroine, "source"), "characters[0].source: missing required key", id="missing-source"),
    pytest.param(removing(heroine_fact, "source"), "characters[0].facts[0].source: missing", id="fact-without-source"),
    pytest.param(
        setting(heroine_fact, "revealed_in", "1"),
        "characters[0].facts[0].revealed_in: expected an episode number, found a string",
        id="episode-as-string",
    ),
    pytest.param(
        setting(heroine_fact, "revealed_in", True),
        "characters[0].facts[0].revealed_in: expected an episode number, found a boolean",
        id="episode-as-bool",
    ),
    pytest.param(
        setting(heroine_fact, "revealed_in", 5),
        "characters[0].facts[0].revealed_in: episode 5 is outside 1..4",
        id="episode-too-late",
    ),
    pytest.param(
        setting(heroine_fact, "revealed_in", 0),
        "characters[0].facts[0].revealed_in: episode 0 is outside 1..4",
        id="episode-zero",
    ),
    pytest.param(
        setting(heroine_fact, "text", "   "), "characters[0].facts[0].text: must not be empty", id="empty-text"
    ),
    pytest.param(
        setting(heroine_fact, "text", 7),
        "characters[0].facts[0].text: expected a string, found an integer",
        id="text-as-int",
    ),
    pytest.param(
        setting(heroine, "facts", {"a": 1}),
        "characters[0].facts: expected an array, found a table",
        id="facts-not-array",
    ),
    pytest.param(
        setting(heroine, "names", ["Rouge"]),
        "characters[0].names[0]: expected a table, found a string",
        id="name-not-table",
    ),
    pytest.param(
        setting(lambda d: heroine(d)["names"][0], "kind", "nick"),
        "characters[0].names[0].kind: 'nick' is not one of name, alias, spelling, japanese",
        id="bad-name-kind",
    ),
    pytest.param(
        setting(lambda d: character(d, "singer")["status"][1], "value", "missing"),
        "characters[1].status[1].value: 'missing' is not one of alive, dead, unknown",
        id="bad-status",
    ),
    pytest.param(
        setting(lambda d: character(d, "singer"), "id", "heroine"),
        "characters[1].id: duplicate character id 'heroine'",
        id="duplicate-id",
    ),
    pytest.param(
        setting(lambda d: d["factions"][1], "id", "nine"),
        "factions[1].id: duplicate faction id 'nine'",
        id="duplicate-faction-id",
    ),
    pytest.param(
        setting(lambda d: heroine(d)["relations"][0], "to", "nobody"),
        "characters[0].relations[0].to: unknown character id 'nobody'",
        id="dangling-relation",
    ),
    pytest.param(
        setting(lambda d: character(d, "singer")["factions"][0], "id", "guild"),
        "characters[1].factions[0].id: unknown faction id 'guild'",
        id="dangling-faction",
    ),
    pytest.param(
        setting(lambda d: character(d, "phantom")["same_as"], "id", "ghost"),
        "characters[4].same_as.id: unknown character id 'ghost'",
        id="dangling-same-as",
    ),
    pytest.param(
        setting(lambda d: character(d, "phantom")["same_as"], "id", "phantom"),
        "cannot be the same as itself",
        id="self-same-as",
    ),
    pytest.param(
        setting(lambda d: character(d, "phantom")["same_as"], "revealed_in", 2),
        "same_as.revealed_in: episode 2 at 15:00 is before the persona first appears (episode 3)",
        id="reveal-before-persona",
    ),
    pytest.param(
        setting(lambda d: heroine(d)["facts"][1], "superseded_in", 1),
        "characters[0].facts[1].superseded_in: superseded_in (1) must be after revealed_in (2)",
        id="superseded-not-after",
    ),
    pytest.param(
        setting(lambda d: character(d, "scavenger")["facts"][0], "revealed_in", 1),
        "characters[2].facts[0].revealed_in: episode 1 at 02:30 is before the character first appears "
        "(episode 2 at 02:00)",
        id="fact-before-character",
    ),
    pytest.param(
        setting(lambda d: character(d, "scavenger")["names"][0], "revealed_in", 1),
        "characters[2].names[0].revealed_in: episode 1 is before the character first appears",
        id="name-before-character",
    ),
    pytest.param(
        setting(lambda d: heroine(d)["relations"][0], "revealed_in", 1),
        "relations[0].revealed_in: episode 1 at 11:00 is before 'doctor' first appears (episode 2 at 10:00)",
        id="relation-before-target",
    ),
    pytest.param(
        setting(lambda d: character(d, "singer")["factions"][0], "id", "bureau"),
        "episode 1 is before the faction is introduced (episode 3)",
        id="membership-before-faction",
    ),
    pytest.param(
        removing(lambda d: character(d, "scavenger"), "descriptor"),
        "characters[2].descriptor: required",
        id="no-descriptor",
    ),
    pytest.param(
        setting(heroine_fact, "source", "S, NOPE"),
        "characters[0].facts[0].source: source key 'NOPE' is not declared in [sources]",
        id="undeclared-source",
    ),
    pytest.param(
        setting(heroine_fact, "text", "Meets Eden Varock."),
        "characters[0].facts[0].text: spoiler: a text shown in episode 1 names 'Eden Varock', "
        "first revealed in episode 3",
        id="lint-late-name",
    ),
    pytest.param(
        setting(lambda d: character(d, "scavenger"), "descriptor", "the one called varok"),
        "characters[2].descriptor: spoiler: a text shown in episode 2 at 02:00 names 'Varok'",
        id="lint-descriptor",
    ),
    pytest.param(
        setting(lambda d: character(d, "scavenger"), "id", "eden-varock"), "characters[2].id: spoiler", id="lint-id"
    ),
    pytest.param(
        setting(lambda d: d["episodes"][0], "title", "Phantom Verde Rises"),
        "episodes[0].title: spoiler",
        id="lint-episode-title",
    ),
    pytest.param(
        setting(lambda d: character(d, "phantom")["facts"][0], "text", "Afdal Bashal in a mask."),
        "characters[4].facts[0].text: spoiler: ties 'phantom' to 'doctor' before the reveal in episode 4",
        id="identity-lint-persona-text",
    ),
    pytest.param(
        setting(lambda d: character(d, "doctor")["facts"][0], "text", "Plays Phantom Verde."),
        "characters[3].facts[0].text: spoiler: ties 'phantom' to 'doctor'",
        id="identity-lint-target-text",
    ),
    pytest.param(
        setting(lambda d: heroine(d)["facts"][1], "text", "Sees Afdal Bashal become Phantom Verde."),
        "spoiler: ties 'phantom' to 'doctor' before the reveal",
        id="identity-lint-third-party",
    ),
    pytest.param(
        setting(lambda d: d["episodes"][2], "number", 7),
        "episodes[2].number: expected episode 3 (episodes are numbered 1..n in order)",
        id="episode-numbering-gap",
    ),
    pytest.param(
        setting(lambda d: d["episodes"][0], "air_date", "soon"),
        "episodes[0].air_date: expected a date (YYYY-MM-DD), found a string",
        id="bad-air-date",
    ),
    pytest.param(
        setting(lambda d: d, "episodes", []), "episodes: the dataset needs at least one episode", id="no-episodes"
    ),
    pytest.param(
        setting(lambda d: d["factions"][0], "names", []),
        "factions[0].names: a faction needs at least one name",
        id="nameless-faction",
    ),
]


@pytest.mark.parametrize(("mutate", "fragment"), BROKEN)
def test_broken_dataset_is_rejected_with_its_key_path(mutate: Callable[[Doc], None], fragment: str) -> None:
    doc = copy.deepcopy(BASE)
    mutate(doc)
    _, problems = validate(doc)
    messages = [str(p) for p in problems]
    assert any(fragment in m for m in messages), messages


def test_the_base_dataset_is_clean() -> None:
    _, problems = validate(copy.deepcopy(BASE))
    assert problems == []


def test_all_problems_are_reported_in_one_run() -> None:
    doc = copy.deepcopy(BASE)
    heroine_fact(doc)["revealed_in"] = 9
    character(doc, "singer")["nickname"] = "x"
    character(doc, "phantom")["same_as"]["id"] = "ghost"
    _, problems = validate(doc)
    paths = {p.path for p in problems}
    assert {"characters[0].facts[0].revealed_in", "characters[1].nickname", "characters[4].same_as.id"} <= paths


def test_load_raises_with_every_problem(tmp_path: Path) -> None:
    text = MINI.read_text(encoding="utf-8").replace("Hunts rogue androids.", "Hunts Eden Varock.")
    path = tmp_path / "spoiler.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(path)
    assert len(caught.value.problems) == 1 and "Eden Varock" in caught.value.message


@pytest.mark.parametrize("path", [pytest.param(MINI, id="mini"), pytest.param(None, id="shipped")])
def test_the_tests_dataset_writer_writes_what_the_loader_reads(tmp_path: Path, path: Path | None) -> None:
    """The property tests write their random datasets with `toml_writer`: it must lose nothing."""
    original = load_dataset(path)
    written = tmp_path / "written.toml"
    written.write_text(to_toml(original), encoding="utf-8")
    assert load_dataset(written) == original
