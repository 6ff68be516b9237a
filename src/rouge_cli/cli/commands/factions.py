"""`rouge factions`."""

from rouge_cli.cli.options import DataPath, Episode, Format, FormatOption, Json, ShowAll


def factions(
    up_to_episode: Episode = None,
    show_all: ShowAll = False,
    json: Json = False,
    output: FormatOption = Format.table,
    data: DataPath = None,
) -> None:
    """Show the factions you know of and their known members.

    \b
    Examples:
      rouge factions -e 7
      rouge factions --json | jq '.factions[] | {name, member_count}'
      rouge factions -e 1 --format tsv
    """
    from rouge_cli.cli import run_companions

    run_companions.factions(up_to_episode, show_all, json, output.value, data)
