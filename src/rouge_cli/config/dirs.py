"""Where rouge keeps the user's files: the config directory (saved progress) and the cache.

`$XDG_CONFIG_HOME` and `$XDG_CACHE_HOME` are honoured on every platform, as command-line
users expect; otherwise the platform's own directories. Only `os` and `sys` are imported
(shell completion finds the cache through here on every Tab).
"""

from __future__ import annotations

import os
import sys

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
