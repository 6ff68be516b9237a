"""`rouge --help` and `rouge CMD --help` without importing Typer: its own text, cached.

The first help request at a given width has Typer (Click) render the help of every command
and keeps the pages in one cache file; later requests print the page from that file. The
file's name holds everything the text depends on: rouge's version, the help width as Click
computes it, and the size and modification time of Typer's (and Click's, when installed) and
rouge's own command modules (so an upgrade or an edited docstring makes a new file). Without a usable cache,
Typer answers as always. Only `os`, `sys` and `marshal` are imported on the quick path.
"""

from __future__ import annotations

import os
import sys

HELP_FLAGS = ("--help", "-h")
MAX_WIDTH = 80  # Click's default `max_content_width`


def requested_page(args: list[str]) -> tuple[str, ...] | None:
    """The command path whose help `args` asks for exactly (`()` is the main page), else None."""
    if not args:
        return ()
    if args[-1] not in HELP_FLAGS or len(args) > 3:
        return None
    path = tuple(args[:-1])
    return path if all(word and not word.startswith("-") for word in path) else None


def help_width() -> int:
    """The width Click wraps help to: the terminal's (or COLUMNS), at most 80, less 2, at least 50."""
    columns = 0
    raw = os.environ.get("COLUMNS", "")
    if raw.isascii() and raw.isdigit() and len(raw) <= 5:
        columns = int(raw)
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 0
        except (AttributeError, ValueError, OSError):
            columns = 0
    return max(min(columns or 80, MAX_WIDTH) - 2, 50)


def _identity() -> str:
    """What the help text depends on besides the width: versions and the modules that render it."""
    from rouge_cli import __version__

    parts = [__version__, f"{sys.version_info[0]}.{sys.version_info[1]}"]
    here = os.path.dirname(os.path.abspath(__file__))
    watched = [os.path.join(here, name) for name in ("app.py", "options.py")]
    commands = os.path.join(here, "commands")
    try:
        watched += [os.path.join(commands, name) for name in sorted(os.listdir(commands)) if name.endswith(".py")]
    except OSError:
        return ""
    for package in ("typer", "click"):  # Typer 0.28 vendors Click; older ones import it
        found = next((os.path.join(p, package, "__init__.py") for p in sys.path if p and _is_file(p, package)), None)
        if found is None and package == "typer":
            return ""
        watched += [found] if found else []
    for path in watched:
        try:
            info = os.stat(path)
        except OSError:
            return ""
        parts.append(f"{info.st_size}.{info.st_mtime_ns}")
    return "|".join(parts)


def _is_file(folder: str, package: str) -> bool:
    return os.path.isfile(os.path.join(folder, package, "__init__.py"))


def _cache_file(width: int) -> str | None:
    import zlib

    from rouge_cli.config.locations import cache_dir

    identity = _identity()
    if not identity:
        return None
    return os.path.join(cache_dir(), f"help-{width}-{zlib.crc32(identity.encode()):08x}")


def cached_page(path: tuple[str, ...]) -> str | None:
    """The help page of `path` from the cache, or None (Typer is then asked)."""
    from rouge_cli.config import cache

    where = _cache_file(help_width())
    pages = cache.read(where) if where else None
    page = pages.get(" ".join(path)) if isinstance(pages, dict) else None
    return page if isinstance(page, str) else None


def render_pages() -> dict[str, str]:
    """Every command's help as Typer prints it, by command path ("" for the main page)."""
    import typer.main

    from rouge_cli.cli.app import app

    group = typer.main.get_command(app)
    root = group.make_context("rouge", ["who"], resilient_parsing=True)  # any valid line: no help printed
    pages = {"": group.get_help(root) + "\n"}
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        context = command.context_class(command, info_name=name, parent=root, **command.context_settings)
        pages[name] = command.get_help(context) + "\n"
        for sub_name, sub in getattr(command, "commands", {}).items():
            sub_context = sub.context_class(sub, info_name=sub_name, parent=context, **sub.context_settings)
            pages[f"{name} {sub_name}"] = sub.get_help(sub_context) + "\n"
    return pages


def remember_pages() -> None:
    """Render and cache every help page at the current width; failing to is never an error."""
    from rouge_cli.config import cache

    where = _cache_file(help_width())
    if where is not None:
        cache.write(where, render_pages())
