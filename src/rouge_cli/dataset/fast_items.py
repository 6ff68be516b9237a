"""Fast builders for well-formed items: the common case of a large dataset, decided without a problem.

Each takes a raw table and returns the item only when `schema_items` would build the same item
without recording a problem; otherwise None, and the checked path (which names each problem)
builds it instead. They record no key paths: `schema.Parsed` finds those from each item's place.
"""

from __future__ import annotations

from rouge_cli.common.position import parse_time
from rouge_cli.dataset.model import (
    NAME_KINDS,
    STATUSES,
    Appearance,
    Character,
    DatedValue,
    Fact,
    Identity,
    Membership,
    Name,
    NameKind,
    Relation,
)
from rouge_cli.dataset.reader import Reader, plain_dated, plain_text, time_at

TYPE_CHECKING = False
if TYPE_CHECKING:  # `typing` is not imported at run time (see common/records.py)
    from typing import Any

_KINDS: dict[str, NameKind] = {kind: kind for kind in NAME_KINDS}
_NAME_KEYS = frozenset({"text", "kind", "revealed_in", "at", "source"})  # `secret` takes the checked path
_VALUE_KEYS = frozenset({"value", "revealed_in", "at", "source"})
_FACT_KEYS = frozenset({"text", "revealed_in", "source", "superseded_in", "at", "superseded_at"})
_MEMBERSHIP_KEYS = frozenset(
    {"id", "revealed_in", "at", "source", "ended_in", "ended_at", "superseded_in", "superseded_at"}
)
_RELATION_KEYS = frozenset(
    {"to", "label", "revealed_in", "at", "source", "superseded_in", "superseded_at", "ended_in", "ended_at"}
)
_IDENTITY_KEYS = frozenset({"id", "revealed_in", "at", "source"})
_APPEARANCE_KEYS = frozenset({"episode", "at", "source"})
_CHARACTER_KEYS = frozenset(
    {
        "id",
        "revealed_in",
        "at",
        "source",
        "descriptor",
        "names",
        "species",
        "status",
        "factions",
        "relations",
        "facts",
        "same_as",
        "appears_in",
    }
)

_LATER = (("ended_in", "superseded_in"), ("at", "ended_at", "superseded_at"))


def name(reader: Reader, raw: object) -> Name | None:
    if type(raw) is not dict:
        return None
    if len(raw) == 4:  # the usual name: text, kind, revealed_in and source only
        text, kind, revealed_in, source = raw.get("text"), raw.get("kind"), raw.get("revealed_in"), raw.get("source")
        if (
            type(text) is str
            and type(kind) is str
            and type(source) is str
            and type(revealed_in) is int
            and 0 < revealed_in <= reader.episode_count
            and kind in _KINDS
            and text.isprintable()
            and source.isprintable()
            and text.strip()
            and source.strip()
        ):
            return Name(text, _KINDS[kind], revealed_in, source)
    if plain_dated(reader, raw, _NAME_KEYS, ("text", "kind", "source")) and raw["kind"] in _KINDS:
        return Name(raw["text"], _KINDS[raw["kind"]], raw["revealed_in"], raw["source"], time_at(raw))
    return None


def species(reader: Reader, raw: object) -> DatedValue | None:
    if type(raw) is dict and plain_dated(reader, raw, _VALUE_KEYS, ("value", "source")):
        return DatedValue(raw["value"], raw["revealed_in"], raw["source"], time_at(raw))
    return None


def status(reader: Reader, raw: object) -> DatedValue | None:
    if type(raw) is dict and plain_dated(reader, raw, _VALUE_KEYS, ("value", "source")) and raw["value"] in STATUSES:
        return DatedValue(raw["value"], raw["revealed_in"], raw["source"], time_at(raw))
    return None


def fact(reader: Reader, raw: object) -> Fact | None:
    if type(raw) is not dict:
        return None
    if len(raw) == 3:  # the usual fact: text, revealed_in and source only
        text, revealed_in, source = raw.get("text"), raw.get("revealed_in"), raw.get("source")
        if (
            type(text) is str
            and type(source) is str
            and type(revealed_in) is int
            and 0 < revealed_in <= reader.episode_count
            and text.isprintable()
            and source.isprintable()
            and text.strip()
            and source.strip()
        ):
            return Fact(text, revealed_in, source)
    if _FACT_KEYS.issuperset(raw):
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
            return Fact(text, revealed_in, source, superseded_in, at, superseded_at)
    return None


def _time_or_minus(value: object) -> int:
    """A well-formed "MM:SS" as seconds, else -1 (the checked path then names the problem)."""
    if type(value) is not str or len(value) != 5:
        return -1
    seconds = parse_time(value)
    return -1 if seconds is None else seconds


