"""The spoiler gate: dataset + position -> the view a viewer at that position may see.

Pure: no I/O, no printing. A position is a whole episode or a moment inside one
(`position.Position`); every item is compared by its moment (episode and `at`; an item
without `at` counts from the end of its episode). Applies first appearances, name reveals,
persona merges, superseded beliefs, species, statuses and memberships. Nothing shown after
the position reaches the view, not even as an id, a count or an "overturned later" flag.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rouge_cli.common.position import Position, moment, settled
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
    factions = {f.id: f for f in data.factions if _seen(f, limit)}
    groups = _merge_groups(data.characters, limit)
    names = {key: _display_name(members, limit) for key, members in groups.items()}
    alias_of = {member.id: key for key, members in groups.items() for member in members}
    faction_names = {fid: _name_in_use(f.names, limit) or fid for fid, f in factions.items()}
    characters = [
        _character_view(key, members, limit, names, alias_of, faction_names) for key, members in groups.items()
    ]
    # On-screen order, then a neutral key: never the order of the data file.
    characters.sort(key=lambda c: (c.first_seen, c.first_at is None, c.first_at or 0, c.name.casefold(), c.id))
    rosters = _rosters(characters)
    return View(
        episode=position.episode,
        episode_count=data.episode_count,
        series_title=data.series.title,
        episodes=tuple(
            EpisodeView(
                e.number,
                e.title,
                e.air_date,
                e.air_date_inferred,
                e.runtime,
                e.synopsis if moment(e.number, None) <= limit else None,
            )
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
            if _seen(t, limit)
        ),
    )


def _fact_views(facts: Iterable[Fact], limit: int) -> tuple[FactView, ...]:
    """The facts visible by `limit`, in the order they were shown, overturned ones marked."""
    views = [
        FactView(
            f.text,
            f.revealed_in,
            f.source,
            f.superseded_in if _seen(f, limit, "superseded_in", "superseded_at") else None,
            f.at,
        )
        for f in facts
        if _seen(f, limit)
    ]
    views.sort(key=lambda f: _order(f.episode, f.at))
    return tuple(views)


def _term_view(term: Term, limit: int) -> TermView:
    return TermView(
        id=term.id,
        name=_name_in_use(term.names, limit) or term.id,
        names=tuple(NameView(n.text, n.kind, n.revealed_in, n.source, n.at) for n in term.names if _seen(n, limit)),
        first_seen=term.revealed_in,
        facts=_fact_views(term.facts, limit),
        first_at=term.at,
    )


def _source_seen(covers: int, position: Position) -> bool:
    """A source covering episode k may be followed once k is watched in full."""
    return covers < position.episode or (covers == position.episode and position.at is None)


def _seen(item: object, limit: int, episode_key: str = "revealed_in", time_key: str = "at") -> bool:
    """True when `item` (or its `episode_key`/`time_key` event) is shown at or before the moment `limit`."""
    episode: int | None = getattr(item, episode_key)
    return episode is not None and moment(episode, getattr(item, time_key)) <= limit


def _merge_groups(characters: Sequence[Character], limit: int) -> dict[str, list[Character]]:
    """Visible characters keyed by the id they go by: a revealed persona joins its target."""
    visible = {c.id: c for c in characters if _seen(c, limit)}
    groups: dict[str, list[Character]] = {}
    for c in visible.values():
        if c.same_as is not None and _seen(c.same_as, limit) and c.same_as.target_id in visible:
            continue
        groups[c.id] = [c]
    # Personas join their target in the order they were met (then by id): never in file order.
    for c in sorted(visible.values(), key=lambda c: (moment(c.revealed_in, c.at), c.id)):
        if c.same_as is not None and c.same_as.target_id in groups and c.id not in groups:
            groups[c.same_as.target_id].append(c)
    return groups


def _visible_names(members: Sequence[Character], limit: int) -> list[NameView]:
    """The target's names, then each merged persona's (its proper names become aliases)."""
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


def _latest(entries: Iterable[tuple[int, DatedValue]], limit: int) -> list[ValueChange]:
    """Visible values in the order they became known; ties favour the target (rank 0)."""
    visible = sorted(
        (
            (moment(value.revealed_in, value.at), -rank, index, value)
            for index, (rank, value) in enumerate(entries)
            if _seen(value, limit)
        ),
        key=lambda item: item[:3],
    )
    return [ValueChange(value.value, value.revealed_in, value.source, value.at) for *_, value in visible]


def _character_view(
    key: str,
    members: Sequence[Character],
    limit: int,
    names: dict[str, str],
    alias_of: dict[str, str],
    faction_names: dict[str, str],
) -> CharacterView:
    name_views = _visible_names(members, limit)
    species = _latest(((rank, v) for rank, m in enumerate(members) for v in m.species), limit)
    status = _latest(((rank, v) for rank, m in enumerate(members) for v in m.status), limit)
    memberships: dict[str, MembershipView] = {}
    relations: list[RelationView] = []
    facts: list[FactView] = []
    for member in members:
        for m in member.factions:
            if not _seen(m, limit) or m.faction_id not in faction_names:
                continue
            if _seen(m, limit, "superseded_in", "superseded_at"):
                continue
            ended = m.ended_in if _seen(m, limit, "ended_in", "ended_at") else None
            known = memberships.get(m.faction_id)
            if known is None or (known.ended_in is not None and ended is None):
                memberships[m.faction_id] = MembershipView(
                    m.faction_id, faction_names[m.faction_id], m.revealed_in, m.source, ended, m.at
                )
        for r in member.relations:
            other = alias_of.get(r.to)
            if not _seen(r, limit) or other is None or other == key:
                continue
            overturned = r.superseded_in if _seen(r, limit, "superseded_in", "superseded_at") else None
            ended = r.ended_in if _seen(r, limit, "ended_in", "ended_at") else None
            relations.append(
                RelationView(other, names[other], r.label, r.revealed_in, r.source, overturned, r.at, ended)
            )
        for f in member.facts:
            if _seen(f, limit):
                overturned = f.superseded_in if _seen(f, limit, "superseded_in", "superseded_at") else None
                facts.append(FactView(f.text, f.revealed_in, f.source, overturned, f.at))
    identities = tuple(
        IdentityView(p.id, _display_name([p], limit), p.same_as.revealed_in, p.same_as.source, p.same_as.at)
        for p in members[1:]
        if p.same_as is not None
    )
    first = min(members, key=lambda m: moment(m.revealed_in, m.at))
    named = any(n.kind == "name" for n in name_views)
    return CharacterView(
        id=key,
        name=names[key],
        named=named,
        descriptor=next((m.descriptor for m in members if m.descriptor), None),
        names=tuple(name_views),
        species=species[-1].value if species else None,
        status=_status(status),
        species_history=tuple(species),
        status_history=tuple(status),
        factions=tuple(sorted(memberships.values(), key=lambda m: _order(m.episode, m.at))),
        relations=tuple(sorted(relations, key=lambda r: _order(r.episode, r.at))),
        facts=tuple(sorted(facts, key=lambda f: _order(f.episode, f.at))),
        identities=identities,
        first_seen=first.revealed_in,
        source=first.source,
        first_at=first.at,
        appearances=_appearances(members, limit),
    )


def _appearances(members: Sequence[Character], limit: int) -> tuple[tuple[int, int | None], ...]:
    """Each episode any of the members is seen in by `limit`, with the first time in it."""
    first: dict[int, int | None] = {}
    for member in members:
        for seen in member.appears_in:
            if moment(seen.episode, seen.at) > limit:
                continue
            known = first.get(seen.episode, -1)
            if seen.episode not in first or (seen.at is not None and (known is None or seen.at < known)):
                first[seen.episode] = seen.at
    return tuple(sorted(first.items()))


def _order(episode: int, at: int | None) -> int:
    return moment(episode, at)


def _status(history: list[ValueChange]) -> Status:
    if not history:
        return "unknown"
    value = history[-1].value
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
    return FactionView(
        id=faction.id,
        name=_name_in_use(faction.names, limit) or faction.id,
        names=names,
        first_seen=faction.revealed_in,
        facts=_fact_views(faction.facts, limit),
        members=tuple(current),
        former_members=tuple(m for m in members if m not in current_set),
        first_at=faction.at,
        size=faction.size,
    )
