"""What Tab offers from a completion table, and how each shell is told: no heavy imports."""

from rouge_cli.common.text import fold, printable

KINDS = ("character", "faction", "term")
# (label, folded label, folded words) for characters, then for factions.
Rows = list[tuple[str, str, tuple[str, ...]]]
Table = tuple[Rows, Rows, Rows]
"""Characters, factions and terms."""


def episode_suffix(position: str) -> str:
    """The cache suffix of the completion table at `position` (as `Position.__str__` writes it)."""
    return f"complete-{position.replace(':', '.')}"


BUCKET = 2
"""Tab with at least this many characters typed reads only the rows whose label or a word of it starts so."""
BUCKET_SIZES = (BUCKET, BUCKET + 1)
"""Buckets by the first two characters and by the first three: a large table's two-letter buckets are big."""


def bucket_key(prefix: str) -> str:
    """The bucket holding every row that `prefix` (folded, at least `BUCKET` long) can match: the narrowest."""
    return prefix[: BUCKET_SIZES[-1]]


def bucket_keys(folded: str, words: tuple[str, ...]) -> set[str]:
    """The buckets a row belongs to: the first two and first three characters of its label and of each word."""
    return {text[:size] for text in (folded, *words) for size in BUCKET_SIZES if len(text) >= size}


def buckets_of(table: Table) -> tuple[dict[tuple[int, str], tuple[int, int, int]], bytes]:
    """The rows of every (kind, bucket) marshalled one after another, and where each bucket is.

    The index maps (kind's position in KINDS, bucket) to (offset, length, CRC-32) in the bytes,
    so that a Tab reads the index and one bucket (`cache.read_record`), not the whole table.
    """
    import marshal
    import zlib

    grouped: dict[tuple[int, str], Rows] = {}
    for kind, rows in enumerate(table):
        for row in rows:
            for key in sorted(bucket_keys(row[1], row[2])):
                grouped.setdefault((kind, key), []).append(row)
    index: dict[tuple[int, str], tuple[int, int, int]] = {}
    blobs: list[bytes] = []
    offset = 0
    for where, rows in grouped.items():
        blob = marshal.dumps(rows)
        index[where] = (offset, len(blob), zlib.crc32(blob))
        blobs.append(blob)
        offset += len(blob)
    return index, b"".join(blobs)


def offer(rows: list[tuple[str, str, tuple[str, ...]]], typed: str) -> list[str]:
    """Labels the typed text could be the start of (of the whole label or of one of its words).

    Names in Japanese script are offered only once Japanese is typed, so that Tab on an empty
    or Latin prefix lists the names a viewer of the English release knows.
    """
    prefix = fold(typed)
    latin = prefix.isascii()
    return [
        label
        for label, folded, words in rows
        if (folded.startswith(prefix) or any(w.startswith(prefix) for w in words))
        and not (latin and not label.isascii() and _japanese(label))
    ]


def _japanese(label: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" or "\uff66" <= ch <= "\uff9f" for ch in label)


def render(shell: str, values: list[str], fish_action: str) -> tuple[str, int]:
    """The text to print for `shell`, and the exit code."""
    safe = [printable(value) for value in values]
    if shell == "bash":
        # rouge's bash script sets `compopt -o filenames`: bash shows the names as they are in
        # the menu and escapes spaces and quotes itself when it inserts one.
        return "\n".join(safe), 0
    if shell == "zsh":
        quoted = " ".join("'" + v.replace("'", "'\\''") + "'" for v in safe)
        return (f"compadd -U -- {quoted}" if safe else "_files"), 0
    if fish_action == "is-args":
        return "", 0 if safe else 1
    return "\n".join(safe), 0
