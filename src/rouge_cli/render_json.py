"""Machine output: versioned JSON envelopes built from a view, written with `json.dumps`."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from typing import Any

from .view import CharacterView, FactView, View

SCHEMA_VERSION = 1
# Characters json.dumps leaves raw with ensure_ascii=False that a terminal could act on.
_UNSAFE = re.compile("[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def envelope(view: View, **payload: Any) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, "up_to_episode": view.episode, **payload}


def fact_object(fact: FactView) -> dict[str, Any]:
    result: dict[str, Any] = {"episode": fact.episode, "text": fact.text, "source": fact.source}
    if fact.overturned_in is not None:
        result["overturned_in"] = fact.overturned_in
    return result


def character_object(c: CharacterView) -> dict[str, Any]:
    """A character as the JSON contract describes it (see the README)."""
    return {
        "id": c.id,
        "name": c.name,
        "named": c.named,
        "descriptor": c.descriptor,
        "aliases": list(c.aliases),
        "species": c.species,
        "status": c.status,
        "factions": [m.faction_name for m in c.factions if m.ended_in is None],
        "former_factions": [m.faction_name for m in c.factions if m.ended_in is not None],
        "first_seen": c.first_seen,
        "facts": [fact_object(f) for f in c.current_facts],
        "overturned_facts": [fact_object(f) for f in c.facts if f.overturned_in is not None],
        "relations": [
            {"id": r.target_id, "name": r.target_name, "label": r.label, "episode": r.episode, "source": r.source}
            for r in c.current_relations
        ],
    }


def characters_document(view: View, characters: Iterable[CharacterView]) -> dict[str, Any]:
    return envelope(view, characters=[character_object(c) for c in characters])


def write(document: dict[str, Any]) -> None:
    """Print one JSON document on stdout."""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    sys.stdout.write(_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n")
