"""The tree stays readable: small modules, each in the layer its package names."""

from __future__ import annotations

from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "rouge_cli"
LAYERS = ["common", "config", "dataset", "query", "render", "cli"]


def test_every_module_is_under_300_lines() -> None:
    long = {str(p.relative_to(SRC)): n for p in SRC.rglob("*.py") if (n := len(p.read_text().splitlines())) >= 300}
    assert long == {}


def test_every_module_sits_in_a_layer() -> None:
    top = {p.name for p in SRC.iterdir() if not p.name.startswith((".", "__pycache__"))}
    assert top == {*LAYERS, "__init__.py", "__main__.py", "entry.py", "gate", "view.py", "data"} - (
        set() if (SRC / "data").exists() else {"data"}
    )
