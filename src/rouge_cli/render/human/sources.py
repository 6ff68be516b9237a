"""The list of sources a viewer may follow."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from rouge_cli.render.human import STYLES, emit, muted, title_line
from rouge_cli.view import View


def print_sources(view: View, listed: list[tuple[str, str]]) -> None:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style=STYLES["label"], no_wrap=True)
    grid.add_column(overflow="fold")
    for key, url in listed:
        grid.add_row(Text(key), Text(url))
    body = grid if listed else muted("No source can be followed yet without spoilers.")
    emit(Group(title_line(view, "sources"), body))
