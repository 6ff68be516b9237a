"""What `rouge since` and `rouge relations` load: their indexes in the cache, and their loaders.

The store writes these pieces with its others: `news.B` maps an episode (B = episode %
buckets) to the ids of the characters with something a catch-up reports dated in it (a fact
shown or overturned, a relation overturned, a death, a secret name, a persona revealed);
`into.B` maps a character id (bucketed as `ids.B`) to (holder, moment) for each relation
pointing at it; `related` maps each character with a relation to the moment of its first.
A loader gathers every character its answer can depend on, each with everyone merged with it
at the position, and the same for the characters named in the relations it reads; of each it
keeps only the items the answer reads (a catch-up: names, statuses, the facts and the
overturned relations of its episodes; the relation map: names and relations). A short
catch-up reads them from its episodes' news records (`news_record`, made the first time an
episode is asked for), a long one from the characters' records. The gate then runs on that
subset, and what the command prints is what it prints from the whole dataset.
"""

from __future__ import annotations

from rouge_cli.common.position import Position, moment
from rouge_cli.dataset.codec import Row, decode_character, encode_character
from rouge_cli.dataset.model import Character, Dataset

TYPE_CHECKING = False
if TYPE_CHECKING:  # `typing` is not imported at run time (see common/records.py)
    from collections.abc import Callable, Iterable, Sequence
    from typing import Any, cast
else:
    from rouge_cli.common.records import cast

if TYPE_CHECKING:
    from rouge_cli.dataset.store import Store

    Trim = Callable[[Row], Row]
    """What a loader keeps of a character's row (`codec.encode_character`): the fields its answer reads."""


def reported(c: Character) -> set[int]:
    """The episodes in which a catch-up can report something about `c` (its own items only)."""
    found = set()  # plain loops: the first run calls this for every character
    for f in c.facts:
        found.add(f.revealed_in)
        if f.superseded_in is not None:
            found.add(f.superseded_in)
    for r in c.relations:
        if r.superseded_in is not None:
            found.add(r.superseded_in)
    for s in c.status:
        if s.value == "dead":
            found.add(s.revealed_in)
    for n in c.names:
        if n.secret:
            found.add(n.revealed_in)
    if c.same_as is not None:
        found.add(c.same_as.revealed_in)
    return found


def index_pieces(characters: Sequence[Character], buckets: int) -> dict[str, Any]:
    """The `news.B`, `into.B` and `related` pieces for `characters` (in dataset order)."""
    from rouge_cli.dataset.store import bucket_of

    since: list[dict[int, list[str]]] = [{} for _ in range(buckets)]
    into: list[dict[str, list[tuple[str, int]]]] = [{} for _ in range(buckets)]
    related: dict[str, int] = {}
    for c in characters:
        for episode in sorted(reported(c)):
            since[episode % buckets].setdefault(episode, []).append(c.id)
        for r in c.relations:
            into[bucket_of(r.to, buckets)].setdefault(r.to, []).append((c.id, moment(r.revealed_in, r.at)))
        if c.relations:
            related[c.id] = min(moment(r.revealed_in, r.at) for r in c.relations)
    pieces: dict[str, Any] = {"related": related}
    for b in range(buckets):
        pieces[f"news.{b}"] = {episode: tuple(ids) for episode, ids in since[b].items()}
        pieces[f"into.{b}"] = {target: tuple(holders) for target, holders in into[b].items()}
    return pieces


