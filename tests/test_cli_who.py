"""`rouge who` through the real command line (CliRunner), on the mini dataset."""

from __future__ import annotations

import json

import pytest

from conftest import Invoke
from support import MINI

DATA = ("--data", str(MINI))


def test_profile_shows_the_name_in_use_and_the_episode_in_force(invoke: Invoke) -> None:
    result = invoke("who", "afdal", "-e", "4", *DATA)
    assert result.exit_code == 0
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "Mini Rouge · as known up to episode 4 (Unmasked)"
    assert "Afdal Bashal" in lines
    assert "Persona       Phantom Verde (unmasked in episode 4)" in lines
    assert not any(line.startswith("Also known as") for line in lines), "the persona is listed once"
    assert "Episode 3 · Masks" in lines


def test_json_profile_is_the_whole_documented_object(invoke: Invoke) -> None:
    result = invoke("who", "afdal", "-e", "4", "--json", *DATA)
    assert result.exit_code == 0 and result.stderr == ""
    assert json.loads(result.stdout) == {
        "schema_version": 1,
        "up_to_episode": 4,
        "at": None,
        "character": {
            "id": "doctor",
            "name": "Afdal Bashal",
            "named": True,
            "descriptor": None,
            "aliases": ["Phantom Verde"],
            "spellings": [],
            "japanese_names": [],
            "species": "Proto-Nean",
            "status": "dead",
            "factions": ["Immortal Nine"],
            "former_factions": [],
            "first_seen": 2,
            "first_seen_at": "10:00",
            "facts": [
                {"episode": 2, "at": "10:30", "text": "Treats androids for free.", "source": "S"},
                {"episode": 3, "at": None, "text": "Named as the next target.", "source": "S"},
            ],
            "overturned_facts": [],
            "relations": [],
        },
    }


def test_persona_keeps_its_own_id_before_the_reveal(invoke: Invoke) -> None:
    result = invoke("who", "phantom verde", "-e", "3", "--json", *DATA)
    assert json.loads(result.stdout)["character"] == {
        "id": "phantom",
        "name": "Phantom Verde",
        "named": True,
        "descriptor": None,
        "aliases": [],
        "spellings": [],
        "japanese_names": [],
        "species": None,
        "status": "unknown",
        "factions": ["Immortal Nine"],
        "former_factions": [],
        "first_seen": 3,
        "first_seen_at": None,
        "facts": [{"episode": 3, "at": None, "text": "Named as the next target.", "source": "S"}],
        "overturned_facts": [],
        "relations": [],
    }


def test_overturned_belief_leaves_the_profile_once_overturned(invoke: Invoke) -> None:
    before = json.loads(invoke("who", "rouge", "-e", "3", "--json", *DATA).stdout)["character"]
    after = json.loads(invoke("who", "rouge", "-e", "4", "--json", *DATA).stdout)["character"]
    claim = "Is told the doctor killed her father."
    assert claim in [f["text"] for f in before["facts"]] and before["overturned_facts"] == []
    assert claim not in [f["text"] for f in after["facts"]]
    assert after["overturned_facts"] == [
        {"episode": 2, "at": "12:00", "text": claim, "source": "S", "overturned_in": 4}
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("RÓUGE", "Rouge Redstar"),
        ("metal rouge", "Rouge Redstar"),
        ("redstar", "Rouge Redstar"),
        ("  sarah   FITZ ", "Sarah Fitz"),
        ("varok", "Eden Varock"),
        ("scavenger", "Eden Varock"),
    ],
)
def test_matching_ignores_case_accents_and_matches_whole_words(invoke: Invoke, query: str, expected: str) -> None:
    result = invoke("who", query, "-e", "4", "--json", *DATA)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["character"]["name"] == expected


def test_part_of_a_word_is_not_a_match(invoke: Invoke) -> None:
    result = invoke("who", "sara", "-e", "4", *DATA)
    assert result.exit_code == 1
    assert (
        result.stderr == "rouge: error: no character known up to episode 4 matches 'sara'. Did you mean 'Sarah Fitz'?\n"
    )


def test_unnamed_character_is_found_by_its_descriptor(invoke: Invoke) -> None:
    result = invoke("who", "long-haired scavenger", "-e", "2", "--json", *DATA)
    character = json.loads(result.stdout)["character"]
    assert (character["name"], character["named"], character["aliases"]) == ("long-haired scavenger", False, [])


def test_several_matches_list_visible_names_and_exit_1(invoke: Invoke, tmp_path: pytest.TempPathFactory) -> None:
    text = MINI.read_text(encoding="utf-8").replace('"Sarah Fitz"', '"Sarah Redstar"')
    path = tmp_path / "two-redstars.toml"  # type: ignore[operator]
    path.write_text(text, encoding="utf-8")
    result = invoke("who", "redstar", "-e", "1", "--data", str(path))
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        "rouge: error: 'redstar' matches 2 characters: Rouge Redstar, Sarah Redstar. Be more specific.\n"
    )


def test_sources_flag_shows_where_facts_come_from(invoke: Invoke) -> None:
    assert "(source: S)" in invoke("who", "rouge", "-e", "1", "--sources", *DATA).stdout
    assert "(source: S)" not in invoke("who", "rouge", "-e", "1", *DATA).stdout


def test_unrevealed_name_answers_like_a_name_that_never_existed(invoke: Invoke) -> None:
    hidden = invoke("who", "eden", "-e", "2", *DATA)
    unknown = invoke("who", "ezra", "-e", "2", *DATA)
    assert (hidden.exit_code, hidden.stdout) == (unknown.exit_code, unknown.stdout) == (1, "")
    assert hidden.stderr.replace("'eden'", "'ezra'") == unknown.stderr
    assert "Eden" not in hidden.stderr and "Varock" not in hidden.stderr


def test_did_you_mean_only_offers_visible_names(invoke: Invoke) -> None:
    early = invoke("who", "edem", "-e", "2", *DATA)
    assert early.exit_code == 1 and "Eden" not in early.stderr
    late = invoke("who", "edem", "-e", "3", *DATA)
    assert "Did you mean 'Eden Varock'?" in late.stderr
