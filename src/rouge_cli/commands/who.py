"""`rouge who NAME`."""

from __future__ import annotations

from typing import Annotated

import typer

from ..options import DataPath, Episode, Json, ShowAll, complete_character
from ..query import find_character
from ..session import open_view

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
    data: DataPath = None,
) -> None:
    """Show what you know about one character.

    \b
    Examples:
      rouge who giallon --up-to-episode 5
      rouge who noid -e 3 --sources
      rouge who jill -e 8 --json | jq '.character.aliases'
    """
    view = open_view(data, up_to_episode, show_all)
    character = find_character(view, name)
    if json:
        from ..render_json import character_object, envelope, write

        write(envelope(view, character=character_object(character)))
    else:
        from ..human.profile import print_profile

        print_profile(view, character, sources)
