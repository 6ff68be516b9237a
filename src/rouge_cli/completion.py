"""Shell completion of character and faction names, from the gated view only.

The episode comes from the command line being completed (`-e N`, `--all`), else the
environment, else saved progress, else 1, exactly as when the command runs; nothing
later than that episode is ever offered. Any problem (bad episode, broken dataset)
offers nothing rather than printing an error into the user's prompt.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from .errors import RougeError
from .session import open_view
from .text import fold, words
from .view import CharacterView, FactionView

Kind = Literal["character", "faction"]
COMPLETE_VAR = "_ROUGE_COMPLETE"
_BASH_SPECIAL = re.compile(r"([\s'\"\\$`!&;|<>()*?\[\]{}#~])")


def _labels(item: CharacterView | FactionView) -> list[str]:
    return [item.name, *(n.text for n in item.names if n.kind != "spelling" and n.text != item.name)]


def matching(items: Iterable[CharacterView | FactionView], incomplete: str) -> list[str]:
    """Visible names and aliases that the text typed so far could be the start of."""
    typed = fold(incomplete)
    offered: list[str] = []
    for item in items:
        for label in _labels(item):
            if label in offered:
                continue
            if fold(label).startswith(typed) or any(word.startswith(typed) for word in words(label)):
                offered.append(label)
    return offered


def candidates(kind: Kind, incomplete: str, episode: int | None, show_all: bool, data: Path | None) -> list[str]:
    """What to offer for a name being typed, given the options already on the command line."""
    try:
        view = open_view(data, episode, show_all, quiet=True)
    except (RougeError, ValueError):
        return []
    items = view.characters if kind == "character" else view.factions
    return matching(items, incomplete)


def for_shell(values: list[str], env: Mapping[str, str]) -> list[str]:
    """Bash inserts a completion as typed text, so escape what the shell would split or expand."""
    if env.get(COMPLETE_VAR, "").endswith("bash"):
        return [_BASH_SPECIAL.sub(r"\\\1", value) for value in values]
    return values


def from_params(params: Mapping[str, Any], kind: Kind, incomplete: str) -> list[str]:
    """Candidates given the parameters parsed so far (Typer's completion context)."""
    data = params.get("data") or (Path(os.environ["ROUGE_DATA"]) if os.environ.get("ROUGE_DATA") else None)
    found = candidates(kind, incomplete, params.get("up_to_episode"), bool(params.get("show_all")), data)
    return for_shell(found, os.environ)
