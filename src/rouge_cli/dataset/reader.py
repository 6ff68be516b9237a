"""Reading typed fields out of raw TOML tables, one problem recorded per mistake."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from rouge_cli.common.errors import Problem
from rouge_cli.common.position import parse_time
from rouge_cli.common.text import first_control, has_control, printable

TYPE_CHECKING = False
if TYPE_CHECKING:  # `typing` is not imported at run time (see common/records.py)
    from typing import Any, TypeVar

    T = TypeVar("T")
_MISSING = object()


class Reader:
    """Reads typed fields out of raw tables, recording a problem for each mistake.

    `paths` holds the key path of each item built the slow way or placed off its index (a
    sibling before it was left out); `held` keeps those items alive, so that no other item
    can take their `id`. Every other item's path follows from its place (`schema.Parsed`).
    """

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.paths: dict[int, str] = {}
        self.held: list[object] = []
        self.episode_count = 0

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def located(self, item: T, path: str) -> T:
        self.paths[id(item)] = path
        self.held.append(item)
        return item

    def table(self, value: object, path: str, keys: Mapping[str, bool]) -> dict[str, Any] | None:
        """`value` as a table whose keys are among `keys` (key -> required)."""
        if not isinstance(value, dict):
            self.problem(path, f"expected a table, found {kind_of(value)}")
            return None
        ok = True
        for key in value:
            if key not in keys:
                shown = printable(str(key))
                shown = shown if len(shown) <= 60 else shown[:60] + "…"
                self.problem(join_path(path, shown), f"unknown key (allowed: {', '.join(keys)})")
                ok = False
        for key, required in keys.items():
            if required and key not in value:
                self.problem(join_path(path, key), "missing required key")
                ok = False
        return value if ok else None

    def array(self, table: Mapping[str, Any], key: str, path: str) -> list[Any]:
        value = table.get(key, [])
        if not isinstance(value, list):
            self.problem(join_path(path, key), f"expected an array, found {kind_of(value)}")
            return []
        return value

    def typed(self, table: Mapping[str, Any], key: str, path: str, kind: type[T], label: str) -> T | None:
        value = table.get(key, _MISSING)
        if value is _MISSING:
            return None
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.problem(join_path(path, key), f"expected {label}, found {kind_of(value)}")
            return None
        return value

    def text(self, table: Mapping[str, Any], key: str, path: str) -> str | None:
        value = self.typed(table, key, path, str, "a string")
        if value is not None and not value.strip():
            self.problem(join_path(path, key), "must not be empty")
            return None
        if value is not None and has_control(value):
            self.problem(
                join_path(path, key),
                f"contains a control, bidi or invisible character ({printable(first_control(value))})",
            )
            return None
        return value

    def episode(self, table: Mapping[str, Any], key: str, path: str) -> int | None:
        value = self.typed(table, key, path, int, "an episode number")
        if value is not None and not 1 <= value <= self.episode_count:
            self.problem(join_path(path, key), f"episode {value} is outside 1..{self.episode_count}")
            return None
        return value

    def time(self, table: Mapping[str, Any], key: str, path: str) -> int | None:
        """A time inside an episode, written "MM:SS", as seconds."""
        value = self.typed(table, key, path, str, 'a time "MM:SS"')
        if value is None:
            return None
        seconds = parse_time(value) if len(value) == 5 else None
        if seconds is None:
            self.problem(join_path(path, key), f'expected a time "MM:SS" (seconds 00-59), found {value[:20]!r}')
        return seconds

    def items(
        self,
        table: Mapping[str, Any],
        key: str,
        path: str,
        build: Callable[[object, str], T | None],
        fast: Callable[[Reader, object], T | None] | None = None,
    ) -> tuple[T, ...]:
        """The items of the array at `key`, each built by `fast` (no problems, None when unsure) or `build`."""
        if key not in table:
            return ()
        prefix = join_path(path, key)
        built: list[T] = []
        for index, raw in enumerate(self.array(table, key, path)):
            item = None if fast is None else fast(self, raw)
            if item is None:
                item = build(raw, f"{prefix}[{index}]")
                if item is None:
                    continue
            if len(built) != index:  # placed off its index: its path cannot follow from its place
                self.located(item, f"{prefix}[{index}]")
            built.append(item)
        return tuple(built)


def join_path(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def kind_of(value: object) -> str:
    names = {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "an array",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)


def plain_text(value: object) -> bool:
    """True when `value` is a string `Reader.text` accepts without a problem (the fast paths' test)."""
    return type(value) is str and value.isprintable() and bool(value.strip())


def plain_dated(reader: Reader, raw: dict[str, Any], keys: frozenset[str], texts: tuple[str, ...]) -> bool:
    """True when `raw` is a well-formed dated table: only known keys, clean texts, a valid episode.

    The fast path for large datasets; anything else goes through the checks that name each problem.
    """
    if not keys.issuperset(raw):
        return False
    episode = raw.get("revealed_in")
    if type(episode) is not int or not 0 < episode <= reader.episode_count:
        return False
    for key in texts:
        value = raw.get(key)
        if type(value) is not str or not value.isprintable() or not value.strip():
            return False
    at = raw.get("at")
    return at is None or (type(at) is str and len(at) == 5 and parse_time(at) is not None)


def time_at(raw: dict[str, Any], key: str = "at") -> int | None:
    """The already-checked time at `key` of a plain table, as seconds."""
    value = raw.get(key)
    return None if value is None else parse_time(value)
