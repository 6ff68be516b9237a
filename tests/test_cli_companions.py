"""`episodes`, `episode N`, `timeline`, `search` and `factions`, on the mini dataset."""

from __future__ import annotations

import json

from conftest import Invoke
from support import MINI

DATA = ("--data", str(MINI))


def doc(invoke: Invoke, *args: str) -> dict[str, object]:
    result = invoke(*args, *DATA)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    document: dict[str, object] = json.loads(result.stdout)
    return document


def test_episodes_stop_at_the_episode_in_force(invoke: Invoke) -> None:
    assert doc(invoke, "episodes", "-e", "2", "--json") == {
        "schema_version": 1,
        "up_to_episode": 2,
        "at": None,
        "episodes": [
            {
                "number": 1,
                "title": "Dawn",
                "air_date": "2024-01-11",
                "air_date_inferred": False,
                "runtime": "24:00",
                "synopsis": "Rouge hunts a singer of the Immortal Nine.",
            },
            {
                "number": 2,
                "title": "Bus",
                "air_date": "2024-01-18",
                "air_date_inferred": False,
                "runtime": "24:00",
                "synopsis": "A long bus ride with a silent scavenger and Afdal Bashal.",
            },
        ],
    }
    table = invoke("episodes", "-e", "2", *DATA).stdout
    assert "Bus" in table and "Masks" not in table and "Unmasked" not in table


def test_recap_of_an_unmasking(invoke: Invoke) -> None:
    assert doc(invoke, "episode", "4", "-e", "4", "--json") == {
        "schema_version": 1,
        "up_to_episode": 4,
        "at": None,
        "episode": {"number": 4, "title": "Unmasked", "complete": True, "synopsis": None},
        "new_characters": [],
        "new_factions": [],
        "identities": [
            {"id": "doctor", "name": "Afdal Bashal", "text": "Phantom Verde is Afdal Bashal", "source": "S"}
        ],
        "names": [],
        "memberships": [],
        "deaths": [{"id": "doctor", "name": "Afdal Bashal", "text": "Afdal Bashal", "source": "S"}],
        "learned_dead": [],
        "overturned": [
            {
                "id": "heroine",
                "name": "Rouge Redstar",
                "text": "Rouge Redstar: Is told the doctor killed her father.",
                "source": "S",
            }
        ],
        "facts": [
            {
                "id": "heroine",
                "name": "Rouge Redstar",
                "facts": [
                    {"episode": 4, "at": "21:00", "text": "Learns her father died by his own plan.", "source": "S"}
                ],
            }
        ],
    }


def test_recap_sections_for_people(invoke: Invoke) -> None:
    lines = invoke("episode", "3", "-e", "3", *DATA).stdout.splitlines()
    assert lines[1] == "Episode 3 · Masks"
    for expected in ("New characters", "  - Phantom Verde", "New factions", "  - Bureau", "Names revealed"):
        assert expected in lines
    assert "  - The long-haired scavenger is named Eden Varock" in lines
    assert not any("spelled" in line for line in lines), "spellings are not recap lines"


def test_a_recap_marks_what_a_later_episode_overturned(invoke: Invoke) -> None:
    lines = invoke("episode", "2", "-e", "4", *DATA, env={"COLUMNS": "200"}).stdout.splitlines()
    assert "  - Is told the doctor killed her father.  (overturned in episode 4)" in lines
    before = invoke("episode", "2", "-e", "3", *DATA, env={"COLUMNS": "200"}).stdout.splitlines()
    assert "  - Is told the doctor killed her father." in before
    document = doc(invoke, "episode", "2", "-e", "4", "--json")
    facts = {f["text"]: f for c in document["facts"] for f in c["facts"]}  # type: ignore[union-attr,index]
    assert facts["Is told the doctor killed her father."]["overturned_in"] == 4


def test_a_recap_lists_what_the_episode_overturned_first(invoke: Invoke) -> None:
    lines = invoke("episode", "4", "-e", "4", *DATA, env={"COLUMNS": "200"}).stdout.splitlines()
    assert lines.index("Overturned in this episode") < lines.index("Deaths")
    assert "  - Rouge Redstar: Is told the doctor killed her father." in lines


