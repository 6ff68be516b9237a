"""Semantic checks over a parsed dataset: ids, references, dates and sources."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import compress, repeat
from operator import is_not, or_

from rouge_cli.common.errors import Problem
from rouge_cli.common.position import format_time, moment, parse_time
from rouge_cli.dataset.model import (
    Appearance,
    Character,
    Dataset,
    Dated,
    Faction,
    Membership,
    Relation,
    Term,
)
from rouge_cli.dataset.schema import Parsed

TYPE_CHECKING = False
if TYPE_CHECKING:  # `typing` is not imported at run time (see common/records.py)
    from typing import Any


def check_dataset(parsed: Parsed) -> Iterator[Problem]:
    """Every semantic problem of the dataset (duplicate ids, dangling references, bad dates)."""
    data = parsed.dataset
    yield from _duplicates(parsed, data.factions, "faction")
    yield from _duplicates(parsed, data.characters, "character")
    items = _items(data)
    yield from _sources(parsed, data, items)
    yield from _times(parsed, data, items)
    factions = {f.id: f for f in data.factions}
    characters = {c.id: c for c in data.characters}
    for faction in data.factions:
        dated: list[Dated] = [*faction.names, *faction.facts]
        for item in dated:
            yield from _not_before(parsed, item, faction, "the faction is introduced")
        yield from _superseded(parsed, faction.facts)
        first = _moment_of(faction)
        if not any(_moment_of(n) <= first and n.kind == "name" for n in faction.names):
            yield Problem(
                f"{parsed.path_of(faction)}.names",
                "a name of kind 'name' must be revealed when the faction first appears",
            )
    for character in data.characters:
        yield from _character(parsed, character, factions, characters)
    yield from _duplicates(parsed, data.terms, "term")
    for term in data.terms:
        term_items: list[Dated] = [*term.names, *term.facts]
        for item in term_items:
            yield from _not_before(parsed, item, term, "the term is first said")
        yield from _superseded(parsed, term.facts)
        if not any(_moment_of(n) <= _moment_of(term) and n.kind == "name" for n in term.names):
            yield Problem(f"{parsed.path_of(term)}.names", "a name of kind 'name' must be said when the term first is")


_TIMED = (("revealed_in", "at"), ("superseded_in", "superseded_at"), ("ended_in", "ended_at"))


def _with_times(items: list[object]) -> Iterator[Any]:
    """The items holding any time (`at`, `superseded_at` or `ended_at`), in order: few, sifted in C."""

    def holds(key: str) -> Iterator[bool]:
        return map(is_not, map(getattr, items, repeat(key), repeat(None)), repeat(None))

    return compress(items, map(or_, map(or_, holds("at"), holds("superseded_at")), holds("ended_at")))


def _items(data: Dataset) -> list[object]:
    """Every item of the dataset that cites a source, in order."""
    items: list[object] = [*data.episodes, *data.factions, *data.characters]
    for faction in data.factions:
        items += [*faction.names, *faction.facts]
    for c in data.characters:
        items += [*c.names, *c.species, *c.status, *c.factions, *c.relations, *c.facts, *c.appears_in]
        if c.same_as is not None:
            items.append(c.same_as)
    for term in data.terms:
        items += [term, *term.names, *term.facts]
    return items


def _times(parsed: Parsed, data: Dataset, everything: list[object]) -> Iterator[Problem]:
    """Every time inside an episode lies within that episode's runtime and has its episode."""
    runtimes = {e.number: e.runtime for e in data.episodes}
    for c in data.characters:
        for seen in c.appears_in:
            runtime = runtimes.get(seen.episode)
            if seen.at is not None and runtime is not None and seen.at > runtime:
                yield Problem(
                    f"{parsed.path_of(seen)}.at",
                    f"{format_time(seen.at)} is past the end of episode {seen.episode} ({format_time(runtime)})",
                )
            if moment(seen.episode, seen.at) < _moment_of(c):
                yield Problem(f"{parsed.path_of(seen)}.episode", "an appearance before the character first appears")
    if all(type(item) is Appearance for item in _with_times(everything)):
        return  # no time to check (those of appearances are checked above)
    items: list[object] = [*data.factions, *data.characters]
    for faction in data.factions:
        items += [*faction.names, *faction.facts]
    for c in data.characters:
        items += [*c.names, *c.species, *c.status, *c.factions, *c.relations, *c.facts]
        if c.same_as is not None:
            items.append(c.same_as)
    for term in data.terms:
        items += [term, *term.names, *term.facts]
    for item in _with_times(items):  # the others have nothing to check
        for episode_key, time_key in _TIMED:
            if time_key != "at" and not hasattr(item, time_key):
                break
            seconds: int | None = getattr(item, time_key)
            if seconds is None:
                continue
            episode: int | None = getattr(item, episode_key, None)
            if episode is None:
                yield Problem(f"{parsed.path_of(item)}.{time_key}", f"a time needs {episode_key}")
                continue
            runtime = runtimes.get(episode)
            if runtime is not None and seconds > runtime:
                yield Problem(
                    f"{parsed.path_of(item)}.{time_key}",
                    f"{format_time(seconds)} is past the end of episode {episode} ({format_time(runtime)})",
                )


def _duplicates(parsed: Parsed, items: Sequence[Character | Faction | Term], what: str) -> Iterator[Problem]:
    ids = [item.id for item in items]
    if len(set(ids)) == len(ids):
        return
    seen: set[str] = set()
    for key, item in zip(ids, items, strict=True):
        if key in seen:
            yield Problem(f"{parsed.path_of(item)}.id", f"duplicate {what} id '{key}'")
        seen.add(key)


