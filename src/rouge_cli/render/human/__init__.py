"""Output for people: the only package that imports Rich.

Data reaches Rich only as `Text` objects (never parsed as markup), so a name such as
`[bold]x[/]` is shown literally. On a terminal output is framed and coloured; when piped
it is plain text (no boxes, no colour); NO_COLOR is honoured by Rich itself.
"""

from __future__ import annotations

import gc
import os
import sys

from rouge_cli.common.position import format_time
from rouge_cli.view import View

# Importing Rich makes some 20,000 objects that live as long as the process. The cyclic collector
# would walk them again and again, during the import and once more at exit, to find nothing: it
# is paused for the import, and what exists once Rich is in is frozen (left out of collections;
# reference counting still frees it). A run of rouge is short; this is a tenth of its wall time.
_COLLECTING = gc.isenabled()
gc.disable()
try:
    from rich.console import Console, RenderableType
    from rich.text import Text
finally:
    if _COLLECTING:
        gc.enable()
gc.freeze()

STYLES = {
    "heading": "bold",
    "name": "bold red",
    "label": "bold cyan",
    "episode": "magenta",
    "muted": "dim",
    "alive": "green",
    "dead": "red",
    "unknown": "yellow",
    "new": "bold yellow",
    "match": "reverse",
}


PLAIN_WIDTH = 4096
"""Piped output is laid out this wide: one record a line, never wrapped (so `grep` finds it)."""


def console() -> Console:
    return Console(highlight=False, emoji=False)


def emit(renderable: RenderableType, out: Console | None = None, crop: bool = True) -> None:
    """Print; when piped, as unwrapped plain lines without the padding Rich leaves at line ends.

    `crop=False` is for a renderable whose lines already fit the width, styled text in them
    without line breaks (`Console.print` would split and crop them to the same bytes).
    """
    out = out or console()
    if out.is_terminal:
        with out.capture() as captured:  # rendered once; paged only when taller than the terminal
            out.print(renderable, crop=crop)
        text = captured.get()
        if _paging() and text.count("\n") > out.height:
            _page(text)
            return
        sys.stdout.write(text)
        return
    wide = Console(highlight=False, emoji=False, width=PLAIN_WIDTH, no_color=True, force_terminal=False)
    with wide.capture() as captured:
        wide.print(renderable, crop=crop)
    sys.stdout.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))


def _page(text: str) -> None:
    """Through pydoc's pager when stdin and stdout are both terminals, else written as pydoc would.

    pydoc then writes the page plainly (characters the stream cannot encode escaped, overstrikes
    removed): done here without importing pydoc, which costs more than rendering the page (as when
    FORCE_COLOR sends a tall coloured page to a pipe).
    """
    stdin, stdout = sys.stdin, sys.stdout
    interactive = hasattr(stdin, "isatty") and hasattr(stdout, "isatty") and stdin.isatty() and stdout.isatty()
    if interactive:
        os.environ.setdefault("LESS", "FRX")  # as git does: colours, and no pager for one screen
        import pydoc

        pydoc.pager(text)
        return
    encoding = getattr(stdout, "encoding", None) or "utf-8"
    text = text.encode(encoding, "backslashreplace").decode(encoding)
    if "\b" in text:
        import re

        text = re.sub(".\b", "", text)
    stdout.write(text)


def _paging() -> bool:
    """Output taller than the terminal goes through $PAGER, unless `rouge --no-pager` (or ROUGE_NO_PAGER)."""
    return not os.environ.get("ROUGE_NO_PAGER")


def is_plain() -> bool:
    return not console().is_terminal


def title_line(view: View, subject: str) -> Text:
    """The line that says which position is in force."""
    text = Text(f"{view.series_title} · {subject} {view.where}", style=STYLES["heading"])
    title = episode_title(view, view.episode)
    if title:
        text.append(f" ({title})", style=STYLES["muted"])
    return text


def episode_title(view: View, number: int) -> str:
    return next((e.title for e in view.episodes if e.number == number), "")


def episode_label(view: View, number: int, so_far: bool = True) -> Text:
    """`Episode 4 · Freedom and Phantoms`, with "so far" for the episode the viewer has paused."""
    label = Text.assemble(
        (f"Episode {number}", STYLES["episode"]), (f" · {episode_title(view, number)}", STYLES["muted"])
    )
    if so_far and view.so_far(number) and view.at is not None:
        label.append(f" · so far (to {format_time(view.at)})", style=STYLES["new"])
    return label


def timed(view: View, episode: int, at: int | None, text: Text) -> Text:
    """`text`, led by its time when it belongs to the episode the viewer has paused."""
    if not view.so_far(episode) or at is None:
        return text
    return Text.assemble((f"{format_time(at)} ", STYLES["new"]), text)


def status_text(status: str) -> Text:
    return Text(status, style=STYLES.get(status, ""))


def muted(text: str) -> Text:
    return Text(text, style=STYLES["muted"])
