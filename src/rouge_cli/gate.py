"""The spoiler gate: dataset + episode -> the view a viewer at that episode may see.

Pure: no I/O, no printing. Applies first appearances, name reveals, persona merges,
superseded beliefs, species, statuses and memberships. Nothing dated after the episode
reaches the view, not even as an id, a count or an "overturned later" flag.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .model import Character, Dataset, DatedValue, Faction, Name, Status
from .view import (
    CharacterView,
    EpisodeView,
    FactionView,
    FactView,
    IdentityView,
    MembershipView,
    NameView,
    RelationView,
    ValueChange,
    View,
)


def gate(data: Dataset, episode: int) -> View:
    """The view of `data` for a viewer who has seen episodes 1..`episode`."""
    if not 1 <= episode <= data.episode_count:
        raise ValueError(f"episode {episode} is outside 1..{data.episode_count}")
    factions = {f.id: f for f in data.factions if f.revealed_in <= episode}
    groups = _merge_groups(data.characters, episode)
    names = {key: _display_name(members, episode) for key, members in groups.items()}
    alias_of = {member.id: key for key, members in groups.items() for member in members}
    faction_names = {fid: _name_in_use(f.names, episode) or fid for fid, f in factions.items()}
    characters = [
        _character_view(key, members, episode, names, alias_of, faction_names) for key, members in groups.items()
    ]
    characters.sort(key=lambda c: c.first_seen)
    return View(
        episode=episode,
        episode_count=data.episode_count,
        series_title=data.series.title,
        episodes=tuple(
            EpisodeView(e.number, e.title, e.air_date, e.air_date_inferred)
            for e in data.episodes
            if e.number <= episode
        ),
        characters=tuple(characters),
        factions=tuple(_faction_view(f, episode, characters) for f in factions.values()),
    )


def _merge_groups(characters: Sequence[Character], episode: int) -> dict[str, list[Character]]:
    """Visible characters keyed by the id they go by: a revealed persona joins its target."""
    visible = {c.id: c for c in characters if c.revealed_in <= episode}
    groups: dict[str, list[Character]] = {}
    for c in visible.values():
        if c.same_as is not None and c.same_as.revealed_in <= episode and c.same_as.target_id in visible:
            continue
        groups[c.id] = [c]
    for c in visible.values():
        if c.same_as is not None and c.same_as.target_id in groups and c.id not in groups:
            groups[c.same_as.target_id].append(c)
    return groups


def _visible_names(members: Sequence[Character], episode: int) -> list[NameView]:
    """The target's names, then each merged persona's (its proper names become aliases)."""
    seen: set[str] = set()
    result: list[NameView] = []
    for rank, member in enumerate(members):
        for n in member.names:
            if n.revealed_in > episode or n.text in seen:
                continue
            seen.add(n.text)
            kind = "alias" if rank > 0 and n.kind == "name" else n.kind
            result.append(NameView(n.text, kind, n.revealed_in, n.source))
    return result


def _name_in_use(names: Iterable[Name], episode: int) -> str | None:
    return next((n.text for n in names if n.kind == "name" and n.revealed_in <= episode), None)


def _display_name(members: Sequence[Character], episode: int) -> str:
    for member in members:
        name = _name_in_use(member.names, episode)
        if name is not None:
            return name
    return next((m.descriptor for m in members if m.descriptor), members[0].id)


def _latest(entries: Iterable[tuple[int, DatedValue]], episode: int) -> list[ValueChange]:
    """Visible values in the order they became known; ties favour the target (rank 0)."""
    visible = sorted(
        (
            (value.revealed_in, -rank, index, value)
            for index, (rank, value) in enumerate(entries)
            if value.revealed_in <= episode
        ),
        key=lambda item: item[:3],
    )
    return [ValueChange(value.value, value.revealed_in, value.source) for *_, value in visible]


def _character_view(
    key: str,
    members: Sequence[Character],
    episode: int,
    names: dict[str, str],
    alias_of: dict[str, str],
    faction_names: dict[str, str],
) -> CharacterView:
    name_views = _visible_names(members, episode)
    species = _latest(((rank, v) for rank, m in enumerate(members) for v in m.species), episode)
    status = _latest(((rank, v) for rank, m in enumerate(members) for v in m.status), episode)
    memberships: dict[str, MembershipView] = {}
    relations: list[RelationView] = []
    facts: list[FactView] = []
    for member in members:
        for m in member.factions:
            if m.revealed_in > episode or m.faction_id not in faction_names or _shown(m.superseded_in, episode):
                continue
            ended = m.ended_in if _shown(m.ended_in, episode) else None
            known = memberships.get(m.faction_id)
            if known is None or (known.ended_in is not None and ended is None):
                memberships[m.faction_id] = MembershipView(
                    m.faction_id, faction_names[m.faction_id], m.revealed_in, m.source, ended
                )
        for r in member.relations:
            other = alias_of.get(r.to)
            if r.revealed_in > episode or other is None or other == key:
                continue
            overturned = r.superseded_in if _shown(r.superseded_in, episode) else None
            relations.append(RelationView(other, names[other], r.label, r.revealed_in, r.source, overturned))
        for f in member.facts:
            if f.revealed_in <= episode:
                overturned = f.superseded_in if _shown(f.superseded_in, episode) else None
                facts.append(FactView(f.text, f.revealed_in, f.source, overturned))
    identities = tuple(
        IdentityView(p.id, _display_name([p], episode), p.same_as.revealed_in, p.same_as.source)
        for p in members[1:]
        if p.same_as is not None
    )
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
        factions=tuple(sorted(memberships.values(), key=lambda m: m.episode)),
        relations=tuple(sorted(relations, key=lambda r: r.episode)),
        facts=tuple(sorted(facts, key=lambda f: f.episode)),
        identities=identities,
        first_seen=min(m.revealed_in for m in members),
        source=min(members, key=lambda m: m.revealed_in).source,
    )


def _shown(later: int | None, episode: int) -> bool:
    return later is not None and later <= episode


def _status(history: list[ValueChange]) -> Status:
    if not history:
        return "unknown"
    value = history[-1].value
    return "alive" if value == "alive" else "dead" if value == "dead" else "unknown"


def _faction_view(faction: Faction, episode: int, characters: Sequence[CharacterView]) -> FactionView:
    names = tuple(NameView(n.text, n.kind, n.revealed_in, n.source) for n in faction.names if n.revealed_in <= episode)
    members = [c for c in characters if any(m.faction_id == faction.id for m in c.factions)]
    current = tuple(c.id for c in members if any(m.faction_id == faction.id and m.ended_in is None for m in c.factions))
    return FactionView(
        id=faction.id,
        name=_name_in_use(faction.names, episode) or faction.id,
        names=names,
        first_seen=faction.revealed_in,
        facts=tuple(
            FactView(f.text, f.revealed_in, f.source, f.superseded_in if _shown(f.superseded_in, episode) else None)
            for f in faction.facts
            if f.revealed_in <= episode
        ),
        members=current,
        former_members=tuple(c.id for c in members if c.id not in current),
    )
