"""Positions inside an episode (`-e 2@10:00`): through every door that takes an episode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Invoke
from support import MINI

DATA = ("--data", str(MINI))


def names(stdout: str) -> list[str]:
    return [c["name"] for c in json.loads(stdout)["characters"]]


@pytest.mark.parametrize(
    ("position", "expected"),
    [
        ("2@00:00", ["Rouge Redstar", "Sarah Fitz"]),
        ("2@01:59", ["Rouge Redstar", "Sarah Fitz"]),
        ("2@02:00", ["Rouge Redstar", "Sarah Fitz", "long-haired scavenger"]),
        ("2@09", ["Rouge Redstar", "Sarah Fitz", "long-haired scavenger"]),
        ("2@10", ["Rouge Redstar", "Sarah Fitz", "long-haired scavenger", "Afdal Bashal"]),
        ("2", ["Rouge Redstar", "Sarah Fitz", "long-haired scavenger", "Afdal Bashal"]),
    ],
)
def test_a_character_appears_at_the_moment_it_is_first_seen(invoke: Invoke, position: str, expected: list[str]) -> None:
    result = invoke("list", "-e", position, "--json", *DATA)
    assert (result.exit_code, result.stderr) == (0, "")
    assert names(result.stdout) == expected


def test_a_name_not_yet_said_answers_like_an_unknown_one(invoke: Invoke) -> None:
    early = invoke("who", "afdal", "-e", "2@09:59", *DATA)
    unknown = invoke("who", "zzzzz", "-e", "2@09:59", *DATA)
    assert early.exit_code == unknown.exit_code == 1 and early.stdout == ""
    assert early.stderr.replace("'afdal'", "Q") == unknown.stderr.replace("'zzzzz'", "Q")
    assert invoke("who", "afdal", "-e", "2@10:00", *DATA).exit_code == 0


def test_items_without_a_time_wait_for_the_end_of_their_episode(invoke: Invoke) -> None:
    paused = json.loads(invoke("who", "sarah", "-e", "2@23:59", "--json", *DATA).stdout)
    assert paused["character"]["status"] == "alive"
    ended = json.loads(invoke("who", "sarah", "-e", "2@24:00", "--json", *DATA).stdout)
    assert ended["character"]["status"] == "dead" and ended["at"] is None


def test_json_says_where_the_viewer_is(invoke: Invoke) -> None:
    paused = json.loads(invoke("who", "rouge", "-e", "2@12:00", "--json", *DATA).stdout)
    assert (paused["up_to_episode"], paused["at"]) == (2, "12:00")
    facts = {f["text"]: f["at"] for f in paused["character"]["facts"]}
    assert facts == {"Hunts rogue androids.": None, "Is told the doctor killed her father.": "12:00"}
    whole = json.loads(invoke("who", "rouge", "-e", "2", "--json", *DATA).stdout)
    assert (whole["up_to_episode"], whole["at"]) == (2, None)


def test_an_overturned_belief_stands_until_the_moment_it_is_overturned(invoke: Invoke) -> None:
    before = json.loads(invoke("who", "rouge", "-e", "4@20:59", "--json", *DATA).stdout)["character"]
    assert [f["text"] for f in before["overturned_facts"]] == []
    after = json.loads(invoke("who", "rouge", "-e", "4@21:00", "--json", *DATA).stdout)["character"]
    assert [f["text"] for f in after["overturned_facts"]] == ["Is told the doctor killed her father."]


def test_a_persona_merges_at_the_moment_of_its_unmasking(invoke: Invoke) -> None:
    before = invoke("list", "-e", "4@14:59", "--json", *DATA)
    assert "Phantom Verde" in names(before.stdout)
    after = invoke("list", "-e", "4@15:00", "--json", *DATA)
    assert "Phantom Verde" not in names(after.stdout)


def test_the_title_line_and_profile_mark_the_episode_so_far(invoke: Invoke) -> None:
    result = invoke("who", "rouge", "-e", "2@12:00", *DATA, env={"COLUMNS": "100"})
    lines = result.stdout.splitlines()
    assert lines[0] == "Mini Rouge · as known at episode 2, 12:00 (Bus)"
    assert "Episode 2 · Bus · so far (to 12:00)" in lines
    assert "  - 12:00 Is told the doctor killed her father." in lines


def test_a_recap_of_the_episode_in_progress_says_so(invoke: Invoke) -> None:
    result = invoke("episode", "2", "-e", "2@11:00", *DATA)
    assert result.exit_code == 0
    assert "So far: the first 11:00 of the episode." in result.stdout
    assert "Is told the doctor" not in result.stdout
    document = json.loads(invoke("episode", "2", "-e", "2@11:00", "--json", *DATA).stdout)
    assert document["episode"]["complete"] is False and document["at"] == "11:00"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2@24:01", "--up-to-episode: 24:01 is past the end of episode 2 (runtime 24:00)"),
        ("2@61:00", "--up-to-episode: 61:00 is past the end of episode 2 (runtime 24:00)"),
        ("5@01:00", "--up-to-episode must be N, N@MM or N@MM:SS with N from 1 to 4 (got '5@01:00')"),
        ("2@", "'2@' is not N, N@MM or N@MM:SS"),
        ("2@12:75", "'2@12:75' is not N, N@MM or N@MM:SS"),
        ("@12", "'@12' is not N, N@MM or N@MM:SS"),
        ("-1", "'-1' is not N, N@MM or N@MM:SS"),
        ("٢@10:00", "is not N, N@MM or N@MM:SS"),
        ("2@1:5", "'2@1:5' is not N, N@MM or N@MM:SS"),
        ("2@١٠:00", "is not N, N@MM or N@MM:SS"),
    ],
)
def test_a_bad_position_is_a_usage_error(invoke: Invoke, value: str, message: str) -> None:
    result = invoke("who", "rouge", "-e", value, *DATA)
    assert result.exit_code == 2 and result.stdout == ""
    assert message in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("value", ["2@", "2@24:01", "2@12:75", "@12", "5@00:10"])
def test_a_bad_position_in_the_environment_is_a_usage_error(invoke: Invoke, value: str) -> None:
    result = invoke("who", "rouge", *DATA, env={"ROUGE_UP_TO_EPISODE": value})
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("rouge: error: ROUGE_UP_TO_EPISODE") and result.stderr.count("\n") == 1


def test_flag_environment_and_saved_progress_answer_alike(invoke: Invoke, tmp_path: Path) -> None:
    by_flag = invoke("who", "afdal", "-e", "2@10:00", "--json", *DATA)
    by_env = invoke("who", "afdal", "--json", *DATA, env={"ROUGE_UP_TO_EPISODE": "2@10:00"})
    saved = invoke("progress", "set", "2@10:00", *DATA)
    assert saved.exit_code == 0 and saved.stdout.startswith("Saved: episode 2 at 10:00 (")
    by_progress = invoke("who", "afdal", "--json", *DATA)
    assert by_flag.stdout == by_env.stdout == by_progress.stdout and by_flag.exit_code == 0
    assert by_progress.stderr == ""


@pytest.mark.parametrize("value", ["2@", "2@24:01", "@3", "9"])
def test_progress_set_refuses_a_bad_position(invoke: Invoke, value: str, tmp_path: Path) -> None:
    result = invoke("progress", "set", value, *DATA)
    assert result.exit_code == 2 and result.stdout == "" and result.stderr.count("\n") == 1
    assert not (tmp_path / "config" / "rouge" / "progress.toml").exists()


def test_progress_next_moves_to_the_end_of_the_next_episode(invoke: Invoke, tmp_path: Path) -> None:
    progress = tmp_path / "config" / "rouge" / "progress.toml"
    assert invoke("progress", "next", *DATA).stdout.startswith("Saved: up to episode 1 (")
    assert invoke("progress", "next", *DATA).stdout.startswith("Saved: up to episode 2 (")
    invoke("progress", "set", "3@05:00", *DATA)
    assert 'at = "05:00"' in progress.read_text(encoding="utf-8")
    assert invoke("progress", "next", *DATA).stdout.startswith("Saved: up to episode 3 (")
    assert "at =" not in progress.read_text(encoding="utf-8")
    invoke("progress", "next", *DATA)
    last = invoke("progress", "next", *DATA)
    assert last.exit_code == 2 and "you have watched all 4 episodes" in last.stderr


def test_an_old_progress_file_still_reads(invoke: Invoke, tmp_path: Path) -> None:
    progress = tmp_path / "config" / "rouge" / "progress.toml"
    progress.parent.mkdir(parents=True)
    progress.write_text("up_to_episode = 3\n", encoding="utf-8")
    result = invoke("list", "--json", *DATA)
    assert (result.exit_code, json.loads(result.stdout)["up_to_episode"], result.stderr) == (0, 3, "")


def test_saved_progress_beyond_the_dataset_is_a_damaged_progress_file(invoke: Invoke, tmp_path: Path) -> None:
    progress = tmp_path / "config" / "rouge" / "progress.toml"
    progress.parent.mkdir(parents=True)
    progress.write_text("up_to_episode = 9\n", encoding="utf-8")
    result = invoke("list", *DATA)
    assert result.exit_code == 4 and result.stdout == ""
    assert "rouge progress set N" in result.stderr and result.stderr.count("\n") == 1


def test_not_found_says_where_the_viewer_is(invoke: Invoke) -> None:
    result = invoke("who", "afdal", "-e", "2@09:59", *DATA)
    assert result.stderr.startswith("rouge: error: no character known at episode 2, 09:59 matches 'afdal'.")
