"""Differential test: the quick path of every command that has one answers every command line exactly like Typer.

Hypothesis builds command lines from a vocabulary (names of every kind, every option of each
command in long, short, attached and `--opt=value` forms, good and bad values, `--`, unknown and
repeated options, options before and after the name) and runs each twice in-process: through the
console script's `main` (which takes the quick path whenever `plan` accepts the line) and through
the Typer application alone. Both must give the same (exit code, stdout, stderr).
`test_the_in_process_runs_match_real_processes` checks the in-process harness against real processes.

More examples locally: ROUGE_DIFFERENTIAL_EXAMPLES=2000 python -m pytest tests/test_fastpath_differential.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from rouge_cli import entry
from rouge_cli.cli.app import app
from rouge_cli.cli.fast_path import plan
from support import FIXTURES, MINI

Outcome = tuple[int, str, str]
LONG = "9" * 5000
MISSING = "missing.toml"
RICH = str(FIXTURES / "golden.toml")

# Each pair: (values a user means, values that are wrong or odd), for mini.toml, golden.toml and the shipped
# dataset. Odd ones are drawn a quarter of the time; \udcff is how Python passes on a byte that is not UTF-8.
NAMES = (
    [
        *("rouge", "Rouge Redstar", "metal rouge", "RÓUGE", "sarah", "Sarah Fitz", "eden", "varok", "afdal bashal"),
        *("mira", "Mira Vale", "ミラ", "myra", "ペル", "masked swordsman", "Iron Oren", "the lantern", "old ash"),
    ],
    [
        *("Phantom Verde", "verde", "scavenger", "long-haired scavenger", "doctor", "ネクタル", "ナオミ", "giallon"),
        *("gialon", "nobody", "x", "  rouge  ", "rouge redstar sarah", "Nean", "Immortal Nine", "-", "-1", "5"),
        *("", "\udcff"),
    ],
)
POSITIONS = (
    ["1", "2", "3", "4", "2@12:00", "2@12", "4@24:00", " 3 ", "03", "5", "13", "0", "14", "5@10:00", "99999999999"],
    ["-1", "3@60:00", "2@", "@3", "1_0", "٣", "x", "", "999999999", LONG, "2@1:00", "2@12:5", "--all"],
)
FACTIONS = (
    ["Immortal Nine", "nine", "the nine", "bureau", "BUREAU", "scarlet guild", "スカーレットギルド", "Grey Order"],
    ["nobody", "", "-x", "インモータルナイン", "\udcffx"],
)
SPECIES = (["Nean", "nean", "Human", "Proto-Nean"], ["x", "", "--json"])
STATUSES = (["alive", "dead", "unknown"], ["undead", "ALIVE", "", "-e"])
FORMATS = (["table", "tsv", "TSV"], ["json", ""])
DATA = (  # relative paths are in the working directory, which has a copy of mini.toml
    [str(MINI), "mini.toml", RICH, MISSING],
    [
        *(f"./{MISSING}", f"{MISSING}/", f".//{MISSING}", "./mini.toml", "", ".", "-e", "/", "//x.toml"),
        *(str(MINI.parent), "\udcff.toml"),
    ],
)

# Per command: long and short spellings of each option taking a value, and the values to try.
VALUED: dict[str, dict[tuple[str, ...], tuple[list[str], list[str]]]] = {
    "who": {("--up-to-episode", "-e"): POSITIONS, ("--data",): DATA},
    "list": {
        ("--up-to-episode", "-e"): POSITIONS,
        ("--data",): DATA,
        ("--faction", "-f"): FACTIONS,
        ("--species",): SPECIES,
        ("--status",): STATUSES,
        ("--format",): FORMATS,
    },
}
EPISODES = (["1", "2", "3", " 2 ", "03", "4", "13"], ["0", "14", "x", "", "-1", "1_0", "٣", LONG, "2@12:00"])
TEXTS = (["nectar", "rouge", "red", "nine", "Mira Vale", "ジャ", "bus"], ["", "x", "[bold]", "-", "\udcff"])
KEYS = (["JP1", "TRG1", "B", "S", "MINI"], ["x", "", "jp1"])
SEEN = {("--up-to-episode", "-e"): POSITIONS, ("--data",): DATA}
VALUED.update(
    episodes=SEEN,
    episode=SEEN,
    factions={**SEEN, ("--format",): FORMATS},
    search={**SEEN, ("--format",): FORMATS},
    sources=SEEN,
    timeline=SEEN,
    since=SEEN,
    relations={**SEEN, ("--format",): (["tree", "dot", "mermaid"], ["TREE", "json", ""])},
    terms=SEEN,
    cast=SEEN,
    roster=SEEN,
)
FLAGS = {"who": ["--all", "--json", "--sources", "--all-names"], "list": ["--all", "--json"]}
FLAGS.update(episodes=["--all", "--json", "--synopsis"], episode=["--all", "--json"], factions=["--all", "--json"])
FLAGS.update(search=["--all", "--json"], sources=["--all", "--json"], timeline=["--all", "--json"])
FLAGS.update({command: ["--all", "--json"] for command in ("since", "relations", "terms", "cast", "roster")})
# What a command's positional arguments are drawn from, and how many it usually takes.
ARGUMENTS = {"who": NAMES, "timeline": NAMES, "episode": EPISODES, "search": TEXTS, "sources": KEYS}
ARGUMENTS.update(since=EPISODES, cast=EPISODES, relations=NAMES, terms=TEXTS, roster=FACTIONS)
USUAL = {"who": 1, "timeline": 1, "episode": 1, "search": 1, "since": 1, "cast": 1, "roster": 1}
STRAY = ["--", "--help", "-h", "--jso", "--colour", "--json=1", "--all=yes", "-x", "-", "--version"]
STRAY += ["--no-pager", "--no-color"]


def one_of(draw: st.DrawFn, choices: tuple[list[str], list[str]]) -> str:
    usual, odd = choices
    return draw(st.sampled_from(odd if draw(st.integers(0, 3)) == 0 else usual))


@st.composite
def valued_option(draw: st.DrawFn, command: str) -> list[str]:
    """An option with its value, in one of the ways a shell user can write it (or without its value)."""
    spellings, values = draw(st.sampled_from(sorted(VALUED[command].items())))
    spelling = draw(st.sampled_from(spellings))
    value = one_of(draw, values)
    form = draw(st.sampled_from(["separate", "separate", "attached", "missing"]))
    if form == "missing":
        return [spelling]
    if form == "attached":
        return [f"{spelling}={value}"] if spelling.startswith("--") else [spelling + value]
    return [spelling, value]


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    """A command with a quick path and a shuffled mix of arguments, options, flags and sometimes a stray token."""
    command = draw(st.sampled_from(sorted(FLAGS)))
    usual = USUAL.get(command, 0)
    count = usual if draw(st.integers(0, 5)) > 0 else draw(st.integers(0, 2))
    pieces = [[one_of(draw, ARGUMENTS.get(command, NAMES))] for _ in range(count)]
    pieces += draw(st.lists(valued_option(command), max_size=3))
    pieces += [[flag] for flag in draw(st.lists(st.sampled_from(FLAGS[command]), max_size=3))]
    if draw(st.integers(0, 5)) == 0:
        pieces.append([draw(st.sampled_from(STRAY))])
    order = draw(st.permutations(range(len(pieces))))
    return [command, *(token for index in order for token in pieces[index])]


ENVIRONMENTS = st.fixed_dictionaries(
    {"ROUGE_DATA": st.sampled_from([str(MINI), str(MINI), RICH, RICH, "", MISSING])},
    optional={"ROUGE_UP_TO_EPISODE": st.sampled_from(["3", "2@12:00", "9", "x", ""])},
)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The working directory of every run (with a copy of mini.toml), and its private config and cache."""
    folder = tmp_path_factory.mktemp("differential")
    shutil.copyfile(MINI, folder / "mini.toml")
    return folder


