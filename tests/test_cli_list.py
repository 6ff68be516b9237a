"""`rouge list` through the real command line, on the mini dataset."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Invoke
from support import MINI

DATA = ("--data", str(MINI))


def names(stdout: str) -> list[str]:
    return [c["name"] for c in json.loads(stdout)["characters"]]


def test_table_lists_visible_characters_in_order_of_first_appearance(invoke: Invoke) -> None:
    result = invoke("list", "-e", "2", *DATA)
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.splitlines() == [
        "Mini Rouge · characters known up to episode 2 (Bus)",
        "Name                   Species  Factions       Status   Seen",
        "Rouge Redstar          Nean     -              alive    ep 1",
        "Sarah Fitz             Nean     Immortal Nine  dead     ep 1",
        "long-haired scavenger  ?        -              unknown  ep 2",
        "Afdal Bashal           Human    -              alive    ep 2",
    ]


def test_json_list_is_an_envelope_of_character_objects(invoke: Invoke) -> None:
    result = invoke("list", "-e", "1", "--json", *DATA)
    assert result.exit_code == 0 and result.stderr == ""
    document = json.loads(result.stdout)
    assert document["schema_version"] == 1 and document["up_to_episode"] == 1
    assert document["characters"][1] == {
        "id": "singer",
        "name": "Sarah Fitz",
        "named": True,
        "descriptor": None,
        "aliases": [],
        "spellings": [],
        "japanese_names": [],
        "species": "Nean",
        "status": "alive",
        "factions": ["Immortal Nine"],
        "former_factions": [],
        "first_seen": 1,
        "first_seen_at": None,
        "facts": [{"episode": 1, "at": None, "text": "Sings at a club.", "source": "S"}],
        "overturned_facts": [],
        "relations": [],
    }


@pytest.mark.parametrize(
    ("episode", "expected"),
    [("1", ["Sarah Fitz"]), ("3", ["Sarah Fitz", "Phantom Verde"]), ("4", ["Sarah Fitz", "Afdal Bashal"])],
)
def test_faction_filter_follows_memberships_and_merges(invoke: Invoke, episode: str, expected: list[str]) -> None:
    result = invoke("list", "--faction", "immortal nine", "-e", episode, "--json", *DATA)
    assert result.exit_code == 0
    assert names(result.stdout) == expected


def test_faction_alias_is_matched_only_once_revealed(invoke: Invoke, tmp_path: Path) -> None:
    assert invoke("list", "-f", "the nine", "-e", "3", *DATA).exit_code == 0
    # Before the alias "The Nine" is said, "the nine" still finds the Immortal Nine by its name
    # ("the" is not part of a name), exactly as it would if the alias did not exist at all.
    erased = tmp_path / "erased.toml"
    erased.write_text(MINI.read_text(encoding="utf-8").replace('"The Nine"', '"Zyqwv"'), encoding="utf-8")
    early = invoke("list", "-f", "the nine", "-e", "2", *DATA)
    control = invoke("list", "-f", "the nine", "-e", "2", "--data", str(erased))
    assert (early.exit_code, early.stdout, early.stderr) == (control.exit_code, control.stdout, control.stderr)
    hidden = invoke("list", "-f", "zyqwv", "-e", "2", "--data", str(erased))
    assert hidden.exit_code == 1 and hidden.stderr == (
        "rouge: error: no faction known up to episode 2 matches 'zyqwv'. Known factions: Immortal Nine.\n"
    )


def test_unrevealed_faction_answers_like_an_unknown_one(invoke: Invoke) -> None:
    hidden = invoke("list", "-f", "bureau", "-e", "2", *DATA)
    unknown = invoke("list", "-f", "guild", "-e", "2", *DATA)
    assert hidden.exit_code == unknown.exit_code == 1
    assert hidden.stderr.replace("'bureau'", "'guild'") == unknown.stderr


def test_species_and_status_filters(invoke: Invoke) -> None:
    # A Proto-Nean is a Nean: the list of Neans never shrinks as the show reveals who is a Proto-Nean.
    assert names(invoke("list", "--species", "nean", "-e", "4", "--json", *DATA).stdout) == [
        "Rouge Redstar",
        "Sarah Fitz",
        "Afdal Bashal",
    ]
    assert names(invoke("list", "--species", "proto-nean", "-e", "4", "--json", *DATA).stdout) == ["Afdal Bashal"]
    assert names(invoke("list", "--status", "dead", "-e", "4", "--json", *DATA).stdout) == [
        "Sarah Fitz",
        "Afdal Bashal",
    ]


def test_empty_result_is_success(invoke: Invoke) -> None:
    table = invoke("list", "--species", "Visitor", "-e", "4", *DATA)
    assert table.exit_code == 0 and "No characters match." in table.stdout
    document = invoke("list", "--species", "Visitor", "-e", "4", "--json", *DATA)
    assert document.exit_code == 0 and json.loads(document.stdout)["characters"] == []


def test_bad_status_is_a_usage_error(invoke: Invoke) -> None:
    result = invoke("list", "--status", "undead", *DATA)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("rouge: error: rouge list: Invalid value for '--status'")
