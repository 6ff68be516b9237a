"""The everyday lookup loads only what it needs: no Typer, Click, Rich, `typing` or `dataclasses`."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

WHO_JSON = {
    "rouge_cli",
    "rouge_cli.entry",
    "rouge_cli.cli",
    "rouge_cli.cli.failures",
    "rouge_cli.cli.fast_path",
    "rouge_cli.cli.help_cache",
    "rouge_cli.cli.open_view",
    "rouge_cli.cli.run",
    "rouge_cli.common",
    "rouge_cli.common.collector",
    "rouge_cli.common.errors",
    "rouge_cli.common.files",
    "rouge_cli.common.position",
    "rouge_cli.common.records",
    "rouge_cli.common.text",
    "rouge_cli.config",
    "rouge_cli.config.locations",
    "rouge_cli.config.precedence",
    "rouge_cli.config.progress_file",
    "rouge_cli.dataset",
    "rouge_cli.config.cache",
    "rouge_cli.dataset.codec",
    "rouge_cli.dataset.model",
    "rouge_cli.dataset.store",
    "rouge_cli.gate",
    "rouge_cli.gate.characters",
    "rouge_cli.query",
    "rouge_cli.query.find",
    "rouge_cli.render",
    "rouge_cli.render.as_json",
    "rouge_cli.render.json_text",
    "rouge_cli.view",
}
"""The modules of `rouge who NAME --json` once the dataset is cached: pinned, so that it stays this way."""
NEVER = {"typing", "dataclasses", "inspect", "typer", "click", "rich", "pydantic"}
LOOKUP_NEVER = {"re", "enum", "json", "datetime", "collections", "functools", "tomllib"}
"""Nor, for a cached JSON lookup, what the standard library would bring along: each costs a few
percent of a start-up (`json` imports `re` and `enum`; `collections.abc` imports `collections`)."""


def loaded_by(args: list[str], tmp_path: Path, **extra: str) -> set[str]:
    probe = "import atexit, sys\natexit.register(lambda: print(sorted(sys.modules)))\n"
    probe += f"sys.argv = ['rouge', *{args!r}]\nfrom rouge_cli import entry\n"
    probe += "entry.QUICK_EXIT = False  # the modules are printed at exit\nentry.main()"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ROUGE_", "_ROUGE", "_TYPER"))}
    env.update(XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_CONFIG_HOME=str(tmp_path / "config"), **extra)
    for _ in range(2):  # the first run fills the cache
        done = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
    return set(ast.literal_eval(done.stdout.splitlines()[-1]))


@pytest.mark.parametrize("args", [["who", "giallon", "--json", "-e", "5"], ["list", "--json", "-e", "8"]])
def test_who_and_list_json_load_only_the_pinned_modules(tmp_path: Path, args: list[str]) -> None:
    loaded = loaded_by(args, tmp_path)
    assert loaded & (NEVER | LOOKUP_NEVER) == set()
    assert {name for name in loaded if name.startswith("rouge_cli")} <= WHO_JSON


COMPANIONS = [["episode", "4", "-e", "6"], ["timeline", "giallon", "-e", "13"], ["factions", "-e", "8"]]
COMPANIONS += [["since", "2", "-e", "4"], ["search", "nectar", "-e", "6"], ["relations", "-e", "5"]]
COMPANIONS += [["terms", "-e", "3"], ["terms", "nectar", "-e", "3"], ["cast", "2", "-e", "2@10:00"]]
COMPANIONS += [["roster", "Immortal Nine", "-e", "8"]]


@pytest.mark.parametrize("args", COMPANIONS)
def test_the_companion_commands_skip_typer(tmp_path: Path, args: list[str]) -> None:
    """Rich itself needs `typing` and `dataclasses`; their JSON needs neither, and no command needs Typer."""
    assert loaded_by(args, tmp_path) & {"typer", "click"} == set()
    assert loaded_by([*args, "--json"], tmp_path) & NEVER == set()


RICH_PATHS = [["who", "giallon", "-e", "5"], ["who", "giallon", "-e", "5@12:30", "--sources"], *COMPANIONS[:3]]
NOT_FOR_RICH = {"rich.table", "rich._ratio", "fractions", "decimal", "pydoc", "typer", "click"}
"""Grids are `Rows` (rich.table pulls in fractions and decimal); a page for a pipe skips pydoc."""


@pytest.mark.parametrize("args", RICH_PATHS)
@pytest.mark.parametrize("terminal", [True, False], ids=["terminal", "pipe"])
def test_the_rich_paths_skip_table_and_pydoc(tmp_path: Path, args: list[str], terminal: bool) -> None:
    """Coloured for a terminal (FORCE_COLOR, taller than LINES: paged as pydoc would to a pipe) or plain."""
    extra = {"FORCE_COLOR": "1", "LINES": "10", "COLUMNS": "60"} if terminal else {"COLUMNS": "60"}
    loaded = loaded_by(args, tmp_path, **extra)
    assert "rich.console" in loaded
    assert loaded & NOT_FOR_RICH == set()


@pytest.mark.parametrize("enabled", [True, False])
def test_importing_rich_leaves_the_collector_as_it_was(enabled: bool) -> None:
    """The collector pauses while Rich is imported, then what exists is frozen: its state is the caller's."""
    probe = "import gc\n" + ("" if enabled else "gc.disable()\n")
    probe += "import rouge_cli.render.human\nprint(gc.isenabled(), gc.get_freeze_count() > 1000)"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == [str(enabled), "True"], done.stderr
