"""Make text safe to echo to a terminal, without importing `re` (this sits on the error path)."""

from __future__ import annotations

# Controls, bidi overrides, line and paragraph separators (a fake line break), and invisible
# characters (zero-width spaces and joiners, word joiner, byte order mark: look-alike names).
_UNSAFE = [
    *range(0x20),
    *range(0x7F, 0xA0),
    *range(0x200B, 0x2010),
    0x2028,
    0x2029,
    *range(0x202A, 0x202F),
    *range(0x2060, 0x2065),
    *range(0x2066, 0x206A),
    0xFEFF,
]
_ESCAPES = {code: (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}") for code in _UNSAFE}


def speaks_utf8(stream: object) -> bool:
    """True when `stream` encodes UTF-8 (so any character can be written to it as it is)."""
    encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "").replace("_", "")
    return encoding in ("utf8", "utf8sig")


def printable(text: str) -> str:
    """`text` with control, bidi and escape characters shown as visible escapes."""
    return text.translate(_ESCAPES)


def has_control(text: str) -> bool:
    """True when `text` holds a character a terminal could act on (controls, escapes, bidi)."""
    return not text.isprintable() and printable(text) != text


def first_control(text: str) -> str:
    return next(ch for ch in text if ord(ch) in _ESCAPES)
