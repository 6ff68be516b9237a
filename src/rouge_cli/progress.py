"""Saved viewing progress: one small TOML file in the user's config directory.

The directory is `$XDG_CONFIG_HOME/rouge` when XDG_CONFIG_HOME is set (on every platform,
as command-line users expect), else the platform's config directory. Writes are atomic
(temporary file, then rename). A file that cannot be read is an error with a way out,
never a silent reset.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .errors import ProgressError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised only on Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

FILE_NAME = "progress.toml"
KEY = "up_to_episode"
WAY_OUT = "fix it with `rouge progress set N` or remove it with `rouge progress clear`"


def config_dir() -> Path:
    xdg = os.environ.get("XDG_CONFIG_HOME", "").strip()
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "rouge"
    from platformdirs import user_config_path

    return user_config_path("rouge", appauthor=False)


def progress_path() -> Path:
    return config_dir() / FILE_NAME


def read_saved_episode() -> int | None:
    """The saved episode, or None when nothing is saved; ProgressError when unreadable."""
    path = progress_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ProgressError(f"cannot read saved progress {path} ({error.strerror or error}); {WAY_OUT}") from None
    try:
        value = tomllib.loads(raw.decode("utf-8")).get(KEY)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        value = None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ProgressError(f"saved progress {path} is corrupted; {WAY_OUT}")
    return value


def save_episode(episode: int) -> Path:
    """Store `episode` atomically; returns the file written."""
    path = progress_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            raise IsADirectoryError(21, "is a directory")
        handle, temporary = tempfile.mkstemp(prefix=".progress-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(f"# rouge: how far you have watched (written by `rouge progress set`)\n{KEY} = {episode}\n")
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except OSError as error:
        raise ProgressError(f"cannot save progress to {path} ({error.strerror or error})") from None
    return path


def clear_saved_episode() -> bool:
    """Forget the saved episode; False when there was none."""
    path = progress_path()
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise ProgressError(f"cannot remove saved progress {path} ({error.strerror or error})") from None
    return True
