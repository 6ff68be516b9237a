"""The episode list and one episode's recap."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from rouge_cli.common.position import format_time
from rouge_cli.query.recap import Recap, Reveal
from rouge_cli.render.human import STYLES, emit, is_plain, muted, title_line
from rouge_cli.render.human.rows import bullets
from rouge_cli.view import FactView, View


def print_episodes(view: View, synopsis: bool = False) -> None:
    """The episodes up to the one in force, with air dates (and what happens in each, on request)."""
    from rich import box
    from rich.table import Table

    plain = is_plain()
    table = Table(box=None if plain else box.SIMPLE_HEAVY, header_style=STYLES["heading"], show_edge=not plain)
    table.add_column("#", justify="right", style=STYLES["episode"])
    table.add_column("Title", overflow="fold")
    table.add_column("Aired (JST)", no_wrap=True)
    for e in view.episodes:
        aired = e.air_date + (" ~" if e.air_date_inferred else "")
        table.add_row(str(e.number), Text(e.title), aired)
    note = muted("~ date inferred from the weekly schedule")
    parts: list[RenderableType] = [title_line(view, "episodes"), table, note]
    if synopsis:
        for e in view.episodes:
            text = e.synopsis or "(once you have watched the whole episode)"
            parts += [
                Text(""),
                Text.assemble((f"Episode {e.number}", STYLES["episode"]), (f" · {e.title}", STYLES["muted"])),
                Text(text),
            ]
    emit(Group(*parts))


def section(title: str, lines: list[Text]) -> list[RenderableType]:
    """A titled list of lines (nothing at all when there are none)."""
    if not lines:
        return []
    return [Text(""), Text(title, style=STYLES["label"]), bullets(lines)]


def _reveals(reveals: tuple[Reveal, ...]) -> list[Text]:
    return [Text(r.text) for r in reveals]


def _struck(text: str) -> Text:
    line = Text(text)
    line.stylize("strike")
    return line


def fact_line(fact: FactView) -> Text:
    """A fact as the timeline shows it: an overturned belief struck through and marked."""
    if fact.overturned_in is None:
        return Text(fact.text)
    line = _struck(fact.text)
    line.append(f"  (overturned in episode {fact.overturned_in})", style=STYLES["dead"])
    return line


def print_recap(view: View, recap: Recap) -> None:
    """What episode N revealed, section by section."""
    parts: list[RenderableType] = [
        title_line(view, "recap"),
        Text.assemble((f"Episode {recap.episode}", STYLES["episode"]), (f" · {recap.title}", STYLES["heading"])),
    ]
    if view.so_far(recap.episode) and view.at is not None:
        parts.append(Text(f"So far: the first {format_time(view.at)} of the episode.", style=STYLES["new"]))
    synopsis = next((e.synopsis for e in view.episodes if e.number == recap.episode), None)
    if synopsis:
        parts += [Text(""), Text(synopsis)]
    parts += section(
        "New characters",
        [
            Text.assemble(
                (c.name, STYLES["name"]),
                (f" (first seen as {c.descriptor})" if c.descriptor and c.named else "", STYLES["muted"]),
            )
            for c in recap.new_characters
        ],
    )
    parts += section("New factions", [Text(f.name) for f in recap.new_factions])
    parts += section("Identities revealed", _reveals(recap.identities))
    parts += section("Overturned in this episode", [_struck(r.text) for r in recap.overturned])
    parts += section("Deaths", [Text(r.text, style=STYLES["dead"]) for r in recap.deaths])
    parts += section("Learned to be dead", [Text(r.text, style=STYLES["dead"]) for r in recap.learned_dead])
    parts += section("Names revealed", _reveals(recap.names))
    parts += section("Memberships shown", _reveals(recap.memberships))
    for character, facts in recap.facts:
        parts += section(character.name, [fact_line(f) for f in facts])
    if recap.empty:
        parts.append(muted("Nothing new is recorded for this episode."))
    emit(Group(*parts))
