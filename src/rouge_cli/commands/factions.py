"""`rouge factions`."""

from ..options import DataPath, Episode, Json, ShowAll


def factions(
    up_to_episode: Episode = None, show_all: ShowAll = False, json: Json = False, data: DataPath = None
) -> None:
    """Show the factions you know of and their known members.

    \b
    Examples:
      rouge factions -e 7
      rouge factions --json | jq '.factions[] | {name, member_count}'
    """
    from ..session import open_view

    view = open_view(data, up_to_episode, show_all)
    if json:
        from ..render_json import factions_document, write

        write(factions_document(view))
    else:
        from ..human.factions import print_factions

        print_factions(view)
