"""Paths and helpers shared by the tests (imported as a plain module; pytest puts tests/ on sys.path)."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).parent
ROOT = TESTS.parent
FIXTURES = TESTS / "data"
MINI = FIXTURES / "mini.toml"
GOLDEN = TESTS / "golden"
