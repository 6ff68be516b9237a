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
    from collections.abc import Iterable
    from typing import Any, cast

    Row = tuple[Any, ...]
else:
    from rouge_cli.common.records import cast

    Row = tuple


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
        at=row[11],
        appears_in=tuple(Appearance(*a) for a in row[12]),
    )


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
        tuple(
            Episode(n, t, d, inferred, src, runtime, synopsis) for n, t, d, inferred, src, runtime, synopsis in episodes
        ),
        tuple(
            Faction(fid, rev, src, _names(names), _facts(facts), at, size)
            for fid, rev, src, names, facts, at, size in factions
        ),
        tuple(Term(tid, rev, src, _names(names), _facts(facts), at) for tid, rev, src, names, facts, at in terms),
    )
