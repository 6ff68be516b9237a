"""Answer shell completion of names directly, without importing Typer or Rich.

The shells call `rouge` with `_ROUGE_COMPLETE=complete_bash|complete_zsh|complete_fish`
(the scripts `rouge --install-completion` installs). When the word being completed is a
character name (`rouge who …`, `rouge timeline …`) or a faction (`--faction …`), this
module answers from the gated view; anything else (commands, options) is left to Typer.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .completion import COMPLETE_VAR, Kind, candidates
from .text import printable

NAME_COMMANDS = ("who", "timeline")
VALUE_OPTIONS = ("-e", "--up-to-episode", "--data", "-f", "--faction", "--species", "--status")


@dataclass(frozen=True)
class Request:
    shell: str
    args: list[str]
    incomplete: str


def _split(line: str) -> list[str]:
    try:
        return shlex.split(line)
    except ValueError:
        return line.split()


def parse_request(env: Mapping[str, str]) -> Request | None:
    """The words before the cursor and the word being typed, as the shell sent them."""
    shell = env.get(COMPLETE_VAR, "").removeprefix("complete_")
    if shell == "bash":
        words = _split(env.get("COMP_WORDS", ""))
        try:
            cword = int(env.get("COMP_CWORD", ""))
        except ValueError:
            return None
        incomplete = words[cword] if 0 <= cword < len(words) else ""
        return Request(shell, words[1:cword], incomplete)
    if shell in ("zsh", "fish"):
        line = env.get("_TYPER_COMPLETE_ARGS", "")
        words = _split(line)[1:]
        if words and not line.endswith(" "):
            return Request(shell, words[:-1], words[-1])
        return Request(shell, words, "")
    return None


@dataclass(frozen=True)
class Target:
    kind: Kind
    typed: str
    episode: int | None
    show_all: bool
    data: Path | None


def target(request: Request, env: Mapping[str, str]) -> Target | None:
    """What is being completed, if it is a name this module answers for."""
    args, typed = request.args, request.incomplete
    episode: int | None = None
    show_all = False
    data = Path(env["ROUGE_DATA"]) if env.get("ROUGE_DATA") else None
    command: str | None = None
    positionals = 0
    expecting: str | None = None
    for arg in args:
        if expecting is not None:
            if expecting in ("-e", "--up-to-episode"):
                episode = int(arg) if arg.isdigit() else None
            elif expecting == "--data":
                data = Path(arg)
            expecting = None
        elif arg in VALUE_OPTIONS:
            expecting = arg
        elif arg.startswith("--up-to-episode="):
            value = arg.partition("=")[2]
            episode = int(value) if value.isdigit() else None
        elif arg.startswith("-e") and arg[2:].isdigit():
            episode = int(arg[2:])
        elif arg.startswith("--data="):
            data = Path(arg.partition("=")[2])
        elif arg == "--all":
            show_all = True
        elif arg.startswith("-"):
            continue
        elif command is None:
            command = arg
        else:
            positionals += 1
    if expecting in ("-f", "--faction") and command == "list":
        return Target("faction", typed, episode, show_all, data)
    if typed.startswith("--faction=") and command == "list":
        return Target("faction", typed.partition("=")[2], episode, show_all, data)
    if expecting is None and command in NAME_COMMANDS and positionals == 0 and not typed.startswith("-"):
        return Target("character", typed, episode, show_all, data)
    return None


def _zsh_quote(value: str) -> str:
    return "'" + value.replace("'", "'\\''") + "'"


def _bash_escape(value: str) -> str:
    return "".join("\\" + ch if not (ch.isalnum() or ch in "-_.,:+@%/") else ch for ch in value)


def render(shell: str, values: list[str], fish_action: str) -> tuple[str, int]:
    """The text to print for the shell and the exit code."""
    safe = [printable(v) for v in values]
    if shell == "bash":
        return "\n".join(_bash_escape(v) for v in safe), 0
    if shell == "zsh":
        return ("compadd -U -- " + " ".join(_zsh_quote(v) for v in safe)) if safe else "_files", 0
    if fish_action == "is-args":
        return "", 0 if safe else 1
    return "\n".join(safe), 0


def answer(env: Mapping[str, str]) -> int | None:
    """Print the completion and return the exit code, or None to let Typer answer."""
    request = parse_request(env)
    if request is None:
        return None
    wanted = target(request, env)
    if wanted is None:
        return None
    values = candidates(wanted.kind, wanted.typed, wanted.episode, wanted.show_all, wanted.data)
    text, code = render(request.shell, values, env.get("_TYPER_COMPLETE_FISH_ACTION", ""))
    if text:
        sys.stdout.write(text + "\n")
    return code
