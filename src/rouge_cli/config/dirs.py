"""Where rouge keeps the user's files, and how the progress file reads: no heavy imports.

Shell completion reads the saved progress on every Tab, so this module imports only `os`,
`sys` and `position` (TOML is parsed by hand for the two keys rouge writes, and `tomllib`
is loaded only for a file edited into another shape).
"""

from __future__ import annotations

import os
import sys

from rouge_cli.common.position import Position, parse_time

FILE_NAME = "progress.toml"
KEY = "up_to_episode"
AT_KEY = "at"


def config_dir() -> str:
    xdg = os.environ.get("XDG_CONFIG_HOME", "").strip()
    if xdg and os.path.isabs(xdg):
        return os.path.join(xdg, "rouge")
    if sys.platform.startswith("linux"):
        return os.path.join(os.path.expanduser("~"), ".config", "rouge")
    from platformdirs import user_config_dir

    return user_config_dir("rouge", appauthor=False)


def progress_path() -> str:
    return os.path.join(config_dir(), FILE_NAME)


def parse_progress(text: str) -> Position | None:
    """The position in a progress file's text, or None when it is not a valid progress file.

    `up_to_episode = N`, and optionally `at = "MM:SS"` (a viewer paused inside episode N).
    Files written before positions existed hold only the episode and keep working.
    """
    values: dict[str, str] = {}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        key, sign, value = stripped.partition("=")
        if not sign or key.strip() not in (KEY, AT_KEY) or key.strip() in values:
            return _parse_toml(text)
        values[key.strip()] = value.strip()
    episode, at = values.get(KEY, ""), values.get(AT_KEY)
    if not (0 < len(episode) <= 9 and episode.isascii() and episode.isdigit()) or int(episode) < 1:
        return _parse_toml(text) if episode else None
    if at is None:
        return Position(int(episode))
    seconds = parse_time(at[1:-1]) if len(at) == 7 and at[0] == at[-1] == '"' else None
    return None if seconds is None else Position(int(episode), seconds)


def _parse_toml(text: str) -> Position | None:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised only on Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]
    try:
        document = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError):
        return None
    episode, at = document.get(KEY), document.get(AT_KEY)
    if set(document) - {KEY, AT_KEY} or type(episode) is not int or not 1 <= episode < 10**9:
        return None
    if at is None:
        return Position(episode)
    seconds = parse_time(at) if isinstance(at, str) and len(at) == 5 else None
    return None if seconds is None else Position(episode, seconds)
