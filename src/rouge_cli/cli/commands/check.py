"""`rouge check [PATH]`."""

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from rouge_cli.cli.options import DataPath

PathArgument = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Argument(
        metavar="[PATH]",
        help="The dataset to check; - reads standard input (default: --data, else the shipped one).",
        show_default=False,
    ),
]


def check(path: PathArgument = None, data: DataPath = None) -> None:
    """Validate a dataset and run the spoiler lint.

    Exit 0 when clean, 3 otherwise.

    \b
    Examples:
      rouge check
      rouge check my-dataset.toml
      rouge check - < my-dataset.toml
    """
    from rouge_cli.common.errors import DataError
    from rouge_cli.common.text import printable
    from rouge_cli.config.locations import dataset_path
    from rouge_cli.dataset.load import read_document, validate

    if path is not None and str(path) == "-":
        target, document = "<stdin>", read_document("<stdin>", _read_stdin())
    else:
        target = str(path or dataset_path(data))
        document = read_document(target)
    parsed, problems = validate(document)
    if problems:
        sys.stdout.writelines(printable(f"{target}: {problem}") + "\n" for problem in problems)
        raise DataError(target, problems)
    # No counts of characters or facts: a total is a spoiler for a viewer who runs this.
    sys.stdout.write(f"{target}: OK: {parsed.dataset.episode_count} episodes; valid, spoiler lint clean\n")


def _read_stdin() -> bytes:
    """Standard input, at most `files.DATASET_LIMIT` bytes (a DataError beyond)."""
    from rouge_cli.common.errors import DataError, Problem
    from rouge_cli.common.files import DATASET_LIMIT

    stream = getattr(sys.stdin, "buffer", None)
    raw = stream.read(DATASET_LIMIT + 1) if stream is not None else b""
    if len(raw) > DATASET_LIMIT:
        raise DataError("<stdin>", [Problem("", f"is larger than {DATASET_LIMIT // 2**20} MiB, not a dataset")])
    return raw
