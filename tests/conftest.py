"""Shared fixtures: the hand-written mini dataset, the shipped one, and a CLI runner."""

from __future__ import annotations

import signal
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from rouge_cli import entry
from rouge_cli.cli.app import app
from rouge_cli.dataset.load import load_dataset
from rouge_cli.dataset.model import Dataset
from support import MINI

Invoke = Callable[..., Result]

# A suite started in the background of a non-interactive shell inherits SIGINT ignored, and so would
# every `rouge` it starts: the Ctrl-C tests need the disposition a terminal gives.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test sees the developer's progress, episode or dataset settings."""
    for name in ("ROUGE_UP_TO_EPISODE", "ROUGE_DATA", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(entry, "QUICK_EXIT", False)  # `main` run in-process must not end the test run


@pytest.fixture(scope="session")
def mini() -> Dataset:
    return load_dataset(MINI)


@pytest.fixture(scope="session")
def shipped() -> Dataset:
    return load_dataset()


@pytest.fixture
def invoke() -> Invoke:
    """Run `rouge ARGS...` in-process; stdout and stderr are kept apart."""
    runner = CliRunner()

    def run(*args: str, env: Mapping[str, str] | None = None) -> Result:
        return runner.invoke(app, list(args), env=dict(env or {}), catch_exceptions=False)

    return run
