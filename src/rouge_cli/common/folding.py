"""Case- and accent-folding, kept apart so shell completion can use it without `re`."""

from __future__ import annotations

import unicodedata

_KANA_MARKS = ("\u3099", "\u309a")  # the (semi-)voiced sound marks: part of a kana, not an accent
_KATAKANA = range(0x30A1, 0x30F7)


def fold(text: str) -> str:
    """Case- and accent-insensitive form of `text`, with runs of white space collapsed.

    Japanese is folded too: full-width and half-width forms alike (NFKC), and katakana as
    hiragana, so ジャロン, ｼﾞｬﾛﾝ and じゃろん are one name.
    """
    if text.isascii():
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if ch in _KANA_MARKS or not unicodedata.combining(ch))
    composed = unicodedata.normalize("NFKC", bare).casefold()
    hiragana = "".join(chr(ord(ch) - 0x60) if ord(ch) in _KATAKANA else ch for ch in composed)
    return " ".join(hiragana.split())
