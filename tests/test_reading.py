"""Reading experience: pipes that grep, scripts that cut, a pager for long pages, profiles without repeats."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Invoke
from support import MINI

DATA = ("--data", str(MINI))
BIN = str(Path(sys.executable).parent)
ROUGE = str(Path(sys.executable).with_name("rouge"))


def test_piped_output_never_wraps(invoke: Invoke) -> None:
    lines = invoke("list", "-e", "2", env={"COLUMNS": "40"}).stdout.splitlines()
    assert any("riding the bus" in line and "ep 2" in line for line in lines)
    profile = invoke("who", "giallon", "-e", "1", env={"COLUMNS": "40"}).stdout.splitlines()
    assert profile[0].startswith("Metallic Rouge · as known up to episode 1 (Crimson Is the Sound of Dawn)")
    fact = next(line for line in profile if "Turns up at a night-time deal" in line)
    assert fact.endswith("whose body the buyers then spot."), "a fact never continues on a second line"


@pytest.mark.parametrize(
    ("args", "header"),
    [
        (("list", "-e", "2"), "id\tname\tspecies\tfactions\tstatus\tfirst_seen"),
        (("factions", "-e", "4"), "faction_id\tfaction\tid\tname\tmembership\tstatus"),
        (("search", "androids", "-e", "2"), "kind\tid\tname\tepisode\tat\tfield\ttext"),
    ],
)
def test_tsv_is_one_record_a_line(invoke: Invoke, args: tuple[str, ...], header: str) -> None:
    result = invoke(*args, "--format", "tsv", *DATA)
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == header and len(lines) > 1
    assert all(line.count("\t") == header.count("\t") for line in lines)


def test_tsv_rows(invoke: Invoke) -> None:
    rows = invoke("list", "-e", "4", "--format", "tsv", *DATA).stdout.splitlines()[1:]
    assert "doctor\tAfdal Bashal\tProto-Nean\tImmortal Nine\tdead\t2" in rows
    members = invoke("factions", "-e", "4", "--format", "tsv", *DATA).stdout.splitlines()
    assert "nine\tImmortal Nine\tdoctor\tAfdal Bashal\tcurrent\tdead" in members


def test_search_finds_relation_labels(invoke: Invoke) -> None:
    result = invoke("search", "companion", "-e", "2", "--json", *DATA)
    hits = [h for r in __import__("json").loads(result.stdout)["results"] for h in r["hits"]]
    assert hits == [
        {"episode": 2, "at": "11:00", "field": "relation", "text": "Afdal Bashal: travel companion", "source": "S"}
    ]


def test_search_highlights_matches_on_a_terminal(invoke: Invoke) -> None:
    terminal = {"COLUMNS": "100", "FORCE_COLOR": "1", "TERM": "xterm-256color"}
    text = invoke("search", "andr", "-e", "2", *DATA, env=terminal).stdout
    assert "\x1b[7mandroids\x1b[0m" in text


def test_factions_count_members_with_plurals_and_mark_the_dead(invoke: Invoke) -> None:
    tree = invoke("factions", "-e", "4", *DATA).stdout
    assert "Immortal Nine  2 of 9 known" in tree and "Bureau  0 members" in tree
    assert "Afdal Bashal (dead)" in tree and "Sarah Fitz (dead)" in tree


def test_a_persona_is_listed_once(invoke: Invoke) -> None:
    lines = invoke("who", "afdal", "-e", "4", *DATA).stdout.splitlines()
    assert sum("Phantom Verde" in line for line in lines) == 1
    assert any(line.startswith("Persona") and line.endswith("Phantom Verde (unmasked in episode 4)") for line in lines)


def test_a_timeline_lists_changes_only(invoke: Invoke, tmp_path: Path) -> None:
    data = tmp_path / "data.toml"
    text = MINI.read_text(encoding="utf-8").replace(
        '  { value = "alive", revealed_in = 1, source = "S" },\n  { value = "dead", revealed_in = 2, source = "S" },',
        '  { value = "alive", revealed_in = 1, source = "S" },\n  { value = "alive", revealed_in = 2, source = "S" },',
    )
    data.write_text(text, encoding="utf-8")
    lines = invoke("timeline", "sarah", "-e", "4", "--data", str(data)).stdout.splitlines()
    assert sum("Status: alive" in line for line in lines) == 1


def test_spellings_only_on_request(invoke: Invoke) -> None:
    plain = invoke("who", "eden", "-e", "3", *DATA).stdout
    assert "Varok" not in plain
    assert "Also spelled  Varok" in invoke("who", "eden", "-e", "3", "--all-names", *DATA).stdout


@pytest.mark.skipif(shutil.which("script") is None, reason="needs script(1) for a terminal")
def test_a_page_taller_than_the_terminal_goes_through_the_pager(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ROUGE_")}
    env.update(
        PATH=f"{BIN}:{env['PATH']}", LINES="24", COLUMNS="80", PAGER=f"cat > {paged}", XDG_CACHE_HOME=str(tmp_path)
    )

    def on_a_terminal(command: str) -> str:
        done = subprocess.run(
            ["script", "-qc", command, "/dev/null"], env=env, capture_output=True, text=True, timeout=60
        )
        return done.stdout

    shown = on_a_terminal("rouge who rouge -e 13")
    assert paged.exists() and len(paged.read_text().splitlines()) > 24 and "Rouge" not in shown
    paged.unlink()
    for command in ("rouge --no-pager who rouge -e 13", "rouge who rouge -e 13 --no-pager", "rouge who kevin -e 1"):
        on_a_terminal(command)
    assert not paged.exists(), "no pager when asked not to (before or after the command), nor for a page that fits"


@pytest.mark.parametrize(
    "args",
    [
        ["--no-color", "who", "rouge", "-e", "5"],
        ["who", "rouge", "--no-color", "-e", "5"],
        ["who", "rouge", "-e", "5", "--no-color", "--no-pager"],
        ["--no-pager", "episode", "4", "-e", "6", "--no-color"],
    ],
)
def test_no_color_and_no_pager_work_anywhere_on_the_line(tmp_path: Path, args: list[str]) -> None:
    """Each flag is its environment variable (NO_COLOR=1, ROUGE_NO_PAGER=1), wherever it stands before `--`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ROUGE_", "NO_COLOR"))}
    env.update(FORCE_COLOR="1", COLUMNS="100", XDG_CACHE_HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    bare = [ROUGE, *(a for a in args if a not in ("--no-color", "--no-pager"))]
    coloured = subprocess.run(bare, env=env, capture_output=True, text=True, timeout=60)
    expected = subprocess.run(bare, env={**env, "NO_COLOR": "1"}, capture_output=True, text=True, timeout=60)
    flagged = subprocess.run([ROUGE, *args], env=env, capture_output=True, text=True, timeout=60)
    assert coloured.returncode == expected.returncode == flagged.returncode == 0, flagged.stderr
    assert "\x1b[31m" in coloured.stdout or "\x1b[35m" in coloured.stdout
    assert flagged.stdout == expected.stdout != coloured.stdout


def test_a_global_flag_after_the_end_of_options_is_an_argument(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ROUGE_", "NO_COLOR"))}
    env.update(XDG_CACHE_HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    line = [ROUGE, "search", "-e", "5", "--", "--no-color"]
    done = subprocess.run(line, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "No results for '--no-color'" in done.stdout


@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_a_page_for_a_pipe_is_written_as_pydocs_plain_pager_would(
    monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    """Without a terminal on both ends pydoc pages nowhere: rouge writes the same bytes without importing it."""
    import io
    import pydoc

    from rouge_cli.render.human import _page

    page = "\x1b[1mGiallon\x1b[0m ジャロン · Ré\nover\bstrike\n" * 30

    def written(pager: Callable[[str], None]) -> bytes:
        raw = io.BytesIO()
        out = io.TextIOWrapper(raw, encoding=encoding, errors="replace")
        monkeypatch.setattr(sys, "stdout", out)
        monkeypatch.setattr(sys, "stdin", io.StringIO())
        pager(page)
        out.flush()
        return raw.getvalue()

    assert written(_page) == written(pydoc.plainpager)


def test_help_uses_one_placeholder_style_and_summaries_that_fit(invoke: Invoke) -> None:
    import re

    overview = invoke("--help", env={"COLUMNS": "80"}).stdout
    summaries = overview.split("Commands:")[1].splitlines()
    assert summaries and not any(line.endswith("...") for line in summaries)
    commands = ("who", "list", "timeline", "search", "factions", "episodes", "episode", "sources", "check", "cast")
    for command in (*commands, "terms", "roster", "relations", "since"):
        usage = invoke(command, "--help").stdout.splitlines()[0]
        placeholders = re.findall(r"[{\[<]([^}\]>]+)[}\]>]", usage)
        assert all(p == "OPTIONS" or p == p.upper() for p in placeholders), usage
        assert "<" not in usage
