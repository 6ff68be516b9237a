"""The `rouge` console script."""

from __future__ import annotations


def main() -> None:
    """Run the command line."""
    from .cli import app

    app(prog_name="rouge")
