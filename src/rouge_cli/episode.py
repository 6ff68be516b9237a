"""Which episode is in force: --up-to-episode > ROUGE_UP_TO_EPISODE > saved progress > 1."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Literal

from .errors import UsageError
from .escape import printable

ENV_EPISODE = "ROUGE_UP_TO_EPISODE"
Origin = Literal["flag", "all", "env", "progress", "default"]


@dataclass(frozen=True)
class EpisodeChoice:
    episode: int
    origin: Origin


def parse_episode(raw: str, count: int, what: str) -> int:
    """`raw` as an episode number from 1 to `count`, or a UsageError naming `what`."""
    text = raw.strip()
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= count:
        shown = printable(raw if len(raw) <= 20 else raw[:20] + "…")
        raise UsageError(f"{what} must be a whole number from 1 to {count} (got '{shown}')")
    return int(text)


def choose_episode(
    flag: int | None,
    show_all: bool,
    env: Mapping[str, str],
    count: int,
    saved: Callable[[], int | None],
) -> EpisodeChoice:
    """The episode in force and where it came from."""
    if flag is not None and show_all:
        raise UsageError("--up-to-episode and --all cannot be used together")
    if show_all:
        return EpisodeChoice(count, "all")
    if flag is not None:
        if not 1 <= flag <= count:
            raise UsageError(f"--up-to-episode must be a whole number from 1 to {count} (got {flag})")
        return EpisodeChoice(flag, "flag")
    raw = env.get(ENV_EPISODE)
    if raw:
        return EpisodeChoice(parse_episode(raw, count, ENV_EPISODE), "env")
    stored = saved()
    if stored is not None:
        return EpisodeChoice(min(stored, count), "progress")
    return EpisodeChoice(1, "default")
