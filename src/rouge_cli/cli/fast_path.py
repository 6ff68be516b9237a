"""Run the everyday invocations of `rouge who`, `list`, `since` and `relations` without building the Typer app.

Only a command line this parser understands completely is taken (the same options, with
well-formed values); everything else, including every error in the command line itself,
is left to Typer, so behaviour and messages are the same either way.
"""

from __future__ import annotations

from collections.abc import Callable

FLAGS = {
    "who": {"--all", "--json", "--sources", "--all-names"},
    "list": {"--all", "--json"},
    "since": {"--all", "--json"},
    "relations": {"--all", "--json"},
}
VALUED = {
    "who": {"-e", "--up-to-episode", "--data"},
    "list": {"-e", "--up-to-episode", "--data", "-f", "--faction", "--species", "--status"},
    "since": {"-e", "--up-to-episode", "--data"},
    "relations": {"-e", "--up-to-episode", "--data", "--format"},
}
POSITIONALS = {"who": (1,), "list": (0,), "since": (1,), "relations": (0, 1)}
GRAPH_FORMATS = ("tree", "dot", "mermaid")
CANONICAL = {"-e": "--up-to-episode", "-f": "--faction"}
STATUSES = ("alive", "dead", "unknown")


def _episode_number(text: str) -> bool:
    """The test of `options.episode_number` (ASCII digits, at most 9), without Typer."""
    digits = text.strip()
    return digits.isascii() and digits.isdigit() and len(digits) <= 9


def _valid(option: str, value: str) -> bool:
    if option == "--up-to-episode":
        from rouge_cli.common.position import parse_position

        return parse_position(value) is not None
    if option == "--status":
        return value in STATUSES
    if option == "--format":
        return value in GRAPH_FORMATS
    return value != "" and not value.startswith("-")


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
    if not all(_valid(name, options[name]) for name in valued):
        return None
    if len(positionals) not in POSITIONALS[command]:
        return None
    if command == "since" and not _episode_number(positionals[0]):
        return None
    return command, options, positionals


def plan(argv: list[str]) -> Callable[[], None] | None:
    """A call running the command, or None when Typer should handle this command line."""
    parsed = parse(argv)
    if parsed is None:
        return None
    command, options, positionals = parsed
    episode = options["--up-to-episode"].strip() if "--up-to-episode" in options else None
    data = options.get("--data") or None
    show_all, json = "--all" in options, "--json" in options

    def run() -> None:
        from rouge_cli.cli import run as actions

        if command == "who":
            actions.who(positionals[0], episode, show_all, json, "--sources" in options, data, "--all-names" in options)
        elif command == "since":
            actions.since(int(positionals[0].strip()), episode, show_all, json, data)
        elif command == "relations":
            name = positionals[0] if positionals else None
            actions.relations(name, episode, show_all, json, options.get("--format", "tree"), data)
        else:
            faction, species, status = options.get("--faction"), options.get("--species"), options.get("--status")
            actions.list_characters(faction, species, status, episode, show_all, json, data)

    return run
