"""`rouge terms`, `rouge cast`, `rouge roster`, `rouge relations`, `rouge since`: what a fan asks next."""

from enum import Enum
from typing import Annotated, Optional

import typer

from rouge_cli.cli.options import (
    DataPath,
    Episode,
    Json,
    ShowAll,
    complete_character,
    complete_faction,
    complete_term,
    episode_number,
)


def terms(
    term: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(
            metavar="[TERM]",
            help="A word of the show's world (Nectar, Asimov Code, ...).",
            autocompletion=complete_term,
        ),
    ] = None,
    up_to_episode: Episode = None,
    show_all: ShowAll = False,
    json: Json = False,
    data: DataPath = None,
) -> None:
    """Explain the show's words, as far as you have seen them used.

    \b
    Examples:
      rouge terms -e 1
      rouge terms nectar -e 1
      rouge terms -e 3 --json | jq -r '.terms[].name'
    """
    from rouge_cli.cli.run_fan import terms as run

    run(term, up_to_episode, show_all, json, data)


def cast(
    number: Annotated[int, typer.Argument(metavar="N", help="The episode.", parser=episode_number)],
    up_to_episode: Episode = None,
    show_all: ShowAll = False,
    json: Json = False,
    data: DataPath = None,
) -> None:
    """List who appears in episode N, in order of appearance.

    \b
    Examples:
      rouge cast 1 -e 1
      rouge cast 2 -e 2@10:00 --json | jq -r '.cast[].name'
    """
    from rouge_cli.cli.run_fan import cast as run

    run(number, up_to_episode, show_all, json, data)


def roster(
    faction: Annotated[
        str, typer.Argument(metavar="FACTION", help="A faction's name.", autocompletion=complete_faction)
    ],
    up_to_episode: Episode = None,
    show_all: ShowAll = False,
    json: Json = False,
    data: DataPath = None,
) -> None:
    """List a faction's members: who is known, who is not yet.

    \b
    Examples:
      rouge roster "Immortal Nine" -e 1
      rouge roster "immortal nine" -e 1 --json | jq '.faction.unknown'
    """
    from rouge_cli.cli.run_fan import roster as run

    run(faction, up_to_episode, show_all, json, data)


class GraphFormat(str, Enum):
    tree = "tree"
    dot = "dot"
    mermaid = "mermaid"


def relations(
    name: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(metavar="[NAME]", help="Only this character's relations.", autocompletion=complete_character),
    ] = None,
    up_to_episode: Episode = None,
    show_all: ShowAll = False,
    json: Json = False,
    output: Annotated[
        GraphFormat, typer.Option("--format", metavar="FORMAT", help="tree, dot (Graphviz) or mermaid.")
    ] = GraphFormat.tree,
    data: DataPath = None,
) -> None:
    """Map who is what to whom, as far as you know.

    \b
    Examples:
      rouge relations -e 1
      rouge relations rouge -e 1
      rouge relations -e 1 --format dot | dot -Tsvg > rouge.svg
      rouge relations -e 1 --format mermaid
    """
    from rouge_cli.cli.run import relations as run

    run(name, up_to_episode, show_all, json, output.value, data)


def since(
    first: Annotated[int, typer.Argument(metavar="K", help="The first episode to catch up on.", parser=episode_number)],
    up_to_episode: Episode = None,
    show_all: ShowAll = False,
    json: Json = False,
    data: DataPath = None,
) -> None:
    """Catch up on episodes K to the one in force, in one recap.

    \b
    Examples:
      rouge since 1 -e 1
      rouge since 2 -e 3 --json | jq '.deaths'
    """
    from rouge_cli.cli.run import since as run

    run(first, up_to_episode, show_all, json, data)
