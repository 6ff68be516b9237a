"""The list of sources a viewer may follow."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text

from rouge_cli.render.human import STYLES, emit, muted, title_line
from rouge_cli.render.human.rows import Rows
from rouge_cli.view import View


def print_sources(view: View, listed: list[tuple[str, str]]) -> None:
    grid = Rows(2, STYLES["label"])
    for key, url in listed:
        grid.add_row(Text(key), Text(url))
    body = grid if listed else muted("No source can be followed yet without spoilers.")
    emit(Group(title_line(view, "sources"), body))
