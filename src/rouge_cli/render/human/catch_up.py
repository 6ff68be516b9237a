"""A catch-up, for people: the news of the episodes, then what each character was shown doing.

Apart from the other renderers, so that a catch-up imports only what it draws: its lines are
written as segments (see `_Lines`), and Rich's tables are imported only for what they must draw.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.segment import Segment
from rich.text import Text

from rouge_cli.query.fan import CatchUp
from rouge_cli.render.human import STYLES, emit, title_line
from rouge_cli.view import FactView, View

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rich.table import Table


def _grid(lines: Sequence[Text]) -> Table:
    """`  - ` and a line, on each row (a long line folds under itself): what `episodes.section` draws."""
    from rich.table import Table

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
    blocks += [(character.name, name, [_fact_line(fact) for fact in facts]) for character, facts in catch_up.facts]
    emit(Group(title_line(view, "catch-up"), Text(span, style=STYLES["episode"]), _Lines(blocks)))


def _fact_line(fact: FactView) -> Text:
    """`episodes.fact_line`, imported only for an overturned fact (the others are their text)."""
    if fact.overturned_in is None:
        return Text(fact.text)
    from rouge_cli.render.human.episodes import fact_line

    return fact_line(fact)
