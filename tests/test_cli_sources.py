"""Sources: cited precisely, followable, and never an address that covers what the viewer has not seen."""

from __future__ import annotations

import json

import pytest

from conftest import Invoke
from support import MINI

DATA = ("--data", str(MINI))
REVIEW = "https://example.org/mini-episode-3-review"


@pytest.mark.parametrize(("position", "listed"), [("2", []), ("3@10:00", []), ("3", ["R3"]), ("4", ["S", "R3"])])
def test_sources_lists_only_what_covers_episodes_already_watched(
    invoke: Invoke, position: str, listed: list[str]
) -> None:
    result = invoke("sources", "-e", position, "--json", *DATA)
    assert (result.exit_code, result.stderr) == (0, "")
    assert [s["key"] for s in json.loads(result.stdout)["sources"]] == listed


def test_one_source_by_key_and_a_hidden_key_reads_like_an_unknown_one(invoke: Invoke) -> None:
    shown = invoke("sources", "r3", "-e", "3", *DATA)
    assert shown.exit_code == 0 and REVIEW in shown.stdout
    hidden = invoke("sources", "R3", "-e", "2", *DATA)
    unknown = invoke("sources", "Q9", "-e", "2", *DATA)
    assert hidden.exit_code == unknown.exit_code == 1 and hidden.stdout == unknown.stdout == ""
    assert hidden.stderr.replace("'R3'", "K") == unknown.stderr.replace("'Q9'", "K")
    assert REVIEW not in hidden.stderr


def test_profile_sources_give_addresses_or_say_they_are_withheld(invoke: Invoke) -> None:
    paused = invoke("who", "scavenger", "-e", "3@06:00", "--sources", *DATA, env={"COLUMNS": "200"})
    assert "(source: R3 00:04:59)" in paused.stdout
    assert "R3  (a source covering later episodes)" in paused.stdout and REVIEW not in paused.stdout
    watched = invoke("who", "eden", "-e", "3", "--sources", *DATA, env={"COLUMNS": "200"})
    assert f"R3  {REVIEW}" in watched.stdout


def test_json_sources_come_with_the_flag(invoke: Invoke) -> None:
    plain = json.loads(invoke("who", "eden", "-e", "3", "--json", *DATA).stdout)
    assert "sources" not in plain
    cited = json.loads(invoke("who", "eden", "-e", "3", "--json", "--sources", *DATA).stdout)
    assert cited["sources"] == [{"key": "S", "url": None}, {"key": "R3", "url": REVIEW}]
