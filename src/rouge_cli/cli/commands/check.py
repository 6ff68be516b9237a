"""`rouge check [PATH]`."""

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from rouge_cli.cli.options import DataPath

PathArgument = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Argument(
        metavar="[PATH]", help="The dataset to check (default: --data, else the shipped one).", show_default=False
    ),
]


def check(path: PathArgument = None, data: DataPath = None) -> None:
    """Validate a dataset and run the spoiler lint.

    Exit 0 when clean, 3 otherwise.

    \b
    Examples:
      rouge check
      rouge check my-dataset.toml
    """
    from rouge_cli.common.errors import DataError
    from rouge_cli.common.escape import printable
    from rouge_cli.config.paths import dataset_path
    from rouge_cli.dataset.load import read_document, validate

    target = path or dataset_path(data)
    parsed, problems = validate(read_document(target))
    if problems:
        sys.stdout.writelines(printable(f"{target}: {problem}") + "\n" for problem in problems)
        raise DataError(str(target), problems)
    # No counts of characters or facts: a total is a spoiler for a viewer who runs this.
    sys.stdout.write(f"{target}: OK: {parsed.dataset.episode_count} episodes; valid, spoiler lint clean\n")
