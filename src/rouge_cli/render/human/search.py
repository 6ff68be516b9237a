"""Search results grouped by character or faction."""

from __future__ import annotations

import re

from rich.console import Group, RenderableType
from rich.text import Text

from rouge_cli.common.text import words
from rouge_cli.query.search import Result
from rouge_cli.render.human import STYLES, emit, muted, title_line
from rouge_cli.render.human.rows import Rows
from rouge_cli.view import View


def _highlighted(text: str, pattern: re.Pattern[str] | None) -> Text:
    line = Text(text)
    if pattern is not None:
        line.highlight_regex(pattern, style=STYLES["match"])
    return line


def print_results(view: View, query: str, results: tuple[Result, ...], text: str = "") -> None:
    """The hits, grouped; on a terminal the words searched for are highlighted."""
    wanted = words(text)
    pattern = re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in wanted) + r")\w*") if wanted else None
    hits = sum(len(r.hits) for r in results)
    parts: list[RenderableType] = [title_line(view, "search results")]
    if not results:
        parts.append(Text(f"No results for {query} {view.where}."))
    else:
        parts.append(muted(f"{hits} hit(s) in {len(results)} character(s) or faction(s) for {query}"))
    for result in results:
        label = result.name if result.kind == "character" else f"{result.name} ({result.kind})"
        grid = Rows(1, STYLES["episode"], STYLES["muted"])
        for hit in result.hits:
            grid.add_row(Text(f"  ep {hit.episode}"), Text(hit.field), _highlighted(hit.text, pattern))
        parts += [Text(""), Text(label, style=STYLES["name"]), grid]
    emit(Group(*parts))
