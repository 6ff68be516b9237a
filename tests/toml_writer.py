"""TOML for tests that drive the real CLI, written with tomli-w: a model `Dataset`, or one string value."""

from __future__ import annotations

import datetime
from typing import Any

import tomli_w

from rouge_cli.common.position import format_time
from rouge_cli.dataset.model import Dataset, Fact, Name

Table = dict[str, Any]


def _table(**items: Any) -> Table:
    """The items that are set; times (seconds) written as the schema's `"MM:SS"` strings."""
    table: Table = {}
    for key, value in items.items():
        if value is None:
            continue
        table[key] = format_time(value) if key in ("at", "superseded_at", "ended_at", "runtime") else value
    return table


def _dated(item: Any) -> Table:
    """The keys every dated item has (unset ones are dropped by `_table`)."""
    return {"revealed_in": item.revealed_in, "at": item.at, "source": item.source}


def _name(n: Name) -> Table:
    return _table(text=n.text, kind=n.kind, **_dated(n), secret=n.secret or None)


def _fact(f: Fact) -> Table:
    return _table(text=f.text, **_dated(f), superseded_in=f.superseded_in, superseded_at=f.superseded_at)


def to_document(data: Dataset) -> Table:
    """The dataset as the plain tables and arrays of the schema."""
    series = data.series
    return {
        "series": {"title": series.title, "studio": series.studio, "year": series.year},
        "sources": {s.key: s.url if s.covers is None else {"url": s.url, "covers": s.covers} for s in data.sources},
        "episodes": [
            _table(
                number=e.number,
                title=e.title,
                air_date=datetime.date.fromisoformat(e.air_date),
                air_date_inferred=e.air_date_inferred,
                source=e.source,
                runtime=e.runtime,
                synopsis=e.synopsis,
            )
            for e in data.episodes
        ],
        "factions": [
            _table(
                id=f.id,
                **_dated(f),
                size=f.size,
                names=[_name(n) for n in f.names],
                facts=[_fact(x) for x in f.facts],
            )
            for f in data.factions
        ],
        "characters": [
            _table(
                id=c.id,
                **_dated(c),
                descriptor=c.descriptor,
                same_as=None if c.same_as is None else _table(id=c.same_as.target_id, **_dated(c.same_as)),
                names=[_name(n) for n in c.names],
                species=[_table(value=v.value, **_dated(v)) for v in c.species],
                status=[_table(value=v.value, **_dated(v)) for v in c.status],
                factions=[
                    _table(
                        id=m.faction_id,
                        **_dated(m),
                        ended_in=m.ended_in,
                        ended_at=m.ended_at,
                        superseded_in=m.superseded_in,
                        superseded_at=m.superseded_at,
                    )
                    for m in c.factions
                ],
                relations=[
                    _table(
                        to=r.to,
                        label=r.label,
                        **_dated(r),
                        superseded_in=r.superseded_in,
                        superseded_at=r.superseded_at,
                        ended_in=r.ended_in,
                        ended_at=r.ended_at,
                    )
                    for r in c.relations
                ],
                facts=[_fact(x) for x in c.facts],
                appears_in=[_table(episode=a.episode, at=a.at, source=a.source) for a in c.appears_in],
            )
            for c in data.characters
        ],
        "terms": [
            _table(id=t.id, **_dated(t), names=[_name(n) for n in t.names], facts=[_fact(x) for x in t.facts])
            for t in data.terms
        ],
    }


def to_toml(data: Dataset) -> str:
    return tomli_w.dumps(to_document(data))


def toml_string(text: str) -> str:
    """`text` as a TOML string value, to splice into a hand-written document."""
    return tomli_w.dumps({"v": text}).removeprefix("v = ").removesuffix("\n")
