"""The dataset's items read from raw tables: names, facts, relations, factions, characters, terms."""

from __future__ import annotations

from collections.abc import Mapping

from rouge_cli.dataset import fast_items as fast
from rouge_cli.dataset.model import (
    NAME_KINDS,
    STATUSES,
    Appearance,
    Character,
    DatedValue,
    Fact,
    Faction,
    Identity,
    Membership,
    Name,
    NameKind,
    Relation,
    Term,
)
from rouge_cli.dataset.reader import Reader, join_path

TYPE_CHECKING = False
if TYPE_CHECKING:  # `typing` is not imported at run time (see common/records.py)
    from typing import Any

_DATED = {"revealed_in": True, "at": False, "source": True}
_KINDS: dict[str, NameKind] = {kind: kind for kind in NAME_KINDS}


def _name(reader: Reader, raw: object, path: str) -> Name | None:
    table = reader.table(raw, path, {"text": True, "kind": True, "secret": False, **_DATED})
    if table is None:
        return None
    secret = reader.typed(table, "secret", path, bool, "a boolean") or False
    text, revealed_in, source = (
        reader.text(table, "text", path),
        reader.episode(table, "revealed_in", path),
        reader.text(table, "source", path),
    )
    kind = reader.typed(table, "kind", path, str, "a string")
    if kind is not None and kind not in NAME_KINDS:
        reader.problem(join_path(path, "kind"), f"'{kind}' is not one of {', '.join(NAME_KINDS)}")
        kind = None
    at = reader.time(table, "at", path)
    if text is None or kind is None or revealed_in is None or source is None:
        return None
    return reader.located(Name(text, _KINDS[kind], revealed_in, source, at, secret), path)


def _dated_value(reader: Reader, raw: object, path: str, allowed: tuple[str, ...] | None) -> DatedValue | None:
    table = reader.table(raw, path, {"value": True, **_DATED})
    if table is None:
        return None
    value, revealed_in, source = (
        reader.text(table, "value", path),
        reader.episode(table, "revealed_in", path),
        reader.text(table, "source", path),
    )
    if value is not None and allowed is not None and value not in allowed:
        reader.problem(join_path(path, "value"), f"'{value}' is not one of {', '.join(allowed)}")
        return None
    at = reader.time(table, "at", path)
    if value is None or revealed_in is None or source is None:
        return None
    return reader.located(DatedValue(value, revealed_in, source, at), path)


def _fact(reader: Reader, raw: object, path: str) -> Fact | None:
    table = reader.table(raw, path, {"text": True, "superseded_in": False, "superseded_at": False, **_DATED})
    if table is None:
        return None
    text, revealed_in, source = (
        reader.text(table, "text", path),
        reader.episode(table, "revealed_in", path),
        reader.text(table, "source", path),
    )
    superseded_in = reader.episode(table, "superseded_in", path)
    at, superseded_at = reader.time(table, "at", path), reader.time(table, "superseded_at", path)
    if text is None or revealed_in is None or source is None:
        return None
    return reader.located(Fact(text, revealed_in, source, superseded_in, at, superseded_at), path)


def _membership(reader: Reader, raw: object, path: str) -> Membership | None:
    keys = {"id": True, "ended_in": False, "ended_at": False, "superseded_in": False, "superseded_at": False}
    table = reader.table(raw, path, {**keys, **_DATED})
    if table is None:
        return None
    faction_id, revealed_in, source = (
        reader.text(table, "id", path),
        reader.episode(table, "revealed_in", path),
        reader.text(table, "source", path),
    )
    ended_in, superseded_in = reader.episode(table, "ended_in", path), reader.episode(table, "superseded_in", path)
    at, ended_at = reader.time(table, "at", path), reader.time(table, "ended_at", path)
    superseded_at = reader.time(table, "superseded_at", path)
    if faction_id is None or revealed_in is None or source is None:
        return None
    membership = Membership(faction_id, revealed_in, source, ended_in, superseded_in, at, ended_at, superseded_at)
    return reader.located(membership, path)


def _relation(reader: Reader, raw: object, path: str) -> Relation | None:
    keys = {"to": True, "label": True, "superseded_in": False, "superseded_at": False, "ended_in": False}
    table = reader.table(raw, path, {**keys, "ended_at": False, **_DATED})
    if table is None:
        return None
    to, label = reader.text(table, "to", path), reader.text(table, "label", path)
    revealed_in, source = reader.episode(table, "revealed_in", path), reader.text(table, "source", path)
    superseded_in, ended_in = reader.episode(table, "superseded_in", path), reader.episode(table, "ended_in", path)
    at, superseded_at = reader.time(table, "at", path), reader.time(table, "superseded_at", path)
    ended_at = reader.time(table, "ended_at", path)
    if to is None or label is None or revealed_in is None or source is None:
        return None
    relation = Relation(to, label, revealed_in, source, superseded_in, at, superseded_at, ended_in, ended_at)
    return reader.located(relation, path)


