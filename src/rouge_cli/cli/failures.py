"""One place where failures become a single line on stderr and a documented exit code.

Typer is not imported here: the fast paths (see `fast_path.py`) run without it, and
Typer's own exceptions can only occur when Typer is already loaded.
"""

from __future__ import annotations

import os
import sys

from rouge_cli.common.errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, RougeError
from rouge_cli.common.text import printable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

MAX_QUOTED = 60
MAX_MESSAGE = 240


def shorten(message: str) -> str:
    """Cut long quoted values (a 100,000-character argument echoed back) and cap the length."""
    parts = message.split("'")
    for index in range(1, len(parts), 2):
        if len(parts[index]) > MAX_QUOTED:
            parts[index] = parts[index][:MAX_QUOTED] + "…"
    short = "'".join(parts)
    return short if len(short) <= MAX_MESSAGE else short[: MAX_MESSAGE - 1] + "…"


def fail(message: str) -> None:
    sys.stderr.write(f"rouge: error: {shorten(printable(message))}\n")


def run_guarded(invoke: Callable[[], Any]) -> int:
    """Run a command; map every expected failure to (one stderr line, exit code)."""
    try:
        result = invoke()
        sys.stdout.flush()
        return result if isinstance(result, int) else EXIT_OK
    except RougeError as error:
        fail(error.message)
        return error.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        silence_stdout()
        return EXIT_OK
    except Exception as error:
        code = _typer_exit_code(error)
        if code is None:
            raise
        return code


def _typer_exit_code(error: Exception) -> int | None:
    """Report one of Typer's exceptions the rouge way; None for anything else."""
    typer = sys.modules.get("typer")
    if typer is None:
        return None
    if isinstance(error, typer.Exit):
        return int(error.exit_code or 0)
    if isinstance(error, typer.Abort):
        sys.stderr.write("\n")
        return EXIT_INTERRUPTED
    if not isinstance(error, typer.TyperException):
        return None
    if type(error).__name__ == "NoArgsIsHelpError":
        sys.stdout.write(error.format_message() + "\n")
        return EXIT_OK
    ctx = getattr(error, "ctx", None)
    where = ctx.command_path if ctx is not None else "rouge"
    hint = f" (see '{where} --help')" if ctx is not None else ""
    fail(f"{where}: {error.format_message()}{hint}")
    return int(error.exit_code) if error.exit_code else EXIT_USAGE


def silence_stdout() -> None:
    """The reader went away (`| head`): point stdout at /dev/null so the exit flush is quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:  # noqa: SIM105 - no contextlib import on this path
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    os.close(devnull)
