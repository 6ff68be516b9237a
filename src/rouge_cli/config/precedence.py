"""Which position is in force: --up-to-episode > ROUGE_UP_TO_EPISODE > saved progress > 1."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from rouge_cli.common.errors import ProgressError, UsageError
from rouge_cli.common.escape import printable
from rouge_cli.common.position import Position, format_time, parse_position

ENV_EPISODE = "ROUGE_UP_TO_EPISODE"
Origin = Literal["flag", "all", "env", "progress", "default"]
FORMS = "N, N@MM or N@MM:SS"


@dataclass(frozen=True)
class EpisodeChoice:
    position: Position
    origin: Origin

    @property
    def episode(self) -> int:
        return self.position.episode


def _shown(raw: str) -> str:
    return printable(raw if len(raw) <= 20 else raw[:20] + "…")


def checked_position(position: Position, runtimes: Sequence[int | None], what: str, raw: str) -> Position:
    """`position` if it lies within the dataset's episodes and that episode's runtime, else a UsageError."""
    count = len(runtimes)
    if not 1 <= position.episode <= count:
        raise UsageError(f"{what} must be {FORMS} with N from 1 to {count} (got '{_shown(raw)}')")
    runtime = runtimes[position.episode - 1]
    if position.at is not None and runtime is not None and position.at > runtime:
        raise UsageError(
            f"{what}: {format_time(position.at)} is past the end of episode {position.episode} "
            f"(runtime {format_time(runtime)})"
        )
    return position


def parse_episode(raw: str, runtimes: Sequence[int | None], what: str) -> Position:
    """`raw` as a position inside the dataset's episodes, or a UsageError naming `what`."""
    position = parse_position(raw)
    if position is None:
        raise UsageError(f"{what} must be {FORMS} with N from 1 to {len(runtimes)} (got '{_shown(raw)}')")
    return checked_position(position, runtimes, what, raw)


def choose_episode(
    flag: str | None,
    show_all: bool,
    env: Mapping[str, str],
    runtimes: Sequence[int | None],
    saved: Callable[[], Position | None],
) -> EpisodeChoice:
    """The position in force and where it came from."""
    if flag is not None and show_all:
        raise UsageError("--up-to-episode and --all cannot be used together")
    if show_all:
        return EpisodeChoice(Position(len(runtimes)), "all")
    if flag is not None:
        return EpisodeChoice(parse_episode(flag, runtimes, "--up-to-episode"), "flag")
    raw = env.get(ENV_EPISODE)
    if raw:
        return EpisodeChoice(parse_episode(raw, runtimes, ENV_EPISODE), "env")
    stored = saved()
    if stored is not None:
        try:
            return EpisodeChoice(checked_position(stored, runtimes, "saved progress", str(stored)), "progress")
        except UsageError as error:
            from rouge_cli.config.progress_file import WAY_OUT

            raise ProgressError(f"{error.message} (this dataset); {WAY_OUT}") from None
    return EpisodeChoice(Position(1), "default")
