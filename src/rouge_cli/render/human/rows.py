"""Rows of cells laid out as `Table.grid` lays them out, without importing `rich.table`.

`rich.table` pulls in `fractions` and `decimal` (with `rich._ratio`), which cost more at start-up
than rendering a profile or a recap. The grids rouge draws are simple: every column but the last
is `no_wrap` (a label, a bullet), the last folds its text. For those, `Rows` computes the widths
`Table.grid(padding=(0, gap))` would and yields the same segments, cell by cell through Rich's own
`Padding` and `render_lines`, so the output is byte for byte the same. When the terminal is too
narrow for the no-wrap columns themselves (Table then shrinks every column), it hands the rows to a
real `Table.grid`.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.text import Text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rich.table import Table


class Rows:
    """`Table.grid(padding=(0, gap))` with a no-wrap column per style in `styles`, then a folding one."""

    def __init__(self, gap: int, *styles: str) -> None:
        if gap < 1 or not styles:
            raise ValueError("Rows needs a gap and at least one no-wrap column")
        self.gap = gap
        self.styles = styles
        self.rows: list[tuple[Text, ...]] = []

    def add_row(self, *cells: Text) -> None:
        if len(cells) != len(self.styles) + 1:
            raise ValueError(f"a row of {len(self.styles) + 1} cells expected")
        self.rows.append(cells)

    def __bool__(self) -> bool:
        return bool(self.rows)

    def _cell(self, cell: Text, column: int) -> Padding | Text:
        """The cell as Table wraps it: padded on the right, except in the last column."""
        return Padding(cell, (0, self.gap, 0, 0)) if column < len(self.styles) else cell

    def _measure(self, console: Console, options: ConsoleOptions, column: int) -> Measurement:
        """`Table._measure_column` for a column without a fixed width."""
        max_width = options.max_width
        if max_width < 1:
            return Measurement(0, 0)
        cells = {id(row[column]): row[column] for row in self.rows}.values()  # a shared cell measures once
        measured = [Measurement.get(console, options, self._cell(cell, column)) for cell in cells]
        return Measurement(
            max((m.minimum for m in measured), default=1), max((m.maximum for m in measured), default=max_width)
        ).with_maximum(max_width)

    def _widths(self, console: Console, options: ConsoleOptions) -> list[int] | None:
        """`Table._calculate_column_widths` (not expanded), or None when the no-wrap columns alone do not fit."""
        max_width = options.max_width
        widths = [m.maximum or 1 for m in (self._measure(console, options, c) for c in range(len(self.styles) + 1))]
        if sum(widths) > max_width:
            fixed = sum(widths[:-1])
            if fixed >= max_width:
                return None
            # Table narrows the folding column by the excess, then measures it again at that width.
            widths[-1] = max_width - fixed
        return widths

    def _table(self) -> Table:
        from rich.table import Table

        grid = Table.grid(padding=(0, self.gap))
        for style in self.styles:
            grid.add_column(style=style, no_wrap=True)
        grid.add_column(overflow="fold")
        for row in self.rows:
            grid.add_row(*row)
        return grid

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """`Table.__rich_measure__`: the columns measured again at the width the table would take."""
        if options.max_width < 0:
            return Measurement(0, 0)
        widths = self._widths(console, options)
        if widths is None:
            return Measurement.get(console, options, self._table())
        at = options.update_width(sum(widths))
        measured = [self._measure(console, at, c) for c in range(len(widths))]
        return Measurement(sum(m.minimum for m in measured), sum(m.maximum for m in measured))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = self._widths(console, options)
        if widths is None:
            yield self._table()
            return
        styles = [console.get_style(style) for style in self.styles]
        styles.append(console.get_style(""))
        cell_options = [
            options.update(
                width=width,
                justify="left",
                no_wrap=column < len(self.styles),
                overflow="ellipsis" if column < len(self.styles) else "fold",
                height=None,
                highlight=False,
            )
            for column, width in enumerate(widths)
        ]
        new_line = Segment.line()
        rendered: dict[tuple[int, int], list[list[Segment]]] = {}  # a cell shared by rows renders once
        for row in self.rows:
            cells = []
            for column, cell in enumerate(row):
                lines = rendered.get((column, id(cell)))
                if lines is None:
                    lines = console.render_lines(self._cell(cell, column), cell_options[column], style=styles[column])
                    rendered[column, id(cell)] = lines
                cells.append(lines)
            for line in range(max(1, *(len(lines) for lines in cells))):
                for lines, width, style in zip(cells, widths, styles, strict=True):
                    yield from lines[line] if line < len(lines) else (Segment(" " * width, style),)
                yield new_line


def bullets(lines: Iterable[Text]) -> Rows:
    """Lines led by `  -`, continued under their text when they wrap."""
    rows = Rows(1, "")
    dash = Text("  -")
    for line in lines:
        rows.add_row(dash, line)
    return rows
