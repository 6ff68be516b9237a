"""The installed `rouge` program, run as a user would, and the wheel's contents."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from support import ROOT

ROUGE = Path(sys.executable).with_name("rouge")


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ROUGE_")}
    return subprocess.run(
        [str(ROUGE), *args], cwd=cwd, env={**clean, **(env or {})}, capture_output=True, text=True, timeout=60
    )


def test_readme_main_command_works_from_another_directory(tmp_path: Path) -> None:
    result = run("who", "giallon", "--up-to-episode", "5", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Metallic Rouge · as known up to episode 5")
    assert "Giallon" in result.stdout and result.stderr == ""


def test_installed_json_is_parseable_and_gated(tmp_path: Path) -> None:
    result = run("list", "--faction", "Immortal Nine", "--json", cwd=tmp_path, env={"ROUGE_UP_TO_EPISODE": "8"})
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["up_to_episode"] == 8
    names = [c["name"] for c in document["characters"]]
    assert "Jill Sturgeon" in names and "Eden Varock" not in names


def test_python_dash_m_runs_the_same_program(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "rouge_cli", "--version"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stdout.startswith("rouge ")


@pytest.mark.slow
def test_wheel_ships_the_dataset(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read("rouge_cli/data/characters.toml")
    assert shipped == (ROOT / "data" / "characters.toml").read_bytes()
