"""Records as plain tuples for the cache (`marshal` writes only built-in types), and back."""

from __future__ import annotations

from rouge_cli.dataset.model import (
    Appearance,
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
    Source,
    Term,
)

TYPE_CHECKING = False
if TYPE_CHECKING:  # `typing` is not imported at run time (see common/records.py)
    from collections.abc import Iterable, Sequence
    from typing import Any, cast

    Row = tuple[Any, ...]
else:
    from rouge_cli.common.records import cast

    Row = tuple


_new = tuple.__new__


def _made(kind: Any, rows: Sequence[Row], width: int) -> Any:
    """`rows` (not empty) as records of `kind`, made in C; refused when not `width` fields wide.

    The rows of one cache are all written alike (and checked by a CRC-32), so the first
    stands for the others: a cache of another layout has a new `cache.FORMAT`, this is a last check.
    """
    if len(rows[0]) != width:
        raise ValueError(f"a {kind.__name__} row of the wrong width")
    if len(rows) == 1:  # the commonest case, without a comprehension
        return (_new(kind, rows[0]),)
    return tuple([_new(kind, row) for row in rows])


def _names(rows: Iterable[Row]) -> tuple[Name, ...]:
    return tuple(Name(r[0], cast(NameKind, r[1]), r[2], r[3], r[4], r[5]) for r in rows)


# An item's row is its fields in order (the decoders below take them so): the records are
# named tuples, which `tuple` copies in C and `marshal` then writes (it takes no subclass).


def _encode_names(names: Iterable[Name]) -> Row:
    return tuple(map(tuple, names))


def _encode_facts(facts: Iterable[Fact]) -> Row:
    return tuple(map(tuple, facts))


def _facts(rows: Iterable[Row]) -> tuple[Fact, ...]:
    return tuple(Fact(*r) for r in rows)


def encode_character(c: Character) -> Row:
    return (
        c.id,
        c.revealed_in,
        c.source,
        c.descriptor,
        tuple(map(tuple, c.names)),
        tuple(map(tuple, c.species)),
        tuple(map(tuple, c.status)),
        tuple(map(tuple, c.factions)),
        tuple(map(tuple, c.relations)),
        tuple(map(tuple, c.facts)),
        None if c.same_as is None else tuple(c.same_as),
        c.at,
        tuple(map(tuple, c.appears_in)),
    )


def decode_character(row: Row) -> Character:
    if len(row) != 13:
        raise ValueError("a character row of the wrong width")
    same_as = row[10]
    fields = (
        *row[:4],
        _made(Name, row[4], 6) if row[4] else (),
        _made(DatedValue, row[5], 4) if row[5] else (),
        _made(DatedValue, row[6], 4) if row[6] else (),
        _made(Membership, row[7], 8) if row[7] else (),
        _made(Relation, row[8], 9) if row[8] else (),
        _made(Fact, row[9], 6) if row[9] else (),
        None if same_as is None else Identity(*same_as),
        row[11],
        _made(Appearance, row[12], 3) if row[12] else (),
    )
    character: Character = _new(Character, fields)
    return character


def encode_header(data: Dataset) -> Row:
    return (
        (data.series.title, data.series.studio, data.series.year),
        tuple(tuple(source) for source in data.sources),
        tuple(
            (e.number, e.title, e.air_date, e.air_date_inferred, e.source, e.runtime, e.synopsis) for e in data.episodes
        ),
        tuple(
            (f.id, f.revealed_in, f.source, _encode_names(f.names), _encode_facts(f.facts), f.at, f.size)
            for f in data.factions
        ),
        tuple(
            (t.id, t.revealed_in, t.source, _encode_names(t.names), _encode_facts(t.facts), t.at) for t in data.terms
        ),
    )


def decode_header(
    header: Row,
) -> tuple[Series, tuple[Source, ...], tuple[Episode, ...], tuple[Faction, ...], tuple[Term, ...]]:
    """Series, sources, episodes, factions and terms from `encode_header`'s row."""
    series, sources, episodes, factions, terms = header
    return (
        Series(*series),
        tuple(Source(*source) for source in sources),
        _made(Episode, episodes, 7) if episodes else (),
        tuple(
            Faction(fid, rev, src, _names(names), _facts(facts), at, size)
            for fid, rev, src, names, facts, at, size in factions
        ),
        tuple(Term(tid, rev, src, _names(names), _facts(facts), at) for tid, rev, src, names, facts, at in terms),
    )
