"""`rouge sources [KEY]`."""

from typing import Annotated, Optional

import typer

from rouge_cli.cli.options import DataPath, Episode, Json, ShowAll


def sources(
    key: Annotated[
        Optional[str],  # noqa: UP045
        typer.Argument(metavar="[KEY]", help="One source key, as cited after a fact (JP1, TRG1, ...)."),
    ] = None,
    up_to_episode: Episode = None,
    show_all: ShowAll = False,
    json: Json = False,
    data: DataPath = None,
) -> None:
    """List the sources you can follow so far, with their addresses.

    A source that covers an episode you have not finished is left out until you have.

    \b
    Examples:
      rouge sources -e 1
      rouge sources JP1 -e 1
      rouge sources -e 1 --json | jq -r '.sources[].url'
    """
    from rouge_cli.cli.open_view import open_view
    from rouge_cli.query.sources import find_source

    view = open_view(data, up_to_episode, show_all)
    listed = [find_source(view, key)] if key is not None else list(view.sources)
    if json:
        from rouge_cli.render.as_json import envelope, write

        write(envelope(view, sources=[{"key": k, "url": url} for k, url in listed]))
    else:
        from rouge_cli.render.human.sources import print_sources

        print_sources(view, listed)
