"""`rouge episodes` and `rouge episode N`."""

from typing import Annotated

import typer

from rouge_cli.cli.options import DataPath, Episode, Json, ShowAll, episode_number


def episodes(
    up_to_episode: Episode = None,
    show_all: ShowAll = False,
    json: Json = False,
    synopsis: Annotated[bool, typer.Option("--synopsis", help="Add what happens in each episode watched.")] = False,
    data: DataPath = None,
) -> None:
    """List the episodes you have seen, with their air dates.

    \b
    Examples:
      rouge episodes -e 5
      rouge episodes -e 2 --synopsis
      rouge episodes --json | jq -r '.episodes[].title'
    """
    from rouge_cli.cli import run_companions

    run_companions.episodes(up_to_episode, show_all, json, synopsis, data)


def episode(
    number: Annotated[int, typer.Argument(metavar="N", help="The episode to recap.", parser=episode_number)],
    up_to_episode: Episode = None,
    show_all: ShowAll = False,
    json: Json = False,
    data: DataPath = None,
) -> None:
    """Recap what one episode revealed.

    New characters, identities revealed, beliefs overturned, deaths, names and facts.

    \b
    Examples:
      rouge episode 4 -e 6
      rouge episode 2 --json | jq '.new_characters'
    """
    from rouge_cli.cli import run_companions

    run_companions.episode(number, up_to_episode, show_all, json, data)
