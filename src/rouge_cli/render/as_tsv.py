"""Tab-separated output for scripts: one record a line, a header first, no wrapping, no colour.

Fields never hold a tab or a line break (validation rejects control characters in data).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence

from rouge_cli.common.position import format_time
from rouge_cli.query.search import Result
from rouge_cli.view import CharacterView, View


def write_rows(header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    out = ["\t".join(header)]
    out += ["\t".join("" if cell is None else str(cell) for cell in row) for row in rows]
    sys.stdout.write("\n".join(out) + "\n")


def characters(characters: Iterable[CharacterView]) -> None:
    write_rows(
        ("id", "name", "species", "factions", "status", "first_seen"),
        (
            (
                c.id,
                c.name,
                c.species,
                ", ".join(m.faction_name for m in c.factions if m.ended_in is None),
                c.status,
                c.first_seen,
            )
            for c in characters
        ),
    )


def factions(view: View) -> None:
    people = {c.id: c for c in view.characters}
    rows = []
    for f in view.factions:
        for member, standing in [(m, "current") for m in f.members] + [(m, "former") for m in f.former_members]:
            rows.append((f.id, f.name, people[member].id, people[member].name, standing, people[member].status))
    write_rows(("faction_id", "faction", "id", "name", "membership", "status"), rows)


def search_results(results: Iterable[Result]) -> None:
    rows = [
        (r.kind, r.id, r.name, h.episode, None if h.at is None else format_time(h.at), h.field, h.text)
        for r in results
        for h in r.hits
    ]
    write_rows(("kind", "id", "name", "episode", "at", "field", "text"), rows)
