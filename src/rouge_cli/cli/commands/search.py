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
    from rouge_cli.cli.open_view import open_view
    from rouge_cli.query.find import quoted
    from rouge_cli.query.search import search as run_search

    view = open_view(data, up_to_episode, show_all)
    results = run_search(view, text)
    if output is Format.tsv and not json:
        from rouge_cli.render.as_tsv import search_results

        search_results(results)
    elif json:
        from rouge_cli.render.as_json import search_document, write

        write(search_document(view, text, results))
    else:
        from rouge_cli.render.human.search import print_results

        print_results(view, quoted(text), results, text)