def _identity(reader: Reader, raw: object, path: str) -> Identity | None:
    table = reader.table(raw, path, {"id": True, **_DATED})
    if table is None:
        return None
    target, revealed_in, source = (
        reader.text(table, "id", path),
        reader.episode(table, "revealed_in", path),
        reader.text(table, "source", path),
    )
    at = reader.time(table, "at", path)
    if target is None or revealed_in is None or source is None:
        return None
    return reader.located(Identity(target, revealed_in, source, at), path)


_Named = tuple[str, int, str, tuple[Name, ...], tuple[Fact, ...], "int | None"]


def _named(reader: Reader, table: Mapping[str, Any], path: str, what: str) -> _Named | None:
    """The parts a faction and a term share: id, first moment, source, names (at least one), facts."""
    entity_id, revealed_in, source = (
        reader.text(table, "id", path),
        reader.episode(table, "revealed_in", path),
        reader.text(table, "source", path),
    )
    names = reader.items(table, "names", path, lambda r, p: _name(reader, r, p), fast.name)
    facts = reader.items(table, "facts", path, lambda r, p: _fact(reader, r, p), fast.fact)
    at = reader.time(table, "at", path)
    if entity_id is None or revealed_in is None or source is None:
        return None
    if not names:
        reader.problem(join_path(path, "names"), f"a {what} needs at least one name")
        return None
    return entity_id, revealed_in, source, names, facts, at


def term(reader: Reader, raw: object, path: str) -> Term | None:
    table = reader.table(raw, path, {"id": True, "names": True, "facts": False, **_DATED})
    parts = _named(reader, table, path, "term") if table is not None else None
    return None if parts is None else reader.located(Term(*parts), path)


def _appearance(reader: Reader, raw: object, path: str) -> Appearance | None:
    table = reader.table(raw, path, {"episode": True, "at": False, "source": True})
    if table is None:
        return None
    episode, source, at = (
        reader.episode(table, "episode", path),
        reader.text(table, "source", path),
        reader.time(table, "at", path),
    )
    if episode is None or source is None:
        return None
    return reader.located(Appearance(episode, source, at), path)


def faction(reader: Reader, raw: object, path: str) -> Faction | None:
    table = reader.table(raw, path, {"id": True, "names": True, "facts": False, "size": False, **_DATED})
    if table is None:
        return None
    parts = _named(reader, table, path, "faction")
    size = reader.typed(table, "size", path, int, "a whole number")
    if size is not None and not 0 < size < 10_000:
        reader.problem(join_path(path, "size"), "must be a whole number from 1 to 9999")
        size = None
    return None if parts is None else reader.located(Faction(*parts, size), path)


_CHARACTER_KEYS = {
    "id": True,
    "descriptor": False,
    "names": False,
    "species": False,
    "status": False,
    "factions": False,
    "relations": False,
    "facts": False,
    "same_as": False,
    "appears_in": False,
    **_DATED,
}


def character(reader: Reader, raw: object, path: str) -> Character | None:
    table = reader.table(raw, path, _CHARACTER_KEYS)
    if table is None:
        return None
    char_id, revealed_in, source = (
        reader.text(table, "id", path),
        reader.episode(table, "revealed_in", path),
        reader.text(table, "source", path),
    )
    descriptor = reader.text(table, "descriptor", path)
    same_as = _identity(reader, table["same_as"], join_path(path, "same_as")) if "same_as" in table else None
    character = Character(
        id=char_id or "",
        revealed_in=revealed_in or 0,
        source=source or "",
        descriptor=descriptor,
        names=reader.items(table, "names", path, lambda r, p: _name(reader, r, p), fast.name),
        species=reader.items(table, "species", path, lambda r, p: _dated_value(reader, r, p, None), fast.species),
        status=reader.items(table, "status", path, lambda r, p: _dated_value(reader, r, p, STATUSES), fast.status),
        factions=reader.items(table, "factions", path, lambda r, p: _membership(reader, r, p), fast.membership),
        relations=reader.items(table, "relations", path, lambda r, p: _relation(reader, r, p), fast.relation),
        facts=reader.items(table, "facts", path, lambda r, p: _fact(reader, r, p), fast.fact),
        same_as=same_as,
        at=reader.time(table, "at", path),
        appears_in=reader.items(table, "appears_in", path, lambda r, p: _appearance(reader, r, p), fast.appearance),
    )
    if char_id is None or revealed_in is None or source is None:
        return None
    return reader.located(character, path)