def _sources(parsed: Parsed, data: Dataset, items: list[object]) -> Iterator[Problem]:
    known = {source.key for source in data.sources}
    # Each distinct source string is split once; most datasets cite a few dozen, all declared.
    unknown: dict[str, list[str]] = {}
    for source in set(map(getattr, items, repeat("source"), repeat(""))):
        unknown[source] = [m for m in (_source_problem(p, known) for p in source.split(",")) if m]
    if not any(unknown.values()):
        return
    for item in items:
        for message in unknown[getattr(item, "source", "")]:
            yield Problem(f"{parsed.path_of(item)}.source", message)


def _source_problem(part: str, known: set[str]) -> str | None:
    """What is wrong with one cited source (`KEY` or `KEY HH:MM:SS`), or None."""
    key, _, time = part.strip().partition(" ")
    if key not in known:
        return f"source key '{key}' is not declared in [sources]"
    hours, colon, rest = time.partition(":")
    if time and not (
        colon
        and hours.isascii()
        and hours.isdigit()
        and len(hours) == 2
        and len(rest) == 5
        and parse_time(rest) is not None
    ):
        return f"source '{part.strip()}': a cited time is written HH:MM:SS"
    return None


def _moment_of(item: object, episode_key: str = "revealed_in", time_key: str = "at") -> int:
    episode: int = getattr(item, episode_key)
    return moment(episode, getattr(item, time_key, None))


def _when(item: object, episode_key: str = "revealed_in", time_key: str = "at") -> str:
    seconds: int | None = getattr(item, time_key, None)
    episode: int = getattr(item, episode_key)
    return f"episode {episode}" + (f" at {format_time(seconds)}" if seconds is not None else "")


def _not_before(parsed: Parsed, item: Dated, start: Character | Faction | Term | Dated, what: str) -> Iterator[Problem]:
    if item.revealed_in > start.revealed_in:  # the common case, decided without times
        return
    if _moment_of(item) < _moment_of(start):
        yield Problem(f"{parsed.path_of(item)}.revealed_in", f"{_when(item)} is before {what} ({_when(start)})")


def _superseded(parsed: Parsed, items: Iterable[Dated]) -> Iterator[Problem]:
    for item in items:
        revealed_in: int = item.revealed_in
        for key, time_key in (("superseded_in", "superseded_at"), ("ended_in", "ended_at")):
            later: int | None = getattr(item, key, None)
            if later is not None and _moment_of(item, key, time_key) <= _moment_of(item):
                yield Problem(
                    f"{parsed.path_of(item)}.{key}", f"{key} ({later}) must be after revealed_in ({revealed_in})"
                )


def _character(
    parsed: Parsed, c: Character, factions: Mapping[str, Faction], characters: Mapping[str, Character]
) -> Iterator[Problem]:
    revealed_in = c.revealed_in
    groups: tuple[tuple[Dated, ...], ...] = (c.names, c.species, c.status, c.factions, c.relations, c.facts)
    for group in groups:
        for item in group:  # `_maybe_before`, inlined: every item of every character comes here
            if item.revealed_in < revealed_in or (item.revealed_in == revealed_in and item.at is not None):
                yield from _not_before(parsed, item, c, "the character first appears")
    if c.factions or c.relations:
        ending: list[Membership | Relation] = [*c.factions, *c.relations]
        for item in ending:
            if item.superseded_in is not None or item.ended_in is not None:
                yield from _superseded(parsed, (item,))
    for fact in c.facts:
        if fact.superseded_in is not None:
            yield from _superseded(parsed, (fact,))
    if c.descriptor is None:
        first = moment(c.revealed_in, c.at)
        for name in c.names:
            if name.kind == "name" and moment(name.revealed_in, name.at) <= first:
                break
        else:
            yield Problem(
                f"{parsed.path_of(c)}.descriptor",
                "required: no name of kind 'name' is revealed when the character first appears",
            )
    for membership in c.factions:
        faction = factions.get(membership.faction_id)
        if faction is None:
            yield Problem(f"{parsed.path_of(membership)}.id", f"unknown faction id '{membership.faction_id}'")
        elif _maybe_before(membership, faction):
            yield from _not_before(parsed, membership, faction, "the faction is introduced")
    for relation in c.relations:
        target = characters.get(relation.to)
        if target is None:
            yield Problem(f"{parsed.path_of(relation)}.to", f"unknown character id '{relation.to}'")
        elif target is c:
            yield Problem(f"{parsed.path_of(relation)}.to", "a character cannot be related to itself")
        elif _maybe_before(relation, target):
            yield from _not_before(parsed, relation, target, f"'{target.id}' first appears")
    if c.same_as is not None:
        yield from _identity(parsed, c, characters)


def _maybe_before(item: Dated, start: Character | Faction) -> bool:
    """False when `item` cannot come before `start`: a later episode, or the same one without a time."""
    return item.revealed_in < start.revealed_in or (item.revealed_in == start.revealed_in and item.at is not None)


def _identity(parsed: Parsed, c: Character, characters: Mapping[str, Character]) -> Iterator[Problem]:
    assert c.same_as is not None
    target = characters.get(c.same_as.target_id)
    if target is None:
        yield Problem(f"{parsed.path_of(c.same_as)}.id", f"unknown character id '{c.same_as.target_id}'")
    elif target is c:
        yield Problem(f"{parsed.path_of(c.same_as)}.id", "a persona cannot be the same as itself")
    elif target.same_as is not None:
        yield Problem(
            f"{parsed.path_of(c.same_as)}.id",
            f"'{target.id}' is itself a persona; point same_as at the character behind it",
        )
    else:
        yield from _not_before(parsed, c.same_as, c, "the persona first appears")
        yield from _not_before(parsed, c.same_as, target, f"'{target.id}' first appears")
