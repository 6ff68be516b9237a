"""Saved viewing progress: one small TOML file in the user's config directory.

The directory is `$XDG_CONFIG_HOME/rouge` when XDG_CONFIG_HOME is set (on every platform,
as command-line users expect), else the platform's config directory. Writes are atomic
(temporary file, then rename). A file that cannot be read is an error with a way out,
never a silent reset. Reading avoids heavy imports: it runs on every command and on every Tab.
"""

import os
import sys

from rouge_cli.common.files import PROGRESS_LIMIT, read_regular
from rouge_cli.common.position import Position, format_time, parse_time
from rouge_cli.config.locations import progress_path

KEY = "up_to_episode"
AT_KEY = "at"
WAY_OUT = "fix it with `rouge progress set N` or remove it with `rouge progress clear`"


def saved_position() -> tuple[Position | None, str | None]:
    """(the saved position or None when nothing is saved, the problem when it cannot be read)."""
    path = progress_path()
    try:
        raw = read_regular(path, PROGRESS_LIMIT)
    except FileNotFoundError:
        return None, None
    except OSError as error:
        return None, f"cannot read saved progress {path} ({error.strerror or error}); {WAY_OUT}"
    try:
        position = parse_progress(raw.decode("utf-8"))
    except UnicodeDecodeError:
        position = None
    if position is None:
        return None, f"saved progress {path} is corrupted; {WAY_OUT}"
    return position, None


def read_saved_episode() -> Position | None:
    """The saved position, or None when nothing is saved; ProgressError when unreadable."""
    position, problem = saved_position()
    if problem is not None:
        from rouge_cli.common.errors import ProgressError

        raise ProgressError(problem)
    return position


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
        from rouge_cli.common.errors import ProgressError

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
        from rouge_cli.common.errors import ProgressError

        raise ProgressError(f"cannot remove saved progress {path} ({error.strerror or error})") from None
    return True


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
