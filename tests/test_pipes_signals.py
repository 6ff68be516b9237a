"""The installed program in real pipelines and under Ctrl-C: it ends quietly, with no traceback.

A closed pipe (`| head`) must not print "Traceback" or "Exception ignored"; SIGINT must exit 130.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support import MINI

ROUGE = Path(sys.executable).with_name("rouge")
BIG_CHARACTERS = 3000
NOISE = ("Traceback", "Exception ignored", "KeyboardInterrupt", "BrokenPipeError")


def big_dataset(characters: int) -> str:
    """A valid dataset with `characters` characters spread over 13 episodes (slow to load and long to print)."""
    parts = ['[series]\ntitle = "Big Rouge"\n\n[sources]\nS = "generated"\n']
    for number in range(1, 14):
        parts.append(
            f'[[episodes]]\nnumber = {number}\ntitle = "Episode {number}"\nair_date = 2024-01-{number + 10:02d}\n'
            'source = "S"\n'
        )
    parts.append(
        '[[factions]]\nid = "crew"\nrevealed_in = 1\nsource = "S"\n'
        'names = [{ text = "Crew", kind = "name", revealed_in = 1, source = "S" }]\n'
    )
    for i in range(characters):
        episode = i % 13 + 1
        word = "".join(chr(ord("a") + int(digit)) for digit in f"{i:06d}")
        dated = f'revealed_in = {episode}, source = "S"'
        facts = ", ".join(f'{{ text = "Does thing number {k} quietly.", {dated} }}' for k in range(5))
        parts.append(
            f'[[characters]]\nid = "c{i}"\nrevealed_in = {episode}\nsource = "S"\n'
            f'names = [{{ text = "Person {word}", kind = "name", {dated} }}]\n'
            f'status = [{{ value = "alive", {dated} }}]\n'
            f'factions = [{{ id = "crew", {dated} }}]\n'
            f"facts = [{facts}]\n"
        )
    return "\n".join(parts)


def environment(tmp_path: Path, cache: str = "cache") -> dict[str, str]:
    """A clean environment; each distinct `cache` name is a separate (so cold) cache directory."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("ROUGE_") and k not in ("FORCE_COLOR", "NO_COLOR")}
    return {
        **clean,
        "PYTHONUNBUFFERED": "1",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / cache),
        "ROUGE": str(ROUGE),
    }


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.toml"
    path.write_text(big_dataset(BIG_CHARACTERS), encoding="utf-8")
    return path


def assert_quiet(stderr: str) -> None:
    for word in NOISE:
        assert word not in stderr, f"{word!r} on stderr:\n{stderr[-2000:]}"


# Pipelines: the reader goes away early.

PIPELINES = [
    pytest.param("list --all --json", "head -c 1", None, id="json-head-c1"),
    pytest.param("list --all", "head -1", None, id="table-head-1"),
    pytest.param("who rouge --all", "head -1", None, id="profile-head-1"),
    pytest.param("list --all --json", "head -c 1", "big", id="big-json-head-c1"),
    pytest.param("list --all", "head -1", "big", id="big-table-head-1"),
    pytest.param("list --all --json", "true", "big", id="big-json-reader-exits-at-once"),
]


@pytest.mark.parametrize(("command", "reader", "dataset"), PIPELINES)
def test_closed_pipe_ends_quietly(tmp_path: Path, big: Path, command: str, reader: str, dataset: str | None) -> None:
    data = f' --data "{big}"' if dataset == "big" else ""
    script = f'"$ROUGE" {command}{data} 2>rouge.err | {reader}; echo "${{PIPESTATUS[0]}}" >rouge.status'
    done = subprocess.run(
        ["bash", "-c", script], cwd=tmp_path, env=environment(tmp_path), capture_output=True, timeout=120
    )
    stderr = (tmp_path / "rouge.err").read_text(encoding="utf-8", errors="replace")
    status = int((tmp_path / "rouge.status").read_text())
    assert_quiet(stderr)
    lines = stderr.splitlines()
    assert all(line.startswith("rouge: warning: --all shows all") for line in lines), stderr
    assert status in (0, 141), f"rouge exited {status} (0, or 141 for SIGPIPE, expected); stderr: {stderr!r}"
    if reader.startswith("head"):
        assert done.stdout, "head printed nothing"


