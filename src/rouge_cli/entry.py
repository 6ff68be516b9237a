"""The `rouge` console script: quick paths for shell completion and everyday lookups, else Typer."""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Run the command line."""
    if os.environ.get("_ROUGE_COMPLETE"):
        from .quick_complete import answer

        code = answer(os.environ)
        if code is not None:
            sys.exit(code)
    else:
        from .fastpath import plan

        run = plan(sys.argv[1:])
        if run is not None:
            from .guard import run_guarded

            sys.exit(run_guarded(run))
    from .cli import app

    app(prog_name="rouge")
