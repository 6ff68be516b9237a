"""Saved viewing progress: one small TOML file in the user's config directory.

The directory is `$XDG_CONFIG_HOME/rouge` when XDG_CONFIG_HOME is set (on every platform,
as command-line users expect), else the platform's config directory. Writes are atomic
(temporary file, then rename). A file that cannot be read is an error with a way out,
never a silent reset. Reading avoids heavy imports: it runs on every command.
"""

from __future__ import annotations

import os

from .config import AT_KEY, KEY, parse_progress, progress_path
from .errors import ProgressError
from .position import Position, format_time

WAY_OUT = "fix it with `rouge progress set N` or remove it with `rouge progress clear`"


def read_saved_episode() -> Position | None:
    """The saved position, or None when nothing is saved; ProgressError when unreadable."""
    path = progress_path()
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ProgressError(f"cannot read saved progress {path} ({error.strerror or error}); {WAY_OUT}") from None
    try:
        episode = parse_progress(raw.decode("utf-8"))
    except UnicodeDecodeError:
        episode = None
    if episode is None:
        raise ProgressError(f"saved progress {path} is corrupted; {WAY_OUT}")
    return episode


def save_episode(position: Position) -> str:
    """Store `position` atomically; returns the file written."""
    import tempfile

    path = progress_path()
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, exist_ok=True)
        if os.path.isdir(path):
            raise IsADirectoryError(21, "is a directory")
        handle, temporary = tempfile.mkstemp(prefix=".progress-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                out.write(
                    f"# rouge: how far you have watched (written by `rouge progress set`)\n{KEY} = {position.episode}\n"
                )
                if position.at is not None:
                    out.write(f'{AT_KEY} = "{format_time(position.at)}"\n')
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
        os.unlink(path)
    except FileNotFoundError:
        return False
    except OSError as error:
        raise ProgressError(f"cannot remove saved progress {path} ({error.strerror or error})") from None
    return True
