"""Rendered output compared byte for byte with golden files (width and colour pinned).

Every golden file renders a hand-written fixture (tests/data/mini.toml, or the richer golden.toml),
so a change to the shipped data never changes them; the shipped data has one smoke test.
Regenerate after an intended change with: ROUGE_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from conftest import Invoke
from support import FIXTURES, GOLDEN, MINI

TERMINAL = {"COLUMNS": "80", "LINES": "50", "FORCE_COLOR": "1", "TERM": "xterm-256color", "COLORTERM": ""}
PIPE = {"COLUMNS": "80", "LINES": "50", "TERM": "dumb"}
WIDE = {**TERMINAL, "COLUMNS": "200"}

RICH = FIXTURES / "golden.toml"

# (golden file, dataset, command line without --data, environment)
CASES = [
    ("who-afdal-e4-terminal", MINI, ("who", "afdal", "-e", "4"), TERMINAL),
    ("who-rouge-e4-sources-terminal", MINI, ("who", "rouge", "-e", "4", "--sources"), TERMINAL),
    ("list-e3-terminal", MINI, ("list", "-e", "3"), TERMINAL),
    ("who-rouge-e2at12-wide-terminal", MINI, ("who", "rouge", "-e", "2@12:00"), WIDE),
    ("list-e4-wide-terminal", MINI, ("list", "-e", "4"), WIDE),
    ("factions-e4-terminal", MINI, ("factions", "-e", "4"), TERMINAL),
    ("factions-e4-plain", MINI, ("factions", "-e", "4"), PIPE),
    ("episode-4-e4-plain", MINI, ("episode", "4", "-e", "4"), PIPE),
    ("timeline-rouge-e4-plain", MINI, ("timeline", "rouge", "-e", "4"), PIPE),
    ("search-andr-e2-plain", MINI, ("search", "andr", "-e", "2"), PIPE),
    ("terms-e3-terminal", MINI, ("terms", "-e", "3"), TERMINAL),
    ("term-nectar-e3-plain", MINI, ("terms", "nectar", "-e", "3"), PIPE),
    ("cast-2-e2-plain", MINI, ("cast", "2", "-e", "2"), PIPE),
    ("roster-nine-e4-terminal", MINI, ("roster", "immortal nine", "-e", "4"), TERMINAL),
    ("relations-e4-terminal", MINI, ("relations", "-e", "4"), TERMINAL),
    ("relations-e4-dot", MINI, ("relations", "-e", "4", "--format", "dot"), PIPE),
    ("relations-e4-mermaid", MINI, ("relations", "-e", "4", "--format", "mermaid"), PIPE),
    ("since-2-e4-plain", MINI, ("since", "2", "-e", "4"), PIPE),
    ("episodes-e2-synopsis-plain", MINI, ("episodes", "-e", "2", "--synopsis"), PIPE),
    ("who-mira-e4-plain", RICH, ("who", "mira", "-e", "4"), PIPE),
    ("who-mira-e4-all-names-sources-plain", RICH, ("who", "mira", "-e", "4", "--all-names", "--sources"), PIPE),
    ("who-swordsman-e2-plain", RICH, ("who", "masked swordsman", "-e", "2"), PIPE),
    ("who-oren-e4at12-terminal", RICH, ("who", "oren", "-e", "4@12:00"), TERMINAL),
    ("list-guild-e4-plain", RICH, ("list", "--faction", "scarlet guild", "-e", "4"), PIPE),
    ("roster-guild-e4-terminal", RICH, ("roster", "the scarlets", "-e", "4"), TERMINAL),
    ("factions-e4-former-plain", RICH, ("factions", "-e", "4"), PIPE),
    ("relations-e5-former-plain", RICH, ("relations", "-e", "5"), PIPE),
    ("since-2-e5-plain", RICH, ("since", "2", "-e", "5"), PIPE),
]


@pytest.mark.parametrize(("name", "data", "args", "env"), CASES, ids=[c[0] for c in CASES])
def test_rendering_matches_golden_file(
    invoke: Invoke, name: str, data: Path, args: tuple[str, ...], env: dict[str, str]
) -> None:
    result = invoke(*args, "--data", str(data), env=env)
    assert result.exit_code == 0 and result.stderr == ""
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("ROUGE_UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_the_shipped_dataset_renders(invoke: Invoke) -> None:
    """A smoke test, not a golden: the real data changes, so only a few stable things are checked."""
    result = invoke("who", "giallon", "-e", "5", env=PIPE)
    assert result.exit_code == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Metallic Rouge · as known up to episode 5 (")
    assert "Giallon" in lines and any(line.startswith("Episode 1 · ") for line in lines)
    listed = invoke("list", "--faction", "Immortal Nine", "-e", "8", env=PIPE)
    assert listed.exit_code == 0 and listed.stdout.startswith("Metallic Rouge · Immortal Nine members known")
    assert any(line.startswith("Giallon ") for line in listed.stdout.splitlines())


def test_no_color_turns_colour_off_on_a_terminal(invoke: Invoke) -> None:
    result = invoke("who", "afdal", "-e", "4", "--data", str(MINI), env={**TERMINAL, "NO_COLOR": "1"})
    colour = re.compile(r"\x1b\[(?:[0-9]+;)*(?:3[0-8]|9[0-7])(?:;[0-9]+)*m")
    assert "╭" in result.stdout and "\x1b[1" in result.stdout
    assert not colour.search(result.stdout)
    assert colour.search(invoke("who", "afdal", "-e", "4", "--data", str(MINI), env=TERMINAL).stdout)


def test_piped_output_has_no_escape_codes_or_boxes(invoke: Invoke) -> None:
    result = invoke("who", "afdal", "-e", "4", "--data", str(MINI), env=PIPE)
    assert "\x1b" not in result.stdout and "╭" not in result.stdout
