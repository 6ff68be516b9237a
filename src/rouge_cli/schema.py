"""Turn a parsed TOML document into the frozen model, collecting every structural problem.

Each problem names its key path (`characters[4].facts[2].revealed_in`). Items that are
broken are left out of the model; `Parsed.paths` remembers where each kept item came
from, so the semantic checks can name paths too.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .errors import Problem
from .escape import first_control, has_control, printable
from .model import (
    NAME_KINDS,
    STATUSES,
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
    NameKind,
    Relation,
    Series,
    Source,
    Term,
)
from .position import parse_time

T = TypeVar("T")
_MISSING = object()


@dataclass
class Parsed:
    """The model built from a document, the problems found, and each item's key path."""

    dataset: Dataset
    problems: list[Problem]
    paths: dict[int, str] = field(default_factory=dict)

    def path_of(self, item: object) -> str:
        return self.paths.get(id(item), "")


class _Reader:
    """Reads typed fields out of raw tables, recording a problem for each mistake."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.paths: dict[int, str] = {}
        self.episode_count = 0

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def located(self, item: T, path: str) -> T:
        self.paths[id(item)] = path
        return item

    def table(self, value: object, path: str, keys: Mapping[str, bool]) -> dict[str, Any] | None:
        """`value` as a table whose keys are among `keys` (key -> required)."""
        if not isinstance(value, dict):
            self.problem(path, f"expected a table, found {_kind(value)}")
            return None
        ok = True
        for key in value:
            if key not in keys:
                shown = printable(str(key))
                shown = shown if len(shown) <= 60 else shown[:60] + "…"
                self.problem(_join(path, shown), f"unknown key (allowed: {', '.join(keys)})")
                ok = False
        for key, required in keys.items():
            if required and key not in value:
                self.problem(_join(path, key), "missing required key")
                ok = False
        return value if ok else None

    def array(self, table: Mapping[str, Any], key: str, path: str) -> list[Any]:
        value = table.get(key, [])
        if not isinstance(value, list):
            self.problem(_join(path, key), f"expected an array, found {_kind(value)}")
            return []
        return value

    def typed(self, table: Mapping[str, Any], key: str, path: str, kind: type[T], label: str) -> T | None:
        value = table.get(key, _MISSING)
        if value is _MISSING:
            return None
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.problem(_join(path, key), f"expected {label}, found {_kind(value)}")
            return None
        return value

    def text(self, table: Mapping[str, Any], key: str, path: str) -> str | None:
        value = self.typed(table, key, path, str, "a string")
        if value is not None and not value.strip():
            self.problem(_join(path, key), "must not be empty")
            return None
        if value is not None and has_control(value):
            self.problem(
                _join(path, key), f"contains a control, bidi or invisible character ({printable(first_control(value))})"
            )
            return None
        return value

    def episode(self, table: Mapping[str, Any], key: str, path: str) -> int | None:
        value = self.typed(table, key, path, int, "an episode number")
        if value is not None and not 1 <= value <= self.episode_count:
            self.problem(_join(path, key), f"episode {value} is outside 1..{self.episode_count}")
            return None
        return value

    def time(self, table: Mapping[str, Any], key: str, path: str) -> int | None:
        """A time inside an episode, written "MM:SS", as seconds."""
        value = self.typed(table, key, path, str, 'a time "MM:SS"')
        if value is None:
            return None
        seconds = parse_time(value) if len(value) == 5 else None
        if seconds is None:
            self.problem(_join(path, key), f'expected a time "MM:SS" (seconds 00-59), found {value[:20]!r}')
        return seconds

    def items(
        self, table: Mapping[str, Any], key: str, path: str, build: Callable[[object, str], T | None]
    ) -> tuple[T, ...]:
        prefix = _join(path, key)
        built = []
        for index, raw in enumerate(self.array(table, key, path)):
            item = build(raw, f"{prefix}[{index}]")
            if item is not None:
                built.append(item)
        return tuple(built)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _kind(value: object) -> str:
    names = {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "an array",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)


def parse_document(document: Mapping[str, Any]) -> Parsed:
    """Build the model from a TOML document; problems are collected, not raised."""
    reader = _Reader()
    top = reader.table(
        document,
        "",
        {"series": True, "sources": True, "episodes": True, "factions": False, "characters": True, "terms": False},
    )
    top = top if top is not None else {k: v for k, v in document.items()}
    episodes = _episodes(reader, top)
    reader.episode_count = len(episodes)
    dataset = Dataset(
        series=_series(reader, top.get("series")),
        sources=_sources(reader, top.get("sources")),
        episodes=episodes,
        factions=reader.items(top, "factions", "", lambda raw, path: _faction(reader, raw, path)),
        characters=reader.items(top, "characters", "", lambda raw, path: _character(reader, raw, path)),
        terms=reader.items(top, "terms", "", lambda raw, path: _term(reader, raw, path)),
    )
    return Parsed(dataset, reader.problems, reader.paths)


def _series(reader: _Reader, raw: object) -> Series:
    table = reader.table(raw, "series", {"title": True, "studio": False, "year": False}) or {}
    return Series(
        title=reader.text(table, "title", "series") or "",
        studio=reader.text(table, "studio", "series") or "",
        year=reader.typed(table, "year", "series", int, "an integer") or 0,
    )


def _sources(reader: _Reader, raw: object) -> tuple[Source, ...]:
    """`KEY = "address"`, or `KEY = { url = "address", covers = N }` (N: the last episode it covers)."""
    if not isinstance(raw, dict):
        reader.problem("sources", f"expected a table, found {_kind(raw)}")
        return ()
    found = []
    for key in raw:
        if has_control(key):
            reader.problem("sources", f"key {printable(key)!r} contains a control, bidi or invisible character")
            continue
        if isinstance(raw[key], dict):
            path = _join("sources", key)
            table = reader.table(raw[key], path, {"url": True, "covers": False})
            if table is None:
                continue
            url, covers = reader.text(table, "url", path), reader.episode(table, "covers", path)
            if url is not None:
                found.append(Source(key, url, covers))
            continue
        value = reader.text(raw, key, "sources")
        if value is not None:
            found.append(Source(key, value))
    return tuple(found)


def _episodes(reader: _Reader, top: Mapping[str, Any]) -> tuple[Episode, ...]:
    episodes: list[Episode] = []
    for i, raw in enumerate(reader.array(top, "episodes", "")):
        path = f"episodes[{i}]"
        keys = {
            "number": True,
            "title": True,
            "air_date": True,
            "air_date_inferred": False,
            "runtime": False,
            "synopsis": False,
            "source": True,
        }
        table = reader.table(raw, path, keys)
        if table is None:
            continue
        number = reader.typed(table, "number", path, int, "an integer")
        title = reader.text(table, "title", path)
        air_date = reader.typed(table, "air_date", path, datetime.date, "a date (YYYY-MM-DD)")
        if isinstance(air_date, datetime.datetime):
            reader.problem(_join(path, "air_date"), "expected a date without a time")
            air_date = None
        inferred = reader.typed(table, "air_date_inferred", path, bool, "a boolean") or False
        source = reader.text(table, "source", path)
        runtime = reader.time(table, "runtime", path)
        synopsis = reader.text(table, "synopsis", path)
        if number is None or title is None or air_date is None or source is None:
            continue
        if number != len(episodes) + 1:
            reader.problem(
                _join(path, "number"), f"expected episode {len(episodes) + 1} (episodes are numbered 1..n in order)"
            )
            continue
        episodes.append(reader.located(Episode(number, title, air_date, inferred, source, runtime, synopsis), path))
    if not episodes:
        reader.problem("episodes", "the dataset needs at least one episode")
    return tuple(episodes)


_DATED = {"revealed_in": True, "at": False, "source": True}
_KINDS: dict[str, NameKind] = {kind: kind for kind in NAME_KINDS}


def _plain(reader: _Reader, raw: dict[str, Any], keys: frozenset[str], texts: tuple[str, ...]) -> bool:
    """True when `raw` is a well-formed dated table: only known keys, clean texts, a valid episode.

    The fast path for large datasets; anything else goes through the checks that name each problem.
    """
    if not keys.issuperset(raw):
        return False
    episode = raw.get("revealed_in")
    if type(episode) is not int or not 0 < episode <= reader.episode_count:
        return False
    for key in texts:
        value = raw.get(key)
        if type(value) is not str or not value.isprintable() or not value.strip():
            return False
    at = raw.get("at")
    return at is None or (type(at) is str and len(at) == 5 and parse_time(at) is not None)


def _at(raw: dict[str, Any], key: str = "at") -> int | None:
    """The already-checked time at `key` of a plain table, as seconds."""
    value = raw.get(key)
    return None if value is None else parse_time(value)


_NAME_KEYS = frozenset({"text", "kind", "revealed_in", "at", "source"})  # `secret` takes the checked path
_VALUE_KEYS = frozenset({"value", "revealed_in", "at", "source"})


def _name(reader: _Reader, raw: object, path: str) -> Name | None:
    if type(raw) is dict and _plain(reader, raw, _NAME_KEYS, ("text", "kind", "source")) and raw["kind"] in _KINDS:
        name = Name(raw["text"], _KINDS[raw["kind"]], raw["revealed_in"], raw["source"], _at(raw))
        reader.paths[id(name)] = path
        return name
    table = reader.table(raw, path, {"text": True, "kind": True, "secret": False, **_DATED})
    if table is None:
        return None
    secret = reader.typed(table, "secret", path, bool, "a boolean") or False
    text, revealed_in, source = (
        reader.text(table, "text", path),
        reader.episode(table, "revealed_in", path),
        reader.text(table, "source", path),
    )
    kind = reader.typed(table, "kind", path, str, "a string")
    if kind is not None and kind not in NAME_KINDS:
        reader.problem(_join(path, "kind"), f"'{kind}' is not one of {', '.join(NAME_KINDS)}")
        kind = None
    at = reader.time(table, "at", path)
    if text is None or kind is None or revealed_in is None or source is None:
        return None
    return reader.located(Name(text, _KINDS[kind], revealed_in, source, at, secret), path)


def _dated_value(reader: _Reader, raw: object, path: str, allowed: tuple[str, ...] | None) -> DatedValue | None:
    if (
        type(raw) is dict
        and _plain(reader, raw, _VALUE_KEYS, ("value", "source"))
        and (allowed is None or raw["value"] in allowed)
    ):
        item = DatedValue(raw["value"], raw["revealed_in"], raw["source"], _at(raw))
        reader.paths[id(item)] = path
        return item
    table = reader.table(raw, path, {"value": True, **_DATED})
    if table is None:
        return None
    value, revealed_in, source = (
        reader.text(table, "value", path),
        reader.episode(table, "revealed_in", path),
        reader.text(table, "source", path),
    )
    if value is not None and allowed is not None and value not in allowed:
        reader.problem(_join(path, "value"), f"'{value}' is not one of {', '.join(allowed)}")
        return None
    at = reader.time(table, "at", path)
    if value is None or revealed_in is None or source is None:
        return None
    return reader.located(DatedValue(value, revealed_in, source, at), path)


_FACT_KEYS = frozenset({"text", "revealed_in", "source", "superseded_in", "at", "superseded_at"})


def _fact(reader: _Reader, raw: object, path: str) -> Fact | None:
    # Fast path for the common, well-formed case (a large dataset holds about ten facts per
    # character); anything unusual goes through the checks below, which name each problem.
    if type(raw) is dict and _FACT_KEYS.issuperset(raw):
        text, revealed_in, source = raw.get("text"), raw.get("revealed_in"), raw.get("source")
        superseded_in, count = raw.get("superseded_in"), reader.episode_count
        at_text, superseded_text = raw.get("at"), raw.get("superseded_at")
        at = None if at_text is None else _time_or_minus(at_text)
        superseded_at = None if superseded_text is None else _time_or_minus(superseded_text)
        if (
            type(text) is str
            and text.isprintable()
            and text.strip()
            and type(source) is str
            and source.isprintable()
            and source.strip()
            and type(revealed_in) is int
            and 0 < revealed_in <= count
            and (superseded_in is None or (type(superseded_in) is int and 0 < superseded_in <= count))
            and at != -1
            and superseded_at != -1
        ):
            fact = Fact(text, revealed_in, source, superseded_in, at, superseded_at)
            reader.paths[id(fact)] = path
            return fact
    table = reader.table(raw, path, {"text": True, "superseded_in": False, "superseded_at": False, **_DATED})
    if table is None:
        return None
    text, revealed_in, source = (
        reader.text(table, "text", path),
        reader.episode(table, "revealed_in", path),
        reader.text(table, "source", path),
    )
    superseded_in = reader.episode(table, "superseded_in", path)
    at, superseded_at = reader.time(table, "at", path), reader.time(table, "superseded_at", path)
    if text is None or revealed_in is None or source is None:
        return None
    return reader.located(Fact(text, revealed_in, source, superseded_in, at, superseded_at), path)


def _time_or_minus(value: object) -> int:
    """A well-formed "MM:SS" as seconds, else -1 (the checked path then names the problem)."""
    if type(value) is not str or len(value) != 5:
        return -1
    seconds = parse_time(value)
    return -1 if seconds is None else seconds


def _membership(reader: _Reader, raw: object, path: str) -> Membership | None:
    keys = {"id": True, "ended_in": False, "ended_at": False, "superseded_in": False, "superseded_at": False}
    table = reader.table(raw, path, {**keys, **_DATED})
    if table is None:
        return None
    faction_id, revealed_in, source = (
        reader.text(table, "id", path),
        reader.episode(table, "revealed_in", path),
        reader.text(table, "source", path),
    )
    ended_in, superseded_in = reader.episode(table, "ended_in", path), reader.episode(table, "superseded_in", path)
    at, ended_at = reader.time(table, "at", path), reader.time(table, "ended_at", path)
    superseded_at = reader.time(table, "superseded_at", path)
    if faction_id is None or revealed_in is None or source is None:
        return None
    membership = Membership(faction_id, revealed_in, source, ended_in, superseded_in, at, ended_at, superseded_at)
    return reader.located(membership, path)


def _relation(reader: _Reader, raw: object, path: str) -> Relation | None:
    keys = {"to": True, "label": True, "superseded_in": False, "superseded_at": False, "ended_in": False}
    table = reader.table(raw, path, {**keys, "ended_at": False, **_DATED})
    if table is None:
        return None
    to, label = reader.text(table, "to", path), reader.text(table, "label", path)
    revealed_in, source = reader.episode(table, "revealed_in", path), reader.text(table, "source", path)
    superseded_in, ended_in = reader.episode(table, "superseded_in", path), reader.episode(table, "ended_in", path)
    at, superseded_at = reader.time(table, "at", path), reader.time(table, "superseded_at", path)
    ended_at = reader.time(table, "ended_at", path)
    if to is None or label is None or revealed_in is None or source is None:
        return None
    relation = Relation(to, label, revealed_in, source, superseded_in, at, superseded_at, ended_in, ended_at)
    return reader.located(relation, path)


def _identity(reader: _Reader, raw: object, path: str) -> Identity | None:
    table = reader.table(raw, path, {"id": True, **_DATED})
    if table is None:
        return None
    target, revealed_in, source = (
        reader.text(table, "id", path),
        reader.episode(table, "revealed_in", path),
        reader.text(table, "source", path),
    )
    at = reader.time(table, "at", path)
    if target is None or revealed_in is None or source is None:
        return None
    return reader.located(Identity(target, revealed_in, source, at), path)


_Named = tuple[str, int, str, tuple[Name, ...], tuple[Fact, ...], "int | None"]


def _named(reader: _Reader, table: Mapping[str, Any], path: str, what: str) -> _Named | None:
    """The parts a faction and a term share: id, first moment, source, names (at least one), facts."""
    entity_id, revealed_in, source = (
        reader.text(table, "id", path),
        reader.episode(table, "revealed_in", path),
        reader.text(table, "source", path),
    )
    names = reader.items(table, "names", path, lambda r, p: _name(reader, r, p))
    facts = reader.items(table, "facts", path, lambda r, p: _fact(reader, r, p))
    at = reader.time(table, "at", path)
    if entity_id is None or revealed_in is None or source is None:
        return None
    if not names:
        reader.problem(_join(path, "names"), f"a {what} needs at least one name")
        return None
    return entity_id, revealed_in, source, names, facts, at


def _term(reader: _Reader, raw: object, path: str) -> Term | None:
    table = reader.table(raw, path, {"id": True, "names": True, "facts": False, **_DATED})
    parts = _named(reader, table, path, "term") if table is not None else None
    return None if parts is None else reader.located(Term(*parts), path)


def _appearance(reader: _Reader, raw: object, path: str) -> Appearance | None:
    table = reader.table(raw, path, {"episode": True, "at": False, "source": True})
    if table is None:
        return None
    episode, source, at = (
        reader.episode(table, "episode", path),
        reader.text(table, "source", path),
        reader.time(table, "at", path),
    )
    if episode is None or source is None:
        return None
    return reader.located(Appearance(episode, source, at), path)


def _faction(reader: _Reader, raw: object, path: str) -> Faction | None:
    table = reader.table(raw, path, {"id": True, "names": True, "facts": False, "size": False, **_DATED})
    if table is None:
        return None
    parts = _named(reader, table, path, "faction")
    size = reader.typed(table, "size", path, int, "a whole number")
    if size is not None and not 0 < size < 10_000:
        reader.problem(_join(path, "size"), "must be a whole number from 1 to 9999")
        size = None
    return None if parts is None else reader.located(Faction(*parts, size), path)


_CHARACTER_KEYS = {
    "id": True,
    "descriptor": False,
    "names": False,
    "species": False,
    "status": False,
    "factions": False,
    "relations": False,
    "facts": False,
    "same_as": False,
    "appears_in": False,
    **_DATED,
}


def _character(reader: _Reader, raw: object, path: str) -> Character | None:
    table = reader.table(raw, path, _CHARACTER_KEYS)
    if table is None:
        return None
    char_id, revealed_in, source = (
        reader.text(table, "id", path),
        reader.episode(table, "revealed_in", path),
        reader.text(table, "source", path),
    )
    descriptor = reader.text(table, "descriptor", path)
    same_as = _identity(reader, table["same_as"], _join(path, "same_as")) if "same_as" in table else None
    character = Character(
        id=char_id or "",
        revealed_in=revealed_in or 0,
        source=source or "",
        descriptor=descriptor,
        names=reader.items(table, "names", path, lambda r, p: _name(reader, r, p)),
        species=reader.items(table, "species", path, lambda r, p: _dated_value(reader, r, p, None)),
        status=reader.items(table, "status", path, lambda r, p: _dated_value(reader, r, p, STATUSES)),
        factions=reader.items(table, "factions", path, lambda r, p: _membership(reader, r, p)),
        relations=reader.items(table, "relations", path, lambda r, p: _relation(reader, r, p)),
        facts=reader.items(table, "facts", path, lambda r, p: _fact(reader, r, p)),
        same_as=same_as,
        at=reader.time(table, "at", path),
        appears_in=reader.items(table, "appears_in", path, lambda r, p: _appearance(reader, r, p)),
    )
    if char_id is None or revealed_in is None or source is None:
        return None
    return reader.located(character, path)
