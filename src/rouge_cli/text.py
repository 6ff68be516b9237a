"""Text helpers shared by matching, the spoiler lint and output: normalising and sanitising."""

from __future__ import annotations

import re

from .folding import fold

_WORD = re.compile(r"[^\W_]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def words(text: str) -> tuple[str, ...]:
    """The folded words of `text` (letters and digits; punctuation separates words)."""
    return tuple(_WORD.findall(fold(text)))


def contains_phrase(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    """True when the words of `needle` stand together, in order, in `haystack`."""
    size = len(needle)
    if size == 0 or size > len(haystack):
        return False
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


def printable(text: str) -> str:
    """`text` with control, bidi and escape characters shown as visible escapes."""
    return _CONTROL.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text
    )
