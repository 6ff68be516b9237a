"""Hostile command lines: every bad invocation fails with one clean line on stderr and a documented exit code.

The in-process table runs against the shipped dataset (13 episodes). Each case passes `-e 5` (or sets
ROUGE_UP_TO_EPISODE) unless the case is about the episode itself, so no default-episode note is expected.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Invoke

ROUGE = Path(sys.executable).with_name("rouge")
USAGE, NOT_FOUND, DATA = 2, 1, 3
EP = ("-e", "5")
HUGE = "x" * 100_000
LONGEST_LINE = 300

# Raw control, C1, bidi-override/isolate and lone-surrogate characters: none may reach the terminal.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def case(*args: str, code: int, id: str, env: dict[str, str] | None = None, shows: str | None = None) -> object:
    """One row of the table: the argv, the exit code, the environment, a fragment stderr must contain."""
    return pytest.param(args, code, env or {}, shows, id=id)


BAD_INVOCATIONS = [
    # Missing arguments, unknown commands and options.
    case("who", *EP, code=USAGE, id="who-missing-name", shows="NAME"),
    case("nope", code=USAGE, id="unknown-command"),
    case("lst", *EP, code=USAGE, id="unknown-command-typo"),
    case("list", *EP, "--bogus", code=USAGE, id="unknown-long-option", shows="--bogus"),
    case("who", "giallon", *EP, "--colour", code=USAGE, id="unknown-option-on-who"),
    case("list", *EP, "-z", code=USAGE, id="unknown-short-option"),
    case("--json", "list", *EP, code=USAGE, id="command-option-before-command"),
    case("who", "giallon", "extra", *EP, code=USAGE, id="who-extra-argument"),
    case("list", "giallon", *EP, code=USAGE, id="list-extra-argument"),
    case("list", "-e", code=USAGE, id="episode-option-without-value"),
    case("list", *EP, "--faction", code=USAGE, id="faction-option-without-value"),
    case("list", *EP, "--species", code=USAGE, id="species-option-without-value"),
    case("list", *EP, "--status", code=USAGE, id="status-option-without-value"),
    case("list", *EP, "--data", code=USAGE, id="data-option-without-value"),
    case("who", "giallon", *EP, "--all", code=USAGE, id="episode-and-all-together"),
    # Episodes.
    case("list", "-e", "0", code=USAGE, id="episode-0"),
    case("list", "-e", "-1", code=USAGE, id="episode-minus-1"),
    case("list", "-e", "14", code=USAGE, id="episode-14-past-the-last"),
    case("list", "--up-to-episode=14", code=USAGE, id="episode-14-long-form"),
    case("list", "-e", "abc", code=USAGE, id="episode-abc"),
    case("list", "-e", "5.5", code=USAGE, id="episode-5.5"),
    case("list", "-e", "99999999999999999999999", code=USAGE, id="episode-huge"),
    case("list", "-e", "9" * 100_000, code=USAGE, id="episode-100k-digits"),
    case("list", "-e", "", code=USAGE, id="episode-empty"),
    case("list", "-e", " ", code=USAGE, id="episode-space"),
    case("list", "-e", "0x5", code=USAGE, id="episode-hex"),
    case("list", "-e", "1_0", code=USAGE, id="episode-with-underscore"),
    case("list", "-e", "٣", code=USAGE, id="episode-arabic-indic-digit"),
    case("list", "-e", "5\x1b[31m", code=USAGE, id="episode-with-ansi"),
    case("who", "giallon", "-e", "1e3", code=USAGE, id="who-episode-1e3"),
    # Names.
    case("who", "", *EP, code=USAGE, id="name-empty"),
    case("who", "   ", *EP, code=USAGE, id="name-whitespace"),
    case("who", "\t\n", *EP, code=USAGE, id="name-tab-newline"),
    case("who", HUGE, *EP, code=NOT_FOUND, id="name-100k-chars"),
    case("who", "[bold]x[/]", *EP, code=NOT_FOUND, id="name-rich-bold", shows="[bold]x[/]"),
    case("who", "[/]", *EP, code=USAGE, id="name-rich-close-tag-only"),
    case("who", "[link=http://x]y[/link]", *EP, code=NOT_FOUND, id="name-rich-link", shows="[link=http://x]y[/link]"),
    case("who", "\x1b[31mred", *EP, code=NOT_FOUND, id="name-ansi-sgr"),
    case("who", "\x1b]8;;http://x\x07y", *EP, code=NOT_FOUND, id="name-osc8-hyperlink"),
    case("who", "\x1b]0;pwned\x07zzyx", *EP, code=NOT_FOUND, id="name-osc-window-title"),
    case("who", "\x9b31m", *EP, code=NOT_FOUND, id="name-c1-csi"),
    case("who", "\u202ezzyx", *EP, code=NOT_FOUND, id="name-bidi-override"),
    case("who", "zz\u2066yx\u2069", *EP, code=NOT_FOUND, id="name-bidi-isolate"),
    case("who", "a\x01b\x7fc", *EP, code=NOT_FOUND, id="name-c0-and-del"),
    case("who", "ab\rcd", *EP, code=NOT_FOUND, id="name-carriage-return"),
    case("who", "ab\ncd", *EP, code=NOT_FOUND, id="name-newline"),
    case("who", "zz\x08\x08yx", *EP, code=NOT_FOUND, id="name-backspaces"),
    case("who", "caf\udce9", *EP, code=NOT_FOUND, id="name-not-utf8-surrogateescape"),
    # Hostile command and option names.
    case("\x1b[31mred", code=USAGE, id="command-ansi"),
    case("caf\udce9", code=USAGE, id="command-not-utf8"),
    case(HUGE, code=USAGE, id="command-100k-chars"),
    case("list", *EP, "--\x1b[2J", code=USAGE, id="option-name-ansi"),
    # Filters.
    case("list", *EP, "--faction", "nobody", code=NOT_FOUND, id="faction-unknown"),
    case("list", *EP, "--faction", "", code=USAGE, id="faction-empty"),
    case("list", *EP, "--faction", "  ", code=USAGE, id="faction-whitespace"),
    case("list", *EP, "--faction", "[bold]x[/]", code=NOT_FOUND, id="faction-rich-markup", shows="[bold]x[/]"),
    case("list", *EP, "--faction", "\x1b[31mzzyx", code=NOT_FOUND, id="faction-ansi"),
    case("list", *EP, "--faction", "\u202ezzyx", code=NOT_FOUND, id="faction-bidi"),
    case("list", *EP, "--faction", "caf\udce9", code=NOT_FOUND, id="faction-not-utf8"),
    case("list", *EP, "--faction", HUGE, code=NOT_FOUND, id="faction-100k-chars"),
    case("list", *EP, "--status", "zombie", code=USAGE, id="status-unknown"),
    case("list", *EP, "--status", "", code=USAGE, id="status-empty"),
    case("list", *EP, "--status", "\x1b[31malive", code=USAGE, id="status-ansi"),
    case("list", *EP, "--status", HUGE, code=USAGE, id="status-100k-chars"),
    case("list", *EP, "--species", "", code=USAGE, id="species-empty"),
    case("list", *EP, "--species", "   ", code=USAGE, id="species-whitespace"),
    # Data files that cannot be read.
    case(
        "list", *EP, "--data", "/nonexistent/rouge.toml", code=DATA, id="data-missing", shows="/nonexistent/rouge.toml"
    ),
    case("who", "giallon", *EP, "--data", "/nonexistent/rouge.toml", code=DATA, id="who-data-missing"),
    case("list", *EP, "--data", "", code=DATA, id="data-empty-path"),
    case("list", *EP, "--data", "/nonexistent/\x1b[31m.toml", code=DATA, id="data-path-ansi"),
    case("list", *EP, "--data", "/nonexistent/caf\udce9.toml", code=DATA, id="data-path-not-utf8"),
    case("list", *EP, "--data", "/nonexistent/" + HUGE, code=DATA, id="data-path-100k-chars"),
    case("list", *EP, code=DATA, env={"ROUGE_DATA": "/nonexistent/rouge.toml"}, id="data-missing-from-env"),
    case("check", "/nonexistent/rouge.toml", code=DATA, id="check-missing-file"),
    # ROUGE_UP_TO_EPISODE.
    case("list", code=USAGE, env={"ROUGE_UP_TO_EPISODE": "abc"}, id="env-abc", shows="ROUGE_UP_TO_EPISODE"),
    case("list", code=USAGE, env={"ROUGE_UP_TO_EPISODE": "0"}, id="env-0"),
    case("list", code=USAGE, env={"ROUGE_UP_TO_EPISODE": "14"}, id="env-14"),
    case("list", code=USAGE, env={"ROUGE_UP_TO_EPISODE": " "}, id="env-space"),
    case("list", code=USAGE, env={"ROUGE_UP_TO_EPISODE": "1e3"}, id="env-1e3"),
    case("list", code=USAGE, env={"ROUGE_UP_TO_EPISODE": "٣"}, id="env-arabic-indic-digit"),
    case("list", code=USAGE, env={"ROUGE_UP_TO_EPISODE": "-1"}, id="env-minus-1"),
    case("list", code=USAGE, env={"ROUGE_UP_TO_EPISODE": "5.5"}, id="env-5.5"),
    case("list", code=USAGE, env={"ROUGE_UP_TO_EPISODE": "\x1b[31m5"}, id="env-ansi"),
    case("list", code=USAGE, env={"ROUGE_UP_TO_EPISODE": "caf\udce9"}, id="env-not-utf8"),
    case("list", code=USAGE, env={"ROUGE_UP_TO_EPISODE": HUGE}, id="env-100k-chars"),
    case("who", "giallon", code=USAGE, env={"ROUGE_UP_TO_EPISODE": "14"}, id="who-env-14"),
]


def assert_clean_failure(exit_code: int, stdout: str, stderr: str, expected: int, argv_len: int) -> None:
    """The shared contract: documented code, nothing on stdout, one sanitised `rouge: error:` line."""
    report = f"exit {exit_code}, stderr {stderr[:400]!r}"
    assert exit_code == expected, report
    assert stdout == "", f"stdout must be empty: {stdout[:200]!r}"
    assert "Traceback" not in stderr, report
    assert stderr.endswith("\n"), report
    lines = stderr[:-1].split("\n")
    errors = [line for line in lines if line.startswith("rouge: error:")]
    others = [line for line in lines if not line.startswith(("rouge: error:", "rouge: note:"))]
    assert len(errors) == 1 and not others, f"want one 'rouge: error:' line: {report}"
    raw = sorted({f"U+{ord(ch):04X}" for ch in RAW_CONTROL.findall(stderr)})
    assert not raw, f"raw control characters {raw} in stderr: {report}"
    if argv_len >= 100_000:
        assert max(len(line) for line in lines) < LONGEST_LINE, f"a 100,000-character argument echoed: {report}"


@pytest.mark.parametrize(("args", "code", "env", "shows"), BAD_INVOCATIONS)
def test_bad_invocation_fails_cleanly(
    invoke: Invoke, args: tuple[str, ...], code: int, env: dict[str, str], shows: str | None
) -> None:
    result = invoke(*args, env=env)
    longest = max([len(a) for a in args] + [len(v) for v in env.values()])
    assert_clean_failure(result.exit_code, result.stdout, result.stderr, code, longest)
    if shows is not None:
        assert shows in result.stderr


def test_the_table_is_big_enough() -> None:
    assert len(BAD_INVOCATIONS) >= 45


# Raw, non-UTF-8 bytes in argv and the environment, through the installed program.
RAW_BYTES = [
    pytest.param([b"who", b"caf\xe9", b"-e", b"5"], {}, NOT_FOUND, id="name-latin1-byte"),
    # No letter or digit survives decoding, so it is an empty name (a usage error), like `who ""`.
    pytest.param([b"who", b"\xff\xfe\x80", b"-e", b"5"], {}, USAGE, id="name-invalid-bytes-only"),
    pytest.param([b"caf\xe9"], {}, USAGE, id="command-latin1-byte"),
    pytest.param([b"list", b"-e", b"5", b"--faction", b"\xffzzyx"], {}, NOT_FOUND, id="faction-invalid-byte"),
    pytest.param([b"list", b"-e", b"\xe9"], {}, USAGE, id="episode-invalid-byte"),
    pytest.param([b"list", b"-e", b"5", b"--data", b"/nonexistent/caf\xe9.toml"], {}, DATA, id="data-path-latin1"),
    pytest.param([b"list"], {b"ROUGE_UP_TO_EPISODE": b"\xe9"}, USAGE, id="env-invalid-byte"),
]


@pytest.mark.parametrize(("argv", "extra_env", "code"), RAW_BYTES)
def test_raw_bytes_through_the_installed_program(
    tmp_path: Path, argv: list[bytes], extra_env: dict[bytes, bytes], code: int
) -> None:
    env: dict[bytes, bytes] = {
        os.fsencode(k): os.fsencode(v) for k, v in os.environ.items() if not k.startswith(("ROUGE_", "LC_", "LANG"))
    }
    env[b"LC_ALL"] = b"C.UTF-8"
    env[b"XDG_CONFIG_HOME"] = os.fsencode(tmp_path / "config")
    env[b"XDG_CACHE_HOME"] = os.fsencode(tmp_path / "cache")
    env.update(extra_env)
    done = subprocess.run(
        [os.fsencode(ROUGE), *argv], cwd=tmp_path, env=env, capture_output=True, timeout=60, check=False
    )
    try:
        stderr = done.stderr.decode("utf-8")
    except UnicodeDecodeError:
        pytest.fail(f"stderr is not valid UTF-8 (a raw input byte was echoed): {done.stderr[:300]!r}")
    stdout = done.stdout.decode("utf-8", "replace")
    assert_clean_failure(done.returncode, stdout, stderr, code, 0)
