"""`rouge search TEXT`."""

from typing import Annotated

import typer

from ..options import DataPath, Episode, Json, ShowAll


def search(
    text: Annotated[str, typer.Argument(metavar="TEXT", help="Words to look for (each may be the start of a word).")],
    up_to_episode: Episode = None,
    show_all: ShowAll = False,
    json: Json = False,
    data: DataPath = None,
) -> None:
    """Search names, aliases, facts and factions you have seen.

    \b
    Examples:
      rouge search nectar -e 3
      rouge search "asimov code" -e 1 --json | jq '.count'
    """
    from ..query import quoted
    from ..search import search as run_search
    from ..session import open_view

    view = open_view(data, up_to_episode, show_all)
    results = run_search(view, text)
    if json:
        from ..render_json import search_document, write

        write(search_document(view, text, results))
    else:
        from ..human.search import print_results

        print_results(view, quoted(text), results)
