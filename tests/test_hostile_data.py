"""Hostile dataset files: broken ones fail with one clean line (exit 3); odd but valid ones render safely.

(a) broken files through the CLI, (b) Hypothesis fuzzing of the loader, (c) valid data whose texts carry
Rich markup, terminal escapes, bidi overrides and a 5,000-character word. The schema's rules one by one
(each message with its key path) are in test_validation.py; (a) covers what goes wrong with the file itself.
"""

from __future__ import annotations

import contextlib
import copy
import datetime
import json
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import Invoke
from rouge_cli.common.errors import DataError
from rouge_cli.dataset.load import load_dataset, read_document, validate
from rouge_cli.dataset.model import Dataset
from support import MINI
from toml_writer import toml_string

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

MINI_TEXT = MINI.read_text(encoding="utf-8")
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def edit(old: str, new: str, text: str = MINI_TEXT) -> str:
    """`text` with the first `old` replaced by `new` (which must be there)."""
    assert old in text, old
    return text.replace(old, new, 1)


def at_line(text: str, marker: str) -> str:
    """The fragment a TOML syntax error must show: the line `marker` is on."""
    return f"line {text[: text.index(marker)].count(chr(10)) + 1}"


BEFORE_CHARACTERS = MINI_TEXT[: MINI_TEXT.index("[[characters]]")]
NO_EPISODES = re.sub(r"\[\[episodes\]\][^\[]*", "", MINI_TEXT)
DEEP = "deep = " + "[" * 5000 + "]" * 5000 + "\n"
DEEP_TABLE = "deep = " + "{a = " * 3000 + "1" + "}" * 3000 + "\n"

UNTERMINATED = edit('title = "Dawn"', 'title = "Dawn')
MISSING_EQUALS = MINI_TEXT + '\n[[characters]]\nid "broken"\n'
DUPLICATE_KEY = edit('studio = "Test"', 'studio = "Test"\nstudio = "Again"')
BAD_DATE = edit("air_date = 2024-01-18", "air_date = 2024-13-45")
UNCLOSED_ARRAY = edit('names = [{ text = "Bureau"', 'names = [{ text = "Bureau" ] ')

