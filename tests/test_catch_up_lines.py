"""A catch-up's lines, written without Rich's tables, are byte for byte what the tables write.

The test compares two ways of drawing with Rich, so it imports Rich itself.
"""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console, Group, RenderableType  # noqa: TID251
from rich.text import Text  # noqa: TID251

from rouge_cli.render.human.catch_up import _grid, _Lines

words = st.sampled_from(["a", "Mira", "Vale", "漢字", "x" * 30, "tiny", "🙂", "é", "-", "  ", "[bold]b[/]"])
texts = st.lists(words, min_size=0, max_size=12).map(" ".join)


@st.composite
def lines(draw: st.DrawFn) -> Text:
    line = Text(draw(texts))
    if draw(st.integers(0, 4)) == 0:  # struck through, with a note, as an overturned fact
        line.stylize("strike")
        line.append("  (overturned in episode 4)", style="red")
    return line


blocks = st.lists(
    st.tuples(texts, st.sampled_from(["bold red", "bold cyan"]), st.lists(lines(), max_size=5)), max_size=5
)


def rendered(renderable: RenderableType, width: int, colour: bool) -> str:
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=colour, color_system="truecolor" if colour else None)
    console.print(renderable)
    return out.getvalue()


def as_tables(items: list[tuple[str, str, list[Text]]]) -> Group:
    """The catch-up as it was drawn before: each block a blank line, its heading and a grid."""
    parts: list[RenderableType] = []
    for heading, style, block in items:
        parts += [Text(""), Text(heading, style=style), _grid(block)]
    return Group(*parts)


@settings(max_examples=300, deadline=None)
@given(blocks, st.integers(8, 140), st.booleans())
def test_the_lines_are_what_the_tables_draw(items: list[tuple[str, str, list[Text]]], width: int, colour: bool) -> None:
    expected = rendered(as_tables(items), width, colour)
    assert rendered(Group(_Lines(list(items))), width, colour) == expected


# Lines may be `str` (shown as `Text(line)` shows it), and `_Lines` crops what it draws, so it is
# printed with crop=False: compared at every width from 1, with control codes, tabs, line breaks,
# no-break spaces and a heading or title wider than the screen.
odd_words = st.sampled_from(["a", "Mira", "漢字", "x" * 30, "🙂", "é", "\t", "\r", "\n", "\x01", "\xa0", "[b]c[/]"])
odd_texts = st.lists(odd_words, min_size=0, max_size=12).map(" ".join)
mixed_lines = st.one_of(lines(), texts, odd_texts)
mixed_blocks = st.lists(
    st.tuples(
        st.one_of(texts, odd_texts), st.sampled_from(["bold red", "bold cyan"]), st.lists(mixed_lines, max_size=5)
    ),
    max_size=5,
)


@st.composite
def heads(draw: st.DrawFn) -> list[Text]:
    title = Text(draw(texts), style="bold")
    title.append(draw(odd_texts), style="dim")
    return [title, Text(draw(texts), style="magenta")]


@settings(max_examples=300, deadline=None)
@given(mixed_blocks, heads(), st.integers(1, 140), st.booleans())
def test_the_lines_need_no_cropping(
    items: list[tuple[str, str, list[Text | str]]], head: list[Text], width: int, colour: bool
) -> None:
    as_text = [
        (heading, style, [Text(line) if isinstance(line, str) else line for line in block])
        for heading, style, block in items
    ]
    expected = rendered(Group(*head, as_tables(as_text)), width, colour)
    out = io.StringIO()
    console = Console(file=out, width=width, force_terminal=colour, color_system="truecolor" if colour else None)
    console.print(_Lines(list(items), head=head), crop=False)
    assert out.getvalue() == expected
