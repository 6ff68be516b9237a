"""Where cached data lives and how it is read and written. Deliberately tiny (no heavy imports).

Cache files are keyed by the dataset file's absolute path, size and modification time,
plus the cache format and the Python version (marshal's format is version-specific).
They are written atomically (temporary file, then rename) and never trusted blindly:
a reader that finds a file missing, stale or malformed rebuilds it.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib

FORMAT = 2
ENV_CACHE = "ROUGE_CACHE_DIR"


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


def data_key(data_path: str) -> str | None:
    """The cache key of a dataset file as it is now; None when it cannot be read."""
    try:
        path = os.path.abspath(data_path)
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    which = f"{path}|{FORMAT}|{sys.version_info[0]}.{sys.version_info[1]}".encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(which):08x}-{info.st_size:x}-{info.st_mtime_ns:x}"


def forget_other_versions(key: str) -> None:
    """Remove the cache files of earlier versions of the same dataset file."""
    prefix = key.split("-", 1)[0] + "-"
    try:
        names = os.listdir(cache_dir())
    except OSError:
        return
    for name in names:
        if name.startswith(prefix) and not name.startswith(key + "."):
            try:
                os.unlink(os.path.join(cache_dir(), name))
            except OSError:
                continue


def cache_path(key: str, suffix: str) -> str:
    return os.path.join(cache_dir(), f"{key}.{suffix}")


def read(path: str) -> object:
    """The object stored at `path`, or None when it is missing or unreadable."""
    try:
        with open(path, "rb") as handle:
            return marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return None


def read_slice(path: str, offset: int, length: int) -> object:
    """The object stored at `offset` in `path` (a file of concatenated records), or None."""
    try:
        with open(path, "rb") as handle:
            handle.seek(offset)
            blob = handle.read(length)
        return marshal.loads(blob) if len(blob) == length else None
    except (OSError, EOFError, ValueError, TypeError):
        return None


def read_slice_bytes(path: str) -> bytes | None:
    """The whole content of `path`, or None when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def write(path: str, value: object) -> None:
    """Store `value` at `path` atomically; failing to write a cache is never an error."""
    write_bytes(path, marshal.dumps(value))  # type: ignore[arg-type]


def write_bytes(path: str, data: bytes) -> None:
    """Write `data` to `path` atomically (temporary file, then rename); errors are ignored."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except (OSError, ValueError):
        if os.path.exists(temporary):
            os.unlink(temporary)
