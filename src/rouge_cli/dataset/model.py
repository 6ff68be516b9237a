"""The dataset as loaded: immutable records with tuple fields, dated by `revealed_in`.

`at` (seconds into the `revealed_in` episode, or None for "by the episode's end") places an
item inside its episode; `superseded_at` and `ended_at` do the same for those episodes.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # `typing` is not imported at run time (see common/records.py)
    from typing import Literal
    from typing import NamedTuple as Record

    NameKind = Literal["name", "alias", "spelling", "japanese"]
    Status = Literal["alive", "dead", "unknown"]
else:
    from rouge_cli.common.records import Record

    NameKind = Status = str
NAME_KINDS: tuple[NameKind, ...] = ("name", "alias", "spelling", "japanese")
STATUSES: tuple[Status, ...] = ("alive", "dead", "unknown")


class Name(Record):
    text: str
    kind: NameKind
    revealed_in: int
    source: str
    at: int | None = None
    secret: bool = False
    """An alias that was a secret identity (a Gladiator name): its reveal is an identity reveal."""


class DatedValue(Record):
    """A species or status entry: the latest visible one is in force."""

    value: str
    revealed_in: int
    source: str
    at: int | None = None


class Fact(Record):
    text: str
    revealed_in: int
    source: str
    superseded_in: int | None = None
    at: int | None = None
    superseded_at: int | None = None


class Membership(Record):
    faction_id: str
    revealed_in: int
    source: str
    ended_in: int | None = None
    superseded_in: int | None = None
    at: int | None = None
    ended_at: int | None = None
    superseded_at: int | None = None


class Relation(Record):
    to: str
    label: str
    revealed_in: int
    source: str
    superseded_in: int | None = None
    at: int | None = None
    superseded_at: int | None = None
    ended_in: int | None = None
    ended_at: int | None = None


class Identity(Record):
    """`same_as`: from `revealed_in` on, this persona is the character `target_id`."""

    target_id: str
    revealed_in: int
    source: str
    at: int | None = None


Dated = Name | DatedValue | Fact | Membership | Relation | Identity
"""Any dated item: it has `revealed_in` and `source`."""


class Appearance(Record):
    """The character is on screen (or heard) in `episode`, first at `at`."""

    episode: int
    source: str
    at: int | None = None


class Term(Record):
    """A word of the show's world (Nectar, the Asimov Code, Venus), dated like everything else."""

    id: str
    revealed_in: int
    source: str
    names: tuple[Name, ...]
    facts: tuple[Fact, ...]
    at: int | None = None


class Character(Record):
    id: str
    revealed_in: int
    source: str
    descriptor: str | None
    names: tuple[Name, ...]
    species: tuple[DatedValue, ...]
    status: tuple[DatedValue, ...]
    factions: tuple[Membership, ...]
    relations: tuple[Relation, ...]
    facts: tuple[Fact, ...]
    same_as: Identity | None = None
    at: int | None = None
    appears_in: tuple[Appearance, ...] = ()


class Faction(Record):
    id: str
    revealed_in: int
    source: str
    names: tuple[Name, ...]
    facts: tuple[Fact, ...]
    at: int | None = None
    size: int | None = None
    """How many members the group has, when its name says so (the Immortal Nine: 9)."""


class Episode(Record):
    number: int
    title: str
    air_date: str
    """YYYY-MM-DD (ISO 8601), as the file gives it: no `datetime` import to read or print it."""
    air_date_inferred: bool
    source: str
    runtime: int | None = None
    """Seconds (web release); every `at` in the episode is at most this."""
    synopsis: str | None = None
    """What happens in the episode, shown once the whole episode is watched."""


class Source(Record):
    """A cited source: its key, an address a reader can follow, and the last episode it covers.

    `covers` None means unknown: the source is treated as covering the whole series, so its
    address is shown only to a viewer who has seen every episode.
    """

    key: str
    url: str
    covers: int | None = None


class Series(Record):
    title: str
    studio: str
    year: int


class Dataset(Record):
    series: Series
    sources: tuple[Source, ...]
    episodes: tuple[Episode, ...]
    factions: tuple[Faction, ...]
    characters: tuple[Character, ...]
    terms: tuple[Term, ...] = ()

    @property
    def episode_count(self) -> int:
        return len(self.episodes)
