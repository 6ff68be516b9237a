"""Saved viewing progress (filled in by the progress command)."""

from __future__ import annotations


def read_saved_episode() -> int | None:
    """The saved episode, or None when nothing is saved."""
    return None
