"""`rouge timeline NAME`."""

from rouge_cli.cli.commands.who import NameArgument
from rouge_cli.cli.options import DataPath, Episode, Json, ShowAll


def timeline(
    name: NameArgument,
    up_to_episode: Episode = None,
    show_all: ShowAll = False,
    json: Json = False,
    data: DataPath = None,
) -> None:
    """Show how what you know of a character grew, episode by episode.

    \b
    Examples:
      rouge timeline giallon -e 13
      rouge timeline rouge -e 8 --json | jq '.events[] | select(.kind == "fact") | .text'
    """
    from rouge_cli.cli import run_companions

    run_companions.timeline(name, up_to_episode, show_all, json, data)
