"""Completion tables: the names a viewer at one episode may be offered, taken from the gated view.

A table lists, for the characters and the factions visible at an episode, each name in
use and each alias (spellings are left out) with its folded form and folded words. It is
cached per dataset and episode, whole and in buckets by the first two folded characters of a
label or word, so that pressing Tab reads a small file (`tab.py`); building it always goes
through the gate.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

from rouge_cli.cli.completion.offer import KINDS, Table, buckets_of, episode_suffix, offer
from rouge_cli.cli.open_view import open_view
from rouge_cli.common.errors import RougeError
from rouge_cli.common.text import fold, words
from rouge_cli.config import cache
from rouge_cli.config.locations import PathLike, dataset_path
from rouge_cli.view import CharacterView, FactionView, TermView, View

Kind = Literal["character", "faction", "term"]


def _rows(items: Iterable[CharacterView | FactionView | TermView]) -> list[tuple[str, str, tuple[str, ...]]]:
    rows: list[tuple[str, str, tuple[str, ...]]] = []
    seen: set[str] = set()
    for item in items:
        for label in [item.name, *(n.text for n in item.names if n.kind != "spelling")]:
            if label not in seen:
                seen.add(label)
                rows.append((label, fold(label), words(label)))
    return rows


def table_for(data: PathLike | None, episode: str | None, show_all: bool) -> Table | None:
    """The completion table at the episode in force, from the cache or freshly gated; None on any problem."""
    path = dataset_path(data)
    try:
        view = open_view(path, episode, show_all, quiet=True)
    except (RougeError, ValueError, OSError):
        return None
    table: Table = (_rows(view.characters), _rows(view.factions), _rows(view.terms))
    key = cache.data_key(str(path))
    if key is not None:
        suffix = episode_suffix("all" if show_all else _position_text(view))
        index, rows = buckets_of(table)
        cache.write_bytes(cache.cache_path(key, suffix + ".rows"), rows)
        cache.write(cache.cache_path(key, suffix + ".index"), index)
        cache.write(cache.cache_path(key, suffix), table)
    return table


def _position_text(view: View) -> str:
    from rouge_cli.common.position import Position

    return str(Position(view.episode, view.at))


def from_params(params: Mapping[str, Any], kind: Kind, incomplete: str) -> list[str]:
    """Candidates given the parameters Typer parsed so far (its completion context)."""
    table = table_for(params.get("data"), params.get("up_to_episode"), bool(params.get("show_all")))
    if table is None:
        return []
    return offer(table[KINDS.index(kind)], incomplete)
