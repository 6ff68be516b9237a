"""Packaging metadata agrees with itself, with .ci/run and with the README's commands."""

from __future__ import annotations

import re
import sys
from typing import Any

from support import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - the project depends on tomli there
    import tomli as tomllib

PYPROJECT: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_section(title: str) -> str:
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else len(README)]


def test_rouge_is_a_console_script_and_no_launcher_is_shipped() -> None:
    assert PYPROJECT["project"]["scripts"] == {"rouge": "rouge_cli.entry:main"}
    wheel = PYPROJECT["tool"]["hatch"]["build"]["targets"]["wheel"]
    assert "shared-scripts" not in wheel
    assert wheel["force-include"] == {"data/characters.toml": "rouge_cli/data/characters.toml"}
    assert not (ROOT / "scripts" / "rouge").exists()


def test_license_and_project_urls() -> None:
    project = PYPROJECT["project"]
    assert project["license"] == "MIT"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n") and "Copyright (c) 2024-2026 rouge maintainers" in text
    assert set(project["urls"]) == {"Homepage", "Source", "Issues"}
    assert all(url.startswith("https://") for url in project["urls"].values())


def test_test_extra_holds_no_development_tools_and_the_dev_group_pins_them() -> None:
    test_extra = PYPROJECT["project"]["optional-dependencies"]["test"]
    names = {re.split(r"[<>=!~;\[ ]", requirement)[0].lower() for requirement in test_extra}
    assert names == {"pytest", "hypothesis", "build", "hatchling", "tomli-w"}
    dev = PYPROJECT["dependency-groups"]["dev"]
    pinned = dict(requirement.split("==") for requirement in dev)
    assert set(pinned) == {"ruff", "mypy", "import-linter"}
    assert all(re.fullmatch(r"\d+(\.\d+)+", version) for version in pinned.values())
    assert "--group dev" in CI


def test_ci_tests_the_typer_floor_of_pyproject() -> None:
    (typer,) = (r for r in PYPROJECT["project"]["dependencies"] if r.startswith("typer"))
    floor = re.search(r">=([\d.]+)", typer)
    ci_floor = re.search(r"^OLDEST_TYPER=([\d.]+)", CI, re.MULTILINE)
    assert floor is not None and ci_floor is not None
    assert floor.group(1) == ci_floor.group(1)
    oldest_python = re.search(r"^OLDEST_PYTHON=([\d.]+)", CI, re.MULTILINE)
    assert oldest_python is not None and PYPROJECT["project"]["requires-python"] == f">={oldest_python.group(1)}"


def test_readme_test_command_is_the_one_ci_runs() -> None:
    install = readme_section("Install and run")
    assert 'python -m pip install ".[test]" && python -m pytest' in install
    assert "pipx install ." in install and "uv tool install ." in install
    assert 'python -m pip install --quiet ".[test]"\n' in CI
    assert "\npython -m pytest\n" in CI
    assert "scripts/rouge" not in readme_section("Development")
