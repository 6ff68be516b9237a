"""The completion scripts rouge prints, run by the real shells (each test skips when its shell is absent)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import MINI

BIN = str(Path(sys.executable).parent)


def run(shell: str, script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ROUGE_", "_ROUGE", "COMP_", "_TYPER"))}
    env.update(PATH=f"{BIN}:{env.get('PATH', '')}", XDG_CONFIG_HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "c"))
    return subprocess.run([shell, "-c", script], env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path)


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_show_completion_prints_the_script_of_the_shell_named(shell: str, tmp_path: Path) -> None:
    result = run("bash", f"rouge --show-completion {shell}", tmp_path)
    assert result.returncode == 0, result.stderr
    marker = {"bash": "complete -o default -F", "zsh": "#compdef rouge", "fish": "complete --command rouge"}[shell]
    assert marker in result.stdout


def test_bash_completes_a_name_with_a_space_as_one_word(tmp_path: Path) -> None:
    script = (
        "source <(rouge --show-completion bash)\n"
        f"COMP_WORDS=(rouge who --data {MINI} -e 3 af); COMP_CWORD=6\n"
        '_rouge_completion rouge; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    result = run("bash", script, tmp_path)
    assert result.stdout.splitlines() == ["Afdal Bashal"], result.stderr


def test_fish_completes_visible_names_only(tmp_path: Path) -> None:
    script = f'rouge --show-completion fish | source; complete -C "rouge who --data {MINI} -e 2 "'
    offered = run("fish", script, tmp_path).stdout.splitlines()
    assert "Afdal Bashal" in offered and "Phantom Verde" not in offered


def test_zsh_runs_what_the_script_evaluates(tmp_path: Path) -> None:
    script = (
        'compdef() { : }; compadd() { shift 2; print -l -- "$@" }\n'
        "source <(rouge --show-completion zsh)\n"
        f"words=(rouge who --data {MINI} -e 3 af); CURRENT=7\n"
        "_rouge_completion"
    )
    result = run("zsh", script, tmp_path)
    assert result.stdout.splitlines() == ["Afdal Bashal"], (result.stdout, result.stderr)


SHARE = Path(__file__).resolve().parent.parent / "share"


def test_the_shipped_bash_script_completes(tmp_path: Path) -> None:
    script = (
        f"source {SHARE / 'bash-completion/completions/rouge'}\n"
        f"COMP_WORDS=(rouge who --data {MINI} -e 3 af); COMP_CWORD=6\n"
        '_rouge_completion rouge; printf "%s\\n" "${COMPREPLY[@]}"'
    )
    assert run("bash", script, tmp_path).stdout.splitlines() == ["Afdal Bashal"]


def test_the_shipped_zsh_function_is_autoloaded_and_completes(tmp_path: Path) -> None:
    script = (
        f"fpath=({SHARE / 'zsh/site-functions'} $fpath); autoload -Uz compinit && compinit -u -d {tmp_path}/zcd\n"
        'print -r -- "registered: ${_comps[rouge]}"\n'
        'compadd() { shift 2; print -l -- "$@" }\n'
        f"words=(rouge who --data {MINI} -e 3 af); CURRENT=7\n"
        "_rouge"
    )
    result = run("zsh", script, tmp_path)
    assert result.stdout.splitlines() == ["registered: _rouge", "Afdal Bashal"], (result.stdout, result.stderr)


def test_the_shipped_fish_script_completes(tmp_path: Path) -> None:
    script = f'source {SHARE / "fish/vendor_completions.d/rouge.fish"}; complete -C "rouge who --data {MINI} -e 2 "'
    offered = run("fish", script, tmp_path).stdout.splitlines()
    assert "Afdal Bashal" in offered and "Phantom Verde" not in offered