def news_record(store: Store, episode: int, ids: Sequence[str]) -> Row:
    """`episode`'s news record: each of `ids` (those with news then) as a catch-up reads it, made on first use.

    An entry is (id, `ids.B` row, the character's row with only what it reports that episode,
    the places of those facts, and of those relations, in its own lists). It is kept in the
    cache beside the other files; one that is missing or does not match `ids` is made again.
    """
    from rouge_cli.config import cache

    path = cache.cache_path(store.key, f"{cache.DERIVED}{episode}")
    stored = cache.read(path)
    if type(stored) is tuple and len(stored) == len(ids) and all(map(_entry_of, stored, ids)):
        return stored
    entries = []
    for character_id, row in store._rows(ids).items():
        # Facts (text, revealed_in, source, superseded_in, ...) shown or overturned then; relations
        # (to, label, revealed_in, source, superseded_in, ...) overturned then: each with its place.
        facts = [(place, f) for place, f in enumerate(row[9]) if episode in (f[1], f[3])]
        relations = [(place, r) for place, r in enumerate(row[8]) if r[4] == episode]
        reported = (*row[:5], (), row[6], (), tuple(r for _, r in relations), tuple(f for _, f in facts))
        entries.append(
            (
                character_id,
                store._summary(character_id),
                (*reported, row[10], row[11], ()),
                tuple(place for place, _ in facts),
                tuple(place for place, _ in relations),
            )
        )
    record: Row = _shared(tuple(entries), {})
    cache.write(path, record)
    return record


def _shared(value: Any, seen: dict[Any, Any]) -> Any:
    """`value` with equal strings made one object: marshal then writes each once, and reads it back once."""
    if type(value) is tuple:
        return tuple([_shared(item, seen) for item in value])
    if type(value) is str:
        return seen.setdefault(value, value)
    return value


def _entry_of(entry: Any, character_id: str) -> bool:
    """Whether `entry` has the shape of a news record's entry for `character_id`."""
    return (
        type(entry) is tuple
        and len(entry) == 5
        and entry[0] == character_id
        and type(entry[2]) is tuple
        and len(entry[2]) == 13
        and len(entry[3]) == len(entry[2][9])
        and len(entry[4]) == len(entry[2][8])
    )


DAMAGED = (TypeError, ValueError, IndexError, KeyError, AttributeError)
"""What reading an index of another shape than this code writes raises (its CRC-32 was right): rebuilt."""

LONG = 4
"""A catch-up reads the characters' records, not news records, when it has more than 1/LONG as many entries."""


def for_since(store: Store, first: int, position: Position) -> Dataset:
    """What a catch-up on episodes `first`..`position.episode` can depend on, seen at `position`.

    The characters with something reported in those episodes, each with its identity's
    group; for each relation overturned then, the group of the character it names. Of each:
    its names, statuses and identity, and the facts and relations shown or overturned in
    those episodes (relations: overturned only).
    """
    last = position.episode

    def trim(
        row: Row,
    ) -> Row:  # facts: (text, revealed_in, source, superseded_in, ...); relations: superseded_in is 4th
        facts = [f for f in row[9] if first <= f[1] <= last or (f[3] is not None and first <= f[3] <= last)]
        relations = [r for r in row[8] if r[4] is not None and first <= r[4] <= last] if row[8] else ()
        return (*row[:5], (), row[6], (), relations, facts, row[10], row[11], ())

    from rouge_cli.dataset.store import StaleCacheError

    episodes = range(first, last + 1) if first >= 1 else range(0)  # none when the catch-up refuses `first`
    news: list[tuple[int, Sequence[str]]] = []
    try:
        for b in sorted({episode % store.buckets for episode in episodes[: store.buckets]}):
            news += [(episode, ids) for episode, ids in store._piece(f"news.{b}").items() if first <= episode <= last]
        if store._complete or LONG * sum(len(ids) for _, ids in news) > store.character_count:
            return _gather(store, {i for _, ids in news for i in ids}, position.moment, trim)
        records = [news_record(store, episode, ids) for episode, ids in sorted(news)]
        return _gather(store, (), position.moment, trim, _news_rows(store, records))
    except DAMAGED as error:
        raise StaleCacheError("news") from error


