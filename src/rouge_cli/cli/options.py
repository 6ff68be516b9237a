"""Command-line options shared by every command (Annotated aliases for Typer)."""

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer


def complete_character(ctx: typer.Context, incomplete: str) -> list[str]:
    """Offer the character names visible at the episode in force."""
    from rouge_cli.cli.completion.tables import from_params

    return from_params(ctx.params, "character", incomplete)


def complete_faction(ctx: typer.Context, incomplete: str) -> list[str]:
    """Offer the faction names visible at the episode in force."""
    from rouge_cli.cli.completion.tables import from_params

    return from_params(ctx.params, "faction", incomplete)


def episode_number(value: str) -> int:
    """An episode number as typed: ASCII digits only (Python's int() would take "1_0" or "٣")."""
    if isinstance(value, int):
        return value
    digits = value.strip()
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 9:
        raise typer.BadParameter(f"'{value}' is not an episode number")
    return int(digits)


def position_text(value: str) -> str:
    """A position as typed (`N`, `N@MM` or `N@MM:SS`), checked for form; its range is checked with the data."""
    from rouge_cli.common.position import parse_position

    if not isinstance(value, str) or parse_position(value) is None:
        from rouge_cli.common.text import printable

        shown = printable(str(value)[:20] + ("…" if len(str(value)) > 20 else ""))
        raise typer.BadParameter(f"'{shown}' is not N, N@MM or N@MM:SS (an episode, or a time inside it)")
    return value.strip()


# Typer needs Optional[...] at run time on Python 3.10; keep these aliases in one place.
Episode = Annotated[
    Optional[str],  # noqa: UP045
    typer.Option(
        "--up-to-episode",
        "-e",
        metavar="N[@MM:SS]",
        parser=position_text,
        help=(
            "Show only what is known after episode N, or at MM:SS into it "
            "(default: $ROUGE_UP_TO_EPISODE, saved progress, else 1)."
        ),
        show_default=False,
    ),
]
ShowAll = Annotated[bool, typer.Option("--all", help="Show the whole series, spoilers included.")]
DataPath = Annotated[
    Optional[Path],  # noqa: UP045
    typer.Option(
        "--data",
        metavar="PATH",
        help="Use this dataset instead of the shipped one [env: ROUGE_DATA].",
        show_envvar=False,
        dir_okay=True,
        readable=False,  # an unreadable dataset is a data error (exit 3), reported by the loader
    ),
]
Json = Annotated[bool, typer.Option("--json", help="Print JSON for scripts instead of a table or profile.")]


class Format(str, Enum):
    table = "table"
    tsv = "tsv"


FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        metavar="FORMAT",
        help="table (for people) or tsv (one record a line, for scripts).",
        case_sensitive=False,
    ),
]


def complete_term(ctx: typer.Context, incomplete: str) -> list[str]:
    """Offer the terms visible at the position in force."""
    from rouge_cli.cli.completion.tables import from_params

    return from_params(ctx.params, "term", incomplete)