def _dated(reader: Reader, raw: dict[str, Any], texts: tuple[str, ...], optional: bool) -> bool:
    """Checked texts and `revealed_in`; with `optional`, any later episode and times too."""
    revealed_in, count = raw.get("revealed_in"), reader.episode_count
    if type(revealed_in) is not int or not 0 < revealed_in <= count:
        return False
    for key in texts:
        if not plain_text(raw.get(key)):
            return False
    if optional:
        episodes, times = _LATER
        for key in episodes:
            if key in raw and (type(raw[key]) is not int or not 0 < raw[key] <= count):
                return False
        for key in times:
            if key in raw and _time_or_minus(raw[key]) == -1:
                return False
    return True


def membership(reader: Reader, raw: object) -> Membership | None:
    if type(raw) is not dict or not _MEMBERSHIP_KEYS.issuperset(raw) or not _dated(reader, raw, ("id", "source"), True):
        return None
    return Membership(
        raw["id"],
        raw["revealed_in"],
        raw["source"],
        raw.get("ended_in"),
        raw.get("superseded_in"),
        time_at(raw),
        time_at(raw, "ended_at"),
        time_at(raw, "superseded_at"),
    )


def relation(reader: Reader, raw: object) -> Relation | None:
    if type(raw) is not dict or not _RELATION_KEYS.issuperset(raw):
        return None
    if not _dated(reader, raw, ("to", "label", "source"), True):
        return None
    return Relation(
        raw["to"],
        raw["label"],
        raw["revealed_in"],
        raw["source"],
        raw.get("superseded_in"),
        time_at(raw),
        time_at(raw, "superseded_at"),
        raw.get("ended_in"),
        time_at(raw, "ended_at"),
    )


def identity(reader: Reader, raw: object) -> Identity | None:
    if type(raw) is not dict or not _IDENTITY_KEYS.issuperset(raw) or not _dated(reader, raw, ("id", "source"), True):
        return None
    return Identity(raw["id"], raw["revealed_in"], raw["source"], time_at(raw))


def appearance(reader: Reader, raw: object) -> Appearance | None:
    if type(raw) is not dict or not _APPEARANCE_KEYS.issuperset(raw):
        return None
    episode, source = raw.get("episode"), raw.get("source")
    if type(episode) is not int or not 0 < episode <= reader.episode_count or not plain_text(source):
        return None
    if "at" in raw and _time_or_minus(raw["at"]) == -1:
        return None
    return Appearance(episode, raw["source"], time_at(raw))


def _all(reader: Reader, values: object, build: Any) -> tuple[Any, ...] | None:
    """Every item of the array `values` built fast, or None when any one needs the checked path."""
    if type(values) is not list:
        return None
    if len(values) == 1:  # the usual name, the usual status
        item = build(reader, values[0])
        return None if item is None else (item,)
    built = []
    for value in values:
        item = build(reader, value)
        if item is None:
            return None
        built.append(item)
    return tuple(built)


def character(reader: Reader, raw: object) -> Character | None:
    if type(raw) is not dict or not _CHARACTER_KEYS.issuperset(raw):
        return None
    char_id, revealed_in, source = raw.get("id"), raw.get("revealed_in"), raw.get("source")
    if (
        type(revealed_in) is not int
        or not 0 < revealed_in <= reader.episode_count
        or not plain_text(char_id)
        or not plain_text(source)
    ):
        return None
    descriptor = at = same_as = None
    if "descriptor" in raw:
        descriptor = raw["descriptor"]
        if not plain_text(descriptor):
            return None
    if "at" in raw:
        at = _time_or_minus(raw["at"])
        if at == -1:
            return None
    if "same_as" in raw:
        same_as = identity(reader, raw["same_as"])
        if same_as is None:
            return None
    names = _all(reader, raw["names"], name) if "names" in raw else ()
    facts = _all(reader, raw["facts"], fact) if "facts" in raw else ()
    kinds = _all(reader, raw["species"], species) if "species" in raw else ()
    statuses = _all(reader, raw["status"], status) if "status" in raw else ()
    factions = _all(reader, raw["factions"], membership) if "factions" in raw else ()
    relations = _all(reader, raw["relations"], relation) if "relations" in raw else ()
    appears_in = _all(reader, raw["appears_in"], appearance) if "appears_in" in raw else ()
    if (
        names is None
        or facts is None
        or kinds is None
        or statuses is None
        or factions is None
        or relations is None
        or appears_in is None
    ):
        return None
    return Character(
        raw["id"],
        revealed_in,
        raw["source"],
        descriptor,
        names,
        kinds,
        statuses,
        factions,
        relations,
        facts,
        same_as,
        at,
        appears_in,
    )