@pytest.fixture
def inside(root: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(root)
    return root


def environment(root: Path, extra: dict[str, str]) -> dict[str, str]:
    """Pinned width, no colour, no pager, an isolated config and cache; `extra` on top."""
    pinned = {"COLUMNS": "80", "LINES": "50", "NO_COLOR": "1", "ROUGE_NO_PAGER": "1", "TERM": "dumb"}
    return {**pinned, "XDG_CONFIG_HOME": str(root / "config"), "XDG_CACHE_HOME": str(root / "cache"), **extra}


def outcome(call: Callable[[], object], argv: list[str], env: dict[str, str]) -> Outcome:
    """Run `call` with `argv` as the command line, inside `env` and with the standard streams captured."""
    clean: dict[str, str | None] = {name: None for name in os.environ if name.startswith(("ROUGE_", "_ROUGE"))}
    saved_argv = sys.argv
    with CliRunner().isolation(env={**clean, "FORCE_COLOR": None, **env}) as (stdout, stderr, _):
        sys.argv = ["rouge", *argv]
        try:
            call()
            code = 0
        except SystemExit as done:
            code = done.code if isinstance(done.code, int) else 1
        finally:
            sys.argv = saved_argv
            sys.stdout.flush()
            sys.stderr.flush()
        return code, stdout.getvalue().decode("utf-8"), stderr.getvalue().decode("utf-8")


def typer_only() -> None:
    """The Typer application, after what the console script does before any path (`--no-color`, `--no-pager`)."""
    entry._take_global_flags(sys.argv)
    app(prog_name="rouge")


def both_paths(argv: list[str], env: dict[str, str]) -> tuple[Outcome, Outcome]:
    """(the console script's answer, Typer's answer)."""
    return outcome(entry.main, argv, env), outcome(typer_only, argv, env)


EXAMPLES = int(os.environ.get("ROUGE_DIFFERENTIAL_EXAMPLES", "150"))
MINI_ENV = {"ROUGE_DATA": str(MINI)}


@given(argv=command_lines(), extra=ENVIRONMENTS)
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@example(argv=["who"], extra={})  # the missing-name usage error, answered without Typer
@example(argv=["who", "giallon", "-e", "99999999999"], extra={})
@example(argv=["who", "rouge", "-e", LONG], extra=MINI_ENV)
@example(argv=["list", "--data", f"./{MISSING}"], extra=MINI_ENV)  # Typer's Path printed it as missing.toml
def test_quick_path_and_typer_agree(inside: Path, argv: list[str], extra: dict[str, str]) -> None:
    taken = plan(argv) is not None
    event("taken by the quick path" if taken else "left to Typer")
    quick, typer = both_paths(argv, environment(inside, extra))
    assert quick == typer, f"taken by the quick path: {taken}"


def test_an_unreadable_data_file_is_answered_alike(inside: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An existing `--data` file that cannot be read is a data error (exit 3) on both paths.

    Permissions stop nothing for root (as tests often run), so the refusal is simulated where
    rouge opens the file.
    """
    locked = str(inside / "locked.toml")
    shutil.copyfile(MINI, locked)  # a file no cache has seen
    real_open = os.open

    def refuse(path: str, *args: int, **kwargs: int) -> int:
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    for argv in (["list", "-e", "2", "--data", locked], ["who", "rouge", "--data", locked]):
        quick, typer = both_paths(argv, environment(inside, MINI_ENV))
        assert quick == typer and quick[0] == 3, quick
        assert "Permission denied" in quick[2]


PROBES = [
    ["who", "verde", "--json", "-e", "4"],
    ["list", "-e", "2@12:00", "--faction", "nine"],
    ["who", "nobody", "-e", "4"],
    ["who", "rouge", "-e", "x"],
    ["list", "--data", f"./{MISSING}"],
]
SCRIPT = str(Path(sys.executable).with_name("rouge"))
TYPER_ONLY = [sys.executable, "-c", "from rouge_cli.cli.app import app; app(prog_name='rouge')"]


@pytest.mark.parametrize("argv", PROBES, ids=[" ".join(p) for p in PROBES])
def test_the_in_process_runs_match_real_processes(inside: Path, argv: list[str]) -> None:
    """The harness is faithful: in-process, each path prints what the real `rouge` script and Typer alone print."""
    env = environment(inside, MINI_ENV)
    passed = {k: v for k, v in os.environ.items() if not k.startswith(("ROUGE_", "_ROUGE", "FORCE_COLOR"))}
    real = []
    for command in ([SCRIPT], TYPER_ONLY):
        done = subprocess.run(
            [*command, *argv], env={**passed, **env}, capture_output=True, text=True, timeout=60, cwd=inside
        )
        real.append((done.returncode, done.stdout, done.stderr))
    assert list(both_paths(argv, env)) == real
