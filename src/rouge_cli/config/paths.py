"""Where the shipped dataset is: inside the installed package, or `data/` in a source checkout.

Paths are plain strings here (no pathlib) because this sits on every command's start-up path.
"""

from __future__ import annotations

import os

SHIPPED_NAME = "characters.toml"
ENV_DATA = "ROUGE_DATA"
PathLike = str | os.PathLike[str]


def shipped_data_path() -> str:
    """The dataset shipped inside the package (or, in a source checkout, in `data/`).

    In an ordinary installation the package is a directory, where `importlib.resources`
    would return this same path; it is only consulted (slow to import) for other loaders.
    """
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for candidate in (
        os.path.join(package, "data", SHIPPED_NAME),
        os.path.join(os.path.dirname(os.path.dirname(package)), "data", SHIPPED_NAME),
    ):
        if os.path.isfile(candidate):
            return candidate
    from importlib import resources

    return str(resources.files("rouge_cli") / "data" / SHIPPED_NAME)


def dataset_path(given: PathLike | None = None) -> str:
    """The dataset in force: `--data`, else `$ROUGE_DATA`, else the shipped one (the one home of this rule)."""
    if given:
        return os.fspath(given)
    return os.environ.get(ENV_DATA, "") or shipped_data_path()