# Ctrl-C.


def test_sigint_while_loading_the_dataset_exits_130(tmp_path: Path, big: Path) -> None:
    """A cold load of a large dataset takes a second or more: SIGINT in the middle of it exits 130 quietly."""
    process = subprocess.Popen(
        [str(ROUGE), "list", "-e", "1", "--data", str(big)],
        cwd=tmp_path,
        env=environment(tmp_path, cache="cold-sigint"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(0.4)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, (process.returncode, err[-500:])
    assert_quiet(err)
    assert not list((tmp_path / "cold-sigint").rglob("*.tmp")), "an interrupted cache write leaves no temporary file"


def timed(args: list[str], tmp_path: Path, cache: str) -> float:
    start = time.monotonic()
    subprocess.run(args, cwd=tmp_path, env=environment(tmp_path, cache), capture_output=True, timeout=300, check=True)
    return time.monotonic() - start


def test_sigint_while_loading_a_big_dataset_exits_130(tmp_path: Path, big: Path) -> None:
    """Every run below uses its own empty cache directory, so each one really loads the dataset."""
    mini = [str(ROUGE), "list", "-e", "1", "--json", "--data", str(MINI)]
    startup = min(timed(mini, tmp_path, f"cache-startup-{n}") for n in range(2))
    data, characters = big, BIG_CHARACTERS
    command = [str(ROUGE), "list", "-e", "13", "--json", "--data"]
    work = timed([*command, str(data)], tmp_path, "cache-big") - startup
    if work < 1.0:
        characters *= 4
        data = tmp_path / "bigger.toml"
        data.write_text(big_dataset(characters), encoding="utf-8")
        work = timed([*command, str(data)], tmp_path, "cache-bigger") - startup
    if work < 1.0:
        pytest.skip(f"loading {characters} characters takes only {work:.2f} s: too fast to interrupt reliably")
    process = subprocess.Popen(
        [*command, str(data)],
        cwd=tmp_path,
        env=environment(tmp_path, "cache-signalled"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        time.sleep(startup + 0.4 * work)
        if process.poll() is not None:
            pytest.skip(f"rouge finished before the signal (startup {startup:.2f} s, load {work:.2f} s)")
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130, f"exit {process.returncode}; stderr: {stderr!r}; stdout: {stdout[:100]!r}"
    assert_quiet(stderr)


@pytest.mark.parametrize("unbuffered", [pytest.param(True, id="unbuffered"), pytest.param(False, id="buffered")])
def test_sigint_while_blocked_on_a_stalled_reader_exits_130(tmp_path: Path, big: Path, unbuffered: bool) -> None:
    """Like Ctrl-C while the output waits on a pager: rouge is blocked writing to a full pipe."""
    env = environment(tmp_path)
    if not unbuffered:
        del env["PYTHONUNBUFFERED"]
    process = subprocess.Popen(
        [str(ROUGE), "list", "-e", "13", "--json", "--data", str(big)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    try:
        first = process.stdout.read(1)  # output has started: loading is over
        assert first == b"{"
        deadline = time.monotonic() + 10
        wchan = Path(f"/proc/{process.pid}/wchan")
        while wchan.exists() and "pipe" not in wchan.read_text() and time.monotonic() < deadline:
            time.sleep(0.02)  # wait until it is blocked in pipe_write (where /proc says so)
        time.sleep(0.2)
        if process.poll() is not None:
            pytest.skip("rouge finished writing before the signal")
        process.send_signal(signal.SIGINT)
        time.sleep(0.3)
        process.stdout.close()  # the pager quits too
        returncode = process.wait(timeout=30)
        stderr = process.stderr.read().decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        pytest.fail("rouge hung after SIGINT while its output pipe was full")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()
    assert returncode == 130, f"exit {returncode}; stderr: {stderr!r}"
    assert_quiet(stderr)
