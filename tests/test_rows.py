"""`Rows` renders byte for byte as the `Table.grid` it stands in for, alone and inside a panel.

It is compared with the Table itself, so this test imports Rich (allowed here line by line).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich import box  # noqa: TID251
from rich.console import Console, Group, RenderableType  # noqa: TID251
from rich.panel import Panel  # noqa: TID251
from rich.table import Table  # noqa: TID251
from rich.text import Text  # noqa: TID251

from rouge_cli.render.human.rows import Rows, bullets

WORDS = st.sampled_from(["a", "to", "Giallon", "ジャロン", "[bold]x[/]", "W" * 30, "ep 4", "-", "黄泉の", "é", "  "])
TEXTS = st.lists(WORDS, max_size=12).map(" ".join)
STYLES = st.sampled_from(["", "bold cyan", "dim", "red", "magenta"])


@st.composite
def cells(draw: st.DrawFn) -> Text:
    text = Text(draw(TEXTS), style=draw(STYLES))
    if draw(st.booleans()) and text.plain:
        text.stylize(draw(STYLES), 0, draw(st.integers(0, len(text.plain))))
    if draw(st.booleans()):
        text.append("\n" + draw(TEXTS), style=draw(STYLES))
    return text


def labels() -> st.SearchStrategy[Text]:
    return st.sampled_from(["  -", "Known as", "Also known as", "  ep 12", "fact", "JP1"]).map(Text)


def render(renderable: RenderableType, width: int, color: bool) -> str:
    console = Console(
        width=width,
        force_terminal=True,
        color_system="truecolor" if color else None,
        no_color=not color,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    with console.capture() as captured:
        console.print(renderable)
    return captured.get()


def grids(gap: int, styles: list[str], rows: list[list[Text]]) -> tuple[Rows, Table]:
    ours = Rows(gap, *styles)
    table = Table.grid(padding=(0, gap))
    for style in styles:
        table.add_column(style=style, no_wrap=True)
    table.add_column(overflow="fold")
    for row in rows:
        ours.add_row(*row)
        table.add_row(*row)
    return ours, table


@settings(max_examples=300, deadline=None)
@given(
    gap=st.integers(1, 3),
    styles=st.lists(STYLES, min_size=1, max_size=2),
    data=st.data(),
    width=st.integers(1, 130),
    color=st.booleans(),
    panel=st.booleans(),
)
def test_rows_render_as_table_grid(
    gap: int, styles: list[str], data: st.DataObject, width: int, color: bool, panel: bool
) -> None:
    rows = data.draw(st.lists(st.tuples(*[labels()] * len(styles), cells()).map(list), min_size=1, max_size=6))
    ours, table = grids(gap, styles, rows)

    def framed(grid: RenderableType) -> RenderableType:
        if not panel:
            return Group(Text("title"), grid, Text("end"))
        return Panel(grid, title=Text("Name", style="bold red"), title_align="left", box=box.ROUNDED, expand=False)

    assert render(framed(ours), width, color) == render(framed(table), width, color)


def test_bullets_lead_with_a_dash_and_fold_under_the_text() -> None:
    lines = render(bullets([Text("one two three four", style="red"), Text("five")]), 12, False).splitlines()
    assert lines == ["  - one two ", "    three   ", "    four    ", "  - five    "]


def test_a_row_needs_every_cell() -> None:
    rows = Rows(2, "bold")
    try:
        rows.add_row(Text("only one"))
    except ValueError:
        return
    raise AssertionError("a short row is refused")
