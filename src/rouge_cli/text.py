"""Text helpers shared by matching, the spoiler lint and output: normalising and sanitising."""

from __future__ import annotations

import re

from .escape import printable
from .folding import fold

__all__ = ["contains_phrase", "fold", "printable", "words"]

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> tuple[str, ...]:
    """The folded words of `text` (letters and digits; punctuation separates words)."""
    if text.isascii():
        return tuple(_WORD.findall(text.lower()))
    return tuple(_WORD.findall(fold(text)))


def plural(count: int, word: str) -> str:
    """`1 member`, `3 members`."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def contains_phrase(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    """True when the words of `needle` stand together, in order, in `haystack`."""
    size = len(needle)
    if size == 0 or size > len(haystack):
        return False
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))
