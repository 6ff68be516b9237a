"""What one episode revealed, read off a view: a "previously on" for a returning viewer."""

from __future__ import annotations

from dataclasses import dataclass

from rouge_cli.common.position import moment
from rouge_cli.view import CharacterView, FactionView, FactView, NameView, View


@dataclass(frozen=True)
class Reveal:
    """One line of a recap: who it is about and what was shown."""

    character_id: str
    character_name: str
    text: str
    source: str


@dataclass(frozen=True)
class Recap:
    """An episode's recap. `complete` is False while the viewer is still inside the episode.

    `deaths` are deaths shown in the episode; `learned_dead` are characters the episode
    reveals to have died before (a body found, a death in the past). `overturned` are earlier
    beliefs this episode overturns.
    """

    episode: int
    title: str
    complete: bool
    new_characters: tuple[CharacterView, ...]
    new_factions: tuple[FactionView, ...]
    names: tuple[Reveal, ...]
    identities: tuple[Reveal, ...]
    memberships: tuple[Reveal, ...]
    deaths: tuple[Reveal, ...]
    learned_dead: tuple[Reveal, ...]
    overturned: tuple[Reveal, ...]
    facts: tuple[tuple[CharacterView, tuple[FactView, ...]], ...]

    @property
    def empty(self) -> bool:
        return not (
            self.new_characters or self.new_factions or self.names or self.identities or self.facts or self.overturned
        )


def recap(view: View, episode: int) -> Recap:
    """Everything the view dates to `episode` (which must be visible in the view)."""
    title = next(e.title for e in view.episodes if e.number == episode)
    names: list[Reveal] = []
    identities: list[Reveal] = []
    memberships: list[Reveal] = []
    deaths: list[Reveal] = []
    learned: list[Reveal] = []
    overturned: list[Reveal] = []
    facts = []
    for c in view.characters:
        for n in c.names:
            if n.episode != episode or n.kind in ("spelling", "japanese"):
                continue
            earlier = _earlier_name(c, n)
            if n.secret and n.kind == "alias":
                identities.append(Reveal(c.id, c.name, f"{earlier or c.name} is {n.text}", n.source))
            elif earlier is not None and earlier != n.text:
                verb = "is named" if n.kind == "name" else "is also known as"
                names.append(Reveal(c.id, c.name, f"{earlier} {verb} {n.text}", n.source))
        for i in c.identities:
            if i.episode == episode:
                identities.append(Reveal(c.id, c.name, f"{i.persona_name} is {c.name}", i.source))
        for m in c.factions:
            if m.episode == episode:
                memberships.append(Reveal(c.id, c.name, f"{c.name}: {m.faction_name}", m.source))
        previous = "unknown"
        for change in c.status_history:
            if change.episode == episode and change.value == "dead" and previous != "dead":
                (deaths if previous == "alive" else learned).append(Reveal(c.id, c.name, c.name, change.source))
            previous = change.value
        for f in c.facts:
            if f.overturned_in == episode:
                overturned.append(Reveal(c.id, c.name, f"{c.name}: {f.text}", f.source))
        for r in c.relations:
            if r.overturned_in == episode:
                overturned.append(Reveal(c.id, c.name, f"{c.name}: {r.target_name} as {r.label}", r.source))
        shown = tuple(f for f in c.facts if f.episode == episode)
        if shown:
            facts.append((c, shown))
    for faction in view.factions:
        for x in faction.facts:
            if x.overturned_in == episode:
                overturned.append(Reveal(faction.id, faction.name, f"{faction.name}: {x.text}", x.source))
    return Recap(
        episode=episode,
        title=title,
        complete=not view.so_far(episode),
        new_characters=tuple(c for c in view.characters if c.first_seen == episode),
        new_factions=tuple(f for f in view.factions if f.first_seen == episode),
        names=tuple(names),
        identities=tuple(identities),
        memberships=tuple(memberships),
        deaths=tuple(deaths),
        learned_dead=tuple(learned),
        overturned=tuple(overturned),
        facts=tuple(facts),
    )


def _earlier_name(c: CharacterView, name: NameView) -> str | None:
    """What the viewer called `c` just before `name` was revealed: an earlier proper name or the descriptor."""
    when = moment(name.episode, name.at)
    earlier = [n for n in c.names if n.kind == "name" and moment(n.episode, n.at) < when]
    if earlier:
        return earlier[0].text
    if c.descriptor and moment(c.first_seen, c.first_at) < when:
        return f"The {c.descriptor}"
    return None
