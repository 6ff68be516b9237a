"""A cached, per-record copy of a validated dataset, so large datasets load only what a command needs.

The first run after the dataset file changes validates it in full (`load.load_dataset`)
and writes the cache: `KEY.records` (each character marshalled on its own), `KEY.order`
(every record's place, in dataset order), `KEY.ids.N` and `KEY.words.N` (small hashed
buckets: id -> where its record is and who is merged with it; word of a name or
description -> ids; an empty bucket has no file, the meta names it; built by `index`), and
last `KEY.meta` (series, episodes, factions). A lookup reads the meta file, one word
bucket, a few id buckets and the records it needs (`reach` adds the indexes of `since` and
`relations`, and `KEY.recap.N`, an episode's news record, made the first time a catch-up
asks for it). Anything missing, stale or malformed is rebuilt; the spoiler gate then runs
on whatever was loaded, exactly as it would on the whole file.
"""

from __future__ import annotations

import marshal
import os
import stat
import zlib

from rouge_cli.common.position import moment
from rouge_cli.common.text import PERSON, lookup_words, stem
from rouge_cli.config import cache
from rouge_cli.config.locations import PathLike
from rouge_cli.dataset.codec import Row, decode_character, decode_header, encode_character, encode_header
from rouge_cli.dataset.model import Character, Dataset

TYPE_CHECKING = False
if TYPE_CHECKING:  # `typing` is not imported at run time (see common/records.py)
    from collections.abc import Iterable, Sequence
    from typing import Any, cast
else:
    from rouge_cli.common.records import cast


class StaleCacheError(Exception):
    """A cache file does not hold what the meta file promised."""


def bucket_of(text: str, buckets: int) -> int:
    return zlib.crc32(text.encode("utf-8", "surrogateescape")) % buckets


