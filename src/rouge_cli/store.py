"""A cached, per-record copy of a validated dataset, so large datasets load only what a command needs.

The first run after the dataset file changes validates it in full (`load.load_dataset`)
and writes two cache files: `KEY.meta` (series, episodes, factions, one summary line per
character and a word index of every name and description) and `KEY.records` (each
character marshalled on its own). Later runs read the meta file and then either every
record or only the records one lookup can depend on. A missing, stale or malformed cache
is rebuilt; the spoiler gate then runs on whatever was loaded, exactly as on the file.
"""

from __future__ import annotations

import datetime
import marshal
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from . import cache
from .model import (
    Character,
    Dataset,
    DatedValue,
    Episode,
    Fact,
    Faction,
    Identity,
    Membership,
    Name,
    NameKind,
    Relation,
    Series,
)
from .paths import PathLike
from .text import words

Row = tuple[Any, ...]


def _names(rows: Iterable[Row]) -> tuple[Name, ...]:
    return tuple(Name(r[0], cast(NameKind, r[1]), r[2], r[3]) for r in rows)


def _facts(rows: Iterable[Row]) -> tuple[Fact, ...]:
    return tuple(Fact(*r) for r in rows)


def encode_character(c: Character) -> Row:
    return (
        c.id,
        c.revealed_in,
        c.source,
        c.descriptor,
        tuple((n.text, n.kind, n.revealed_in, n.source) for n in c.names),
        tuple((v.value, v.revealed_in, v.source) for v in c.species),
        tuple((v.value, v.revealed_in, v.source) for v in c.status),
        tuple((m.faction_id, m.revealed_in, m.source, m.ended_in, m.superseded_in) for m in c.factions),
        tuple((r.to, r.label, r.revealed_in, r.source, r.superseded_in) for r in c.relations),
        tuple((f.text, f.revealed_in, f.source, f.superseded_in) for f in c.facts),
        None if c.same_as is None else (c.same_as.target_id, c.same_as.revealed_in, c.same_as.source),
    )


def decode_character(row: Row) -> Character:
    return Character(
        id=row[0],
        revealed_in=row[1],
        source=row[2],
        descriptor=row[3],
        names=_names(row[4]),
        species=tuple(DatedValue(*v) for v in row[5]),
        status=tuple(DatedValue(*v) for v in row[6]),
        factions=tuple(Membership(*m) for m in row[7]),
        relations=tuple(Relation(*r) for r in row[8]),
        facts=_facts(row[9]),
        same_as=None if row[10] is None else Identity(*row[10]),
    )


def _encode_header(data: Dataset) -> Row:
    return (
        (data.series.title, data.series.studio, data.series.year),
        data.sources,
        tuple((e.number, e.title, e.air_date.toordinal(), e.air_date_inferred, e.source) for e in data.episodes),
        tuple(
            (
                f.id,
                f.revealed_in,
                f.source,
                tuple((n.text, n.kind, n.revealed_in, n.source) for n in f.names),
                tuple((x.text, x.revealed_in, x.source, x.superseded_in) for x in f.facts),
            )
            for f in data.factions
        ),
    )


@dataclass(frozen=True)
class Summary:
    """What the meta file says of one character: enough to pick the records a lookup needs."""

    id: str
    revealed_in: int
    target: str | None
    merged_in: int
    offset: int
    length: int


class StaleCacheError(Exception):
    """A cache file does not hold what its meta file promised."""


