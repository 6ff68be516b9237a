"""Answer a shell's Tab for a character or faction name in a few milliseconds.

The shells call `rouge` with `_ROUGE_COMPLETE=complete_bash|complete_zsh|complete_fish`
(the scripts `rouge --install-completion` installs). When the word being completed is a
character name (`rouge who …`, `rouge timeline …`) or a faction (`--faction …`), this
module answers from the completion table of the episode in force, a small cached file
built from the gated view (`completion.py`); when no table is cached yet it has one
built. Anything else (commands, options, `--all`, unusual input) is left to Typer.
Only `os`, `sys`, `marshal`, `zlib` and `unicodedata` are imported on the quick path.
"""

from __future__ import annotations

import os
import sys

from rouge_cli.common.escape import printable
from rouge_cli.common.folding import fold
from rouge_cli.dataset import cache

COMPLETE_VAR = "_ROUGE_COMPLETE"
NAME_COMMANDS = ("who", "timeline", "relations")
KINDS = ("character", "faction", "term")
VALUE_OPTIONS = ("-e", "--up-to-episode", "--data", "-f", "--faction", "--species", "--status")
# (label, folded label, folded words) for characters, then for factions.
Rows = list[tuple[str, str, tuple[str, ...]]]
Table = tuple[Rows, Rows, Rows]
"""Characters, factions and terms."""


def episode_suffix(position: str) -> str:
    """The cache suffix of the completion table at `position` (as `Position.__str__` writes it)."""
    return f"complete-{position.replace(':', '.')}"


def split_words(line: str) -> list[str]:
    """Split a command line as a shell would (quotes and backslashes), leniently."""
    result: list[str] = []
    current: list[str] = []
    quote = ""
    started = False
    chars = iter(line)
    for ch in chars:
        if quote:
            if ch == quote:
                quote = ""
            elif ch == "\\" and quote == '"':
                current.append(next(chars, ""))
            else:
                current.append(ch)
        elif ch in "'\"":
            quote, started = ch, True
        elif ch == "\\":
            current.append(next(chars, ""))
            started = True
        elif ch.isspace():
            if started or current:
                result.append("".join(current))
            current, started = [], False
        else:
            current.append(ch)
            started = True
    if started or current:
        result.append("".join(current))
    return result


def parse_request(env: dict[str, str] | os._Environ[str]) -> tuple[str, list[str], str] | None:
    """(shell, words before the cursor, word being typed), as the shell sent them."""
    shell = env.get(COMPLETE_VAR, "").removeprefix("complete_")
    if shell == "bash":
        words = split_words(env.get("COMP_WORDS", ""))
        cword = env.get("COMP_CWORD", "")
        if not cword.isdigit():
            return None
        index = int(cword)
        return shell, words[1:index], words[index] if index < len(words) else ""
    if shell in ("zsh", "fish"):
        line = env.get("_TYPER_COMPLETE_ARGS", "")
        words = split_words(line)[1:]
        if words and not line.endswith(" "):
            return shell, words[:-1], words[-1]
        return shell, words, ""
    return None


def target(args: list[str], typed: str) -> tuple[str, str, dict[str, str]] | None:
    """(kind, text typed, options seen) when a name is being completed, else None."""
    options: dict[str, str] = {}
    command = ""
    positionals = 0
    expecting = ""
    for arg in args:
        if expecting:
            options[expecting] = arg
            expecting = ""
        elif arg in VALUE_OPTIONS:
            expecting = "-e" if arg == "--up-to-episode" else arg
        elif arg.startswith(("--up-to-episode=", "--data=")):
            name, _, value = arg.partition("=")
            options["-e" if name == "--up-to-episode" else name] = value
        elif arg.startswith("-e") and len(arg) > 2 and arg[2].isdigit():
            options["-e"] = arg[2:]
        elif arg.startswith("-"):
            options[arg] = ""
        elif not command:
            command = arg
        else:
            positionals += 1
    if command == "terms" and not expecting and positionals == 0 and not typed.startswith("-"):
        return "term", typed, options
    if command == "roster" and not expecting and positionals == 0 and not typed.startswith("-"):
        return "faction", typed, options
    if command == "list" and expecting in ("-f", "--faction"):
        return "faction", typed, options
    if command == "list" and typed.startswith("--faction="):
        return "faction", typed.partition("=")[2], options
    if not expecting and command in NAME_COMMANDS and positionals == 0 and not typed.startswith("-"):
        return "character", typed, options
    return None