class Store:
    """A dataset read from its cache: the header always, everything else on demand."""

    def __init__(
        self, meta: dict[str, Any], key: str, loaded: Sequence[Character] = (), pieces: dict[str, Any] | None = None
    ) -> None:
        self.series, self.sources, self.episodes, self.factions, self.terms = decode_header(meta["header"])
        self.key = key
        self.buckets: int = meta["buckets"]
        self._size: int = meta.get("size", 0)
        self.character_count: int = meta.get("characters", 0)
        self._loaded: dict[str, Character] = {c.id: c for c in loaded}
        self._complete = bool(loaded)
        self._pieces: dict[str, Any] = dict(pieces or {})
        self._known: dict[str, Row] = {}
        """`ids.B` rows learnt from other files (`reach`'s news records carry them)."""
        self._empty = frozenset(meta.get("empty", ()))
        self.loaded_for_query = 0
        """How many records the last `for_query` gathered (tests count work with it)."""
        if self._complete and not self._pieces:
            from rouge_cli.dataset.index import pieces_of

            self._pieces.update(pieces_of(loaded, self.buckets))

    @property
    def episode_count(self) -> int:
        return len(self.episodes)

    def _piece(self, suffix: str) -> Any:
        if suffix not in self._pieces:
            value = {} if suffix in self._empty else cache.read(cache.cache_path(self.key, suffix))
            if not isinstance(value, list if suffix == "order" else dict):
                raise StaleCacheError(suffix)
            self._pieces[suffix] = value
        return self._pieces[suffix]

    def _summary(self, character_id: str) -> Row | None:
        found: Row | None = self._known.get(character_id)
        if found is None:
            found = self._piece(f"ids.{bucket_of(character_id, self.buckets)}").get(character_id)
        return found

    def _rows(self, ids: Iterable[str]) -> dict[str, Row]:
        """The stored rows of `ids`, in dataset order."""
        places = []
        try:
            for character_id in ids:
                summary = self._summary(character_id)
                if summary is None:
                    raise StaleCacheError(character_id)
                places.append((summary[0], character_id, summary[1], summary[2], summary[6]))
            places.sort()
        except (TypeError, ValueError, IndexError) as error:
            raise StaleCacheError("ids") from error
        rows = self._records([place[2:] for place in places])
        return {place[1]: row for place, row in zip(places, rows, strict=True)}

    def _records(self, places: Sequence[Row]) -> list[Row]:
        """The records at `places` (offset, length, CRC-32 in the records file), each checked against its CRC-32.

        The file is opened once: read whole when they make up much of it, else record by record.
        """
        if not places:
            return []
        path = cache.cache_path(self.key, "records")
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            descriptor = os.open(path, flags)
            try:
                info = os.fstat(descriptor)
                if not stat.S_ISREG(info.st_mode) or info.st_size != cache.HEADER + self._size:
                    raise StaleCacheError(path)
                if 4 * sum(length for _, length, _ in places) > self._size:
                    blob = _read_at(descriptor, self._size, cache.HEADER)
                    pieces = [blob[offset : offset + length] for offset, length, _ in places]
                else:
                    pieces = [os.pread(descriptor, length, cache.HEADER + offset) for offset, length, _ in places]
            finally:
                os.close(descriptor)
            rows = []
            for piece, (_, length, crc) in zip(pieces, places, strict=True):
                if len(piece) != length or zlib.crc32(piece) != crc:
                    raise StaleCacheError(path)
                row = marshal.loads(piece)
                if type(row) is not tuple:
                    raise StaleCacheError(path)
                rows.append(row)
        except (OSError, EOFError, TypeError, ValueError, IndexError, OverflowError) as error:
            raise StaleCacheError(path) from error
        return rows

    def _load(self, ids: Iterable[str]) -> None:
        for character_id, row in self._rows(i for i in ids if i not in self._loaded).items():
            try:
                self._loaded[character_id] = decode_character(row)
            except (TypeError, ValueError, IndexError, KeyError, AttributeError) as error:
                raise StaleCacheError("records") from error

    def _dataset(self, ids: Iterable[str]) -> Dataset:
        wanted = set(ids)
        self._load(wanted)
        ordered = sorted(wanted, key=lambda i: cast(Row, self._summary(i))[0])
        return Dataset(
            self.series, self.sources, self.episodes, self.factions, tuple(self._loaded[i] for i in ordered), self.terms
        )

    def everything(self) -> Dataset:
        if not self._complete:
            order: list[Row] = self._piece("order")
            try:
                missing = [row for row in order if row[0] not in self._loaded]
                rows = self._records([place[1:] for place in missing])
                for (character_id, *_), row in zip(missing, rows, strict=True):
                    self._loaded[character_id] = decode_character(row)
            except (TypeError, ValueError, IndexError, KeyError, AttributeError) as error:
                raise StaleCacheError("records") from error
            self._complete = True
        characters = tuple(self._loaded[row[0]] for row in self._piece("order"))
        return Dataset(self.series, self.sources, self.episodes, self.factions, characters, self.terms)

    def _group(self, character_id: str, limit: int) -> set[str]:
        """The ids gathered under `character_id`'s identity at the moment `limit`."""
        summary = self._summary(character_id)
        if summary is None:
            raise StaleCacheError(character_id)
        target, merged_in = summary[3], summary[4]
        if target is None and not summary[5]:
            return {character_id}
        root = target if target is not None and merged_in <= limit and self._summary(target) else character_id
        personas = cast(Row, self._summary(root))[5]
        return {root, *(p for p in personas if cast(Row, self._summary(p))[4] <= limit)}

    def for_query(self, query: str, limit: int) -> Dataset:
        """The records a lookup of `query` at the moment `limit` can depend on.

        Every character with names or a description holding every word of the query (a match
        must: the words stand in one of its labels) visible by `limit`, each with everyone merged with it
        then, and the same for everyone they are related to, so the gate computes their views
        and the names shown in their relations exactly as it does on the whole dataset. A word
        that becomes visible only later loads nothing: a lookup of a later name does the same
        work as one of a name that never existed.
        """
        wanted = self._candidates(query, limit)
        self._load(wanted)
        for character_id in list(wanted):
            for relation in self._loaded[character_id].relations:
                if self._summary(relation.to) is not None and moment(relation.revealed_in, relation.at) <= limit:
                    wanted |= self._group(relation.to, limit)
        self.loaded_for_query = len(wanted)
        return self._dataset(wanted)

    def _candidates(self, query: str, limit: int) -> set[str]:
        """Everyone holding every word of `query` visible by `limit`, with everyone merged with them."""
        asked = lookup_words(query)
        wanted_words = {stem(w) for w in asked if w not in PERSON} or {stem(w) for w in asked}
        # A match contains every word of the query: the candidates are those holding all of them.
        candidates: set[str] | None = None
        for word in sorted(wanted_words):
            bucket = self._piece(f"words.{bucket_of(word, self.buckets)}")
            holders = {character_id for character_id, shown in bucket.get(word, ()) if shown <= limit}
            candidates = holders if candidates is None else candidates & holders
        wanted: set[str] = set()
        for character_id in sorted(candidates or ()):
            wanted |= self._group(character_id, limit)
        return wanted


