"""Generate what rouge installs under `share/`: shell completion scripts and the man page.

Everything is taken from the program itself (`rouge --show-completion SHELL`, each
command's `--help`), so the files cannot say anything the program does not:

    python tools/share.py          # rewrite share/
    python tools/share.py --check  # exit 1 when share/ is out of date (the tests do this)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARE = ROOT / "share"
COMPLETIONS = {
    "bash": "bash-completion/completions/rouge",
    "zsh": "zsh/site-functions/_rouge",
    "fish": "fish/vendor_completions.d/rouge.fish",
}
MAN_PAGE = "man/man1/rouge.1"
ENVIRONMENT = [
    ("ROUGE_UP_TO_EPISODE", "The position in force when --up-to-episode is not given (N, N@MM or N@MM:SS)."),
    ("ROUGE_DATA", "A dataset to use instead of the shipped one (as --data)."),
    ("ROUGE_CACHE_DIR", "Where the per-dataset cache lives (default: $XDG_CACHE_HOME/rouge)."),
    ("ROUGE_NO_PAGER", "Never page long output (as --no-pager)."),
    ("NO_COLOR", "No colours (as --no-color)."),
    ("XDG_CONFIG_HOME", "Saved progress is kept in $XDG_CONFIG_HOME/rouge/progress.toml."),
]
EXIT_STATUS = [
    ("0", "success"),
    ("1", "nothing found for the name asked"),
    ("2", "bad command line or environment value"),
    ("3", "the dataset is missing or invalid"),
    ("4", "the saved progress file cannot be used"),
    ("130", "interrupted"),
]


def _rouge(*args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ROUGE_", "_ROUGE", "_TYPER"))}
    env.update(COLUMNS="80", NO_COLOR="1", TERM="dumb", PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run(
        [sys.executable, "-m", "rouge_cli", *args], env=env, capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout


def completion_scripts() -> dict[str, str]:
    """The script each shell loads from its completions directory."""
    scripts = {shell: _rouge("--show-completion", shell) for shell in COMPLETIONS}
    # zsh autoloads `_rouge` from $fpath as the completion function's body.
    (call,) = (line.strip() for line in scripts["zsh"].splitlines() if line.strip().startswith("eval "))
    scripts["zsh"] = f"#compdef rouge\n\n{call}\n"
    return {COMPLETIONS[shell]: text if text.endswith("\n") else text + "\n" for shell, text in scripts.items()}


def commands() -> list[list[str]]:
    """Every command path of the app, in help order (`progress` has its own commands)."""
    import typer.main

    from rouge_cli.cli.app import app

    group = typer.main.get_command(app)
    paths: list[list[str]] = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        paths.append([name])
        for sub in getattr(command, "commands", {}):
            paths.append([name, sub])
    return paths


def _roff(text: str) -> str:
    lines = []
    for line in text.replace("\\", "\\e").splitlines():
        lines.append("\\&" + line if line.startswith((".", "'")) else line)
    return "\n".join(lines)


def man_page() -> str:
    """rouge(1) in roff: the main help, every command's help, the environment and exit codes."""
    from rouge_cli import __version__

    parts = [
        f'.TH ROUGE 1 "" "rouge {__version__}" "User Commands"',
        ".SH NAME",
        "rouge \\- a spoiler-safe character guide for the anime Metallic Rouge",
        ".SH SYNOPSIS",
        ".B rouge",
        "[\\fIOPTIONS\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]...",
        ".SH DESCRIPTION",
        ".nf",
        _roff(_rouge("--help").strip()),
        ".fi",
        ".SH COMMANDS",
    ]
    for path in commands():
        parts += [f'.SS "rouge {" ".join(path)}"', ".nf", _roff(_rouge(*path, "--help").strip()), ".fi"]
    parts.append(".SH ENVIRONMENT")
    for name, meaning in ENVIRONMENT:
        parts += [".TP", f".B {name}", _roff(meaning)]
    parts.append(".SH EXIT STATUS")
    for code, meaning in EXIT_STATUS:
        parts += [".TP", f".B {code}", meaning]
    return "\n".join(parts) + "\n"


def generated() -> dict[str, str]:
    """Every file under share/, by its path there."""
    return {**completion_scripts(), MAN_PAGE: man_page()}


def _holds(path: Path, text: str) -> bool:
    return path.is_file() and path.read_text() == text


def main(argv: list[str]) -> int:
    files = generated()
    if "--check" in argv:
        stale = [
            name for name, text in files.items() if not (SHARE / name).is_file() or (SHARE / name).read_text() != text
        ]
        for name in stale:
            print(f"share/{name} is out of date: run python tools/share.py", file=sys.stderr)
        return 1 if stale else 0
    for name, text in files.items():
        (SHARE / name).parent.mkdir(parents=True, exist_ok=True)
        (SHARE / name).write_text(text)
        print(f"wrote share/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
