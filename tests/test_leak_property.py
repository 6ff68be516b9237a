"""The leak property over every command: random datasets, random episodes, every output.

For each generated dataset (every string a unique dated token) and episode, every command
and output format runs through the real CLI: no token revealed after the episode may
appear in stdout or stderr (other than the user's own query echoed back), and a name not
revealed yet must answer byte for byte as if it had never existed.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from rouge_cli.cli.app import app
from rouge_cli.common.position import Position
from rouge_cli.dataset.load import read_document, validate
from rouge_cli.gate import gate, where
from strategies import Generated, datasets, positions
from toml_writer import to_toml

TOKEN = re.compile(r"[a-z]{3,5}\d{4}x")
ENV = {"COLUMNS": "250", "NO_COLOR": "1"}


class Session:
    def __init__(self, root: Path, data: Path) -> None:
        self.root, self.data, self.runner = root, data, CliRunner()

    def run(self, *args: str, data: Path | None = None, **env: str) -> Result:
        environment = {
            **ENV,
            "XDG_CACHE_HOME": str(self.root / "cache"),
            "XDG_CONFIG_HOME": str(self.root / "cfg"),
            **env,
        }
        return self.runner.invoke(
            app, [*args, "--data", str(data or self.data)], env=environment, catch_exceptions=False
        )


def leaked(result: Result, revealed: dict[str, int], limit: int, query: str = "") -> list[str]:
    text = (result.stdout + result.stderr).replace(query, "") if query else result.stdout + result.stderr
    return sorted({t for t in TOKEN.findall(text) if revealed.get(t, 0) > limit})


def outputs(session: Session, generated: Generated, position: Position) -> Iterator[tuple[str, Result, str]]:
    """(what ran, its result, the query it echoes) for every command and format at `position`."""
    e = ("-e", str(position))
    episode = position.episode
    view = gate(generated.dataset, position)
    yield "list", session.run("list", *e), ""
    yield "list --json", session.run("list", *e, "--json"), ""
    yield "factions", session.run("factions", *e), ""
    yield "factions --json", session.run("factions", *e, "--json"), ""
    yield "episodes --json", session.run("episodes", *e, "--json"), ""
    for number in range(1, episode + 2):
        yield f"episode {number}", session.run("episode", str(number), *e, "--json"), ""
    for faction in view.factions:
        yield f"list -f {faction.name}", session.run("list", "-f", faction.name, *e, "--json"), ""
        yield f"roster {faction.name}", session.run("roster", faction.name, *e), ""
    yield "terms", session.run("terms", *e, "--json"), ""
    yield "episodes --synopsis", session.run("episodes", *e, "--synopsis"), ""
    yield "relations", session.run("relations", *e, "--json"), ""
    yield "relations dot", session.run("relations", *e, "--format", "dot"), ""
    yield "relations mermaid", session.run("relations", *e, "--format", "mermaid"), ""
    for number in range(1, episode + 2):
        yield f"cast {number}", session.run("cast", str(number), *e, "--json"), ""
        yield f"since {number}", session.run("since", str(number), *e), ""
    for term in view.terms:
        yield f"terms {term.name}", session.run("terms", term.name, *e), ""
    for character in view.characters:
        yield f"who {character.name}", session.run("who", character.name, *e, "--sources"), ""
        yield f"who {character.name} (env)", session.run("who", character.name, ROUGE_UP_TO_EPISODE=e[1]), ""
        yield f"who --json {character.name}", session.run("who", character.name, *e, "--json"), ""
        yield f"timeline {character.name}", session.run("timeline", character.name, *e, "--json"), ""
    for token in sorted(generated.revealed):
        yield f"who {token}", session.run("who", token, *e), token
        yield f"search {token}", session.run("search", token[:5], *e, "--json"), ""
        yield f"list -f {token}", session.run("list", "-f", token, *e), token
        yield f"terms {token}", session.run("terms", token, *e), token


def completion(session: Session, episode: Position, line: str) -> str:
    from rouge_cli.cli.completion.tab import answer

    env = {"_ROUGE_COMPLETE": "complete_fish", "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    env["_TYPER_COMPLETE_ARGS"] = f"rouge {line} --data {session.data} -e {episode} "
    saved = dict(os.environ)
    os.environ.update(XDG_CACHE_HOME=str(session.root / "cache"), XDG_CONFIG_HOME=str(session.root / "cfg"))
    import contextlib
    import io

    buffer = io.StringIO()
    try:
        with contextlib.redirect_stdout(buffer):
            answer({**os.environ, **env})
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return buffer.getvalue()


def valid(generated: Generated, path: Path) -> bool:
    path.write_text(to_toml(generated.dataset), encoding="utf-8")
    return not validate(read_document(path))[1]


def cases() -> st.SearchStrategy[tuple[Generated, Position]]:
    return datasets(max_episodes=4, max_characters=5).flatmap(
        lambda g: st.tuples(st.just(g), positions(g.dataset.episode_count))
    )


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_no_command_shows_anything_revealed_later(case: tuple[Generated, Position]) -> None:
    generated, position = case
    limit = where(generated.dataset, position).moment
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        data = root / "data.toml"
        assume(valid(generated, data))
        session = Session(root, data)
        for what, result, query in outputs(session, generated, position):
            assert "Traceback" not in result.stderr, what
            assert leaked(result, generated.revealed, limit, query) == [], what
        for line in ("who", "timeline", "list --faction"):
            offered = completion(session, position, line)
            assert [t for t in TOKEN.findall(offered) if generated.revealed.get(t, 0) > limit] == [], line


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_an_unrevealed_name_answers_like_a_name_that_never_existed(case: tuple[Generated, Position]) -> None:
    generated, position = case
    limit = where(generated.dataset, position).moment
    episode = str(position)
    hidden = sorted(
        t for t, shown in generated.revealed.items() if shown > limit and t.startswith(("nam", "fac", "trm"))
    )
    assume(hidden)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        data = root / "data.toml"
        assume(valid(generated, data))
        session = Session(root, data)
        for token in hidden:
            erased = root / "erased.toml"
            erased.write_text(data.read_text(encoding="utf-8").replace(token, "zzz9999x"), encoding="utf-8")
            for args in (
                ("who", token),
                ("list", "-f", token),
                ("search", token),
                ("terms", token),
                ("roster", token),
                ("who", token[:-2] + "yx"),
            ):
                real = session.run(*args, "-e", episode)
                control = session.run(*args, "-e", episode, data=erased)
                assert (real.exit_code, real.stdout, real.stderr) == (
                    control.exit_code,
                    control.stdout,
                    control.stderr,
                ), args
                if args[0] == "who" and real.exit_code == 0:
                    json.loads(session.run(*args, "-e", episode, "--json").stdout)
