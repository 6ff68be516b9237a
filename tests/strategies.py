"""Hypothesis strategies: random valid datasets where every string is a unique, dated token.

Each token looks like `tok0042x`, so a token never contains another one and a test can
tell exactly which item a string in the output came from. Items are timed inside their
episode (`at`) or not (shown by the episode's end); `Generated.revealed` maps each token to
its moment (`position.moment`), and `positions` draws where a viewer may be.
"""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass, field

from hypothesis import strategies as st

from rouge_cli.common.position import Position, moment
from rouge_cli.dataset.model import (
    Appearance,
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
    Source,
    Term,
)

STATUSES = ("alive", "dead", "unknown")
RUNTIME = 1200
"""Every generated episode runs 20:00."""


@dataclass
class Tokens:
    """Hands out unique tokens and remembers the episode each one is revealed in."""

    revealed: dict[str, int] = field(default_factory=dict)
    counter: itertools.count[int] = field(default_factory=itertools.count)

    def new(self, when: tuple[int, int | None], prefix: str = "tok") -> str:
        token = f"{prefix}{next(self.counter):04d}x"
        self.revealed[token] = moment(*when)
        return token


@dataclass(frozen=True)
class Generated:
    dataset: Dataset
    revealed: dict[str, int]


def positions(count: int) -> st.SearchStrategy[Position]:
    """A viewer's position in a series of `count` episodes: whole episodes, pauses and the very ends."""
    times = st.one_of(st.none(), st.integers(0, RUNTIME), st.sampled_from([0, RUNTIME - 1, RUNTIME]))
    return st.builds(Position, st.integers(1, count), times)


@st.composite
def datasets(draw: st.DrawFn, max_episodes: int = 6, max_characters: int = 7) -> Generated:
    tokens = Tokens()
    count = draw(st.integers(1, max_episodes))
    When = tuple[int, int | None]

    def when_from(start: When) -> When:
        """A moment at or after `start`: an episode, and a time in it or None (the episode's end)."""
        episode = draw(st.integers(start[0], count))
        if episode == start[0] and start[1] is None:
            return episode, None
        earliest = start[1] if episode == start[0] and start[1] is not None else 0
        return episode, draw(st.one_of(st.none(), st.integers(earliest, RUNTIME)))

    def later_than(start: When) -> When | None:
        if not draw(st.booleans()):
            return None
        end = when_from(start)
        return None if moment(*end) <= moment(*start) else end

    def many(start: When, most: int) -> list[When]:
        return sorted((when_from(start) for _ in range(draw(st.integers(0, most)))), key=lambda w: moment(*w))

    first: When = (1, 0)
    episodes = tuple(
        Episode(
            n,
            tokens.new((n, 0), "title"),
            datetime.date(2024, 1, n).isoformat(),
            False,
            "S",
            RUNTIME,
            tokens.new((n, None), "syn") if draw(st.booleans()) else None,
        )
        for n in range(1, count + 1)
    )
    factions = []
    for _ in range(draw(st.integers(0, 3))):
        start = when_from(first)
        names = [Name(tokens.new(start, "fac"), "name", start[0], "S", start[1])]
        names += [Name(tokens.new(w, "fac"), "alias", w[0], "S", w[1]) for w in many(start, 2)]
        facts = [Fact(tokens.new(w), w[0], "S", at=w[1]) for w in many(start, 2)]
        factions.append(Faction(tokens.new(start, "fid"), start[0], "S", tuple(names), tuple(facts), start[1]))

    characters: list[Character] = []
    for _ in range(draw(st.integers(1, max_characters))):
        start = when_from(first)
        names = tuple(
            Name(
                tokens.new(w, "nam"), draw(st.sampled_from(["name", "alias", "spelling", "japanese"])), w[0], "S", w[1]
            )
            for w in many(start, 3)
        )
        species = tuple(DatedValue(tokens.new(w, "spc"), w[0], "S", w[1]) for w in many(start, 2))
        status = tuple(DatedValue(draw(st.sampled_from(STATUSES)), w[0], "S", w[1]) for w in many(start, 2))
        memberships = []
        for faction in draw(st.lists(st.sampled_from(factions), max_size=2)) if factions else []:
            joined = when_from(max(start, (faction.revealed_in, faction.at), key=lambda w: moment(*w)))
            ended, superseded = later_than(joined), later_than(joined)
            memberships.append(
                Membership(
                    faction.id,
                    joined[0],
                    "S",
                    ended and ended[0],
                    superseded and superseded[0],
                    joined[1],
                    ended and ended[1],
                    superseded and superseded[1],
                )
            )
        relations = []
        for other in draw(st.lists(st.sampled_from(characters), max_size=2)) if characters else []:
            shown = when_from(max(start, (other.revealed_in, other.at), key=lambda w: moment(*w)))
            overturned, ended = later_than(shown), later_than(shown)
            relations.append(
                Relation(
                    other.id,
                    tokens.new(shown, "rel"),
                    shown[0],
                    "S",
                    overturned and overturned[0],
                    shown[1],
                    overturned and overturned[1],
                    ended and ended[0],
                    ended and ended[1],
                )
            )
        facts = []
        for w in many(start, 3):
            overturned = later_than(w)
            facts.append(
                Fact(tokens.new(w), w[0], "S", overturned and overturned[0], w[1], overturned and overturned[1])
            )
        same_as = None
        targets = [c for c in characters if c.same_as is None]
        if targets and draw(st.booleans()):
            target = draw(st.sampled_from(targets))
            merged = when_from(max(start, (target.revealed_in, target.at), key=lambda w: moment(*w)))
            same_as = Identity(target.id, merged[0], "S", merged[1])
        seen = tuple(Appearance(w[0], "S", w[1]) for w in many(start, 2))
        characters.append(
            Character(
                appears_in=seen,
                id=tokens.new(start, "cid"),
                revealed_in=start[0],
                source="S",
                descriptor=tokens.new(start, "dsc"),
                names=names,
                species=species,
                status=status,
                factions=tuple(memberships),
                relations=tuple(relations),
                facts=tuple(facts),
                same_as=same_as,
                at=start[1],
            )
        )
    terms = []
    for _ in range(draw(st.integers(0, 2))):
        start = when_from(first)
        names = (Name(tokens.new(start, "trm"), "name", start[0], "S", start[1]),)
        facts = tuple(Fact(tokens.new(w), w[0], "S", at=w[1]) for w in many(start, 2))
        terms.append(Term(tokens.new(start, "tid"), start[0], "S", names, facts, start[1]))
    sources = (Source("S", "test"),)
    dataset = Dataset(
        Series("Random", "Test", 2024), sources, episodes, tuple(factions), tuple(characters), tuple(terms)
    )
    return Generated(dataset, tokens.revealed)
