"""Run the everyday invocations of every command that reads the view without building the Typer app.

Only a command line this parser understands completely is taken (the same options, with
well-formed values); everything else, including every error in the command line itself,
is left to Typer, so behaviour and messages are the same either way.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable

VIEW = {"--all", "--json"}
POSITION = {"-e", "--up-to-episode", "--data"}
FLAGS = {
    "who": {*VIEW, "--sources", "--all-names"},
    "list": VIEW,
    "episodes": {*VIEW, "--synopsis"},
    "episode": VIEW,
    "factions": VIEW,
    "search": VIEW,
    "sources": VIEW,
    "timeline": VIEW,
    "since": VIEW,
    "relations": VIEW,
    "terms": VIEW,
    "cast": VIEW,
    "roster": VIEW,
}
VALUED = {
    "who": POSITION,
    "list": {*POSITION, "-f", "--faction", "--species", "--status"},
    "episodes": POSITION,
    "episode": POSITION,
    "factions": {*POSITION, "--format"},
    "search": {*POSITION, "--format"},
    "sources": POSITION,
    "timeline": POSITION,
    "since": POSITION,
    "relations": {*POSITION, "--format"},
    "terms": POSITION,
    "cast": POSITION,
    "roster": POSITION,
}
ONE, NONE = (1,), (0,)
POSITIONALS: dict[str, tuple[int, ...]] = {"who": ONE, "list": NONE, "episodes": NONE, "episode": ONE}
POSITIONALS.update(factions=NONE, search=ONE, sources=(0, 1), timeline=ONE, since=ONE, relations=(0, 1))
POSITIONALS.update(terms=(0, 1), cast=ONE, roster=ONE)
FORMATS = {"factions": ("table", "tsv"), "search": ("table", "tsv"), "relations": ("tree", "dot", "mermaid")}
CANONICAL = {"-e": "--up-to-episode", "-f": "--faction"}
STATUSES = ("alive", "dead", "unknown")


def _valid(command: str, option: str, value: str) -> bool:
    if option == "--up-to-episode":
        from rouge_cli.common.position import parse_position

        return parse_position(value) is not None
    if option == "--status":
        return value in STATUSES
    if option == "--format":
        return value.lower() in FORMATS[command] if command != "relations" else value in FORMATS[command]
    if option == "--data":
        return _plain_path(value)
    return value != "" and not value.startswith("-")


def _plain_path(value: str) -> bool:
    """A path Typer passes on unchanged: already in `pathlib` form.

    Typer turns `--data` into a `Path` (`./a//b/` becomes `a/b`); a path it would rewrite is
    left to Typer, so that messages naming it stay the same.
    """
    if value.startswith("-") or (os.altsep is not None and os.altsep in value):
        return False
    head, *rest = value.split(os.sep)
    if value == "" or head == "." or any(part in ("", ".") for part in rest):
        return False
    return "\0" not in value  # a NUL byte: no shell passes one


def parse(argv: list[str]) -> tuple[str, dict[str, str], list[str]] | None:
    """(command, options, positionals) for a command line fully understood here, else None."""
    if not argv or argv[0] not in FLAGS:
        return None
    command, rest = argv[0], argv[1:]
    options: dict[str, str] = {}
    positionals: list[str] = []
    index = 0
    while index < len(rest):
        arg = rest[index]
        if arg in FLAGS[command]:
            options[arg] = ""
        elif arg in VALUED[command]:
            if index + 1 >= len(rest):
                return None
            index += 1
            options[CANONICAL.get(arg, arg)] = rest[index]
        elif arg.startswith("--") and arg.partition("=")[0] in VALUED[command]:
            name, _, value = arg.partition("=")
            options[name] = value
        elif arg.startswith("-e") and len(arg) > 2 and "-e" in VALUED[command]:
            options["--up-to-episode"] = arg[2:]
        elif arg.startswith("-"):
            return None
        else:
            positionals.append(arg)
        index += 1
    valued = (name for name in options if name not in FLAGS[command])
    if not all(_valid(command, name, options[name]) for name in valued):
        return None
    if len(positionals) not in POSITIONALS[command]:
        return None
    if command in ("episode", "since", "cast") and not _episode_number(positionals[0]):
        return None
    return command, options, positionals


def _episode_number(text: str) -> bool:
    """The form `options.episode_number` accepts (ASCII digits, at most 9), without Typer."""
    digits = text.strip()
    return digits.isascii() and digits.isdigit() and len(digits) <= 9


def plan(argv: list[str]) -> Callable[[], None] | None:
    """A call running the command, or None when Typer should handle this command line."""
    if argv == ["who"]:  # the most common slip: Typer's own message, without Typer
        return _missing_name
    parsed = parse(argv)
    if parsed is None:
        return None
    command, options, positionals = parsed
    episode = options["--up-to-episode"].strip() if "--up-to-episode" in options else None
    data = options.get("--data") or None
    show_all, json = "--all" in options, "--json" in options

    def run() -> None:
        from rouge_cli.cli import run as actions

        if command in ("terms", "cast", "roster"):
            from rouge_cli.cli import run_fan as fan
        elif command not in ("who", "list", "since", "relations"):
            from rouge_cli.cli import run_companions as companions
        flag = options.__contains__
        output = options.get("--format", "tree" if command == "relations" else "table").lower()
        if command == "who":
            actions.who(positionals[0], episode, show_all, json, flag("--sources"), data, flag("--all-names"))
        elif command == "since":
            actions.since(int(positionals[0].strip()), episode, show_all, json, data)
        elif command == "relations":
            actions.relations(positionals[0] if positionals else None, episode, show_all, json, output, data)
        elif command == "list":
            faction, species, status = options.get("--faction"), options.get("--species"), options.get("--status")
            actions.list_characters(faction, species, status, episode, show_all, json, data)
        elif command == "episodes":
            companions.episodes(episode, show_all, json, flag("--synopsis"), data)
        elif command == "episode":
            companions.episode(int(positionals[0].strip()), episode, show_all, json, data)
        elif command == "factions":
            companions.factions(episode, show_all, json, output, data)
        elif command == "search":
            companions.search(positionals[0], episode, show_all, json, output, data)
        elif command == "terms":
            fan.terms(positionals[0] if positionals else None, episode, show_all, json, data)
        elif command == "cast":
            fan.cast(int(positionals[0].strip()), episode, show_all, json, data)
        elif command == "roster":
            fan.roster(positionals[0], episode, show_all, json, data)
        elif command == "sources":
            companions.sources(positionals[0] if positionals else None, episode, show_all, json, data)
        else:
            companions.timeline(positionals[0], episode, show_all, json, data)

    return run


def _missing_name() -> None:
    from rouge_cli.common.errors import UsageError

    raise UsageError("rouge who: Missing argument 'NAME'. (see 'rouge who --help')")
