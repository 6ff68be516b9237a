"""Terms, the cast of an episode, a roster and the relation map, for people (a catch-up: `catch_up`)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from rouge_cli.common.position import format_time
from rouge_cli.common.text import plural
from rouge_cli.query.fan import Edge, Roster
from rouge_cli.render.human import STYLES, emit, episode_label, is_plain, muted, status_text, title_line
from rouge_cli.view import CharacterView, TermView, View

# Tables, trees and the other renderers are imported by the functions that draw them: each
# command imports what it draws (the relation map: no table).


def print_terms(view: View, terms: Sequence[TermView]) -> None:
    from rich import box
    from rich.table import Table

    plain = is_plain()
    table = Table(box=None if plain else box.SIMPLE_HEAVY, header_style=STYLES["heading"], show_edge=not plain)
    table.add_column("Term", style="" if plain else STYLES["label"])
    table.add_column("First said", justify="right")
    table.add_column("What you know", overflow="fold")
    for term in terms:
        first = term.facts[0].text if term.facts else ""
        table.add_row(Text(term.name), Text(f"ep {term.first_seen}"), Text(first))
    body = table if terms else muted("No terms known yet.")
    emit(Group(title_line(view, "terms"), body))


def print_term(view: View, term: TermView) -> None:
    from rouge_cli.render.human.profile import facts_by_episode

    parts: list[RenderableType] = [title_line(view, "term"), Text(""), Text(term.name, style=STYLES["name"])]
    if term.aliases:
        parts.append(Text(f"Also: {', '.join(term.aliases)}"))
    if term.japanese_names:
        parts.append(Text(f"Japanese: {', '.join(term.japanese_names)}"))
    if term.facts:
        parts += [
            Text(""),
            facts_by_episode(view, [f for f in term.facts if f.overturned_in is None], False, is_plain()),
        ]
    emit(Group(*parts))


def print_cast(view: View, number: int, present: Sequence[tuple[CharacterView, int | None]]) -> None:
    from rich.table import Table

    lines: list[RenderableType] = [title_line(view, "cast"), episode_label(view, number)]
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", style=STYLES["muted"], no_wrap=True)
    grid.add_column()
    for character, at in present:
        grid.add_row(format_time(at) if at is not None else "", Text(character.name))
    lines.append(grid if present else muted("Nobody is recorded in this episode yet."))
    emit(Group(*lines))


def print_roster(view: View, roster: Roster) -> None:
    from rich import box
    from rich.table import Table

    from rouge_cli.render.human.factions import count_label

    plain = is_plain()
    table = Table(box=None if plain else box.SIMPLE_HEAVY, header_style=STYLES["heading"], show_edge=not plain)
    for column in ("Member", "Gladiator name", "Status", "Shown"):
        table.add_column(column, overflow="fold")
    for member in roster.members:
        name = member.character.name + ("" if member.current else " (former)")
        table.add_row(
            Text(name),
            Text(", ".join(member.gladiator) or "-"),
            status_text(member.character.status),
            Text(f"ep {member.episode}"),
        )
    for _ in range(roster.unknown):
        table.add_row(muted("(unknown)"), muted("?"), muted("?"), muted("-"))
    heading = Text.assemble(
        (roster.faction.name, STYLES["label"]), (f"  {count_label(roster.faction)}", STYLES["muted"])
    )
    emit(Group(title_line(view, "roster"), heading, table))


def print_relations(view: View, edges: Sequence[Edge]) -> None:
    from rich.tree import Tree

    tree = Tree(muted(f"{plural(len(edges), 'relation')} known"), guide_style=STYLES["muted"])
    branches: dict[str, Tree] = {}
    for edge in edges:
        branch = branches.get(edge.source.id)
        if branch is None:
            branch = branches[edge.source.id] = tree.add(Text(edge.source.name, style=STYLES["name"]))
        line = Text.assemble((edge.target_name, ""), (f": {edge.label}", ""), (f"  ep {edge.episode}", STYLES["muted"]))
        if edge.ended:
            line.append(" (former)", style=STYLES["muted"])
        branch.add(line)
    emit(Group(title_line(view, "relations"), tree))
