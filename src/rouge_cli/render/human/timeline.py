"""A character's timeline: what the viewer learned, episode by episode."""

from __future__ import annotations

from itertools import groupby

from rich.console import Group, RenderableType
from rich.text import Text

from rouge_cli.query.timeline import Event
from rouge_cli.render.human import STYLES, emit, episode_label, is_plain, muted, title_line
from rouge_cli.render.human.rows import bullets
from rouge_cli.view import CharacterView, View


def _event(event: Event) -> Text:
    line = Text(event.text)
    if event.overturned_in is not None:
        line.stylize("strike")
        line.append(f"  (overturned in episode {event.overturned_in})", style=STYLES["dead"])
    return line


def print_timeline(view: View, c: CharacterView, events: tuple[Event, ...]) -> None:
    parts: list[RenderableType] = [title_line(view, "timeline"), Text(c.name, style=STYLES["name"])]
    groups = [(episode, list(items)) for episode, items in groupby(events, key=lambda e: e.episode)]
    if is_plain():
        for episode, items in groups:
            parts += [episode_label(view, episode), bullets(_event(event) for event in items)]
    else:
        from rich.tree import Tree

        tree = Tree(muted("what you learned, episode by episode"), guide_style=STYLES["muted"])
        for episode, items in groups:
            branch = tree.add(episode_label(view, episode))
            for event in items:
                branch.add(_event(event))
        parts.append(tree)
    emit(Group(*parts))
