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
    """The texts of episodes, factions and terms, in order (the characters' follow, in `lint_dataset`)."""
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


def _when(at_moment: int) -> str:
    episode, seconds = divmod(at_moment, SCALE)
    return f"episode {episode}" + ("" if seconds == END else f" at {format_time(seconds)}")


Reveals = dict[str, list[tuple[str, str, int]]]
"""Each identity reveal (persona, target, moment), under the persona's id and the target's."""


class _Names:
    """Every name's words, looked up by first word and length.

    The danger of a word that starts a name is the latest moment a text holding it could break
    a rule at: the name's reveal, or an identity reveal of someone bearing it. A text shown at
    or after the danger of each of its words names nothing it may not, so most texts are
    decided by one set intersection (or, shown after every reveal, by none); the others are
    scanned phrase by phrase, in time linear in their length whatever the number of names
    sharing a first word ("Smith 1" .. "Smith 8000").
    """

    def __init__(self, data: Dataset, reveals: Reveals, phrases: dict[str, tuple[str, ...]]) -> None:
        self.reveals = reveals
        self.phrases = phrases
        """Each name's words, worked out once (the cache's word index reads them too: `Parsed.name_words`)."""
        self.earliest: dict[tuple[str, ...], tuple[int, str]] = {}
        self.owners: dict[tuple[str, ...], set[str]] = {}
        self.lengths: dict[str, set[int]] = {}
        self._danger: dict[str, int] | None = None
        # The words of the show's world (Mars, Nectar) are not reveals: only names of people and groups count.
        self._owners: list[Faction | Character] = [*data.factions, *data.characters]
        self.latest = max((reveal for entries in reveals.values() for _, _, reveal in entries), default=-1)
        """No text shown at or after this moment can name anything it may not (at least every danger)."""
        for owner in self._owners:
            for name in owner.names:
                shown = moment(name.revealed_in, name.at)
                if shown > self.latest:
                    self.latest = shown

    def level(self, text: tuple[str, ...]) -> int:
        """The latest danger of a word of `text` (-1 when none starts a name)."""
        danger = self._danger
        if danger is None:
            danger = self._danger = {}
            for owner in self._owners:
                revealed = -1
                if isinstance(owner, Character) and owner.id in self.reveals:
                    revealed = max(reveal for _, _, reveal in self.reveals[owner.id])
                for name in owner.names:
                    phrase = self._words(name.text)
                    if phrase:
                        until = max(moment(name.revealed_in, name.at), revealed)
                        if danger.get(phrase[0], -1) < until:
                            danger[phrase[0]] = until
        hits = danger.keys() & text
        return max([danger[word] for word in hits]) if hits else -1

    def _words(self, text: str) -> tuple[str, ...]:
        found = self.phrases.get(text)
        if found is None:
            found = self.phrases[text] = words(text)
        return found

    def _index(self) -> None:
        """Each phrase's earliest reveal, its owners involved in an identity reveal, lengths by first word."""
        for owner in self._owners:
            for name in owner.names:
                phrase = self._words(name.text)
                if not phrase:
                    continue
                first = moment(name.revealed_in, name.at)
                if phrase not in self.earliest or first < self.earliest[phrase][0]:
                    self.earliest[phrase] = (first, name.text)
                if isinstance(owner, Character) and owner.id in self.reveals:
                    self.owners.setdefault(phrase, set()).add(owner.id)
                self.lengths.setdefault(phrase[0], set()).add(len(phrase))

    def found_in(self, text: tuple[str, ...]) -> set[tuple[str, ...]]:
        if not self.earliest:
            self._index()
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
    reveals: Reveals = defaultdict(list)
    for c in data.characters:
        if c.same_as is not None:
            entry = (c.id, c.same_as.target_id, moment(c.same_as.revealed_in, c.same_as.at))
            reveals[c.id].append(entry)
            reveals[c.same_as.target_id].append(entry)
    names = _Names(data, dict(reveals), parsed.name_words)
    latest = names.latest
    levels: dict[str, int] = {}  # each text's danger level (see `_Names`), worked out once

    def risky(text: str, shown: int) -> bool:
        """True when `text` could name something not yet shown at `shown`: only those are scanned."""
        if shown >= latest:
            return False
        level = levels.get(text)
        if level is None:
            level = levels[text] = names.level(words(text))
        return level > shown

    for text, shown, owner, item, field in _texts(data):
        if risky(text, shown):
            yield from _text_problems(parsed, names, text, shown, owner, item, field)
    for c in data.characters:  # a text shown at or after `latest` cannot spoil: `risky` is not called for it
        first = moment(c.revealed_in, c.at)
        if first < latest:
            spaced = c.id.replace("-", " ")
            if risky(spaced, first):
                yield from _text_problems(parsed, names, spaced, first, c.id, c, "id")
            if c.descriptor is not None and risky(c.descriptor, first):
                yield from _text_problems(parsed, names, c.descriptor, first, c.id, c, "descriptor")
        for name in c.names:
            shown = moment(name.revealed_in, name.at)
            if shown < latest and risky(name.text, shown):
                yield from _text_problems(parsed, names, name.text, shown, c.id, name, "text")
        for fact in c.facts:  # the bulk of a large dataset: `risky`, inlined
            shown = moment(fact.revealed_in, fact.at)
            if shown < latest:
                level = levels.get(fact.text)
                if level is None:
                    level = levels[fact.text] = names.level(words(fact.text))
                if level > shown:
                    yield from _text_problems(parsed, names, fact.text, shown, c.id, fact, "text")
        for relation in c.relations:
            shown = moment(relation.revealed_in, relation.at)
            if shown < latest and risky(relation.label, shown):
                yield from _text_problems(parsed, names, relation.label, shown, c.id, relation, "label")
    yield from _related_before_reveal(parsed)


def _text_problems(
    parsed: Parsed, names: _Names, text: str, shown: int, owner: str | None, item: object, field: str
) -> Iterator[Problem]:
    """The problems of one text shown at `shown`: names not yet revealed, identities tied too early."""
    phrases = names.found_in(words(text))
    if phrases:
        phrases = _as_names(phrases, text)
    if not phrases:
        return
    for phrase in sorted(phrases) if len(phrases) > 1 else phrases:
        first, name = names.earliest[phrase]
        if first > shown:
            yield Problem(
                f"{parsed.path_of(item)}.{field}",
                f"spoiler: a text shown in {_when(shown)} names '{name}', first revealed in {_when(first)}",
            )
    mentioned: set[str] = set().union(*(names.owners.get(p, ()) for p in phrases))
    involved = {r for who in mentioned for r in names.reveals.get(who, ())}
    for persona, target, reveal in sorted(involved):
        if shown >= reveal:
            continue
        says_persona, says_target = persona in mentioned, target in mentioned
        if (says_target and owner == persona) or (says_persona and owner == target) or (says_persona and says_target):
            yield Problem(
                f"{parsed.path_of(item)}.{field}",
                f"spoiler: ties '{persona}' to '{target}' before the reveal in {_when(reveal)}",
            )


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
