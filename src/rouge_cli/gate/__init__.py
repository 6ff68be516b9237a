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
from rouge_cli.dataset.model import Dataset, Faction, Term
from rouge_cli.gate.characters import (
    character_view,
    display_name,
    fact_views,
    merge_groups,
    name_in_use,
    shown_by,
)
from rouge_cli.view import (
    CharacterView,
    EpisodeView,
    FactionView,
    NameView,
    TermView,
    View,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

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
    groups = merge_groups(data.characters, limit)
    names = {key: display_name(members, limit) for key, members in groups.items()}
    alias_of = {member.id: key for key, members in groups.items() for member in members}
    faction_names = {fid: name_in_use(f.names, limit) or fid for fid, f in factions.items()}
    characters = [
        character_view(key, members, limit, names, alias_of, faction_names) for key, members in groups.items()
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


def _term_view(term: Term, limit: int) -> TermView:
    names = tuple(NameView(n.text, n.kind, n.revealed_in, n.source, n.at) for n in term.names if shown_by(n, limit))
    facts = tuple(fact_views(term.facts, limit))
    return TermView(term.id, name_in_use(term.names, limit) or term.id, names, term.revealed_in, facts, term.at)


def _source_seen(covers: int, position: Position) -> bool:
    """A source covering episode k may be followed once k is watched in full."""
    return covers < position.episode or (covers == position.episode and position.at is None)


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
    names = tuple(NameView(n.text, n.kind, n.revealed_in, n.source, n.at) for n in faction.names if shown_by(n, limit))
    members, current = roster
    current_set = set(current)
    name = name_in_use(faction.names, limit) or faction.id
    facts = tuple(fact_views(faction.facts, limit))
    former = tuple(m for m in members if m not in current_set)
    return FactionView(
        faction.id, name, names, faction.revealed_in, facts, tuple(current), former, faction.at, faction.size
    )