def _saved_episode() -> str | None:
    """The saved progress as text ("" when none), or None when it is not plainly readable."""
    from rouge_cli.common.files import PROGRESS_LIMIT, read_regular
    from rouge_cli.config.dirs import config_dir, parse_progress

    try:
        episode = parse_progress(read_regular(os.path.join(config_dir(), "progress.toml"), PROGRESS_LIMIT).decode())
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError):
        return None
    return str(episode) if episode is not None else None


def episode_in_force(options: dict[str, str]) -> str | None:
    """The position as `rouge` would choose it, when that is plain; None to take the slow path.

    The position is returned in its canonical form; whether it lies inside the dataset is
    left to the table's builder (an impossible position has no cached table).
    """
    if "--all" in options:
        return None
    raw = options.get("-e") or os.environ.get("ROUGE_UP_TO_EPISODE", "").strip() or _saved_episode()
    if (
        not options.get("-e")
        and os.environ.get("ROUGE_UP_TO_EPISODE")
        and not os.environ["ROUGE_UP_TO_EPISODE"].strip()
    ):
        return None
    if raw == "":
        return "1"
    from rouge_cli.common.position import parse_position

    position = parse_position(raw) if raw is not None else None
    return None if position is None else str(position)


def offer(rows: list[tuple[str, str, tuple[str, ...]]], typed: str) -> list[str]:
    """Labels the typed text could be the start of (of the whole label or of one of its words).

    Names in Japanese script are offered only once Japanese is typed, so that Tab on an empty
    or Latin prefix lists the names a viewer of the English release knows.
    """
    prefix = fold(typed)
    latin = prefix.isascii()
    return [
        label
        for label, folded, words in rows
        if (folded.startswith(prefix) or any(w.startswith(prefix) for w in words))
        and not (latin and not label.isascii() and _japanese(label))
    ]


def _japanese(label: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" or "\uff66" <= ch <= "\uff9f" for ch in label)


def render(shell: str, values: list[str], fish_action: str) -> tuple[str, int]:
    """The text to print for `shell`, and the exit code."""
    safe = [printable(value) for value in values]
    if shell == "bash":
        # rouge's bash script sets `compopt -o filenames`: bash shows the names as they are in
        # the menu and escapes spaces and quotes itself when it inserts one.
        return "\n".join(safe), 0
    if shell == "zsh":
        quoted = " ".join("'" + v.replace("'", "'\\''") + "'" for v in safe)
        return (f"compadd -U -- {quoted}" if safe else "_files"), 0
    if fish_action == "is-args":
        return "", 0 if safe else 1
    return "\n".join(safe), 0


def answer(env: dict[str, str] | os._Environ[str]) -> int | None:
    """Print the completion and return the exit code, or None to let Typer answer."""
    request = parse_request(env)
    if request is None:
        return None
    shell, args, incomplete = request
    wanted = target(args, incomplete)
    if wanted is None:
        return None
    kind, typed, options = wanted
    from rouge_cli.config.paths import dataset_path

    data = dataset_path(options.get("--data"))
    episode = episode_in_force(options)
    key = cache.data_key(data)
    table = cache.read(cache.cache_path(key, episode_suffix(episode))) if key and episode else None
    if not (isinstance(table, tuple) and len(table) == len(KINDS)):
        from pathlib import Path

        from rouge_cli.cli.completion_tables import table_for

        table = table_for(Path(data), options.get("-e") or None, "--all" in options)
    try:
        values = offer(table[KINDS.index(kind)], typed) if table else []
    except (TypeError, ValueError):  # a table of the wrong shape: offer nothing rather than fail
        values = []
    text, code = render(shell, values, env.get("_TYPER_COMPLETE_FISH_ACTION", ""))
    if text:
        sys.stdout.write(text + "\n")
    return code
