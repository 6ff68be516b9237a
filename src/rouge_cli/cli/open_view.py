"""Opening the gated view for a command: load, choose the position, gate. Nothing else sees data."""

from __future__ import annotations

import os
import sys

from rouge_cli.common.collector import PausedCollector
from rouge_cli.common.position import Position, settled
from rouge_cli.config.locations import PathLike, dataset_path
from rouge_cli.config.precedence import EpisodeChoice, choose_episode
from rouge_cli.config.progress_file import read_saved_episode
from rouge_cli.dataset.model import Dataset
from rouge_cli.dataset.store import StaleCacheError, Store, open_store
from rouge_cli.gate import gate
from rouge_cli.view import View

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    Loader = Callable[[Store, Position], Dataset]  # what to read from the store at a position (all, or a subset)


def note(message: str) -> None:
    """A one-line note on stderr (never on stdout, so pipes stay clean)."""
    sys.stderr.write(f"rouge: {message}\n")


def episode_in_force(
    runtimes: Sequence[int | None], episode: str | None, show_all: bool, quiet: bool = False
) -> EpisodeChoice:
    """The position to show (given each episode's runtime), with the note or warning its origin calls for."""
    choice = choose_episode(episode, show_all, os.environ, runtimes, read_saved_episode)
    if quiet:
        return choice
    if choice.origin == "default":
        note(
            "note: showing episode 1 only. Set how far you are with --up-to-episode N (or N@MM:SS), "
            "ROUGE_UP_TO_EPISODE=N or `rouge progress set N`."
        )
    elif choice.origin == "all":
        note(f"warning: --all shows all {len(runtimes)} episodes, spoilers included.")
    return choice


def open_view(
    data: PathLike | None,
    episode: str | None,
    show_all: bool,
    quiet: bool = False,
    query: str | None = None,
    load: Loader | None = None,
) -> View:
    """Load the dataset, decide the position in force, and gate: the only way commands see data.

    With `query`, only the records a lookup of that name can depend on are loaded (see
    `Store.for_query`); with `load`, what it reads (see `dataset.reach`). Either way the
    gate's answer about what the command shows is the same as on the whole dataset.
    """
    if load is None:
        load = _everything if query is None else lambda store, at: store.for_query(query, at.moment)
    path = dataset_path(data)
    store = open_store(path)
    runtimes = [e.runtime for e in store.episodes]
    position = episode_in_force(runtimes, episode, show_all, quiet).position
    chosen = settled(position, runtimes[position.episode - 1])
    with PausedCollector():
        try:
            dataset = load(store, chosen)
        except StaleCacheError:
            store = open_store(path, rebuild=True)
            dataset = load(store, chosen)
        return gate(dataset, chosen)


def _everything(store: Store, at: Position) -> Dataset:
    return store.everything()