def _write(
    data: Dataset, key: str, name_words: dict[str, tuple[str, ...]] | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Write the cache for `data` (the meta file last); return the meta object and the pieces.

    `name_words`: the words of names the spoiler lint cut (text -> words), reused by the word index.
    """
    from rouge_cli.dataset.index import pieces_of

    blobs = [marshal.dumps(encode_character(c)) for c in data.characters]
    offsets, position = [], 0
    for blob in blobs:
        offsets.append((position, len(blob), zlib.crc32(blob)))
        position += len(blob)
    buckets = max(1, len(data.characters) // 256)
    cache.forget_other_versions(key)
    cache.write_bytes(cache.cache_path(key, "records"), b"".join(blobs))
    pieces = pieces_of(data.characters, buckets, offsets, name_words)
    empty = []  # empty buckets get no file (creating one can take a millisecond): the meta names them
    for suffix, value in pieces.items():
        if type(value) is dict and not value:
            empty.append(suffix)
        else:
            cache.write(cache.cache_path(key, suffix), value)
    meta = {"format": cache.FORMAT, "key": key, "size": position, "buckets": buckets, "empty": empty}
    meta["characters"] = len(data.characters)
    meta["header"] = encode_header(data)
    cache.write(cache.cache_path(key, "meta"), meta)
    return meta, pieces


def open_store(path: PathLike, rebuild: bool = False) -> Store:
    """The dataset at `path` through its cache; validates and caches the file when needed."""
    key = cache.data_key(str(path))
    if key is not None and not rebuild:
        meta = cache.read(cache.cache_path(key, "meta"))
        if _trusted(meta, key):
            try:
                return Store(cast("dict[str, Any]", meta), key)
            except (TypeError, ValueError, IndexError, KeyError, AttributeError):
                pass
    from rouge_cli.common.collector import PausedCollector
    from rouge_cli.dataset.load import load_parsed

    with PausedCollector(settle=True):
        parsed = load_parsed(path)
        data = parsed.dataset
        pieces = None
        if key is not None and cache.data_key(str(path)) == key:
            meta, pieces = _write(data, key, parsed.name_words)
        else:
            meta = {"buckets": 1, "header": encode_header(data)}
        return Store(meta, key or "", loaded=data.characters, pieces=pieces)


def _trusted(meta: object, key: str) -> bool:
    if not isinstance(meta, dict) or meta.get("format") != cache.FORMAT or meta.get("key") != key:
        return False
    try:
        return os.path.getsize(cache.cache_path(key, "records")) == cache.HEADER + int(meta.get("size", -1))
    except OSError:
        return False


def _read_at(descriptor: int, size: int, offset: int) -> bytes:
    """`size` bytes of the open file from `offset` (fewer only at its end)."""
    chunks = []
    while size > 0:
        chunk = os.pread(descriptor, size, offset)
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
        offset += len(chunk)
    return b"".join(chunks)
