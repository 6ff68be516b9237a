"""How what the viewer knows about one character grew, episode by episode."""

from __future__ import annotations

from rouge_cli.common.position import moment
from rouge_cli.view import CharacterView, ValueChange

TYPE_CHECKING = False
if TYPE_CHECKING:  # `typing` is not imported at run time (see common/records.py)
    from typing import Literal
    from typing import NamedTuple as Record

    EventKind = Literal["appears", "name", "identity", "species", "status", "faction", "relation", "fact"]
else:
    from rouge_cli.common.records import Record

    EventKind = str


class Event(Record):
    episode: int
    kind: EventKind
    text: str
    source: str
    overturned_in: int | None = None
    at: int | None = None


def timeline(c: CharacterView) -> tuple[Event, ...]:
    """The character's events in episode order (overturned beliefs kept, and marked)."""
    seen_as = f"Appears as the {c.descriptor}" if c.descriptor else "Appears"
    events = [Event(c.first_seen, "appears", seen_as, c.source, at=c.first_at)]
    events += [
        Event(n.episode, "name", f"{_kind_label(n.kind)}: {n.text}", n.source, at=n.at)
        for n in c.names
        if n.kind != "spelling"
    ]
    events += [
        Event(i.episode, "identity", f"Revealed: {i.persona_name} is {c.name}", i.source, at=i.at) for i in c.identities
    ]
    events += [
        Event(s.episode, "species", f"Species: {s.value}", s.source, at=s.at) for s in _changes(c.species_history)
    ]
    events += [Event(s.episode, "status", f"Status: {s.value}", s.source, at=s.at) for s in _changes(c.status_history)]
    for m in c.factions:
        events.append(Event(m.episode, "faction", f"Member of {m.faction_name}", m.source, at=m.at))
        if m.ended_in is not None:
            events.append(Event(m.ended_in, "faction", f"No longer in {m.faction_name}", m.source))
    events += [
        Event(r.episode, "relation", f"{r.target_name}: {r.label}", r.source, r.overturned_in, r.at)
        for r in c.relations
    ]
    events += [Event(f.episode, "fact", f.text, f.source, f.overturned_in, f.at) for f in c.facts]
    order = {"appears": 0, "identity": 1, "name": 2, "species": 3, "status": 4, "faction": 5, "relation": 6, "fact": 7}
    return tuple(sorted(events, key=lambda e: (moment(e.episode, e.at), order[e.kind])))


def _changes(history: tuple[ValueChange, ...]) -> list[ValueChange]:
    """The entries that change the value: a status confirmed again is not an event."""
    changed: list[ValueChange] = []
    for entry in history:
        if not changed or changed[-1].value != entry.value:
            changed.append(entry)
    return changed


def _kind_label(kind: str) -> str:
    return "Japanese name" if kind == "japanese" else kind.capitalize()
