"""Where cached data lives and how it is read and written. Deliberately tiny (no heavy imports).

Cache files are keyed by what identifies the dataset file's content as the file system
reports it: its absolute path, device, inode, size, and modification and change times,
plus the cache format and the Python version (marshal's format is version-specific). A
file copied with its times kept, or a link re-pointed, gets a new key (new inode, new
change time). Each cache file starts with a header (a magic, its length and a CRC-32 of
its content) that is checked before anything in it is trusted; reads take regular files
of bounded size only. Files are written atomically (temporary file, then rename); a
reader that finds a file missing, stale, damaged or malformed rebuilds it.
"""

import marshal
import os
import sys
import zlib

from rouge_cli.config.locations import cache_dir

FORMAT = 11
MAGIC = b"RGC1"
HEADER = 16  # magic (4), content length (8), CRC-32 (4)
LIMIT = 1 << 30


def data_key(data_path: str) -> str | None:
    """The cache key of a dataset file as it is now; None when it cannot be read."""
    try:
        path = os.path.abspath(data_path)
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    which = f"{path}|{FORMAT}|{sys.version_info[0]}.{sys.version_info[1]}".encode("utf-8", "surrogateescape")
    identity = f"{info.st_dev}|{info.st_ino}|{info.st_size}|{info.st_mtime_ns}|{info.st_ctime_ns}".encode()
    return f"{zlib.crc32(which):08x}-{info.st_size:x}-{zlib.crc32(identity):08x}{zlib.adler32(identity):08x}"


DERIVED = "recap."
"""The files made on first use from the others (`dataset.reach`'s news records): a rebuild drops them too."""


def forget_other_versions(key: str) -> None:
    """Remove the cache files of earlier versions of the same dataset file, and this one's derived files."""
    prefix = key.split("-", 1)[0] + "-"
    try:
        names = os.listdir(cache_dir())
    except OSError:
        return
    for name in names:
        if name.startswith(prefix) and (not name.startswith(key + ".") or name.startswith(f"{key}.{DERIVED}")):
            try:
                os.unlink(os.path.join(cache_dir(), name))
            except OSError:
                continue


def cache_path(key: str, suffix: str) -> str:
    return os.path.join(cache_dir(), f"{key}.{suffix}")


def read_bytes(path: str) -> bytes | None:
    """The checked content of cache file `path`, or None when missing, not a regular file, or damaged."""
    from rouge_cli.common.files import read_regular

    try:
        blob = read_regular(path, LIMIT + HEADER, follow_links=False)
    except (OSError, ValueError):
        return None
    if len(blob) < HEADER or blob[:4] != MAGIC:
        return None
    length, crc = int.from_bytes(blob[4:12], "little"), int.from_bytes(blob[12:16], "little")
    content = blob[HEADER:]
    if len(content) != length or zlib.crc32(content) != crc:
        return None
    return content


def read(path: str) -> object:
    """The object stored at `path`, or None when it is missing, damaged or unreadable."""
    content = read_bytes(path)
    if content is None:
        return None
    try:
        return marshal.loads(content)
    except (EOFError, ValueError, TypeError):
        return None


def loads_record(blob: bytes, offset: int, length: int, crc: int) -> object:
    """The record at `offset` of a records file's content, checked against its own CRC-32; None if damaged."""
    piece = blob[offset : offset + length]
    if len(piece) != length or zlib.crc32(piece) != crc:
        return None
    try:
        return marshal.loads(piece)
    except (EOFError, ValueError, TypeError):
        return None


def write(path: str, value: object) -> None:
    """Store `value` at `path` atomically; failing to write a cache is never an error."""
    write_bytes(path, marshal.dumps(value))  # type: ignore[arg-type]


def write_bytes(path: str, data: bytes) -> None:
    """Write `data`, behind its header, to `path` atomically (temporary file, then rename); errors are ignored.

    An interrupt while writing leaves no temporary file behind.
    """
    temporary = f"{path}.{os.getpid()}.tmp"
    header = MAGIC + len(data).to_bytes(8, "little") + zlib.crc32(data).to_bytes(4, "little")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        try:
            descriptor = os.open(temporary, flags, 0o666)
        except FileNotFoundError:  # the first file written: make the directory
            os.makedirs(os.path.dirname(path), exist_ok=True)
            descriptor = os.open(temporary, flags, 0o666)
        try:
            for part in (header, data):
                view = memoryview(part)
                while view:
                    view = view[os.write(descriptor, view) :]
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except (OSError, ValueError):
        _remove(temporary)
    except KeyboardInterrupt:
        _remove(temporary)
        raise


def _remove(path: str) -> None:
    try:  # noqa: SIM105 - contextlib is not worth its import on the completion path
        os.unlink(path)
    except OSError:
        pass


def read_record(path: str, offset: int, length: int, crc: int) -> object:
    """One record of a records file, read alone and checked against its own CRC-32; None if damaged."""
    import stat

    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0))
    except (OSError, ValueError):
        return None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or not 0 <= offset <= info.st_size - HEADER - length or length > LIMIT:
            return None
        piece = os.pread(descriptor, length, HEADER + offset)
    except (OSError, ValueError, OverflowError):
        return None
    finally:
        os.close(descriptor)
    return loads_record(piece, 0, length, crc)
