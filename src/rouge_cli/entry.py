"""The `rouge` console script: a fast path for shell completion, else the Typer app."""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Run the command line."""
    if os.environ.get("_ROUGE_COMPLETE"):
        from .shell_complete import answer

        code = answer(os.environ)
        if code is not None:
            sys.exit(code)
    from .cli import app

    app(prog_name="rouge")
