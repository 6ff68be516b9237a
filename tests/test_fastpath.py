"""The quick path for `who`/`list`/`since`/`relations` behaves exactly like the Typer application."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rouge_cli.cli.fast_path import plan
from support import MINI

ROUGE = Path(sys.executable).with_name("rouge")
TYPER_ONLY = [sys.executable, "-c", "from rouge_cli.cli.app import app; app(prog_name='rouge')"]

TAKEN = [
    ("who",),  # the missing-name usage error
    ("episode", "4", "-e", "6"),
    ("episodes", "-e", "3", "--synopsis"),
    ("factions", "-e", "8", "--format", "TSV"),
    ("search", "nectar", "-e", "6", "--json"),
    ("sources", "JP1", "-e", "1"),
    ("timeline", "giallon", "-e", "13"),
    ("episode", "9", "-e", "5"),  # an episode not reached yet: the same refusal
    ("who", "giallon", "-e", "5"),
    ("who", "giallon", "--up-to-episode=5", "--json"),
    ("who", "-e5", "noid", "--sources"),
    ("who", "silvia", "-e", "6"),
    ("who", "gialon", "-e", "5"),
    ("who", "junghardt", "-e", "8"),
    ("who", "", "-e", "3"),
    ("who", "rouge", "-e", "0"),
    ("who", "rouge", "-e", "99"),
    ("who", "rouge", "--all", "-e", "3"),
    ("who", "rouge", "--all", "--json"),
    ("list", "-e", "4"),
    ("list", "--faction", "Immortal Nine", "-e", "8", "--json"),
    ("list", "-f", "nobody", "-e", "8"),
    ("list", "--species", "Nean", "--status", "dead", "-e", "9"),
    ("list", "--species", "Nean", "-e", "9", "--data", str(MINI)),
    ("list",),
    ("since", "2", "-e", "4"),
    ("since", "1", "-e", "13", "--json"),
    ("since", " 07", "-e", "9"),
    ("since", "0", "-e", "3"),
    ("since", "99", "-e", "3", "--data", str(MINI)),
    ("relations", "-e", "4"),
    ("relations", "afdal", "-e", "4", "--json"),
    ("relations", "-e", "4", "--format", "dot"),
    ("relations", "--format=mermaid", "-e5@12:30", "--all"),
    ("relations", "nobody", "-e", "4"),
    ("relations", "ro", "-e", "9"),
    ("relations", "", "-e", "9"),
]
LEFT_TO_TYPER = [
    ("who", "-e", "5"),
    ("who", "--help"),
    ("list", "--data", "./mini.toml"),  # Typer's Path would print it as mini.toml
    ("who", "rouge", "--data=data//mini.toml"),
    ("list", "--data", "missing/"),
    ("list", "--status", "undead"),
    ("who", "a", "b"),
    ("list", "-e", "1_0"),
    ("since",),
    ("since", "1_0"),
    ("since", "-1"),
    ("since", "1", "2"),
    ("relations", "--format", "DOT"),
    ("relations", "a", "b"),
    ("relations", "--help"),
]


def run(command: list[str], args: tuple[str, ...], tmp_path: Path) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ROUGE_", "_ROUGE"))}
    env.update(XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_CONFIG_HOME=str(tmp_path / "config"), COLUMNS="100")
    done = subprocess.run([*command, *args], env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path)
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("args", TAKEN, ids=[" ".join(a) or "(none)" for a in TAKEN])
def test_quick_path_answers_like_typer(tmp_path: Path, args: tuple[str, ...]) -> None:
    assert plan(list(args)) is not None, "this command line should take the quick path"
    assert run([str(ROUGE)], args, tmp_path) == run(TYPER_ONLY, args, tmp_path)


@pytest.mark.parametrize("args", LEFT_TO_TYPER, ids=[" ".join(a) for a in LEFT_TO_TYPER])
def test_anything_unusual_is_left_to_typer(args: tuple[str, ...]) -> None:
    assert plan(list(args)) is None
