"""`rouge progress`, `rouge progress set N`, `rouge progress clear`."""

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from rouge_cli.cli.options import DataPath, Json, position_text

if TYPE_CHECKING:
    from rouge_cli.common.position import Position

progress_app = typer.Typer(
    name="progress",
    no_args_is_help=False,
    invoke_without_command=True,
    rich_markup_mode=None,
)


@progress_app.callback()
def show(ctx: typer.Context, json_output: Json = False, data: DataPath = None) -> None:
    """Remember how far you have watched.

    So you need not pass --up-to-episode each time.

    With no subcommand: show the saved progress, where it is stored, and the episode in force.

    \b
    Examples:
      rouge progress
      rouge progress set 5
      rouge progress set 6@12:30
      rouge progress next
      rouge progress clear
    """
    from rouge_cli.cli.open_view import episode_in_force
    from rouge_cli.common.position import format_time
    from rouge_cli.config.locations import progress_path
    from rouge_cli.config.progress_file import read_saved_episode
    from rouge_cli.dataset.load import load_dataset

    if ctx.invoked_subcommand is not None:
        return
    saved = read_saved_episode()
    dataset = load_dataset(data)
    choice = episode_in_force([e.runtime for e in dataset.episodes], None, False, quiet=True)
    path = progress_path()
    if json_output:
        import json

        seconds = choice.position.at
        document = {
            "schema_version": 1,
            "up_to_episode": choice.episode,
            "at": None if seconds is None else format_time(seconds),
            "origin": choice.origin,
            "saved": None if saved is None else saved.episode,
            "saved_at": None if saved is None or saved.at is None else format_time(saved.at),
            "path": str(path),
        }
        sys.stdout.write(json.dumps(document, indent=2) + "\n")
        return
    if saved is None:
        sys.stdout.write(f"No progress saved ({path}).\nSet it with: rouge progress set N\n")
    else:
        sys.stdout.write(f"Saved progress: {_described(saved)} ({path}).\n")
    origins = {
        "env": "from ROUGE_UP_TO_EPISODE",
        "progress": "from the saved progress",
        "default": "the safe default",
    }
    paused = "" if choice.position.at is None else f" at {format_time(choice.position.at)}"
    origin = origins.get(choice.origin, choice.origin)
    sys.stdout.write(f"Episode in force: {choice.episode}{paused} ({origin}).\n")


def _described(position: "Position") -> str:
    from rouge_cli.common.position import format_time

    if position.at is None:
        return f"up to episode {position.episode}"
    return f"episode {position.episode} at {format_time(position.at)}"


@progress_app.command("set")
def set_progress(
    position: Annotated[
        str,
        typer.Argument(
            metavar="N[@MM:SS]",
            help="The last episode you have watched, or where you paused in it (4@12:30).",
            parser=position_text,
        ),
    ],
    data: DataPath = None,
) -> None:
    """Save how far you have watched: a whole episode, or a pause inside one.

    \b
    Examples:
      rouge progress set 5
      rouge progress set 6@12:30
    """
    from rouge_cli.config.precedence import parse_episode
    from rouge_cli.config.progress_file import save_episode
    from rouge_cli.dataset.load import load_dataset

    runtimes = [e.runtime for e in load_dataset(data).episodes]
    chosen = parse_episode(position, runtimes, "N")
    path = save_episode(chosen)
    sys.stdout.write(f"Saved: {_described(chosen)} ({path}).\n")


@progress_app.command("next")
def next_episode(data: DataPath = None) -> None:
    """Move the saved progress to the end of the next episode (you just finished one).

    A pause inside an episode moves to the end of that episode.

    \b
    Examples:
      rouge progress next
    """
    from rouge_cli.common.errors import UsageError
    from rouge_cli.common.position import Position
    from rouge_cli.config.progress_file import read_saved_episode, save_episode
    from rouge_cli.dataset.load import load_dataset

    count = load_dataset(data).episode_count
    saved = read_saved_episode()
    if saved is None:
        chosen = Position(1)
    elif saved.at is not None:
        chosen = Position(saved.episode)
    else:
        chosen = Position(saved.episode + 1)
    if chosen.episode > count:
        raise UsageError(f"you have watched all {count} episodes; nothing comes next")
    path = save_episode(chosen)
    sys.stdout.write(f"Saved: {_described(chosen)} ({path}).\n")


@progress_app.command("clear")
def clear_progress() -> None:
    """Forget the saved progress (back to episode 1 unless told otherwise).

    \b
    Examples:
      rouge progress clear
    """
    from rouge_cli.config.locations import progress_path
    from rouge_cli.config.progress_file import clear_saved_episode

    path = progress_path()
    if clear_saved_episode():
        sys.stdout.write(f"Cleared saved progress ({path}).\n")
    else:
        sys.stdout.write(f"No progress was saved ({path}).\n")
