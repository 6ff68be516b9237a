"""The spoiler gate: dataset + position -> the view a viewer at that position may see.

Pure: no I/O, no printing. A position is a whole episode or a moment inside one
(`position.Position`); every item is compared by its moment (episode and `at`; an item
without `at` counts from the end of its episode). Applies first appearances, name reveals,
persona merges, superseded beliefs, species, statuses and memberships. Nothing shown after
the position reaches the view, not even as an id, a count or an "overturned later" flag.
Every item of every command goes through here, so the tests are written out (`e * S + t` is
`moment(e, t)`) and records are made by `tuple.__new__`, from the model's rows where fields line up.
"""

from __future__ import annotations

from rouge_cli.common.position import END, SCALE, Position, moment, settled
from rouge_cli.dataset.model import Character, Dataset, DatedValue, Fact, Faction, Name, Status, Term
from rouge_cli.view import (
    CharacterView,
    EpisodeView,
    FactionView,
    FactView,
    IdentityView,
    MembershipView,
    NameView,
    RelationView,
    TermView,
    ValueChange,
    View,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

S, E = SCALE, END
_new = tuple.__new__


def where(data: Dataset, position: Position | int) -> Position:
    """`position` checked against `data`; a time at or past the episode's runtime is the whole episode."""
    position = Position(position) if isinstance(position, int) else position
    if not 1 <= position.episode <= data.episode_count:
        raise ValueError(f"episode {position.episode} is outside 1..{data.episode_count}")
    return settled(position, data.episodes[position.episode - 1].runtime)


def gate(data: Dataset, position: Position | int) -> View:
    """The view of `data` for a viewer at `position` (an episode number means all of it)."""
    position = where(data, position)
    limit = position.moment
    factions = {f.id: f for f in data.factions if f.revealed_in * S + (E if f.at is None else f.at) <= limit}
    groups = _merge_groups(data.characters, limit)
    names = {key: _display_name(members, limit) for key, members in groups.items()}
    alias_of = {member.id: key for key, members in groups.items() for member in members}
    faction_names = {fid: _name_in_use(f.names, limit) or fid for fid, f in factions.items()}
    characters = [
        _character_view(key, members, limit, names, alias_of, faction_names) for key, members in groups.items()
    ]
    # On-screen order, then a neutral key: never the order of the data file.
    characters.sort(key=lambda c: (c.first_seen, c.first_at is None, c.first_at or 0, c.name.casefold(), c.id))
    rosters = _rosters(characters) if factions else {}
    return View(
        episode=position.episode,
        episode_count=data.episode_count,
        series_title=data.series.title,
        episodes=tuple(  # (number, title, air date, inferred), runtime, and the synopsis once watched
            _new(EpisodeView, (*e[:4], e.runtime, e.synopsis if e.number * S + E <= limit else None))
            for e in data.episodes
            if e.number <= position.episode
        ),
        characters=tuple(characters),
        factions=tuple(
            _faction_view(f, limit, rosters.get(f.id, ([], [])))
            for f in sorted(factions.values(), key=lambda f: (moment(f.revealed_in, f.at), f.id))
        ),
        at=position.at,
        sources=tuple((s.key, s.url) for s in data.sources if _source_seen(s.covers or data.episode_count, position)),
        terms=tuple(
            _term_view(t, limit)
            for t in sorted(data.terms, key=lambda t: (moment(t.revealed_in, t.at), t.id))
            if t.revealed_in * S + (E if t.at is None else t.at) <= limit
        ),
    )


def _when(item: FactView | MembershipView | RelationView) -> int:
    """The moment of a view item (its `episode` and `at`)."""
    return item.episode * S + (E if item.at is None else item.at)


def _fact_views(facts: Iterable[Fact], limit: int) -> list[FactView]:
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
        views.sort(key=_when)
    return views


def _term_view(term: Term, limit: int) -> TermView:
    names = tuple(NameView(n.text, n.kind, n.revealed_in, n.source, n.at) for n in term.names if _seen(n, limit))
    facts = tuple(_fact_views(term.facts, limit))
    return TermView(term.id, _name_in_use(term.names, limit) or term.id, names, term.revealed_in, facts, term.at)


def _source_seen(covers: int, position: Position) -> bool:
    """A source covering episode k may be followed once k is watched in full."""
    return covers < position.episode or (covers == position.episode and position.at is None)


def _seen(item: Name | Character | Faction, limit: int) -> bool:
    """True when `item` is shown at or before the moment `limit`."""
    return item.revealed_in * S + (E if item.at is None else item.at) <= limit


def _merge_groups(characters: Sequence[Character], limit: int) -> dict[str, list[Character]]:
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
        visible = [n for n in members[0].names if n.revealed_in * S + (E if n.at is None else n.at) <= limit]
        if len(visible) < 2 or len({n.text for n in visible}) == len(visible):
            return [_new(NameView, n) for n in visible]
    seen: set[str] = set()
    result: list[NameView] = []
    for rank, member in enumerate(members):
        for n in member.names:
            if not _seen(n, limit) or n.text in seen:
                continue
            seen.add(n.text)
            kind = "alias" if rank > 0 and n.kind == "name" else n.kind
            result.append(NameView(n.text, kind, n.revealed_in, n.source, n.at, n.secret))
    return result


def _name_in_use(names: Iterable[Name], limit: int) -> str | None:
    return next((n.text for n in names if n.kind == "name" and _seen(n, limit)), None)


def _display_name(members: Sequence[Character], limit: int) -> str:
    for member in members:
        name = _name_in_use(member.names, limit)
        if name is not None:
            return name
    return next((m.descriptor for m in members if m.descriptor), members[0].id)


def _latest(lists: Sequence[Sequence[DatedValue]], limit: int) -> tuple[ValueChange, ...]:
    """Visible values (of each member, target first) in the order they became known; ties favour the target."""
    if len(lists) == 1:  # a dated value is a ValueChange; a stable sort keeps the file's order of ties
        visible = [_new(ValueChange, v) for v in lists[0] if v[1] * S + (E if v[3] is None else v[3]) <= limit]
        if len(visible) > 1:
            visible.sort(key=lambda v: v[1] * S + (E if v[3] is None else v[3]))
        return tuple(visible)
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


def _character_view(
    key: str,
    members: Sequence[Character],
    limit: int,
    names: dict[str, str],
    alias_of: dict[str, str],
    faction_names: dict[str, str],
) -> CharacterView:
    name_views = _visible_names(members, limit)
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
        facts += _fact_views(member.facts, limit)
    if len(members) > 1:
        facts.sort(key=_when)
    if len(relations) > 1:
        relations.sort(key=_when)
    ordered = sorted(memberships.values(), key=_when) if len(memberships) > 1 else memberships.values()
    first = members[0] if len(members) == 1 else min(members, key=lambda m: moment(m.revealed_in, m.at))
    return _new(
        CharacterView,
        (
            key,
            names[key],
            "name" in [n[1] for n in name_views],  # named: a proper name is visible
            next((m.descriptor for m in members if m.descriptor), None) if members[1:] else first.descriptor or None,
            tuple(name_views),
            species[-1].value if species else None,
            _status(status),
            species,
            status,
            tuple(ordered),
            tuple(relations),
            tuple(facts),
            tuple(
                IdentityView(p.id, _display_name([p], limit), p.same_as.revealed_in, p.same_as.source, p.same_as.at)
                for p in members[1:]
                if p.same_as is not None
            ),
            first.revealed_in,
            first.source,
            first.at,
            _appearances(members, limit),
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


def _rosters(characters: Sequence[CharacterView]) -> dict[str, tuple[list[str], list[str]]]:
    """Faction id -> (every visible member, the current ones), in character order: one pass."""
    rosters: dict[str, tuple[list[str], list[str]]] = {}
    for c in characters:
        ended: dict[str, bool] = {}
        for m in c.factions:
            ended[m.faction_id] = ended.get(m.faction_id, True) and m.ended_in is not None
        for faction_id, all_ended in ended.items():
            members, current = rosters.setdefault(faction_id, ([], []))
            members.append(c.id)
            if not all_ended:
                current.append(c.id)
    return rosters


def _faction_view(faction: Faction, limit: int, roster: tuple[list[str], list[str]]) -> FactionView:
    names = tuple(NameView(n.text, n.kind, n.revealed_in, n.source, n.at) for n in faction.names if _seen(n, limit))
    members, current = roster
    current_set = set(current)
    name = _name_in_use(faction.names, limit) or faction.id
    facts = tuple(_fact_views(faction.facts, limit))
    former = tuple(m for m in members if m not in current_set)
    return FactionView(
        faction.id, name, names, faction.revealed_in, facts, tuple(current), former, faction.at, faction.size
    )
