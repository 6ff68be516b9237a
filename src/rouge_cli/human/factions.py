"""The factions known so far, as a tree of their known members."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from rich.tree import Tree

from ..view import View
from . import STYLES, emit, muted, title_line


def print_factions(view: View) -> None:
    names = {c.id: c.name for c in view.characters}
    tree = Tree(muted(f"{len(view.factions)} faction(s) known"), guide_style=STYLES["muted"])
    for faction in view.factions:
        count = len(faction.members)
        label = Text.assemble((faction.name, STYLES["label"]), (f"  {count} known member(s)", STYLES["muted"]))
        if faction.aliases:
            label.append(f"  also: {', '.join(faction.aliases)}", style=STYLES["muted"])
        branch = tree.add(label)
        for member in faction.members:
            branch.add(Text(names[member]))
        for member in faction.former_members:
            branch.add(Text(f"{names[member]} (former)", style=STYLES["muted"]))
    emit(Group(title_line(view, "factions"), tree))
