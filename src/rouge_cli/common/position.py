"""Where a viewer is: a whole episode (`4`) or a moment inside one (`4@12:30`).

Kept free of heavy imports: shell completion parses positions too. Times are whole
seconds into the episode (web-release timing); `None` means "the whole episode".
"""

SCALE = 100_000
"""Seconds per episode on the moment scale; larger than any runtime."""
END = SCALE - 1
"""The moment of an item without `at`: the end of its episode."""
MAX_DIGITS = 9


class Position:
    """An episode, and the time inside it (None: all of it). A plain class: `typing` stays unimported."""

    __slots__ = ("at", "episode")

    def __init__(self, episode: int, at: int | None = None) -> None:
        self.episode = episode
        self.at = at

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Position) and (self.episode, self.at) == (other.episode, other.at)

    def __hash__(self) -> int:
        return hash((self.episode, self.at))

    def __repr__(self) -> str:
        return f"Position({self.episode!r}, {self.at!r})"

    @property
    def moment(self) -> int:
        return moment(self.episode, self.at)

    def __str__(self) -> str:
        return str(self.episode) if self.at is None else f"{self.episode}@{format_time(self.at)}"


def settled(position: Position, runtime: int | None) -> Position:
    """`position`, with a time at or past the episode's runtime read as the whole episode."""
    if position.at is not None and runtime is not None and position.at >= runtime:
        return Position(position.episode)
    return position


def moment(episode: int, at: int | None) -> int:
    """A single number ordering (episode, time): later moments are larger; no time = episode end."""
    return episode * SCALE + (END if at is None else at)


def format_time(seconds: int) -> str:
    """`750` -> `"12:30"`."""
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def parse_time(text: str) -> int | None:
    """`"MM:SS"` or `"MM"` (whole minutes) as seconds; None when malformed."""
    minutes, colon, seconds = text.partition(":")
    if not _digits(minutes, 2) or (colon and not (_digits(seconds, 2) and len(seconds) == 2)):
        return None
    total_seconds = int(seconds) if colon else 0
    if total_seconds > 59:
        return None
    return int(minutes) * 60 + total_seconds


def _digits(text: str, most: int) -> bool:
    return 0 < len(text) <= most and text.isascii() and text.isdigit()


def parse_position(text: str) -> Position | None:
    """`N`, `N@MM` or `N@MM:SS` as a Position (not yet checked against a dataset); None when malformed."""
    raw = text.strip()
    episode, at_sign, time = raw.partition("@")
    if not _digits(episode, MAX_DIGITS):
        return None
    if not at_sign:
        return Position(int(episode))
    seconds = parse_time(time)
    return None if seconds is None else Position(int(episode), seconds)
