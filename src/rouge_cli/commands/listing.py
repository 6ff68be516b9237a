"""`rouge list`."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from ..options import DataPath, Episode, Json, ShowAll, complete_faction
from ..query import filter_characters, find_faction
from ..session import open_view


class StatusChoice(str, Enum):
    alive = "alive"
    dead = "dead"
    unknown = "unknown"


FactionOption = Annotated[
    Optional[str],  # noqa: UP045 - Typer evaluates this at run time, also on Python 3.10
    typer.Option("--faction", "-f", help="Only members of this faction.", autocompletion=complete_faction),
]
SpeciesOption = Annotated[Optional[str], typer.Option("--species", help="Only this species (e.g. Nean).")]  # noqa: UP045
StatusOption = Annotated[Optional[StatusChoice], typer.Option("--status", help="Only alive, dead or unknown.")]  # noqa: UP045


def list_characters(
    faction: FactionOption = None,
    species: SpeciesOption = None,
    status: StatusOption = None,
    up_to_episode: Episode = None,
    show_all: ShowAll = False,
    json: Json = False,
    data: DataPath = None,
) -> None:
    """List the characters you have met, in order of first appearance.

    \b
    Examples:
      rouge list -e 5
      rouge list --faction "Immortal Nine" -e 8
      rouge list --status dead --json | jq -r '.characters[].name'
    """
    view = open_view(data, up_to_episode, show_all)
    group = find_faction(view, faction) if faction is not None else None
    characters = filter_characters(view, group, species, status.value if status else None)
    if json:
        from ..render_json import characters_document, write

        write(characters_document(view, characters))
    else:
        from ..human.profile import print_character_table

        caption = f"{group.name} members known" if group else "characters known"
        print_character_table(view, characters, caption)