# (id, file content (bytes, or str written as UTF-8), fragment the error line must contain)
BROKEN_FILES: list[tuple[str, bytes | str, str]] = [
    ("empty", b"", "empty"),
    ("whitespace-only", b"  \n\t\n", "empty"),
    ("binary-junk", bytes(range(256)) * 8, ""),
    ("nul-bytes-in-utf8", b'[series]\ntitle = "x"\n\x00\x00\n', "line 3"),
    ("latin-1", edit('title = "Dawn"', 'title = "Aube é"').encode("latin-1", errors="replace"), "UTF-8"),
    ("utf-16", MINI_TEXT.encode("utf-16"), "UTF-8"),
    ("toml-syntax-error", b"[series\ntitle = 1", "TOML syntax error"),
    ("toml-unterminated-string", UNTERMINATED, at_line(UNTERMINATED, 'title = "Dawn')),
    ("toml-missing-equals", MISSING_EQUALS, at_line(MISSING_EQUALS, 'id "broken"')),
    ("toml-duplicate-key", DUPLICATE_KEY, at_line(DUPLICATE_KEY, 'studio = "Again"')),
    ("toml-bad-date", BAD_DATE, at_line(BAD_DATE, "2024-13-45")),
    ("toml-unclosed-array", UNCLOSED_ARRAY, at_line(UNCLOSED_ARRAY, 'text = "Bureau" ]')),
    ("toml-deeply-nested-arrays", MINI_TEXT.replace("[series]", DEEP + "[series]", 1), ""),
    ("toml-deeply-nested-tables", MINI_TEXT.replace("[series]", DEEP_TABLE + "[series]", 1), ""),
    ("characters-is-a-table", BEFORE_CHARACTERS + '[characters]\nid = "x"\n', "characters: expected an array"),
    ("characters-is-a-string", 'characters = "everyone"\n' + BEFORE_CHARACTERS, "characters: expected an array"),
    ("characters-are-numbers", "characters = [1, 2]\n" + BEFORE_CHARACTERS, "characters[0]: expected a table"),
    ("episodes-is-a-string", 'episodes = "13"\n' + NO_EPISODES, "episodes: expected an array"),
    (
        "series-is-a-string",
        edit('[series]\ntitle = "Mini Rouge"\nstudio = "Test"\nyear = 2024\n', 'series = "Mini Rouge"\n'),
        "series: expected a table",
    ),
    ("sources-is-an-array", edit("[sources]", "[[sources]]"), "sources: expected a table"),
    ("missing-series", edit('[series]\ntitle = "Mini Rouge"\nstudio = "Test"\nyear = 2024\n', ""), "series"),
    ("no-episodes", NO_EPISODES, "episodes"),
    (
        "revealed-in-float",
        edit('id = "heroine"\nrevealed_in = 1', 'id = "heroine"\nrevealed_in = 1.5'),
        "characters[0].revealed_in",
    ),
    ("air-date-with-time", edit("air_date = 2024-01-11", "air_date = 2024-01-11T10:00:00"), "episodes[0].air_date"),
    ("year-string", edit("year = 2024", 'year = "2024"'), "series.year"),
    ("missing-id", edit('id = "heroine"\n', ""), "characters[0].id: missing required key"),
    ("episode-negative", edit('id = "heroine"\nrevealed_in = 1', 'id = "heroine"\nrevealed_in = -1'), "outside 1..4"),
    ("superseded-in-99", edit("superseded_in = 4", "superseded_in = 99"), "characters[0].facts[1].superseded_in"),
    (
        "episode-beyond-64-bits",
        edit('id = "heroine"\nrevealed_in = 1', 'id = "heroine"\nrevealed_in = 99999999999999999999'),
        "characters[0].revealed_in",
    ),
    (
        "hostile-unknown-key",
        edit('id = "heroine"', 'id = "heroine"\n"\\u001b]8;;http://evil\\u0007x" = 1'),
        "unknown key",
    ),
    (
        "hostile-status-value",
        edit('value = "dead", revealed_in = 2', 'value = "\\u001b[2J\\u202e", revealed_in = 2'),
        "value",
    ),
    ("newline-in-key", edit('id = "heroine"', 'id = "heroine"\n"a\\nb\\rc" = 1'), "unknown key"),
    ("5000-char-key", edit('id = "heroine"', f'id = "heroine"\n{"k" * 5000} = 1'), "unknown key"),
]


def assert_data_error(exit_code: int, stdout: str, stderr: str, path: Path, fragment: str) -> None:
    report = f"exit {exit_code}, stderr {stderr[:500]!r}"
    assert exit_code == 3, report
    assert stdout == "", report
    assert "Traceback" not in stderr, report
    assert stderr.endswith("\n") and stderr.count("\n") == 1, f"want exactly one line: {report}"
    assert stderr.startswith(f"rouge: error: {path}: "), f"the line must name the file: {report}"
    assert fragment in stderr, f"expected {fragment!r}: {report}"
    raw = sorted({f"U+{ord(ch):04X}" for ch in RAW_CONTROL.findall(stderr)})
    assert not raw, f"raw control characters {raw} in stderr: {report}"


@pytest.mark.parametrize(("content", "fragment"), [pytest.param(c, f, id=i) for i, c, f in BROKEN_FILES])
def test_broken_data_file(invoke: Invoke, tmp_path: Path, content: bytes | str, fragment: str) -> None:
    path = tmp_path / "data.toml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    result = invoke("list", "-e", "1", "--data", str(path))
    assert_data_error(result.exit_code, result.stdout, result.stderr, path, fragment)


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "missing.toml"


def _directory(tmp_path: Path) -> Path:
    (tmp_path / "dir.toml").mkdir()
    return tmp_path / "dir.toml"


def _symlink_loop(tmp_path: Path) -> Path:
    (tmp_path / "loop.toml").symlink_to(tmp_path / "loop.toml")
    return tmp_path / "loop.toml"


def _file_as_directory(tmp_path: Path) -> Path:
    (tmp_path / "mini.toml").write_text(MINI_TEXT, encoding="utf-8")
    return tmp_path / "mini.toml" / "data.toml"


def _dangling_symlink(tmp_path: Path) -> Path:
    (tmp_path / "link.toml").symlink_to(tmp_path / "gone.toml")
    return tmp_path / "link.toml"


