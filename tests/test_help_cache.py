"""Help without Typer: the cached pages are Typer's own text, for every command and width."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from rouge_cli.cli.help_cache import help_width, render_pages, requested_page

SCRIPT = str(Path(sys.executable).with_name("rouge"))
TYPER_ONLY = [sys.executable, "-c", "from rouge_cli.cli.app import app; app(prog_name='rouge')"]


TYPER_PAGES = """
import contextlib, io, json, sys
from rouge_cli.cli.app import app
pages = {}
for path in json.loads(sys.argv[1]):
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
        app([*path.split(), "--help"], prog_name="rouge")
    pages[path] = out.getvalue()
print(json.dumps(pages))
"""


@pytest.mark.parametrize("columns", ["40", "60", "79", "80", "81", "100", "250"])
def test_every_page_is_what_typer_prints(columns: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Typer itself prints each page in a process of its own at that width; the cached pages must equal them."""
    monkeypatch.setenv("COLUMNS", columns)
    pages = render_pages()
    assert len(pages) >= 19
    env = {**os.environ, "COLUMNS": columns}
    done = subprocess.run(
        [sys.executable, "-c", TYPER_PAGES, json.dumps(list(pages))],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == pages


def test_help_width_is_clicks() -> None:
    try:  # Typer 0.28 vendors Click
        from typer._click.formatting import HelpFormatter  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        from click.formatting import HelpFormatter  # type: ignore[import-not-found,unused-ignore]  # noqa: TID251

    for columns in ("1", "50", "52", "60", "80", "81", "500"):
        os.environ["COLUMNS"] = columns
        try:
            assert help_width() == HelpFormatter().width, columns
        finally:
            del os.environ["COLUMNS"]


def test_only_plain_help_requests_are_taken() -> None:
    assert requested_page([]) == ()
    assert requested_page(["--help"]) == ()
    assert requested_page(["who", "-h"]) == ("who",)
    assert requested_page(["progress", "set", "--help"]) == ("progress", "set")
    for args in (
        ["who", "giallon"],
        ["--version"],
        ["who", "--help", "x"],
        ["-e", "5", "--help"],
        ["a", "b", "c", "--help"],
    ):
        assert requested_page(args) is None, args


def _env(tmp_path: Path, columns: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ROUGE_", "_ROUGE", "_TYPER"))}
    env.update(COLUMNS=columns, XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    return env


@pytest.mark.parametrize("args", [[], ["--help"], ["who", "--help"], ["progress", "set", "-h"], ["bogus", "--help"]])
def test_the_installed_rouge_prints_the_same_help_from_its_cache(tmp_path: Path, args: list[str]) -> None:
    env = _env(tmp_path, "72")
    typer_only = subprocess.run([*TYPER_ONLY, *args], env=env, capture_output=True, text=True, timeout=60)
    first = subprocess.run([SCRIPT, *args], env=env, capture_output=True, text=True, timeout=60)
    probe = "import atexit, sys\natexit.register(lambda: print(sorted(sys.modules)))\n"
    probe += "from rouge_cli import entry\nentry.QUICK_EXIT = False\nmain = entry.main\n"
    probe += f"sys.argv = ['rouge', *{args!r}]\nmain()"
    second = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60)
    expected = (typer_only.returncode, typer_only.stdout, typer_only.stderr)
    assert (first.returncode, first.stdout, first.stderr) == expected
    *shown, modules = second.stdout.splitlines(True)
    assert (second.returncode, "".join(shown), second.stderr) == expected
    if typer_only.returncode == 0:  # a page from the cache: no Typer, no Click
        loaded = set(ast.literal_eval(modules))
        assert not loaded & {"typer", "click", "rich", "typing"}
