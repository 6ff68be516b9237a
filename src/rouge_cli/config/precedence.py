"""Which position is in force: --all or --up-to-episode > ROUGE_UP_TO_EPISODE > saved progress > 1.

The one home of that rule: `origin_in_force` is what shell completion asks on every Tab
and `choose_episode` what every command asks, so this module imports nothing heavy
(`typing` and the exceptions only when they are needed).
"""

from rouge_cli.common.position import Position, format_time, parse_position
from rouge_cli.common.text import printable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from typing import Literal

    from rouge_cli.common.errors import UsageError

    Origin = Literal["flag", "all", "env", "progress", "default"]

ENV_EPISODE = "ROUGE_UP_TO_EPISODE"
FORMS = "N, N@MM or N@MM:SS"


class EpisodeChoice:
    """The position in force and where it came from."""

    __slots__ = ("origin", "position")

    def __init__(self, position: Position, origin: "Origin") -> None:
        self.position = position
        self.origin: Origin = origin

    @property
    def episode(self) -> int:
        return self.position.episode


def origin_in_force(flag: str | None, show_all: bool, env: "Mapping[str, str]") -> str:
    """Which source decides: "all", "flag", "env", or "saved" (the progress file, else episode 1)."""
    if show_all:
        return "all"
    if flag is not None:
        return "flag"
    if env.get(ENV_EPISODE):
        return "env"
    return "saved"


def _usage(message: str) -> "UsageError":
    from rouge_cli.common.errors import UsageError

    return UsageError(message)


def _shown(raw: str) -> str:
    return printable(raw if len(raw) <= 20 else raw[:20] + "…")


def checked_position(position: Position, runtimes: "Sequence[int | None]", what: str, raw: str) -> Position:
    """`position` if it lies within the dataset's episodes and that episode's runtime, else a UsageError."""
    count = len(runtimes)
    if not 1 <= position.episode <= count:
        raise _usage(f"{what} must be {FORMS} with N from 1 to {count} (got '{_shown(raw)}')")
    runtime = runtimes[position.episode - 1]
    if position.at is not None and runtime is not None and position.at > runtime:
        raise _usage(
            f"{what}: {format_time(position.at)} is past the end of episode {position.episode} "
            f"(runtime {format_time(runtime)})"
        )
    return position


def parse_episode(raw: str, runtimes: "Sequence[int | None]", what: str) -> Position:
    """`raw` as a position inside the dataset's episodes, or a UsageError naming `what`."""
    position = parse_position(raw)
    if position is None:
        raise _usage(f"{what} must be {FORMS} with N from 1 to {len(runtimes)} (got '{_shown(raw)}')")
    return checked_position(position, runtimes, what, raw)


def choose_episode(
    flag: str | None,
    show_all: bool,
    env: "Mapping[str, str]",
    runtimes: "Sequence[int | None]",
    saved: "Callable[[], Position | None]",
) -> EpisodeChoice:
    """The position in force and where it came from."""
    if flag is not None and show_all:
        raise _usage("--up-to-episode and --all cannot be used together")
    origin = origin_in_force(flag, show_all, env)
    if origin == "all":
        return EpisodeChoice(Position(len(runtimes)), "all")
    if origin == "flag" and flag is not None:
        return EpisodeChoice(parse_episode(flag, runtimes, "--up-to-episode"), "flag")
    if origin == "env":
        return EpisodeChoice(parse_episode(env[ENV_EPISODE], runtimes, ENV_EPISODE), "env")
    stored = saved()
    if stored is None:
        return EpisodeChoice(Position(1), "default")
    from rouge_cli.common.errors import ProgressError, UsageError

    try:
        return EpisodeChoice(checked_position(stored, runtimes, "saved progress", str(stored)), "progress")
    except UsageError as error:
        from rouge_cli.config.progress_file import WAY_OUT

        raise ProgressError(f"{error.message} (this dataset); {WAY_OUT}") from None
