"""`rouge who NAME`."""

from typing import Annotated

import typer

from rouge_cli.cli.options import DataPath, Episode, Json, ShowAll, complete_character

NameArgument = Annotated[
    str,
    typer.Argument(
        metavar="NAME",
        help="A name or alias, or a word of one (case and accents ignored).",
        autocompletion=complete_character,
    ),
]


def who(
    name: NameArgument,
    up_to_episode: Episode = None,
    show_all: ShowAll = False,
    json: Json = False,
    sources: Annotated[bool, typer.Option("--sources", help="Show where each fact comes from.")] = False,
    all_names: Annotated[
        bool, typer.Option("--all-names", help="Also show other spellings of the names (JSON always has them).")
    ] = False,
    data: DataPath = None,
) -> None:
    """Show what you know about one character.

    \b
    Examples:
      rouge who giallon --up-to-episode 5
      rouge who naomi -e 1@12:00 --sources
      rouge who sarah -e 1 --json | jq '.character.aliases'
    """
    from rouge_cli.cli.run import who as run

    run(name, up_to_episode, show_all, json, sources, data, all_names)
