"""Layer 5, the command line: the Typer app, commands, the fast paths and shell completion."""