def test_recap_of_a_later_episode_is_refused_like_an_unknown_one(invoke: Invoke) -> None:
    later = invoke("episode", "4", "-e", "3", *DATA)
    unknown = invoke("episode", "9", "-e", "3", *DATA)
    assert later.exit_code == unknown.exit_code == 1
    assert later.stdout == unknown.stdout == ""
    assert later.stderr == "rouge: error: no episode 4 up to episode 3 (choose 1 to 3).\n"
    assert unknown.stderr == later.stderr.replace("episode 4 ", "episode 9 ")


def test_timeline_marks_overturned_beliefs_only_once_overturned(invoke: Invoke) -> None:
    claim = "Is told the doctor killed her father."
    before = doc(invoke, "timeline", "rouge", "-e", "3", "--json")
    after = doc(invoke, "timeline", "rouge", "-e", "4", "--json")
    fact = {"episode": 2, "at": "12:00", "kind": "fact", "text": claim, "source": "S"}
    assert fact in before["events"]  # type: ignore[operator]
    assert {**fact, "overturned_in": 4} in after["events"]  # type: ignore[operator]
    text = invoke("timeline", "rouge", "-e", "4", *DATA).stdout
    assert f"{claim}  (overturned in episode 4)" in text


def test_timeline_of_a_merged_persona(invoke: Invoke) -> None:
    events = doc(invoke, "timeline", "verde", "-e", "4", "--json")["events"]
    assert {
        "episode": 4,
        "at": "15:00",
        "kind": "identity",
        "text": "Revealed: Phantom Verde is Afdal Bashal",
        "source": "S",
    } in events  # type: ignore[operator]


def test_search_groups_hits_by_character(invoke: Invoke) -> None:
    assert doc(invoke, "search", "andr", "-e", "2", "--json") == {
        "schema_version": 1,
        "up_to_episode": 2,
        "at": None,
        "query": "andr",
        "count": 4,
        "results": [
            {
                "kind": "character",
                "id": "heroine",
                "name": "Rouge Redstar",
                "hits": [{"episode": 1, "at": None, "field": "fact", "text": "Hunts rogue androids.", "source": "S"}],
            },
            {
                "kind": "character",
                "id": "doctor",
                "name": "Afdal Bashal",
                "hits": [
                    {"episode": 2, "at": "10:30", "field": "fact", "text": "Treats androids for free.", "source": "S"}
                ],
            },
            {
                "kind": "faction",
                "id": "nine",
                "name": "Immortal Nine",
                "hits": [{"episode": 1, "at": None, "field": "fact", "text": "Rogue androids.", "source": "S"}],
            },
            {
                "kind": "term",
                "id": "nectar",
                "name": "Nectar",
                "hits": [
                    {
                        "episode": 1,
                        "at": "05:00",
                        "field": "fact",
                        "text": "What androids inject to keep going.",
                        "source": "S",
                    }
                ],
            },
        ],
    }


def test_search_for_a_hidden_name_reads_like_any_empty_search(invoke: Invoke) -> None:
    hidden = invoke("search", "verde", "-e", "2", *DATA)
    nothing = invoke("search", "qqqqq", "-e", "2", *DATA)
    assert hidden.exit_code == nothing.exit_code == 0
    assert hidden.stdout.replace("'verde'", "'qqqqq'") == nothing.stdout
    assert "No results for 'verde' up to episode 2." in hidden.stdout
    assert doc(invoke, "search", "verde", "-e", "2", "--json")["count"] == 0


def test_factions_count_only_visible_members(invoke: Invoke) -> None:
    early = doc(invoke, "factions", "-e", "2", "--json")
    assert early["factions"] == [
        {
            "id": "nine",
            "name": "Immortal Nine",
            "aliases": [],
            "japanese_names": [],
            "size": 9,
            "first_seen": 1,
            "member_count": 1,
            "members": [{"id": "singer", "name": "Sarah Fitz"}],
            "former_members": [],
            "facts": [{"episode": 1, "at": None, "text": "Rogue androids.", "source": "S"}],
        }
    ]
    late = doc(invoke, "factions", "-e", "4", "--json")["factions"]
    assert [(f["name"], f["member_count"]) for f in late] == [("Immortal Nine", 2), ("Bureau", 0)]  # type: ignore[index,union-attr]
    tree = invoke("factions", "-e", "3", *DATA).stdout
    assert "Immortal Nine  2 of 9 known" in tree and "Phantom Verde" in tree
    assert "Afdal Bashal (dead)" in invoke("factions", "-e", "4", *DATA).stdout
