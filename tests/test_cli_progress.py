"""`rouge progress`: saving, showing, clearing, precedence, and damaged files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import Invoke
from support import MINI

DATA = ("--data", str(MINI))


@pytest.fixture
def progress_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / "rouge" / "progress.toml"  # XDG_CONFIG_HOME is tmp_path/config (conftest)


def in_force(invoke: Invoke, **env: str) -> int:
    result = invoke("list", "--json", *DATA, env=env)
    assert result.exit_code == 0, result.stderr
    return int(json.loads(result.stdout)["up_to_episode"])


def test_set_show_clear(invoke: Invoke, progress_file: Path) -> None:
    empty = invoke("progress", *DATA)
    assert empty.exit_code == 0
    assert empty.stdout == (
        f"No progress saved ({progress_file}).\nSet it with: rouge progress set N\n"
        "Episode in force: 1 (the safe default).\n"
    )
    saved = invoke("progress", "set", "3", *DATA)
    assert (saved.exit_code, saved.stdout) == (0, f"Saved: up to episode 3 ({progress_file}).\n")
    assert progress_file.read_text(encoding="utf-8").endswith("up_to_episode = 3\n")
    shown = invoke("progress", *DATA)
    assert shown.stdout == (
        f"Saved progress: up to episode 3 ({progress_file}).\nEpisode in force: 3 (from the saved progress).\n"
    )
    cleared = invoke("progress", "clear")
    assert (cleared.exit_code, cleared.stdout) == (0, f"Cleared saved progress ({progress_file}).\n")
    assert not progress_file.exists()
    again = invoke("progress", "clear")
    assert again.stdout == f"No progress was saved ({progress_file}).\n"


def test_progress_json(invoke: Invoke, progress_file: Path) -> None:
    invoke("progress", "set", "2", *DATA)
    result = invoke("progress", "--json", *DATA, env={"ROUGE_UP_TO_EPISODE": "4"})
    assert json.loads(result.stdout) == {
        "schema_version": 1,
        "up_to_episode": 4,
        "at": None,
        "origin": "env",
        "saved": 2,
        "saved_at": None,
        "path": str(progress_file),
    }


def test_precedence_flag_env_progress_default(invoke: Invoke) -> None:
    assert in_force(invoke) == 1
    invoke("progress", "set", "2", *DATA)
    assert in_force(invoke) == 2
    assert in_force(invoke, ROUGE_UP_TO_EPISODE="3") == 3
    result = invoke("list", "--json", "-e", "4", *DATA, env={"ROUGE_UP_TO_EPISODE": "3"})
    assert json.loads(result.stdout)["up_to_episode"] == 4


def test_saved_progress_needs_no_note(invoke: Invoke) -> None:
    invoke("progress", "set", "2", *DATA)
    assert invoke("list", *DATA).stderr == ""


@pytest.mark.parametrize("episode", ["0", "5", "-3"])
def test_set_refuses_episodes_outside_the_series(invoke: Invoke, progress_file: Path, episode: str) -> None:
    result = invoke("progress", "set", episode, *DATA)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith("rouge: error:") and result.stderr.count("\n") == 1
    assert not progress_file.exists()


@pytest.mark.parametrize(
    "content", [b"up_to_episode = 'five'\n", b"\xff\xfe", b"up_to_episode = 0\n", b"[broken", b"", b"other = 3\n"]
)
def test_corrupted_file_is_an_error_with_a_way_out(invoke: Invoke, progress_file: Path, content: bytes) -> None:
    progress_file.parent.mkdir(parents=True)
    progress_file.write_bytes(content)
    result = invoke("who", "rouge", *DATA)
    assert result.exit_code == 4 and result.stdout == ""
    assert result.stderr == (
        f"rouge: error: saved progress {progress_file} is corrupted; "
        "fix it with `rouge progress set N` or remove it with `rouge progress clear`\n"
    )
    assert invoke("who", "rouge", "-e", "2", *DATA).exit_code == 0, "an explicit episode still works"
    assert invoke("progress", "set", "2", *DATA).exit_code == 0
    assert in_force(invoke) == 2


def test_directory_in_place_of_the_file(invoke: Invoke, progress_file: Path) -> None:
    progress_file.mkdir(parents=True)
    result = invoke("list", *DATA)
    assert result.exit_code == 4 and "cannot read saved progress" in result.stderr
    saving = invoke("progress", "set", "2", *DATA)
    assert saving.exit_code == 4 and saving.stderr.startswith("rouge: error: cannot save progress to")


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True, reason="root reads any file")
def test_unreadable_file(invoke: Invoke, progress_file: Path) -> None:
    progress_file.parent.mkdir(parents=True)
    progress_file.write_text("up_to_episode = 2\n")
    progress_file.chmod(0)
    result = invoke("list", *DATA)
    assert result.exit_code == 4 and "cannot read saved progress" in result.stderr


def test_writes_leave_no_temporary_files(invoke: Invoke, progress_file: Path) -> None:
    for episode in ("1", "2", "3"):
        invoke("progress", "set", episode, *DATA)
    assert sorted(p.name for p in progress_file.parent.iterdir()) == ["progress.toml"]
