"""`rouge search TEXT`."""

from typing import Annotated

import typer

from rouge_cli.cli.options import DataPath, Episode, Format, FormatOption, Json, ShowAll


def search(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words to look for (each may be the start of a word).")],
    up_to_episode: Episode = None,
    show_all: ShowAll = False,
    json: Json = False,
    output: FormatOption = Format.table,
    data: DataPath = None,
) -> None:
    """Search what you have seen so far.

    Names, aliases, descriptions, facts, relations and factions.

    \b
    Examples:
      rouge search nectar -e 3
      rouge search "asimov code" -e 1 --json | jq '.count'
    """
    from rouge_cli.cli import run_companions

    run_companions.search(text, up_to_episode, show_all, json, output.value, data)
