"""The spoiler gate on a small hand-written dataset: one test per reveal rule."""

from __future__ import annotations

import pytest

from rouge_cli.dataset.model import Dataset
from rouge_cli.gate import gate
from rouge_cli.view import CharacterView, View


def by_id(view: View, character_id: str) -> CharacterView:
    found = view.character(character_id)
    assert found is not None, f"{character_id} not visible at episode {view.episode}"
    return found


def test_first_appearance_hides_characters_not_seen_yet(mini: Dataset) -> None:
    assert [c.id for c in gate(mini, 1).characters] == ["heroine", "singer"]
    assert [c.id for c in gate(mini, 2).characters] == ["heroine", "singer", "scavenger", "doctor"]


def test_unnamed_character_goes_by_its_descriptor_until_named(mini: Dataset) -> None:
    before = by_id(gate(mini, 2), "scavenger")
    assert (before.name, before.named, before.names) == ("long-haired scavenger", False, ())
    after = by_id(gate(mini, 3), "scavenger")
    assert (after.name, after.named) == ("Eden Varock", True)
    assert (after.aliases, after.spellings) == ((), ("Varok",))


def test_persona_is_a_separate_character_before_its_reveal(mini: Dataset) -> None:
    view = gate(mini, 3)
    doctor, phantom = by_id(view, "doctor"), by_id(view, "phantom")
    assert doctor.aliases == () and doctor.identities == ()
    assert phantom.name == "Phantom Verde"
    assert "Phantom" not in repr(doctor) and "Afdal" not in repr(phantom)


def test_persona_merges_into_its_character_at_the_reveal(mini: Dataset) -> None:
    view = gate(mini, 4)
    assert view.character("phantom") is None
    doctor = by_id(view, "doctor")
    assert doctor.name == "Afdal Bashal"
    assert doctor.aliases == ("Phantom Verde",)
    assert [i.persona_name for i in doctor.identities] == ["Phantom Verde"]
    assert [f.text for f in doctor.facts] == ["Treats androids for free.", "Named as the next target."]
    assert [m.faction_name for m in doctor.factions] == ["Immortal Nine"]
    assert doctor.first_seen == 2


def test_merge_is_invisible_before_its_episode_even_for_a_persona_seen_once(mini: Dataset) -> None:
    assert gate(mini, 2).character("phantom") is None
    assert by_id(gate(mini, 2), "doctor").aliases == ()


def test_superseded_belief_is_current_until_overturned(mini: Dataset) -> None:
    told = by_id(gate(mini, 3), "heroine")
    assert "Is told the doctor killed her father." in [f.text for f in told.current_facts]
    assert all(f.overturned_in is None for f in told.facts)
    truth = by_id(gate(mini, 4), "heroine")
    current = [f.text for f in truth.current_facts]
    assert "Is told the doctor killed her father." not in current
    assert "Learns her father died by his own plan." in current
    overturned = [f for f in truth.facts if f.overturned_in is not None]
    assert [(f.text, f.overturned_in) for f in overturned] == [("Is told the doctor killed her father.", 4)]


def test_death_and_species_follow_the_latest_visible_entry(mini: Dataset) -> None:
    assert by_id(gate(mini, 1), "singer").status == "alive"
    assert by_id(gate(mini, 2), "singer").status == "dead"
    assert by_id(gate(mini, 3), "doctor").species == "Human"
    assert (by_id(gate(mini, 4), "doctor").species, by_id(gate(mini, 4), "doctor").status) == ("Proto-Nean", "dead")
    assert by_id(gate(mini, 2), "scavenger").status == "unknown"


def test_membership_and_faction_names_appear_with_their_episode(mini: Dataset) -> None:
    assert [f.id for f in gate(mini, 2).factions] == ["nine"]
    nine_3 = gate(mini, 3).faction("nine")
    assert nine_3 is not None and nine_3.members == ("singer", "phantom") and nine_3.aliases == ("The Nine",)
    nine_4 = gate(mini, 4).faction("nine")
    assert nine_4 is not None and nine_4.members == ("singer", "doctor")
    nine_1 = gate(mini, 1).faction("nine")
    assert nine_1 is not None and nine_1.aliases == ()


def test_relations_point_at_the_name_in_use(mini: Dataset) -> None:
    assert by_id(gate(mini, 1), "heroine").relations == ()
    (relation,) = by_id(gate(mini, 2), "heroine").relations
    assert (relation.target_id, relation.target_name, relation.label) == ("doctor", "Afdal Bashal", "travel companion")


def test_episode_list_stops_at_the_episode(mini: Dataset) -> None:
    assert [e.title for e in gate(mini, 2).episodes] == ["Dawn", "Bus"]


@pytest.mark.parametrize("episode", [0, 5, -1])
def test_gate_refuses_episodes_outside_the_series(mini: Dataset, episode: int) -> None:
    with pytest.raises(ValueError, match=r"outside 1\.\.4"):
        gate(mini, episode)
