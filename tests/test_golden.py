"""Rendered output compared byte for byte with golden files (width and colour pinned).

Regenerate after an intended change with: ROUGE_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
import re

import pytest

from conftest import Invoke
from support import GOLDEN, MINI

TERMINAL = {"COLUMNS": "80", "LINES": "50", "FORCE_COLOR": "1", "TERM": "xterm-256color", "COLORTERM": ""}
PIPE = {"COLUMNS": "80", "LINES": "50", "TERM": "dumb"}
WIDE = {**TERMINAL, "COLUMNS": "200"}

CASES = [
    ("who-afdal-e4-terminal", ("who", "afdal", "-e", "4", "--data", str(MINI)), TERMINAL),
    ("who-rouge-e4-sources-terminal", ("who", "rouge", "-e", "4", "--sources", "--data", str(MINI)), TERMINAL),
    ("list-e3-terminal", ("list", "-e", "3", "--data", str(MINI)), TERMINAL),
    ("who-giallon-e5-plain", ("who", "giallon", "-e", "5"), PIPE),
    ("list-nine-e8-plain", ("list", "--faction", "Immortal Nine", "-e", "8"), PIPE),
    ("who-rouge-e2at12-wide-terminal", ("who", "rouge", "-e", "2@12:00", "--data", str(MINI)), WIDE),
    ("list-e4-wide-terminal", ("list", "-e", "4", "--data", str(MINI)), WIDE),
    ("factions-e4-terminal", ("factions", "-e", "4", "--data", str(MINI)), TERMINAL),
    ("factions-e4-plain", ("factions", "-e", "4", "--data", str(MINI)), PIPE),
    ("episode-4-e4-plain", ("episode", "4", "-e", "4", "--data", str(MINI)), PIPE),
    ("timeline-rouge-e4-plain", ("timeline", "rouge", "-e", "4", "--data", str(MINI)), PIPE),
    ("search-andr-e2-plain", ("search", "andr", "-e", "2", "--data", str(MINI)), PIPE),
    ("terms-e3-terminal", ("terms", "-e", "3", "--data", str(MINI)), TERMINAL),
    ("term-nectar-e3-plain", ("terms", "nectar", "-e", "3", "--data", str(MINI)), PIPE),
    ("cast-2-e2-plain", ("cast", "2", "-e", "2", "--data", str(MINI)), PIPE),
    ("roster-nine-e4-terminal", ("roster", "immortal nine", "-e", "4", "--data", str(MINI)), TERMINAL),
    ("relations-e4-terminal", ("relations", "-e", "4", "--data", str(MINI)), TERMINAL),
    ("relations-e4-dot", ("relations", "-e", "4", "--format", "dot", "--data", str(MINI)), PIPE),
    ("relations-e4-mermaid", ("relations", "-e", "4", "--format", "mermaid", "--data", str(MINI)), PIPE),
    ("since-2-e4-plain", ("since", "2", "-e", "4", "--data", str(MINI)), PIPE),
    ("episodes-e2-synopsis-plain", ("episodes", "-e", "2", "--synopsis", "--data", str(MINI)), PIPE),
]


@pytest.mark.parametrize(("name", "args", "env"), CASES, ids=[c[0] for c in CASES])
def test_rendering_matches_golden_file(invoke: Invoke, name: str, args: tuple[str, ...], env: dict[str, str]) -> None:
    result = invoke(*args, env=env)
    assert result.exit_code == 0 and result.stderr == ""
    golden = GOLDEN / f"{name}.txt"
    if os.environ.get("ROUGE_UPDATE_GOLDEN"):
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_no_color_turns_colour_off_on_a_terminal(invoke: Invoke) -> None:
    result = invoke("who", "afdal", "-e", "4", "--data", str(MINI), env={**TERMINAL, "NO_COLOR": "1"})
    colour = re.compile(r"\x1b\[(?:[0-9]+;)*(?:3[0-8]|9[0-7])(?:;[0-9]+)*m")
    assert "╭" in result.stdout and "\x1b[1" in result.stdout
    assert not colour.search(result.stdout)
    assert colour.search(invoke("who", "afdal", "-e", "4", "--data", str(MINI), env=TERMINAL).stdout)


def test_piped_output_has_no_escape_codes_or_boxes(invoke: Invoke) -> None:
    result = invoke("who", "afdal", "-e", "4", "--data", str(MINI), env=PIPE)
    assert "\x1b" not in result.stdout and "╭" not in result.stdout
