"""`rouge list`."""

from enum import Enum
from typing import Annotated, Optional

import typer

from rouge_cli.cli.options import DataPath, Episode, Format, FormatOption, Json, ShowAll, complete_faction


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
    output: FormatOption = Format.table,
    data: DataPath = None,
) -> None:
    """List the characters you have met, in order of first appearance.

    \b
    Examples:
      rouge list -e 5
      rouge list --faction "Immortal Nine" -e 8
      rouge list --status dead --json | jq -r '.characters[].name'
      rouge list -e 1 --format tsv | cut -f2
    """
    from rouge_cli.cli.run import list_characters as run

    run(faction, species, status.value if status else None, up_to_episode, show_all, json, data, output.value)