class Store:
    """A dataset read from its cache: the header always, character records on demand."""

    def __init__(self, meta: dict[str, Any], records: str, loaded: Sequence[Character] = ()) -> None:
        series, sources, episodes, factions = meta["header"]
        self.series = Series(*series)
        self.sources: tuple[tuple[str, str], ...] = tuple((k, v) for k, v in sources)
        self.episodes = tuple(
            Episode(n, t, datetime.date.fromordinal(d), inferred, src) for n, t, d, inferred, src in episodes
        )
        self.factions = tuple(
            Faction(fid, rev, src, _names(names), _facts(facts)) for fid, rev, src, names, facts in factions
        )
        self.summaries = [Summary(*row) for row in meta["characters"]]
        self.by_id = {s.id: s for s in self.summaries}
        self.personas: dict[str, list[str]] = {}
        for s in self.summaries:
            if s.target is not None:
                self.personas.setdefault(s.target, []).append(s.id)
        self.words: dict[str, tuple[int, ...]] = meta["words"]
        self.records = records
        self._loaded: dict[str, Character] = {c.id: c for c in loaded}

    @property
    def episode_count(self) -> int:
        return len(self.episodes)

    def _load(self, ids: Iterable[str]) -> None:
        for character_id in ids:
            if character_id in self._loaded:
                continue
            summary = self.by_id[character_id]
            row = cache.read_slice(self.records, summary.offset, summary.length)
            try:
                self._loaded[character_id] = decode_character(cast(Row, row))
            except (TypeError, ValueError, IndexError, KeyError) as error:
                raise StaleCacheError(self.records) from error

    def _dataset(self, ids: set[str]) -> Dataset:
        self._load(ids)
        characters = tuple(self._loaded[s.id] for s in self.summaries if s.id in ids)
        return Dataset(self.series, self.sources, self.episodes, self.factions, characters)

    def everything(self) -> Dataset:
        return self._dataset({s.id for s in self.summaries})

    def _group(self, character_id: str, episode: int) -> set[str]:
        """The ids gathered under `character_id`'s identity at `episode`."""
        summary = self.by_id[character_id]
        merged = summary.target is not None and summary.target in self.by_id and summary.merged_in <= episode
        root = summary.target if merged and summary.target is not None else character_id
        members = {root}
        members.update(p for p in self.personas.get(root, ()) if self.by_id[p].merged_in <= episode)
        return members

    def for_query(self, query: str, episode: int) -> Dataset:
        """The records a lookup of `query` at `episode` can depend on.

        Every character whose names or description contain the query's first word (a match
        must contain it), each with everyone merged with it at that episode, and the same
        for everyone they are related to, so the gate computes their views and the names
        shown in their relations exactly as it does on the whole dataset.
        """
        first = words(query)[:1]
        candidates = {self.summaries[i].id for i in self.words.get(first[0], ())} if first else set()
        wanted: set[str] = set()
        for character_id in candidates:
            wanted |= self._group(character_id, episode)
        self._load(wanted)
        for character_id in list(wanted):
            for relation in self._loaded[character_id].relations:
                if relation.to in self.by_id:
                    wanted |= self._group(relation.to, episode)
        return self._dataset(wanted)


def build(data: Dataset, key: str) -> tuple[dict[str, Any], bytes]:
    """The meta object and the records bytes for `data`."""
    blobs: list[bytes] = []
    summaries: list[Row] = []
    index: dict[str, set[int]] = {}
    offset = 0
    for position, c in enumerate(data.characters):
        blob = marshal.dumps(encode_character(c))
        target = c.same_as.target_id if c.same_as else None
        merged_in = c.same_as.revealed_in if c.same_as else 0
        summaries.append((c.id, c.revealed_in, target, merged_in, offset, len(blob)))
        blobs.append(blob)
        offset += len(blob)
        for label in [n.text for n in c.names] + ([c.descriptor] if c.descriptor else []):
            for word in words(label):
                index.setdefault(word, set()).add(position)
    meta = {
        "format": cache.FORMAT,
        "key": key,
        "header": _encode_header(data),
        "characters": summaries,
        "words": {word: tuple(sorted(positions)) for word, positions in index.items()},
        "size": offset,
    }
    return meta, b"".join(blobs)


def open_store(path: PathLike, rebuild: bool = False) -> Store:
    """The dataset at `path` through its cache; validates and caches the file when needed."""
    key = cache.data_key(str(path))
    if key is not None and not rebuild:
        meta = cache.read(cache.cache_path(key, "meta"))
        records = cache.cache_path(key, "records")
        if _trusted(meta, key, records):
            try:
                return Store(cast(dict[str, Any], meta), records)
            except (TypeError, ValueError, IndexError, KeyError, AttributeError):
                pass
    from .load import load_dataset

    data = load_dataset(path)
    meta, blob = build(data, key or "")
    records = ""
    if key is not None and cache.data_key(str(path)) == key:
        records = cache.cache_path(key, "records")
        cache.write_bytes(records, blob)
        cache.write(cache.cache_path(key, "meta"), meta)
    return Store(meta, records, loaded=data.characters)


def _trusted(meta: object, key: str, records: str) -> bool:
    if not isinstance(meta, dict) or meta.get("format") != cache.FORMAT or meta.get("key") != key:
        return False
    try:
        return os.path.getsize(records) == meta.get("size")
    except OSError:
        return False
