"""The shipped Metallic Rouge dataset: coverage, cleanliness and spoiler safety of real reveals."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import Invoke
from rouge_cli.common.text import contains_phrase, words
from rouge_cli.config.locations import shipped_data_path
from rouge_cli.dataset.model import Dataset
from rouge_cli.gate import gate


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


# When each key name becomes findable: (query, the last position where it is unknown, the first
# where it answers). Each row cites the caption where the name is first said (JPn = episode n).
REVEALS = [
    ("giallon", "1@12:27", "1@12:28"),  # JP1 00:12:27 Sarah: "Jaron!"
    ("ジャロン", "1@12:27", "1@12:28"),  # JP1 00:12:27, the same line, as spoken
    ("silvia", "1@12:29", "1@12:30"),  # JP1 00:12:29 Giallon: "our Silvia suspects you"
    ("hell giallon", "1@15:45", "1@15:46"),  # JP1 00:15:45 Naomi: 黄泉のジャロン
    ("huey", "2@05:05", "2@05:06"),  # JP2 00:05:05 the old couple call their Nean bodyguard
    ("phantom verde", "3@04:59", "3@05:00"),  # JP3 00:04:56 (broadcast timing, rounded up)
    ("ochrona", "3@04:59", "3@05:00"),  # JP3 00:04:34 守護局 (a faction: found through `list -f`)
    ("rion", "3@08:59", "3@09:00"),  # JP3 00:08:35 Afdal names his assistant
    ("dumas", "3@10:59", "3@11:00"),  # JP3 00:10:00 the council debate he leads (name spoken 00:15:11)
    ("eden", "5@07:02", "5@07:03"),  # JP5 00:07:02 he gives his name
    ("puppeteer", "5@12:33", "5@12:34"),  # JP5 00:12:33 人形遣い師
    ("aerkos", "7@14:45", "7@14:46"),  # JP7 00:14:45
    ("flash silvia", "7@14:03", "7@14:04"),  # JP7 00:14:03 Jill unmasked as Flash Silvia
    ("grauphon", "7@21:16", "7@21:17"),  # JP7 00:21:16
    ("eva", "8@08:41", "8@08:42"),  # JP8 00:08:41 Gene names Eva Cristella
    ("cyan", "8@13:58", "8@13:59"),  # JP8 00:13:58
    ("gregory", "8@14:57", "8@14:58"),  # JP8 00:14:57,396 Gene calls his aide
    ("noir", "8@20:05", "8@20:06"),  # JP8 00:20:05 Silvia: "Noir!"
    ("first", "9@12:46", "9@12:47"),  # JP9 00:12:46 the Visitors call Naomi ファースト
    ("opera", "11@03:04", "11@03:05"),  # JP11 00:03:04 her name is first spoken
]


def found(invoke: Invoke, query: str, position: str) -> bool:
    if query == "ochrona":
        return invoke("list", "-f", query, "-e", position).exit_code == 0
    return invoke("who", query, "-e", position).exit_code == 0


@pytest.mark.parametrize(("query", "before", "after"), REVEALS, ids=[r[0] for r in REVEALS])
def test_each_key_name_is_findable_from_the_moment_it_is_said(
    invoke: Invoke, query: str, before: str, after: str
) -> None:
    assert not found(invoke, query, before)
    assert found(invoke, query, after)


NO_ORACLE = [
    (q, b, w)
    for q, b, w in [
        ("silvia", "1@12:29", "Silvia"),
        ("giallon", "1@12:27", "Giallon"),
        ("noir", "8@20:05", "Noir"),
        ("cyan", "8@13:58", "Cyan"),
        ("puppeteer", "5@12:33", "Puppeteer"),
        ("opera", "11@03:04", "Opera"),
        ("grauphon", "7@21:16", "Grauphon"),
        ("eva", "8@08:41", "Eva"),
    ]
]


@pytest.mark.parametrize(("query", "position", "word"), NO_ORACLE)
def test_no_oracle_for_real_reveals(invoke: Invoke, tmp_path: Path, query: str, position: str, word: str) -> None:
    """Renaming the hidden name out of the dataset must not change a single byte of the answer."""
    renamed = tmp_path / "renamed.toml"
    text = Path(shipped_data_path()).read_text(encoding="utf-8")
    renamed.write_text(re.sub(rf"\b{word}\b", "Zyqwv", text), encoding="utf-8")
    real = invoke("who", query, "-e", position)
    control = invoke("who", query, "-e", position, "--data", str(renamed))
    assert real.exit_code == 1
    assert (real.exit_code, real.stdout, real.stderr) == (control.exit_code, control.stdout, control.stderr)
    assert word.lower() not in real.stderr.lower().replace(f"'{query}'", "")


# Who is dead, and from when: (query, the last position where the viewer has not seen or learned the
# death, the first where they have). A death without a caption line keeps its recap date.
DEATHS = [
    ("malik", "1@02:38", "1@02:39"),  # JP1 00:02:38 his body is found at the deal
    ("roy", "1@13:54", "1@13:55"),  # JP1 00:13:54 the news reports his murder
    ("sarah", "1@20:33", "1@20:34"),  # JP1 00:20:33 Rouge takes her Id
    ("juval", "3@20:59", "3@21:00"),  # JP3 00:20:05 (broadcast, rounded up)
    ("rion", "4@17:04", "4@17:05"),  # JP4 00:17:04
    ("afdal", "4@20:59", "4@21:00"),  # JP4 00:20:59
    ("eva", "8@08:47", "8@08:48"),  # JP8 00:08:47 she died in an accident 17 years ago
    ("noid", "8@19:35", "8@19:36"),  # JP8 00:19:35
    ("grauphon", "12@07:49", "12@07:50"),  # JP12 00:07:49
    ("jill", "13@10:59", "13@11:00"),  # JP13 00:09:53-00:10:11 (broadcast, rounded up)
    ("cyan", "13@18:59", "13@19:00"),  # JP13 00:18:35-00:18:46 (broadcast, rounded up)
]


def status(invoke: Invoke, query: str, position: str) -> str:
    result = invoke("who", query, "-e", position, "--json")
    assert result.exit_code == 0, (query, position, result.stderr)
    value: str = json.loads(result.stdout)["character"]["status"]
    return value


@pytest.mark.parametrize(("query", "before", "after"), DEATHS, ids=[d[0] for d in DEATHS])
def test_deaths_from_the_moment_they_are_shown_or_learned(invoke: Invoke, query: str, before: str, after: str) -> None:
    if found(invoke, query, before):
        assert status(invoke, query, before) != "dead"
    assert status(invoke, query, after) == "dead"


def test_giallon_is_alive_at_the_end(invoke: Invoke) -> None:
    assert status(invoke, "giallon", "13") == "alive"  # JP13: he is seen laughing after Silvia's death


# The members of the Immortal Nine a viewer knows, by position (current and former members alike).
NINE: list[tuple[str, list[str] | None]] = [
    ("1@11:11", None),  # the Nine are not named yet: the faction is unknown
    ("1@11:12", ["Sarah Fitzgerald"]),  # JP1 00:11:11 Naomi: one of the Immortal Nine
    ("1", ["Sarah Fitzgerald", "Nius", "Achillus"]),  # JP1 00:18:40
    ("3", ["Sarah Fitzgerald", "Nius", "Achillus", "Phantom Verde"]),  # JP3 00:05:02
    ("7@14:04", ["Sarah Fitzgerald", "Nius", "Achillus", "Afdal Bashal", "Jill Sturgeon"]),  # JP7 00:14:03
    (
        "7",
        ["Sarah Fitzgerald", "Nius", "Achillus", "Giallon", "Jill Sturgeon", "Afdal Bashal", "Aerkos"],
    ),  # JP7 00:15:19 Aerkos, 00:20:35 Giallon
    (
        "10",
        [
            "Sarah Fitzgerald",
            "Nius",
            "Achillus",
            "Giallon",
            "Jill Sturgeon",
            "Eden Varock",
            "Afdal Bashal",
            "Aerkos",
            "Grauphon",
        ],
    ),  # JP10 00:00:22 Noir, 00:10:29 Grauphon
]


@pytest.mark.parametrize(("position", "members"), NINE, ids=[n[0] for n in NINE])
def test_members_of_the_nine_by_position(invoke: Invoke, position: str, members: list[str] | None) -> None:
    result = invoke("list", "-f", "immortal nine", "-e", position, "--json")
    if members is None:
        assert result.exit_code == 1
        return
    assert result.exit_code == 0
    assert sorted(c["name"] for c in json.loads(result.stdout)["characters"]) == sorted(members)


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


# Corrections the captions made to the recaps, as a viewer reads them: (command, position, text that
# must appear in the JSON, text that must not).
CORRECTIONS = [
    # JP5 00:10:08: Naomi recovers Verde's Id from the carnival ship; Rouge does not lose it.
    (("who", "naomi"), "5", "Finds Verde's Id aboard the carnival ship.", None),
    # JP13 00:07:15-00:08:04: Noir loved Eva; Jill's love for Eden was one-sided.
    (("who", "eden"), "13", "Noir's love for Eva", "lover"),
    # JP13 00:19:47: the virus is a Usurper trap in the decryption system, not part of Code Eve.
    (("timeline", "opera"), "13", "virus trap in the decryption system", None),
    # JP12 00:11:52-00:19:47: Aerkos switches sides and helps Gene escape.
    (("who", "aerkos"), "12", "helps Gene escape", None),
    # JP1 00:02:38: Malik is found dead at the deal; he is nobody's partner.
    (("who", "giallon"), "1", "whose body the buyers then spot", "partner"),
    # JP3 00:10:04: Huey is "an outside Nean", not a council member.
    (("who", "huey"), "13", "outside Nean", "Council of Free Neans"),
]


@pytest.mark.parametrize(
    ("command", "position", "present", "absent"), CORRECTIONS, ids=[c[2][:30] for c in CORRECTIONS]
)
def test_corrected_facts_read_right(
    invoke: Invoke, command: tuple[str, str], position: str, present: str, absent: str | None
) -> None:
    result = invoke(*command, "-e", position, "--json")
    assert result.exit_code == 0, result.stderr
    assert present in result.stdout
    if absent is not None:
        assert absent not in result.stdout


def test_who_ordered_roys_death_is_a_belief_overturned_in_episode_13(invoke: Invoke) -> None:
    belief = "she had Giallon kill Roy"
    told = invoke("who", "jill", "-e", "13@03:59", "--json").stdout
    assert belief in told and '"overturned_in": 13' not in told.split(belief)[1].split("}")[0]
    truth = json.loads(invoke("who", "jill", "-e", "13@04:00", "--json").stdout)["character"]
    assert not any(belief in f["text"] for f in truth["facts"])
    assert any(belief in f["text"] and f["overturned_in"] == 13 for f in truth["overturned_facts"])
    recap = invoke("episode", "13", "-e", "13", "--json").stdout
    assert belief in json.dumps(json.loads(recap)["overturned"])


def recap(invoke: Invoke, episode: str, position: str) -> dict[str, object]:
    result = invoke("episode", episode, "-e", position, "--json")
    assert result.exit_code == 0, result.stderr
    document: dict[str, object] = json.loads(result.stdout)
    return document


def texts(section: object) -> list[str]:
    return [str(r["text"]) for r in section]  # type: ignore[attr-defined,index]


def test_episode_1_tells_deaths_shown_from_deaths_learned(invoke: Invoke) -> None:
    document = recap(invoke, "1", "1")
    assert texts(document["deaths"]) == ["Sarah Fitzgerald"]
    assert {"Roy Junghardt", "Nius", "Achillus", "Malik"} <= set(texts(document["learned_dead"]))
    assert "Eva Cristella" in texts(recap(invoke, "8", "8")["learned_dead"])


def test_big_twists_are_identities_not_spellings(invoke: Invoke) -> None:
    assert "Silvia is Jill Sturgeon" in texts(recap(invoke, "7", "7")["identities"])
    assert "Eden Varock is Jet Black Noir" in texts(recap(invoke, "8", "8")["identities"])
    lines = invoke("episode", "1", "-e", "1").stdout
    assert "spelled" not in lines


def test_a_recap_read_later_marks_the_beliefs_overturned_since(invoke: Invoke) -> None:
    text = invoke("episode", "6", "-e", "13", env={"COLUMNS": "200"}).stdout
    boast = next(line for line in text.splitlines() if line.startswith("  - Boasts that he killed Roy"))
    assert boast.endswith("(overturned in episode 13)")
    assert "  - Boasts that he killed Roy" in invoke("episode", "6", "-e", "12", env={"COLUMNS": "200"}).stdout


def test_episode_2_lists_its_newcomers_in_the_order_they_appear(invoke: Invoke) -> None:
    names = [c["name"] for c in recap(invoke, "2", "2")["new_characters"]]  # type: ignore[attr-defined,index]
    assert names.index("Noid 262") < names.index("Ash Stahl") < names.index("Jill Sturgeon")


def test_species_show_only_once_said_on_screen(invoke: Invoke, shipped: Dataset) -> None:
    for c in shipped.characters:
        for species in c.species:
            assert species.source.startswith("JP"), (c.id, species.value)
    listed = json.loads(invoke("list", "-e", "1", "--json").stdout)["characters"]
    assert {c["name"]: c["species"] for c in listed}["Herman Hayward"] is None


@pytest.mark.parametrize(
    ("query", "position", "name"),
    [
        ("the clown", "1@05:00", "clown-masked Nectar smuggler"),
        ("the clown", "1", "Giallon"),
        ("dr afdal", "4", "Afdal Bashal"),
        ("doctor afdal", "4", "Afdal Bashal"),
        ("long-haired guy", "2", "long-haired scavenger riding the bus"),
        ("blue-haired girl", "5", "blue-haired lookalike of Rouge"),
    ],
)
def test_natural_questions_find_the_character(invoke: Invoke, query: str, position: str, name: str) -> None:
    result = invoke("who", query, "-e", position, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["character"]["name"] == name


def test_a_match_on_a_first_description_says_so(invoke: Invoke) -> None:
    result = invoke("who", "clown", "-e", "5", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)["character"]["name"] == "Giallon"
    assert "matched how Giallon was first described (clown-masked Nectar smuggler)" in result.stderr
    several = invoke("who", "woman", "-e", "13")
    assert "Opera (first seen as the woman from the travelling carnival)" in several.stderr


def test_a_suggestion_names_each_character_once(invoke: Invoke) -> None:
    result = invoke("who", "sarah fitz", "-e", "1")
    assert result.exit_code == 1
    assert result.stderr.count("Sarah Fitzgerald") == 1 and "Did you mean 'Sarah Fitzgerald'?" in result.stderr