@pytest.mark.parametrize(
    ("make", "fragment"),
    [
        pytest.param(_missing, "no such file", id="missing"),
        pytest.param(_directory, "is a directory", id="directory"),
        pytest.param(_symlink_loop, "", id="symlink-loop"),
        pytest.param(_file_as_directory, "", id="parent-is-a-file"),
        pytest.param(_dangling_symlink, "", id="dangling-symlink"),
    ],
)
def test_unreadable_data_path(invoke: Invoke, tmp_path: Path, make: Callable[[Path], Path], fragment: str) -> None:
    path = make(tmp_path)
    result = invoke("list", "-e", "1", "--data", str(path))
    assert_data_error(result.exit_code, result.stdout, result.stderr, path, fragment)


def test_unreadable_permissions(invoke: Invoke, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: file permissions do not stop reading")
    path = tmp_path / "locked.toml"
    path.write_text(MINI_TEXT, encoding="utf-8")
    path.chmod(0)
    result = invoke("list", "-e", "1", "--data", str(path))
    assert_data_error(result.exit_code, result.stdout, result.stderr, path, "")


def test_check_lists_every_problem_cleanly(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "data.toml"
    text = edit('to = "doctor"', 'to = "nobody"', edit('id = "bureau"', 'id = "nine"'))
    path.write_text(edit('id = "heroine"', 'id = "heroine"\n"\\u001b[2J" = 1', text), encoding="utf-8")
    result = invoke("check", str(path))
    assert result.exit_code == 3 and "Traceback" not in result.stderr
    assert not RAW_CONTROL.search(result.stdout + result.stderr)
    problems = result.stdout.splitlines()
    assert len(problems) >= 3 and all(line.startswith(f"{path}: ") for line in problems)


# (b) Fuzzing the loader: anything either loads or raises DataError.


SCHEMA_KEYS = [
    *("series", "sources", "episodes", "factions", "characters", "title", "studio", "year", "number"),
    *("air_date", "air_date_inferred", "source", "id", "revealed_in", "names", "text", "kind", "facts"),
    *("descriptor", "species", "status", "value", "relations", "to", "label", "superseded_in", "ended_in"),
    "same_as",
]
keys = st.sampled_from(SCHEMA_KEYS) | st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)
scalars = (
    st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.sampled_from([0, 1, 2, 3, 4, 5, -1, 13, 14])
    | st.floats(allow_nan=False)
    | st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
    | st.sampled_from(["S", "alive", "dead", "name", "alias", "spelling", "heroine", "nine", ""])
    | st.dates()
    | st.datetimes()
    | st.datetimes(timezones=st.just(datetime.timezone.utc))
    | st.times()
)
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4), max_leaves=25
)
documents = st.dictionaries(keys, values, max_size=6)
MINI_DOCUMENT = tomllib.loads(MINI_TEXT)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz") / "data.toml"


def load_or_data_error(path: Path) -> None:
    """The property: a file loads, or fails with DataError; never any other exception."""
    try:
        document = read_document(path)
    except DataError:
        return
    validate(document)
    with contextlib.suppress(DataError):
        assert isinstance(load_dataset(path), Dataset)


@given(documents)
@FUZZ
def test_random_documents_load_or_raise_data_error(scratch: Path, document: dict[str, Any]) -> None:
    scratch.write_text(tomli_w.dumps(document), encoding="utf-8")
    load_or_data_error(scratch)


