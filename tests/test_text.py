"""The text rules of `common/text.py`: the words of a text, without `re`, are the regular expression's."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from rouge_cli.common.text import fold, words

WORD = re.compile(r"[^\W_]+")


@given(st.text())
@example("Does thing 9 in part 999.")
@example("snake_case and CamelCase, 3rd-rate: ok?")
@example("ジャロン・ヴェルデ Café naïve ① ²3 _x_ 漢字")
@example("tab\there\u00a0nbsp\u2028line")
def test_words_are_the_letter_and_digit_runs_a_regular_expression_finds(text: str) -> None:
    folded = text.lower() if text.isascii() else fold(text)
    assert words(text) == tuple(WORD.findall(folded))


def test_folding_ascii_loads_no_unicode_tables() -> None:
    """Tab folds what was typed on every keypress: plain ASCII must not pay for `unicodedata`."""
    import subprocess
    import sys

    probe = (
        "import sys\nfrom rouge_cli.common.text import fold, words, printable\n"
        "fold('Gi'); words('Hell Giallon'); printable('x')\nprint('unicodedata' in sys.modules, 're' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.split() == ["False", "False"]


@given(st.text(max_size=40), st.lists(st.text(min_size=1, max_size=6), min_size=1, max_size=3))
@example("Does thing 9 in part 999.", ["9", "part"])
@example("Nectar-fuelled", ["nect", "FUEL"])
@example("snake_case", ["case"])
def test_search_matches_by_word_prefix_whatever_its_shortcut(text: str, typed: list[str]) -> None:
    """`search` skips cutting a text into words when a query word is not even inside it: never a different answer."""
    from rouge_cli.query.search import _matches

    query = tuple(word for piece in typed for word in words(piece))
    expected = all(any(word.startswith(q) for word in words(text)) for q in query)
    assert _matches(query, text) == expected


@given(st.lists(st.text(max_size=30), max_size=5), st.lists(st.text(min_size=1, max_size=6), min_size=1, max_size=3))
@example(["Does thing 9 in part 999.", "figure number 12"], ["9", "figure"])
def test_search_skips_a_character_only_when_none_of_its_texts_could_match(texts: list[str], typed: list[str]) -> None:
    from rouge_cli.query.search import _absent, _matches

    query = tuple(word for piece in typed for word in words(piece))
    if query and _absent(query, texts):
        assert not any(_matches(query, text) for text in texts)
