"""The Typer application: wiring only. Each command lives in `commands/`."""

import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from rouge_cli import __version__
from rouge_cli.cli.commands.check import check
from rouge_cli.cli.commands.episodes import episode, episodes
from rouge_cli.cli.commands.factions import factions
from rouge_cli.cli.commands.fan import cast, relations, roster, since, terms
from rouge_cli.cli.commands.listing import list_characters
from rouge_cli.cli.commands.progress import progress_app
from rouge_cli.cli.commands.search import search
from rouge_cli.cli.commands.sources import sources
from rouge_cli.cli.commands.timeline import timeline
from rouge_cli.cli.commands.who import who
from rouge_cli.cli.failures import run_guarded


class RougeGroup(TyperGroup):
    """Runs every invocation through one guard: one-line errors, documented exit codes."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        kwargs.setdefault("prog_name", "rouge")
        sys.exit(run_guarded(lambda: super(RougeGroup, self).main(*args, **kwargs)))

    def invoke(self, ctx: Any) -> Any:
        """A closed pipe ends quietly with the same exit code as on the quick paths (not Typer's 1)."""
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            from rouge_cli.cli.failures import silence_stdout

            silence_stdout()
            raise typer.Exit(0) from None


BASH_SCRIPT = """
%(complete_func)s() {
    local IFS=$'\\n'
    COMPREPLY=( $( env COMP_WORDS="${COMP_WORDS[*]}" \\
                   COMP_CWORD=$COMP_CWORD \\
                   %(autocomplete_var)s=complete_bash $1 ) )
    compopt -o filenames 2>/dev/null
    return 0
}

complete -o default -F %(complete_func)s %(prog_name)s
"""
"""Typer's bash script, plus `compopt -o filenames`: names show unescaped in the menu, and bash
escapes what it inserts (so `Afdal Bashal` completes as one word)."""

try:  # Typer keeps its scripts in a private table; without it, Typer's own script is used.
    from typer import _completion_shared

    _completion_shared._completion_scripts["bash"] = BASH_SCRIPT
except (ImportError, AttributeError):  # pragma: no cover - a Typer without that table
    pass

app = typer.Typer(
    cls=RougeGroup,
    name="rouge",
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=True,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"rouge {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager", help="Never page long output on a terminal (as `git --no-pager`); also after a command."
        ),
    ] = False,
    no_color: Annotated[
        bool,
        typer.Option(
            "--no-color",
            help="No colours (as NO_COLOR=1); also after a command: `who x --no-color`.",
        ),
    ] = False,
) -> None:
    """A spoiler-safe character guide for Metallic Rouge.

    Tell rouge how far you have watched and it answers "who is this again?"
    with nothing from a later episode.

    \b
    Examples:
      rouge who giallon --up-to-episode 5
      rouge who giallon -e 1@15:00
      rouge list --faction "Immortal Nine" -e 8
      rouge list --json | jq -r '.characters[].name'
      rouge progress set 5
      rouge --no-pager who rouge -e 13
      rouge who rouge -e 13 --no-color
    """
    import os

    if no_pager:
        os.environ["ROUGE_NO_PAGER"] = "1"
    if no_color:
        os.environ["NO_COLOR"] = "1"


app.command()(who)
app.command("list")(list_characters)
app.command()(timeline)
app.command()(search)
app.command()(factions)
app.command()(episodes)
app.command()(episode)
app.command()(sources)
app.command()(since)
app.command()(relations)
app.command()(terms)
app.command()(roster)
app.command()(cast)
app.add_typer(progress_app)
app.command()(check)
