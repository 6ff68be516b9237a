"""Opening the gated view for a command: load, choose the episode, gate. Nothing else sees data."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .episode import EpisodeChoice, choose_episode
from .gate import gate
from .load import load_dataset
from .model import Dataset
from .progress import read_saved_episode
from .view import View


def note(message: str) -> None:
    """A one-line note on stderr (never on stdout, so pipes stay clean)."""
    sys.stderr.write(f"rouge: {message}\n")


def episode_in_force(dataset: Dataset, episode: int | None, show_all: bool, quiet: bool = False) -> EpisodeChoice:
    """The episode to show, with the note or warning its origin calls for."""
    choice = choose_episode(episode, show_all, os.environ, dataset.episode_count, read_saved_episode)
    if quiet:
        return choice
    if choice.origin == "default":
        note(
            "note: showing episode 1 only. Set how far you are with --up-to-episode N, "
            "ROUGE_UP_TO_EPISODE=N or `rouge progress set N`."
        )
    elif choice.origin == "all":
        note(f"warning: --all shows all {dataset.episode_count} episodes, spoilers included.")
    return choice


def open_view(data: Path | None, episode: int | None, show_all: bool, quiet: bool = False) -> View:
    """Load the dataset, decide the episode in force, and gate: the only way commands see data."""
    dataset = load_dataset(data)
    return gate(dataset, episode_in_force(dataset, episode, show_all, quiet).episode)
