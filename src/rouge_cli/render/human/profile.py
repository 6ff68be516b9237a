"""A character's profile, and the table of characters."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from rouge_cli.render.human import STYLES, emit, episode_label, is_plain, status_text, timed, title_line
from rouge_cli.render.human.rows import Rows, bullets
from rouge_cli.view import CharacterView, FactView, View


def _fact_line(view: View, fact: FactView, with_sources: bool) -> Text:
    line = timed(view, fact.episode, fact.at, Text(fact.text))
    if with_sources:
        line.append(f"  (source: {fact.source})", style=STYLES["muted"])
    return line


def _summary(view: View, c: CharacterView, all_names: bool) -> Rows:
    grid = Rows(2, STYLES["label"])
    if not c.named:
        grid.add_row(Text("Known as"), Text(f"({c.name}; name not given yet)", style="italic"))
    personas = {i.persona_name for i in c.identities}  # shown on their own "Persona" line
    aliases = [
        n.text
        for n in c.names
        if n.kind not in ("spelling", "japanese") and n.text != c.name and n.text not in personas
    ]
    spellings = [n.text for n in c.names if n.kind == "spelling"]
    if aliases:
        grid.add_row(Text("Also known as"), Text(", ".join(aliases)))
    if spellings and all_names:
        grid.add_row(Text("Also spelled"), Text(", ".join(spellings)))
    if c.japanese_names:
        grid.add_row(Text("Japanese"), Text(", ".join(c.japanese_names)))
    grid.add_row(Text("Species"), Text(c.species or "not known yet"))
    grid.add_row(Text("Status"), status_text(c.status))
    current = [m.faction_name for m in c.factions if m.ended_in is None]
    former = [f"{m.faction_name} (left in episode {m.ended_in})" for m in c.factions if m.ended_in is not None]
    grid.add_row(Text("Factions"), Text(", ".join(current + former) or "none known"))
    grid.add_row(Text("Appears from"), Text.assemble(episode_label(view, c.first_seen, so_far=False)))
    for identity in c.identities:
        grid.add_row(Text("Persona"), Text(f"{identity.persona_name} (unmasked in episode {identity.episode})"))
    labels: dict[str, list[str]] = {}
    for relation in c.current_relations:
        label = relation.label if relation.ended_in is None else f"{relation.label} (former)"
        labels.setdefault(relation.target_name, []).append(label)
    if labels:
        relations = "\n".join(f"{name}: {', '.join(kinds)}" for name, kinds in labels.items())
        grid.add_row(Text("Relations"), Text(relations))
    return grid


def _by_episode(facts: Sequence[FactView]) -> list[tuple[int, list[FactView]]]:
    groups: list[tuple[int, list[FactView]]] = []
    for fact in facts:
        if not groups or groups[-1][0] != fact.episode:
            groups.append((fact.episode, []))
        groups[-1][1].append(fact)
    return groups


def facts_by_episode(view: View, facts: Sequence[FactView], with_sources: bool, plain: bool) -> RenderableType:
    """Facts grouped under their episode: a tree on a terminal, indented lines when piped."""
    if plain:
        parts: list[RenderableType] = []
        for number, group in _by_episode(facts):
            parts += [episode_label(view, number), bullets(_fact_line(view, fact, with_sources) for fact in group)]
        return Group(*parts)
    from rich.tree import Tree

    tree = Tree(Text("What you know", style=STYLES["heading"]), guide_style=STYLES["muted"])
    for number, group in _by_episode(facts):
        branch = tree.add(episode_label(view, number))
        for fact in group:
            branch.add(_fact_line(view, fact, with_sources))
    return tree


def print_profile(view: View, c: CharacterView, with_sources: bool, all_names: bool = False) -> None:
    """A character's profile as known at the view's episode."""
    plain = is_plain()
    parts: list[RenderableType] = [title_line(view, "as known")]
    name = Text(c.name, style=STYLES["name"])
    if plain:
        parts += [Text(""), name, _summary(view, c, all_names)]
    else:
        from rich import box
        from rich.panel import Panel

        parts.append(Panel(_summary(view, c, all_names), title=name, title_align="left", box=box.ROUNDED, expand=False))
    facts = c.current_facts
    if facts:
        parts.append(Text(""))
        parts.append(facts_by_episode(view, facts, with_sources, plain))
    overturned = len(c.facts) - len(facts)
    if overturned:
        parts.append(
            Text(f"\n{overturned} earlier claim(s) overturned since; see `rouge timeline`.", style=STYLES["muted"])
        )
    if with_sources and facts:
        parts += [Text(""), sources_block(view, [f.source for f in facts])]
    emit(Group(*parts))


def sources_block(view: View, citations: Sequence[str]) -> RenderableType:
    """The sources cited, each with the address a reader can follow (or why it is withheld)."""
    from rouge_cli.query.sources import LATER, addresses, cited_keys

    grid = Rows(2, STYLES["label"])
    for key, url in addresses(view, cited_keys(citations)):
        grid.add_row(Text(key), Text(url) if url else Text(f"({LATER})", style=STYLES["muted"]))
    return Group(Text("Sources", style=STYLES["heading"]), grid)


def print_character_table(view: View, characters: Iterable[CharacterView], caption: str) -> None:
    """The characters as a table ordered by first appearance."""
    from rich import box
    from rich.table import Table

    plain = is_plain()
    table = Table(
        box=None if plain else box.SIMPLE_HEAVY,
        header_style=STYLES["heading"],
        show_edge=not plain,
        pad_edge=not plain,
    )
    table.add_column("Name", style=STYLES["name"] if not plain else "", overflow="fold")
    table.add_column("Species", overflow="fold")
    table.add_column("Factions", overflow="fold")
    table.add_column("Status")
    table.add_column("Seen", justify="right")
    rows = 0
    for c in characters:
        name = Text(c.name, style="" if c.named else "italic")
        factions = ", ".join(m.faction_name for m in c.factions if m.ended_in is None)
        table.add_row(
            name, Text(c.species or "?"), Text(factions or "-"), status_text(c.status), Text(f"ep {c.first_seen}")
        )
        rows += 1
    body = table if rows else Text("No characters match.", style=STYLES["muted"])
    emit(Group(title_line(view, caption), body))
