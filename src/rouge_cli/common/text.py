"""Text: safe to echo, folded for matching, cut into words. The one home of these rules.

Nothing here imports more than `unicodedata`, and that only to fold text that is not ASCII
(shell completion and error messages escape and fold on every run).
"""

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


_KANA_MARKS = ("\u3099", "\u309a")  # the (semi-)voiced sound marks: part of a kana, not an accent
_KATAKANA = range(0x30A1, 0x30F7)


def fold(text: str) -> str:
    """Case- and accent-insensitive form of `text`, with runs of white space collapsed.

    Japanese is folded too: full-width and half-width forms alike (NFKC), and katakana as
    hiragana, so ジャロン, ｼﾞｬﾛﾝ and じゃろん are one name.
    """
    if text.isascii():
        return " ".join(text.lower().split())
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if ch in _KANA_MARKS or not unicodedata.combining(ch))
    composed = unicodedata.normalize("NFKC", bare).casefold()
    hiragana = "".join(chr(ord(ch) - 0x60) if ord(ch) in _KATAKANA else ch for ch in composed)
    return " ".join(hiragana.split())


# Every ASCII character that is not a letter or a digit, as a space: ASCII text is cut into words
# by `str.translate` and `str.split`, both in C.
_ASCII_SEPARATORS = {code: " " for code in range(128) if not chr(code).isalnum()}


def words(text: str) -> tuple[str, ...]:
    """The folded words of `text`: runs of letters and digits (`str.isalnum`); anything else separates words.

    The same words as `re.findall(r"[^\\W_]+", ...)` without importing `re` (a test compares them).
    """
    if text.isascii():
        return tuple(text.lower().translate(_ASCII_SEPARATORS).split())
    folded = fold(text)
    return tuple("".join(ch if ch.isalnum() else " " for ch in folded).split())


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
