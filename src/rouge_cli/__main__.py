"""`python -m rouge_cli`: the same program, safe from whatever sits in the current directory."""

import os
import sys

# `python -m` puts the current directory first on sys.path: a `typer.py` or `rich/` there would be
# imported instead of the real one. rouge never needs it.
if sys.path and sys.path[0] in ("", os.getcwd()) and not os.path.isdir(os.path.join(sys.path[0] or ".", "rouge_cli")):
    del sys.path[0]

from rouge_cli.entry import main

main()
