"""`rouge progress`, `rouge progress set N`, `rouge progress clear`."""

import sys
from typing import Annotated

import typer

from ..options import DataPath, Json, episode_number

progress_app = typer.Typer(
    name="progress",
    help="Remember how far you have watched, so you need not pass --up-to-episode.",
    no_args_is_help=False,
    invoke_without_command=True,
    rich_markup_mode=None,
)


@progress_app.callback()
def show(ctx: typer.Context, json_output: Json = False, data: DataPath = None) -> None:
    """Show the saved progress, where it is stored, and the episode in force.

    \b
    Examples:
      rouge progress
      rouge progress set 5
      rouge progress clear
    """
    from ..load import load_dataset
    from ..progress import progress_path, read_saved_episode
    from ..session import episode_in_force

    if ctx.invoked_subcommand is not None:
        return
    saved = read_saved_episode()
    dataset = load_dataset(data)
    choice = episode_in_force(dataset.episode_count, None, False, quiet=True)
    path = progress_path()
    if json_output:
        import json

        document = {
            "schema_version": 1,
            "up_to_episode": choice.episode,
            "origin": choice.origin,
            "saved": saved,
            "path": str(path),
        }
        sys.stdout.write(json.dumps(document, indent=2) + "\n")
        return
    if saved is None:
        sys.stdout.write(f"No progress saved ({path}).\nSet it with: rouge progress set N\n")
    else:
        sys.stdout.write(f"Saved progress: up to episode {saved} ({path}).\n")
    origins = {
        "env": "from ROUGE_UP_TO_EPISODE",
        "progress": "from the saved progress",
        "default": "the safe default",
    }
    sys.stdout.write(f"Episode in force: {choice.episode} ({origins.get(choice.origin, choice.origin)}).\n")


@progress_app.command("set")
def set_progress(
    episode: Annotated[
        int, typer.Argument(metavar="N", help="The last episode you have watched.", parser=episode_number)
    ],
    data: DataPath = None,
) -> None:
    """Save how far you have watched (1 to the last episode).

    \b
    Examples:
      rouge progress set 5
    """
    from ..errors import UsageError
    from ..load import load_dataset
    from ..progress import save_episode

    count = load_dataset(data).episode_count
    if not 1 <= episode <= count:
        raise UsageError(f"N must be a whole number from 1 to {count} (got {episode})")
    path = save_episode(episode)
    sys.stdout.write(f"Saved: up to episode {episode} ({path}).\n")


@progress_app.command("clear")
def clear_progress() -> None:
    """Forget the saved progress (back to episode 1 unless told otherwise).

    \b
    Examples:
      rouge progress clear
    """
    from ..progress import clear_saved_episode, progress_path

    path = progress_path()
    if clear_saved_episode():
        sys.stdout.write(f"Cleared saved progress ({path}).\n")
    else:
        sys.stdout.write(f"No progress was saved ({path}).\n")
