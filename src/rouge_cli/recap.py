"""What one episode revealed, read off a view: a "previously on" for a returning viewer."""

from __future__ import annotations

from dataclasses import dataclass

from .view import CharacterView, FactionView, FactView, View


@dataclass(frozen=True)
class Reveal:
    """One line of a recap: who it is about and what was shown."""

    character_id: str
    character_name: str
    text: str
    source: str


@dataclass(frozen=True)
class Recap:
    episode: int
    title: str
    new_characters: tuple[CharacterView, ...]
    new_factions: tuple[FactionView, ...]
    names: tuple[Reveal, ...]
    identities: tuple[Reveal, ...]
    memberships: tuple[Reveal, ...]
    deaths: tuple[Reveal, ...]
    facts: tuple[tuple[CharacterView, tuple[FactView, ...]], ...]

    @property
    def empty(self) -> bool:
        return not (self.new_characters or self.new_factions or self.names or self.identities or self.facts)


def recap(view: View, episode: int) -> Recap:
    """Everything the view dates to `episode` (which must be visible in the view)."""
    title = next(e.title for e in view.episodes if e.number == episode)
    names, identities, memberships, deaths = [], [], [], []
    facts = []
    for c in view.characters:
        for n in c.names:
            if n.kind == "japanese":
                continue
            if n.episode == episode and (c.first_seen < episode or n.kind != "name" or n.text != c.name):
                names.append(Reveal(c.id, c.name, _naming(c, n.kind, n.text), n.source))
        for i in c.identities:
            if i.episode == episode:
                identities.append(Reveal(c.id, c.name, f"{i.persona_name} is {c.name}", i.source))
        for m in c.factions:
            if m.episode == episode:
                memberships.append(Reveal(c.id, c.name, f"{c.name}: {m.faction_name}", m.source))
        for change in c.status_history:
            if change.episode == episode and change.value == "dead":
                deaths.append(Reveal(c.id, c.name, c.name, change.source))
        shown = tuple(f for f in c.facts if f.episode == episode)
        if shown:
            facts.append((c, shown))
    return Recap(
        episode=episode,
        title=title,
        new_characters=tuple(c for c in view.characters if c.first_seen == episode),
        new_factions=tuple(f for f in view.factions if f.first_seen == episode),
        names=tuple(names),
        identities=tuple(identities),
        memberships=tuple(memberships),
        deaths=tuple(deaths),
        facts=tuple(facts),
    )


def _naming(c: CharacterView, kind: str, text: str) -> str:
    if kind == "name":
        return f"The {c.descriptor} is named {text}" if c.descriptor else f"{c.name} is named {text}"
    verb = "also spelled" if kind == "spelling" else "also known as"
    return f"{c.name} is {verb} {text}"
