"""The spoiler lint: no text may name anything the viewer has not been shown yet.

Two rules. A text revealed at a moment (episode k, time t) must not contain a name or alias
first revealed later, in a later episode or later in episode k. Before an identity reveal, no
text may tie a persona to the character behind it. Both are checked in one pass over every
text, looking names up by their first word.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from rouge_cli.common.errors import Problem
from rouge_cli.common.position import END, SCALE, format_time, moment
from rouge_cli.common.text import words
from rouge_cli.dataset.model import Character, Dataset, Faction
from rouge_cli.dataset.schema import Parsed

# A text to check: its string, the moment it is shown (see `position.moment`), the character
# it belongs to (None for episode titles and factions), the item holding it and the field's name.
Text = tuple[str, int, str | None, object, str]


def _texts(data: Dataset) -> Iterator[Text]:
    for episode in data.episodes:
        # A title is read before the episode is watched: it may name only what came before.
        yield episode.title, moment(episode.number, 0), None, episode, "title"
    for faction in data.factions:
        yield faction.id.replace("-", " "), moment(faction.revealed_in, faction.at), None, faction, "id"
        for name in faction.names:
            yield name.text, moment(name.revealed_in, name.at), None, name, "text"
        for fact in faction.facts:
            yield fact.text, moment(fact.revealed_in, fact.at), None, fact, "text"
    for episode in data.episodes:
        if episode.synopsis is not None:  # shown once the whole episode is watched
            yield episode.synopsis, moment(episode.number, None), None, episode, "synopsis"
    for term in data.terms:
        yield term.id.replace("-", " "), moment(term.revealed_in, term.at), None, term, "id"
        for name in term.names:
            yield name.text, moment(name.revealed_in, name.at), None, name, "text"
        for fact in term.facts:
            yield fact.text, moment(fact.revealed_in, fact.at), None, fact, "text"
    for c in data.characters:
        first = moment(c.revealed_in, c.at)
        yield c.id.replace("-", " "), first, c.id, c, "id"
        if c.descriptor is not None:
            yield c.descriptor, first, c.id, c, "descriptor"
        for name in c.names:
            yield name.text, moment(name.revealed_in, name.at), c.id, name, "text"
        for fact in c.facts:
            yield fact.text, moment(fact.revealed_in, fact.at), c.id, fact, "text"
        for relation in c.relations:
            yield relation.label, moment(relation.revealed_in, relation.at), c.id, relation, "label"


def _when(at_moment: int) -> str:
    episode, seconds = divmod(at_moment, SCALE)
    return f"episode {episode}" + ("" if seconds == END else f" at {format_time(seconds)}")


class _Names:
    """Every name's words, with its earliest reveal and its owners.

    Looked up by first word and length, so that a text is scanned in time linear in its
    length whatever the number of names sharing a first word ("Smith 1" .. "Smith 8000").
    """

    def __init__(self, data: Dataset) -> None:
        self.earliest: dict[tuple[str, ...], tuple[int, str]] = {}
        self.owners: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.lengths: dict[str, set[int]] = defaultdict(set)
        # The words of the show's world (Mars, Nectar) are not reveals: only names of people and groups count.
        owners: list[Faction | Character] = [*data.factions, *data.characters]
        for owner in owners:
            for name in owner.names:
                phrase = words(name.text)
                if not phrase:
                    continue
                first = moment(name.revealed_in, name.at)
                if phrase not in self.earliest or first < self.earliest[phrase][0]:
                    self.earliest[phrase] = (first, name.text)
                if isinstance(owner, Character):
                    self.owners[phrase].add(owner.id)
                self.lengths[phrase[0]].add(len(phrase))

    def found_in(self, text: tuple[str, ...]) -> set[tuple[str, ...]]:
        found = set()
        for start, word in enumerate(text):
            for length in self.lengths.get(word, ()):
                phrase = text[start : start + length]
                if len(phrase) == length and phrase in self.earliest:
                    found.add(phrase)
        return found


_WORD = re.compile(r"[^\W_]+")


# One-word names that are also everyday words ("First", what the Visitors call Naomi): in a text
# they count as the name only where written capitalised, so "the first Neans" names no one.
EVERYDAY = frozenset({"first"})


def _as_names(phrases: set[tuple[str, ...]], text: str) -> set[tuple[str, ...]]:
    """The phrases that name someone (see EVERYDAY)."""
    if not any(len(p) == 1 and p[0] in EVERYDAY for p in phrases):
        return phrases
    proper = _proper_words(text)
    return {p for p in phrases if len(p) > 1 or p[0] not in EVERYDAY or p[0] in proper}


def _proper_words(text: str) -> frozenset[str]:
    """The folded words of `text` written capitalised, or in a script without case (Japanese)."""
    raw, folded = _WORD.findall(text), words(text)
    if len(raw) != len(folded):  # tokens did not line up: count every word as a name's (stricter)
        return frozenset(folded)
    return frozenset(f for r, f in zip(raw, folded, strict=True) if not r[:1].islower())


def lint_dataset(parsed: Parsed) -> Iterator[Problem]:
    """Every spoiler-lint problem in the dataset."""
    data = parsed.dataset
    names = _Names(data)
    reveals: dict[str, list[tuple[str, str, int]]] = defaultdict(list)  # by persona and by target id
    for c in data.characters:
        if c.same_as is not None:
            entry = (c.id, c.same_as.target_id, moment(c.same_as.revealed_in, c.same_as.at))
            reveals[c.id].append(entry)
            reveals[c.same_as.target_id].append(entry)
    cache: dict[str, tuple[str, ...]] = {}
    for text, shown, owner, item, field in _texts(data):
        phrases = names.found_in(cache.get(text) or cache.setdefault(text, words(text)))
        if phrases:
            phrases = _as_names(phrases, text)
        if not phrases:
            continue
        where = f"{parsed.path_of(item)}.{field}"
        for phrase in sorted(phrases) if len(phrases) > 1 else phrases:
            first, name = names.earliest[phrase]
            if first > shown:
                yield Problem(
                    where, f"spoiler: a text shown in {_when(shown)} names '{name}', first revealed in {_when(first)}"
                )
        mentioned = set().union(*(names.owners[p] for p in phrases))
        involved = {r for who in mentioned for r in reveals.get(who, ())} if reveals else set()
        for persona, target, reveal in sorted(involved):
            if shown >= reveal:
                continue
            says_persona, says_target = persona in mentioned, target in mentioned
            if (
                (says_target and owner == persona)
                or (says_persona and owner == target)
                or (says_persona and says_target)
            ):
                yield Problem(where, f"spoiler: ties '{persona}' to '{target}' before the reveal in {_when(reveal)}")
    yield from _related_before_reveal(parsed)


def _related_before_reveal(parsed: Parsed) -> Iterator[Problem]:
    characters = {c.id: c for c in parsed.dataset.characters}
    for persona in parsed.dataset.characters:
        if persona.same_as is None or persona.same_as.target_id not in characters:
            continue
        target = characters[persona.same_as.target_id]
        reveal = moment(persona.same_as.revealed_in, persona.same_as.at)
        for relation in persona.relations + target.relations:
            if relation.to in (persona.id, target.id) and moment(relation.revealed_in, relation.at) < reveal:
                yield Problem(
                    parsed.path_of(relation),
                    f"spoiler: relates '{persona.id}' and '{target.id}' before the reveal in {_when(reveal)}",
                )
