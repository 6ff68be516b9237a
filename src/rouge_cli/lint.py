"""The spoiler lint: no text may name anything the viewer has not been shown yet.

Two rules. A text revealed in episode k must not contain a name or alias first revealed
after k. Before an identity reveal, no text may tie a persona to the character behind it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from .errors import Problem
from .model import Character, Dataset, Faction
from .schema import Parsed
from .text import contains_phrase, words


@dataclass(frozen=True)
class _Text:
    """A piece of data text, when it becomes visible, who owns it and where it is."""

    words: tuple[str, ...]
    episode: int
    owner: str | None
    path: str


class _PhraseIndex:
    """Names grouped by first word, so a text is checked against few candidates."""

    def __init__(self) -> None:
        self._by_first: dict[str, set[tuple[str, ...]]] = defaultdict(set)

    def add(self, phrase: tuple[str, ...]) -> None:
        if phrase:
            self._by_first[phrase[0]].add(phrase)

    def found_in(self, text: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        for start, word in enumerate(text):
            for phrase in self._by_first.get(word, ()):
                if text[start : start + len(phrase)] == phrase:
                    yield phrase


def lint_dataset(parsed: Parsed) -> Iterator[Problem]:
    """Every spoiler-lint problem in the dataset."""
    texts = list(_texts(parsed))
    yield from _late_names(parsed.dataset, texts)
    yield from _identity_leaks(parsed, texts)


def _texts(parsed: Parsed) -> Iterator[_Text]:
    data = parsed.dataset
    for episode in data.episodes:
        yield _Text(words(episode.title), episode.number, None, f"{parsed.path_of(episode)}.title")
    for faction in data.factions:
        path = parsed.path_of(faction)
        yield _Text(words(faction.id), faction.revealed_in, None, f"{path}.id")
        for name in faction.names:
            yield _Text(words(name.text), name.revealed_in, None, f"{parsed.path_of(name)}.text")
        for fact in faction.facts:
            yield _Text(words(fact.text), fact.revealed_in, None, f"{parsed.path_of(fact)}.text")
    for c in data.characters:
        path = parsed.path_of(c)
        yield _Text(words(c.id), c.revealed_in, c.id, f"{path}.id")
        if c.descriptor is not None:
            yield _Text(words(c.descriptor), c.revealed_in, c.id, f"{path}.descriptor")
        for name in c.names:
            yield _Text(words(name.text), name.revealed_in, c.id, f"{parsed.path_of(name)}.text")
        for fact in c.facts:
            yield _Text(words(fact.text), fact.revealed_in, c.id, f"{parsed.path_of(fact)}.text")
        for relation in c.relations:
            yield _Text(words(relation.label), relation.revealed_in, c.id, f"{parsed.path_of(relation)}.label")


def _first_reveals(data: Dataset) -> dict[tuple[str, ...], tuple[int, str]]:
    """Each name's words -> (earliest episode it is revealed, its text)."""
    earliest: dict[tuple[str, ...], tuple[int, str]] = {}
    owners: list[Faction | Character] = [*data.factions, *data.characters]
    for owner in owners:
        for name in owner.names:
            key = words(name.text)
            if key and (key not in earliest or name.revealed_in < earliest[key][0]):
                earliest[key] = (name.revealed_in, name.text)
    return earliest


def _late_names(data: Dataset, texts: list[_Text]) -> Iterator[Problem]:
    earliest = _first_reveals(data)
    index = _PhraseIndex()
    for phrase in earliest:
        index.add(phrase)
    for text in texts:
        for phrase in sorted(set(index.found_in(text.words))):
            episode, name = earliest[phrase]
            if episode > text.episode:
                yield Problem(
                    text.path,
                    f"spoiler: a text shown in episode {text.episode} names '{name}', "
                    f"first revealed in episode {episode}",
                )


def _identity_leaks(parsed: Parsed, texts: list[_Text]) -> Iterator[Problem]:
    characters = {c.id: c for c in parsed.dataset.characters}
    for persona in parsed.dataset.characters:
        if persona.same_as is None or persona.same_as.target_id not in characters:
            continue
        target = characters[persona.same_as.target_id]
        reveal = persona.same_as.revealed_in
        persona_names = _name_phrases(persona)
        target_names = _name_phrases(target)
        for text in texts:
            if text.episode >= reveal:
                continue
            says_persona = any(contains_phrase(text.words, n) for n in persona_names)
            says_target = any(contains_phrase(text.words, n) for n in target_names)
            if (
                (says_target and text.owner == persona.id)
                or (says_persona and text.owner == target.id)
                or (says_persona and says_target)
            ):
                yield Problem(
                    text.path, f"spoiler: ties '{persona.id}' to '{target.id}' before the reveal in episode {reveal}"
                )
        for relation in persona.relations + target.relations:
            if relation.to in (persona.id, target.id) and relation.revealed_in < reveal:
                yield Problem(
                    parsed.path_of(relation),
                    f"spoiler: relates '{persona.id}' and '{target.id}' before the reveal in episode {reveal}",
                )


def _name_phrases(character: Character) -> list[tuple[str, ...]]:
    return [phrase for phrase in (words(n.text) for n in character.names) if phrase]
