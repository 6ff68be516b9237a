"""Search results grouped by character or faction."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..search import Result
from ..view import View
from . import STYLES, emit, muted, title_line


def print_results(view: View, query: str, results: tuple[Result, ...]) -> None:
    hits = sum(len(r.hits) for r in results)
    parts: list[RenderableType] = [title_line(view, "search results")]
    if not results:
        parts.append(Text(f"No results for {query} {view.where}."))
    else:
        parts.append(muted(f"{hits} hit(s) in {len(results)} character(s) or faction(s) for {query}"))
    for result in results:
        label = result.name if result.kind == "character" else f"{result.name} (faction)"
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style=STYLES["episode"])
        grid.add_column(no_wrap=True, style=STYLES["muted"])
        grid.add_column(overflow="fold")
        for hit in result.hits:
            grid.add_row(f"  ep {hit.episode}", hit.field, Text(hit.text))
        parts += [Text(""), Text(label, style=STYLES["name"]), grid]
    emit(Group(*parts))
