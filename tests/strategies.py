"""Hypothesis strategies: random valid datasets where every string is a unique, dated token.

Each token looks like `tok0042x`, so a token never contains another one and a test can
tell exactly which item a string in the output came from.
"""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass, field

from hypothesis import strategies as st

from rouge_cli.model import (
    Character,
    Dataset,
    DatedValue,
    Episode,
    Fact,
    Faction,
    Identity,
    Membership,
    Name,
    Relation,
    Series,
)

STATUSES = ("alive", "dead", "unknown")


@dataclass
class Tokens:
    """Hands out unique tokens and remembers the episode each one is revealed in."""

    revealed: dict[str, int] = field(default_factory=dict)
    counter: itertools.count[int] = field(default_factory=itertools.count)

    def new(self, episode: int, prefix: str = "tok") -> str:
        token = f"{prefix}{next(self.counter):04d}x"
        self.revealed[token] = episode
        return token


@dataclass(frozen=True)
class Generated:
    dataset: Dataset
    revealed: dict[str, int]


@st.composite
def datasets(draw: st.DrawFn, max_episodes: int = 6, max_characters: int = 7) -> Generated:
    tokens = Tokens()
    count = draw(st.integers(1, max_episodes))

    def episode_from(start: int) -> int:
        return draw(st.integers(start, count))

    def later_than(episode: int) -> int | None:
        if episode >= count or not draw(st.booleans()):
            return None
        return draw(st.integers(episode + 1, count))

    episodes = tuple(
        Episode(n, tokens.new(n, "title"), datetime.date(2024, 1, n), False, "S") for n in range(1, count + 1)
    )
    factions = []
    for _ in range(draw(st.integers(0, 3))):
        start = episode_from(1)
        names = [Name(tokens.new(start, "fac"), "name", start, "S")]
        names += [
            Name(tokens.new(e, "fac"), "alias", e, "S") for e in draw(st.lists(st.integers(start, count), max_size=2))
        ]
        facts = [Fact(tokens.new(e), e, "S") for e in draw(st.lists(st.integers(start, count), max_size=2))]
        factions.append(Faction(tokens.new(start, "fid"), start, "S", tuple(names), tuple(facts)))

    characters: list[Character] = []
    for index in range(draw(st.integers(1, max_characters))):
        start = episode_from(1)
        names = tuple(
            Name(tokens.new(e, "nam"), draw(st.sampled_from(["name", "alias", "spelling"])), e, "S")
            for e in sorted(draw(st.lists(st.integers(start, count), max_size=3)))
        )
        species = tuple(
            DatedValue(tokens.new(e, "spc"), e, "S") for e in draw(st.lists(st.integers(start, count), max_size=2))
        )
        status = tuple(
            DatedValue(draw(st.sampled_from(STATUSES)), e, "S")
            for e in draw(st.lists(st.integers(start, count), max_size=2))
        )
        memberships = []
        for faction in draw(st.lists(st.sampled_from(factions), max_size=2)) if factions else []:
            joined = episode_from(max(start, faction.revealed_in))
            memberships.append(Membership(faction.id, joined, "S", later_than(joined), later_than(joined)))
        relations = []
        for other in draw(st.lists(st.sampled_from(characters), max_size=2)) if characters else []:
            shown = episode_from(max(start, other.revealed_in))
            relations.append(Relation(other.id, tokens.new(shown, "rel"), shown, "S", later_than(shown)))
        facts = tuple(
            Fact(tokens.new(e), e, "S", later_than(e)) for e in draw(st.lists(st.integers(start, count), max_size=3))
        )
        same_as = None
        targets = [c for c in characters if c.same_as is None]
        if targets and draw(st.booleans()):
            target = draw(st.sampled_from(targets))
            same_as = Identity(target.id, episode_from(max(start, target.revealed_in)), "S")
        characters.append(
            Character(
                id=tokens.new(start, "cid"),
                revealed_in=start,
                source="S",
                descriptor=tokens.new(start, "dsc"),
                names=names,
                species=species,
                status=status,
                factions=tuple(memberships),
                relations=tuple(relations),
                facts=facts,
                same_as=same_as,
            )
        )
        del index
    dataset = Dataset(Series("Random", "Test", 2024), (("S", "test"),), episodes, tuple(factions), tuple(characters))
    return Generated(dataset, tokens.revealed)
