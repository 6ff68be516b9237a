"""The completion scripts and the man page installed under share/ come from the program itself."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("share_tool", ROOT / "tools" / "share.py")
assert _spec is not None and _spec.loader is not None
share = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(share)


def test_the_completion_scripts_are_what_rouge_prints() -> None:
    for name, text in share.completion_scripts().items():
        assert (ROOT / "share" / name).read_text() == text, f"share/{name}: run python tools/share.py"


def test_the_man_page_has_every_command_its_summary_and_the_exit_codes() -> None:
    page = (ROOT / "share" / share.MAN_PAGE).read_text()
    for path in share.commands():
        assert f'.SS "rouge {" ".join(path)}"' in page, path
        usage = f"Usage: rouge {' '.join(path)} "
        assert usage in page, usage
    for code, _ in share.EXIT_STATUS:
        assert f".B {code}\n" in page
    assert not any(
        line.startswith(".") and not line.startswith((".TH", ".SH", ".SS", ".nf", ".fi", ".B", ".TP"))
        for line in page.splitlines()
    )


@pytest.mark.skipif(not shutil.which("groff"), reason="no groff")
def test_the_man_page_renders_without_warnings() -> None:
    page = ROOT / "share" / share.MAN_PAGE
    done = subprocess.run(
        ["groff", "-man", "-Tutf8", "-ww", "-z", str(page)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and done.stderr == ""
