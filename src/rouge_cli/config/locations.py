"""Where things are: the dataset in force, the user's config directory (saved progress), the cache.

The dataset is `--data`, else `$ROUGE_DATA`, else the one shipped inside the package (or
`data/` in a source checkout). `$XDG_CONFIG_HOME` and `$XDG_CACHE_HOME` are honoured on every
platform, as command-line users expect; otherwise the platform's own directories. Paths are
plain strings and only `os` and `sys` are imported: every command, and every Tab, starts here.
"""

import os
import sys

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


PROGRESS_FILE = "progress.toml"
ENV_CACHE = "ROUGE_CACHE_DIR"


def config_dir() -> str:
    xdg = os.environ.get("XDG_CONFIG_HOME", "").strip()
    if xdg and os.path.isabs(xdg):
        return os.path.join(xdg, "rouge")
    if sys.platform.startswith("linux"):
        return os.path.join(os.path.expanduser("~"), ".config", "rouge")
    from platformdirs import user_config_dir

    return user_config_dir("rouge", appauthor=False)


def progress_path() -> str:
    return os.path.join(config_dir(), PROGRESS_FILE)


def cache_dir() -> str:
    """`$ROUGE_CACHE_DIR`, else `$XDG_CACHE_HOME/rouge`, else the platform's user cache directory."""
    explicit = os.environ.get(ENV_CACHE, "")
    if explicit:
        return explicit
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if xdg and os.path.isabs(xdg):
        return os.path.join(xdg, "rouge")
    if sys.platform.startswith("linux"):
        return os.path.join(os.path.expanduser("~"), ".cache", "rouge")
    from platformdirs import user_cache_dir

    return user_cache_dir("rouge", appauthor=False)