def _news_rows(store: Store, records: Iterable[Row]) -> dict[str, Row]:
    """The rows a catch-up reads of each character in the news `records` (trimmed as `for_since` trims).

    An entry is (id, `ids.B` row, the character's row with only what it reports that episode,
    the places of those facts, and of those relations, in its own lists).
    """
    rows: dict[str, Row] = {}
    places: dict[str, tuple[Row, Row]] = {}
    known = store._known
    for entries in records:
        for character_id, summary, row, fact_places, relation_places in entries:
            known[character_id] = summary
            before = rows.get(character_id)
            if before is None:
                rows[character_id] = row
                places[character_id] = (fact_places, relation_places)
            else:  # reported in several of the episodes: its items of each, in their own order, once
                facts = dict(zip(places[character_id][0], before[9], strict=True))
                facts.update(zip(fact_places, row[9], strict=True))
                relations = dict(zip(places[character_id][1], before[8], strict=True))
                relations.update(zip(relation_places, row[8], strict=True))
                fact_order, relation_order = sorted(facts), sorted(relations)
                merged = ([relations[k] for k in relation_order], [facts[k] for k in fact_order])
                rows[character_id] = (*before[:8], *merged, *before[10:])
                places[character_id] = (tuple(fact_order), tuple(relation_order))
    return rows


def for_relations(store: Store, query: str | None, position: Position) -> Dataset:
    """What the relation map (of the characters `query` may name, or of everyone) can depend on, at `position`.

    Without `query`: everyone holding a relation visible then. With it: the lookup's
    candidates (as `Store.for_query`) and everyone holding a relation to one of them. Each
    comes with its identity's group, and with the groups of those its relations name. No facts.
    """
    from rouge_cli.dataset.store import StaleCacheError, bucket_of

    limit = position.moment
    try:
        if query is None:
            seeds = {holder for holder, shown in store._piece("related").items() if shown <= limit}
        else:
            seeds = store._candidates(query, limit)
            for target in sorted(seeds):
                holders = store._piece(f"into.{bucket_of(target, store.buckets)}").get(target, ())
                seeds |= {holder for holder, shown in holders if shown <= limit}
        return _gather(store, seeds, limit, lambda row: (*row[:5], (), (), (), row[8], (), row[10], row[11], ()))
    except DAMAGED as error:
        raise StaleCacheError("relations") from error


def _gather(store: Store, seeds: Iterable[str], limit: int, trim: Trim, ready: dict[str, Row] | None = None) -> Dataset:
    """`seeds` (and those `ready`) with their groups, then the groups named by the visible relations they keep.

    All trimmed: `ready` holds rows trimmed already, by id; the others are read and trimmed.
    """
    ready = ready or {}
    wanted: set[str] = set()
    for character_id in (*seeds, *ready):
        summary = store._summary(character_id)  # (place, offset, length, target, merged in, personas, CRC)
        if summary is not None and summary[3] is None and not summary[5]:  # nobody to merge with: its own group
            wanted.add(character_id)
        else:
            wanted |= store._group(character_id, limit)
    loaded = _characters(store, wanted, trim, ready)
    named: set[str] = set()
    for c in list(loaded.values()):
        for r in c.relations:
            if moment(r.revealed_in, r.at) <= limit and store._summary(r.to) is not None:
                named |= store._group(r.to, limit) - wanted
    if named - wanted:
        loaded.update(_characters(store, named - wanted, trim, ready))
        loaded = {i: loaded[i] for i in sorted(loaded, key=lambda i: cast(Row, store._summary(i))[0])}
    characters = tuple(loaded.values())
    return Dataset(store.series, store.sources, store.episodes, store.factions, characters, store.terms)


def _characters(store: Store, ids: set[str], trim: Trim, ready: dict[str, Row]) -> dict[str, Character]:
    """The characters `ids` in dataset order, each trimmed by `trim` (those in `ready` are already).

    The store keeps nothing of them: they are not the records other commands read.
    """
    from rouge_cli.dataset.store import StaleCacheError

    result = {}
    if store._complete:  # a store that holds the whole file already (the cache could not be written)
        for character_id in sorted(ids, key=lambda i: cast(Row, store._summary(i))[0]):
            result[character_id] = decode_character(trim(encode_character(store._loaded[character_id])))
        return result
    try:
        rows = {i: trim(row) for i, row in store._rows(ids - ready.keys() if ready else ids).items()}
        if ready:
            rows.update((i, ready[i]) for i in ids & ready.keys())
            rows = {i: rows[i] for i in sorted(rows, key=lambda i: cast(Row, store._summary(i))[0])}
        for character_id, row in rows.items():
            result[character_id] = decode_character(row)
    except DAMAGED as error:
        raise StaleCacheError("records") from error
    return result
