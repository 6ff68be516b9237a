"""Shell completion, driven the way bash, zsh and fish call the installed `rouge`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from rouge_cli.common.text import fold
from rouge_cli.dataset.model import Dataset
from rouge_cli.gate import gate
from support import MINI

ROUGE = Path(sys.executable).with_name("rouge")


def complete(shell: str, line: str, tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    """Call rouge as the completion script of `shell` does for the command line `line`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ROUGE_", "_ROUGE", "COMP_", "_TYPER"))}
    env.update(_ROUGE_COMPLETE=f"complete_{shell}", XDG_CONFIG_HOME=str(tmp_path), **extra)
    if shell == "bash":
        words = line.split(" ")
        env.update(COMP_WORDS=line, COMP_CWORD=str(len(words) - 1))
    else:
        env.update(_TYPER_COMPLETE_ARGS=line)
        if shell == "fish":
            env.setdefault("_TYPER_COMPLETE_FISH_ACTION", "get-args")
    return subprocess.run([str(ROUGE)], env=env, capture_output=True, text=True, timeout=60, cwd=tmp_path)


def test_bash_offers_visible_names_escaped_for_the_shell(tmp_path: Path) -> None:
    result = complete("bash", f"rouge who --data {MINI} -e 3 ", tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.splitlines() == [
        "Rouge Redstar",
        "Metal Rouge",
        "Sarah Fitz",
        "Eden Varock",
        "Afdal Bashal",
        "Phantom Verde",
    ]


def test_prefix_matches_any_word_ignoring_case(tmp_path: Path) -> None:
    result = complete("bash", f"rouge who --data {MINI} -e 3 V", tmp_path)
    assert result.stdout.splitlines() == ["Eden Varock", "Phantom Verde"]


def test_nothing_named_later_is_offered(tmp_path: Path) -> None:
    early = complete("bash", f"rouge who --data {MINI} -e 2 ", tmp_path).stdout
    assert "Eden" not in early and "Verde" not in early and "long-haired scavenger" in early
    assert complete("bash", f"rouge who --data {MINI} -e 2 ed", tmp_path).stdout == ""


def test_zsh_and_fish_formats(tmp_path: Path) -> None:
    zsh = complete("zsh", f"rouge timeline --data {MINI} -e 1 sa", tmp_path)
    assert zsh.stdout == "compadd -U -- 'Sarah Fitz'\n"
    fish = complete("fish", f"rouge who --data {MINI} -e 1 ", tmp_path)
    assert fish.stdout.splitlines() == ["Rouge Redstar", "Metal Rouge", "Sarah Fitz"]
    assert (
        complete("fish", f"rouge who --data {MINI} -e 1 zz", tmp_path, _TYPER_COMPLETE_FISH_ACTION="is-args").returncode
        == 1
    )


def test_faction_completion_follows_the_episode(tmp_path: Path) -> None:
    assert complete("bash", f"rouge list --data {MINI} -e 2 --faction ", tmp_path).stdout == "Immortal Nine\n"
    late = complete("bash", f"rouge list --data {MINI} -e 3 --faction ", tmp_path).stdout.splitlines()
    assert late == ["Immortal Nine", "The Nine", "Bureau"]


def test_episode_comes_from_the_environment_then_progress(tmp_path: Path) -> None:
    env_line = f"rouge who --data {MINI} ph"
    assert complete("bash", env_line, tmp_path).stdout == ""
    assert complete("bash", env_line, tmp_path, ROUGE_UP_TO_EPISODE="3").stdout == "Phantom Verde\n"
    (tmp_path / "rouge").mkdir()
    (tmp_path / "rouge" / "progress.toml").write_text("up_to_episode = 3\n")
    assert complete("bash", env_line, tmp_path).stdout == "Phantom Verde\n"
    assert complete("bash", f"rouge who --data {MINI} --up-to-episode=2 ph", tmp_path).stdout == ""


def test_a_position_inside_an_episode_offers_only_what_was_seen_by_then(tmp_path: Path) -> None:
    early = complete("bash", f"rouge who --data {MINI} -e 2@09:59 ", tmp_path).stdout.splitlines()
    assert "Afdal Bashal" not in early and "long-haired scavenger" in early
    later = complete("bash", f"rouge who --data {MINI} -e 2@10:00 af", tmp_path).stdout
    assert later == "Afdal Bashal\n"
    by_env = complete("bash", f"rouge who --data {MINI} af", tmp_path, ROUGE_UP_TO_EPISODE="2@09:59")
    assert by_env.stdout == ""
    (tmp_path / "rouge").mkdir()
    (tmp_path / "rouge" / "progress.toml").write_text('up_to_episode = 2\nat = "10:00"\n')
    assert complete("bash", f"rouge who --data {MINI} af", tmp_path).stdout == "Afdal Bashal\n"


def test_japanese_names_are_offered_once_japanese_is_typed(tmp_path: Path) -> None:
    latin = complete("fish", "rouge who -e 1 ", tmp_path).stdout
    assert "ジャロン" not in latin
    assert complete("fish", "rouge who -e 1 ジャ", tmp_path).stdout.splitlines() == ["ジャロン"]
    assert complete("fish", "rouge who -e 1@12:00 ジャ", tmp_path).stdout == ""


@pytest.mark.parametrize("position", ["2@", "2@24:01", "9@01:00"])
def test_bad_position_offers_nothing_and_prints_no_error(tmp_path: Path, position: str) -> None:
    result = complete("bash", f"rouge who --data {MINI} -e {position} ", tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_bad_episode_offers_nothing_and_prints_no_error(tmp_path: Path) -> None:
    result = complete("bash", f"rouge who --data {MINI} -e 99 ", tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_commands_are_completed_by_typer(tmp_path: Path) -> None:
    assert complete("bash", "rouge wh", tmp_path).stdout.split() == ["who"]


@pytest.mark.parametrize("episode", [1, 4, 7, 8])
def test_real_data_offers_only_names_revealed_by_the_episode(tmp_path: Path, shipped: Dataset, episode: int) -> None:
    earliest: dict[str, int] = {}
    for c in shipped.characters:
        for n in c.names:
            earliest[fold(n.text)] = min(earliest.get(fold(n.text), 99), n.revealed_in)
    offered = complete("fish", f"rouge who -e {episode} ", tmp_path).stdout.splitlines()
    visible = gate(shipped, episode)
    assert len(offered) >= len(visible.characters)
    for label in offered:
        assert earliest.get(fold(label), 0) <= episode, label
    if episode < 8:
        assert not any("Noir" in label or "Cyan" in label for label in offered)


HEAVY = {
    "typing",
    "dataclasses",
    "re",
    "typer",
    "rich",
    "rouge_cli.dataset.model",
    "rouge_cli.gate",
    "rouge_cli.common.errors",
    "unicodedata",  # only to fold what is not ASCII
}


TAB_MODULES = {
    "rouge_cli",
    "rouge_cli.entry",
    "rouge_cli.cli",
    "rouge_cli.cli.completion",
    "rouge_cli.cli.completion.tab",
    "rouge_cli.cli.completion.offer",
    "rouge_cli.common",
    "rouge_cli.common.text",
    "rouge_cli.common.files",
    "rouge_cli.common.position",
    "rouge_cli.config",
    "rouge_cli.config.locations",
    "rouge_cli.config.precedence",
    "rouge_cli.config.progress_file",
    "rouge_cli.config.cache",
}
"""Every module a Tab answered from a cached table may load, whatever the position's origin."""


@pytest.mark.parametrize("origin", ["flag", "environment", "progress", "position", "all"])
def test_tab_imports_nothing_heavy_whatever_the_position_comes_from(tmp_path: Path, origin: str) -> None:
    """Pressing Tab stays near `python -c pass`: the modules it loads are pinned here."""
    lines = {"flag": "rouge who -e 5 gi", "position": "rouge who -e 5@12:30 gi", "all": "rouge who --all gi"}
    line = lines.get(origin, "rouge who gi")
    extra = {"ROUGE_UP_TO_EPISODE": "5"} if origin == "environment" else {}
    if origin == "progress":
        (tmp_path / "rouge").mkdir()
        (tmp_path / "rouge" / "progress.toml").write_text('up_to_episode = 5\nat = "12:30"\n')
    complete("bash", line, tmp_path, **extra)  # the first Tab builds the table
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(sorted(sys.modules)))\n"
        "from rouge_cli import entry\nentry.QUICK_EXIT = False\nmain = entry.main\nmain()"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ROUGE_", "_ROUGE", "COMP_", "_TYPER"))}
    words = line.split(" ")
    env.update(_ROUGE_COMPLETE="complete_bash", COMP_WORDS=line, COMP_CWORD=str(len(words) - 1))
    env.update(XDG_CONFIG_HOME=str(tmp_path), **extra)
    result = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60)
    assert result.stdout.splitlines()[0] == "Giallon"
    import ast

    loaded = set(ast.literal_eval(result.stdout.splitlines()[-1]))
    assert loaded & HEAVY == set()
    assert {name for name in loaded if name.startswith("rouge_cli")} <= TAB_MODULES


def _tab(kind_line: str, typed: str, capsys: pytest.CaptureFixture[str]) -> list[str]:
    from rouge_cli.cli.completion.tab import answer

    line = f"{kind_line} {typed}"
    words = line.split(" ")
    answer({"_ROUGE_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)})
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("damage", ["none", "rows", "index"])
def test_a_bucket_answers_like_the_whole_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], damage: str
) -> None:
    """Tab reads only the bucket of the first two (or three) letters typed; it answers as the whole table, whatever is
    damaged."""
    from rouge_cli.cli.completion.offer import KINDS, offer
    from rouge_cli.cli.completion.tables import table_for

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for name in ("ROUGE_UP_TO_EPISODE", "ROUGE_DATA"):
        monkeypatch.delenv(name, raising=False)
    table = table_for(None, "13", False)
    assert table is not None
    if damage != "none":
        (found,) = (tmp_path / "cache" / "rouge").glob(f"*.complete-13.{damage}")
        found.write_bytes(found.read_bytes()[:20] + b"\x00garbage" * 8)
    from rouge_cli.config import cache

    whole_tables_read = []
    real_read = cache.read
    monkeypatch.setattr(cache, "read", lambda path: whole_tables_read.append(path) or real_read(path))
    prefixes = {"zz", "q9", "ジャ", "a b", "dr", "ne"}
    for rows in table:
        for _label, folded, words in rows:
            prefixes |= {text[:size] for text in (folded, *words) for size in (2, 3, 4) if len(text) >= size}
    lines = {"character": "rouge who -e 13", "faction": "rouge list -e 13 --faction", "term": "rouge terms -e 13"}
    for kind, rows in zip(KINDS, table, strict=True):
        for prefix in sorted(prefixes):
            if " " in prefix:
                continue  # one shell word per prefix here
            assert _tab(lines[kind], prefix, capsys) == offer(rows, prefix), (kind, prefix)
    whole = [path for path in whole_tables_read if path.endswith(".complete-13")]
    assert (whole == []) == (damage == "none")


def test_all_is_the_whole_series_and_conflicts_with_a_position(tmp_path: Path) -> None:
    whole = complete("bash", "rouge who -e 13 gi", tmp_path).stdout.splitlines()
    assert complete("bash", "rouge who --all gi", tmp_path).stdout.splitlines() == whole
    assert complete("bash", "rouge who --all gi", tmp_path).stdout.splitlines() == whole  # from its cached table
    assert complete("bash", "rouge who --all -e 3 gi", tmp_path).stdout == ""
