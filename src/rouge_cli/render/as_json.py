"""Machine output: versioned JSON envelopes built from a view, written as `json.dumps(..., indent=2)` writes them."""

from __future__ import annotations

import sys

from rouge_cli.common.collector import PausedCollector
from rouge_cli.common.position import format_time
from rouge_cli.common.text import speaks_utf8
from rouge_cli.render.json_text import dumps
from rouge_cli.view import CharacterView, FactView, TermView, View

TYPE_CHECKING = False

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any, ParamSpec, TypeVar

    P = ParamSpec("P")
    R = TypeVar("R")

    from rouge_cli.query.fan import CatchUp, Edge, Roster
    from rouge_cli.query.recap import Recap, Reveal
    from rouge_cli.query.search import Result
    from rouge_cli.query.timeline import Event

SCHEMA_VERSION = 1
# Characters json.dumps leaves raw with ensure_ascii=False that a terminal could act on.
_UNSAFE = [*range(0x7F, 0xA0), 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
_ESCAPED = {code: f"\\u{code:04x}" for code in _UNSAFE}


def _paused(build: Callable[P, R]) -> Callable[P, R]:
    """`build`, run with the cycle collector resting: a large document is many small objects without cycles."""

    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with PausedCollector():
            return build(*args, **kwargs)

    return run


def envelope(view: View, **payload: Any) -> dict[str, Any]:
    """The versioned envelope: `up_to_episode` is the episode, `at` the time inside it (null: all of it)."""
    at = None if view.at is None else format_time(view.at)
    return {"schema_version": SCHEMA_VERSION, "up_to_episode": view.episode, "at": at, **payload}


def time_of(at: int | None) -> str | None:
    return None if at is None else format_time(at)


def fact_object(fact: FactView) -> dict[str, Any]:
    text, episode, source, overturned_in, at = fact
    result = {"episode": episode, "at": None if at is None else format_time(at), "text": text, "source": source}
    if overturned_in is not None:
        result["overturned_in"] = overturned_in
    return result


def character_object(c: CharacterView) -> dict[str, Any]:
    """A character as the JSON contract describes it (see the README)."""
    facts: list[dict[str, Any]] = []
    overturned: list[dict[str, Any]] = []
    for fact in map(fact_object, c.facts):
        (facts if len(fact) == 4 else overturned).append(fact)
    return {
        "id": c.id,
        "name": c.name,
        "named": c.named,
        "descriptor": c.descriptor,
        "aliases": list(c.aliases),
        "spellings": list(c.spellings),
        "japanese_names": list(c.japanese_names),
        "species": c.species,
        "status": c.status,
        "factions": [m.faction_name for m in c.factions if m.ended_in is None],
        "former_factions": [m.faction_name for m in c.factions if m.ended_in is not None],
        "first_seen": c.first_seen,
        "first_seen_at": time_of(c.first_at),
        "facts": facts,
        "overturned_facts": overturned,
        "relations": [
            {
                "id": r.target_id,
                "name": r.target_name,
                "label": r.label,
                "episode": r.episode,
                "at": time_of(r.at),
                "ended_in": r.ended_in,
                "source": r.source,
            }
            for r in c.current_relations
        ],
    }


def sources_object(view: View, citations: list[str]) -> list[dict[str, Any]]:
    """The sources `citations` cite, each with its address (null while it covers what is not seen yet)."""
    from rouge_cli.query.sources import addresses, cited_keys

    return [{"key": key, "url": url} for key, url in addresses(view, cited_keys(citations))]


@_paused
def characters_document(view: View, characters: Iterable[CharacterView]) -> dict[str, Any]:
    return envelope(view, characters=[character_object(c) for c in characters])


@_paused
def write(document: dict[str, Any]) -> None:
    """Print one JSON document on stdout (ASCII escapes when stdout cannot carry UTF-8)."""
    text = dumps(document, ensure_ascii=not speaks_utf8(sys.stdout))
    if not text.isascii():  # a flag of the string: all-ASCII text has nothing to escape
        text = text.translate(_ESCAPED)
    sys.stdout.write(text + "\n")


def episodes_document(view: View) -> dict[str, Any]:
    return envelope(
        view,
        episodes=[
            {
                "number": e.number,
                "title": e.title,
                "air_date": e.air_date,
                "air_date_inferred": e.air_date_inferred,
                "runtime": time_of(e.runtime),
                "synopsis": e.synopsis,
            }
            for e in view.episodes
        ],
    )


def _reveals(reveals: Iterable[Reveal]) -> list[dict[str, Any]]:
    return [{"id": r.character_id, "name": r.character_name, "text": r.text, "source": r.source} for r in reveals]


@_paused
def recap_document(view: View, recap: Recap) -> dict[str, Any]:
    return envelope(
        view,
        episode={
            "number": recap.episode,
            "title": recap.title,
            "complete": recap.complete,
            "synopsis": next((e.synopsis for e in view.episodes if e.number == recap.episode), None),
        },
        new_characters=[{"id": c.id, "name": c.name} for c in recap.new_characters],
        new_factions=[{"id": f.id, "name": f.name} for f in recap.new_factions],
        identities=_reveals(recap.identities),
        names=_reveals(recap.names),
        memberships=_reveals(recap.memberships),
        deaths=_reveals(recap.deaths),
        learned_dead=_reveals(recap.learned_dead),
        overturned=_reveals(recap.overturned),
        facts=[{"id": c.id, "name": c.name, "facts": [fact_object(f) for f in facts]} for c, facts in recap.facts],
    )


def timeline_document(view: View, c: CharacterView, events: Iterable[Event]) -> dict[str, Any]:
    def event_object(e: Event) -> dict[str, Any]:
        result: dict[str, Any] = {
            "episode": e.episode,
            "at": time_of(e.at),
            "kind": e.kind,
            "text": e.text,
            "source": e.source,
        }
        if e.overturned_in is not None:
            result["overturned_in"] = e.overturned_in
        return result

    return envelope(view, character={"id": c.id, "name": c.name}, events=[event_object(e) for e in events])


@_paused
def search_document(view: View, query: str, results: Iterable[Result]) -> dict[str, Any]:
    found = [
        {
            "kind": r.kind,
            "id": r.id,
            "name": r.name,
            "hits": [
                {"episode": h.episode, "at": time_of(h.at), "field": h.field, "text": h.text, "source": h.source}
                for h in r.hits
            ],
        }
        for r in results
    ]
    return envelope(view, query=query, count=sum(len(r["hits"]) for r in found), results=found)


@_paused
def factions_document(view: View) -> dict[str, Any]:
    names = {c.id: c.name for c in view.characters}
    return envelope(
        view,
        factions=[
            {
                "id": f.id,
                "name": f.name,
                "aliases": list(f.aliases),
                "japanese_names": list(f.japanese_names),
                "size": f.size,
                "first_seen": f.first_seen,
                "member_count": len(f.members),
                "members": [{"id": m, "name": names[m]} for m in f.members],
                "former_members": [{"id": m, "name": names[m]} for m in f.former_members],
                "facts": [fact_object(x) for x in f.facts if x.overturned_in is None],
            }
            for f in view.factions
        ],
    )


def term_object(t: TermView) -> dict[str, Any]:
    return {
        "id": t.id,
        "name": t.name,
        "aliases": list(t.aliases),
        "japanese_names": list(t.japanese_names),
        "first_seen": t.first_seen,
        "first_seen_at": time_of(t.first_at),
        "facts": [fact_object(f) for f in t.facts if f.overturned_in is None],
    }


def cast_document(view: View, number: int, present: Iterable[tuple[CharacterView, int | None]]) -> dict[str, Any]:
    return envelope(
        view,
        episode={"number": number, "complete": not view.so_far(number)},
        cast=[{"id": c.id, "name": c.name, "at": time_of(at)} for c, at in present],
    )


def roster_document(view: View, roster: Roster) -> dict[str, Any]:
    f = roster.faction
    return envelope(
        view,
        faction={"id": f.id, "name": f.name, "size": f.size, "unknown": roster.unknown if f.size else None},
        members=[
            {
                "id": m.character.id,
                "name": m.character.name,
                "current": m.current,
                "gladiator_names": list(m.gladiator),
                "status": m.character.status,
                "episode": m.episode,
            }
            for m in roster.members
        ],
    )


@_paused
def relations_document(view: View, edges: Iterable[Edge]) -> dict[str, Any]:
    return envelope(
        view,
        relations=[
            {
                "from": {"id": e.source.id, "name": e.source.name},
                "to": {"id": e.target_id, "name": e.target_name},
                "label": e.label,
                "episode": e.episode,
                "ended": e.ended,
            }
            for e in edges
        ],
    )


@_paused
def catch_up_document(view: View, catch_up: CatchUp) -> dict[str, Any]:
    return envelope(
        view,
        since=catch_up.first,
        identities=_reveals(catch_up.identities),
        overturned=_reveals(catch_up.overturned),
        deaths=_reveals(catch_up.deaths),
        learned_dead=_reveals(catch_up.learned_dead),
        facts=[{"id": c.id, "name": c.name, "facts": [fact_object(f) for f in facts]} for c, facts in catch_up.facts],
    )
