"""`python -m rouge_cli`."""

from .entry import main

main()
