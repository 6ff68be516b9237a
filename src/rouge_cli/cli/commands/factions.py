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
    from rouge_cli.cli.open_view import open_view

    view = open_view(data, up_to_episode, show_all)
    if output is Format.tsv and not json:
        from rouge_cli.render.as_tsv import factions as write_tsv

        write_tsv(view)
    elif json:
        from rouge_cli.render.as_json import factions_document, write

        write(factions_document(view))
    else:
        from rouge_cli.render.human.factions import print_factions

        print_factions(view)
