"""What `rouge since` and `rouge relations` load: their indexes in the cache, and their loaders.

The store writes these pieces with its others: `news.B` maps an episode (B = episode %
buckets) to the characters with something a catch-up reports dated in it (a fact shown or
overturned, a relation overturned, a death, a secret name, a persona revealed), each as its
id and its `ids.B` row, so that a catch-up finds their records without reading the id
buckets; `into.B` maps a character id (bucketed as `ids.B`) to (holder, moment) for each
relation pointing at it; `related` maps each character with a relation to the moment of its
first. A loader gathers every character its answer can depend on, each with everyone merged
with it at the position, and the same for the characters named in the relations it reads;
of each it keeps only the items the answer reads (a catch-up: names, statuses, the facts and
the overturned relations of its episodes; the relation map: names and relations). The gate
then runs on that subset, and what the command prints is what it prints from the whole dataset.
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
    """The `news.B` (ids only until `placed`), `into.B` and `related` pieces for `characters` (in dataset order)."""
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
        pieces[f"news.{b}"] = {episode: tuple(ids) for episode, ids in since[b].items()}  # see `placed`
        pieces[f"into.{b}"] = {target: tuple(holders) for target, holders in into[b].items()}
    return pieces


def placed(pieces: dict[str, Any], buckets: int) -> None:
    """Give each id of the `news.B` pieces its `ids.B` row (the store calls this once all pieces are made)."""
    entries: dict[str, Row] = {}  # one tuple per id, shared by its episodes (marshal writes a repeat as a reference)
    for b in range(buckets):
        entries.update((i, (i, *row)) for i, row in pieces[f"ids.{b}"].items())
    for b in range(buckets):
        news = pieces[f"news.{b}"]
        for episode, ids in news.items():
            news[episode] = tuple(map(entries.__getitem__, ids))


def for_since(store: Store, first: int, position: Position) -> Dataset:
    """What a catch-up on episodes `first`..`position.episode` can depend on, seen at `position`.

    The characters with something reported in those episodes, each with its identity's
    group; for each relation overturned then, the group of the character it names. Of each:
    its names, statuses and identity, the relations overturned in those episodes, and the
    facts shown or overturned in them (from episode 1 on: all of them).
    """
    last = position.episode

    def inside(episode: int | None) -> bool:
        return episode is not None and first <= episode <= last

    def trim(
        row: Row,
    ) -> Row:  # facts: (text, revealed_in, source, superseded_in, ...); relations: superseded_in is 4th
        facts = row[9]
        if first > 1:
            facts = [f for f in facts if first <= f[1] <= last or (f[3] is not None and first <= f[3] <= last)]
        relations = [r for r in row[8] if r[4] is not None and first <= r[4] <= last] if row[8] else ()
        return (*row[:5], (), row[6], (), relations, facts, row[10], row[11], ())

    episodes = range(first, last + 1) if first >= 1 else range(0)  # none when the catch-up refuses `first`
    subjects: set[str] = set()
    for b in sorted({episode % store.buckets for episode in episodes[: store.buckets]}):
        for episode, entries in store._piece(f"news.{b}").items():
            if inside(episode):
                subjects.update(store._learn(entries))
    return _gather(store, subjects, position.moment, trim)


def for_relations(store: Store, query: str | None, position: Position) -> Dataset:
    """What the relation map (of the characters `query` may name, or of everyone) can depend on, at `position`.

    Without `query`: everyone holding a relation visible then. With it: the lookup's
    candidates (as `Store.for_query`) and everyone holding a relation to one of them. Each
    comes with its identity's group, and with the groups of those its relations name. No facts.
    """
    limit = position.moment
    if query is None:
        seeds = {holder for holder, shown in store._piece("related").items() if shown <= limit}
    else:
        from rouge_cli.dataset.store import bucket_of

        seeds = store._candidates(query, limit)
        for target in sorted(seeds):
            holders = store._piece(f"into.{bucket_of(target, store.buckets)}").get(target, ())
            seeds |= {holder for holder, shown in holders if shown <= limit}
    return _gather(store, seeds, limit, lambda row: (*row[:5], (), (), (), row[8], (), row[10], row[11], ()))


def _gather(store: Store, seeds: Iterable[str], limit: int, trim: Trim) -> Dataset:
    """`seeds` with their groups, then the groups named by the visible relations they keep, all trimmed."""
    wanted: set[str] = set()
    for character_id in seeds:
        summary = store._summary(character_id)  # (place, offset, length, target, merged in, personas, CRC)
        if summary is not None and summary[3] is None and not summary[5]:  # nobody to merge with: its own group
            wanted.add(character_id)
        else:
            wanted |= store._group(character_id, limit)
    loaded = _characters(store, wanted, trim)
    named: set[str] = set()
    for c in list(loaded.values()):
        for r in c.relations:
            if moment(r.revealed_in, r.at) <= limit and store._summary(r.to) is not None:
                named |= store._group(r.to, limit) - wanted
    if named - wanted:
        loaded.update(_characters(store, named - wanted, trim))
        loaded = {i: loaded[i] for i in sorted(loaded, key=lambda i: cast(Row, store._summary(i))[0])}
    characters = tuple(loaded.values())
    return Dataset(store.series, store.sources, store.episodes, store.factions, characters, store.terms)


def _characters(store: Store, ids: set[str], trim: Trim) -> dict[str, Character]:
    """The characters `ids` in dataset order, each trimmed by `trim`.

    The store keeps nothing of them: they are not the records other commands read.
    """
    from rouge_cli.dataset.store import StaleCacheError

    result = {}
    if store._complete:  # a store that holds the whole file already (the cache could not be written)
        for character_id in sorted(ids, key=lambda i: cast(Row, store._summary(i))[0]):
            result[character_id] = decode_character(trim(encode_character(store._loaded[character_id])))
        return result
    try:
        for character_id, row in store._rows(ids).items():
            result[character_id] = decode_character(trim(row))
    except (TypeError, ValueError, IndexError, KeyError, AttributeError) as error:
        raise StaleCacheError("records") from error
    return result
