"""Text helpers shared by matching, the spoiler lint and output: normalising and sanitising."""

from __future__ import annotations

import re

from rouge_cli.common.escape import printable
from rouge_cli.common.folding import fold

__all__ = ["contains_phrase", "fold", "printable", "words"]

_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> tuple[str, ...]:
    """The folded words of `text` (letters and digits; punctuation separates words)."""
    if text.isascii():
        return tuple(_WORD.findall(text.lower()))
    return tuple(_WORD.findall(fold(text)))


# Words a viewer puts before a name ("the clown", "dr afdal"): not part of any name.
LEADING = frozenset({"the", "a", "an", "dr", "doctor", "chief", "mr", "mrs", "ms", "miss"})
# Words that say only that it is a person ("the long-haired guy"): optional when matching a description.
PERSON = frozenset({"guy", "man", "men", "woman", "women", "girl", "boy", "lady", "person", "dude", "kid", "one"})
SYNONYMS = {"guy": "man", "dude": "man", "boy": "man", "men": "man", "girl": "woman", "lady": "woman", "women": "woman"}


def lookup_words(query: str) -> tuple[str, ...]:
    """The words of a name to look up, without the articles and titles that may lead it."""
    found = words(query)
    start = 0
    while start < len(found) - 1 and found[start] in LEADING:
        start += 1
    return found[start:]


def stem(word: str) -> str:
    """A light stem for matching descriptions: synonyms of a person merged, `haired`/`hair`, plurals."""
    word = SYNONYMS.get(word, word)
    if len(word) > 4 and word.endswith("ed"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def plural(count: int, word: str) -> str:
    """`1 member`, `3 members`."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def contains_phrase(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    """True when the words of `needle` stand together, in order, in `haystack`."""
    size = len(needle)
    if size == 0 or size > len(haystack):
        return False
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))
