"""The installed `rouge` console script and `python -m rouge_cli`, run as a user would, and the wheel's contents."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

from conftest import Invoke
from support import ROOT

ROUGE = Path(sys.executable).with_name("rouge")


def run(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_program([str(ROUGE)], *args, cwd=cwd, env=env)


def run_program(
    program: list[str], *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ROUGE_")}
    return subprocess.run(
        [*program, *args], cwd=cwd, env={**clean, **(env or {})}, capture_output=True, text=True, timeout=60
    )


def test_rouge_is_the_console_script_of_the_installed_distribution() -> None:
    (script,) = metadata.entry_points(group="console_scripts", name="rouge")
    assert script.value == "rouge_cli.entry:main"
    assert script.dist is not None and script.dist.name == "rouge-cli"
    assert ROUGE.is_file() and os.access(ROUGE, os.X_OK)


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
    result = run_program([sys.executable, "-m", "rouge_cli"], "--version", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("rouge ")
    lookup = ("who", "giallon", "--up-to-episode", "5")
    by_module = run_program([sys.executable, "-m", "rouge_cli"], *lookup, cwd=tmp_path)
    assert by_module.returncode == 0, by_module.stderr
    assert by_module.stderr == ""
    assert by_module.stdout == run(*lookup, cwd=tmp_path).stdout
    missing = run_program([sys.executable, "-m", "rouge_cli"], "who", "nobody-at-all", "-e", "5", cwd=tmp_path)
    assert missing.returncode == 1 and missing.stderr.startswith("rouge: error:")


@pytest.mark.slow
def test_wheel_ships_the_dataset_the_console_script_and_the_license(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (wheel,) = tmp_path.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        shipped = archive.read("rouge_cli/data/characters.toml")
        (entry_points,) = (n for n in names if n.endswith(".dist-info/entry_points.txt"))
        scripts = archive.read(entry_points).decode()
        licenses = [n for n in names if n.rsplit("/", 1)[-1] == "LICENSE" and ".dist-info/" in n]
        assert len(licenses) == 1
        assert archive.read(licenses[0]) == (ROOT / "LICENSE").read_bytes()
    assert shipped == (ROOT / "data" / "characters.toml").read_bytes()
    assert "[console_scripts]\nrouge = rouge_cli.entry:main\n" in scripts
    # the command is the generated entry point, no longer a launcher shipped as a data script
    assert not [n for n in names if ".data/scripts/" in n]
    # completion scripts and the man page, where the shells and man look (under the prefix's share/)
    shared = {n.split(".data/data/", 1)[1] for n in names if ".data/data/" in n}
    assert {
        "share/bash-completion/completions/rouge",
        "share/zsh/site-functions/_rouge",
        "share/fish/vendor_completions.d/rouge.fish",
        "share/man/man1/rouge.1",
    } <= shared


@pytest.mark.parametrize("args", [("list", "--all", "--json"), ("since", "1", "--all"), ("who", "rouge", "-e", "13")])
def test_a_quick_exit_loses_no_output(tmp_path: Path, invoke: Invoke, args: tuple[str, ...]) -> None:
    """The quick paths end without the interpreter's teardown: all of stdout and stderr still arrives, in order."""
    expected = invoke(*args)
    result = run(*args, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (expected.exit_code, expected.stdout, expected.stderr)
    assert "--all" not in args or result.stderr.startswith("rouge: warning: --all")
    if "--json" in args:
        assert len(result.stdout.encode()) > 1 << 16  # more than a pipe holds at once
