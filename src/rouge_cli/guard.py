"""One place where failures become a single line on stderr and a documented exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any

import typer

from .errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, RougeError
from .text import printable


def fail(message: str) -> None:
    sys.stderr.write(f"rouge: error: {printable(message)}\n")


def run_guarded(invoke: Callable[[], Any]) -> int:
    """Run a command; map every expected failure to (one stderr line, exit code)."""
    try:
        result = invoke()
        sys.stdout.flush()
        return result if isinstance(result, int) else EXIT_OK
    except RougeError as error:
        fail(error.message)
        return error.exit_code
    except typer.TyperException as error:
        if type(error).__name__ == "NoArgsIsHelpError":
            sys.stdout.write(error.format_message() + "\n")
            return EXIT_OK
        ctx = getattr(error, "ctx", None)
        where = ctx.command_path if ctx is not None else "rouge"
        hint = f" (see '{where} --help')" if ctx is not None else ""
        fail(f"{where}: {error.format_message()}{hint}")
        return error.exit_code if error.exit_code else EXIT_USAGE
    except typer.Exit as error:
        return int(error.exit_code or 0)
    except (KeyboardInterrupt, typer.Abort):
        sys.stderr.write("\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK


def _silence_stdout() -> None:
    """The reader went away (`| head`): point stdout at /dev/null so the exit flush is quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
