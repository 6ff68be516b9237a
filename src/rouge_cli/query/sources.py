"""Which sources a piece of output cites, and where a viewer may follow them."""

from __future__ import annotations

from collections.abc import Iterable

from rouge_cli.common.errors import NotFoundError
from rouge_cli.query.find import quoted
from rouge_cli.view import View

LATER = "a source covering later episodes"


def cited_keys(citations: Iterable[str]) -> list[str]:
    """The distinct source keys in `citations` (`"JP1 00:12:27, RJ4"` cites JP1 and RJ4), in order."""
    keys: list[str] = []
    for citation in citations:
        for part in citation.split(","):
            key = part.strip().partition(" ")[0]
            if key and key not in keys:
                keys.append(key)
    return keys


def addresses(view: View, keys: Iterable[str]) -> list[tuple[str, str | None]]:
    """Each key with its address, or None where the source covers what the viewer has not seen."""
    return [(key, view.address(key)) for key in keys]


def find_source(view: View, key: str) -> tuple[str, str]:
    """The visible source `key` (case ignored); NotFoundError reads the same for hidden and unknown keys."""
    wanted = key.strip().casefold()
    for known, url in view.sources:
        if known.casefold() == wanted:
            return known, url
    raise NotFoundError(f"no source known {view.where} matches {quoted(key)}.")
