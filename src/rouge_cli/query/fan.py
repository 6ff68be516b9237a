"""What a fan asks next, read off a view: terms, the cast of an episode, a roster, a catch-up, the relation map."""

from __future__ import annotations

from rouge_cli.common.errors import NotFoundError
from rouge_cli.query.find import find_faction, match, not_found, quoted, suggestions
from rouge_cli.view import CharacterView, FactionView, FactView, TermView, View

TYPE_CHECKING = False
if TYPE_CHECKING:  # `typing` is not imported at run time (see common/records.py)
    from typing import NamedTuple as Record

    from rouge_cli.query.recap import Reveal
else:
    from rouge_cli.common.records import Record


def find_term(view: View, query: str) -> TermView:
    """The one visible term `query` names; NotFoundError reads alike for later and unknown terms."""
    found = match(view.terms, query)
    if len(found) == 1:
        return found[0]
    if found:
        raise NotFoundError(f"{quoted(query)} matches several terms: {', '.join(t.name for t in found)}.")
    raise NotFoundError(not_found("term", query, suggestions(view.terms, query), view.where))


def episode_number(view: View, number: int) -> int:
    """`number` if it is an episode the viewer has reached, else the same refusal as for one that does not exist."""
    if not 1 <= number <= view.episode:
        raise NotFoundError(f"no episode {number} {view.where} (choose 1 to {view.episode}).")
    return number


def cast(view: View, number: int) -> list[tuple[CharacterView, int | None]]:
    """Who appears or speaks in episode `number` (so far), in the order they are first seen in it."""
    episode_number(view, number)
    present = [(c, dict(c.appearances)[number]) for c in view.characters if number in dict(c.appearances)]
    present.sort(key=lambda pair: (pair[1] is None, pair[1] or 0, pair[0].name.casefold()))
    return present


class Member(Record):
    character: CharacterView
    current: bool
    episode: int
    gladiator: tuple[str, ...]


class Roster(Record):
    faction: FactionView
    members: tuple[Member, ...]

    @property
    def unknown(self) -> int:
        """Places still unknown (for a group whose size is known)."""
        return max(0, (self.faction.size or 0) - len(self.members))


def roster(view: View, query: str) -> Roster:
    """A faction's known members with their Gladiator names, status and the episode they were shown in it."""
    faction = find_faction(view, query)
    people = {c.id: c for c in view.characters}
    members = []
    for member_id, current in [(m, True) for m in faction.members] + [(m, False) for m in faction.former_members]:
        person = people[member_id]
        shown = next(m.episode for m in person.factions if m.faction_id == faction.id)
        secret = tuple(n.text for n in person.names if n.secret)
        members.append(Member(person, current, shown, secret))
    members.sort(key=lambda m: (m.episode, m.character.name.casefold()))
    return Roster(faction, tuple(members))


class Edge(Record):
    source: CharacterView
    target_id: str
    target_name: str
    label: str
    episode: int
    ended: bool


def relation_edges(view: View, query: str | None = None) -> list[Edge]:
    """Every relation visible now (one character's when `query` names one), ended ones marked."""
    from rouge_cli.query.find import find_character

    wanted = find_character(view, query).id if query is not None else None
    edges = [
        Edge(c, r.target_id, r.target_name, r.label, r.episode, r.ended_in is not None)
        for c in view.characters
        for r in c.current_relations
        if wanted is None or wanted in (c.id, r.target_id)
    ]
    return edges


class CatchUp(Record):
    first: int
    last: int
    identities: tuple[Reveal, ...]
    deaths: tuple[Reveal, ...]
    learned_dead: tuple[Reveal, ...]
    overturned: tuple[Reveal, ...]
    facts: tuple[tuple[CharacterView, tuple[FactView, ...]], ...]


def catch_up(view: View, first: int) -> CatchUp:
    """One recap of episodes `first`..the view's, grouped by character, the big changes first.

    It reads only facts shown or overturned in those episodes, overturned relations, deaths,
    secret names and personas revealed then (what `dataset.reach.for_since` loads).
    """
    from rouge_cli.query.recap import recaps as recaps_of

    episode_number(view, first)
    recaps = recaps_of(view, first, view.episode, facts=False)
    # Each character's facts of those episodes, placed by the first of them (then in the view's order).
    shown = []
    for c in view.characters:
        facts = c.facts  # in the order shown: when the first is in those episodes, so are the others
        if facts and facts[0].episode < first:
            facts = tuple(f for f in facts if f.episode >= first)
        if facts:
            shown.append((facts[0].episode, c, facts))
    shown.sort(key=lambda item: item[0])
    return CatchUp(
        first=first,
        last=view.episode,
        identities=tuple(x for r in recaps for x in r.identities),
        deaths=tuple(x for r in recaps for x in r.deaths),
        learned_dead=tuple(x for r in recaps for x in r.learned_dead),
        overturned=tuple(x for r in recaps for x in r.overturned),
        facts=tuple((c, facts) for _, c, facts in shown),
    )
