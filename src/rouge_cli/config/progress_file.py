"""Saved viewing progress: one small TOML file in the user's config directory.

The directory is `$XDG_CONFIG_HOME/rouge` when XDG_CONFIG_HOME is set (on every platform,
as command-line users expect), else the platform's config directory. Writes are atomic
(temporary file, then rename). A file that cannot be read is an error with a way out,
never a silent reset. Reading avoids heavy imports: it runs on every command.
"""

from __future__ import annotations

import os

from rouge_cli.common.errors import ProgressError
from rouge_cli.common.files import PROGRESS_LIMIT, read_regular
from rouge_cli.common.position import Position, format_time
from rouge_cli.config.dirs import AT_KEY, KEY, parse_progress, progress_path

WAY_OUT = "fix it with `rouge progress set N` or remove it with `rouge progress clear`"


def read_saved_episode() -> Position | None:
    """The saved position, or None when nothing is saved; ProgressError when unreadable."""
    path = progress_path()
    try:
        raw = read_regular(path, PROGRESS_LIMIT)
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
    """Store `position` atomically; returns the file written.

    A progress file that is a symbolic link is written through to its target (the link is
    kept); anything but a regular file or a missing one there is refused.
    """
    import stat
    import tempfile

    path = progress_path()
    target = os.path.realpath(path) if os.path.islink(path) else path
    folder = os.path.dirname(target)
    try:
        os.makedirs(folder, exist_ok=True)
        if os.path.isdir(target):
            raise IsADirectoryError(21, "is a directory")
        if os.path.lexists(target) and not stat.S_ISREG(os.stat(target).st_mode):
            raise OSError(0, "not a regular file")
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
            os.replace(temporary, target)
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
