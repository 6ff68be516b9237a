"""Conventions shared by every command: the episode in force, exit codes, --data, --version, help."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer.main
from typer.core import TyperGroup

from conftest import Invoke
from rouge_cli import __version__
from rouge_cli.cli.app import app
from support import MINI

DATA = ("--data", str(MINI))


def episode_of(stdout: str) -> int:
    return int(json.loads(stdout)["up_to_episode"])


def test_default_is_episode_1_with_a_note_on_stderr(invoke: Invoke) -> None:
    result = invoke("list", "--json", *DATA)
    assert result.exit_code == 0 and episode_of(result.stdout) == 1
    assert result.stderr == (
        "rouge: note: showing episode 1 only. Set how far you are with --up-to-episode N (or N@MM:SS), "
        "ROUGE_UP_TO_EPISODE=N or `rouge progress set N`.\n"
    )


def test_environment_variable_sets_the_episode_silently(invoke: Invoke) -> None:
    result = invoke("list", "--json", *DATA, env={"ROUGE_UP_TO_EPISODE": "3"})
    assert (result.exit_code, episode_of(result.stdout), result.stderr) == (0, 3, "")


def test_flag_beats_environment(invoke: Invoke) -> None:
    result = invoke("list", "--json", "-e", "2", *DATA, env={"ROUGE_UP_TO_EPISODE": "3"})
    assert episode_of(result.stdout) == 2


def test_all_shows_the_last_episode_with_a_warning(invoke: Invoke) -> None:
    result = invoke("list", "--all", "--json", *DATA)
    assert result.exit_code == 0 and episode_of(result.stdout) == 4
    assert result.stderr == "rouge: warning: --all shows all 4 episodes, spoilers included.\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-e", "0"), "--up-to-episode must be N, N@MM or N@MM:SS with N from 1 to 4 (got '0')"),
        (("-e", "5"), "--up-to-episode must be N, N@MM or N@MM:SS with N from 1 to 4 (got '5')"),
        (("-e", "abc"), "Invalid value for '--up-to-episode' / '-e': 'abc' is not N, N@MM or N@MM:SS"),
        (("-e", "2", "--all"), "--up-to-episode and --all cannot be used together"),
    ],
)
def test_bad_episode_is_a_usage_error(invoke: Invoke, args: tuple[str, ...], message: str) -> None:
    result = invoke("list", *args, *DATA)
    assert result.exit_code == 2 and result.stdout == ""
    assert message in result.stderr and result.stderr.count("\n") == 1


@pytest.mark.parametrize("value", ["0", "5", "abc", "2.5", "-1"])
def test_bad_environment_episode_is_a_usage_error(invoke: Invoke, value: str) -> None:
    result = invoke("list", *DATA, env={"ROUGE_UP_TO_EPISODE": value})
    assert result.exit_code == 2 and result.stdout == ""
    assert (
        result.stderr
        == f"rouge: error: ROUGE_UP_TO_EPISODE must be N, N@MM or N@MM:SS with N from 1 to 4 (got '{value}')\n"
    )


def test_data_can_come_from_the_environment(invoke: Invoke) -> None:
    result = invoke("list", "-e", "1", "--json", env={"ROUGE_DATA": str(MINI)})
    assert [c["name"] for c in json.loads(result.stdout)["characters"]] == ["Rouge Redstar", "Sarah Fitz"]


def test_broken_dataset_exits_3_with_the_file_and_key_path(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(MINI.read_text(encoding="utf-8").replace('id = "heroine"', "id = 7"), encoding="utf-8")
    result = invoke("who", "rouge", "-e", "1", "--data", str(path))
    assert result.exit_code == 3 and result.stdout == ""
    assert result.stderr.startswith(f"rouge: error: {path}: ")
    assert "characters[0].id: expected a string, found an integer" in result.stderr
    assert result.stderr.count("\n") == 1


def test_missing_dataset_exits_3(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("list", "--data", str(tmp_path / "nope.toml"))
    assert result.exit_code == 3
    assert result.stderr == f"rouge: error: {tmp_path / 'nope.toml'}: no such file\n"


def test_check_reports_ok_or_every_problem(invoke: Invoke, tmp_path: Path) -> None:
    ok = invoke("check", str(MINI))
    assert ok.exit_code == 0
    assert ok.stdout == f"{MINI}: OK: 4 episodes; valid, spoiler lint clean\n"
    path = tmp_path / "two.toml"
    text = MINI.read_text(encoding="utf-8")
    path.write_text(text.replace("Hunts rogue androids.", "Hunts Eden Varock.").replace('"Bus"', '"Phantom Verde"'))
    bad = invoke("check", str(path))
    assert bad.exit_code == 3
    assert len(bad.stdout.splitlines()) == 2
    assert bad.stderr.startswith(f"rouge: error: {path}: 2 problems, first: ")


def test_version(invoke: Invoke) -> None:
    result = invoke("--version")
    assert (result.exit_code, result.stdout) == (0, f"rouge {__version__}\n")


def command_paths(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """`()` for `rouge` itself, then every command and subcommand of the application, as typed."""
    yield path
    if isinstance(command, TyperGroup):
        context = typer.Context(command)
        for name in command.list_commands(context):
            sub = command.get_command(context, name)
            if sub is not None and not sub.hidden:
                yield from command_paths(sub, (*path, name))


COMMANDS = list(command_paths(typer.main.get_command(app)))


def test_the_command_list_is_the_whole_application() -> None:
    """The discovery below finds nested subcommands (a new command is covered without editing this file)."""
    assert {("who",), ("list",), ("check",), ("progress",), ("progress", "set"), ("progress", "clear")} < set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "rouge")
def test_every_command_has_help_with_examples(invoke: Invoke, command: tuple[str, ...]) -> None:
    typed = " ".join(("rouge", *command))
    result = invoke(*command, "--help", env={"COLUMNS": "200"})
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"Usage: {typed} "), lines[0]
    start = lines.index("  Examples:") + 1
    examples = [line.strip() for line in itertools.takewhile(str.strip, lines[start:])]
    assert examples, "an Examples section with at least one example"
    assert [e for e in examples if not (e == typed or e.startswith(f"{typed} "))] == []


def test_no_arguments_shows_help(invoke: Invoke) -> None:
    result = invoke()
    assert result.exit_code == 0 and "Commands:" in result.stdout


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("who",), "rouge who: Missing argument 'NAME'."),
        (("frobnicate",), "No such command 'frobnicate'."),
        (("list", "--colour"), "No such option: --colour"),
    ],
)
def test_usage_errors_are_one_line_with_exit_2(invoke: Invoke, args: tuple[str, ...], fragment: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert fragment in result.stderr and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_every_command_is_documented_in_the_readme() -> None:
    from support import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        if len(command) == 1:
            assert f"### `rouge {command[0]}" in readme, command


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "rouge")
def test_help_names_nothing_revealed_after_episode_1(invoke: Invoke, command: tuple[str, ...]) -> None:
    """A viewer at episode 1 reads the help too: its examples use episode-1 names only."""
    from rouge_cli.common.position import moment
    from rouge_cli.common.text import contains_phrase, words
    from rouge_cli.dataset.load import load_dataset

    data = load_dataset()
    earliest: dict[tuple[str, ...], int] = {}
    for owner in (*data.characters, *data.factions):
        for name in owner.names:
            key = words(name.text)
            earliest[key] = min(earliest.get(key, 10**9), moment(name.revealed_in, name.at))
    result = invoke(*command, "--help", env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "Examples:" in result.stdout
    shown = words(result.stdout)
    # "First" (what the Visitors call Naomi, episode 9) is also an everyday word of the help's prose.
    late = [
        " ".join(key)
        for key, first in earliest.items()
        if first > moment(1, None) and contains_phrase(shown, key) and key != ("first",)
    ]
    assert late == []
