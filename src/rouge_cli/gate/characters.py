"""The gate's work on characters: each one's view, with its personas merged, at a moment.

The moment scale is `common.position`'s (`e * S + t` is `moment(e, t)`, an item without `at`
counting from the end of its episode); records are made by `tuple.__new__`, from the model's
rows where fields line up. Every test is written out: this runs for every character shown.
"""

from __future__ import annotations

from rouge_cli.common.position import END, SCALE, moment
from rouge_cli.dataset.model import Character, DatedValue, Fact, Faction, Name, Status
from rouge_cli.view import (
    CharacterView,
    FactView,
    IdentityView,
    MembershipView,
    NameView,
    RelationView,
    ValueChange,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

S, E = SCALE, END
_new = tuple.__new__


def when(item: FactView | MembershipView | RelationView) -> int:
    """The moment of a view item (its `episode` and `at`)."""
    return item.episode * S + (E if item.at is None else item.at)


def fact_views(facts: Iterable[Fact], limit: int) -> list[FactView]:
    """The facts visible by `limit`, in the order they were shown, overturned ones marked."""
    views = [
        # A fact's first five fields are a FactView's; an overturning not seen yet is left out.
        _new(
            FactView,
            f[:5] if f[3] is None or f[3] * S + (E if f[5] is None else f[5]) <= limit else (*f[:3], None, f[4]),
        )
        for f in facts
        if f[1] * S + (E if f[4] is None else f[4]) <= limit
    ]
    if len(views) > 1:
        views.sort(key=when)
    return views


def shown_by(item: Name | Character | Faction, limit: int) -> bool:
    """True when `item` is shown at or before the moment `limit`."""
    return item.revealed_in * S + (E if item.at is None else item.at) <= limit


def merge_groups(characters: Sequence[Character], limit: int) -> dict[str, list[Character]]:
    """Visible characters keyed by the id they go by: a revealed persona joins its target."""
    visible = {c.id: c for c in characters if c.revealed_in * S + (E if c.at is None else c.at) <= limit}
    groups: dict[str, list[Character]] = {}
    personas = []
    for c in visible.values():
        same = c.same_as
        if same is None:
            groups[c.id] = [c]
            continue
        personas.append(c)
        if same.revealed_in * S + (E if same.at is None else same.at) > limit or same.target_id not in visible:
            groups[c.id] = [c]
    # Personas join their target in the order they were met (then by id): never in file order.
    for c in sorted(personas, key=lambda c: (moment(c.revealed_in, c.at), c.id)):
        if c.same_as is not None and c.same_as.target_id in groups and c.id not in groups:
            groups[c.same_as.target_id].append(c)
    return groups


def _visible_names(members: Sequence[Character], limit: int) -> list[NameView]:
    """The target's names, then each merged persona's (its proper names become aliases)."""
    if len(members) == 1:  # a name is a NameView, field for field
        names = members[0].names
        if len(names) == 1:  # the commonest case, without a comprehension
            n = names[0]
            return [_new(NameView, n)] if n.revealed_in * S + (E if n.at is None else n.at) <= limit else []
        visible = [n for n in names if n.revealed_in * S + (E if n.at is None else n.at) <= limit]
        if len(visible) < 2 or len({n.text for n in visible}) == len(visible):
            return [_new(NameView, n) for n in visible]
    seen: set[str] = set()
    result: list[NameView] = []
    for rank, member in enumerate(members):
        for n in member.names:
            if not shown_by(n, limit) or n.text in seen:
                continue
            seen.add(n.text)
            kind = "alias" if rank > 0 and n.kind == "name" else n.kind
            result.append(NameView(n.text, kind, n.revealed_in, n.source, n.at, n.secret))
    return result


def name_in_use(names: Iterable[Name], limit: int) -> str | None:
    """The first proper name shown by `limit` (a loop: this runs for every character)."""
    for n in names:  # (text, kind, revealed_in, source, at, ...)
        if n[1] == "name" and n[2] * S + (E if n[4] is None else n[4]) <= limit:
            return n[0]
    return None


def display_name(members: Sequence[Character], limit: int) -> str:
    for member in members:
        name = name_in_use(member.names, limit)
        if name is not None:
            return name
    return next((m.descriptor for m in members if m.descriptor), members[0].id)


def _latest(lists: Sequence[Sequence[DatedValue]], limit: int) -> tuple[ValueChange, ...]:
    """Visible values (of each member, target first) in the order they became known; ties favour the target."""
    if len(lists) == 1:
        return _values(lists[0], limit)
    entries = ((rank, v) for rank, values in enumerate(lists) for v in values)
    ranked = sorted(
        (
            (moment(value.revealed_in, value.at), -rank, index, value)
            for index, (rank, value) in enumerate(entries)
            if value.revealed_in * S + (E if value.at is None else value.at) <= limit
        ),
        key=lambda item: item[:3],
    )
    return tuple(_new(ValueChange, value) for *_, value in ranked)


def _values(values: Sequence[DatedValue], limit: int) -> tuple[ValueChange, ...]:
    """One character's visible values in the order they became known (a dated value is a ValueChange)."""
    if len(values) == 1:  # the commonest case, without a comprehension
        v = values[0]
        return (_new(ValueChange, v),) if v[1] * S + (E if v[3] is None else v[3]) <= limit else ()
    visible = [_new(ValueChange, v) for v in values if v[1] * S + (E if v[3] is None else v[3]) <= limit]
    if len(visible) > 1:  # a stable sort keeps the file's order of ties
        visible.sort(key=lambda v: v[1] * S + (E if v[3] is None else v[3]))
    return tuple(visible)


def character_view(
    key: str,
    members: Sequence[Character],
    limit: int,
    names: dict[str, str],
    alias_of: dict[str, str],
    faction_names: dict[str, str],
) -> CharacterView:
    single = len(members) == 1  # most characters: the shortcuts below skip work that finds nothing
    first = members[0] if single else min(members, key=lambda m: moment(m.revealed_in, m.at))
    name_views = _visible_names(members, limit)
    if single:
        species = _values(first.species, limit) if first.species else ()
        status = _values(first.status, limit) if first.status else ()
    else:
        species = _latest([m.species for m in members], limit)
        status = _latest([m.status for m in members], limit)
    memberships: dict[str, MembershipView] = {}
    relations: list[RelationView] = []
    facts: list[FactView] = []
    for member in members:
        for m in member.factions:  # (faction_id, revealed_in, source, ended_in, superseded_in, at, ended_at, ...)
            if m[1] * S + (E if m[5] is None else m[5]) > limit or m[0] not in faction_names:
                continue
            if m[4] is not None and m[4] * S + (E if m[7] is None else m[7]) <= limit:
                continue
            ended = m[3] if m[3] is not None and m[3] * S + (E if m[6] is None else m[6]) <= limit else None
            known = memberships.get(m[0])
            if known is None or (known.ended_in is not None and ended is None):
                memberships[m[0]] = _new(MembershipView, (m[0], faction_names[m[0]], m[1], m[2], ended, m[5]))
        for r in member.relations:  # (to, label, revealed_in, source, superseded_in, at, superseded_at, ended_in, ...)
            other = alias_of.get(r[0])
            if other is None or other == key or r[2] * S + (E if r[5] is None else r[5]) > limit:
                continue
            overturned = r[4] if r[4] is not None and r[4] * S + (E if r[6] is None else r[6]) <= limit else None
            ended = r[7] if r[7] is not None and r[7] * S + (E if r[8] is None else r[8]) <= limit else None
            relations.append(_new(RelationView, (other, names[other], r[1], r[2], r[3], overturned, r[5], ended)))
        if member.facts:
            facts += fact_views(member.facts, limit)
    if len(facts) > 1 and not single:
        facts.sort(key=when)
    if len(relations) > 1:
        relations.sort(key=when)
    ordered = sorted(memberships.values(), key=when) if len(memberships) > 1 else memberships.values()
    named = False  # a proper name is visible
    for n in name_views:
        if n[1] == "name":
            named = True
            break
    return _new(
        CharacterView,
        (
            key,
            names[key],
            named,
            first.descriptor or None if single else next((m.descriptor for m in members if m.descriptor), None),
            tuple(name_views),
            species[-1].value if species else None,
            _status(status),
            species,
            status,
            tuple(ordered),
            tuple(relations),
            tuple(facts),
            ()
            if single
            else tuple(
                IdentityView(p.id, display_name([p], limit), p.same_as.revealed_in, p.same_as.source, p.same_as.at)
                for p in members[1:]
                if p.same_as is not None
            ),
            first.revealed_in,
            first.source,
            first.at,
            _appearances(members, limit) if not single or first.appears_in else (),
        ),
    )


def _appearances(members: Sequence[Character], limit: int) -> tuple[tuple[int, int | None], ...]:
    """Each episode any of the members is seen in by `limit`, with the first time in it."""
    first: dict[int, int | None] = {}
    for member in members:
        for episode, _, at in member.appears_in:
            if episode * S + (E if at is None else at) > limit:
                continue
            known = first.get(episode, -1)
            if episode not in first or (at is not None and (known is None or at < known)):
                first[episode] = at
    return tuple(sorted(first.items())) if first else ()


def _status(history: Sequence[ValueChange]) -> Status:
    value = history[-1].value if history else "unknown"
    return "alive" if value == "alive" else "dead" if value == "dead" else "unknown"
