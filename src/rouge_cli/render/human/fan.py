"""Terms, the cast of an episode, a roster, the relation map and a catch-up, for people."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from rouge_cli.common.position import format_time
from rouge_cli.common.text import plural
from rouge_cli.query.fan import CatchUp, Edge, Roster
from rouge_cli.render.human import STYLES, emit, episode_label, is_plain, muted, status_text, title_line
from rouge_cli.render.human.episodes import fact_line
from rouge_cli.render.human.factions import count_label
from rouge_cli.render.human.profile import facts_by_episode
from rouge_cli.view import CharacterView, TermView, View


def print_terms(view: View, terms: Sequence[TermView]) -> None:
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
    lines: list[RenderableType] = [title_line(view, "cast"), episode_label(view, number)]
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", style=STYLES["muted"], no_wrap=True)
    grid.add_column()
    for character, at in present:
        grid.add_row(format_time(at) if at is not None else "", Text(character.name))
    lines.append(grid if present else muted("Nobody is recorded in this episode yet."))
    emit(Group(*lines))


def print_roster(view: View, roster: Roster) -> None:
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


def _grid(lines: Sequence[Text]) -> Table:
    """`  - ` and a line, on each row (a long line folds under itself): what `episodes.section` draws."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for line in lines:
        grid.add_row(Text("  -"), line)
    return grid


def _simple(line: Text) -> bool:
    """A line without a style of its own (spans are fine) and without tabs or line breaks."""
    return not line.style and "\n" not in line.plain and "\t" not in line.plain


class _Lines:
    """A catch-up's news and facts: blank lines, headings and `_grid`s, drawn as they draw themselves.

    Each `(heading, style, lines)` is a blank line, the heading, and the lines in a grid. The
    grid's text column is as wide as its widest line, at most the room beside `  - `; there
    each line is folded and padded by Rich's own `Text.wrap`, and a plain line that fits is
    simply padded: the grid's output, without Rich measuring and laying out a table for each
    character. Anything unusual (an empty or styled line, a very narrow screen) goes to the grid.
    """

    def __init__(self, blocks: list[tuple[str, str, Sequence[Text]]]) -> None:
        self.blocks = blocks

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment | RenderableType]:
        room = options.max_width - 4  # beside "  - "
        styles = {style: console.get_style(style) for style in {style for _, style, _ in self.blocks}}
        for heading, style, lines in self.blocks:
            yield Segment("\n")
            if "\n" not in heading and cell_len(heading) <= options.max_width:
                yield Segment(heading, styles[style])
                yield Segment("\n")
            else:
                yield Text(heading, style=style)
            widths = [cell_len(line.plain) if _simple(line) else 0 for line in lines]
            if not lines or min(widths) == 0 or room < 8:
                yield _grid(lines)
                continue
            column = min(max(widths), room)
            plain: list[str] = []
            for line, width in zip(lines, widths, strict=True):
                if not line.spans and width <= column:
                    plain.append(f"  - {line.plain}{' ' * (column - width)}\n")
                    continue
                if plain:
                    yield Segment("".join(plain))
                    plain = []
                for index, part in enumerate(line.wrap(console, column, justify="left", overflow="fold")):
                    yield Segment("    " if index else "  - ")
                    yield from part.render(console)
                    yield Segment("\n")
            if plain:
                yield Segment("".join(plain))


def print_catch_up(view: View, catch_up: CatchUp) -> None:
    span = (
        f"Episodes {catch_up.first} to {catch_up.last}"
        if catch_up.first < catch_up.last
        else f"Episode {catch_up.last}"
    )
    label, name = STYLES["label"], STYLES["name"]
    blocks: list[tuple[str, str, Sequence[Text]]] = []
    for title, reveals in (
        ("Identities revealed", catch_up.identities),
        ("Overturned", catch_up.overturned),
        ("Deaths", catch_up.deaths),
        ("Learned to be dead", catch_up.learned_dead),
    ):
        if reveals:
            blocks.append((title, label, [Text(r.text) for r in reveals]))
    blocks += [(character.name, name, [fact_line(fact) for fact in facts]) for character, facts in catch_up.facts]
    emit(Group(title_line(view, "catch-up"), Text(span, style=STYLES["episode"]), _Lines(blocks)))
