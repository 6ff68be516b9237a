"""The factions known so far, as a tree of their known members."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from rich.tree import Tree

from rouge_cli.common.text import plural
from rouge_cli.render.human import STYLES, emit, muted, title_line
from rouge_cli.view import FactionView, View


def count_label(faction: FactionView) -> str:
    """`7 of 9 known (4 current, 3 former)`, `3 members (1 current, 2 former)`, `1 member`."""
    current, former = len(faction.members), len(faction.former_members)
    total = current + former
    split = f" ({current} current, {former} former)" if former else ""
    if faction.size is not None:
        return f"{total} of {faction.size} known{split}"
    return f"{plural(total, 'member')}{split}"


def print_factions(view: View) -> None:
    people = {c.id: c for c in view.characters}
    tree = Tree(muted(f"{plural(len(view.factions), 'faction')} known"), guide_style=STYLES["muted"])
    for faction in view.factions:
        label = Text.assemble((faction.name, STYLES["label"]), (f"  {count_label(faction)}", STYLES["muted"]))
        if faction.aliases:
            label.append(f"  also: {', '.join(faction.aliases)}", style=STYLES["muted"])
        branch = tree.add(label)
        listed = [(m, False) for m in faction.members] + [(m, True) for m in faction.former_members]
        for member, former in listed:
            person = people[member]
            line = Text(person.name, style=STYLES["muted"] if former else "")
            notes = [word for word, on in (("former", former), ("dead", person.status == "dead")) if on]
            if notes:
                style = STYLES["dead"] if person.status == "dead" else STYLES["muted"]
                line.append(f" ({', '.join(notes)})", style=style)
            branch.add(line)
    emit(Group(title_line(view, "factions"), tree))
