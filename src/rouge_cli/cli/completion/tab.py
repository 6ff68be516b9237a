"""Answer a shell's Tab for a character or faction name in a few milliseconds.

The shells call `rouge` with `_ROUGE_COMPLETE=complete_bash|complete_zsh|complete_fish`
(the scripts `rouge --install-completion` installs). When the word being completed is a
character name (`rouge who …`, `rouge timeline …`) or a faction (`--faction …`), this
module answers from the completion table of the episode in force, a small cached file
built from the gated view (`tables.py`); when no table is cached yet it has one
built. Anything else (commands, options, unusual input) is left to Typer. Only `os`,
`sys`, `marshal` and `zlib` are imported on the quick path (`unicodedata` too when what is
typed is not ASCII).
"""

import os
import sys

from rouge_cli.cli.completion.offer import BUCKET, KINDS, bucket_key, episode_suffix, offer, render
from rouge_cli.common.text import fold
from rouge_cli.config import cache

COMPLETE_VAR = "_ROUGE_COMPLETE"
NAME_COMMANDS = ("who", "timeline", "relations")
VALUE_OPTIONS = ("-e", "--up-to-episode", "--data", "-f", "--faction", "--species", "--status")


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


def episode_in_force(options: dict[str, str]) -> str | None:
    """The position as `rouge` would choose it, when that is plain; None to take the slow path.

    The order is `config.precedence.origin_in_force`'s; the position is returned in its
    canonical form ("all" for `--all`), and whether it lies inside the dataset is left to the table's builder
    (an impossible position has no cached table).
    """
    from rouge_cli.common.position import parse_position
    from rouge_cli.config.precedence import ENV_EPISODE, origin_in_force

    origin = origin_in_force(options.get("-e"), "--all" in options, os.environ)
    if origin == "all":
        return None if "-e" in options else "all"  # both: the command refuses, so offer nothing
    if origin == "saved":
        from rouge_cli.config.progress_file import saved_position

        saved, problem = saved_position()
        return None if problem is not None else str(saved or 1)
    raw = options["-e"] if origin == "flag" else os.environ[ENV_EPISODE]
    position = parse_position(raw)
    return None if position is None else str(position)


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
    from rouge_cli.config.locations import dataset_path

    data = dataset_path(options.get("--data"))
    episode = episode_in_force(options)
    key = cache.data_key(data)
    bucket = _bucket(cache.cache_path(key, episode_suffix(episode)), kind, typed) if key and episode else None
    if bucket is not None:
        try:
            return _print(shell, offer(bucket, typed), env)
        except (TypeError, ValueError):  # a damaged bucket: answer from the whole table
            pass
    table = cache.read(cache.cache_path(key, episode_suffix(episode))) if key and episode else None
    if not (isinstance(table, tuple) and len(table) == len(KINDS)):
        from pathlib import Path

        from rouge_cli.cli.completion.tables import table_for

        table = table_for(Path(data), options.get("-e") or None, "--all" in options)
    try:
        values = offer(table[KINDS.index(kind)], typed) if table else []
    except (TypeError, ValueError):  # a table of the wrong shape: offer nothing rather than fail
        values = []
    return _print(shell, values, env)


def _print(shell: str, values: list[str], env: dict[str, str] | os._Environ[str]) -> int:
    text, code = render(shell, values, env.get("_TYPER_COMPLETE_FISH_ACTION", ""))
    if text:
        sys.stdout.write(text + "\n")
    return code


def _bucket(table_path: str, kind: str, typed: str) -> list[tuple[str, str, tuple[str, ...]]] | None:
    """The rows of the bucket `typed` falls in, when enough is typed and the bucket files are sound."""
    prefix = fold(typed)
    if len(prefix) < BUCKET:
        return None
    index = cache.read(table_path + ".index")
    if not isinstance(index, dict):
        return None
    where = index.get((KINDS.index(kind), bucket_key(prefix)))
    if where is None:
        return []  # no label or word starts so
    try:
        rows = cache.read_record(table_path + ".rows", *where)
    except TypeError:
        return None
    return rows if isinstance(rows, list) else None