def _slots(node: Any) -> Any:
    """Every (container, key) pair in a document tree."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, child in list(items):
        yield node, key
        yield from _slots(child)


@st.composite
def mutated_mini(draw: st.DrawFn) -> dict[str, Any]:
    """The mini dataset with a few values replaced, deleted or added anywhere in the tree."""
    document = copy.deepcopy(MINI_DOCUMENT)
    for _ in range(draw(st.integers(1, 4))):
        slots = list(_slots(document))
        if not slots:
            break
        parent, key = slots[draw(st.integers(0, len(slots) - 1))]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[key] = draw(values)
        elif action == "delete":
            del parent[key]
        elif isinstance(parent, dict):
            parent[draw(keys)] = draw(values)
        else:
            parent.insert(key, draw(values))
    return document


@given(mutated_mini())
@FUZZ
def test_mutated_mini_documents_load_or_raise_data_error(scratch: Path, document: dict[str, Any]) -> None:
    scratch.write_text(tomli_w.dumps(document), encoding="utf-8")
    load_or_data_error(scratch)


@given(st.lists(st.tuples(st.floats(0, 1), st.integers(0, 40), st.text(max_size=12)), min_size=1, max_size=5))
@FUZZ
def test_mini_text_with_random_edits_loads_or_raises_data_error(
    scratch: Path, edits: list[tuple[float, int, str]]
) -> None:
    text = MINI_TEXT
    for where, cut, insert in edits:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut :]
    scratch.write_bytes(text.encode("utf-8", "surrogatepass"))
    load_or_data_error(scratch)


def _mini_prefix(tail: bytes, at: int) -> bytes:
    return MINI_TEXT.encode("utf-8")[:at] + tail


@given(st.binary(max_size=3000) | st.builds(_mini_prefix, st.binary(max_size=50), st.integers(0, 4000)))
@FUZZ
def test_random_bytes_load_or_raise_data_error(scratch: Path, raw: bytes) -> None:
    scratch.write_bytes(raw)
    load_or_data_error(scratch)


@pytest.mark.parametrize("nested", [pytest.param(DEEP, id="arrays"), pytest.param(DEEP_TABLE, id="inline-tables")])
def test_deeply_nested_document_raises_data_error(tmp_path: Path, nested: str) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(nested + MINI_TEXT, encoding="utf-8")
    with pytest.raises(DataError):
        load_dataset(path)


# (c) Hostile but valid data.

FIVE_THOUSAND = "W" * 5000
MARKUP_NAME = "[bold red]Rouge[/] Redstar"
MARKUP_ALIAS = "[link=http://evil]Metal Rouge[/link]"
MARKUP_FACT = "Hunts [bold red]x[/] androids [link=http://evil]y[/link] and [/] stray tags."
MARKUP_FACTION = "[red]Immortal Nine[/red]"
MARKUP_LABEL = "[blink]travel companion[/blink]"
LONG_NAME = f"Eden {FIVE_THOUSAND}"


def markup_dataset_text() -> str:
    text = edit('title = "Mini Rouge"', 'title = "Mini [bold]Rouge[/]"')
    text = edit('"Rouge Redstar"', toml_string(MARKUP_NAME), text)
    text = edit('"Metal Rouge"', toml_string(MARKUP_ALIAS), text)
    text = edit('"Hunts rogue androids."', toml_string(MARKUP_FACT), text)
    text = edit('"Immortal Nine"', toml_string(MARKUP_FACTION), text)
    text = edit('"travel companion"', toml_string(MARKUP_LABEL), text)
    text = edit('"Eden Varock"', toml_string(LONG_NAME), text)
    text = edit('"Robs graves for a living."', toml_string(f"Says {FIVE_THOUSAND} once."), text)
    return edit('descriptor = "long-haired scavenger"', 'descriptor = "[i]long-haired[/i] scavenger"', text)


ANSI_FACT = "Hunts \x1b[31mred\x1b[0m androids."
OSC_FACT = "Click \x1b]8;;http://evil\x07here\x1b]8;;\x07 now."
BIDI_NAME = "Sarah \u202eztiF"
C1_FACT = "Sends \x9b2J to the screen."
HIDDEN_SPECIES = "Ne\x1b[8man"
BELL_NAME = "Afdal \x07Bashal\x08\x08"
CR_FACT = "Honest text\rFAKE"
OSC_DESCRIPTOR = "long-haired \x1b]8;;http://evil\x07scavenger\x1b]8;;\x07"
TITLE_ESCAPE = "Mini Rouge \x1b]0;pwned\x07"
EPISODE_ESCAPE = "Dawn \x1b[2J"
SOURCE_KEY = "X\x1b[2J"
DATA_SEQUENCES = ["\x1b[31mred", "\x1b]8;;", "\x1b]0;", "\x1b[2J", "\x1b[8m", "\x9b", "\u202e", "\x07", "\r"]


def control_dataset_text() -> str:
    text = edit('title = "Mini Rouge"', f"title = {toml_string(TITLE_ESCAPE)}")
    text = edit('title = "Dawn"', f"title = {toml_string(EPISODE_ESCAPE)}", text)
    text = edit('S = "test source"', f'S = "test source"\n{toml_string(SOURCE_KEY)} = "evil source"', text)
    text = edit(
        '{ text = "Hunts rogue androids.", revealed_in = 1, source = "S" }',
        f"{{ text = {toml_string(ANSI_FACT)}, revealed_in = 1, source = {toml_string(SOURCE_KEY)} }},\n"
        f'  {{ text = {toml_string(OSC_FACT)}, revealed_in = 1, source = "S" }},\n'
        f'  {{ text = {toml_string(C1_FACT)}, revealed_in = 1, source = "S" }},\n'
        f'  {{ text = {toml_string(CR_FACT)}, revealed_in = 1, source = "S" }}',
        text,
    )
    text = edit('"Sarah Fitz"', toml_string(BIDI_NAME), text)
    text = edit(
        'species = [{ value = "Nean", revealed_in = 1, source = "S" }]\nstatus = [\n',
        f'species = [{{ value = {toml_string(HIDDEN_SPECIES)}, revealed_in = 1, source = "S" }}]\nstatus = [\n',
        text,
    )
    text = edit('"Afdal Bashal"', toml_string(BELL_NAME), text)
    return edit('descriptor = "long-haired scavenger"', f"descriptor = {toml_string(OSC_DESCRIPTOR)}", text)


@pytest.fixture
def markup_data(tmp_path: Path) -> Path:
    path = tmp_path / "markup.toml"
    path.write_text(markup_dataset_text(), encoding="utf-8")
    return path


COLOUR = {"FORCE_COLOR": "1", "COLUMNS": "300"}
PLAIN = {"COLUMNS": "300"}
SGR = re.compile(r"\x1b\[[0-9;]*m")


def flat(text: str) -> str:
    return " ".join(text.split())


def assert_safe_human_output(stdout: str, coloured: bool) -> None:
    """No escape sequence from the data reaches stdout raw (Rich's own colour codes are allowed when coloured)."""
    leaked = [seq for seq in DATA_SEQUENCES if seq in stdout and not (coloured and seq == "\x1b[31mred")]
    if coloured and "\x1b[31mred\x1b[0m androids" in stdout:
        leaked.append("\x1b[31mred\x1b[0m androids")
    rest = SGR.sub("", stdout) if coloured else stdout
    raw = sorted({f"U+{ord(ch):04X}" for ch in RAW_CONTROL.findall(rest)})
    assert not leaked and not raw, f"raw from the data on stdout: {leaked}; raw control characters: {raw}"


def test_markup_dataset_is_valid(invoke: Invoke, markup_data: Path) -> None:
    result = invoke("check", str(markup_data))
    assert result.exit_code == 0, result.stdout + result.stderr


@pytest.mark.parametrize("env", [pytest.param(PLAIN, id="plain"), pytest.param(COLOUR, id="force-color")])
@pytest.mark.parametrize(
    ("args", "literal"),
    [
        pytest.param(("who", "redstar"), [MARKUP_NAME, MARKUP_ALIAS, MARKUP_FACT, MARKUP_LABEL], id="who-heroine"),
        pytest.param(("who", "redstar", "--sources"), [MARKUP_NAME, MARKUP_FACT], id="who-sources"),
        pytest.param(("who", "sarah"), [MARKUP_FACTION], id="who-faction-member"),
        pytest.param(("who", "eden"), [LONG_NAME[:40]], id="who-long-name"),
        pytest.param(("list",), [MARKUP_NAME, MARKUP_FACTION, "Mini [bold]Rouge[/]"], id="list"),
        pytest.param(("list", "--faction", "immortal nine"), [MARKUP_FACTION], id="list-faction"),
    ],
)
def test_markup_in_data_is_shown_literally(
    invoke: Invoke, markup_data: Path, args: tuple[str, ...], literal: list[str], env: dict[str, str]
) -> None:
    result = invoke(*args, "-e", "4", "--data", str(markup_data), env=env)
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr and result.stderr == ""
    shown = flat(SGR.sub("", result.stdout))
    for text in literal:
        assert flat(text) in shown, f"{text[:60]!r} not shown literally"
    assert "\x1b]8;;" not in result.stdout, "a [link] in the data became a real hyperlink"


@pytest.mark.parametrize("env", [pytest.param({}, id="plain"), pytest.param(COLOUR, id="force-color")])
def test_markup_in_data_round_trips_through_json(invoke: Invoke, markup_data: Path, env: dict[str, str]) -> None:
    who = invoke("who", "redstar", "-e", "4", "--json", "--data", str(markup_data), env=env)
    assert who.exit_code == 0, who.stderr
    character = json.loads(who.stdout)["character"]
    assert character["name"] == MARKUP_NAME and MARKUP_ALIAS in character["aliases"]
    assert MARKUP_FACT in [f["text"] for f in character["facts"]]
    assert [r["label"] for r in character["relations"]] == [MARKUP_LABEL]
    listed = invoke("list", "-e", "4", "--json", "--data", str(markup_data), env=env)
    characters = json.loads(listed.stdout)["characters"]
    assert LONG_NAME in [c["name"] for c in characters]
    assert any(MARKUP_FACTION in c["factions"] for c in characters)
    unnamed = json.loads(invoke("list", "-e", "2", "--json", "--data", str(markup_data)).stdout)["characters"]
    assert "[i]long-haired[/i] scavenger" in [c["descriptor"] for c in unnamed]


CONTROL_CASES = [
    pytest.param('title = "Mini Rouge"', f"title = {toml_string(TITLE_ESCAPE)}", "series.title", id="series-title-osc"),
    pytest.param(
        'title = "Dawn"', f"title = {toml_string(EPISODE_ESCAPE)}", "episodes[0].title", id="episode-title-csi"
    ),
    pytest.param(
        'S = "test source"', f'S = "test source"\n{toml_string(SOURCE_KEY)} = "x"', "sources", id="source-key"
    ),
    pytest.param('"Hunts rogue androids."', toml_string(ANSI_FACT), "characters[0].facts[0].text", id="fact-sgr"),
    pytest.param('"Hunts rogue androids."', toml_string(OSC_FACT), "characters[0].facts[0].text", id="fact-osc8"),
    pytest.param('"Hunts rogue androids."', toml_string(C1_FACT), "characters[0].facts[0].text", id="fact-c1"),
    pytest.param('"Hunts rogue androids."', toml_string(CR_FACT), "characters[0].facts[0].text", id="fact-cr"),
    pytest.param('"Sarah Fitz"', toml_string(BIDI_NAME), "characters[1].names[0].text", id="name-bidi"),
    pytest.param('"Afdal Bashal"', toml_string(BELL_NAME), "characters[3].names[0].text", id="name-bell"),
    pytest.param(
        'descriptor = "long-haired scavenger"',
        f"descriptor = {toml_string(OSC_DESCRIPTOR)}",
        "characters[2].descriptor",
        id="descriptor-osc",
    ),
    pytest.param(
        '{ value = "Nean", revealed_in = 1, source = "S" }]\nstatus',
        f'{{ value = {toml_string(HIDDEN_SPECIES)}, revealed_in = 1, source = "S" }}]\nstatus',
        "characters[0].species[0].value",
        id="species-hidden",
    ),
]


@pytest.mark.parametrize(("old", "new", "where"), CONTROL_CASES)
def test_control_characters_in_data_are_rejected_clearly(
    invoke: Invoke, tmp_path: Path, old: str, new: str, where: str
) -> None:
    """Escapes, C1 controls and bidi overrides in data are refused by validation, never printed raw."""
    path = tmp_path / "control.toml"
    path.write_text(edit(old, new), encoding="utf-8")
    checked = invoke("check", str(path))
    assert checked.exit_code == 3 and "Traceback" not in checked.stderr
    assert any(where in line and "bidi or invisible character" in line for line in checked.stdout.splitlines())
    assert not RAW_CONTROL.search(checked.stdout + checked.stderr)
    listed = invoke("list", "-e", "4", "--data", str(path))
    assert listed.exit_code == 3 and listed.stdout == ""
    assert listed.stderr.count("\n") == 1 and "bidi or invisible character" in listed.stderr
    assert not RAW_CONTROL.search(listed.stderr)
