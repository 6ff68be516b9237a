"""`rouge check [PATH]`."""

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..options import DataPath

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
    from ..errors import DataError
    from ..escape import printable
    from ..load import read_document, validate
    from ..paths import shipped_data_path

    target = path or data or shipped_data_path()
    parsed, problems = validate(read_document(target))
    if problems:
        sys.stdout.writelines(printable(f"{target}: {problem}") + "\n" for problem in problems)
        raise DataError(str(target), problems)
    # No counts of characters or facts: a total is a spoiler for a viewer who runs this.
    sys.stdout.write(f"{target}: OK: {parsed.dataset.episode_count} episodes; valid, spoiler lint clean\n")
