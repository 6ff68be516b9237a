"""What a viewer at one episode may see: the gate's output, the only input of every command.

Every item carries the episode it was revealed in (never later than the view's episode) and
`at`, its time inside that episode in seconds (None: by the episode's end). An overturned
belief carries `overturned_in` only once the overturning moment is reached. `View.at` is the
viewer's time inside `View.episode`, or None when the whole episode has been watched.

The view's records are named tuples (immutable, like the model's records), built without
importing `typing` at run time (see common/records.py).
"""

from __future__ import annotations

from rouge_cli.common.position import format_time

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import NamedTuple as Record

    from rouge_cli.dataset.model import NameKind, Status
else:
    from rouge_cli.common.records import Record


def other_names(names: Iterable[NameView], name_in_use: str) -> tuple[str, ...]:
    """Every visible name and alias but the one in use (spellings and Japanese names apart)."""
    return tuple(n.text for n in names if n.text != name_in_use and n.kind in ("name", "alias"))


def japanese(names: Iterable[NameView]) -> tuple[str, ...]:
    """The names as spoken in the Japanese audio."""
    return tuple(n.text for n in names if n.kind == "japanese")


class NameView(Record):
    text: str
    kind: NameKind
    episode: int
    source: str
    at: int | None = None
    secret: bool = False


class FactView(Record):
    text: str
    episode: int
    source: str
    overturned_in: int | None = None
    at: int | None = None


class MembershipView(Record):
    faction_id: str
    faction_name: str
    episode: int
    source: str
    ended_in: int | None = None
    at: int | None = None


class RelationView(Record):
    target_id: str
    target_name: str
    label: str
    episode: int
    source: str
    overturned_in: int | None = None
    at: int | None = None
    ended_in: int | None = None


class ValueChange(Record):
    """A species or status as it became known in `episode`."""

    value: str
    episode: int
    source: str
    at: int | None = None


class IdentityView(Record):
    """A persona revealed, in `episode`, to be this character."""

    persona_id: str
    persona_name: str
    episode: int
    source: str
    at: int | None = None


class CharacterView(Record):
    id: str
    name: str
    named: bool
    descriptor: str | None
    names: tuple[NameView, ...]
    species: str | None
    status: Status
    species_history: tuple[ValueChange, ...]
    status_history: tuple[ValueChange, ...]
    factions: tuple[MembershipView, ...]
    relations: tuple[RelationView, ...]
    facts: tuple[FactView, ...]
    identities: tuple[IdentityView, ...]
    first_seen: int
    source: str
    first_at: int | None = None
    appearances: tuple[tuple[int, int | None], ...] = ()
    """(episode, first time in it) of each episode the character is seen in, so far."""

    @property
    def aliases(self) -> tuple[str, ...]:
        """Every other visible name and alias (spellings and Japanese names apart)."""
        return other_names(self.names, self.name)

    @property
    def spellings(self) -> tuple[str, ...]:
        """Other romanisations of a visible name: matched by lookups, shown only on request."""
        return tuple(n.text for n in self.names if n.kind == "spelling")

    @property
    def japanese_names(self) -> tuple[str, ...]:
        """The names as spoken in the Japanese audio."""
        return japanese(self.names)

    @property
    def current_facts(self) -> tuple[FactView, ...]:
        return tuple([f for f in self.facts if f.overturned_in is None])

    @property
    def current_relations(self) -> tuple[RelationView, ...]:
        return tuple([r for r in self.relations if r.overturned_in is None])


class FactionView(Record):
    id: str
    name: str
    names: tuple[NameView, ...]
    first_seen: int
    facts: tuple[FactView, ...]
    members: tuple[str, ...]
    former_members: tuple[str, ...]
    first_at: int | None = None
    size: int | None = None

    @property
    def aliases(self) -> tuple[str, ...]:
        return other_names(self.names, self.name)

    @property
    def japanese_names(self) -> tuple[str, ...]:
        return japanese(self.names)


class EpisodeView(Record):
    number: int
    title: str
    air_date: str
    """YYYY-MM-DD."""
    air_date_inferred: bool
    runtime: int | None = None
    synopsis: str | None = None
    """None until the whole episode has been watched."""


class TermView(Record):
    id: str
    name: str
    names: tuple[NameView, ...]
    first_seen: int
    facts: tuple[FactView, ...]
    first_at: int | None = None

    @property
    def aliases(self) -> tuple[str, ...]:
        return other_names(self.names, self.name)

    @property
    def japanese_names(self) -> tuple[str, ...]:
        return japanese(self.names)


class View(Record):
    episode: int
    episode_count: int
    series_title: str
    episodes: tuple[EpisodeView, ...]
    characters: tuple[CharacterView, ...]
    factions: tuple[FactionView, ...]
    at: int | None = None
    sources: tuple[tuple[str, str], ...] = ()
    """(key, address) of every source a viewer here may follow: none covering a later moment."""
    terms: tuple[TermView, ...] = ()

    @property
    def where(self) -> str:
        """The viewer's position in words: "up to episode 4" or "at episode 4, 12:30"."""
        if self.at is None:
            return f"up to episode {self.episode}"
        return f"at episode {self.episode}, {format_time(self.at)}"

    def address(self, key: str) -> str | None:
        """The address of source `key`, or None when it is unknown or covers what is not seen yet."""
        return next((url for k, url in self.sources if k == key), None)

    def so_far(self, episode: int) -> bool:
        """True for an item of the episode the viewer has paused (met earlier in it, not before)."""
        return self.at is not None and episode == self.episode

    def character(self, character_id: str) -> CharacterView | None:
        return next((c for c in self.characters if c.id == character_id), None)

    def faction(self, faction_id: str) -> FactionView | None:
        return next((f for f in self.factions if f.id == faction_id), None)
