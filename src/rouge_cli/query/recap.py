"""What one episode revealed, read off a view: a "previously on" for a returning viewer."""

from __future__ import annotations

from rouge_cli.common.position import moment
from rouge_cli.view import CharacterView, FactionView, FactView, NameView, View

TYPE_CHECKING = False
if TYPE_CHECKING:  # `typing` is not imported at run time (see common/records.py)
    from typing import NamedTuple as Record
else:
    from rouge_cli.common.records import Record


class Reveal(Record):
    """One line of a recap: who it is about and what was shown."""

    character_id: str
    character_name: str
    text: str
    source: str


class Recap(Record):
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
    return recaps(view, episode, episode)[0]


class _Parts:
    """What one episode's recap gathers, in the view's order."""

    def __init__(self) -> None:
        self.names: list[Reveal] = []
        self.identities: list[Reveal] = []
        self.memberships: list[Reveal] = []
        self.deaths: list[Reveal] = []
        self.learned: list[Reveal] = []
        self.overturned: list[Reveal] = []
        self.facts: list[tuple[CharacterView, tuple[FactView, ...]]] = []
        self.new_characters: list[CharacterView] = []
        self.new_factions: list[FactionView] = []


def recaps(view: View, first: int, last: int, facts: bool = True) -> list[Recap]:
    """The recaps of episodes `first`..`last` (each visible in the view), read in one pass over the view.

    With `facts` False, the facts each episode shows are left out (a catch-up groups them itself).
    """
    parts = {n: _Parts() for n in range(first, last + 1)}
    for c in view.characters:
        _gather(c, parts, facts)
        if c.first_seen in parts:
            parts[c.first_seen].new_characters.append(c)
    for faction in view.factions:
        for x in faction.facts:
            if x.overturned_in in parts:
                reveal = Reveal(faction.id, faction.name, f"{faction.name}: {x.text}", x.source)
                parts[x.overturned_in].overturned.append(reveal)
        if faction.first_seen in parts:
            parts[faction.first_seen].new_factions.append(faction)
    titles = {e.number: e.title for e in view.episodes}
    return [
        Recap(
            episode=n,
            title=titles[n],
            complete=not view.so_far(n),
            new_characters=tuple(p.new_characters),
            new_factions=tuple(p.new_factions),
            names=tuple(p.names),
            identities=tuple(p.identities),
            memberships=tuple(p.memberships),
            deaths=tuple(p.deaths),
            learned_dead=tuple(p.learned),
            overturned=tuple(p.overturned),
            facts=tuple(p.facts),
        )
        for n, p in parts.items()
    ]


def _gather(c: CharacterView, parts: dict[int, _Parts], facts: bool) -> None:
    """Add what `c` shows in each episode of `parts`, in the order a recap lists it."""
    for n in c.names:
        if n.episode not in parts or n.kind in ("spelling", "japanese"):
            continue
        earlier = _earlier_name(c, n)
        if n.secret and n.kind == "alias":
            parts[n.episode].identities.append(Reveal(c.id, c.name, f"{earlier or c.name} is {n.text}", n.source))
        elif earlier is not None and earlier != n.text:
            verb = "is named" if n.kind == "name" else "is also known as"
            parts[n.episode].names.append(Reveal(c.id, c.name, f"{earlier} {verb} {n.text}", n.source))
    for i in c.identities:
        if i.episode in parts:
            parts[i.episode].identities.append(Reveal(c.id, c.name, f"{i.persona_name} is {c.name}", i.source))
    for m in c.factions:
        if m.episode in parts:
            parts[m.episode].memberships.append(Reveal(c.id, c.name, f"{c.name}: {m.faction_name}", m.source))
    previous = "unknown"
    for change in c.status_history:
        if change.episode in parts and change.value == "dead" and previous != "dead":
            reveal = Reveal(c.id, c.name, c.name, change.source)
            (parts[change.episode].deaths if previous == "alive" else parts[change.episode].learned).append(reveal)
        previous = change.value
    for f in c.facts:
        if f.overturned_in in parts:
            parts[f.overturned_in].overturned.append(Reveal(c.id, c.name, f"{c.name}: {f.text}", f.source))
    for r in c.relations:
        if r.overturned_in in parts:
            text = f"{c.name}: {r.target_name} as {r.label}"
            parts[r.overturned_in].overturned.append(Reveal(c.id, c.name, text, r.source))
    shown: dict[int, list[FactView]] = {}
    for f in c.facts if facts else ():
        if f.episode in parts:
            shown.setdefault(f.episode, []).append(f)
    for episode, listed in shown.items():
        parts[episode].facts.append((c, tuple(listed)))


def _earlier_name(c: CharacterView, name: NameView) -> str | None:
    """What the viewer called `c` just before `name` was revealed: an earlier proper name or the descriptor."""
    when = moment(name.episode, name.at)
    earlier = [n for n in c.names if n.kind == "name" and moment(n.episode, n.at) < when]
    if earlier:
        return earlier[0].text
    if c.descriptor and moment(c.first_seen, c.first_at) < when:
        return f"The {c.descriptor}"
    return None
