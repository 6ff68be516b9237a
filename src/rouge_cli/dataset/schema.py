"""Turn a parsed TOML document into the frozen model, collecting every structural problem.

Each problem names its key path (`characters[4].facts[2].revealed_in`). Items that are
broken are left out of the model; `Parsed.path_of` tells where each kept item came from,
so the semantic checks can name paths too.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from rouge_cli.common.errors import Problem
from rouge_cli.common.text import has_control, printable
from rouge_cli.dataset import fast_items
from rouge_cli.dataset.model import (
    Dataset,
    Episode,
    Series,
    Source,
)
from rouge_cli.dataset.reader import Reader, join_path, kind_of
from rouge_cli.dataset.schema_items import character, faction, term

TYPE_CHECKING = False
if TYPE_CHECKING:  # `typing` is not imported at run time (see common/records.py)
    from typing import Any


class Parsed:
    """The model built from a document, the problems found, and the key paths the reader recorded.

    The reader records only the paths that do not follow from an item's place (see `Reader`);
    the others are worked out when a problem first needs one, so a clean load builds none.
    (A plain class: `dataclasses` would cost the first run its import, `inspect` and all.)
    """

    def __init__(
        self,
        dataset: Dataset,
        problems: list[Problem],
        paths: dict[int, str] | None = None,
        held: list[object] | None = None,
    ) -> None:
        self.dataset = dataset
        self.problems = problems
        self.paths: dict[int, str] = {} if paths is None else paths
        self.held: list[object] = [] if held is None else held
        self.placed = False
        self.name_words: dict[str, tuple[str, ...]] = {}
        """The words of names the spoiler lint cut (text -> words), for the cache's word index."""

    def path_of(self, item: object) -> str:
        found = self.paths.get(id(item))
        if found is None and not self.placed:
            self._place()
            found = self.paths.get(id(item))
        return found or ""

    def _place(self) -> None:
        """Give every item the reader did not place the path of its place: `characters[3].facts[1]`."""
        self.placed = True
        paths = self.paths
        groups: list[tuple[str, tuple[Any, ...]]] = [("factions", self.dataset.factions), ("terms", self.dataset.terms)]
        groups.append(("characters", self.dataset.characters))
        for key, owners in groups:
            for index, owner in enumerate(owners):
                path = paths.setdefault(id(owner), f"{key}[{index}]")
                parts: list[tuple[str, tuple[Any, ...]]] = [("names", owner.names), ("facts", owner.facts)]
                if key == "characters":
                    parts += [
                        ("species", owner.species),
                        ("status", owner.status),
                        ("factions", owner.factions),
                        ("relations", owner.relations),
                        ("appears_in", owner.appears_in),
                    ]
                    if owner.same_as is not None:
                        paths.setdefault(id(owner.same_as), f"{path}.same_as")
                for part, items in parts:
                    for place, item in enumerate(items):
                        paths.setdefault(id(item), f"{path}.{part}[{place}]")


def parse_document(document: Mapping[str, Any]) -> Parsed:
    """Build the model from a TOML document; problems are collected, not raised."""
    reader = Reader()
    top = reader.table(
        document,
        "",
        {"series": True, "sources": True, "episodes": True, "factions": False, "characters": True, "terms": False},
    )
    top = top if top is not None else {k: v for k, v in document.items()}
    episodes = _episodes(reader, top)
    reader.episode_count = len(episodes)
    dataset = Dataset(
        series=_series(reader, top.get("series")),
        sources=_sources(reader, top.get("sources")),
        episodes=episodes,
        factions=reader.items(top, "factions", "", lambda raw, path: faction(reader, raw, path)),
        characters=reader.items(
            top, "characters", "", lambda raw, path: character(reader, raw, path), fast_items.character
        ),
        terms=reader.items(top, "terms", "", lambda raw, path: term(reader, raw, path)),
    )
    return Parsed(dataset, reader.problems, reader.paths, reader.held)


def _series(reader: Reader, raw: object) -> Series:
    table = reader.table(raw, "series", {"title": True, "studio": False, "year": False}) or {}
    return Series(
        title=reader.text(table, "title", "series") or "",
        studio=reader.text(table, "studio", "series") or "",
        year=reader.typed(table, "year", "series", int, "an integer") or 0,
    )


def _sources(reader: Reader, raw: object) -> tuple[Source, ...]:
    """`KEY = "address"`, or `KEY = { url = "address", covers = N }` (N: the last episode it covers)."""
    if not isinstance(raw, dict):
        reader.problem("sources", f"expected a table, found {kind_of(raw)}")
        return ()
    found = []
    for key in raw:
        if has_control(key):
            reader.problem("sources", f"key {printable(key)!r} contains a control, bidi or invisible character")
            continue
        if isinstance(raw[key], dict):
            path = join_path("sources", key)
            table = reader.table(raw[key], path, {"url": True, "covers": False})
            if table is None:
                continue
            url, covers = reader.text(table, "url", path), reader.episode(table, "covers", path)
            if url is not None:
                found.append(Source(key, url, covers))
            continue
        value = reader.text(raw, key, "sources")
        if value is not None:
            found.append(Source(key, value))
    return tuple(found)


def _episodes(reader: Reader, top: Mapping[str, Any]) -> tuple[Episode, ...]:
    episodes: list[Episode] = []
    for i, raw in enumerate(reader.array(top, "episodes", "")):
        path = f"episodes[{i}]"
        keys = {
            "number": True,
            "title": True,
            "air_date": True,
            "air_date_inferred": False,
            "runtime": False,
            "synopsis": False,
            "source": True,
        }
        table = reader.table(raw, path, keys)
        if table is None:
            continue
        number = reader.typed(table, "number", path, int, "an integer")
        title = reader.text(table, "title", path)
        air_date = reader.typed(table, "air_date", path, datetime.date, "a date (YYYY-MM-DD)")
        if isinstance(air_date, datetime.datetime):
            reader.problem(join_path(path, "air_date"), "expected a date without a time")
            air_date = None
        inferred = reader.typed(table, "air_date_inferred", path, bool, "a boolean") or False
        source = reader.text(table, "source", path)
        runtime = reader.time(table, "runtime", path)
        synopsis = reader.text(table, "synopsis", path)
        if number is None or title is None or air_date is None or source is None:
            continue
        if number != len(episodes) + 1:
            reader.problem(
                join_path(path, "number"), f"expected episode {len(episodes) + 1} (episodes are numbered 1..n in order)"
            )
            continue
        episode = Episode(number, title, air_date.isoformat(), inferred, source, runtime, synopsis)
        episodes.append(reader.located(episode, path))
    if not episodes:
        reader.problem("episodes", "the dataset needs at least one episode")
    return tuple(episodes)
