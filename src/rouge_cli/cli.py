"""The Typer wiring: parse arguments, open the gated view, call a query, pick an output."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from . import __version__
from .episode import choose_episode
from .errors import DataError
from .gate import gate
from .guard import run_guarded
from .load import load_dataset, read_document, shipped_data_path, validate
from .options import DataPath, Episode, Json, ShowAll
from .query import filter_characters, find_character, find_faction
from .view import View


class RougeGroup(TyperGroup):
    """Runs every invocation through one guard: one-line errors, documented exit codes."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        kwargs.setdefault("prog_name", "rouge")
        sys.exit(run_guarded(lambda: super(RougeGroup, self).main(*args, **kwargs), self))


app = typer.Typer(
    cls=RougeGroup,
    name="rouge",
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class StatusChoice(str, Enum):
    alive = "alive"
    dead = "dead"
    unknown = "unknown"


def note(message: str) -> None:
    """A one-line note on stderr (never on stdout, so pipes stay clean)."""
    sys.stderr.write(f"rouge: {message}\n")


def saved_progress() -> int | None:
    """The episode saved by `rouge progress set` (None when nothing is saved)."""
    from .progress import read_saved_episode

    return read_saved_episode()


def open_view(data: Path | None, episode: int | None, show_all: bool) -> View:
    """Load the dataset, decide the episode in force, and gate: the only way commands see data."""
    dataset = load_dataset(data)
    choice = choose_episode(episode, show_all, os.environ, dataset.episode_count, saved_progress)
    if choice.origin == "default":
        note(
            "note: showing episode 1 only. Set how far you are with --up-to-episode N, "
            "ROUGE_UP_TO_EPISODE=N or `rouge progress set N`."
        )
    elif choice.origin == "all":
        note(f"warning: --all shows all {dataset.episode_count} episodes, spoilers included.")
    return gate(dataset, choice.episode)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"rouge {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """A spoiler-safe character guide for Metallic Rouge.

    Tell rouge how far you have watched and it answers "who is this again?"
    with nothing from a later episode.

    \b
    Examples:
      rouge who giallon --up-to-episode 5
      rouge list --faction "Immortal Nine" -e 8
      rouge list --json | jq -r '.characters[].name'
    """


@app.command()
def who(
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="A name or alias, or a word of one (case and accents ignored).")
    ],
    up_to_episode: Episode = None,
    show_all: ShowAll = False,
    json: Json = False,
    sources: Annotated[bool, typer.Option("--sources", help="Show where each fact comes from.")] = False,
    data: DataPath = None,
) -> None:
    """Show what you know about one character.

    \b
    Examples:
      rouge who giallon --up-to-episode 5
      rouge who "noid" -e 3 --sources
      rouge who jill -e 8 --json | jq '.character.aliases'
    """
    view = open_view(data, up_to_episode, show_all)
    character = find_character(view, name)
    if json:
        from .render_json import character_object, envelope, write

        write(envelope(view, character=character_object(character)))
    else:
        from .render_rich import print_profile

        print_profile(view, character, sources)


@app.command("list")
def list_characters(
    faction: Annotated[Optional[str], typer.Option("--faction", "-f", help="Only members of this faction.")] = None,  # noqa: UP045
    species: Annotated[Optional[str], typer.Option("--species", help="Only this species (e.g. Nean).")] = None,  # noqa: UP045
    status: Annotated[Optional[StatusChoice], typer.Option("--status", help="Only alive, dead or unknown.")] = None,  # noqa: UP045
    up_to_episode: Episode = None,
    show_all: ShowAll = False,
    json: Json = False,
    data: DataPath = None,
) -> None:
    """List the characters you have met, in order of first appearance.

    \b
    Examples:
      rouge list -e 5
      rouge list --faction "Immortal Nine" -e 8
      rouge list --status dead --json | jq -r '.characters[].name'
    """
    view = open_view(data, up_to_episode, show_all)
    group = find_faction(view, faction) if faction is not None else None
    characters = filter_characters(view, group, species, status.value if status else None)
    if json:
        from .render_json import characters_document, write

        write(characters_document(view, characters))
    else:
        from .render_rich import print_character_table

        caption = f"{group.name} members known" if group else "characters known"
        print_character_table(view, characters, caption)


@app.command()
def check(
    path: Annotated[
        Path | None, typer.Argument(help="The dataset to check (default: --data, else the shipped one).")
    ] = None,
    data: DataPath = None,
) -> None:
    """Validate a dataset and run the spoiler lint; exit 0 when clean, 3 otherwise.

    \b
    Examples:
      rouge check
      rouge check my-dataset.toml
    """
    target = path or data or shipped_data_path()
    parsed, problems = validate(read_document(target))
    if problems:
        for problem in problems:
            sys.stdout.write(f"{target}: {problem}\n")
        raise DataError(str(target), problems)
    data_set = parsed.dataset
    facts = sum(len(c.facts) for c in data_set.characters)
    sys.stdout.write(
        f"{target}: OK: {data_set.episode_count} episodes, {len(data_set.characters)} characters, "
        f"{facts} character facts, {len(data_set.factions)} factions\n"
    )
