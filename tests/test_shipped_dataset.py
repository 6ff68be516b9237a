"""The shipped Metallic Rouge dataset: coverage, cleanliness and spoiler safety of real reveals."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import Invoke
from rouge_cli.gate import gate
from rouge_cli.model import Dataset
from rouge_cli.paths import shipped_data_path
from rouge_cli.text import contains_phrase, words


def test_coverage(shipped: Dataset) -> None:
    assert shipped.episode_count == 13
    assert len(shipped.characters) >= 28
    facts = [f for c in shipped.characters for f in c.facts]
    assert len(facts) >= 250
    assert all(f.source.strip() for f in facts)
    assert {f.revealed_in for f in facts} == set(range(1, 14))


def test_named_in_the_issue(shipped: Dataset) -> None:
    view = gate(shipped, 13)
    everyone = {n.text for c in view.characters for n in c.names}
    for name in ("Huey", "Dumas", "Herman Hayward", "Jet Black Noir", "Phantom Verde", "Flash Silvia", "Eden Varock"):
        assert name in everyone
    factions = {n.text for f in view.factions for n in f.names}
    for name in ("Immortal Nine", "Alters", "Aletheia", "Ochrona", "Council of Free Neans", "Sons of Ares"):
        assert name in factions
    for name in ("Usurpers", "Junoids", "Visitors", "Panacea"):
        assert any(name in f for f in factions)


def test_check_passes_on_the_shipped_data(invoke: Invoke) -> None:
    result = invoke("check")
    assert result.exit_code == 0, result.stdout
    assert re.fullmatch(r".*characters\.toml: OK: 13 episodes; valid, spoiler lint clean\n", result.stdout)


def first_reveals(data: Dataset) -> dict[tuple[str, ...], tuple[int, str]]:
    earliest: dict[tuple[str, ...], tuple[int, str]] = {}
    for owner in (*data.characters, *data.factions):
        for name in owner.names:
            key = words(name.text)
            if key not in earliest or name.revealed_in < earliest[key][0]:
                earliest[key] = (name.revealed_in, name.text)
    return earliest


def string_values(value: object) -> list[str]:
    """Every string value in a JSON document (keys are the contract, not data)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in string_values(v)]
    if isinstance(value, list):
        return [s for v in value for s in string_values(v)]
    return []


@pytest.mark.parametrize("episode", range(1, 14))
def test_json_of_every_character_names_nothing_revealed_later(invoke: Invoke, shipped: Dataset, episode: int) -> None:
    late = [(key, text) for key, (shown, text) in first_reveals(shipped).items() if shown > episode]
    result = invoke("list", "-e", str(episode), "--json")
    document = words(" ".join(string_values(json.loads(result.stdout))))
    leaked = [text for key, text in late if contains_phrase(document, key)]
    assert leaked == []


REVEALS = [
    ("silvia", 6, "Silvia"),
    ("flash silvia", 6, "Silvia"),
    ("noir", 7, "Noir"),
    ("eden", 4, "Eden"),
    ("cyan", 7, "Cyan"),
    ("puppeteer", 4, "Puppeteer"),
    ("first", 8, "First"),
    ("phantom verde", 2, "Verde"),
    ("opera", 4, "Opera"),
    ("giallon", 3, "Giallon"),
    ("aerkos", 6, "Aerkos"),
    ("grauphon", 6, "Grauphon"),
]


@pytest.mark.parametrize(("query", "episode", "word"), REVEALS)
def test_no_oracle_for_real_reveals(invoke: Invoke, tmp_path: Path, query: str, episode: int, word: str) -> None:
    """Renaming the hidden name out of the dataset must not change a single byte of the answer."""
    renamed = tmp_path / "renamed.toml"
    text = Path(shipped_data_path()).read_text(encoding="utf-8")
    renamed.write_text(re.sub(rf"\b{word}\b", "Zyqwv", text), encoding="utf-8")
    real = invoke("who", query, "-e", str(episode))
    control = invoke("who", query, "-e", str(episode), "--data", str(renamed))
    assert real.exit_code == 1
    assert (real.exit_code, real.stdout, real.stderr) == (control.exit_code, control.stdout, control.stderr)
    assert word.lower() not in real.stderr.lower().replace(f"'{query}'", "")


@pytest.mark.parametrize(("query", "episode", "word"), REVEALS)
def test_the_same_names_are_found_once_revealed(invoke: Invoke, query: str, episode: int, word: str) -> None:
    result = invoke("who", query, "-e", str(episode + 1), "--json")
    assert result.exit_code == 0, result.stderr
    character = json.loads(result.stdout)["character"]
    assert any(word in name for name in [character["name"], *character["aliases"]])


def test_superseded_claim_about_roy(invoke: Invoke) -> None:
    claim = re.compile(r"kill(ed)? (Dr\. )?Roy", re.IGNORECASE)
    told = json.loads(invoke("who", "giallon", "-e", "12", "--json").stdout)["character"]
    assert any(claim.search(f["text"]) for f in told["facts"])
    truth = json.loads(invoke("who", "giallon", "-e", "13", "--json").stdout)["character"]
    assert not any(claim.search(f["text"]) and f["episode"] == 6 for f in truth["facts"])
    assert any(f["episode"] == 6 and f["overturned_in"] == 13 for f in truth["overturned_facts"])


def test_identity_reveal_of_the_puppeteer(invoke: Invoke) -> None:
    before = invoke("who", "puppeteer", "-e", "11", "--json")
    assert "Roy" not in before.stdout and "Junghardt" not in before.stdout
    roy = json.loads(invoke("who", "roy", "-e", "11", "--json").stdout)["character"]
    assert "Puppeteer" not in json.dumps(roy)
    after = json.loads(invoke("who", "puppeteer", "-e", "12", "--json").stdout)["character"]
    assert after["name"] == "Roy Junghardt" and "Puppeteer" in " ".join(after["aliases"])
