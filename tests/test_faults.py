"""Faults, broken on purpose: stale and damaged caches, odd files, streams and environments.

Every case runs the installed `rouge` (or the real interface) and expects the documented exit
code, no traceback, and, for the cache, exactly the answers a fresh cache gives.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import MINI

ROUGE = Path(sys.executable).with_name("rouge")
NOISE = ("Traceback", "Exception ignored", "KeyboardInterrupt")


def env(tmp_path: Path, **extra: str) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("ROUGE_", "_ROUGE", "COMP_", "_TYPER"))}
    clean.pop("COLUMNS", None)
    return {**clean, "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CACHE_HOME": str(tmp_path / "cache"), **extra}


def rouge(tmp_path: Path, *args: str, stdin: int | None = None, **extra: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(ROUGE), *args],
        env=env(tmp_path, **extra),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        stdin=stdin,
    )
    for word in NOISE:
        assert word not in result.stderr, result.stderr[-1500:]
    return result


def mini_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data.toml"
    shutil.copyfile(MINI, data)
    return data


# The cache never shows what the data does not say.


@pytest.mark.parametrize("how", ["same size, times kept", "touched to an old time", "link re-pointed"])
def test_a_corrected_dataset_is_never_served_from_a_stale_cache(tmp_path: Path, how: str) -> None:
    data = mini_copy(tmp_path)
    wrong = data.read_text(encoding="utf-8").replace('"Sings at a club."', '"Sings at a pub."')
    data.write_text(wrong, encoding="utf-8")
    link = tmp_path / "link.toml"
    link.symlink_to(data)
    target = link if how == "link re-pointed" else data
    assert "Sings at a pub." in rouge(tmp_path, "who", "sarah", "-e", "1", "--json", "--data", str(target)).stdout
    stat = data.stat()
    fixed = tmp_path / "fixed.toml"
    fixed.write_text(wrong.replace("pub.", "bar."), encoding="utf-8")  # same size
    if how == "link re-pointed":
        os.utime(fixed, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        link.unlink()
        link.symlink_to(fixed)
    else:
        shutil.copy2(fixed, data) if how == "same size, times kept" else shutil.copyfile(fixed, data)
        os.utime(data, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert data.stat().st_size == stat.st_size
    answer = rouge(tmp_path, "who", "sarah", "-e", "1", "--json", "--data", str(target)).stdout
    assert "Sings at a bar." in answer and "pub" not in answer


def cache_files(tmp_path: Path) -> list[Path]:
    return sorted(p for p in (tmp_path / "cache" / "rouge").iterdir() if p.is_file())


COMMANDS = [("who", "rouge", "-e", "4", "--json"), ("list", "-e", "2", "--json"), ("who", "verde", "-e", "3")]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_a_damaged_cache_answers_like_a_fresh_one(tmp_path: Path, data: st.DataObject) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    mini = mini_copy(folder)
    fresh = [rouge(folder, *c, "--data", str(mini)) for c in COMMANDS]
    files = cache_files(folder)
    victim = data.draw(st.sampled_from(files))
    blob = bytearray(victim.read_bytes())
    if data.draw(st.booleans()) and blob:
        index = data.draw(st.integers(0, len(blob) - 1))
        blob[index] ^= 1 << data.draw(st.integers(0, 7))
    else:
        blob = blob[: data.draw(st.integers(0, max(0, len(blob) - 1)))]
    victim.write_bytes(bytes(blob))
    for command, before in zip(COMMANDS, fresh, strict=True):
        after = rouge(folder, *command, "--data", str(mini))
        assert (after.returncode, after.stdout, after.stderr) == (before.returncode, before.stdout, before.stderr)


CRAFTED = [
    pytest.param(b"\x00\x00\x00\x00\x7f", id="five bytes"),
    pytest.param(b"RGC1" + (2**62).to_bytes(8, "little") + b"\x00" * 4, id="huge length"),
    pytest.param(b"[" + b"\xff" * 8, id="wrong marshal type"),
]


@pytest.mark.parametrize("content", CRAFTED)
def test_crafted_cache_files_are_ignored(tmp_path: Path, content: bytes) -> None:
    mini = mini_copy(tmp_path)
    fresh = rouge(tmp_path, "who", "rouge", "-e", "4", "--json", "--data", str(mini))
    tab = rouge(tmp_path, _ROUGE_COMPLETE="complete_fish", _TYPER_COMPLETE_ARGS=f"rouge who --data {mini} -e 4 ")
    for path in cache_files(tmp_path):
        path.write_bytes(content)
    again = rouge(tmp_path, "who", "rouge", "-e", "4", "--json", "--data", str(mini))
    assert (again.returncode, again.stdout) == (fresh.returncode, fresh.stdout)
    tab_again = rouge(tmp_path, _ROUGE_COMPLETE="complete_fish", _TYPER_COMPLETE_ARGS=f"rouge who --data {mini} -e 4 ")
    assert tab_again.stdout == tab.stdout


def test_a_fifo_in_place_of_a_cache_file_does_not_hang(tmp_path: Path) -> None:
    mini = mini_copy(tmp_path)
    fresh = rouge(tmp_path, "who", "rouge", "-e", "4", "--json", "--data", str(mini))
    for path in cache_files(tmp_path):
        path.unlink()
        os.mkfifo(path)
    again = rouge(tmp_path, "who", "rouge", "-e", "4", "--json", "--data", str(mini))
    assert (again.returncode, again.stdout) == (0, fresh.stdout)


# Inputs: numbers, files, streams, environments.

LONG = "9" * 5000

INPUTS = [
    pytest.param(("who", "rouge", "-e", LONG), {}, 2, id="-e with 5000 digits"),
    pytest.param(("who", "rouge"), {"ROUGE_UP_TO_EPISODE": LONG}, 2, id="environment with 5000 digits"),
    pytest.param(("who", "rouge", "--data", "/dev/zero"), {}, 3, id="--data /dev/zero"),
    pytest.param(("list", "--data", "FIFO"), {}, 3, id="--data a FIFO"),
    pytest.param(("list", "-e", "1", "--data", "BOM"), {}, 0, id="a dataset starting with a BOM"),
    pytest.param(("list", "-e", "1", "--data", "HUGE-INT"), {}, 3, id="a dataset value with 5000 digits"),
    pytest.param(("list", "-e", "1", "--data", "LINE-SEPARATOR"), {}, 3, id="U+2028 in a name"),
    pytest.param(("list", "-e", "1", "--data", "ZERO-WIDTH"), {}, 3, id="a zero-width space in a name"),
    pytest.param(("list", "-e", "1"), {"COLUMNS": "0"}, 0, id="COLUMNS=0"),
    pytest.param(("list", "-e", "1"), {"COLUMNS": "wide"}, 0, id="COLUMNS=wide"),
    pytest.param(("who", "rouge", "-e", "1"), {"PYTHONIOENCODING": "ascii"}, 0, id="ascii output"),
    pytest.param(("who", "giallon", "-e", "1", "--json"), {"PYTHONIOENCODING": "latin-1"}, 0, id="latin-1 JSON"),
    pytest.param(("factions", "-e", "1"), {"PYTHONIOENCODING": "ascii"}, 0, id="ascii output via Typer"),
]


def special_data(tmp_path: Path, name: str) -> str:
    text = MINI.read_text(encoding="utf-8")
    if name == "FIFO":
        os.mkfifo(tmp_path / "fifo.toml")
        return str(tmp_path / "fifo.toml")
    variants = {
        "BOM": "\ufeff" + text,
        "HUGE-INT": text.replace("year = 2024", f"year = {LONG}"),
        "LINE-SEPARATOR": text.replace('"Sarah Fitz"', '"Sarah\u2028Fitz"'),
        "ZERO-WIDTH": text.replace('"Sarah Fitz"', '"Sa\u200brah Fitz"'),
    }
    if name not in variants:
        return name
    path = tmp_path / f"{name}.toml"
    path.write_text(variants[name], encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(("args", "extra", "code"), INPUTS)
def test_odd_inputs_end_with_the_documented_code(
    tmp_path: Path, args: tuple[str, ...], extra: dict[str, str], code: int
) -> None:
    args = tuple(special_data(tmp_path, a) for a in args)
    result = rouge(tmp_path, *args, **extra)
    assert result.returncode == code, result.stderr
    if code == 0:
        assert result.stdout.strip()
    else:
        assert result.stderr.startswith("rouge: error:") and result.stderr.count("\n") == 1


@pytest.mark.parametrize("content", [f"up_to_episode = {LONG}\n", "up_to_episode = 2\nat = 7\n"])
def test_a_damaged_progress_file_is_exit_4(tmp_path: Path, content: str) -> None:
    (tmp_path / "config" / "rouge").mkdir(parents=True)
    (tmp_path / "config" / "rouge" / "progress.toml").write_text(content, encoding="utf-8")
    result = rouge(tmp_path, "list", "--data", str(MINI))
    assert result.returncode == 4 and "rouge progress set N" in result.stderr


def test_a_fifo_as_progress_file_does_not_hang(tmp_path: Path) -> None:
    folder = tmp_path / "config" / "rouge"
    folder.mkdir(parents=True)
    os.mkfifo(folder / "progress.toml")
    assert rouge(tmp_path, "list", "--data", str(MINI)).returncode == 4
    tab = rouge(tmp_path, _ROUGE_COMPLETE="complete_bash", COMP_WORDS=f"rouge who --data {MINI} ", COMP_CWORD="4")
    assert tab.returncode == 0


def test_progress_is_written_through_a_symlink(tmp_path: Path) -> None:
    folder = tmp_path / "config" / "rouge"
    folder.mkdir(parents=True)
    real = tmp_path / "dotfiles" / "rouge-progress.toml"
    real.parent.mkdir()
    real.write_text("up_to_episode = 1\n", encoding="utf-8")
    (folder / "progress.toml").symlink_to(real)
    assert rouge(tmp_path, "progress", "set", "3", "--data", str(MINI)).returncode == 0
    assert (folder / "progress.toml").is_symlink() and "up_to_episode = 3" in real.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("closed", "args", "code"),
    [
        ("stdout", ("who", "rouge", "-e", "1"), 0),
        ("stderr", ("who", "rouge", "-e", "1"), 0),
        ("stderr", ("who", "rouge", "-e", "x"), 2),
        ("stderr", ("who", "rouge", "-e", "1", "--data", "/nonexistent.toml"), 3),
        ("stderr", ("factions", "-e", "x"), 2),
        ("stdout", ("factions", "-e", "1"), 0),
    ],
)
def test_closed_standard_streams_keep_the_exit_code(
    tmp_path: Path, closed: str, args: tuple[str, ...], code: int
) -> None:
    redirect = ">&-" if closed == "stdout" else "2>&-"
    command = " ".join(f"'{a}'" for a in args)
    result = subprocess.run(
        [
            "bash",
            "-c",
            f'"$ROUGE" {command} {redirect}; echo "status=$?" >&2'
            if closed == "stdout"
            else f'"$ROUGE" {command} {redirect}; echo "status=$?"',
        ],
        env=env(tmp_path, ROUGE=str(ROUGE)),
        capture_output=True,
        text=True,
        timeout=60,
    )
    status = (result.stderr if closed == "stdout" else result.stdout).strip().splitlines()[-1]
    assert status == f"status={code}", (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr


def test_a_broken_pipe_exits_alike_on_every_path(tmp_path: Path) -> None:
    codes = []
    for command in ("list -e 13", "factions -e 13", "episode 1 -e 13", "who rouge -e 13"):
        script = f'"$ROUGE" {command} 2>err | head -c 1 >/dev/null; echo "${{PIPESTATUS[0]}}"'
        result = subprocess.run(
            ["bash", "-c", script],
            env=env(tmp_path, ROUGE=str(ROUGE)),
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
        )
        codes.append(result.stdout.strip())
        assert "Traceback" not in (tmp_path / "err").read_text()
    assert set(codes) <= {"0", "141"} and len(set(codes)) == 1, codes


def test_sigint_at_any_moment_exits_130_quietly(tmp_path: Path) -> None:
    """Random moments from start-up to the end of a run: exit 130 (or 0 when it finished first), never a traceback.

    A signal that lands in CPython's own initialisation (the `site` import) is Python's to report,
    before any of rouge's code exists; so each delay counts from the moment the child has imported
    the console script's module (`-X importtime` reports it on stderr), however slow the machine.
    """
    chooser = random.Random(20261128)
    outcomes = []
    for round_number in range(30):
        process = subprocess.Popen(
            [str(ROUGE), "factions", "-e", "13"],
            env=env(tmp_path, XDG_CACHE_HOME=str(tmp_path / f"c{round_number % 3}"), PYTHONPROFILEIMPORTTIME="1"),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
        )
        assert process.stderr is not None
        early = []
        for line in process.stderr:
            early.append(line)
            if line.rstrip().endswith("| rouge_cli.entry"):
                break
        time.sleep(chooser.uniform(0.0, 0.25))
        process.send_signal(signal.SIGINT)
        _, rest = process.communicate(timeout=60)
        err = "".join(line for line in [*early, *rest.splitlines(True)] if not line.startswith("import time:"))
        outcomes.append(process.returncode)
        for word in NOISE:
            assert word not in err, (round_number, err[-800:])
        assert process.returncode in (0, 130, -signal.SIGINT), (process.returncode, err)
    assert 130 in outcomes


def test_an_interrupt_python_cannot_raise_still_ends_the_run_quietly(tmp_path: Path) -> None:
    """Ctrl-C inside a weakref callback (as in the import system's module locks) is "unraisable":
    Python would print "Exception ignored" and carry on. rouge exits 130 with nothing but a newline."""
    script = (
        "import sys, weakref\n"
        "from rouge_cli import entry\n"
        "def interrupted_callback(_):\n"
        "    raise KeyboardInterrupt\n"
        "class Lock: pass\n"
        "def run():\n"
        "    lock = Lock()\n"
        "    watcher = weakref.ref(lock, interrupted_callback)\n"
        "    del lock\n"
        "    print('carried on')\n"
        "entry._run = run\n"
        "sys.argv = ['rouge']\n"
        "entry.main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], env=env(tmp_path), capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert result.returncode == 130, result
    assert result.stdout == ""
    assert result.stderr == "\n"


def test_python_m_ignores_a_module_in_the_current_directory(tmp_path: Path) -> None:
    (tmp_path / "typer.py").write_text("raise SystemExit('the wrong typer was imported')\n")
    result = subprocess.run(
        [sys.executable, "-m", "rouge_cli", "factions", "-e", "1"],
        env=env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 0 and "Immortal Nine" in result.stdout, result.stderr


def test_completion_with_a_huge_number_offers_nothing_quietly(tmp_path: Path) -> None:
    tab = rouge(tmp_path, _ROUGE_COMPLETE="complete_bash", COMP_WORDS=f"rouge who -e {LONG} ", COMP_CWORD="4")
    assert (tab.returncode, tab.stdout, tab.stderr) == (0, "", "")
    (tmp_path / "config" / "rouge").mkdir(parents=True)
    (tmp_path / "config" / "rouge" / "progress.toml").write_text(f"up_to_episode = {LONG}\n", encoding="utf-8")
    saved = rouge(tmp_path, _ROUGE_COMPLETE="complete_bash", COMP_WORDS="rouge who ", COMP_CWORD="2")
    assert (saved.returncode, saved.stderr) == (0, "")


def test_a_progress_file_linked_to_dev_zero_is_refused_at_once(tmp_path: Path) -> None:
    folder = tmp_path / "config" / "rouge"
    folder.mkdir(parents=True)
    (folder / "progress.toml").symlink_to("/dev/zero")
    result = rouge(tmp_path, "list", "--data", str(MINI))
    assert result.returncode == 4 and result.stderr.count("\n") == 1
