"""Questions asked of a view: find a character or faction by name, filter, suggest.

Only the view is searched, so a name that is not revealed yet answers exactly like a
name that never existed.
"""

from __future__ import annotations

from rouge_cli.common.errors import NotFoundError, UsageError
from rouge_cli.common.text import PERSON, contains_phrase, fold, lookup_words, printable, stem, words
from rouge_cli.view import CharacterView, FactionView, TermView, View

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import TypeVar

    T = TypeVar("T", CharacterView, FactionView, TermView)


def _labels(item: CharacterView | FactionView | TermView) -> list[str]:
    labels = [n.text for n in item.names]
    if isinstance(item, CharacterView) and item.descriptor:
        labels.append(item.descriptor)
    return labels


def match(items: Sequence[T], query: str) -> list[T]:
    """What `query` designates among `items`.

    In turn: a visible name equal to it (with or without a leading "the", "dr", ...); a name containing
    its words; a description holding its words in any order, lightly stemmed ("long-haired guy"
    finds the "long-haired scavenger": words that only say "a person" may be left out).
    """
    raw = words(query)
    if not raw:
        raise UsageError("the name to look up is empty")
    wanted = lookup_words(query)
    exact = [item for item in items if any(words(label) in (raw, wanted) for label in _labels(item))]
    if exact:
        return exact
    by_name = [item for item in items if any(contains_phrase(words(n.text), wanted) for n in item.names)]
    if by_name:
        return by_name
    return [item for item in items if isinstance(item, CharacterView) and _describes(item.descriptor, wanted)]


def _describes(descriptor: str | None, wanted: tuple[str, ...]) -> bool:
    if not descriptor:
        return False
    described = {stem(w) for w in words(descriptor)}
    content = [stem(w) for w in wanted if w not in PERSON]
    if not content:  # only "woman", "guy", ...: then the description must say it
        return all(stem(w) in described for w in wanted)
    return all(w in described for w in content)


def _as_found(c: CharacterView, query: str) -> str:
    """A match's name, saying when the query matched only the description it was first seen under."""
    if c.named and from_description(c, query):
        return f"{c.name} (first seen as the {c.descriptor})"
    return c.name


def from_description(item: CharacterView, query: str) -> bool:
    """True when `query` finds `item` only through its description (for a note when it is named by now)."""
    wanted = lookup_words(query)
    return not any(contains_phrase(words(n.text), wanted) for n in item.names) and _describes(item.descriptor, wanted)


def suggestions(items: Iterable[CharacterView | FactionView | TermView], query: str, limit: int = 3) -> list[str]:
    """Visible names close to `query` (for "did you mean"), best first."""
    candidates: dict[str, str] = {}
    for item in items:
        for label in _labels(item):
            candidates.setdefault(fold(label), label)
            for word in words(label):
                candidates.setdefault(word, item.name)
    import difflib

    close = difflib.get_close_matches(fold(query), list(candidates), n=limit * 3, cutoff=0.72)
    result: list[str] = []
    for key in close:
        label = candidates[key]
        if label not in result:
            result.append(label)
    result += [name for name in _nearly(items, query) if name not in result]
    # One suggestion per character: the name it goes by, not each of its labels.
    owner = {label: item.name for item in items for label in _labels(item)}
    unique: list[str] = []
    for label in result:
        name = owner.get(label, label)
        if name not in unique:
            unique.append(name)
    return unique[:limit]


def _nearly(items: Iterable[CharacterView | FactionView | TermView], query: str) -> list[str]:
    """Names of items with a name holding every word of a query of several words but one."""
    wanted = [stem(w) for w in lookup_words(query) if w not in PERSON]
    if len(wanted) < 2:
        return []
    found = []
    for item in items:
        for label in (n.text for n in item.names):
            have = {stem(w) for w in words(label)}
            if sum(w in have for w in wanted) == len(wanted) - 1:
                found.append(item.name)
                break
    return found


def quoted(query: str, limit: int = 60) -> str:
    """The user's query as it may be echoed in a message: printable and short."""
    shown = printable(" ".join(query.split()))
    return f"'{shown[:limit]}…'" if len(shown) > limit else f"'{shown}'"


def find_character(view: View, query: str) -> CharacterView:
    """The one visible character `query` names; NotFoundError for none or several."""
    found = match(view.characters, query)
    if len(found) == 1:
        return found[0]
    if found:
        names = ", ".join(_as_found(c, query) for c in found)
        raise NotFoundError(f"{quoted(query)} matches {len(found)} characters: {names}. Be more specific.")
    raise NotFoundError(not_found("character", query, suggestions(view.characters, query), view.where))


def find_faction(view: View, query: str) -> FactionView:
    """The one visible faction `query` names; NotFoundError (listing known factions) otherwise."""
    found = match(view.factions, query)
    if len(found) == 1:
        return found[0]
    known = ", ".join(sorted(f.name for f in view.factions))
    if found:
        raise NotFoundError(f"{quoted(query)} matches several factions: {', '.join(f.name for f in found)}.")
    return_hint = suggestions(view.factions, query)
    hint = f" Did you mean {_either(return_hint)}?" if return_hint else ""
    raise NotFoundError(f"no faction known {view.where} matches {quoted(query)}.{hint} Known factions: {known}.")


def _either(names: list[str]) -> str:
    quoted_names = [f"'{n}'" for n in names]
    return quoted_names[0] if len(quoted_names) == 1 else ", ".join(quoted_names[:-1]) + " or " + quoted_names[-1]


def not_found(what: str, query: str, close: list[str], where: str) -> str:
    """True whether the name is not revealed yet or never existed (the two must read alike)."""
    hint = f" Did you mean {_either(close)}?" if close else ""
    return f"no {what} known {where} matches {quoted(query)}.{hint}"


# A species counts as each of these too: a Proto-Nean is a Nean (one of the first ones).
SPECIES_PARENTS = {"proto-nean": ("nean",)}


def _kinds_of(species: str) -> tuple[str, ...]:
    return (species, *SPECIES_PARENTS.get(species, ()))


def filter_characters(
    view: View, faction: FactionView | None = None, species: str | None = None, status: str | None = None
) -> list[CharacterView]:
    """Visible characters, in order of first appearance, narrowed by the given filters."""
    result = list(view.characters)
    if faction is not None:
        members = set(faction.members)
        result = [c for c in result if c.id in members]
    if species is not None:
        wanted = fold(species)
        if not wanted:
            raise UsageError("the species to filter by is empty")
        result = [c for c in result if c.species is not None and wanted in _kinds_of(fold(c.species))]
    if status is not None:
        result = [c for c in result if c.status == status]
    return result
