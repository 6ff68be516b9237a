"""Reading files that could be anything: regular files only, never more than a set size.

A FIFO, a device or a directory in place of a dataset, a cache file or the progress file
would otherwise hang a command or read until memory runs out. Deliberately tiny: shell
completion reads through it.
"""

import os
import stat

DATASET_LIMIT = 256 * 2**20
PROGRESS_LIMIT = 64 * 2**10


class NotARegularFile(OSError):
    """The path exists but is a FIFO, a device, a socket or a directory."""


class FileTooLarge(OSError):
    """The file is larger than the reader accepts."""


def read_regular(path: str | os.PathLike[str], limit: int, follow_links: bool = True) -> bytes:
    """The bytes of `path`, a regular file of at most `limit` bytes (else an OSError subclass).

    Opened without blocking, so that a FIFO is refused instead of waiting for a writer.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(0, "is not a regular file")
        if info.st_size > limit:
            raise FileTooLarge(0, f"is larger than {limit // 2**20 or 1} MiB")
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(descriptor, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        if remaining <= 0:
            raise FileTooLarge(0, f"is larger than {limit // 2**20 or 1} MiB")
        return b"".join(chunks)
    finally:
        os.close(descriptor)
