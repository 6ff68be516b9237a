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
    from rouge_cli.cli import run_companions

    run_companions.sources(key, up_to_episode, show_all, json, data)
