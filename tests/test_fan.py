"""What a fan asks next, at every position: terms, synopses, the cast, rosters, the relation map, a catch-up."""

from __future__ import annotations

import json

import pytest

from conftest import Invoke
from support import MINI

DATA = ("--data", str(MINI))


def doc(invoke: Invoke, *args: str) -> dict[str, object]:
    result = invoke(*args, "--json", *DATA)
    assert result.exit_code == 0 and result.stderr == "", result.stderr
    document: dict[str, object] = json.loads(result.stdout)
    return document


def test_terms_appear_when_first_said(invoke: Invoke) -> None:
    assert doc(invoke, "terms", "-e", "1@04:59")["terms"] == []
    terms = doc(invoke, "terms", "-e", "1@05:00")["terms"]
    assert terms == [
        {
            "id": "nectar",
            "name": "Nectar",
            "aliases": [],
            "japanese_names": ["ネクタル"],
            "first_seen": 1,
            "first_seen_at": "05:00",
            "facts": [{"episode": 1, "at": "05:00", "text": "What androids inject to keep going.", "source": "S"}],
        }
    ]
    later = doc(invoke, "terms", "ネクタル", "-e", "3")["term"]
    assert [f["text"] for f in later["facts"]][-1] == "Is made on a faraway planet."  # type: ignore[index]


def test_a_term_not_said_yet_reads_like_an_unknown_one(invoke: Invoke) -> None:
    hidden = invoke("terms", "nectar", "-e", "1@04:00", *DATA)
    unknown = invoke("terms", "zyqwv", "-e", "1@04:00", *DATA)
    assert hidden.exit_code == unknown.exit_code == 1
    assert hidden.stderr.replace("'nectar'", "Q") == unknown.stderr.replace("'zyqwv'", "Q")


def test_search_finds_terms(invoke: Invoke) -> None:
    results = doc(invoke, "search", "nectar", "-e", "1")["results"]
    assert {"kind": "term", "id": "nectar"}.items() <= results[0].items()  # type: ignore[index,union-attr]


def test_a_synopsis_waits_for_the_end_of_its_episode(invoke: Invoke) -> None:
    paused = doc(invoke, "episode", "2", "-e", "2@23:00")["episode"]
    assert paused["synopsis"] is None  # type: ignore[index]
    whole = doc(invoke, "episode", "2", "-e", "2")["episode"]
    assert whole["synopsis"].startswith("A long bus ride")  # type: ignore[index,union-attr]
    listed = invoke("episodes", "-e", "2@05:00", "--synopsis", *DATA).stdout
    assert "Rouge hunts a singer" in listed and "A long bus ride" not in listed


@pytest.mark.parametrize(
    ("position", "cast"),
    [("2@01:59", []), ("2@05:00", [("scavenger", "02:00")]), ("2", [("scavenger", "02:00"), ("doctor", "10:00")])],
)
def test_cast_lists_who_has_appeared_so_far(invoke: Invoke, position: str, cast: list[tuple[str, str]]) -> None:
    present = doc(invoke, "cast", "2", "-e", position)["cast"]
    assert [(c["id"], c["at"]) for c in present] == cast  # type: ignore[index,union-attr]


def test_cast_of_a_later_episode_is_refused_like_one_that_does_not_exist(invoke: Invoke) -> None:
    later = invoke("cast", "3", "-e", "2", *DATA)
    never = invoke("cast", "9", "-e", "2", *DATA)
    assert later.exit_code == never.exit_code == 1
    assert later.stderr.replace("episode 3 ", "episode N ") == never.stderr.replace("episode 9 ", "episode N ")


def test_roster_counts_known_and_unknown_places(invoke: Invoke) -> None:
    roster = doc(invoke, "roster", "immortal nine", "-e", "4")
    assert roster["faction"] == {"id": "nine", "name": "Immortal Nine", "size": 9, "unknown": 7}
    assert [(m["name"], m["status"], m["episode"]) for m in roster["members"]] == [  # type: ignore[union-attr,index]
        ("Sarah Fitz", "dead", 1),
        ("Afdal Bashal", "dead", 3),
    ]
    table = invoke("roster", "immortal nine", "-e", "4", *DATA).stdout
    assert "Immortal Nine  2 of 9 known" in table and table.count("(unknown)") == 7


@pytest.mark.parametrize("fmt", ["dot", "mermaid", "tree"])
def test_relation_map_shows_relations_from_the_moment_they_are_known(invoke: Invoke, fmt: str) -> None:
    before = invoke("relations", "-e", "2@10:59", "--format", fmt, *DATA).stdout
    after = invoke("relations", "-e", "2@11:00", "--format", fmt, *DATA).stdout
    assert ("travel companion" not in before and "travel companion (ep 2)" in after) or "travel companion" in after
    if fmt == "dot":
        assert after.startswith("digraph rouge {") and '"heroine" -> "doctor"' in after
    if fmt == "mermaid":
        assert after.startswith("graph LR") and 'n_heroine["Rouge Redstar"] -->' in after


def test_relation_map_of_one_character_and_personas_merged(invoke: Invoke) -> None:
    edges = doc(invoke, "relations", "afdal", "-e", "4")["relations"]
    assert edges == [
        {
            "from": {"id": "heroine", "name": "Rouge Redstar"},
            "to": {"id": "doctor", "name": "Afdal Bashal"},
            "label": "travel companion",
            "episode": 2,
            "ended": False,
        }
    ]


def test_since_merges_recaps_with_the_big_changes_first(invoke: Invoke) -> None:
    summary = doc(invoke, "since", "2", "-e", "4")
    assert [r["text"] for r in summary["identities"]] == ["Phantom Verde is Afdal Bashal"]  # type: ignore[union-attr,index]
    assert [r["text"] for r in summary["deaths"]] == ["Sarah Fitz", "Afdal Bashal"]  # type: ignore[union-attr,index]
    assert [r["text"] for r in summary["overturned"]] == [  # type: ignore[union-attr,index]
        "Rouge Redstar: Is told the doctor killed her father."
    ]
    paused = doc(invoke, "since", "2", "-e", "2@05:00")
    assert [c["id"] for c in paused["facts"]] == ["scavenger"]  # type: ignore[union-attr,index]
    text = invoke("since", "2", "-e", "4", *DATA).stdout.splitlines()
    assert text.index("Identities revealed") < text.index("Rouge Redstar")
