"""A catch-up, for people: the news of the episodes, then what each character was shown doing.

Apart from the other renderers, so that a catch-up imports only what it draws: its lines are
written as segments (see `_Lines`), and Rich's tables are imported only for what they must draw.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.text import Text

from rouge_cli.query.fan import CatchUp
from rouge_cli.render.human import STYLES, emit, title_line
from rouge_cli.view import FactView, View

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rich.table import Table


Line = Text | str
"""A line of a block: a `str` is plain text, shown as `Text(line)` would show it."""


def _grid(lines: Sequence[Line]) -> Table:
    """`  - ` and a line, on each row (a long line folds under itself): what `episodes.section` draws."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for line in lines:
        grid.add_row(Text("  -"), line if isinstance(line, Text) else Text(line))
    return grid


def _cells(text: str) -> int:
    """`cell_len`, counted at once for printable ASCII (a cell a character)."""
    return len(text) if text.isascii() and text.isprintable() else cell_len(text)


def _width(line: Line) -> int:
    """The cells of a line that can be padded or folded as it is; 0 for one the grid must draw.

    That is a line without a style of its own (spans are fine), tabs or line breaks; a `str`
    here is printable (without control codes, which `Text` would drop).
    """
    if isinstance(line, str):
        return _cells(line)
    plain = line.plain
    return 0 if line.style or "\n" in plain or "\t" in plain else _cells(plain)


class _Lines:
    """A catch-up's head, news and facts, already cropped: print it with `crop=False`.

    The head (title lines) is drawn by Rich. Each `(heading, style, lines)` is a blank line,
    the heading, and the lines in a grid. The grid's text column is as wide as its widest
    line, at most the room beside `  - `; there each line is folded and padded by Rich's own
    `Text.wrap`, and a plain line that fits is simply padded: the grid's output, without Rich
    measuring and laying out a table for each character. Anything unusual (an empty or styled
    line, a very narrow screen) goes to the grid. What Rich draws is cropped here as
    `Console.print` would crop it; the rest fits by construction, and unstyled text is joined
    into as few segments as it can be (the printed bytes are the same).
    """

    def __init__(self, blocks: list[tuple[str, str, Sequence[Line]]], head: Sequence[Text] = ()) -> None:
        self.blocks = blocks
        self.head = head

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> list[Segment]:
        out: list[Segment] = []
        plain: list[str] = []  # unstyled text not yet in `out`

        def add(segments: Iterable[Segment]) -> None:
            for segment in segments:
                if segment.style or segment.control:
                    if plain:
                        out.append(Segment("".join(plain)))
                        plain.clear()
                    out.append(segment)
                else:
                    plain.append(segment.text)

        def draw(renderable: RenderableType) -> None:
            for line in console.render_lines(renderable, options, pad=False, new_lines=True):
                add(line)

        for title in self.head:
            draw(title)
        room = options.max_width - 4  # beside "  - "
        styles = {style: console.get_style(style) for style in {style for _, style, _ in self.blocks}}
        for heading, style, block in self.blocks:
            plain.append("\n")
            if heading.isprintable() and _cells(heading) <= options.max_width:  # else Text would alter it
                out += (Segment("".join(plain)), Segment(heading, styles[style]))
                plain[:] = ["\n"]
            else:
                draw(Text(heading, style=style))
            lines = [line if isinstance(line, Text) or line.isprintable() else Text(line) for line in block]
            widths = [_width(line) for line in lines]
            if not lines or min(widths) == 0 or room < 8:
                draw(_grid(lines))
                continue
            column = min(max(widths), room)
            for line, width in zip(lines, widths, strict=True):
                if width <= column and (isinstance(line, str) or not line.spans):
                    text = line if isinstance(line, str) else line.plain
                    plain.append(f"  - {text}{' ' * (column - width)}\n")
                    continue
                wrapped = (line if isinstance(line, Text) else Text(line)).wrap(
                    console, column, justify="left", overflow="fold"
                )
                for index, part in enumerate(wrapped):
                    plain.append("    " if index else "  - ")
                    add(part.render(console))
                    plain.append("\n")
        if plain:
            out.append(Segment("".join(plain)))
        return out


def print_catch_up(view: View, catch_up: CatchUp) -> None:
    span = (
        f"Episodes {catch_up.first} to {catch_up.last}"
        if catch_up.first < catch_up.last
        else f"Episode {catch_up.last}"
    )
    label, name = STYLES["label"], STYLES["name"]
    blocks: list[tuple[str, str, Sequence[Line]]] = []
    for title, reveals in (
        ("Identities revealed", catch_up.identities),
        ("Overturned", catch_up.overturned),
        ("Deaths", catch_up.deaths),
        ("Learned to be dead", catch_up.learned_dead),
    ):
        if reveals:
            blocks.append((title, label, [r.text for r in reveals]))
    blocks += [(character.name, name, [_fact_line(fact) for fact in facts]) for character, facts in catch_up.facts]
    emit(_Lines(blocks, head=(title_line(view, "catch-up"), Text(span, style=STYLES["episode"]))), crop=False)


def _fact_line(fact: FactView) -> Line:
    """`episodes.fact_line`, imported only for an overturned fact (the others are their text)."""
    if fact.overturned_in is None:
        return fact.text
    from rouge_cli.render.human.episodes import fact_line

    return fact_line(fact)
